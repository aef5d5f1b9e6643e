"""Quote speakers: verb agreement, outlets before the subject, bodies, appositions (issue 13, fourth round).

The sentences are real spans of SaudiNewsNet articles (snn_dev16/17 and the kinds they showed), with the entity
mentions the tagger gives them set by hand so that each rule is tested on its own."""

from __future__ import annotations

import re

from marsad.extract.quotes import annotate
from marsad.extract.quotes.lexicon import quote_lexicon
from marsad.model import Document, Mention, Quote, Segment
from marsad.text.normalize import norm_key


def _doc(text: str, tagged: list[tuple[str, str]] | None = None) -> Document:
    """A document of ``text`` with a mention for every occurrence of each (words, type) pair."""
    mentions = []
    for words, kind in tagged or []:
        at = text.find(words)
        assert at >= 0, words
        while at >= 0:
            mentions.append(Mention(at, at + len(words), words, kind))
            at = text.find(words, at + 1)
    doc = Document(id="t", source="t", format="txt", text=text, segments=[Segment("m", "main", 0, len(text))])
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    annotate(doc)
    return doc


def _speaker(doc: Document, words: str) -> str | None:
    found = [q for q in doc.quotes if words in q.text]
    assert found, f"no quote with {words!r}: {[q.text[:30] for q in doc.quotes]}"
    q: Quote = found[0]
    return q.speaker_text.text if q.speaker_text is not None else None


def test_cue_forms_carry_their_gender() -> None:
    lex = quote_lexicon()
    genders = {w: lex.gender(norm_key(w)) for w in ("قال", "وقالت", "تقول", "يؤكد", "نفت", "مضيفة", "مشيرا", "وأضافوا")}
    assert genders == {"قال": "m", "وقالت": "f", "تقول": "f", "يؤكد": "m", "نفت": "f", "مضيفة": "f", "مشيرا": "m",
                       "وأضافوا": None}


def test_an_outlet_before_the_subject_is_skipped() -> None:
    # aleqt 2015-07-23: «وقال لـ"الاقتصادية" باسم مؤمنة؛ رئيس ...، إن» (the subject follows the outlet)
    doc = _doc('وقال لـ"الاقتصادية" باسم مؤمنة؛ رئيس مجلس إدارة إحدى مؤسسات دباغة الجلود، إن ملاك المصانع يبدؤون '
               "في تجميع قطع الجلود.")
    assert _speaker(doc, "ملاك المصانع") == "باسم مؤمنة"
    # an outlet followed by no subject leaves the current speaker (not «بالبريد الإلكتروني»)
    doc = _doc("وقالت الباحثة لورا إيه إن ضغط الدم مهم. وقالت لـ«رويترز» بالبريد الإلكتروني: «نقول إن ارتفاع ضغط الدم "
               "مهم للجميع».", [("لورا إيه", "PER")])
    assert _speaker(doc, "نقول إن ارتفاع") == "لورا إيه"


def test_a_name_set_off_before_a_role_is_the_subject_even_after_a_stop_word() -> None:
    # okaz 2015-08-08: «فضل» is also a common word; «، أحد العاملين» makes it a first name
    doc = _doc("وأوضح فضل الشرجبي، أحد العاملين في قطاع الإطارات، أنه لم يطلع حتى الآن على التعليمات.\n"
               "وأضاف: بالتأكيد أن الهدف من القرار هو الحفاظ على سلامة قائدي المركبات.")
    assert _speaker(doc, "لم يطلع حتى الآن") == "فضل الشرجبي"
    assert _speaker(doc, "الحفاظ على سلامة") == "فضل الشرجبي"


def test_a_subjectless_verb_keeps_the_latest_speaker_that_agrees_with_it() -> None:
    doc = _doc("وقالت وزارة الصحة إن الحالات تراجعت. وقال المتحدث باسمها محمد العبدالعالي إن الفرق جاهزة. "
               "وأضافت أن اللقاحات متوفرة. وأضاف أن المستشفيات مستعدة.", [("محمد العبدالعالي", "PER")])
    assert _speaker(doc, "اللقاحات متوفرة") == "وزارة الصحة"
    assert _speaker(doc, "المستشفيات مستعدة") == "محمد العبدالعالي"


