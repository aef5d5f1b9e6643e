"""Quote cues mined from SaudiNewsNet and glued quotation marks (issue 13, sixth round).

The sentences are real spans of SaudiNewsNet articles (snn_dev16/17 and the unlabelled sample the round was checked
on), with the entity mentions the tagger gives them set by hand so that each rule is tested on its own."""

from __future__ import annotations

from quote_cases import doc_with_people as _doc
from quote_cases import quote_with as _quote
from quote_cases import speaker_of as _speaker

from marsad.extract.quotes.lexicon import quote_lexicon
from marsad.extract.quotes.marks import find_marked
from marsad.text.normalize import norm_key


def test_a_colon_cue_speaks_only_before_a_colon() -> None:
    # sabq (snn_dev17): «وواصلت: في بداية الدوام ...» after the daughter's account; a sports story's «وزاد: "..."»
    text = ("وقالت ابنة المعلمة المتوفاة إن الوزارة لم تتجاوب مع رسالتهم. وواصلت: في بداية الدوام بعد إجازة العيد "
            "اتصلت بالعميد قبل ساعات من وفاتها ولكنه لم يجب على الاتصالات.\n"
            "وقال خالد بن عبد الله إن اللجنة أخطأت. وزاد: \"يفترض أننا كمسؤولين وإعلام وجمهور أن نضغط في اتجاه "
            "واحد دون هوادة\". وزاد عدد الحضور في المباراة إلى أن امتلأ الملعب.")
    doc = _doc(text, ("خالد بن عبد الله",))
    assert "ابنة المعلمة" in (_speaker(_quote(doc, "في بداية الدوام")) or "")
    assert _quote(doc, "في بداية الدوام").kind == "indirect"
    assert _speaker(_quote(doc, "يفترض أننا كمسؤولين")) == "خالد بن عبد الله"
    assert _quote(doc, "يفترض أننا كمسؤولين").kind == "direct"
    assert not any("امتلأ الملعب" in q.text for q in doc.quotes)  # «وزاد عدد الحضور» is no cue
    assert quote_lexicon().gender(norm_key("وواصلت")) == "f"


def test_mined_participle_and_plural_cues() -> None:
    text = ("وفي طهران، أعلن عضو البرلمان حسين نقوي حسيني أن البرلمان يريد الاطلاع فورا على نص الاتفاق، مذكرا بأنه "
            "بموجب قانون أقر مؤخرا يجب على الحكومة الإيرانية إحالة نص الاتفاق إلى البرلمان لإقراره.\n"
            "وقال الخبراء إن الحوادث تتكرر. وبينوا أن آخر الحوادث التي وقعت على هذا الطريق كانت أمس.")
    doc = _doc(text, ("حسين نقوي حسيني",))
    assert _speaker(_quote(doc, "بموجب قانون أقر مؤخرا")) == "حسين نقوي حسيني"
    assert _speaker(_quote(doc, "آخر الحوادث التي وقعت")) == "الخبراء"


def test_a_mark_glued_to_the_words_on_both_sides_opens() -> None:
    # alriyadh (snn_dev16): «وأكد اللواء المقدشي"المقاومة الشعبية ...»
    text = ("وأكد اللواء المقدشي\"المقاومة الشعبية والقوات الموالية للشرعية على وشك تحقيق الحسم في محافظة لحج "
            "واستعادة السيطرة على قاعدة العند العسكرية\". وأضاف أن الحوثيين يتعرضون لعملية استنزاف يومية.")
    marks = find_marked(text, 0, len(text))
    assert [text[m.start:m.end][:16] for m in marks] == ["المقاومة الشعبية"]
    doc = _doc(text, ("المقدشي",))
    q = _quote(doc, "المقاومة الشعبية والقوات")
    assert q.kind == "direct" and "المقدشي" in (_speaker(q) or "")
    assert _speaker(_quote(doc, "الحوثيين يتعرضون")) == _speaker(q)  # not «المقدشي"المقاومة ...»
    # a closing mark glued to the next word still closes: «... في كل وقت"وأضاف»
    closing = "وقال العلي: \"نحن مستعدون للحرب في كل وقت\"وأضاف أن الجيش جاهز."
    assert [closing[m.start:m.end] for m in find_marked(closing, 0, len(closing))] == ["نحن مستعدون للحرب في كل وقت"]


