"""Fixed names that contain a place: the place word inside them is no mention of the place.

A company, exchange, bank, radio, district or region named with a place («الشبكة [السعودية] للمدفوعات», «سوق [دبي]
المالي», «إذاعة صوت [إسرائيل]», «منطقة [بغداد] الجديدة», «[أوروبا] الشرقية») is another referent than the place, but
the tagger tags the place word alone and resolution files the mention under the place.  ``entity_place_names.tsv``
lists such names, mined from SaudiNewsNet by ``scripts/mine_place_names.py`` (n-grams around a place that recur in
several outlets and whose words almost always come together), each with its label: ORG for an organisation, LOC for a
district or region of its own.  ``entity_place_brands.tsv`` lists the brands named by a place without a head word
(«أرامكو السعودية», mined by the same script with ``--brands``), tagged whole and keyed as the brand alone.
``entity_nisba_names.tsv`` lists the organisations named with a country's nisba after definite words («الخطوط
السعودية», «الكشافة السعودية»; mined by ``scripts/mine_nisba_names.py``), told from the free adjective («الحكومة
السعودية», the country's mention).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from marsad.corpus.known import shipped_registry
from marsad.corpus.terms import STOPWORDS
from marsad.extract.ner.gazetteers import Gazetteer, gazetteer_from_names, name_spans
from marsad.extract.ner.tagger import iob_spans
from marsad.lexicons import load_table
from marsad.text.clitics import is_lam_article_word, name_word, stem_variants
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


_COUNTRY, _LONG = "السعوديه", "العربيه"  # السعودية, also written in its official long form «العربية السعودية»


@cache
def nisba_names() -> Gazetteer:
    """The organisations named with a country's nisba of ``entity_nisba_names.tsv`` (key forms: «الخطوط السعوديه»),
    those named with السعودية also in the long form «الخطوط العربيه السعوديه», and those whose first word begins
    with «الل» also after ل («للجنه الاولمبيه السعوديه»)."""
    names = [row[0].split(" ") for row in load_table("entity_nisba_names.tsv")]
    names += [[*words[:-1], _LONG, _COUNTRY] for words in names if words[-1] == _COUNTRY]
    # «للجنة» is ل + «اللجنة», a reading the clitic stripper gives as ل + ال + «جنة»
    names += [["ل" + words[0][2:], *words[1:]] for words in names if words[0].startswith("الل")]
    return gazetteer_from_names((words, "ORG") for words in names)


@cache
def nisba_name_heads() -> frozenset[str]:
    """The first words of the organisations named with a nisba (``entity_nisba_names.tsv``: الخطوط, الكشافة): after
    a proclitic («بالكشافة السعودية») the proclitic is no part of the name."""
    return frozenset(row[0].split(" ")[0] for row in load_table("entity_nisba_names.tsv"))


@cache
def _nisbas() -> frozenset[str]:
    """The nisbas that end the names of ``entity_nisba_names.tsv`` (key forms: السعوديه)."""
    return frozenset(row[0].split(" ")[-1] for row in load_table("entity_nisba_names.tsv"))


def tag_nisba_names(keys: Sequence[str], tags: list[str]) -> list[tuple[str, str]]:
    """Tag each organisation named with a nisba of ``entity_nisba_names.tsv`` as one organisation in a sentence's
    ``tags`` (IOB, one per word of ``keys``) where the nisba is tagged alone as a place: «الخطوط [السعودية]» (Saudia),
    «الكشافة العربية [السعودية]» (the scouts), not the country.

    The name's words before the nisba untagged become the organisation's first words; an organisation the tagger ends
    with them («[فريق الصقور] السعودية») takes the nisba in.  Those words inside a person's or a place's name, or a
    nisba the tagger tagged with more words, are left; a free adjective («الحكومة [السعودية]») is in no list.
    Returns the names inside an organisation span then, as their first word without the article and their nisba
    («كشافه», «السعوديه»), for :func:`tag_nisba_name_constructs`."""
    found: list[tuple[str, str]] = []
    if _nisbas().isdisjoint(keys) or ("B-LOC" not in tags and "B-ORG" not in tags):
        return found
    for start, end, _ in name_spans(nisba_names().match(keys)):
        if not _in_organisation(tags, start, end):
            _tag_nisba_name(keys, tags, start, end)
        if _in_organisation(tags, start, end):
            found.append((name_word(keys[start])[2:], keys[end - 1]))
    return found


def _in_organisation(tags: Sequence[str], start: int, end: int) -> bool:
    """True when the words from ``start`` to ``end`` are inside one organisation span."""
    return tags[start] in ("B-ORG", "I-ORG") and all(t == "I-ORG" for t in tags[start + 1:end])


def _tag_nisba_name(keys: Sequence[str], tags: list[str], start: int, end: int) -> None:
    """Tag the nisba name from ``start`` to ``end`` as one organisation when its nisba is tagged alone as a place."""
    long = keys[end - 2] == _LONG and keys[end - 1] == _COUNTRY and tags[end - 2] == "B-LOC"
    nisba = end - 2 if long else end - 1  # «[جمعية الكشافة العربية] [السعودية]»: the place's one word
    if tags[nisba] != "B-LOC" or any(t != "I-LOC" for t in tags[nisba + 1:end]) or (
            end < len(tags) and tags[end].startswith("I-")):
        return
    first = start
    if any(t != "O" for t in tags[start:nisba]):
        if tags[nisba - 1] != "I-ORG" or any(t != "I-ORG" for t in tags[start + 1:nisba]):
            return
        while tags[first].startswith("I-"):
            first -= 1
        if tags[first] != "B-ORG":
            return
    tags[first:end] = ["B-ORG"] + ["I-ORG"] * (end - first - 1)


def tag_nisba_name_constructs(sentences: Sequence[tuple[Sequence[str], list[str]]], found: Iterable[tuple[str, str]],
                              ) -> None:
    """In a document that names an organisation of ``entity_nisba_names.tsv`` whole (``found``: its first word
    without the article and its nisba, from :func:`tag_nisba_names`: «الكشافة [العربية] السعودية»), that first word
    without the article before a name of the nisba's country is the organisation too: «من كشافة [المملكة]», «كشافة
    [المملكة العربية السعودية]» (the Kingdom's scouts), not the country.  ``sentences``: each sentence's word keys and
    tags (IOB)."""
    registry = shipped_registry()
    heads: dict[str, str] = {}  # the first word, bare -> the registry id of its nisba's country
    for head, nisba in found:
        country = registry.lookup(nisba)
        if country is not None and country.type == "LOC":
            heads[head] = country.id
    if not heads:
        return
    for keys, tags in sentences:
        for start, end, label in iob_spans(tags):
            if label != "LOC" or not start or tags[start - 1] != "O":
                continue
            ident = next((heads[v] for v in stem_variants(keys[start - 1]) if v in heads), None)
            entry = registry.lookup(" ".join(keys[start:end])) if ident is not None else None
            if entry is not None and entry.id == ident:
                tags[start - 1:end] = ["B-ORG"] + ["I-ORG"] * (end - start)
