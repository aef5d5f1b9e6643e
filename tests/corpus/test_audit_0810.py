"""Errors found by auditing the 40 largest entities of SaudiNewsNet 2015-08-10 (tests/gold/entities/audit_2015-08-10.md).

Real articles of that day run through the product pipeline (page stage, components, corpus steps), as
``marsad analyze`` runs them.
"""

from __future__ import annotations

from tests.corpus.conftest import mention_entities

from marsad.corpus.registry import entity_keys
from marsad.corpus.result import CorpusResult
from marsad.model import Document, Entity

URLS = {
    "abadi": "http://aawsat.com/home/article/426181/حزمة-إصلاحات-العبادي-تفاجئ-شركاءه-السياسيين-وتجبرهم-على-ركوب-موجة-تأييدها",
    "abadi_mps": "http://www.alriyadh.com/1072021",  # «طالبنا رئيس الوزراء بإقالة عدد من الوزراء»
    "bahah": "http://www.aleqt.com/2015/08/10/article_980581.html",  # «رئيس مجلس الوزراء خالد محفوظ بحاح»
    "lebanese_press": "http://www.spa.gov.sa/details.php?id=1386672",  # «رئيس الوزراء التركي أحمد داود أوغلو»
    "refugees": "http://www.alyaum.com/article/4082835",  # «158 لاجئًا سوريًا»
    "geneva": "http://www.al-madina.com/node/623606/الأسد-وحيدًا.html",  # «جنيف -3 سوريًا»
    "super_europe": "http://www.alweeam.com.sa/351817/برشلونة-يواجه-أشبيلية-على-كأس-السوبر-ا/",
    "super_both": "http://www.3alyoum.com/sports/a/نيمار-يغيب-عن-السوبر-الأوربي-والاسبان/",
    "super_tennis": "http://www.al-jazirah.com/2015/20150810/sp30.htm",  # «بطل السوبر الأمريكية» (tennis)
    "faisal_sons": "http://www.al-jazirah.com/2015/20150810/rj2.htm",  # «الشهيد الفيصل» beside four of his sons
    "asiri": "http://www.arreyadi.com.sa/Home/Details/NTkxOQ==",  # 2015-07: «عبدالفتاح عسيري», junk «رد عبدالفتاح»
}


def _texts(doc: Document, entity: str | None) -> list[str]:
    return [m.text for m in doc.mentions if m.entity == entity]