def test_with_nobody_agreeing_the_sentence_body_speaks() -> None:
    # aljazirah 2015-07-25 and 3alyoum 2015-07-31: «وظلت تركيا ... وتقول إن»، «انتقدت الإمارات ... وقالت إن»
    doc = _doc("وذكر المكتب في بيان أن 251 شخصا اعتقلوا.\n وظلت تركيا شريكا متمنعا في التحالف وتمسكت بضرورة الإطاحة "
               "بالأسد وتقول إن القوات الكردية السورية تشكل أيضا خطرا أمنيا كبيرا.", [("تركيا", "LOC")])
    assert _speaker(doc, "القوات الكردية السورية") == "تركيا"
    doc = _doc("انتقدت الإمارات الاتحاد الأوروبي اليوم الأربعاء وقالت إن سياسة طهران عدائية.", [("الإمارات", "LOC")])
    assert _speaker(doc, "سياسة طهران") == "الإمارات"
    # a feminine verb with no body opening the sentence is not given to a man who spoke before
    doc = _doc("وقال المدرب لويس فان غال إنه بصدد صفقة.\nصحيفة (صنداي بيبول) الإنجليزية لم تفوت هذا التصريح.\n"
               "وأشارت إلى أن إدارة الحمر تحاول ضم اللاعب.", [("لويس فان غال", "PER")])
    assert all(q.speaker_text is None or "فان غال" not in q.speaker_text.text
               for q in doc.quotes if "إدارة الحمر" in q.text)


def test_qala_fihi_gives_the_author_of_the_statement() -> None:
    # 3alyoum 2015-07-31 and alriyadh 2015-08-01: «خطاب للزعيم ... علي خامنئي ... قال فيه إن»، «تصريحات ... أطلقها
    # المتحدث ...، العميد أحمد عسيري، قال فيها إن»
    doc = _doc("وقال قرقاش إن المهمة صعبة. وردت دول الخليج العربية بقلق على خطاب للزعيم الأعلى الإيراني آية الله علي "
               "خامنئي في 18 يوليو قال فيه إن الاتفاق لن يحدث أي تغير في السياسات الإيرانية.",
               [("قرقاش", "PER"), ("علي خامنئي", "PER")])
    assert _speaker(doc, "الاتفاق لن يحدث") == "علي خامنئي"
    doc = _doc("وأصدر مجلس الإسماعيلي بيانا رسميا حول صفقة انتقال عمرو السولية، لاعب وسط الفريق، قال فيه: إنه لا نية "
               "لبيع اللاعب.", [("مجلس الإسماعيلي", "ORG"), ("عمرو السولية", "PER")])
    assert _speaker(doc, "لا نية") == "مجلس الإسماعيلي"


def test_a_person_completing_a_body_is_not_the_speaker() -> None:
    # aljazirah 2015-07-25: the prime minister's office speaks, not the prime minister
    doc = _doc("وقال رئيس الوزراء التركي أحمد داود أوغلو إن العمليات مستمرة.\nوقال مكتب رئيس الوزراء التركي: إن الشرطة "
               "بدأت حملة أمنية.\nوكان مكتب رئيس الوزراء التركي أحمد داود أوغلو قال: إن الشرطة اعتقلت 251 شخصا.",
               [("أحمد داود أوغلو", "PER"), ("رئيس الوزراء التركي", "PER")])
    assert _speaker(doc, "العمليات مستمرة") == "أحمد داود أوغلو"
    assert _speaker(doc, "بدأت حملة أمنية") == "مكتب رئيس الوزراء التركي"
    assert str(_speaker(doc, "اعتقلت 251")).startswith("مكتب رئيس الوزراء التركي")


def test_a_name_set_off_by_commas_after_a_kana_subject() -> None:
    # alriyadh 2015-08-01
    doc = _doc("وكان رئيس هيئة الأركان العامة في اليمن، اللواء محمد المقدشي ، قد أعلن الخميس، أن استعادة السيطرة على "
               "العاصمة صنعاء على رأس أولويات القوات الحكومية.", [("محمد المقدشي", "PER")])
    assert _speaker(doc, "استعادة السيطرة") == "محمد المقدشي"


def test_an_indefinite_role_is_nobody_named_elsewhere() -> None:
    doc = _doc('قال لـ "الاقتصادية" مسؤول في سفارة الهند بالرياض إن اتفاقية شاملة تجري حاليا. وأثار مسؤول ما تردد عن '
               "العمالة.")
    assert _speaker(doc, "اتفاقية شاملة") == "مسؤول"


def test_a_role_subject_is_the_name_set_off_after_it() -> None:
    # okaz 2015-07 (SaudiNewsNet): the role's own complement, then «، NAME،»
    doc = _doc("كشف القيادي المنشق عن الانقلابيين الحوثيين، عبدالناصر العوذلي، وجود احتجاجات داخل اللجنة الثورية، مشيرا "
               "إلى أن عضو اللجنة انسحب.\nكشف السفير اليمني لدى لبنان، علي الديلمي، أن سفارة بلاده أوقفت التأشيرات.",
               [("عبدالناصر العوذلي", "PER"), ("علي الديلمي", "PER")])
    assert _speaker(doc, "عضو اللجنة انسحب") == "عبدالناصر العوذلي"
    assert _speaker(doc, "سفارة بلاده") == "علي الديلمي"


