"""Quote rules of issue 13's seventh round (snn_dev20 scored blind, then checked on unlabelled SaudiNewsNet).

The sentences are real spans of SaudiNewsNet articles (snn_dev20 and the unlabelled sample the round was checked
on), with the entity mentions the tagger gives them set by hand so that each rule is tested on its own; each test
fails on the extractor as it was before the round."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

from marsad.extract.quotes.marks import find_marked


def test_a_verb_with_no_complementizer_inside_a_reported_clause_goes_on_with_it() -> None:
    # almadina 2015-08-06 (snn_dev20): «وتشير إلى» and «ونفي» inside the clause are not new quotes; «بما أن» is "since"
    text = ("الوزير السابق الدكتور أمين مشاقبة أكد على أخوية العلاقات بين البلدين معتبراً أن زيارة ولي ولي العهد "
            "للأردن تؤكد عمق العلاقات بين البلدين الشقيقين وتشير إلى مصالح مشتركة سياسية واقتصادية تجمع البلدين.\n"
            "اقتصادياً يشير معايطة إلى المساعدات التي قدمتها السعودية ويعتبر أن زيارة ولي ولي العهد أتت للتأكيد على "
            "أهمية العلاقة بين البلدين ونفي أي توتر يشوبها بما أن الطرفين لديهما مصلحة في الحفاظ عليها.")
    doc = _doc(text, ("أمين مشاقبة", "معايطة"))
    assert "وتشير إلى مصالح مشتركة" in _quote(doc, "تؤكد عمق العلاقات").text
    assert "الطرفين لديهما مصلحة" in _quote(doc, "أتت للتأكيد").text
    assert not any(q.text.startswith("الطرفين") for q in doc.quotes)


def test_a_verb_after_a_comma_still_starts_a_new_quote() -> None:
    text = "وقال الوزير خالد العطية إن الاتفاق كان أفضل خيار، وأكد أن المنطقة يجب أن تكون خالية من السلاح النووي."
    doc = _doc(text, ("خالد العطية",))
    assert _quote(doc, "أفضل خيار").text == "الاتفاق كان أفضل خيار"
    assert _speaker(_quote(doc, "خالية من السلاح")) == "خالد العطية"


def test_a_participle_goes_on_with_the_quote_of_its_sentence() -> None:
    # almadina 2015-08-06 (snn_dev20): «وقال: إن ...، معتبراً أن ...» after a paragraph without a cue
    text = ("بدوره قال النائب محمد الردايده: إن زيارة ولي ولي العهد تنطلق من ثوابت الأخوة والجيرة.\n"
            "كما أن القيادة السعودية تقدم النموذج الراسخ لمفهوم القيادة الرشيدة.\n"
            "وقال: إن العلاقات الأردنية السعودية راسخة ومتجذرة، معتبراً أن التنسيق والتشاور الدائم بشان هذه "
            "الملفات يؤكد حرص القيادة في البلدين على مصالح الأمتين العربية والاسلامية.")
    doc = _doc(text, ("محمد الردايده",))
    q = _quote(doc, "التنسيق والتشاور الدائم")
    assert _speaker(q) == "محمد الردايده"
    assert "مصالح الأمتين" in q.text  # «يؤكد حرص» inside it ends nothing


def test_in_turn_before_a_bare_verb_makes_it_a_cue() -> None:
    # almadina 2015-08-06 (snn_dev20) and an aleqt story of the unlabelled sample
    text = ("بدوره عبر النائب الخلايلة عن تقدير الأردن لمواقف السعودية الداعمة للأردن في مختلف المجالات.\n"
            "من جهته، بين المحلل حسين الرقيب أن زيادة أرباح سابك جاءت نتيجة ارتفاع أسعار منتجات الشركة.")
    doc = _doc(text, ("الخلايلة", "حسين الرقيب"))
    assert _speaker(_quote(doc, "تقدير الأردن لمواقف")) == "الخلايلة"
    assert _speaker(_quote(doc, "زيادة أرباح سابك")) == "حسين الرقيب"


def test_a_name_after_a_roles_complement_is_the_subject() -> None:
    # alwatan 2015-08-06 (snn_dev20): the deputy director «للشؤون المالية» is not the deputy quoted before him
    text = ("وأوضح نائب مدير الهيئة لشؤون الرياضة أحمد الخزعل أن ملف البطولة ستتم دراسته خلال الفترة المقبلة.\n"
            "من جانبه، وصف نائب المدير العام للشؤون المالية جاسم الهويدي قرار التأجيل بـ\"الفردي\"، وقال \"لا يحق "
            "لاتحاد كرة القدم تأجيل هذه المناسبة الرياضية من دون الرجوع لنا\".")
    doc = _doc(text, ("أحمد الخزعل", "جاسم الهويدي"))
    assert _speaker(_quote(doc, "لا يحق لاتحاد")) == "جاسم الهويدي"
    q = _quote(doc, "الفردي")
    assert (q.text, q.kind, _speaker(q)) == ("الفردي", "direct", "جاسم الهويدي")


def test_quoted_stretches_joined_by_wa_after_a_colon_are_each_a_quote() -> None:
    # alyaum 2015-08-08 (snn_dev20)
    text = ("وعندما طلب صحافي شبكة فوكس من المرشحين وصف هيلاري كلينتون ببضع كلمات، رددوا: \"غير جديرة بالثقة\" "
            "و\"لا تتمتع بأية رؤية\" و\"اشتراكية\"....")
    doc = _doc(text, ("هيلاري كلينتون",))
    assert [q.text for q in doc.quotes] == ["غير جديرة بالثقة", "لا تتمتع بأية رؤية", "اشتراكية"]
    assert all(q.kind == "direct" for q in doc.quotes)


def test_a_straight_mark_glued_to_the_verb_before_a_space_opens() -> None:
    # alwatan 2015-08-06 (snn_dev20): «وقال" تلقينا ... والشباب".»
    text = ("وأشار الخزعل إلى أن الهيئة جهزت المراسلات، وقال\" تلقينا الموافقة من مجلس الوزراء وتم تحديد المنشآت "
            "وفي مقدمها استاد جابر الدولي\". وأضاف أن الكويت قادرة على التنظيم.")
    marked = find_marked(text, 0, len(text))
    assert [text[m.start:m.end] for m in marked] == [
        "تلقينا الموافقة من مجلس الوزراء وتم تحديد المنشآت وفي مقدمها استاد جابر الدولي"]
    doc = _doc(text, ("الخزعل",))
    q = _quote(doc, "تلقينا الموافقة")
    assert (q.kind, _speaker(q)) == ("direct", "الخزعل")
    # a stray closing mark with no other mark after it in the paragraph still opens nothing
    stray = "وقال الوزير\" إن الأمر انتهى."
    assert find_marked(stray, 0, len(stray)) == []


def test_the_subject_ends_before_ithr_and_the_role_takes_the_name_given_later() -> None:
    # alriyadh 2015-08-04 (snn_dev20): «اعلن وزير الخارجية القطري اثر اللقاء ...» named two paragraphs later
    text = ("من جانبه اعلن وزير الخارجية القطري اثر اللقاء الذي ضم وزير الخارجية الاميركي جون كيري ووزراء خارجية "
            "دول مجلس التعاون الخليجي ان الاتفاق النووي مع ايران هو \"افضل خيار\" متوافر.\n"
            "وسعى وزير الخارجية الاميركي جون كيري الى طمأنة نظرائه.\n"
            "وأكد وزير الخارجية القطري خالد بن محمد العطية في افتتاح اجتماع المجلس انه يجب حماية الشرق الاوسط.")
    doc = _doc(text, ("جون كيري", "خالد بن محمد العطية"))
    assert _speaker(_quote(doc, "افضل خيار")) == "خالد بن محمد العطية"


def test_a_described_subject_with_bi_gives_only_the_marked_words() -> None:
    # an unlabelled sample story: «ووصف أحد السكان ... طيور النورس بـ"..." إذ أن ...»
    text = ("ووصف أحد السكان القريبون من الشاطئ طيور النورس بـ\"عدو الشعب رقم واحد\" إذ أن تلاميذ المدارس باتوا غير "
            "قادرين على الوصول إلى مدارسهم.")
    doc = _doc(text)
    q = _quote(doc, "عدو الشعب")
    assert (q.text, q.kind) == ("عدو الشعب رقم واحد", "direct")


def test_a_nominal_cue_before_a_noun_that_never_speaks_attributes_nothing() -> None:
    # unlabelled sample: «طبقاً للمواصفات الدولية»، «وفق الضوابط» are no sources (quote_nonsource_nouns.txt, mined)
    text = ("ثم مراحل التنفيذ والاستلام ومرحلة التشغيل والصيانة طبقاً للمواصفات الدولية.\n"
            "وفق الضوابط، استعرض أمير المنطقة آلية سير عمليات لجان تصحيح أوضاع اليمنيين.\n"
            "وقعت الهجمات في الثمانينيات بحسب منظمات الدفاع عن حقوق الانسان.\n"
            "وتشمل المخيمات تدريبات عسكرية، وفق القسام التي أشارت إلى أن المشاركين سيتلقون دورات تدريبية.")
    doc = _doc(text)
    assert not any("التنفيذ والاستلام" in q.text or "آلية سير عمليات" in q.text for q in doc.quotes)
    assert _speaker(_quote(doc, "وقعت الهجمات")) == "منظمات الدفاع"  # the subject cut stops at عن
    assert _speaker(_quote(doc, "المشاركين سيتلقون")) == "القسام"


def test_kama_after_a_comma_closing_its_sentence_attributes_the_sentence() -> None:
    # alriyadh 2015-08-04 (snn_dev20); 71 such «، كما ذكر/قال/أفاد X.» in 20,000 SaudiNewsNet articles
    text = ("كما سيعقد كيري اجتماعا ثلاثيا مع نظيريه الروسي سيرغي لافروف والسعودي عادل الجبير لبحث النزاعين في "
            "سورية واليمن، كما ذكر دبلوماسي في الخارجية الاميركية.\n"
            "وقال الوزير إن الاجتماع كان مثمرا، كما أكد الوزير أن الحوار سيستمر.")
    doc = _doc(text, ("سيرغي لافروف", "عادل الجبير"))
    q = _quote(doc, "سيعقد كيري")
    assert q.text.endswith("في سورية واليمن") and "دبلوماسي" in (_speaker(q) or "")
    assert _quote(doc, "الاجتماع كان مثمرا").text == "الاجتماع كان مثمرا"  # «، كما أكد ... أن» opens a new quote
    assert _quote(doc, "الحوار سيستمر").text == "الحوار سيستمر"
