"""Lines repeated across pages of one site are chrome even when no lexicon knows them."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.api import run
from marsad.ingest.raw import RawDocument
from marsad.options import Options
from marsad.page.chrome import repeated_lines, site_key
from marsad.pipeline import analyze_raw
from marsad.store import Store
from marsad.store.export import build_report

PROMO = "خدمة الرسائل القصيرة متاحة لجميع المشتركين"


def _page(title: str, body: str) -> RawDocument:
    text = f"{title}\n\n{body}\n\n{PROMO}\n\nوأضاف المتحدث أن الاجتماعات ستتواصل خلال الأسبوع المقبل بحضور وفود عدة من دول الجوار."
    return RawDocument(source=title, format="json", text=text, title=title, sitename="صحيفة المثال")


def test_promo_line_repeated_across_site_pages_is_boilerplate() -> None:
    raws = [
        _page("افتتاح معرض الكتاب في العاصمة", "افتتح وزير الثقافة اليوم معرض الكتاب الدولي بمشاركة أكثر من خمسمئة دار نشر من ثلاثين دولة."),
        _page("ارتفاع أسعار النفط", "ارتفعت أسعار النفط في تعاملات اليوم بنسبة اثنين في المئة بعد تراجع المخزونات الأميركية بأكثر من المتوقع."),
    ]
    chrome = repeated_lines(raws)
    assert site_key(raws[0]) in chrome
    doc = analyze_raw(raws[0], Options(), chrome[site_key(raws[0]) or ""])
    promo_at = doc.text.index(PROMO)
    seg = doc.segment_at(promo_at)
    assert seg is not None and seg.kind == "boilerplate"
    alone = analyze_raw(raws[0], Options(), frozenset())
    seg_alone = alone.segment_at(promo_at)
    assert seg_alone is not None and seg_alone.kind == "main"


def test_record_of_short_lines_keeps_its_title_and_text() -> None:
    text = "لآلئ شعرية\n\nهبّ الفراق وطاب كيف الغرابيل\nواستانست سود الهموم وتخاوت\nللحزن في صدري حياة ومداهيل"
    doc = analyze_raw(RawDocument(source="poem", format="json", text=text, title="لآلئ شعرية"), Options(), frozenset())
    assert doc.title == "لآلئ شعرية"
    assert [(s.kind, s.start, s.end) for s in doc.segments] == [("main", 0, len(text))]


def test_long_bullet_paragraphs_stay_in_the_article() -> None:
    body = "* إذا بدأت عملاً فلابد لك أن تكمله لأن الطاقة تتغذى من ثمرات الإنجاز وتذبل وتتلاشى بالتباطؤ والتراخي في كل حين"
    text = "نصائح للعمل\n\n" + body + "\n\n" + body.replace("عملاً", "مشروعاً")
    doc = analyze_raw(RawDocument(source="col", format="json", text=text, title="نصائح للعمل"), Options(), frozenset())
    assert [s.kind for s in doc.segments] == ["main"]


def test_menus_and_breadcrumbs_are_boilerplate() -> None:
    text = (
        "الرئيسية | أخبار محلية | اقتصاد | رياضة | منوعات\n"
        "الرئيسية › أخبار › سياسة\n\n"
        "الحكومة تقر موازنة العام المقبل\n\n"
        "أقرت الحكومة في جلستها الأسبوعية اليوم مشروع موازنة العام المقبل بعجز أقل من المتوقع، وفق ما أعلن وزير المالية.\n"
    )
    doc = analyze_raw(RawDocument(source="menu", format="txt", text=text), Options(), frozenset())
    assert doc.title == "الحكومة تقر موازنة العام المقبل"
    main = doc.segments_of("main")[0]
    assert doc.text[main.start:].startswith("الحكومة تقر")
    assert [s.kind for s in doc.segments if s.end <= main.start] == ["boilerplate"]


def test_chrome_is_learnt_across_batches_from_the_store(tmp_path: Path) -> None:
    records = [
        {"title": "افتتاح معرض الكتاب في العاصمة", "source": "صحيفة المثال",
         "content": _page("افتتاح معرض الكتاب في العاصمة", "افتتح وزير الثقافة اليوم معرض الكتاب الدولي بمشاركة أكثر من خمسمئة دار نشر من ثلاثين دولة.").text},
        {"title": "ارتفاع أسعار النفط", "source": "صحيفة المثال",
         "content": _page("ارتفاع أسعار النفط", "ارتفعت أسعار النفط في تعاملات اليوم بنسبة اثنين في المئة بعد تراجع المخزونات الأميركية بأكثر من المتوقع.").text},
    ]
    shard = tmp_path / "site.jsonl"
    shard.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    with Store(tmp_path / "m.db") as store:
        summary = run([str(shard)], Options(progress=False, batch_size=1), store)
        assert summary.added == 2
        report = build_report(store)
    kinds = []
    for doc in report["documents"]:
        promo_at = doc["text"].index(PROMO)
        kinds.append(next(s["kind"] for s in reversed(doc["segments"]) if s["start"] <= promo_at < s["end"]))
    # the first page alone cannot know the line; the second, in the next batch, counts the stored first page
    assert kinds == ["main", "boilerplate"]