def test_the_name_closing_a_role_and_its_complement_is_the_speaker() -> None:
    # almadina 2015-07-24 (snn_dev18): role, its complement (للجوازات بالمنطقة), a rank, then the tagged name
    doc = _doc("وقال الناطق الإعلامي للجوازات بالمنطقة النقيب عبدالرحمن بن ضيف الله الأسمري: إن المعاملة تستغرق نحو 5 "
               "دقائق.\n وأشار إلى أنه تم تحويل المبنى السابق.", [("عبدالرحمن بن ضيف الله الأسمري", "PER")])
    assert _speaker(doc, "المعاملة تستغرق") == "عبدالرحمن بن ضيف الله الأسمري"
    assert _speaker(doc, "تحويل المبنى") == "عبدالرحمن بن ضيف الله الأسمري"
    # an addressee between the role and the name keeps the name out
    doc = _doc("وقال الوزير لنظيره الأمريكي جون كيري إن الاتفاق قريب.", [("جون كيري", "PER")])
    assert _speaker(doc, "الاتفاق قريب") != "جون كيري"


def test_the_topic_of_amma_fa_is_the_subject() -> None:
    # almadina 2015-07-24 (snn_dev18): «أما X من ... فأشار إلى أن»
    doc = _doc("وقال أحمد الصالح إن الإجراءات سريعة.\n أما علي العبدالعزيز العباسي من محافظة البيضاء فأشار إلى أن "
               "التوجيه خطوة إيجابية.", [("أحمد الصالح", "PER"), ("العبدالعزيز", "PER"), ("العباسي", "PER")])
    assert "العباسي" in str(_speaker(doc, "التوجيه خطوة"))  # tagged as the tagger does, in two pieces


def test_a_cue_after_hayth_or_baad_an_opens_another_quote() -> None:
    # aljazirah 2015-07-25 and alriyadh 2015-08-01 (snn_dev16)
    doc = _doc("وقال مكتب رئيس الوزراء في بيان إن مقاتلات تركية قصفت مواقع داخل سوريا بعد أن قالت أنقرة: إنها ستتخذ أي "
               "إجراءات ضرورية.\nوقالت مصادر محلية إن مقاتلات التحالف نفذت أربع غارات، حيث أوضحت المصادر أن الغارات "
               "استهدفت فندقا.", [("أنقرة", "LOC")])
    assert _speaker(doc, "ستتخذ أي") == "أنقرة"
    assert "مقاتلات تركية" in doc.quotes[0].text and "ستتخذ" not in doc.quotes[0].text
    assert _speaker(doc, "استهدفت فندقا") == "مصادر محلية"  # the anaphor «المصادر» resolved


def _alone(text: str, full: str | None) -> Document:
    """``text`` with «الشيخ» tagged alone wherever it is not inside the tagged full name ``full``."""
    mentions = []
    if full is not None:
        at = text.index(full)
        mentions.append(Mention(at, at + len(full), full, "PER"))
    skip = text.index(full) + len(full) - 5 if full is not None else -1
    mentions += [Mention(m.start(), m.end(), "الشيخ", "PER") for m in re.finditer("الشيخ", text) if m.start() != skip]
    doc = Document(id="t", source="t", format="txt", text=text, segments=[Segment("m", "main", 0, len(text))])
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    annotate(doc)
    return doc


def test_a_one_word_mention_is_the_latest_full_name_ending_with_it() -> None:
    # aawsat (SaudiNewsNet sample): «الشيخ» is a family name and a title, tagged alone after the full name
    doc = _alone("حيث يرى الدكتور سعيد الشيخ وعضو مجلس الشورى أن الوصول صعب.\nولفت الشيخ إلى زيادة معدل النقود.\n"
                 "وقال الشيخ إن الفرق ليس كبيرا.", "سعيد الشيخ")
    assert _speaker(doc, "الفرق ليس كبيرا") == "سعيد الشيخ"
    # with no full name, «إلى» (الي) is no adjective of the role: «زيادة معدل» is no name written after it
    doc = _alone("ولفت الشيخ إلى زيادة معدل النقود.\nوقال الشيخ إن الفرق ليس كبيرا.", None)
    assert _speaker(doc, "الفرق ليس كبيرا") == "الشيخ"


