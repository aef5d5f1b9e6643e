"""Stable entity ids across batches: which stored ids a batch's entities take, and which are merged away."""

from __future__ import annotations

from marsad.corpus.registry import entity_keys, name_key, renumber
from marsad.model import Entity


def test_a_known_entity_is_never_merged_away_by_a_shared_spelling_key() -> None:
    """Analysing the first 200 SaudiNewsNet records of 2015-08-01 five at a time, a Bahraini article's lone «المملكة»
    gave its key to Bahrain, and the next batch's Saudi Arabia, called «المملكة» too, folded Bahrain into itself
    (a redirect loc:bahrain -> loc:saudi-arabia, and Bahrain's later mentions read as Saudi Arabia's).  The key moves
    to the batch's entity; both known entities stay."""
    bahrain = Entity("loc:bahrain", "LOC", "البحرين", ["المملكة"], mentions=3)
    known = {key: bahrain.id for key in entity_keys(bahrain)}
    saudi = Entity("loc:saudi-arabia", "LOC", "السعودية", ["المملكة"], mentions=12)
    out = renumber([saudi], known, next_number=7)
    assert out.ids == {saudi.id: saudi.id} and out.redirects == {}
    assert out.keys["LOC:المملكه"] == saudi.id and out.next_number == 7


def test_two_stored_entities_one_batch_entity_spells_both_ways_are_merged() -> None:
    """A batch that names «عبدالله بن عبدالعزيز الربيعة» and «عبد الله الربيعة» as one person joins the two entities
    earlier batches stored under those forms: it takes the id its name's key points to, and the other becomes a redirect."""
    joined = Entity("E1", "PER", "عبدالله بن عبدالعزيز الربيعة", ["عبدالله الربيعة", "عبد الله الربيعة"], mentions=4)
    known = {"PER:عبداللهبنعبدالعزيزالربيعه": "E7", "PER:عبداللهالربيعه": "E9"}  # spelling keys join «عبد الله»
    assert set(known) == set(entity_keys(joined)) and name_key(joined) in known
    out = renumber([joined], known, next_number=12)
    assert out.ids == {"E1": "E7"} and out.redirects == {"E9": "E7"}
