"""Quote rules of issue 13's thirteenth round (a subjectless cue after a change of speaker, checked on SaudiNewsNet).

The sentences are real spans of SaudiNewsNet articles (snn_dev17: okaz 2015-08-08; sample articles outside the
held-out third), with the person mentions the tagger gives them set by hand so that each rule is tested on its own;
each test fails on the extractor as it was before the round, but the one marked as keeping an older behaviour."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker


def test_a_subjectless_cue_goes_to_the_described_subject_of_the_sentence_before() -> None:
    # «أرجع» quotes nothing, but its subject — a long role, then the name before a comma — is the new speaker
    text = ("من جهته، نبه الكاتب الاقتصادي غسان بادكوك إلى ضرورة زيادة الحملات التوعوية لأضرار الإطارات المقلدة، مشيرا "
            "إلى أن الدور الذي تقدمه هيئة المواصفات والمقاييس في هذا السياق يجب أن تدعمه الرقابة.\n"
            "على صعيد ثان، أرجع المتحدث باسم حماية المستهلك الدكتور عبيد العبدلي، أسباب ارتفاع أسعار قطع غيار "
            "السيارات في المملكة إلى الثقافة السائدة لدى المستهلك.\n"
            "وقال لـ«عكاظ»: إن ما يتحكم في السعر هو العرض والطلب.\n"
            "وأضاف أن أهم دور لجمعية حماية المستهلك هو توعيته والتأثير على سلوكه الاستهلاكي.")
    doc = _doc(text, ("غسان بادكوك", "عبيد العبدلي"))
    assert _speaker(_quote(doc, "الدور الذي تقدمه")) == "غسان بادكوك"
    assert _speaker(_quote(doc, "العرض والطلب")) == "عبيد العبدلي"
    assert _speaker(_quote(doc, "أهم دور لجمعية")) == "عبيد العبدلي"


def test_a_subjectless_cue_after_a_described_subject_is_found_with_no_earlier_speaker() -> None:
    # with no speaker met before, the cue found nobody and its quote was dropped
    text = ("أوصى إمام وخطيب المسجد الحرام الشيخ الدكتور سعود بن إبراهيم الشريم، المسلمين بتقوى الله عز وجل والعمل على "
            "طاعته واجتناب نواهيه.\n"
            "وقال في خطبة الجمعة اليوم إن المرء العاقل هو الذي يستحضر على الدوام عدم كمال الحياة التي يعيش فيها الناس.")
    doc = _doc(text, ("سعود بن إبراهيم الشريم",))
    assert _speaker(_quote(doc, "المرء العاقل")) == "سعود بن إبراهيم الشريم"


def test_a_definite_role_never_takes_the_described_subject_of_another_role() -> None:
    # keeps an older behaviour: «مدير الادارة العامة» is not «وكيل وزارة الزراعة ... سامي النحيط»
    text = ("قام وكيل وزارة الزراعة لشؤون التنمية الزراعية المهندس سامي النحيط، ووفد من وزارة الزراعة برفقة مدير "
            "الادارة العامة لشؤون الزراعة بمنطقة جازان بزيارة تفقدية لمنطقة جازان.\n"
            "وأوضح مدير الادارة العامة للشؤون الزراعية بجازان، ان المشاريع الزراعية في المنطقة تشهد تطورا واهتماما "
            "كبيرين.")
    doc = _doc(text, ("سامي النحيط",))
    assert _speaker(_quote(doc, "المشاريع الزراعية")) != "سامي النحيط"