def test_a_plural_subject_before_a_plural_verb_after_lakin() -> None:
    # SaudiNewsNet sample: «لكن بعض المحللين يقولون إن»، «لكن مسؤولي المتنزه قالوا إن»
    doc = _doc("وقال الوزير بيجن زنغنه إن الإنتاج سيرتفع. لكن بعض المحللين يقولون إن الزيادة ستستغرق وقتا.\n"
               "وقالت المتحدثة إيمي بارتليت إن الهجمات نادرة. لكن مسؤولي المتنزه قالوا إن الدب قتل الرجل.",
               [("بيجن زنغنه", "PER"), ("إيمي بارتليت", "PER")])
    assert _speaker(doc, "الزيادة ستستغرق") == "بعض المحللين"
    assert _speaker(doc, "الدب قتل") == "مسؤولي المتنزه"


def test_a_subject_before_its_verb_after_kama_anna_or_ghayr_anna() -> None:
    # alyaum 2015-08-04 (snn_dev6) and a SaudiNewsNet sample article: «كما أن»، «غير أن» open a clause like لكن
    doc = _doc("وأشار المسؤول الهندي إلى أن هذه الخطوة ترمي إلى وقف المواد الإباحية.\n"
               "وخلال اليومين الماضين، تعذر على الهنود الولوج إليها، كما أن الكثير من مستخدمي الإنترنت في البلاد "
               "عبروا عن غضبهم إزاء هذا الحجب.\n"
               "وأعلنت وزارة الخارجية التركية أمس، أنّها فتحت تحقيقًا.\n"
               "غير أنّ مكتب رئيس الوزراء احمد داود اوغلو أكّد بعد قليل في بيان أنّ «المعركة ضدّ المنظمات الارهابية "
               "ستتواصل من دون توقف».", [("احمد داود اوغلو", "PER")])
    assert _speaker(doc, "غضبهم إزاء") == "الكثير من مستخدمي الإنترنت"
    assert _speaker(doc, "المعركة ضدّ") == "مكتب رئيس الوزراء احمد داود اوغلو"


def test_a_participle_inherits_only_a_speaker_of_its_gender_from_an_earlier_sentence() -> None:
    # alyaum 2015-08-04 (snn_dev6): «معتبرة» after «وأشار المسؤول الهندي» and a plural group is the court's
    doc = _doc("وأشار المسؤول الهندي إلى أن هذه الخطوة ترمي إلى وقف المواد الإباحية.\n"
               "وكانت المحكمة العليا في الهند رفضت الشهر الماضي، إصدار أمر بحجب المواقع الإباحية معتبرة أن الأشخاص "
               "البالغين يحق لهم تصفح هذه المواقع.", [("الهند", "LOC")])
    assert _speaker(doc, "الأشخاص البالغين") == "المحكمة العليا"
    # aawsat 2015-07-26 (snn_dev10): within the sentence of a quote the participle goes on with it, whatever its form
    doc = _doc("وقال رئيس الوزراء التركي أحمد داود أوغلو إنها مستمرة.\n"
               "وفيما رفض الناطق اعتبار كلام الوزير «بداية تنفيذ للمنطقة الآمنة»، قالت مصادر في مكتب رئيس الوزراء "
               "التركي لـ«الشرق الأوسط» إن العملية مستمرة حتى تحقيق أهدافها، مشيرا إلى أن الولايات المتحدة باتت أقرب.",
               [("أحمد داود أوغلو", "PER")])
    assert _speaker(doc, "الولايات المتحدة باتت") == _speaker(doc, "العملية مستمرة")
    assert "مصادر" in (_speaker(doc, "العملية مستمرة") or "")


def test_a_cue_opening_reported_words_is_part_of_them() -> None:
    # alweeam 2015-08-01 (snn_dev17): «رأى جثثا ملقاة ... وإن» is what van der Klaauw said, so «جثثا ملقاة» is no
    # speaker for the next «وقال لرويترز» nor for «وأضاف»
    doc = _doc("وقال يوهانس فان در كلاوو إنه رأى جثثا ملقاة في الشوارع وإن أحياء بأكملها تعرضت لأضرار.\n"
               "وقال لرويترز في مقابلة “توقف القتال. وما تسمعه أن ثمة غارات جوية.”\n"
               "وأضاف “مازال هناك بعض القناصة في شبه الجزيرة.”",
               [("يوهانس", "PER"), ("فان در كلاوو", "PER"), ("رويترز", "ORG")])
    assert _speaker(doc, "توقف القتال") == "فان در كلاوو"
    assert _speaker(doc, "مازال هناك") == "فان در كلاوو"