def test_a_trailing_or_leading_on_the_words_of_attributes_the_clause() -> None:
    # aawsat: «على حد قول بيتر ديبراوير منسق المشروع» closes the sentence it attributes; «على حد تعبير هايفيلد "..."»
    text = ("في منظمة «تي إن أو» الهولندية، يعمل باحثون على ابتكار تقنيات طباعة تسمح للمستهلكين والمستشفيات بتعديل "
            "الوجبات الغذائية، على حد قول بيتر ديبراوير منسق المشروع. ويتماشى هذا مع الشعبية التي تحظى بها الإلكترونيات."
            "\nوقال آشلي هايفيلد إن الإيرادات تراجعت. على حد تعبير هايفيلد \"لا أعتقد أن أي صحيفة استطاعت تحقيق النجاح "
            "في ذلك\".")
    doc = _doc(text, ("بيتر ديبراوير", "آشلي هايفيلد", "هايفيلد"))
    q = _quote(doc, "يعمل باحثون على ابتكار")
    assert q.kind == "indirect" and _speaker(q) == "بيتر ديبراوير"
    assert not any("ويتماشى" in q.text for q in doc.quotes)
    assert "هايفيلد" in (_speaker(_quote(doc, "لا أعتقد أن أي صحيفة")) or "")


def test_a_relayed_saying_is_not_the_source() -> None:
    # «نقلت ... عن قول مسؤولين إن ...»: the verbal noun «قول» is no part of the source's name
    doc = _doc("ونقلت الصحيفة عن قول مسؤولين أمريكيين إن الاجتماع سيعقد غدا في الرياض.")
    assert _speaker(_quote(doc, "الاجتماع سيعقد")) == "مسؤولين أمريكيين"


def test_a_sentence_ending_on_a_stray_closing_mark_goes_on_with_the_last_quote() -> None:
    # almadina (snn_dev17): Geagea's words go on past a closed quote up to a » no mark opened
    text = ("وقال سمير جعجع إن الثورة انتهت. وأشار إلى أن «الإرهاب لا يمكن أن نراه إلا في حالات الفوضى». لذلك لا يمكن "
            "القضاء على الإرهاب سوى عبر البيئة التي يتواجد فيها». وأردف بالقول: «بدأت الثورة في سوريا سلمية».\n"
            "وأضاف جعجع: «يجهل الكثير من الأشخاص ما يجري». وأشار إلى أنه يجب أن يتم العمل على إيضاح ذلك بصورة أفضل». "
            "ولفت في مؤتمر»مكافحة التطرف ومواجهة عدم الاستقرار» في معراب أمس إلى أن الحرب مستمرة.")
    doc = _doc(text, ("سمير جعجع", "جعجع"))
    q = _quote(doc, "لذلك لا يمكن القضاء")
    assert q.kind == "direct" and q.text.endswith("يتواجد فيها") and "جعجع" in (_speaker(q) or "")
    # a sentence with its own cue is an indirect quote of that cue, not a stretch from its first word
    assert _quote(doc, "يجب أن يتم العمل").text.startswith("يجب")
    assert not any(q.text.startswith("ولفت") for q in doc.quotes)  # »مكافحة: a mark written the wrong way


def test_a_channel_name_is_read_whole_where_a_shorter_one_starts_it() -> None:
    """«رويترز للأنباء» spans two words though «رويترز» alone is a channel too; the longest name wins in any process
    (the lexicon's sets are iterated in hash order, which used to decide between the two)."""
    lex = quote_lexicon()
    names = sorted(lex.channels)
    nested = [long for short in names for long in names if len(long) > len(short) and long[: len(short)] == short]
    assert len(nested) >= 15 and ("رويترز", "للانباء") in nested
    assert all(lex.channel_at(list(name)) == len(name) for name in nested)
