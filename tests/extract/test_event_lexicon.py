"""Building the event trigger lexicon from the Arabic CAMEO dictionaries, the seeds and real text."""

from __future__ import annotations

from pathlib import Path

from marsad.lexicons import load_table
from marsad.train.events import build, cameo_lemmas, noun_forms, verb_forms


def test_inflections() -> None:
    assert {"اجتمع", "اجتمعت", "اجتمعوا", "يجتمع", "تجتمع", "يجتمعون"} <= verb_forms("اجتمع")
    assert {"التقت", "التقوا", "يلتقي"} <= verb_forms("التقي")
    assert {"زياره", "زيارات", "زيارته", "زيارتها"} <= noun_forms("زياره")


def test_cameo_votes(shared_dir: Path) -> None:
    text = (shared_dir / "datasets" / "cameo_arabic" / "CAMEO.ar.0.5.txt").read_text(encoding="utf-8")
    lemmas = cameo_lemmas(text)
    assert len(lemmas) > 40
    assert lemmas["احتل"] == "19"
    assert all(len(code) == 2 and code.isdigit() for code in lemmas.values())


def test_build_on_real_text(shared_dir: Path) -> None:
    text = (shared_dir / "datasets" / "cameo_arabic" / "CAMEO.ar.0.5.txt").read_text(encoding="utf-8")
    sample = [
        "التقى وزير الخارجية نظيره العماني أمس، واحتل المسلحون البلدة. هنا في الرياض.",
        "وأدانت مصر التفجير الإرهابي، واحتلت القوات التلة، والتقى الوفدان. وصل هنا الوفد.",
        "وتلقى الأمير اتصالا هاتفيا، واحتل الجيش الموقع ثم احتل التلة، والتقى الرئيس رئيس الوزراء. جاء هنا.",
    ]
    triggers, counts = build(text, sample)
    by_form = {t.form: t for t in triggers}
    assert by_form["التقي"].type == "04" and by_form["التقي"].origin == "seed" and by_form["التقي"].kind == "verb"
    assert by_form["احتل"].type == "19" and by_form["احتل"].origin == "cameo"  # kept by the hand review
    assert "هنا" not in by_form and counts["هنا"] >= 3  # هنأ normalises to "here": dropped by the review
    assert "اتصالا" not in by_form  # seen twice only: under the frequency floor


def test_shipped_lexicon_is_consistent() -> None:
    types = {row[0] for row in load_table("event_types.tsv")}
    rows = load_table("event_triggers.tsv")
    assert len(rows) > 300
    assert {row[1] for row in rows} <= types
    assert all(row[4] in ("verb", "noun") and int(row[5]) >= 0 for row in rows)
