"""Errors found by auditing the 40 largest entities of SaudiNewsNet 2015-08-01 (tests/gold/entities/audit_2015-08-01.md).

Real articles of that day run through the product pipeline (page stage, components, corpus steps), as
``marsad analyze`` runs them.
"""

from __future__ import annotations

from tests.corpus.conftest import mention_entities

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "bahrain_summer": "http://aawsat.com/home/article/419401/مهرجان-«صيف-البحرين»-ينطلق-بنسخته-السابعة-في-مدينة-سترة",
    "bahrain_tent": "http://www.alyaum.com/article/4081229",  # «ولقلبهم الذي ينبض بحبّ المملكة»: Bahrain
    "morocco": "http://www.al-jazirah.com/2015/20150801/ar5.htm",  # «الواجهة المتوسطية للمملكة»: Morocco
    "yemen_aid": "http://www.alriyadh.com/1069634",  # «من المملكة ودول الخليج»: Saudi Arabia, Bahrain named once
    "riyad_bank": "http://www.alriyadh.com/1069566",  # «بنك الرياض» whole four times, «بنك [الرياض]» three
    "iran_bank": "http://www.al-jazirah.com/2015/20150801/lp5.htm",  # «ممتلكات بنك إيران المركزي»
    "literary_club": "http://www.al-jazirah.com/2015/20150801/cu7.htm",  # «أقام نادي جدة الأدبي»
    "makkasa": "http://www.al-jazirah.com/2015/20150801/sp18.htm",  # «صانع ألعاب فريق مصر للمقاصة»
    "identity": "http://www.alyaum.com/article/4081326",  # «أعلنت هيئة الإمارات للهوية»
    "crash": "http://www.alweeam.com.sa/350323/تصادم-13-سيارة-في-وقت-واحد-بــ-الرياض/",  # «في وقـت واحـد بـالرياض»
    "declaration": "http://www.al-jazirah.com/2015/20150801/ln48.htm",  # «(إعلان القاهرة)», «مباحثات القاهرة»
    "saif": "http://www.al-jazirah.com/2015/20150801/ln45.htm",  # «سيف الإسلام القذافي»: آه لو عاد بي الزمن
}


def _texts(doc: Document, entity: str | None) -> list[str]:
    return [m.text for m in doc.mentions if m.entity == entity]


def test_an_organisation_named_by_a_place_is_not_the_place(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«هيئة البحرين للثقافة والآثار», «نادي جدة الأدبي», «بنك إيران المركزي», «فريق مصر للمقاصة», «هيئة الإمارات
    للهوية»: the tagger tags the place alone; the organisation is one ORG mention, apart from the place."""
    docs = analysed[0]
    for name, org, place in [("bahrain_summer", "هيئة البحرين للثقافة والآثار", "loc:bahrain"),
                             ("literary_club", "نادي جدة الأدبي", "loc:jeddah"),
                             ("iran_bank", "بنك إيران المركزي", "loc:iran"),
                             ("makkasa", "فريق مصر للمقاصة", "loc:egypt"),
                             ("identity", "هيئة الإمارات للهوية", "loc:uae")]:
        found = [m for m in docs[name].mentions if m.text == org]
        assert found and all(m.type == "ORG" and m.entity != place for m in found), name
    assert mention_entities(docs["bahrain_summer"], "البحرين") == {"loc:bahrain"}  # «صيف البحرين»: the place


def test_a_place_after_a_head_is_the_organisation_the_document_names_whole(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«والمتابع لأداء بنك [الرياض]» in an article that tags «بنك الرياض» whole elsewhere is Riyad Bank."""
    doc = analysed[0]["riyad_bank"]
    bank = mention_entities(doc, "بنك الرياض")
    assert len(bank) == 1 and len([m for m in doc.mentions if m.text == "بنك الرياض"]) >= 7
    assert not mention_entities(doc, "الرياض")


def test_a_lone_kingdom_in_an_article_on_another_kingdom_is_that_kingdom(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«بحبّ المملكة» in an article on «صيف البحرين» that never names Saudi Arabia is Bahrain; «للمملكة» in one on
    Morocco's north is Morocco; «من المملكة ودول الخليج» (Bahrain named once) stays Saudi Arabia."""
    docs = analysed[0]
    assert set(_texts(docs["bahrain_summer"], "loc:bahrain")) >= {"البحرين", "المملكة", "مملكة البحرين"}
    assert "المملكة" in _texts(docs["bahrain_tent"], "loc:bahrain")
    assert "لمملكة" in _texts(docs["morocco"], "loc:morocco")
    assert mention_entities(docs["yemen_aid"], "المملكة") == {"loc:saudi-arabia"}


def test_a_span_starts_after_a_tatweel_drawn_after_its_clitic(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«تصادم 13 سيارة في وقـت واحـد بـالرياض»: the mention is الرياض, not «ـالرياض»."""
    doc = analysed[0]["crash"]
    assert "بـالرياض" in doc.text
    assert mention_entities(doc, "الرياض") == {"loc:riyadh"}
    assert not any(m.text.startswith("ـ") for d in analysed[0].values() for m in d.mentions)


def test_a_document_named_after_a_city_is_not_the_city(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«أهمية (إعلان القاهرة)», «رحبت الجامعة العربية بإعلان القاهرة» and the title's name the Cairo Declaration (one
    MISC name, the clitic ب outside the span); «مباحثات القاهرة» in the same article is the city."""
    doc = analysed[0]["declaration"]
    declaration = [m for m in doc.mentions if m.text == "إعلان القاهرة"]
    assert len(declaration) == 3 and {m.type for m in declaration} == {"MISC"}
    city = mention_entities(doc, "القاهرة")
    assert len({m.entity for m in declaration}) == 1 and len(city) == 1 and declaration[0].entity not in city


def test_the_second_word_of_a_compound_given_name_is_not_the_religion(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«وقد بذل سيف الإسلام جهوداً», «ويا سيف الإسلام القذافي»: the tagger tags سيف as a person and الإسلام alone
    as MISC (10 times in the article, all joined to the religion before); الإسلام is part of the person's name."""
    doc = analysed[0]["saif"]
    assert not [m for m in doc.mentions if m.text.startswith("الإسلام")]
    persons = [m for m in doc.mentions if m.type == "PER" and "سيف الإسلام" in m.text]
    assert len(persons) == 10 and all(m.end - m.start > 3 for m in persons)
    assert len({m.entity for m in persons if m.text == "سيف الإسلام"}) == 1
