"""Sports clubs and common words read as names: errors left by the audits of SaudiNewsNet 2015-08-01 and 2015-08-02
(tests/gold/entities/audit_2015-08-01.md, audit_2015-08-02.md).

Real articles of those days run through the product pipeline (page stage, components, corpus steps), as
``marsad analyze`` runs them.
"""

from __future__ import annotations

from tests.corpus.conftest import mention_entities

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    # Egypt's Al-Ahly: «النادي الأهلي المصري» once, then «الأهلي» alone
    "ahly_loan": "http://www.al-jazirah.com/2015/20150801/sp9.htm",  # «الأهلي يعير محمود تريزيجيه لأندرلخت»
    "ahly_transfer": "http://www.al-jazirah.com/2015/20150801/sp18.htm",  # «وقال الأهلي بموقعه»
    "ahly_saudi": "http://www.3alyoum.com/sports/a/صحيفة-يونانية-1-5-مليون-يورو-قيمة-تعاقد-ا/",  # Jeddah's Al-Ahli
    # «النصر», victory, in articles on wars; the club in a sports article
    "victory_yemen": "http://www.okaz.com.sa/new/Issues/20150801/Con20150801786776.htm",  # «ولودر تتكلل بالنصر»
    "victory_kuwait": "http://aawsat.com/home/article/420351/السعودية-ملك-يوقف-الاحتلال-بالقوة-وشعب-يفتح-أبوابه-للكويتيين",
    "camps": "http://www.alwatan.com.sa/Sports/News_Detail.aspx?ArticleID=230762&CategoryID=6",  # «وقرر النصر والهلال»
    # «ضيفه فريق الرياض» (Al-Riyadh SC) in an article that names the city too
    "futsal": "http://aawsat.com/home/article/420006/الهلال-يلتقي-العين-اليوم-ومدربه-يرفض-نقل-المواجهة-«تلفزيونيًا»",
    "paper": "http://www.alriyadh.com/1069822",  # «قال ل"الرياض"»: the newspaper
    # «جيش [الإسلام]» twice, «جيش الإسلام» tagged whole once
    "jaysh": "http://aawsat.com/home/article/419701/«جيش-الإسلام»-ينظم-حفل-زفاف-جماعيًا-في-الغوطة-الشرقية",
}


def _texts(doc: Document, entity: str | None) -> list[str]:
    return [m.text for m in doc.mentions if m.entity == entity]


def test_another_countrys_club_is_not_the_home_club(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«وافق مجلس إدارة النادي الأهلي المصري ... لحصول الأهلي على نسبة مالية»: the bare الأهلي of an article that
    qualifies it as Egyptian is Egypt's Al-Ahly (one entity over both articles, named so), not Jeddah's Al-Ahli of
    the Saudi article."""
    docs, result = analysed
    egypt = mention_entities(docs["ahly_loan"], "الأهلي") | mention_entities(docs["ahly_transfer"], "الأهلي")
    saudi = mention_entities(docs["ahly_saudi"], "الأهلي")
    assert len(egypt) == 1 and len(saudi) == 1 and egypt != saudi
    assert len(_texts(docs["ahly_transfer"], next(iter(egypt)))) >= 4  # the title's «الأهلي المصري» and three bare
    names = {e.id: e.name for e in result.entities}
    assert names[next(iter(egypt))] == "الأهلي المصري" and names[next(iter(saudi))] == "الأهلي"


def test_a_clubs_name_in_an_article_without_sport_is_the_word(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«ولودر تتكلل بالنصر», «بانتظار حفلة النصر في صنعاء», «وتحقق النصر عبر ثمانية قرارات»: victory, in articles
    that write no club word; «وقرر النصر والهلال إقامة المعسكر» of a sports article is the club."""
    docs = analysed[0]
    assert "بالنصر" in docs["victory_yemen"].text and "وتحقق النصر" in docs["victory_kuwait"].text
    assert not [m for m in docs["victory_yemen"].mentions if m.text.endswith("النصر")]
    assert not [m for m in docs["victory_kuwait"].mentions if m.text.endswith("النصر")]
    club = mention_entities(docs["camps"], "النصر")
    assert len(club) == 1 and {m.type for m in docs["camps"].mentions if m.text == "النصر"} == {"ORG"}


def test_a_city_after_a_club_word_is_the_club(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«فوزًا ساحقًا على ضيفه فريق الرياض»: Al-Riyadh SC, neither the city (the registry's الرياض) nor the newspaper
    al-Riyadh («قال ل"الرياض"»)."""
    doc = analysed[0]["futsal"]
    at = doc.text.index("فريق الرياض") + len("فريق ")
    club = [m for m in doc.mentions if m.start == at]
    paper = mention_entities(analysed[0]["paper"], "الرياض")
    assert club and club[0].type == "ORG" and club[0].entity != "loc:riyadh"
    assert paper and club[0].entity not in paper
    assert {e.name for e in analysed[1].entities if e.id == club[0].entity} == {"نادي الرياض"}


def test_an_organisation_head_and_a_word_tagged_whole_elsewhere_are_that_organisation(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«”جيش الإسلام” ينظم حفل زفاف», «يقيم فيها ”جيش الإسلام” احتفالا»: the tagger tags الإسلام alone (MISC, the
    religion) where the article tags «جيش الإسلام» whole once: all three are the armed group."""
    doc = analysed[0]["jaysh"]
    assert not [m for m in doc.mentions if m.text == "الإسلام"]
    group = [m for m in doc.mentions if m.text == "جيش الإسلام"]
    assert len(group) == 3 and {m.type for m in group} == {"ORG"} and len({m.entity for m in group}) == 1
