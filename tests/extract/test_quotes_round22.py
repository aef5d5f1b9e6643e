"""Quote rules of issue 13's twenty-second round (helper qt15: unseen news, snn_dev34).

The sentences are real spans of SaudiNewsNet articles outside the held-out third (aawsat 427356 of snn_dev34, almadina
623886, 3alyoum's Baha book fair of 2015-07-27), with the mentions the tagger gives them set by hand. Every test
but the second fails on the extractor as it was before the round; the second keeps the first rule to its form."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

_ALPHABET = (
    "وقال بيدج إن «الفابيت» هي «في الأساس مجموعة من الشركات» أكبرها «غوغل». وستشمل «الفابيت» الأقسام التي تركز على "
    "العلوم مثل العدسات اللاصقة التي تقيس مستوى السكر في شركة «كالكيو» التي تعنى بأبحاث الصحة، على ما أوضح بيدج.\n"
    "وستحل «الفابيت إنك» مكان «غوغل إنك» في البورصة، وستحول كل أسهم «غوغل» أوتوماتيكيا إلى أسهم «الفابيت» مع الحفاظ "
    "كل الحقوق، على ما أكد بيدج.")


def test_a_trailing_ala_ma_and_a_speech_verb_attributes_the_clause_before_it() -> None:
    # «...، على ما أوضح/أكد بيدج» (the AFP's trailing attribution) gave no quote
    doc = _doc(_ALPHABET, ("بيدج",))
    for words in ("وستشمل «الفابيت» الأقسام", "وستحل «الفابيت إنك»"):
        q = _quote(doc, words)
        assert _speaker(q) == "بيدج"
        assert q.text.startswith(words) and "على ما" not in q.text


_RESERVATION = (
    "عليه فإن اللجنة الوطنية للحج والعمرة تعلن تحفظها على ما أعلنته الوزارة، وسوف تقوم اللجنة برفع هذا التحفظ "
    "للمسؤولين وولاة الأمر.")
_THANKS = (
    "من جانبه أعرب مدير جامعة الباحة المكلف, عن شكره لسمو أمير منطقة الباحة، على ما تلقاه الجامعة من دعم واهتمام "
    "ورعاية للفعاليات والأنشطة المختلفة بما يسهم بعد توفيق الله في تحقيق الجامعة لرسالتها على أكمل وجه وخدمة المجتمع "
    "في شتى المجالات، لافتاً إلى أن الجامعة تسعى جاهدة للقيام بدورها.")


def test_ala_ma_without_a_comma_or_a_speech_verb_is_no_attribution() -> None:
    # «تحفظها على ما أعلنته الوزارة» is the noun's object, «، على ما تلقاه» no speech verb: neither attributes
    assert not _doc(_RESERVATION, bodies=("اللجنة الوطنية للحج والعمرة", "الوزارة")).quotes
    q = _quote(_doc(_THANKS), "شكره لسمو أمير")
    assert "على ما تلقاه الجامعة من دعم" in q.text


_SUMMIT = (
    "وحذرت السفارة الأمريكية من أن هذه القمة بحد ذاتها قد تكون «هدفا محتملا للإرهابيين»، من جهته قال الرئيس الكيني "
    "أوهورو كينياتا: إن تنظيم هذه القمة يقدم وجهًا آخر لافريقيا مختلفًا عن الصورة التي ترسمها وسائل الاعلام، وأكد أن "
    "«هذا الخطاب عن اليأس الأفريقي خاطىء وفي الواقع لم يكن يومًا صحيحًا»، وأضاف: «بينوا أن افريقيا منفتحة ومستعدة "
    "للأعمال».")


def test_a_turn_to_another_speaker_after_a_comma_ends_the_reported_clause() -> None:
    # «...، من جهته قال الرئيس الكيني أوهورو كينياتا: إن» (almadina 621080 of snn_dev34) was inside the embassy's
    # clause: Kenyatta's quote was missed and his next two given to the embassy
    doc = _doc(_SUMMIT, ("أوهورو كينياتا",), bodies=("السفارة الأمريكية",))
    embassy = _quote(doc, "هذه القمة بحد ذاتها")
    assert embassy.text.endswith("للإرهابيين»") and _speaker(embassy) == "السفارة الأمريكية"
    for words in ("تنظيم هذه القمة يقدم", "هذا الخطاب عن اليأس", "بينوا أن افريقيا"):
        assert _speaker(_quote(doc, words)) == "أوهورو كينياتا"


_FILINGS = (
    "وجاء في الملفات التي عرضتها «غوغل» على هيئة الإشراف على البورصة أن الهيكلية التنفيذية الجديدة «ستعتمد على مراحل "
    "في الأشهر المقبلة».")


def test_a_document_speaks_through_a_complementizer() -> None:
    # «وجاء في X أن» (aawsat 427356 of snn_dev34) gave no quote: only a colon or a mark opened the document's words
    q = _quote(_doc(_FILINGS, bodies=("غوغل",)), "الهيكلية التنفيذية الجديدة")
    assert q.text.endswith("المقبلة»")
    assert "الملفات" in (_speaker(q) or "")


_WILL = (
    "من جانب آخر، منح لابوز مبلغ 750 ألف دولار لكل واحدة من بناته، تنهي دراستها الجامعية من “جامعة معترف بها”، قبل "
    "بلوغها سن الخامسة والثلاثين، بشرط أن تكتب رسالة من 100 كلمة تصف فيها ما تنوي القيام به بهذه الأموال، ويجب أن "
    "يوافق عليها القائمون على تنفيذ الوصية.")


def test_a_blocker_with_its_conjunction_keeps_an_from_opening_a_quote() -> None:
    # «، ويجب أن يوافق عليها» (3alyoum, a millionaire's will): «يجب أن» is no complementizer of speech, with و on it
    # neither; the clause was a quote of «ما تنوي» through the verb «تصف»
    doc = _doc(_WILL, ("لابوز",))
    assert not [q for q in doc.quotes if "يوافق عليها" in q.text]
