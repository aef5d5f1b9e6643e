"""Quote rules of issue 13's twenty-first round (helper qt14: speakers on unseen news, snn_dev33).

The sentences are real spans of SaudiNewsNet articles outside the held-out third (okaz 2015-08-04 and alweeam
2015-07-21 of snn_dev33; alyaum 4081053 of snn_dev32), with the mentions the tagger gives them set by hand, so that
each rule is tested on its own; each test fails on the extractor as it was before the round."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

_INTERVIEW = (
    "أكد لاعب نادي الشباب عمر الغامدي بعد اعتزاله الكرة بشكل رسمي أنه مقتنع تماما بقرار الاعتزال.\n"
    "وعن اختياره لهذا التوقيت قال: «رأيت أن هذا هو التوقيت المناسب لإنهاء مسيرتي الكروية»، وحول قرار إبعاده عن فريق "
    "الشباب هل كان مفاجئا قال: «نعم كان بالنسبة لي شيئا مفاجئا»، مشيرا إلى أنه لم يحدد وجهته المستقبلية، وقال: «أرى "
    "نفسي في جميع المجالات إدارية وفنية». وفيما يخص رأيه بسامي الجابر قال: «هو أسطورة من أساطير كرة القدم في "
    "السعودية»، وحول ابتعاد خالد عزيز عن الملاعب قال: «لا أستطيع أن أقول عن خالد عزيز إلا الله يسامحه».")


def test_a_fronted_topic_with_no_comma_never_speaks() -> None:
    # «وحول قرار إبعاده ... هل كان مفاجئا قال:» was read as «وكان X قد قال» (the speaker «مفاجئا», then inherited by
    # every later quote), and «وفيما يخص رأيه بسامي الجابر قال:» gave the name inside the topic
    doc = _doc(_INTERVIEW, ("عمر الغامدي", "سامي الجابر", "خالد عزيز"))
    for words in ("نعم كان بالنسبة", "لم يحدد وجهته", "أرى نفسي", "هو أسطورة", "لا أستطيع أن أقول"):
        assert _speaker(_quote(doc, words)) == "عمر الغامدي"


_REPORT = (
    "وقال التقرير إنه منذ عام 2008 شرد نحو 26.5 مليون شخص في المتوسط كل عام بسبب الكوارث وعلى الرغم من ان احصاءات "
    "عام 2014 أقل من ذلك فان المجلس قال إن ثمة اتجاها صعوديا على المدى الطويل.")


def test_a_subject_before_its_verb_after_fa_inna_opens_a_new_quote() -> None:
    # «فإن المجلس قال إن» inside the report's clause was part of it: the council's quote was missed
    doc = _doc(_REPORT, bodies=("المجلس",))
    report = _quote(doc, "منذ عام 2008")
    assert "ثمة" not in report.text and "فان المجلس" not in report.text
    council = _quote(doc, "ثمة اتجاها صعوديا")
    assert council.text == "ثمة اتجاها صعوديا على المدى الطويل"
    assert _speaker(council) == "المجلس"


_OPEC = (
    "أعلن الأمين العام لمنظمة الدول المصدرة للنفط (أوبك) عبد الله البدري الخميس ان المنظمة \"ليست مستعدة\" لخفض حصص "
    "انتاجها.\n"
    "واعتبر أمين عام أوبك ان المنظمة \"يمكنها استيعاب\" هذا العرض. واضاف \"اننا مسرورون جدا بان العقوبات سترفع قريبا "
    "عن إيران\".")


def test_secretary_general_of_a_body_is_the_person_named_with_the_role() -> None:
    # the role was cut at «(أوبك)» before the name, and «عام أوبك» was taken for a name after «أمين»
    doc = _doc(_OPEC, ("عبد الله البدري",))
    for words in ("ليست مستعدة", "يمكنها استيعاب", "اننا مسرورون"):
        assert _speaker(_quote(doc, words)) == "عبد الله البدري"


_MANNER = (
    "ومن جانبه، أشار الخبير الاقتصادي الدكتور عبد الرحمن السلطان إلى أن هناك مبالغ طائلة تصرف على الاستراحات خلال "
    "موسم العيد، ولكن لا تعد هذه إشكالية أو استنزافا لميزانية الأسر، وبرر ذلك بقوله: إن إقامة حفلات أعياد الفطر "
    "والأضحى في الاستراحات وتجمع الأسرة يعد كسياحة داخلية تغني العائلات عن السفر للخارج.")


def test_a_manner_phrase_after_a_comma_opens_its_own_quote() -> None:
    # «...، وبرر ذلك بقوله: إن» (okaz 2015-07-22, snn_dev32) was inside the clause of «أشار ... إلى أن»: the quote
    # after بقوله was missed
    doc = _doc(_MANNER, ("عبد الرحمن السلطان",))
    first = _quote(doc, "هناك مبالغ طائلة")
    assert "بقوله" not in first.text
    second = _quote(doc, "إقامة حفلات أعياد")
    assert second.text.startswith("إقامة حفلات") and _speaker(second) == "عبد الرحمن السلطان"


_KENYA = (
    "واسقطت هذه الملاحقات في كانون الاول/ديسمبر بسبب عرقلة من قبل الحكومة الكينية، كما قالت مدعية المحكمة الجنائية "
    "الدولية، مما فتح الطريق لهذه الزيارة الرئاسية.")


def test_a_trailing_attribution_before_a_consequence_clause() -> None:
    # «...، كما قالت X، مما ...» was taken for a new statement with no quote of its own
    doc = _doc(_KENYA)
    q = _quote(doc, "واسقطت هذه الملاحقات")
    assert _speaker(q) == "مدعية المحكمة الجنائية الدولية"
    assert q.text.endswith("الحكومة الكينية")


_ENVOY = (
    "هذا وقال المبعوث الأممي الخاص للشرق الأوسط -نيكولاي ملادينوف-: «إن دعم حل الدولتين بين الفلسطينيين والإسرائيليين "
    "يتضاءل»، وذلك خلال كلمة له أمام مجلس الأمن الدولي.\n"
    "واعتبر المبعوث الأممي أن طريق حل الدولتين، الذي تدافع عنه الأمم المتحدة، يواجه صعوبات.")


def test_a_name_between_dashes_after_a_role() -> None:
    # the tagger tags «نيكولاي ملادينوف» between dashes as a body (aljazirah 2015-07-25, snn_dev32): the role stayed
    # the speaker of both quotes
    doc = _doc(_ENVOY, bodies=("نيكولاي ملادينوف", "مجلس الأمن الدولي"))
    assert _speaker(_quote(doc, "إن دعم حل الدولتين")) == "نيكولاي ملادينوف"
    assert _speaker(_quote(doc, "طريق حل الدولتين")) == "نيكولاي ملادينوف"


_TRADERS = (
    "وقال رئيس الغرفة التجارية خالد العتيبي إن الأسواق تشهد نموا.\n"
    "الحركة التجارية في جدة ستتحسن مع بداية العام الدراسي، هذا ما قاله التاجر محمد الغامدي، مضيفا أن الأسعار مستقرة "
    "منذ شهرين. هذا ما أكده التاجر محمد الغامدي، مشيرا إلى أن الطلب مرتفع.")


def test_this_is_what_x_said_names_the_speaker() -> None:
    # «...، هذا ما قاله X، مضيفا أن» (the form left by the twentieth round, 38 such in SaudiNewsNet outside the
    # held-out third): the participle went to the earlier speaker and the sentence before was no quote
    doc = _doc(_TRADERS, ("خالد العتيبي", "محمد الغامدي"))
    assert _speaker(_quote(doc, "الحركة التجارية في جدة")) == "محمد الغامدي"
    assert _speaker(_quote(doc, "الأسعار مستقرة")) == "محمد الغامدي"
    later = _quote(doc, "الطلب مرتفع")
    assert later.text.startswith("الطلب") and _speaker(later) == "محمد الغامدي"


_RETURN = (
    "وأشار معالي وزير الخارجية عادل الجبير إلى أن عودة السفير السعودي إلى اليمن يتوقف على الأوضاع الأمنية في اليمن، "
    "وهذا ما نتطلع إليه في الوقت القريب من عودته بتحقيق الأمن في اليمن.")


def test_this_is_what_without_a_speech_verb_goes_on_with_the_quote() -> None:
    # «وهذا ما نتطلع إليه» (al-jazirah 2015-07-24, snn_dev23) has no speech verb: the minister's words go on
    doc = _doc(_RETURN, ("عادل الجبير",))
    assert _quote(doc, "عودة السفير").text.endswith("بتحقيق الأمن في اليمن")
