"""Quote rules of issue 13's fourteenth round (a person the tagger tags once and misses in other sentences).

The sentences are real spans of SaudiNewsNet articles (snn_dev26: 3alyoum 2015-08-03), with the person mentions set
by hand where the tagger gives them — «البلوي» tagged in one sentence only —, so that the rule is tested on its own;
each test fails on the extractor as it was before the round, but the one marked as keeping an older behaviour."""

from __future__ import annotations

from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

from marsad.extract.quotes import annotate
from marsad.model import Document, Mention, Segment

_BALAWI = (
    "ووصف البلوي رحيل المدرب بيتوركا بالقرار الصحيح ولا يعتبر خسارة للاتحاد، كما أكد أن صفقة مونتاري تمت لحاجة "
    "الفريق لهذا اللاعب في هذا المركز.\n"
    "كما تحدث عن رحيل ماركينهو وقال إنه ترك الاتحاد في مباراة مصيرية ورحل.\n"
    "وأكد البلوي أن لقب البعبع هو لقب أطلقته الجماهير.")


def _doc(text: str, tagged: tuple[tuple[str, int], ...]) -> Document:
    """A document of ``text`` with a PER mention for the ``n``-th occurrence (from 0) of each ``(name, n)`` only."""
    mentions = []
    for name, n in tagged:
        at = -1
        for _ in range(n + 1):
            at = text.find(name, at + 1)
            assert at >= 0, name
        mentions.append(Mention(at, at + len(name), name, "PER"))
    doc = Document(id="t", source="t", format="txt", text=text, segments=[Segment("m", "main", 0, len(text))])
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    annotate(doc)
    return doc


def test_an_untagged_repeat_of_a_tagged_family_name_is_the_clause_actor() -> None:
    # «البلوي» is tagged in the last sentence only: the coach «بيتوركا», the object, took the first clause
    doc = _doc(_BALAWI, (("بيتوركا", 0), ("ماركينهو", 0), ("البلوي", 1)))
    assert _speaker(_quote(doc, "صفقة مونتاري")) == "البلوي"
    assert _speaker(_quote(doc, "ترك الاتحاد")) == "البلوي"
    assert _speaker(_quote(doc, "لقب البعبع")) == "البلوي"


def test_an_untagged_repeat_of_a_full_name_is_the_clause_actor() -> None:
    # the full name is tagged once, inside «لمنصور البلوي» (after the clitic), and missed in «ووصف منصور البلوي»
    text = "عرض البرنامج حديثا لمنصور البلوي المشرف على الفريق.\n" + _BALAWI.replace("ووصف البلوي", "ووصف منصور البلوي")
    doc = _doc(text, (("بيتوركا", 0), ("ماركينهو", 0), ("منصور البلوي", 0)))
    assert _speaker(_quote(doc, "صفقة مونتاري")) == "منصور البلوي"
    assert _speaker(_quote(doc, "ترك الاتحاد")) == "منصور البلوي"


def test_a_one_word_name_without_the_article_is_never_repeated() -> None:
    # keeps an older behaviour: a one-word name with no article (a first name, «خالد») is not spread to its repeats
    text = _BALAWI.replace("البلوي", "خالد")
    doc = _doc(text, (("بيتوركا", 0), ("ماركينهو", 0), ("خالد", 1)))
    assert _speaker(_quote(doc, "صفقة مونتاري")) == "بيتوركا"
