"""Quote rules of issue 13's twentieth round (helper qfix-o: speakers on unseen news, snn_dev32).

The sentences are real spans of SaudiNewsNet articles (almadina 2015-08-11 and okaz 2015-07-22, snn_dev32, outside the
held-out third), with the mentions the tagger gives them set by hand, so that each rule is tested on its own; each test
fails on the extractor as it was before the round."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

_HAJJ = (
    "وشاركه بالرأي المدير التنفيذي لشركة ركاز المتقين محمد الزهراني، وأضاف على ذلك مشكلة دخول الأموال من المواطنين "
    "لحساب وزارة الحج بعد استخراج التصريح. وقال المهندس عبدالله علي سابق: إن شركات ومؤسسات الحجاج تبدأ في كل عام من "
    "البداية وكأنها لم تمر بأعوام كثيرة من الخدمة في هذا المجال، مؤكدا أن ما وضع مؤخرا من دراسة للإلزام الشركات "
    "والمؤسسات الخاصة بحجاج الداخل لايمكن تطبيقها على أرض الواقع.")

_HOTELS = (
    "وقال الخبير في قطاع الفنادق مشعل النافع إن الإقبال على حجز قاعات الفنادق ضعيف بالمقارنة مع الاستراحات وقاعات "
    "الأفراح.\n"
    "ومن جانبه، أشار الخبير الاقتصادي الدكتور عبد الرحمن السلطان إلى أن هناك مبالغ طائلة تصرف على الاستراحات خلال "
    "موسم العيد.")


def test_ali_closing_a_tagged_name_stays_in_the_subject() -> None:
    # the tagger tags «عبدالله علي» (the father's name, spelt with ya); read as the preposition على it ended the
    # subject inside the name, and the title «المهندس» was given as the speaker of both quotes
    doc = _doc(_HAJJ, ("محمد الزهراني", "عبدالله علي"))
    for words in ("شركات ومؤسسات الحجاج", "ما وضع مؤخرا"):
        assert _speaker(_quote(doc, words)) == "عبدالله علي"


def test_untagged_family_name_after_a_role_and_its_complement() -> None:
    # «مشعل النافع» is not tagged: the definite role «الخبير» went to the expert the story names later with the same
    # head; a word the corpus shows mostly inside persons' names (مشعل) before a family name closes the subject
    doc = _doc(_HOTELS, ("عبد الرحمن السلطان",))
    assert _speaker(_quote(doc, "الإقبال على حجز")) == "مشعل النافع"
    assert _speaker(_quote(doc, "هناك مبالغ طائلة")) == "عبد الرحمن السلطان"
