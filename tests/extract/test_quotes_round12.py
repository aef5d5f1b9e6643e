"""Quote rules of issue 13's twelfth round (snn_dev26 scored blind, then checked on unlabelled SaudiNewsNet).

The sentences are real spans of SaudiNewsNet articles (snn_dev26: okaz 2015-08-08, alriyadh 2015-08-06, aleqt
2015-08-09, 3alyoum 2015-08-03; and sample articles), with the person mentions the tagger gives them set by hand
(descriptions and parts of institution names it tags as persons included) so that each rule is tested on its own;
each test fails on the extractor as it was before the round, but the ones marked as keeping an older behaviour."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker


def test_a_name_inside_an_institution_named_after_a_king_never_speaks() -> None:
    # 134 speech-verb subjects holding «مستشفى/جامعة/مدينة ... الملك/الأمير X» before a complementizer in 20,000
    # SaudiNewsNet articles; the tagger tags «خالد» of «مستشفى الملك خالد» as a person
    text = ("ومن جانبه، قال المدير العام التنفيذي لمستشفى الملك خالد التخصصي للعيون، استشاري أكاديمي أول في طب وجراحة "
            "العيون، الدكتور عبدالإله بن عباد الطويرقي «إن الدراسة تعد نقلة كبيرة في طب العيون، وخصوصا في علاج المياه "
            "البيضاء»، موضحا أن نتائج الدراسة تفتح باب أمل جديد لعلاج مشكلة المياه البيضاء باستخدام القطرة دون الجراحة.")
    doc = _doc(text, ("خالد", "عبدالإله بن عباد الطويرقي"))
    assert _speaker(_quote(doc, "نقلة كبيرة")) == "عبدالإله بن عباد الطويرقي"
    assert _speaker(_quote(doc, "باب أمل جديد")) == "عبدالإله بن عباد الطويرقي"


def test_a_body_named_after_a_king_speaks_as_itself() -> None:
    text = ("وأكدت المؤسسة العامة لجسر الملك فهد، في بيان لها، أن سبب انقطاع التيار الكهربائي في الجسر هو خلل في المغذي "
            "الرئيس.")
    doc = _doc(text, ("فهد",))
    assert _speaker(_quote(doc, "سبب انقطاع")) == "المؤسسة العامة لجسر الملك فهد"


def test_a_title_tagged_as_a_name_after_a_name_describes_it() -> None:
    # the tagger tags both «حسين محمد العبدالوهاب» and «شيخ الصاغة» as persons, side by side
    text = ("عزا حسين محمد العبدالوهاب شيخ الصاغة في الدمام انخفاض سعر الذهب لمستويات قياسية إلى خفض الصين لطلبها على "
            "الذهب، مؤكدا ل»الرياض» أن سعر الذهب حاليا يعد في المنطقة الصحية الجيدة للدول وللمستهلك.")
    doc = _doc(text, ("حسين محمد العبدالوهاب", "شيخ الصاغة"))
    assert _speaker(_quote(doc, "سعر الذهب حاليا")) == "حسين محمد العبدالوهاب"


def test_a_description_tagged_as_a_name_gives_way_to_the_name_closing_the_subject() -> None:
    text = ("وقال أخصائي طب وجراحة العيون رئيس العلاقات العامة بالجمعية السعودية لطب العيون عضو هيئة التدريس بكلية الطب "
            "في جامعة طيبة الدكتور وسيم عبدالعزيز عالم «لا توجد في الصيدليات أي قطرات لعلاج المياه البيضاء»، مؤكدا أن "
            "العلاج الوحيد المتوفر حاليا هو الجراحة.")
    doc = _doc(text, ("أخصائي طب", "وسيم عبدالعزيز"))
    assert _speaker(_quote(doc, "لا توجد في الصيدليات")) == "وسيم عبدالعزيز"
    assert _speaker(_quote(doc, "العلاج الوحيد")) == "وسيم عبدالعزيز"


def test_a_title_before_a_name_is_still_one_name() -> None:
    # keeps an older behaviour: «آية الله» tagged apart from «علي خامنئي» is one name with it
    text = "وقال آية الله علي خامنئي إن الاتفاق لن يغير سياسة إيران في المنطقة."
    doc = _doc(text, ("آية الله", "علي خامنئي"))
    assert _speaker(_quote(doc, "الاتفاق لن يغير")) == "علي خامنئي"


def test_a_cue_inside_words_already_quoted_names_no_later_speaker() -> None:
    text = ("وشدد أمس أن الأحداث السياسية التي شهدها العالم أثر في الطلب على الذهب، بيد أنه توقع أن يعاود الذهب "
            "الارتفاع، إذ تشير التقارير بقوة إلى ذلك، مؤكدا أن لا أحد يمكنه التوقع على أرض الواقع لمسألة الارتفاع أو "
            "الانخفاض في هذه الفترة.")
    doc = _doc("عزا حسين محمد العبدالوهاب انخفاض سعر الذهب إلى خفض الصين لطلبها. " + text, ("حسين محمد العبدالوهاب",))
    assert _speaker(_quote(doc, "لا أحد يمكنه")) == "حسين محمد العبدالوهاب"


def test_a_participle_takes_no_subject_from_a_verb_inside_the_quote_before_it() -> None:
    text = ("حيث أكد البلوي أن تصريحاته تعتبر طبيعية وليست نارية وأن إستراتيجيته ناجحة ومن كان ينتقدها سابقا بات ينفذها "
            "لاحقا ووصفت بالاحتراف ومؤكدا أن لقب البعبع هو لقب أطلقته الجماهير.")
    doc = _doc(text, ("البلوي",))
    assert _speaker(_quote(doc, "لقب البعبع")) == "البلوي"


def test_a_name_completing_a_noun_after_a_preposition_is_no_actor() -> None:
    text = ("وأكد البلوي أن صفقة مونتاري تمت لحاجة الفريق لهذا اللاعب.\n"
            "كما تحدث عن رحيل ماركينهو وقال إنه ترك الاتحاد في مباراة مصيرية ورحل.")
    doc = _doc(text, ("البلوي", "ماركينهو"))
    assert _speaker(_quote(doc, "ترك الاتحاد")) != "ماركينهو"


def test_a_colon_cue_followed_right_away_by_quoted_words() -> None:
    # about 25 of 37 «وزاد/وواصل/واختتم/وتتابع» right before a mark in 20,000 SaudiNewsNet articles are quotes
    text = ("ومن جانبه، قال الدكتور عبدالإله بن عباد الطويرقي «إن الدراسة تعد نقلة كبيرة في طب العيون». وزاد «سعدنا بأن "
            "يكون مستشفى الملك خالد التخصصي للعيون بين المشاركين في هذا البحث المهم».\n"
            "واختتم \"الخازم\"؛ حديثه بشكر الهيئة العامة للسياحة والتراث.")
    doc = _doc(text, ("عبدالإله بن عباد الطويرقي",))
    assert _speaker(_quote(doc, "سعدنا بأن يكون")) == "عبدالإله بن عباد الطويرقي"
    assert not [q for q in doc.quotes if q.text == "الخازم"]  # a quoted name is no quote


def test_but_that_he_and_a_cue_verb_open_a_new_quote() -> None:
    # 30 «بيد/إلا/غير أنه» before a cue verb in 20,000 SaudiNewsNet articles
    text = ("عزا حسين محمد العبدالوهاب انخفاض سعر الذهب إلى خفض الصين لطلبها، مؤكدا أن سعر الذهب حاليا يعد في المنطقة "
            "الصحية الجيدة.\nوشدد أمس أن الأحداث السياسية التي شهدها العالم أثر في الطلب على الذهب، بيد أنه توقع أن "
            "يعاود الذهب الارتفاع، إذ تشير التقارير بقوة إلى ذلك.")
    doc = _doc(text, ("حسين محمد العبدالوهاب",))
    assert _quote(doc, "الأحداث السياسية").text.endswith("الطلب على الذهب")
    assert _quote(doc, "يعاود الذهب").text.startswith("يعاود الذهب الارتفاع")


def test_ama_x_faqad_qala_ends_the_clause_before_it_and_opens_a_quote_of_x() -> None:
    text = ("وقال المواطن عبد المنعم العبد، إن درجات الحرارة اللاهبة تدفع الناس لتخفيف الحرارة، ولفت إلى أن وجودها في "
            "المنزل مطلب ضروري للجميع، أما المواطن مصطفى الحمدان،فقد قال: أصبح الحبحب هذه الأيام جزءا من حياتنا لمواجهة "
            "ارتفاع الحرارة، منوها بأن الحبحب يأتي الخيار الأول على المائدة.")
    doc = _doc(text, ("عبد المنعم العبد", "مصطفى الحمدان"))
    assert _quote(doc, "وجودها في المنزل").text.endswith("ضروري للجميع")
    assert _speaker(_quote(doc, "أصبح الحبحب")) == "مصطفى الحمدان"
    assert _speaker(_quote(doc, "يأتي الخيار الأول")) == "مصطفى الحمدان"


def test_a_short_quoted_name_before_a_preposition_is_the_verb_subject_not_its_words() -> None:
    # about 70 «cue "X" على/عن/في/إلى/من» in 20,000 SaudiNewsNet articles
    text = ("وقال \"الشقيق\": أخي رجل كبير بالسن ويعاني من عدة أمراض. وشدد \"الشقيق\" على الإسراع في صدور التقارير "
            "الشرعية للطب الشرعي والتحاليل الجنائية لإثبات صلة المتهمين بأسباب الوفاة من عدمها.")
    doc = _doc(text)
    assert not [q for q in doc.quotes if q.text == "الشقيق"]
    assert _speaker(_quote(doc, "أخي رجل كبير")) == "الشقيق"  # the speaker span holds no quotation mark


def test_kama_and_a_cue_verb_with_no_subject_go_on_with_the_speaker() -> None:
    # 18 «...، كما أكد/أشار إلى أن» with no subject in 20,000 SaudiNewsNet articles, all missed before
    text = ("ووصف البلوي رحيل المدرب بيتوركا بالقرار الصحيح ولا يعتبر خسارة للاتحاد، كما أكد أن صفقة مونتاري تمت لحاجة "
            "الفريق لهذا اللاعب في هذا المركز وليست صفقة للدعاية أو للإعلان.")
    doc = _doc(text, ("البلوي", "بيتوركا"))
    assert _speaker(_quote(doc, "صفقة مونتاري")) == "البلوي"
