"""Fixed names that contain a place: the place word inside them is no mention of the place.

A company, exchange, bank, radio, district or region named with a place («الشبكة [السعودية] للمدفوعات», «سوق [دبي]
المالي», «إذاعة صوت [إسرائيل]», «منطقة [بغداد] الجديدة», «[أوروبا] الشرقية») is another referent than the place, but
the tagger tags the place word alone and resolution files the mention under the place.  ``entity_place_names.tsv``
lists such names, mined from SaudiNewsNet by ``scripts/mine_place_names.py`` (n-grams around a place that recur in
several outlets and whose words almost always come together), each with its label: ORG for an organisation, LOC for a
district or region of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from marsad.corpus.terms import STOPWORDS
from marsad.extract.ner.gazetteers import Gazetteer, gazetteer_from_names, name_spans
from marsad.lexicons import load_table
from marsad.text.clitics import is_lam_article_word


@cache
def place_names() -> Gazetteer:
    """The fixed names with a place of ``entity_place_names.tsv`` (key forms), by their label (ORG or LOC)."""
    return gazetteer_from_names((row[0].split(" "), row[1]) for row in load_table("entity_place_names.tsv"))


def tag_place_names(keys: Sequence[str], tags: list[str]) -> None:
    """Tag each fixed name with a place of ``entity_place_names.tsv`` whole, with its label, in a sentence's ``tags``
    (IOB, one per word of ``keys``; a clitic allowed on the name's first word).

    The name is tagged only where a word of it (the place) is tagged, no organisation is tagged inside it and no span
    runs across its ends: «الشبكة [السعودية] للمدفوعات» becomes one ORG, «[أوروبا] الشرقية» one LOC.  A name the
    tagger read as one span, an organisation it tagged there («[الهيئة السعودية] للمواصفات والمقاييس والجودة», which
    :func:`marsad.extract.entities.name_place_organisations` takes in whole) and a longer name around it are kept.
    """
    if all(t == "O" for t in tags):
        return
    for start, end, name in name_spans(place_names().match(keys)):
        inside = tags[start:end]
        if (all(t == "O" for t in inside) or any(t.endswith("-ORG") for t in inside) or inside[0].startswith("I-")
                or (end < len(tags) and tags[end].startswith("I-"))
                or (inside[0].startswith("B-") and all(t.startswith("I-") for t in inside[1:]))):
            continue
        end = _coordinated_end(keys, tags, start, end)
        tags[start:end] = ["B-" + name] + ["I-" + name] * (end - start - 1)


def _coordinated_end(keys: Sequence[str], tags: list[str], start: int, end: int) -> int:
    """Where a name with a ل + definite noun ends when the text goes on with up to two untagged definite or coordinated
    definite words: «هيئة البحرين للثقافة [والآثار]», «شركة جدة للتنمية والتطوير [العمراني]» (the corpus writes the
    longer names too seldom for a mined list; :func:`marsad.extract.entities.name_place_organisations` takes them in
    the same way after a place the tagger tagged alone)."""
    if not any(map(is_lam_article_word, keys[start:end])):
        return end
    for _ in range(2):
        if end < len(keys) and tags[end] == "O" and keys[end].startswith(("ال", "وال")) and keys[end] not in STOPWORDS:
            end += 1
    return end
