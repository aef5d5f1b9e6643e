"""Quote extraction on the real seed pages: the expectations of issue 5, provenance, entity links."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest

from marsad.eval.shared import saudinewsnet_records
from marsad.extract.quotes import annotate
from marsad.extract.quotes.lexicon import quote_lexicon
from marsad.ingest.raw import RawDocument
from marsad.ingest.records import record_document
from marsad.model import Document, Mention, Published, Quote, Segment
from marsad.options import Options
from marsad.page.build import build_document
from marsad.pipeline import analyze_raw
from marsad.text.normalize import norm_key

GOLD = Path(__file__).resolve().parents[1] / "gold" / "quotes"
SEEDS = {
    "000": "000_0c3bafbd90cf7e4b.txt",
    "001": "001_c4de4682c1a3ca3f.txt",
    "002": "002_08a461d4136db840.txt",
    "003": "003_3f40048d4173b7d0.txt",
    "004": "004_1db56f28e93c3289.txt",
}


def _text(shared_dir: Path, key: str) -> str:
    return (shared_dir / "seeds" / SEEDS[key]).read_text(encoding="utf-8")


def _doc(text: str, mentions: list[Mention] | None = None) -> Document:
    doc = Document(id="t", source="t", format="txt", text=text, segments=[Segment("m", "main", 0, len(text))])
    doc.mentions = mentions or []
    annotate(doc)
    return doc


def _quote(doc: Document, words: str) -> Quote:
    return _quote_in(doc.quotes, words)


def _quote_in(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote with {words!r}: {[q.text[:30] for q in quotes]}"
    return found[0]


def _speaker(q: Quote) -> str:
    assert q.speaker_text is not None
    return q.speaker_text.text


@pytest.mark.parametrize("key", ["000", "002"])
def test_kirby_not_worried_about_the_visit(shared_dir: Path, key: str) -> None:
    q = _quote(_doc(_text(shared_dir, key)), "لسنا قلقين بشأن زيارة")
    assert q.kind == "direct"
    assert "جون كيربي" in _speaker(q)


def test_watson_two_quotes_second_by_wa_adafat(shared_dir: Path) -> None:
    doc = _doc(_text(shared_dir, "003"))
    first = _quote(doc, "كما سبق لنا وأن حذرنا علانية")
    second = _quote(doc, "لدينا معلومات مفادها")
    assert "أدريان واتسون" in _speaker(first)
    assert second.cue is not None and second.cue.text == "وأضافت"
    assert "أدريان واتسون" in _speaker(second)


def test_nyt_relays_us_officials(shared_dir: Path) -> None:
    q = _quote(_doc(_text(shared_dir, "003")), "كيم يعتزم لقاء بوتين")
    assert q.kind == "indirect"
    assert _speaker(q) == "مسؤولين أمريكيين"
    assert q.via == ["صحيفة نيويورك تايمز"]


def _analysed(shared_dir: Path, key: str) -> Document:
    """The seed as the product pipeline analyses it (page stage, entities, quotes, resolution)."""
    from marsad.api import analyze

    return analyze([str(shared_dir / "seeds" / SEEDS[key])], Options(progress=False)).documents[0]


def test_every_quote_around_a_photo_caption_in_004(shared_dir: Path) -> None:
    from marsad.eval.quotes import load_gold, speaker_matches

    gold = next(g for g in load_gold([GOLD / "seeds.jsonl"], shared_dir) if g.ref.endswith(SEEDS["004"]))
    doc = _analysed(shared_dir, "004")
    main = doc.segments_of("main")[0]
    captions = [s for s in doc.segments if s.kind == "caption" and s.parent == main.id]
    assert len(captions) >= 6
    around = set()
    for cap in captions:
        before = [g for g in gold.quotes if g.end <= cap.start]
        after = [g for g in gold.quotes if g.start >= cap.end]
        around.update(q for q in (before[-1:] + after[:1]) if gold.covers(q.start))
    assert len(around) >= 8
    for g in sorted(around, key=lambda q: q.start):
        found = [q for q in doc.quotes if min(q.end, g.end) - max(q.start, g.start) >= (g.end - g.start) / 2]
        assert found, f"not found: {gold.text[g.start:g.start + 40]!r}"
        said = found[0].speaker_text.text if found[0].speaker_text else None
        assert speaker_matches(said, g.speakers), (gold.text[g.start:g.start + 40], said, g.speakers)


def test_kim_putin_lavrov_each_to_their_speaker(shared_dir: Path) -> None:
    doc = _analysed(shared_dir, "004")
    assert "كيم" in _speaker(_quote(doc, "لقد ناقشنا أنا والرفيق بوتين"))
    assert "كيم" in _speaker(_quote(doc, "أنا واثق من أن الجيش الروسي"))
    assert "بوتين" in _speaker(_quote(doc, "سوف تساعد كوريا الشمالية"))
    assert "بوتين" in _speaker(_quote(doc, "سنتحدث عن كل القضايا"))
    assert "لافروف" in _speaker(_quote(doc, "قمنا مع الأصدقاء الصينيين"))
    continued = _quote(doc, "ولكن الولايات المتحدة بدلا من ذلك")  # "وتابع الوزير الروسي القول:"
    assert continued.cue is not None and continued.cue.text == "وتابع"
    assert "لافروف" in _speaker(continued)


def test_markov_via_bbc(shared_dir: Path) -> None:
    q = _quote(_doc(_text(shared_dir, "000")), "روسيا تريد الحصول على ذخيرة")
    assert _speaker(q) == "سيرجي ماركوف"
    assert any("بي بي سي" in v for v in q.via)


def test_subjectless_cue_takes_previous_speaker(shared_dir: Path) -> None:
    doc = _doc(_text(shared_dir, "000"))
    q = _quote(doc, "سيتم توقيع وثائق مهمة للغاية")  # "وأفاد بأنه ..." after Ushakov
    assert _speaker(q) == "يوري أوشاكوف"


def test_multi_paragraph_quote_of_a_document(shared_dir: Path) -> None:
    q = _quote(_doc(_text(shared_dir, "002")), "الرفيق العزيز كيم جونغ أون")
    assert q.kind == "direct"
    assert q.text.endswith("في أنشطتكم الحكومية")
    assert "\n" in q.text
    assert "بوتين" in _speaker(q)


def test_unnamed_role_and_state_body(shared_dir: Path) -> None:
    doc = _doc(_text(shared_dir, "001"))
    assert _speaker(_quote(doc, "بينما تواصل روسيا البحث")).startswith("متحدثة باسم السفارة الأمريكية")
    assert _speaker(_quote(doc, "جنودها أطلقوا طلقات تحذيرية")) == "وزارة الدفاع الكورية الجنوبية"
    assert _speaker(_quote(doc, "بوتين سيزور أيضًا فيتنام")) == "الكرملين"


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_every_span_is_provenance_exact(shared_dir: Path, key: str) -> None:
    doc = _doc(_text(shared_dir, key))
    assert doc.quotes
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
        for span in (q.cue, q.speaker_text):
            assert span is not None
            assert doc.text[span.start:span.end] == span.text


def test_speaker_linked_to_entity_mention(shared_dir: Path) -> None:
    text = _text(shared_dir, "000")
    start = text.index("جون كيربي")
    kirby = Mention(start, start + len("جون كيربي"), "جون كيربي", "PER", "per:john-kirby")
    doc = _doc(text, [kirby])
    q = _quote(doc, "لسنا قلقين بشأن زيارة")
    assert q.speaker == "per:john-kirby"
    assert _quote(doc, "القلق لا يقتصر فقط").speaker == "per:john-kirby"  # "وأضاف كيربي"


def test_only_article_text_is_read(shared_dir: Path) -> None:
    text = _text(shared_dir, "004")
    teaser = text.index("مقالات ذات صلة")
    appended = text.index("بوتين يأمر بـ«اختبارات»")
    doc = Document(id="t", source="t", format="txt", text=text, segments=[
        Segment("m", "main", 0, len(text)),
        Segment("r", "related", teaser, appended, parent="m"),
    ])
    annotate(doc)
    assert not any(teaser <= q.start < appended for q in doc.quotes)
    assert any(q.start >= appended for q in doc.quotes)


def test_after_the_page_stage(shared_dir: Path) -> None:
    path = shared_dir / "seeds" / SEEDS["002"]
    doc = build_document(RawDocument(source=str(path), format="txt", text=path.read_text(encoding="utf-8")), Options())
    annotate(doc)
    assert any("لسنا قلقين بشأن زيارة" in q.text and "كيربي" in _speaker(q) for q in doc.quotes)


def test_a_tweet_is_speech() -> None:
    doc = _doc("وغرد الأكاديمي محمد النجيمي على تويتر: “دولة قطر الشقيقة لن ترد عليك يا حسيني”.")
    q = _quote(doc, "دولة قطر الشقيقة لن ترد")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "وغرد"
    assert "محمد النجيمي" in _speaker(q)


def test_straight_marks_with_spaces_inside() -> None:
    text = 'وقال رئيس الوزراء التركي أحمد داود أوغلو " العمليات الأمنية المكثفة ستستمر " في مؤتمر صحفي.'
    q = _quote(_doc(text), "العمليات الأمنية المكثفة ستستمر")
    assert q.text == "العمليات الأمنية المكثفة ستستمر"
    assert "أحمد داود أوغلو" in _speaker(q)


def test_a_clause_describing_the_speaker_is_not_the_speaker() -> None:
    q = _quote(_doc("وقال مصدر طلب عدم نشر اسمه إن الاجتماع سيعقد غدا في الرياض."), "الاجتماع سيعقد")
    assert _speaker(q) == "مصدر"


def test_a_participle_is_never_the_speaker() -> None:
    doc = _doc("وقال وزير الخدمة المدنية خالد العرج إن الموضوع شأن خاص بوزارة التعليم. وتابع مستنكرا أن «الوزارة لم تتلق أي خطاب»")
    q = _quote(doc, "الوزارة لم تتلق")
    assert "خالد العرج" in _speaker(q)


def test_a_manner_phrase_after_any_verb() -> None:
    doc = _doc("ورد الرئيس الإيراني حسن روحاني بالقول: نحن لا نريد الحرب، ولن نبدأها.")
    q = _quote(doc, "نحن لا نريد الحرب")
    assert q.cue is not None and q.cue.text == "بالقول"
    assert "حسن روحاني" in _speaker(q)


def test_a_post_on_an_account_is_speech_but_a_deployment_is_not() -> None:
    doc = _doc("ونشر الوزير خالد العرج على حسابه في تويتر: «الموضوع شأن خاص بوزارة التعليم». "
               "ونشرت واشنطن أمس مقاتلات في قاعدة إنجرليك.")
    q = _quote(doc, "الموضوع شأن خاص")
    assert "خالد العرج" in _speaker(q)
    assert q.via == ["حسابه في تويتر"]
    assert len(doc.quotes) == 1


def test_a_role_named_inside_an_earlier_quote_ends_the_actor_search() -> None:
    # SaudiNewsNet (okaz, 2015-08-07): the tagged «الرئيس المصري» resolves to the name inside the first quote;
    # the search for the sentence's actor went back to that name and never ended
    text = ("أعلنت وزارة الخارجية المصرية أن الرئيس المصري عبدالفتاح السيسي أمر بتوجيه طائرة إلى مدينة بورتسودان.\n"
            "وبعد ساعات من القرار السوداني رد الرئيس المصري التحية بمثلها.\n"
            "وأشار السفير السوداني في القاهرة عبدالمحمود عبدالحليم إلى أن العلاقات أكبر من كل نقاط الخلاف.\n"
            "وقال عبدالحليم إن علاقات البلدين في أوجها حاليا.")
    spans = [("وزارة الخارجية المصرية", "ORG", 0), ("عبدالفتاح السيسي", "PER", 0), ("الرئيس المصري", "PER", 1),
             ("عبدالمحمود عبدالحليم", "PER", 0), ("عبدالحليم", "PER", 1)]
    mentions = []
    for words, kind, nth in spans:
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        mentions.append(Mention(start, start + len(words), words, kind))
    doc = _doc(text, sorted(mentions, key=lambda m: m.start))
    assert _speaker(_quote(doc, "الرئيس المصري عبدالفتاح السيسي أمر")) == "وزارة الخارجية المصرية"
    assert "عبدالحليم" in _speaker(_quote(doc, "علاقات البلدين في أوجها"))


def _snn_quotes(shared_dir: Path, url: str) -> list[Quote]:
    from marsad.eval.shared import analyze_like_cli, saudinewsnet_records

    records = saudinewsnet_records(shared_dir, {url})
    return [q for d in analyze_like_cli([], list(records.values())).documents for q in d.quotes]


def test_a_role_speaker_is_the_person_the_story_names_with_it(shared_dir: Path) -> None:
    # almadina 2015-07-22: «وزير الخارجية الإيراني، محمد جواد ظريف،» then «ووصف وزير الخارجية الإيراني ...» and
    # «وشدد وزير الخارجية الإيراني ... قائلًا» (the tagger gives «الخارجية الإيراني» as a body)
    quotes = _snn_quotes(shared_dir, "http://www.al-madina.com/node/620495/ظريف-للشورى-الإيراني-قدمنا-تنازلات-في-الاتفاق-النووي.html")
    for words in ("عملية أخذ وعطاء", "لن يتحقق أي اتفاق", "إننا ومن أجل الوصول"):
        q = _quote_in(quotes, words)
        assert "ظريف" in _speaker(q) and q.speaker == "per:javad-zarif"


def test_a_role_subject_is_not_passed_over_for_a_name_in_its_relative_clause(shared_dir: Path) -> None:
    # alriyadh 2015-08-04: «من جانبه اعلن وزير الخارجية القطري اثر اللقاء الذي ضم وزير الخارجية الاميركي جون كيري
    # ... ان الاتفاق النووي ...», and further on «وزير الخارجية القطري خالد بن محمد العطية»: the role (a person
    # mention once its portfolio is no longer tagged an organisation) is the subject, not Kerry after it
    quotes = _snn_quotes(shared_dir, "http://www.alriyadh.com/1070227")
    q = _quote_in(quotes, "الاتفاق النووي مع ايران هو")
    assert "العطية" in _speaker(q)


def test_a_role_resolves_through_the_registry_at_its_date_to_the_person_the_story_names(shared_dir: Path) -> None:
    # 3alyoum 2015-07-24: «بدوره قال ولي ولي العهد إن بلاده تعتبر روسيا شريكا مهماً»; the name is written
    # only after other titles («ولي ولي العهد وزير الدفاع الأمير محمد بن سلمان»), so the role is not «named
    # after it»; the registry says who held it on that day, and the story names him
    quotes = _snn_quotes(shared_dir, "http://www.3alyoum.com/news/pol/a/شاهد-لقاء-محمد-بن-سلمان-بالرئيس-بوتين/")
    q = _quote_in(quotes, "بلاده تعتبر روسيا شريكا")
    assert _speaker(q) == "محمد بن سلمان"
    assert q.speaker == "per:mohammed-bin-salman"


def test_a_former_role_or_an_undated_document_names_nobody() -> None:
    text = "وقال رئيس الوزراء التركي السابق إن الحكومة أخطأت في حساباتها."
    doc = Document(id="t", source="t", format="txt", text=text, segments=[Segment("m", "main", 0, len(text))],
                   published=Published("2015-07-28T10:00:00", "metadata"))
    annotate(doc)
    assert _quote(doc, "الحكومة أخطأت").speaker is None
    undated = _doc("وقال الرئيس التركي إن العمليات ستستمر حتى زوال التهديد.")
    assert _quote(undated, "العمليات ستستمر").speaker is None
    doc = Document(id="t", source="t", format="txt", text=undated.text, segments=[Segment("m", "main", 0, len(undated.text))],
                   published=Published("2015-07-28T10:00:00", "metadata"))
    annotate(doc)
    assert _quote(doc, "العمليات ستستمر").speaker == "per:recep-tayyip-erdogan"


def test_a_quoted_surname_after_a_role_is_the_speaker(shared_dir: Path) -> None:
    # sabq 2015-08-10: «وقال الباحث الفلكي "هندي": "..."» and the «وأضاف» after it
    quotes = _snn_quotes(shared_dir, "http://sabq.org/6QDgde")
    for words in ("تنتج هذه الشهب", "كلما زار المذنب"):
        assert "هندي" in _speaker(_quote_in(quotes, words))


def test_via_a_channel_is_not_a_new_cue_and_a_quoted_channel_is_not_the_quote() -> None:
    # sabq 2015-08-01: «وقال في تغريدة عبر حسابه على "تويتر": "..."» (عبر is «via» here, "تويتر" a channel's name)
    doc = _doc('وقال المحلل السياسي ياسر الزعاترة: "وصول خالد بحاح إلى عدن خطوة مهمة". وقال في تغريدة عبر حسابه '
               'على "تويتر": "وصول بحاح وستة وزراء آخرين إلى عدن خطوة مهمة يمنح المقاومة مزيداً من الدافعية".')
    q = _quote(doc, "وصول بحاح وستة وزراء")
    assert q.kind == "direct" and q.text.startswith("وصول بحاح") and q.text.endswith("الدافعية")
    assert "ياسر الزعاترة" in _speaker(q)
    assert not any(q.text == "تويتر" for q in doc.quotes)


def test_a_quantity_of_people_is_one_speaker() -> None:
    q = _quote(_doc("وقال عدد من النواب المحافظين إن الاتفاق لا يحفظ حقوق البلاد."), "الاتفاق لا يحفظ")
    assert _speaker(q) == "عدد من النواب المحافظين"


def test_a_verb_whose_quote_opens_after_a_participle_keeps_its_subject_name() -> None:
    # sabq 2015-08-01: the name (untagged) closes the subject of «غردت», before «قائلة»
    doc = _doc('وفي هذا السياق؛ غردت وزيرة حقوق الإنسان في اليمن سابقاً حورية مشهور قائلة: "وصول نائب الرئيس إلى عدن '
               'له دلائل قوية بأن المقاومة منتصرة".')
    assert "حورية مشهور" in _speaker(_quote(doc, "وصول نائب الرئيس إلى عدن"))


def test_a_bare_form_inside_the_subject_is_a_noun() -> None:
    # aawsat 2015-08-10: «بين» (between) is a cue («بيّن») only after و/ف/قد/كما
    doc = _doc("وكتبت كارلي فيورينا المرأة الوحيدة بين مرشحي الحزب الجمهوري على موقع «تويتر»: «سيد ترامب.. ما قلته "
               "لا يمكن التسامح معه وأنا أدعم ميغين كيلي».")
    q = _quote(doc, "ما قلته لا يمكن التسامح معه")
    assert "كارلي فيورينا" in _speaker(q)
    assert q.via == ["موقع «تويتر»"]


def test_an_adverbial_after_the_cue_is_not_the_speaker() -> None:
    doc = _doc("وقال دونالد ترامب إنه لا يكن الكثير من الاحترام لها. وأضاف ردا على سؤال للصحافية حول شتائم نسبت له: "
               "«كان بالإمكان مشاهدة الدم يخرج من عينيها».")
    assert "ترامب" in _speaker(_quote(doc, "كان بالإمكان مشاهدة الدم"))


def test_the_name_closing_a_long_subject_before_the_channel_is_the_speaker() -> None:
    # aawsat 2015-07-27: the name ends the subject, then «لـ«الشرق الأوسط»» (the channel) and إن
    doc = _doc("وقال آمر لواء المغاوير في فرقة المشاة الثامنة في الجيش العراقي العميد الركن عادل مولان "
               "لـ«الشرق الأوسط» إن «القطعات العسكرية شرعت بشن عدة هجمات مباغتة».")
    q = _quote(doc, "القطعات العسكرية شرعت")
    assert _speaker(q) == "عادل مولان"
    assert q.via == ["الشرق الأوسط"]


def test_a_stop_word_that_starts_a_tagged_name_is_the_name() -> None:
    text = "وقال صباح النعماني، المتحدث باسم قوات مكافحة الإرهاب، إن «الجامعة تمثل معقلا مهما»."
    start = text.index("صباح النعماني")
    doc = _doc(text, [Mention(start, start + len("صباح النعماني"), "صباح النعماني", "PER")])
    assert _speaker(_quote(doc, "الجامعة تمثل معقلا")) == "صباح النعماني"


def test_a_described_subject_of_the_sentence_speaks_its_wa_adafa() -> None:
    # alriyadh 2015-07-27: «ودان دبلوماسي أميركي كبير على تويتر ... وأضاف أنه "لا صلة"» after a quote of Dogan
    doc = _doc('وذكرت وكالة أنباء دوجان أن ستة أشخاص على الأقل اعتقلوا للاشتباه بعلاقتهم بالحادث.\n'
               'ودان دبلوماسي أميركي كبير على تويتر الهجمات التي نفذها مقاتلو حزب العمال الكردستاني في تركيا وأضاف '
               'أنه "لا صلة" بين الضربات التي تشنها أنقرة ضد الحزب والاتفاق الأخير.')
    assert _speaker(_quote(doc, "بين الضربات التي تشنها")) == "دبلوماسي أميركي كبير"


def test_a_time_expression_is_never_the_subject(shared_dir: Path) -> None:
    # aawsat 2015-07-21: «وكان خامنئي قال أول من أمس، إن «...»» (was: speaker «أول»)
    quotes = _snn_quotes(shared_dir, "http://aawsat.com/home/article/410481/نتنياهو-خطاب-خامنئي-يثبت-أن-الاتفاق-النووي-لن-يغير-سياسة-إيران")
    assert "خامنئي" in _speaker(_quote_in(quotes, "الاتفاق مع القوى العالمية لا يعني"))
    # «وقال المرشد الأعلى»: the registry's holder of the role at the story's date, named in the story
    for words in ("القادة الأميركيين سعوا", "إيران لا ترحب بالحرب"):
        q = _quote_in(quotes, words)
        assert "خامنئي" in _speaker(q) and q.speaker == "per:ali-khamenei"
    # «وقال الوزير الإسرائيلي مشيرا إلى كيري «...»»: the participle is a circumstance, the quote is the minister's
    assert "شتاينتز" in _speaker(_quote_in(quotes, "سمعت وزير الخارجية يزعم"))


def test_a_first_name_spelt_like_ala_and_a_body_completing_a_role() -> None:
    q = _quote(_doc("قال رئيس منظمة الطاقة الذرية الإيرانية علي أكبر صالحي في تصريحات صحافية: «بعد مفاوضات فيينا، "
                    "هناك أحاديث»."), "بعد مفاوضات فيينا")
    assert _speaker(q) == "علي أكبر صالحي"
    text = "وقالت هلال إلفر مقررة الأمم المتحدة الخاصة المعنية بالحق في الطعام إن 12.9 مليون شخص في اليمن يفتقرون للغذاء."
    start = text.index("الأمم المتحدة")
    doc = _doc(text, [Mention(start, start + len("الأمم المتحدة"), "الأمم المتحدة", "ORG")])
    assert _speaker(_quote(doc, "مليون شخص في اليمن")) == "هلال إلفر"


def test_a_name_in_a_fronted_phrase_is_not_the_actor() -> None:
    # aawsat 2015-08-10: «وبشأن زيارة خالد مشعل ... إلى طهران، أكد استمرار العمل ... وأضاف: «...»»
    text = ("وقال خالد القدومي إن العلاقة مع طهران مستمرة.\n"
            "وبشأن زيارة خالد مشعل رئيس المكتب السياسي لحماس إلى طهران، أكد استمرار العمل على ترتيب هذه الزيارة. "
            "وأضاف: «لا تزال الترتيبات جارية».")
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, "PER") for n in ("خالد القدومي", "خالد مشعل")]
    doc = _doc(text, mentions)
    assert _speaker(_quote(doc, "لا تزال الترتيبات جارية")) == "خالد القدومي"


def test_the_actor_of_the_latest_clause_speaks_a_subjectless_cue() -> None:
    # aawsat 2015-08-10: after Stone's quote, «...، وتمكن ترامب من الهيمنة عليها.» then «وقد كتب في تغريدة: «...»»
    text = ("وقال روجر ستون: «آسف. ترامب لم يقم بإقالتي بل أنا من أقاله». وكانت المناظرة سجلت نسبة مشاهدة تاريخية "
            "وصلت إلى 24 مليون مشاهد، وتمكن ترامب من الهيمنة عليها. وقد كتب في تغريدة على موقع «تويتر»: «حققت لكم "
            "أكبر نسبة مشاهدة في تاريخكم»")
    mentions = sorted((Mention(m.start(), m.end(), m.group(), "PER")
                       for m in re.finditer("روجر ستون|ترامب", text)), key=lambda m: m.start)
    doc = _doc(text, mentions)
    assert _speaker(_quote(doc, "حققت لكم أكبر نسبة")) == "ترامب"


def test_a_name_deep_in_the_object_does_not_take_over_from_the_current_speaker(shared_dir: Path) -> None:
    # okaz 2015-07-23: «ورفض تأكيد أو نفي إلقاء القبض على شقيق زعيم المتمردين وقائد الحوثيين في عدن «عبدالخالق
    # الحوثي» قائلا: «...»», then «وأضاف: «...» نافيا ما تثيره وسائل إعلام الحوثي ...» and «وأشار إلى أنه ...»
    quotes = _snn_quotes(shared_dir, "http://www.okaz.com.sa/new/Issues/20150723/Con20150723785248.htm")
    for words in ("لا أستطيع أن أنفي", "نحن والمقاومة مهمتنا", "والقيادات الأمنية زاروا", "الحوثي دمر مدينة"):
        assert "الحذيفي" in _speaker(_quote_in(quotes, words)), words


def test_a_role_named_elsewhere_before_the_sentence_does_not_hang(shared_dir: Path) -> None:
    # SaudiNewsNet, aleqt.com 2015-07-22: «الرئيس الأمريكي» resolves to «باراك أوباما» written earlier; the
    # subject search went back to that name's end and looped forever (the 31k store build stalled on it).
    url = "http://www.aleqt.com/2015/07/22/article_975336.html"
    record = saudinewsnet_records(shared_dir, {url})[url]

    def stalled(*_: object) -> None:
        raise TimeoutError("quote annotation still running after 60 s")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(60)
    try:
        doc = analyze_raw(record_document(record, url, "json"), Options(progress=False))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    said = _quote(doc, "يجب عليه القدوم لبلدة كوغيلو")
    assert doc.text[said.start:said.end] == said.text


SNN_DEV15 = {
    "gulf": "http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=230987&CategoryID=1",
    "qattan": "http://www.al-madina.com/node/622951/قطان-لرؤساء-تحرير-الصحف-المصرية-دعم-المملكة-لمصر-لم-يتراجع.html",
    "suruc": "http://aawsat.com/home/article/411976/رئيس-الوزراء-التركي-يعلن-تحديد-هوية-مشتبه-به-في-الهجوم-الانتحاري-في-سروج",
    "pakistan": "http://aawsat.com/home/article/427076/باكستان-تفتح-تحقيقًا-في-أكبر-فضيحة-اغتصاب-لأطفال-في-تاريخها",
}


@pytest.fixture(scope="module")
def dev15(shared_dir: Path) -> dict[str, list[Quote]]:
    """The four snn_dev15 articles (issue 13, third round) through the product pipeline, quotes by article."""
    from marsad.eval.shared import analyze_like_cli

    records = saudinewsnet_records(shared_dir, set(SNN_DEV15.values()))
    by_url = {url: key for key, url in SNN_DEV15.items()}
    out: dict[str, list[Quote]] = {}
    for url, record in records.items():
        docs = analyze_like_cli([], [record]).documents
        out[by_url[url]] = [q for d in docs for q in d.quotes]
    return out


def test_a_role_set_off_after_a_full_name_is_that_person(dev15: dict[str, list[Quote]]) -> None:
    # almadina 2015-08-06: «أحمد عبدالعزيز قطان، سفير خادم الحرمين في القاهرة» then «وكشف سفير خادم الحرمين
    # الشريفين في القاهرة أن ...» and «وأكد سفير خادم الحرمين الشريفين أن ...»
    for words in ("موضوع خالد مشعل", "المملكة لم تسع في أي وقت", "موقفنا من سوريا ثابت"):
        assert "قطان" in _speaker(_quote_in(dev15["qattan"], words))


def test_a_subject_written_before_its_verb_after_lakin(dev15: dict[str, list[Quote]]) -> None:
    # «لكن صحيفة «يني شفق» المؤيدة للحكومة قالت إن ...»; «لكن ناشطين يعملون على ... أكدوا أن ...» (a plural verb)
    assert "يني شفق" in _speaker(_quote_in(dev15["suruc"], "جماعة يسارية متعاطفة"))
    assert _speaker(_quote_in(dev15["pakistan"], "هذه الظاهرة منتشرة")).startswith("ناشطين")


def test_the_addressee_of_a_cue_is_not_its_speaker(dev15: dict[str, list[Quote]]) -> None:
    # «قالت دول الخليج العربية لوزير الخارجية الأميركي جون كيري أمس ... إن الاتفاق النووي ...»
    assert _speaker(_quote_in(dev15["gulf"], "الاتفاق النووي الذي أبرم")) == "دول الخليج العربية"


def test_an_outlet_that_publishes_or_relays_with_a_complementizer_speaks(dev15: dict[str, list[Quote]]) -> None:
    # «ونشرت صحيفة «ديلي تايمز» البريطانية أن ...» then «وأضافت أن ...»
    for words in ("هذه الفضيحة «تشكل", "الأطفال غالبا ما يتعرضون"):
        assert "ديلي تايمز" in _speaker(_quote_in(dev15["pakistan"], words))
    # «ونقلت وكالة أنباء «الأناضول» أن داود أوغلو تحدث ...» then «وقال: «...»»: the person the agency reports on
    assert "الأناضول" in _speaker(_quote_in(dev15["suruc"], "داود أوغلو تحدث"))
    assert "داود أوغلو" in _speaker(_quote_in(dev15["suruc"], "تبذل قوات الأمن"))


def test_a_verbal_noun_keeping_a_source_unnamed_is_not_a_cue(dev15: dict[str, list[Quote]]) -> None:
    # «وأكدت والدة إحدى الضحايا رافضة كشف اسمها لوكالة الصحافة الفرنسية: «...»»
    q = _quote_in(dev15["pakistan"], "سجلوا شريطا لابني")
    assert q.cue.text == "وأكدت" and _speaker(q).startswith("والدة")
    assert not any(q.cue.text == "كشف" for q in dev15["pakistan"])


def test_istankara_and_its_participle_are_cues_never_speakers() -> None:
    doc = _doc("واستنكر رئيس البرلمان نبيه بري: «ما حصل جريمة بحق لبنان». وقال النائب وليد جنبلاط مستنكرا: "
               "«هذا عمل مرفوض».")
    assert "نبيه بري" in _speaker(_quote(doc, "ما حصل جريمة"))
    assert "وليد جنبلاط" in _speaker(_quote(doc, "هذا عمل مرفوض"))


def test_a_verbal_noun_after_the_cue_is_its_object(dev15: dict[str, list[Quote]]) -> None:
    # «كما أعلن انعقاد جلسة استثنائية للحكومة «للتباحث في أي إجراءات أمنية جديدة محتملة»»: Davutoğlu, not «انعقاد»
    assert "داود أوغلو" in _speaker(_quote_in(dev15["suruc"], "للتباحث في أي إجراءات"))


def test_a_sentence_going_on_with_the_previous_quote_is_the_same_speakers(dev15: dict[str, list[Quote]]) -> None:
    # «وعن اليمن قال إنهم يرفضون ... اللبناني. إنه يجب التزام جميع الأطراف اليمنية ...»
    assert _speaker(_quote_in(dev15["gulf"], "يجب التزام جميع الأطراف")) == "كيري"
    # «وأضافت أن «...». و«هؤلاء الأطفال وعائلاتهم يسكتون ...»»
    q = _quote_in(dev15["pakistan"], "هؤلاء الأطفال وعائلاتهم")
    assert q.kind == "direct" and "ديلي تايمز" in _speaker(q)


def test_words_said_with_no_mark_after_wa_qala(dev15: dict[str, list[Quote]]) -> None:
    # «... وقال لن نسمح لإيران بالعبث بعروبتنا.»
    q = _quote_in(dev15["qattan"], "لن نسمح لإيران بالعبث بعروبتنا")
    assert q.text == "لن نسمح لإيران بالعبث بعروبتنا" and "قطان" in _speaker(q)


def test_a_description_after_wasafahu_bi_is_a_quote(dev15: dict[str, list[Quote]]) -> None:
    # «كما أدان الرئيس الألماني يواخيم جاوك، الهجوم من جهته، ووصفه بـ«العمل البربري».»
    q = _quote_in(dev15["suruc"], "العمل البربري")
    assert q.text == "العمل البربري" and q.cue.text == "ووصفه" and "جاوك" in _speaker(q)


def test_a_question_is_speech_and_an_object_pronoun_is_no_speaker() -> None:
    doc = _doc("وقال الناشط أبراهام فوكسمان إن الاتفاق سيئ. وتساءل فوكسمان: «هل هذا يعني أن الذين يعارضونه أعداء؟». "
               "وفي العدد مقال افتتاحي لرئيس التحرير يتساءل فيه عما هو «الفن الحديث في عالم اليوم»؟")
    assert "فوكسمان" in _speaker(_quote(doc, "هل هذا يعني"))
    assert not any(q.speaker_text is not None and q.speaker_text.text.startswith("عما") for q in doc.quotes)


def test_an_anaphor_with_an_adjective_goes_to_the_person_it_describes() -> None:
    # «وأضاف الوزير الأمريكي» after the Qatari minister spoke: Kerry, whom the text calls «وزير الخارجية الأمريكي»
    text = ("التقى وزير الخارجية الأمريكي جون كيري نظراءه الخليجيين أمس. وقال الوزير إن الاتفاق جيد. وقال وزير "
            "الخارجية القطري خالد العطية إن المجلس يرحب بالاتفاق. وأضاف الوزير الأمريكي أن العمل مستمر.")
    doc = _doc(text, [Mention(text.index(n), text.index(n) + len(n), n, "PER") for n in ("جون كيري", "خالد العطية")])
    assert _speaker(_quote(doc, "العمل مستمر")) == "جون كيري"
    assert _speaker(_quote(doc, "المجلس يرحب")) == "خالد العطية"


def test_a_role_is_the_person_named_right_before_it_without_a_comma() -> None:
    text = "وقال وزير الخارجية الأمريكي إن الاتفاق جيد. وكان جون كيري وزير الخارجية الأمريكي قد زار الدوحة أمس."
    doc = _doc(text, [Mention(text.index("جون كيري"), text.index("جون كيري") + 8, "جون كيري", "PER")])
    assert _speaker(_quote(doc, "الاتفاق جيد")) == "جون كيري"


def test_via_holds_the_channel_only(dev15: dict[str, list[Quote]]) -> None:
    # «وقال قطان في لقاء موسع عقده أمس الثلاثاء بمقر السفارة السعودية بالقاهرة، ... إن ...»: the interview, not the
    # embassy's entity nor the rest of the phrase
    assert _quote_in(dev15["qattan"], "ايران تسعى للسيطرة").via == ["لقاء موسع"]
    text = "وقال مصدر مطلع لـ«الشرق الأوسط» أمس إن المفاوضات متعثرة. وقال الناشط في لقاء صحفي أمس في الرياض إن الحل قريب."
    start = text.index("الشرق الأوسط")
    doc = _doc(text, [Mention(start, start + 12, "الشرق الأوسط", "LOC", entity="loc:middle-east")])
    assert _quote(doc, "المفاوضات متعثرة").via == ["الشرق الأوسط"]  # the newspaper, though tagged as the region
    assert _quote(doc, "الحل قريب").via == ["لقاء صحفي"]


def test_a_clause_opening_cue_with_no_resolvable_subject_keeps_its_quote() -> None:
    # as in SaudiNewsNet's date-market stories: a subheading between the speaker's paragraph and «وتابع: ...»
    doc = _doc("وقال رئيس لجنة التمور محمد الشعيبي إن الموسم كان ناجحا.\n\nآن الأوان لإنشاء شركات حكومية لشراء التمور\n\n"
               "وتابع: أقل من ربع مصانع التمور في المملكة هي صناعة حقيقية.")
    assert "الشعيبي" in _speaker(_quote(doc, "أقل من ربع مصانع التمور"))


def test_document_noun_of_a_word_key() -> None:
    lex = quote_lexicon()
    for word in ("بيان", "البيان", "بيانه", "والبيان"):
        assert lex.document_noun(norm_key(word)) == "بيان", word
    assert lex.document_noun(norm_key("بيانا")) is not None
    assert lex.document_noun(norm_key("قال")) is None
    assert lex.document_noun(norm_key("بيانه")) == "بيان"  # asked again: kept
