"""Quote rules of issue 13's eighteenth round (helper qfix-m: speakers across sentences, snn_dev30).

The sentences are real spans of SaudiNewsNet articles (okaz 2015-08-07, snn_dev30, outside the held-out third), with
the mentions the tagger gives them set by hand, so that the rule is tested on its own; the test fails on the
extractor as it was before the round."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

_HODEIDAH = (
    "استهجن محافظ الحديدة السابق صخر الوجيه مزاعم الانقلابيين الحوثيين من أن تحويل مسار سفن الإغاثة الدولية الى "
    "ميناء عدن سيتسبب بكارثة إنسانية في المحافظة، مؤكدا أن انقلاب جماعة الحوثي على الشرعية الوطنية هو السبب في حدوث "
    "الكارثة الإنسانية في جميع ربوع اليمن.\n"
    "كما أكد الوجيه استمرار عمليات المقاومة الشعبية في الحديدة ضد ميليشيات جماعة الحوثي، مشيرا الى أنها قامت وتقوم "
    "بأعمال عسكرية نوعية مباغته ضد الحوثيين. قائلا: «المقاومون لا يزالون يستهدفون نقاط التفتيش التي تقيمها "
    "الميليشيات التابعة لجماعة الحوثي في المحافظة».\n"
    "وأوضح الوجيه أن جماعة الحوثي لا تزال تعتقل العشرات من الصحفيين والنشطاء الاجتماعيين في محافظة الحديدة، مقدرا "
    "إجمالي عدد المعتقلين بالمئة شخص. مشيرا الى أن محافظة الحديدة لا توجد بها حاضنة لما يروج له الحوثيون.")


def test_a_name_ending_in_ha_is_no_feminine_noun() -> None:
    # «الوجيه» was remembered as feminine (the matching key folds ة into ه, and «الوزارة» is feminine), so a
    # masculine participle opening a sentence («. قائلا: «...»»، «. مشيرا الى أن») found no speaker and no quote
    doc = _doc(_HODEIDAH, ("الوجيه",))
    for words in ("المقاومون لا يزالون", "محافظة الحديدة لا توجد"):
        assert _speaker(_quote(doc, words)) == "الوجيه"

