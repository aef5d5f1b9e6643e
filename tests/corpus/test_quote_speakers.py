"""After cross-document resolution, quote speakers and via sources are global entity ids."""

from __future__ import annotations

from pathlib import Path

from marsad.api import analyze
from marsad.options import Options


def test_speakers_are_resolved_entities(shared_dir: Path) -> None:
    result = analyze([str(shared_dir / "seeds")], Options())
    entities = {e.id: e for e in result.corpus.entities}
    kirby = [q for d in result.documents for q in d.quotes if q.text.startswith("لسنا قلقين بشأن زيارة")]
    assert len(kirby) == 2
    assert {entities[q.speaker].name for q in kirby if q.speaker} == {"جون كيربي"}
    markov = next(q for d in result.documents for q in d.quotes if q.via and q.speaker_text and "ماركوف" in q.speaker_text.text)
    assert markov.speaker is not None and "ماركوف" in entities[markov.speaker].name
    assert any("بي بي سي" in entities[v].name for v in markov.via if v in entities)
