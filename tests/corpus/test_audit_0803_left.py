"""Errors left on the 2015-08-03 audit (tests/gold/entities/audit_2015-08-03.md, "Left and why"), fixed in their
general form: a name run on into the next word, the indefinite nisba after a feminine noun, a place before a fine
measure, a pair the tagger cuts kept apart from its whole form.

Real articles (none of the held-out third) run through the product pipeline, as ``marsad analyze`` runs them.
"""

from __future__ import annotations

from tests.corpus.conftest import mention_entities

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "kerry": "http://www.alriyadh.com/1070160",  # «بوزير الخارجية الأمريكي كيري مثمر وبناء»
    "jubeir": "http://www.alyaum.com/article/4081708",  # «عادل الجبير سيركز على الحرب في سوريا»
    "haftar": "http://www.alweeam.com.sa/350682/داعش-يتوعد-حفتر-وأعضاء-مجلس-النواب-ا/",  # «خليفة حفتر»
    "tevez": "http://www.aleqt.com/2015/08/03/article_978583.html",  # «المهاجم كارلوس تيفيز»
    "refugee": "http://aawsat.com/home/article/418166/نائب-خادم-الحرمين-يوجه-تقديم-مساعدة-طبية-عاجلة-للاجئة-سورية",
    "kurds": "http://www.aleqt.com/2015/08/09/article_980107.html",  # «قوات كردية سورية»
    "pipe": "http://www.al-jazirah.com/2015/20150803/ln49.htm",  # «الخط الرئيسي قطر (800) ملم»
    "tunnel": "http://www.alyaum.com/article/4081636",  # «خوازيق قطر 800 مم»
    "quran": "http://sabq.org/xM1aCd",  # «دور القرآن الكريم», «بالقرآن الكريم» tagged whole
    "quran_cut": "http://www.al-jazirah.com/2015/20150803/fe2.htm",
}


def _texts(doc: Document) -> list[str]:
    return [m.text for m in doc.mentions]


def test_a_name_run_on_into_the_next_word_ends_before_it(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """A headline's verb or a predicate adjective after a registered name («كيري مثمر», «عادل الجبير سيركز») is a
    word the corpus seldom writes after a name word (entity_run_on_words.tsv): the span ends before it, and the name
    joins its registered entity.  Surnames stay («خليفة حفتر», «كارلوس تيفيز»)."""
    docs = analysed[0]
    for name, word in (("kerry", "مثمر"), ("jubeir", "سيركز")):
        assert not [t for t in _texts(docs[name]) if word in t], name
    assert mention_entities(docs["kerry"], "كيري") == {"per:john-kerry"}
    assert mention_entities(docs["jubeir"], "عادل الجبير") == {"per:adel-al-jubeir"}
    assert "خليفة حفتر" in _texts(docs["haftar"])
    assert "كارلوس تيفيز" in _texts(docs["tevez"])


def test_the_nisba_after_a_feminine_noun_is_its_adjective(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«لاجئة سورية» (a Syrian refugee woman), «قوات كردية سورية»: the word before, written with ة and without the
    article, stands before other countries' indefinite adjectives at least as often as before their names in the corpus
    (entity_nisba_neighbours.tsv), so «سورية» agrees with it and is «Syrian», no mention of Syria."""
    docs = analysed[0]
    for name, noun in (("refugee", "لاجئة"), ("kurds", "كردية")):
        doc = docs[name]
        assert f"{noun} سورية" in doc.text, name
        assert not [m for m in doc.mentions if m.text == "سورية" and doc.text[:m.start].endswith(noun + " ")], name


def test_a_place_before_a_fine_measure_is_a_dimension(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«الخط الرئيسي قطر (800) ملم», «خوازيق قطر 800 مم»: «قطر» is the diameter, measured in millimetres, no mention of
    Qatar."""
    docs = analysed[0]
    for name in ("pipe", "tunnel"):
        doc = docs[name]
        assert "قطر" in doc.text, name
        assert not [m for m in doc.mentions if m.entity == "loc:qatar"], name


def test_a_pair_the_tagger_cuts_is_one_referent_with_its_first_word(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«القرآن الكريم» tagged whole is the «القرآن» the tagger cuts before «الكريم» elsewhere in the batch: one
    entity."""
    docs, _ = analysed
    whole = mention_entities(docs["quran"], "القرآن الكريم")
    cut = {m.entity for d in docs.values() for m in d.mentions
           if m.text == "القرآن" and d.text[m.end:m.end + 7] == " الكريم"}
    assert whole and cut and whole == cut
