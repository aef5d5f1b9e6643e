"""Fixed names that contain a place: the place word inside them is no mention of the place.

A company, exchange, bank, radio, district or region named with a place («الشبكة [السعودية] للمدفوعات», «سوق [دبي]
المالي», «إذاعة صوت [إسرائيل]», «منطقة [بغداد] الجديدة», «[أوروبا] الشرقية») is another referent than the place, but
the tagger tags the place word alone and resolution files the mention under the place.  ``entity_place_names.tsv``
lists such names, mined from SaudiNewsNet by ``scripts/mine_place_names.py`` (n-grams around a place that recur in
several outlets and whose words almost always come together), each with its label: ORG for an organisation, LOC for a
district or region of its own.  ``entity_place_brands.tsv`` lists the brands named by a place without a head word
(«أرامكو السعودية», mined by the same script with ``--brands``), tagged whole and keyed as the brand alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from marsad.corpus.terms import STOPWORDS
from marsad.extract.ner.gazetteers import Gazetteer, gazetteer_from_names, name_spans
from marsad.lexicons import load_table
from marsad.text.clitics import is_lam_article_word
from marsad.text.normalize import norm_key


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


@cache
def place_brands() -> Gazetteer:
    """The brands named by a place without a head word of ``entity_place_brands.tsv`` (key forms: «ارامكو
    السعوديه», «زين السعوديه»)."""
    return gazetteer_from_names((row[0].split(" "), row[1]) for row in load_table("entity_place_brands.tsv"))


def tag_place_brands(keys: Sequence[str], tags: list[str]) -> None:
    """Tag each brand of ``entity_place_brands.tsv`` («أرامكو السعودية»: a word and a place) as one organisation in a
    sentence's ``tags`` (IOB, one per word of ``keys``) where the place is tagged alone right after the brand word.

    The brand word untagged or tagged alone becomes the organisation's first word; an organisation the tagger ends
    with it («شركة أرامكو») takes the place in.  A brand word inside a person's or a place's longer name, or a place
    the tagger tagged with more words, is left."""
    if all(t == "O" for t in tags):
        return
    for start, end, _ in name_spans(place_brands().match(keys)):
        place = end - 1
        if not tags[place].startswith("B-") or (end < len(tags) and tags[end].startswith("I-")):
            continue
        first = start
        if tags[start].startswith("I-"):
            while first and tags[first].startswith("I-"):
                first -= 1
            if not tags[first].endswith("-ORG"):
                continue
        tags[first:end] = ["B-ORG"] + ["I-ORG"] * (end - first - 1)


def brand_of(name: str) -> str:
    """The brand an organisation's name ends with before its place, the name itself otherwise: «أرامكو السعودية» →
    «أرامكو», so that resolution keys the two forms alike (``entity_place_brands.tsv``)."""
    words = name.split()
    if len(words) > 1 and place_brands().match([norm_key(w) for w in words[-2:]]) == ["ORG-B", "ORG-I"]:
        return " ".join(words[:-1])
    return name
