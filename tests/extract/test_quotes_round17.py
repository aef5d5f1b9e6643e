"""Quote rules of issue 13's seventeenth round (helper qfix-l: speakers on wire and local news, snn_dev29).

The sentences are real spans of SaudiNewsNet articles (snn_dev29: was 2015-08-11, aljazirah 2015-07-26; aleqt
2015-08-07 outside the held-out third), with the mentions the tagger gives them set by hand, so that the rule is
tested on its own; each test fails on the extractor as it was before the round, but the one marked as keeping an
older behaviour."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

_MOSCOW = (
    "التقى معالي وزير الخارجية الأستاذ عادل بن أحمد الجبير اليوم في موسكو معالي وزير خارجية روسيا الاتحادية سيرجي "
    "لافروف .\n"
    " ووصف معالي وزير الخارجية في تصريح له عقب اللقاء ، لقاءه مع نظيره الروسي بالإيجابي والبناء وأنه اتسم بالوضوح "
    "والصراحة وعكس الحرص الكبير على تنمية العلاقات الاستراتيجية بين البلدين وتطويرها وتكثيفها، مبيناً أن هناك "
    "تقارباً في العديد من المواقف المهمة وأموراً تتطلب المزيد من التفاهم المستقبلي الذي نتطلع إليه.\n"
    " وقال معاليه إن زيارة صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس "
    "مجلس الوزراء وزير الدفاع مؤخراً لموسكو وضعت الأسس للعلاقات المستقبلية بين البلدين.")


def test_words_with_a_glued_preposition_never_close_a_name() -> None:
    # «بالإيجابي والبناء» (ب and و before the article) was read as a name closing the description: the speaker
    doc = _doc(_MOSCOW, ("عادل بن أحمد الجبير", "سيرجي لافروف", "محمد بن سلمان بن عبدالعزيز"))
    for words in ("اتسم بالوضوح", "هناك تقارباً"):
        assert "وزير الخارجية" in (_speaker(_quote(doc, words)) or "")


def test_the_honorific_then_goes_on_with_the_minister_who_spoke() -> None:
    # with the junk speaker gone, «وقال معاليه» keeps the minister just quoted, not the counterpart he met
    doc = _doc(_MOSCOW, ("عادل بن أحمد الجبير", "سيرجي لافروف", "محمد بن سلمان بن عبدالعزيز"))
    assert "لافروف" not in (_speaker(_quote(doc, "وضعت الأسس")) or "")


def test_a_name_read_through_its_conjunction_still_speaks() -> None:
    # keeps an older behaviour: «والتر» is و + «التر», a name word of the corpus, so the name stays whole
    text = ("وأضاف والتر مار لـ \"الاقتصادية\"، أن الخطوط العامة لاستراتيجية بنك إتش إس بي سي كانت قائمة على عدد من "
            "النقاط.")
    doc = _doc(text)
    assert _speaker(_quote(doc, "الخطوط العامة")) == "والتر مار"


def test_a_plural_participle_goes_with_a_feminine_plural_subject() -> None:
    # «مؤكدين» went to the sheikh whose call the leaders welcomed
    text = ("وقال الدكتور عباس شومان، وكيل الأزهر الشريف، إنه في حالة عقد اجتماع بين علماء السنة والشيعة، فمن النتائج "
            "التي ستصدر عن هذا اللقاء، إعلان تحريم دماء الشيعة وأموالهم كدماء السنة وأموالهم. \n"
            "ورحبت قيادات سنية وشيعية، بدعوة شيخ الأزهر، مؤكدين أن هذه المبادرة هي العلاج السريع للحيلولة دون اشتعال "
            "المنطقة العربية.")
    doc = _doc(text, ("عباس شومان", "شيخ الأزهر"))
    assert _speaker(_quote(doc, "هذه المبادرة")) == "قيادات سنية وشيعية"
