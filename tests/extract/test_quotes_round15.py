"""Quote rules of issue 13's fifteenth round (speakers on a blind file of many speakers per story, snn_dev27).

The sentences are real spans of SaudiNewsNet articles (snn_dev27: okaz 2015-07-31, alwatan 2015-08-09; sample
articles outside the held-out third: aleqt 2015-08-04, okaz 2015-08-04, an alwatan royal cable, a roundup of Friday
sermons), with the person mentions the tagger gives them set by hand so that each rule is tested on its own; each test
fails on the extractor as it was before the round."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

from marsad.extract.quotes import annotate
from marsad.model import Document, Mention, Segment


def _outlet_doc(text: str, outlet: str, people: tuple[str, ...] = ()) -> Document:
    """A document of ``text`` published by ``outlet``, with a PER mention for every occurrence of each name."""
    mentions = []
    for name in people:
        at = text.find(name)
        while at >= 0:
            mentions.append(Mention(at, at + len(name), name, "PER"))
            at = text.find(name, at + 1)
    doc = Document(id="t", source="t", format="txt", text=text, segments=[Segment("m", "main", 0, len(text))],
                   outlet=outlet)
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    annotate(doc)
    return doc


def test_a_participle_goes_to_the_name_closing_roles_joined_by_and() -> None:
    # «ووصف» quotes nothing; its subject is two roles joined by و, a title and the name: «مضيفا أن» and «مؤكدا أن»
    # are his, not the previous paragraph's speaker's nor «ومدير مركز الجمهورية»
    text = ("ولفت اللواء أحمد عبدالحليم مدير مركز الشرق الأوسط للدراسات الاستراتيجية والأمنية السابق إلى أهمية توقيت "
            "الزيارة في الظروف الصعبة التي تمر بها المنطقة، مشيرا إلى أن التحالف الذي يجمع القاهرة والرياض يجعل "
            "البلدين ركنين أساسيين في المحيط العربي.\n"
            "ووصف الخبير العسكري ومدير مركز الجمهورية للدراسات السياسية والاستراتيجية اللواء سامح سيف اليزل الزيارة "
            "بـ(المهمة) لتنسيق المواقف تجاه ما يحاك بالمنطقة من مؤامرات، مضيفا أن الزيارة ناقشت تطوير القيادة العسكرية "
            "المشتركة بين البلدين، مؤكدا أن الملف اليمني كان صاحب الحظ الأوفر من النقاش.")
    doc = _doc(text, ("أحمد عبدالحليم", "سامح سيف اليزل"), ("مركز الجمهورية",))
    assert _speaker(_quote(doc, "التحالف الذي يجمع")) == "أحمد عبدالحليم"
    assert _speaker(_quote(doc, "الزيارة ناقشت")) == "سامح سيف اليزل"
    assert _speaker(_quote(doc, "الملف اليمني")) == "سامح سيف اليزل"


def test_a_quoted_outlet_after_the_verb_is_who_the_words_were_said_to() -> None:
    # «أبلغ "الاقتصادية" مصدر ...»: the outlet in marks is the verb's object; the source after it speaks
    text = ("أبلغ \"الاقتصادية\" مصدر مسؤول في السفارة السعودية لدى بنجلادش، أن عدد تأشيرات العمالة المنزلية "
            "النسائية التي صادقت عليها السفارة بلغ نحو 1500 تأشيرة حتى الآن.")
    doc = _doc(text)
    assert _speaker(_quote(doc, "عدد تأشيرات")) == "مصدر مسؤول"
    text = ("إلى ذلك أبلغ «عكاظ» مدير عام فرع المصلحة في محافظة جدة أحمد بن عبيد الطائفي أنه في ضوء استكمال "
            "منظومة التعاملات الإلكترونية، أطلقت مصلحة الزكاة والدخل أخيرا إحدى ركائز تلك المنظومة.")
    doc = _doc(text, ("أحمد بن عبيد الطائفي",))
    assert _speaker(_quote(doc, "في ضوء استكمال")) == "أحمد بن عبيد الطائفي"


def test_the_documents_own_outlet_is_known_by_its_bare_name() -> None:
    # «الوطن» is also a common word and another country's paper: in al-Watan's own story it is the paper
    text = ("وأبلغ \"الوطن\" المسؤول عن شؤون السعوديين في السفارة أحمد العنزي أن التقديرات الحالية تشير إلى وصول ما "
            "بين 50 ألفا و60 ألف سعودي، بزيادة قدرها 30% عن العام الماضي.\n"
            "وأبلغ المسؤول عن شؤون السعوديين في السفارة أحمد العنزي \"الوطن\" أمس أن كل ما ذكر حول وجود مظاهرات أمر "
            "غير صحيح.")
    doc = _outlet_doc(text, "الوطن (السعودية)", ("أحمد العنزي",))
    assert _speaker(_quote(doc, "التقديرات الحالية")) == "أحمد العنزي"
    assert _speaker(_quote(doc, "كل ما ذكر")) == "أحمد العنزي"


def test_a_count_of_things_after_a_verb_is_its_object_not_a_speaker() -> None:
    # «وفيما وصف عدد القضايا ... بالقليل، أفاد بأن»: the count is what he described; «أفاد» goes on with him
    text = ("وأبلغ \"الوطن\" المسؤول عن شؤون السعوديين في السفارة أحمد العنزي أن التقديرات الحالية تشير إلى وصول ما "
            "بين 50 ألفا و60 ألف سعودي، بزيادة قدرها 30% عن العام الماضي.\n"
            "وفيما وصف عدد القضايا ضد السعوديين بالقليل، أفاد بأن أسبابها تتفاوت بين الطبخ في الفنادق أو مكاسرة أصحاب "
            "المحلات في الأسعار.")
    doc = _outlet_doc(text, "الوطن (السعودية)", ("أحمد العنزي",))
    assert _speaker(_quote(doc, "أسبابها تتفاوت")) == "أحمد العنزي"


def test_an_honorific_pronoun_speaks_for_the_person_so_titled() -> None:
    # «وعبر سموه» is the prince named in the sentence before, not the king, who spoke last
    text = ("بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز برقية تهنئة للرئيس عبدالله يامين رئيس جمهورية المالديف "
            "بمناسبة ذكرى استقلال بلاده.\n"
            "وأعرب خادم الحرمين الشريفين باسمه واسم شعب وحكومة المملكة عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة "
            "للرئيس يامين، ولحكومة وشعب جمهورية المالديف الشقيق اطراد التقدم والازدهار.\n"
            "وأشاد الملك المفدى في هذه المناسبة بتميز العلاقات الأخوية التي تربط بين البلدين والشعبين الشقيقين التي يسعى "
            "الجميع لتعزيزها وتنميتها في جميع المجالات.\n"
            "كما بعث نائب خادم الحرمين الشريفين الأمير محمد بن نايف بن عبدالعزيز برقية تهنئة مماثلة للرئيس عبدالله يامين "
            "بمناسبة ذكرى استقلال بلاده.\n"
            "وعبر سموه عن أبلغ التهاني وأطيب التمنيات بموفور الصحة والسعادة لرئيس المالديف ولحكومة وشعب جمهورية المالديف "
            "الشقيق المزيد من التقدم والازدهار.")
    doc = _doc(text, ("سلمان بن عبدالعزيز", "عبدالله يامين", "محمد بن نايف بن عبدالعزيز"))
    assert _speaker(_quote(doc, "أبلغ التهاني")) == "محمد بن نايف بن عبدالعزيز"


def test_an_imams_honorific_goes_to_the_imam_named_last_not_the_one_who_spoke() -> None:
    # a roundup of two Friday sermons: «وبين فضيلته» after the second imam is introduced is his, not the first's
    text = ("وقال الدكتور الخياط : إنَّ تضَافُر الجهود وتكاثُف المساعي ووقوفَ الأمة كلها صفًّا واحدًا في وجه هذا "
            "البغيِ والإجرام الذي لا يرقُب مقتَرِفُه في مؤمنٍ إلاًّ ولا ذمّة وإنَّ تحصينَ الشباب من صولةِ هذا "
            "الباطل وحراسَتَهم من هذا الانحراف وذَودَ هذا الخطر عن ساحتِهم وتطهيرَ كلِّ القنواتِ والرّوافد التي "
            "تغذِّي هذا الفكرَ الضالّ وتمدّه بأسباب البقاء والنّماء وإنّ قطعَ الشرايين التي تضمَن له الحياةَ، "
            "إنَّ كلَّ أولئك حقٌّ واجب على كلِّ أهل الإسلام، ومن أظهر ذلك لزومُ الإنكارِ لهذا المنكر العظيمِ برفع "
            "الصوتِ عاليًا دون تَلجلُج أو توقّفٍ أو تردّد، فهو ـ والله ـ جديرٌ بالإنكار، حقيق على أن يُكشَف "
            "عَوارُه وتهتَكَ أستاره ويبيَّن للناس خطرُه وضررُه على المسلمين قاطبةً في كلِّ الديار وفي جميع "
            "الأمصار.\n"
            "وفي المدينة المنورة تحدث فضيلة إمام وخطيب المسجد النبوي الشيخ عبدالمحسن بن محمد القاسم عن محبة العبد "
            "المسلم عند الله ومكانته في قلوب الخلق , موصيا المسلمين بتقوى الله والتقرب إليه بالطاعات واجتناب المحرمات .\n"
            "وبين فضيلته في خطبة الجمعة, أن الله سبحانه وتعالى خلق آدم وأمر الملائكة بالسجود له , فسجدوا إلا إبليس أبى "
            "وأستكبر وكان من الكافرين .")
    doc = _doc(text, ("الخياط", "عبدالمحسن بن محمد القاسم"))
    assert _speaker(_quote(doc, "تضَافُر الجهود")) == "الخياط"
    assert _speaker(_quote(doc, "خلق آدم")) == "عبدالمحسن بن محمد القاسم"
