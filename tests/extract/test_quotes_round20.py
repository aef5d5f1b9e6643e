"""Quote rules of issue 13's twentieth round (helper qfix-o: speakers on unseen news, snn_dev32).

The sentences are real spans of SaudiNewsNet articles outside the held-out third (almadina 2015-08-11 and okaz
2015-07-22 of snn_dev32; alwatan 231682, alriyadh 1066755 and aawsat 413996 of the round's unlabelled samples), with the mentions the
tagger gives them set by hand, so that each rule is tested on its own; each test fails on the extractor as it was
before the round."""

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


_COMPANIES = (
    "طالب أصحاب أكثر من 50 شركة من شركات حجاج الداخل بإعادة النظر في شرائح الخدمة، التي وضعتها الوزارة، مؤكدين أنها "
    "تتعارض في تفاصيلها مع بعض بنود اللائحة التنظيمية وبنود اللائحة التنفيذية لحجاج الداخل.")

_TWEETS = (
    "وكانت مواقع التواصل الاجتماعي قد نقلت الواقعة وتطوراتها، وأبدى البعض استياءهم مما يحدث، مؤكدين أن ذلك يتناقض مع "
    "تعاليم الشريعة الإسلامية، ومنهم المغرد فراس بقنة إذ قال \"إن اعتزازك بأصلك وقبيلتك لا يجعل منك عنصريا\". فيما سخر "
    "كثيرون من القضية، معتبرين أن الخلاف على مثل هذه الأمور لا يشكل قضية.")

_EXPERTS = (
    "واستبعد الخبراء المكلفون من القضاة الفرنسيين مرتين فرضية التسميم، وكانت المرة الاخيرة في مارس الماضي معتبرين أن "
    "وجود الغاز المشع الطبيعي من نوع رادون في البيئة الخارجية، يمكن أن يفسر كميات البولونيوم المرتفعة التي وجدت في "
    "أغراض الرئيس الفلسطيني. إلا أن الخبراء السويسريين الذين تحركوا بطلب من أرملة عرفات اعتبروا أن نظرية التسميم "
    "\"أكثر انسجاما\" مع النتائج التي توصلوا اليها.")


def test_plural_participle_takes_the_plural_subject_after_a_singular_verb() -> None:
    # a verb before its subject stays singular (طالب، أبدى، سخر), so the older agreement rule never fired: the quote
    # had no speaker (none emitted) or took the verb's object («استياءهم مما يحدث») or the tweeter quoted before
    assert _speaker(_quote(_doc(_COMPANIES), "تتعارض في تفاصيلها")) == "أصحاب"
    doc = _doc(_TWEETS, ("فراس بقنة",))
    assert _speaker(_quote(doc, "يتناقض مع تعاليم")) == "البعض"
    assert _speaker(_quote(doc, "لا يشكل قضية")) == "كثيرون"


def test_group_anaphor_with_another_adjective_is_another_group() -> None:
    # once «الخبراء المكلفون» speak (through the plural participle), «الخبراء السويسريين» must not fall back on them by
    # the head «الخبراء» alone: the two descriptions share no other word
    doc = _doc(_EXPERTS, ("عرفات",))
    assert _speaker(_quote(doc, "وجود الغاز المشع")) == "الخبراء المكلفون"
    assert _speaker(_quote(doc, "نظرية التسميم")) == "الخبراء السويسريين"


_SPOKESMAN = (
    "التقى وزير الخارجية المصري سامح شكري أمس مع وزير خارجية الإمارات الشيخ عبد الله بن زايد آل نهيان حيث يأتي اللقاء في "
    "إطار التنسيق المتواصل والمستمر بين البلدين الشقيقين.\n\n"
    " وذكر المتحدث باسم وزارة الخارجية أن المشاورات أكدت على متانة وصلابة العلاقات المصرية الإماراتية ووحدة الأهداف.\n\n"
    " وأضاف المتحدث أن الوزير شكري توجه فور انتهاء زيارته إلى الإمارات إلى دولة الكويت الشقيقة.")


def test_a_spokesman_is_not_the_minister_just_met() -> None:
    # a definite role went to the person the story had just named: the ministry's unnamed spokesman became the
    # minister he speaks about
    doc = _doc(_SPOKESMAN, ("سامح شكري", "عبد الله بن زايد آل نهيان"))
    assert _speaker(_quote(doc, "متانة وصلابة")) == "المتحدث باسم وزارة الخارجية"
    assert _speaker(_quote(doc, "توجه فور انتهاء")) == "المتحدث باسم وزارة الخارجية"
