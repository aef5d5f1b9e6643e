"""Quote rules of issue 13's sixteenth round (helper qfix-k: regional and economic wire news, snn_dev28).

The sentences are real spans of SaudiNewsNet articles (snn_dev28: alyaum 2015-08-01; sample articles outside the
held-out third: alyaum 2015-08-03 and 2015-08-02), with the mentions the tagger gives them set by hand — it tags no
person in «علي أكبر صالحي» or «علي عيدة» — so that the rule is tested on its own; each test fails on the extractor as
it was before the round, but the one marked as keeping an older behaviour."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker


def test_ali_spelt_with_ya_opens_a_relayed_speaker() -> None:
    # «علي» read as the preposition «على» ended the subject before it began: the lead's quote was lost
    text = ("نقلت وكالة أنباء الجمهورية الإسلامية الإيرانية عن علي أكبر صالحي كبير المفاوضين الإيرانيين في الملف "
            "النووي قوله اليوم السبت إن البرلمان لا يملك سلطة على الاتفاق النووي الذي وقع مع القوى الدولية الشهر "
            "الماضي.")
    doc = _doc(text, bodies=("الجمهورية الإسلامية الإيرانية",))
    q = _quote(doc, "البرلمان لا يملك سلطة")
    assert (_speaker(q) or "").startswith("علي أكبر صالحي")  # the untagged name and its role
    assert q.text.endswith("الشهر الماضي")


def test_ali_spelt_with_ya_right_after_the_verb_is_its_subject() -> None:
    text = ("وقال علي عيدة القيادي البارز في المقاومة الشعبية: إن المقاومة ستحرر المحافظة بالكامل خلال ثلاثة أيام، "
            "وتعمل بالتنسيق مع قوات التحالف.")
    doc = _doc(text)
    assert (_speaker(_quote(doc, "المقاومة ستحرر")) or "").startswith("علي عيدة")


def test_ali_after_a_feminine_verb_is_the_preposition() -> None:
    # keeps an older behaviour: «فردت علي بعنف» is "she answered me harshly"; «علي» names nobody there
    text = ("التقيت مرشدة سياحية تشرح لنا معالم المدينة القديمة، فلما انتهينا تحدثت معها حول الإسلام فردت علي بعنف "
            "أنا أعرف الإسلام، فقلت لها: هل تعرفت على الإسلام من خلال القراءة أم الإعلام؟ ثم ردت علي قائلة: سؤالك "
            "ذكي، ولم أفكر فيه من قبل.")
    doc = _doc(text)
    assert all("علي" not in (_speaker(q) or "").split() for q in doc.quotes)


_MUFTI = (
    "أكد سماحة مفتي عام المملكة رئيس هيئة كبار العلماء وإدارة البحوث العلمية والإفتاء الشيخ عبدالعزيز بن عبدالله آل "
    "الشيخ على المعلمين والمعلمات أن يربوا شبابنا وبناتنا تربية إسلامية صحيحة، بعيدا عن الغلو.\n"
    "وعدد سماحته بعض الأعمال الصالحة التي ينبغي للمسلم التنافس عليها، ومنها تعلم القرآن وتعليمه يقول صلى الله عليه "
    "وسلم (خيركم من تعلم القرآن وعلمه)، ومنها أيضا التسابق إلى الصلاة والمحافظة عليها، يقول صلى الله عليه وسلم: (لو "
    "يعلم الناس ما في النداء والصف الأول ثم لم يجدوا إلا أن يستهموا عليه لاستهموا عليه)، ومن التنافس إصلاح الشباب "
    "وقيادتهم إلى الخير.\n"
    "وتابع: إن من التنافس المحمود ترك الإشاعات والأكاذيب والأقوال الباطلة وغير الصحيحة.")


def test_a_hadith_cited_in_an_earlier_paragraph_names_nobody_who_speaks_next() -> None:
    # «يقول صلى الله عليه وسلم» gave the speaker span «عليه وسلم», which the preacher's «وتابع:» then inherited
    doc = _doc(_MUFTI, ("عبدالعزيز بن عبدالله آل الشيخ",))
    assert _speaker(_quote(doc, "ترك الإشاعات")) == "عبدالعزيز بن عبدالله آل الشيخ"


def test_a_cited_verse_still_speaks_for_the_words_right_after_it() -> None:
    # keeps an older behaviour: in the same paragraph «قال تعالى: ... وقال: ...» goes on with the citation
    text = ("وأضاف أن الإسلام يعلي من قيمة ما يقدمه الانسان من خير، قال تعالى: \"ولقد كرمنا بني آدم\"، وقال: \"إن "
            "أكرمكم عند الله أتقاكم\".")
    doc = _doc(text)
    assert _speaker(_quote(doc, "أكرمكم عند الله")) == "تعالى"


def test_a_participle_after_an_honorific_subject_goes_to_the_dignitary_named_before() -> None:
    # «وعبر سموه عن ... ، مبيناً أن»: no speaker met yet and no name in the sentence; the quotes were lost
    text = ("رفع صاحب السمو الملكي الأمير فهد بن سلطان بن عبدالعزيز أمير منطقة تبوك باسمه ونيابة عن أهالي المنطقة أصدق "
            "مشاعر العزاء والمواساة لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود -حفظه الله- في استشهاد "
            "رجال الأمن البواسل من منسوبي قوات الطوارئ الخاصة في منطقة عسير.\n"
            "وعبر سموه عن استنكاره لهذا العمل الجبان الذي يهدف للنيل من مقدرات الوطن ومكتسباته، مبيناً أن الجميع على "
            "يقين وثقة تامة بأن كل من يقف خلف هذا العمل الإجرامي البشع ستطاله يد العدالة، وسيلقى عقابه الرادع بإذن الله، "
            "مؤكداً أن ما حدث لن يثني من عزيمة رجال أمننا البواسل.")
    doc = _doc(text, ("فهد بن سلطان بن عبدالعزيز", "سلمان بن عبدالعزيز آل سعود"))
    assert _speaker(_quote(doc, "الجميع على يقين")) == "فهد بن سلطان بن عبدالعزيز"
    assert _speaker(_quote(doc, "ما حدث لن يثني")) == "فهد بن سلطان بن عبدالعزيز"


def test_a_participle_after_an_honorific_subject_is_not_given_a_name_in_the_object() -> None:
    # «وحذر فضيلته من التهاون ... بحماس ...، مؤكداً أن»: «حماس» (tagged a body inside «بحماس») took the quote
    text = ("وأوضح إمام وخطيب المسجد الحرام الشيخ الدكتور سعود بن إبراهيم الشريم أن المسلم مطالب بالثبات على الطاعة.\n"
            "وحذر فضيلته من التهاون في الطاعات بعد الإقبال عليها بحماس خلال شهر رمضان المبارك، مؤكداً أن على المسلم "
            "أن يتصف بالعزيمة والثبات.")
    doc = _doc(text, ("سعود بن إبراهيم الشريم",), ("حماس",))
    assert _speaker(_quote(doc, "أن يتصف بالعزيمة")) == "سعود بن إبراهيم الشريم"


def test_an_honorific_subject_with_no_speaker_met_is_the_dignitary_named_before() -> None:
    # «وقال معاليه: إن» right after the lead, where the minister «شجب» (quotes nothing): nobody was met, quote lost
    text = ("شجب وزير العدل رئيس المجلس الأعلى للقضاء الدكتور وليد بن محمد الصمعاني العمل الإرهابي الآثم، الذي استهدف "
            "مسجداً في مقر قوات الطوارئ الخاصة بمنطقة عسير.\n"
            "وقال معاليه: إن استهداف رجال الأمن وفي بيت من بيوت الله فعلٌ مجرّمٌ لا يقره دين ولا عقل.")
    doc = _doc(text, ("وليد بن محمد الصمعاني",), ("المجلس الأعلى",))
    assert _speaker(_quote(doc, "استهداف رجال الأمن")) == "وليد بن محمد الصمعاني"
