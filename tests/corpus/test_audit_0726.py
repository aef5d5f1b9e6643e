"""Errors found by auditing the 40 largest entities of SaudiNewsNet 2015-07-26 (tests/gold/entities/audit_2015-07-26.md).

Real articles of that day (none of the held-out third) run through the product pipeline (page stage, components,
corpus steps), as ``marsad analyze`` runs them.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    # «الملك سلمان بن عبد العزيز» leaves; «والأمير سلمان بن سلطان بن عبد العزيز» sees him off
    "princes": "http://aawsat.com/home/article/415096/خادم-الحرمين-الشريفين-يغادر-إلى-خارج-السعودية-في-إجازة-خاصة",
    "qaeda": "http://www.3alyoum.com/news/a/عبد-الملك-الحوثي-يرفض-هدنة-قوات-التحال/",  # «تنظيمي داعش والقاعدة»
    # «محادثات مع الاتحاد الأوروبي وصندوق النقد الدولي»
    "greece": "http://aawsat.com/home/article/414806/اليونان-تطلب-قرضًا-جديدًا-من-صندوق-النقد-الدولي",
    "bahrainis": "http://www.alweeam.com.sa/349288/الجالية-البحرينية-في-السعودية-تستنكر/",  # «لدى الأمم المتحدة والمنظمات الدولية»
    "jazan": "http://www.alweeam.com.sa/349404/تعليم-جازان-يبدأ-إجراء-المقابلات-الشخ/",  # «تعليم جازان http://es.jazteachers.com/»
    "pkk": "http://www.alyaum.com/article/4080131",  # «خصوصًا بعد تبني حزب العمال الاربعاء قتل شرطيين»
    "pkk2": "http://www.okaz.com.sa/new/Issues/20150726/Con20150726785686.htm",  # «تركيا تستهدف داعش و «الكردستاني»»
    # «بين (داعش) و منظمة حزب العمال الكردستاني»
    "pkk3": "http://aawsat.com/home/article/415151/المعارضة-التركية-تتهم-إردوغان-باستغلال-الحرب-على-«داعش»-في-«الانتخابات-المبكرة»",
}


def _covering(doc: Document, text: str) -> list[str]:
    """The texts of the mentions overlapping the first occurrence of ``text``."""
    at = doc.text.index(text)
    return [m.text for m in doc.mentions if m.start < at + len(text) and m.end > at]


def test_a_father_named_abd_al_aziz_is_no_surname(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«سلمان بن سلطان بن عبد العزيز» is Prince Salman bin Sultan, not King Salman bin Abdulaziz: without its links
    the name kept «العزيز» (half of the compound father's name عبد العزيز) as a surname, so its short key met the
    king's.  The king's own mention keeps his id."""
    doc = analysed[0]["princes"]
    prince = {m.entity for m in doc.mentions if m.text == "سلمان بن سلطان بن عبد العزيز"}
    king = {m.entity for m in doc.mentions if m.text == "سلمان بن عبد العزيز"}
    assert prince and king == {"per:king-salman"}
    assert "per:king-salman" not in prince


def test_two_coordinated_names_are_two_mentions(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """A registered name and the conjunct after it were one span («داعش والقاعدة», «الاتحاد الأوروبي وصندوق النقد
    الدولي», «الأمم المتحدة والمنظمات الدولية»), an entity of its own each; the registered name is now its mention."""
    docs = analysed[0]
    cases = (("qaeda", "داعش والقاعدة", "org:isis"), ("greece", "الاتحاد الأوروبي وصندوق", "org:european-union"),
             ("bahrainis", "الأمم المتحدة والمنظمات", "org:united-nations"))
    for name, text, ident in cases:
        doc = docs[name]
        at = doc.text.index(text)
        head = [m for m in doc.mentions if m.start == at]
        assert [m.entity for m in head] == [ident], name
        assert head[0].end < at + len(text.split(" و")[0]) + 2


def test_a_web_link_is_no_part_of_a_name(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«تعليم جازان http://es.jazteachers.com/»: the link's scheme glued to the region made «جازان http»."""
    doc = analysed[0]["jazan"]
    assert not [t for t in _covering(doc, "جازان http") if "http" in t]


def test_a_registered_organisations_short_form_is_it(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«تبني [حزب العمال] الاربعاء قتل شرطيين» and «داعش و «[الكردستاني]»» in articles naming «حزب العمال
    الكردستاني» are the PKK (entities of their own before: «حزب العمال» 8 mentions, «الكردستاني» 5), and so is «منظمة
    حزب العمال الكردستاني» without its kind word, which the registry writes before names too (منظمة داعش)."""
    docs = analysed[0]
    for name, text, before in (("pkk", "حزب العمال الاربعاء", ""), ("pkk2", "الكردستاني»", ""),
                               ("pkk3", "ومنظمة حزب العمال", "ومنظمة ")):
        doc = docs[name]
        at = doc.text.index(text) + len(before)
        assert [m.entity for m in doc.mentions if m.start == at] == ["org:pkk"], name
