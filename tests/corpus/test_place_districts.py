"""Organisations, districts and towns named by a city or region are filed under themselves, not the place
(tests/gold/entities/audit_2015-08-07.md, "Errors left on the merged main"; fixed by ent25).

Real SaudiNewsNet articles (none of the held-out third, none of the stories gold's test split) run through the product
pipeline, as ``marsad analyze`` runs them: 2015-08-07 (whose errors were listed before the fix) and 2015-07-22.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "hospital": "http://www.alriyadh.com/1071227",  # «والمشرف العام على مستشفى عسير الدكتور»
    "muhayil": "http://www.alriyadh.com/1071276",  # «شيع أهالي محايل عسير بعد مغرب اليوم»
    "old_jeddah": "http://www.al-madina.com/node/623247/جدة-القديمة.html",  # «بعد اعتماد جدة القديمة ضمن التراث»
    "new_cairo": "http://www.alwatan.com.sa/Nation/News_Detail.aspx?ArticleID=231319&CategoryID=3",  # «بالقاهرة الجديدة»
    "aden_tv": "http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=231280&CategoryID=1",  # «تلفزيون عدن»
    # «موضحا أن مصر الجديدة تلبي رغبات أبنائها»: the new Egypt, the country
    "new_egypt": "http://www.al-madina.com/node/623342/"
                 "السيسي-مشروع-قناة-السويس-خطوة-من-ألف-خطوة-قادمة-في-مسيرة-التنمية.html",
    "abha_mosque": "http://www.aleqt.com/2015/08/07/article_979806.html",  # «في جامع الملك فيصل بأبها»
    "universities": "http://www.al-jazirah.com/2015/20150807/bo1.htm",  # «ومعرض الكتاب بجامعة الملك خالد بأبها»
    # «وأكد مرغلاني وفقاً لـ”الرياض”، أن الوزارة»
    "riyadh_paper": "http://www.3alyoum.com/news/local/a/وزارة-الصحة-تكشف-حقيقة-إيقاف-مزايا-وبد/",
    "abha_city": "http://www.al-jazirah.com/2015/20150807/av18.htm",  # «بتفجير مسجد لقوات الطوارئ في مدينة أبها السعودية»
    # 2015-07-22: «في تصريحات لإذاعة فرنسا الدولية», «على حي المغاير في حلب القديمة»
    "radio_france": "http://aawsat.com/home/article/412036/"
                    "وزير-الخارجية-الفرنسي-يزور-طهران-بشهية-مفتوحة-على-السوق-الإيرانية",
    "old_aleppo": "http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=229800&CategoryID=1",
}


def _covering(doc: Document, text: str) -> list[tuple[str, str]]:
    """The texts and types of the mentions overlapping the first occurrence of ``text``."""
    at = doc.text.index(text)
    return [(m.text, m.type) for m in doc.mentions if m.start < at + len(text) and m.end > at]


def test_the_short_form_of_a_mined_organisation_name_is_the_organisation(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«مستشفى [عسير]» without «المركزي» (54 of the 60 «مستشفى عسير» of the corpus go on with it) is Asir Central
    Hospital, not the region; «صحة عسير» stays the region's."""
    doc = analysed[0]["hospital"]
    assert _covering(doc, "المشرف العام على مستشفى عسير") == [("مستشفى عسير", "ORG")]
    assert all(m.type == "ORG" for m in doc.mentions if m.text == "مستشفى عسير")
    assert not any(m.text == "عسير" and doc.text[m.start - 8:m.start].endswith("مستشفى ") for m in doc.mentions)


def test_a_town_and_its_region_are_one_place(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«محايل عسير» (the governorate of Muhayil in Asir, written after «محافظة» in the corpus) is one place, not the
    region Asir."""
    doc = analysed[0]["muhayil"]
    assert _covering(doc, "شيع أهالي محايل عسير") == [("محايل عسير", "LOC")]
    assert _covering(doc, "بمحافظة محايل عسير") == [("محايل عسير", "LOC")]


def test_a_city_and_old_or_new_is_a_district_or_new_town(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«جدة القديمة» (Old Jeddah), «بالقاهرة الجديدة» (New Cairo), «حلب القديمة» are places apart from their city;
    after a country the phrase is the country («أن مصر الجديدة تلبي رغبات أبنائها»: the new Egypt)."""
    docs = analysed[0]
    assert _covering(docs["old_jeddah"], "بعد اعتماد جدة القديمة") == [("جدة القديمة", "LOC")]
    assert _covering(docs["new_cairo"], "بالقاهرة الجديدة") == [("القاهرة الجديدة", "LOC")]
    assert _covering(docs["old_aleppo"], "في حلب القديمة") == [("حلب القديمة", "LOC")]
    egypt = docs["new_egypt"]
    at = egypt.text.index("مصر الجديدة تلبي")
    assert [(m.text, m.entity) for m in egypt.mentions if m.start == at] == [("مصر", "loc:egypt")]


def test_a_broadcaster_named_by_a_place_is_the_station(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«تلفزيون عدن» is Aden Television, not the city, in every mention of the article; «لإذاعة فرنسا» is Radio
    France, its preposition out of the span."""
    docs = analysed[0]
    doc = docs["aden_tv"]
    assert [m.type for m in doc.mentions if m.text == "تلفزيون عدن"] == ["ORG"] * 4
    assert not any(m.text == "عدن" and doc.text[:m.start].endswith("تلفزيون ") for m in doc.mentions)
    assert _covering(docs["radio_france"], "لإذاعة فرنسا") == [("إذاعة فرنسا", "ORG")]



def test_a_place_after_the_preposition_b_ends_no_name(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«جامع [الملك فيصل بأبها]», «[جامعة الملك خالد بأبها]»: the tagger ran a name on into the place after «ب»
    (where the mosque or the university is), a junk span of its own that hid Abha; the name and the place are two
    mentions now."""
    docs = analysed[0]
    assert _covering(docs["abha_mosque"], "الملك فيصل بأبها") == [("الملك فيصل", "ORG"), ("أبها", "LOC")]
    assert _covering(docs["universities"], "جامعة الملك خالد بأبها") == [("جامعة الملك خالد", "ORG"), ("أبها", "LOC")]


def test_a_city_named_newspaper_between_reversed_quotes_is_the_outlet(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«وفقاً لـ”الرياض”» (both marks written ”, as a right-to-left page typed in a left-to-right editor reverses
    them) is the newspaper al-Riyadh, not the city."""
    doc = analysed[0]["riyadh_paper"]
    at = doc.text.index("لـ”الرياض”") + 3
    assert [(m.text, m.type) for m in doc.mentions if m.start == at] == [("الرياض", "ORG")]
    assert all(m.entity != "loc:riyadh" for m in doc.mentions if m.start == at)


def test_a_city_and_its_country_in_one_span_are_two_places(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«في مدينة [أبها السعودية]»: the tagger took the city and its country for one place, an entity of its own
    that hid Abha; they are two mentions now."""
    doc = analysed[0]["abha_city"]
    assert _covering(doc, "أبها السعودية") == [("أبها", "LOC"), ("السعودية", "LOC")]
