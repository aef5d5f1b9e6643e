"""Quote rules of issue 13's nineteenth round (helper qfix-n: speakers on randomly drawn news, snn_dev31).

The sentences are real spans of SaudiNewsNet articles (aljazirah and alweeam 2015-08-02/03, snn_dev31, outside the
held-out third), with the mentions the tagger gives them set by hand, so that each rule is tested on its own; each
test fails on the extractor as it was before the round."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

_NOVAK = (
    "وشهدت العاصمة الروسية موسكو السبت الاجتماع السابع للجنة الحكومية المشتركة الروسية الجزائرية للتعاون التجاري "
    "والاقتصادي والعلمي والتقني، برئاسة وزير الطاقة الروسي ألكساندر نوفاك ووزير المالية الجزائري عبد الرحمن بن "
    "خالفة. وقال نوفاك خلال مؤتمر صحفي مشترك مع خالفة عقب الاجتماع إن البلدين اتفقا على تكثيف العمل في مشاريع "
    "النفط والغاز المشتركة، منوهاً إلى اهتمام شركات النفط الروسية كـ«غازبروم نفط» و«لوك أويل» و«باش نفط» بالعمل في "
    "قطاع الطاقة الجزائري. \n"
    "كما أكد نوفاك أن الجزائر تعد شريكاً إستراتيجياً لروسيا، ولكن التوترات التي تشهدها عدد من البلدان العربية وأسواق "
    "المال العالمية أثرت على التبادل التجاري بين البلدين. وفيما يتعلق بالمشاريع المشتركة، كشف وزير الطاقة الروسي عن "
    "أن شركة «أورال فاغون زافود» تخطط بالتعاون مع شركة «EPE Ferrovial» لإنشاء مشروع مشترك لصناعة القطارات في "
    "الجزائر. \n"
    "كما تطرق الوزير الروسي إلى مسألة العقوبات الأمريكية الجديدة ضد روسيا، وقال إنها ليست جديدة بالنسبة لـ«روس نفط». "
    "\n"
    "وكانت وزارة المالية الأمريكية أعلنت الخميس فرض عقوبات على 15 شركة من بينها إحدى الشركات التابعة لشركة النفط "
    "الروسية «روس نفط».")

_KARMAN = (
    "سخر سياسيون ونشطاء يمنيون معارضون لزعيم الحوثيين من خطابه مساء الأحد.\n"
    "وكتبت الناشطة اليمنية الحائزة على جائزة نوبل للسلام توكل كرمان، على حسابها بموقع فيسبوك أن الحوثي في "
    "خطاباته سيظل يكرر عبارة “المعركة لم تبدأ بعد” حتى بعد أن يتم أسره، حسب وصفها.")


def test_a_role_resolves_to_a_name_opening_with_al() -> None:
    # «وزير الطاقة الروسي ألكساندر نوفاك»: ألكساندر (normalised الكساندر) was skipped as one more adjective of the role,
    # so the name written after the role was never found and the role stayed the speaker
    doc = _doc(_NOVAK, ("ألكساندر نوفاك", "عبد الرحمن بن خالفة"))
    assert _speaker(_quote(doc, "أورال فاغون زافود")) == "ألكساندر نوفاك"
    assert _speaker(_quote(doc, "ليست جديدة")) == "ألكساندر نوفاك"  # «كما تطرق الوزير الروسي ...، وقال إنها»


def test_a_name_closing_a_description_after_a_definite_word_with_lam() -> None:
    # the subject is cut at «على» (الحائزة على ...); the name closing the description comes after «للسلام», a
    # definite word with ل glued before its article, which did not count as the description's last word
    doc = _doc(_KARMAN, ("توكل كرمان",))
    assert _speaker(_quote(doc, "سيظل يكرر")) == "توكل كرمان"


_CAMPAIGN = (
    "حيث لمست الحملة مقدار الاهمية والفائدة التي حققها هذا البرنامج بعد نجاحه في الاردن ما عزز من الرغبة في اطلاقه في "
    "لبنان في وقت سابق. \n"
    "وقال مدير مكتب الحملة في لبنان وليد بن علي الجلال في بيان أمس إن هذا البرنامج يسعى لتأهيل ما مجموعه خمسة آلاف "
    "شقيق سوري من الطلبة واولياء الامور.")

_SAN_DIEGO = (
    "وأوضح رئيس اللجنة الثقافية بالبيت السعودي في سان دييغو الدكتور عبدالعزيز الحربي في كلمة ألقاه بأن البيت السعودي "
    "يهدف إلى لم شمل الطلاب المبتعثين وعوائلهم. \n"
    "وبينت نائبة النادي للسعودي في جامعة sdsu رانيا السواد في كلمة ألقتها خلال الحفل شكرها لمنظمة البيت السعودي على "
    "أتاحة الفرصة للنادي بالمشاركة في احتفال الطلبة بعيد الفطر المبارك، مؤكداً بأن النادي حريص على المشاركة في "
    "الفعاليات والمناسبات الإسلامية.")


def test_a_role_completed_by_a_place_after_fi_takes_the_name_after_it() -> None:
    # alriyadh 2015-08-02: the subject is cut at «في»; the person named after «في لبنان» completes the role, which
    # stayed the speaker («مدير مكتب الحملة»)
    doc = _doc(_CAMPAIGN, ("وليد بن علي الجلال",), places=("لبنان",))
    assert _speaker(_quote(doc, "يسعى لتأهيل")) == "وليد بن علي الجلال"


def test_a_feminine_role_does_not_take_the_man_just_quoted() -> None:
    # aljazirah 2015-07-31: the director is named after «في سان دييغو»; the club's vice-president (her name untagged)
    # then speaks through a participle the writer put in the masculine — «نائبة النادي», a feminine role, is not the
    # man just quoted after the masculine «وأوضح»
    doc = _doc(_SAN_DIEGO, ("عبدالعزيز الحربي",), places=("سان دييغو",))
    assert _speaker(_quote(doc, "يهدف إلى لم شمل")) == "عبدالعزيز الحربي"
    assert _speaker(_quote(doc, "حريص على المشاركة")) == "نائبة النادي"


def test_a_quoted_organisation_name_written_again_is_no_quote() -> None:
    # «أعلنت ... فرض عقوبات على 15 شركة ... لشركة النفط الروسية «روس نفط».»: the company's name, in marks at the end of
    # the sentence, was taken for the ministry's words
    doc = _doc(_NOVAK, ("ألكساندر نوفاك", "عبد الرحمن بن خالفة"), ("وزارة المالية الأمريكية", "روس نفط"))
    assert [q.text for q in doc.quotes if q.text == "روس نفط"] == []
    assert _speaker(_quote(doc, "ليست جديدة")) == "ألكساندر نوفاك"