def test_a_role_phrase_without_its_holder_names_nobody(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«رئيس الوزراء», «رئيس مجلس الوزراء»: what a construct title leaves (الوزراء، مجلس الوزراء) is no name, so
    Yemen's prime minister no longer joins Iraq's al-Abadi through it, and he has no such alias; a role phrase
    followed by a country's adjective is that country's role, not the bare one of a name in the document."""
    docs, result = analysed
    abadi = next(e for e in result.entities if e.id == "per:haider-al-abadi")
    assert not {"الوزراء", "مجلس الوزراء", "الحكومة", "خالد محفوظ"} & set(abadi.aliases)
    assert "العبادي" in _texts(docs["abadi"], "per:haider-al-abadi")
    assert not _texts(docs["bahah"], "per:haider-al-abadi")
    # a press review naming both: «رئيس الوزراء التركي أحمد داود أوغلو» is not Iraq's PM
    assert _texts(docs["lebanese_press"], "per:haider-al-abadi") == ["حيدر العبادي"]
    assert "رئيس الوزراء التركي" in docs["lebanese_press"].text


def test_a_place_written_with_tanwin_is_its_adjective(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«158 لاجئًا سوريًا», «جنيف -3 سوريًا»: tanwin makes the word indefinite, the accusative of «Syrian»,
    never the country's name; «سوريا» elsewhere in the same articles stays Syria."""
    docs = analysed[0]
    for name in ("refugees", "geneva"):
        doc = docs[name]
        assert "سوريًا" in doc.text
        assert not [m for m in doc.mentions if "سوريًا" in m.text], name
    assert mention_entities(docs["geneva"], "سوريا") <= {"loc:syria"}


def test_a_competition_keeps_the_country_adjective_after_it(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«كأس السوبر الأوروبي», «السوبر الإسباني», «ذهبية السوبر الأمريكية»: the tagger tags «السوبر» alone (MISC);
    the country's adjective stays in the span, so another country's Super Cup is not the Saudi «السوبر», and the bare
    word of an article naming one such cup is that cup."""
    docs = analysed[0]
    europe = [m for m in docs["super_europe"].mentions if m.text == "السوبر الأوروبي"]
    assert europe and {m.type for m in europe} == {"MISC"}
    both = {m.text: m.entity for m in docs["super_both"].mentions if m.text.startswith("السوبر")}
    assert {"السوبر الأوربي", "السوبر الأوروبية", "السوبر الإسبانية"} <= set(both)
    # one cup whatever the gender of its adjective (it agrees with كأس or بطولة before the name) or its spelling
    assert both["السوبر الأوربي"] == both["السوبر الأوروبية"] == europe[0].entity != both["السوبر الإسبانية"]
    tennis = [m for m in docs["super_tennis"].mentions if m.text.startswith("السوبر")]
    assert {m.text for m in tennis} == {"السوبر الأمريكية", "السوبر"}  # «ذهبيتي السوبر» later in the article
    assert len({m.entity for m in tennis}) == 1  # one sense per document
    lone = {m.entity for name in ("super_europe", "super_both") for m in docs[name].mentions if m.text == "السوبر"}
    assert not lone & {m.entity for m in europe + tennis}  # the article on two cups leaves its bare word alone


def test_a_surname_two_full_names_carry_is_none_of_them(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """An essay on the exhibition «الفيصل.. شاهد وشهيد» names four sons of King Faisal (خالد، تركي، سعود، عبدالله
    الفيصل) and the king himself 26 times as a lone «الفيصل» («الشهيد الفيصل», «والده الفيصل البطل الشهيد»): the
    lone family name joined the most frequent full name, خالد الفيصل.  A surname that two full names of its document
    with different first names carry is none of them, here or across the batch; each son keeps his own entity."""
    docs, result = analysed
    doc = docs["faisal_sons"]
    sons = {text: next(m.entity for m in doc.mentions if m.text == text)
            for text in ("خالد الفيصل", "تركي الفيصل", "سعود الفيصل", "عبدالله الفيصل")}
    assert len(set(sons.values())) == 4
    lone = {m.entity for m in doc.mentions if m.text == "الفيصل"}
    assert len([m for m in doc.mentions if m.text == "الفيصل"]) == 26
    assert len(lone) == 1 and not lone & set(sons.values())
    faisal = next(e for e in result.entities if e.id in lone)
    assert faisal.type == "PER" and faisal.name == "الفيصل"
    # a surname one full name of its document carries still joins it
    assert "العبادي" in _texts(docs["abadi"], "per:haider-al-abadi")
    # a given name that begins a full name of its document is that first name, whatever junk spans end with it
    asiri = next(m.entity for m in docs["asiri"].mentions if m.text == "عبدالفتاح عسيري")
    assert len(_texts(docs["asiri"], asiri)) > 20


def test_a_batch_event_meets_the_stored_one_whatever_its_adjective_gender() -> None:
    """The store's registry keys an event as resolution does: a batch writing only «السوبر الإسبانية» (2015-08-10,
    two articles) finds the «السوبر الإسباني» another batch stored, and the European and Spanish cups stay apart."""
    spanish = set(entity_keys(Entity("E1", "MISC", "السوبر الإسباني", ["السوبر الأسباني"])))
    assert spanish & set(entity_keys(Entity("E2", "MISC", "السوبر الإسبانية")))
    european = set(entity_keys(Entity("E3", "MISC", "السوبر الأوروبية")))
    assert not spanish & european
    assert european & set(entity_keys(Entity("E4", "MISC", "السوبر الأوروبي")))  # the two genders are one cup here too
