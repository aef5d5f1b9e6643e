"""The event extractor on sentences that exercise its dating, typing and matching rules."""

from __future__ import annotations

from marsad.extract.events import annotate as events
from marsad.extract.events.lexicon import type_label
from marsad.extract.time import annotate as timexes
from marsad.model import Document, Published, Segment


def _doc(text: str, published: str = "2015-08-07") -> Document:
    doc = Document(id="d", source="d", format="txt", text=text, published=Published(published, "metadata"))
    doc.segments.append(Segment("d:0", "main", 0, len(text)))
    timexes(doc)
    events(doc)
    return doc


def test_relative_clause_year_dates_only_its_clause() -> None:
    doc = _doc("أدانت الخارجية الهجوم الذي استهدف السفارة عام 2012، وطالبت بمحاسبة المسؤولين.")
    by_trigger = {e.trigger.text: e for e in doc.events if e.trigger is not None}
    assert by_trigger["استهدف"].date == "2012" and by_trigger["استهدف"].current is False
    assert by_trigger["أدانت"].date == "2015-08-07" and by_trigger["أدانت"].date_basis == "publication"
    assert by_trigger["أدانت"].type == "11 DISAPPROVE"


def test_weekday_resolves_against_publication() -> None:
    doc = _doc("واستقبل وزير الخارجية يوم الثلاثاء نظيره العماني في الرياض.")
    (visit,) = doc.events
    assert visit.date == "2015-08-04" and visit.date_basis == "timex" and visit.current is True


def test_since_pluperfect_and_future_give_no_false_date() -> None:
    doc = _doc("وتعد هذه الزيارة الأولى منذ عام 2011.")
    assert [e.date for e in doc.events] == ["2015-08-07"]
    doc = _doc("وكان الوزير قد زار القاهرة.")
    assert [(e.date, e.current) for e in doc.events] == [(None, False)]
    doc = _doc("وسيزور الرئيس موسكو.")
    assert [e.date for e in doc.events] == [None]


def test_narrative_reference_day() -> None:
    doc = _doc("فجر انتحاري نفسه أمس في مسجد.\nوأدانت دول عربية التفجير.")
    condemn = next(e for e in doc.events if e.type == "11 DISAPPROVE")
    assert condemn.date == "2015-08-06" and condemn.date_basis == "inferred"


def test_verb_forms_do_not_match_after_the_article() -> None:
    doc = _doc("ناقش مركز البحث العلمي خططه. وبحث الوزير مع نظيره التعاون.")
    assert [e.trigger.text for e in doc.events if e.trigger is not None] == ["ناقش", "وبحث"]


def test_type_labels() -> None:
    assert type_label("19") == "19 FIGHT"
    assert type_label("ELECT") == "ELECT"


def test_clock_time_alone_dates_nothing() -> None:
    doc = _doc("فجر انتحاري نفسه أمس في مسجد.\nوقال شهود إن الانتحاري فجر نفسه في الساعة الـ12:40 ظهرا.")
    second = [e for e in doc.events if e.start > doc.text.index("\n")]
    assert second and all(e.date_basis != "timex" for e in second)
    assert {e.date for e in second} == {"2015-08-06"}  # the article's reference day, not the clock's default day


def test_relative_clause_on_an_event_noun_takes_its_date() -> None:
    doc = _doc("وقال الأمير إن التفجير الغاشم أمس الذي استهدف مسجد قوات الطوارئ جريمة. وزار ذوي الشهداء الذين استشهدوا.")
    by_trigger = {e.trigger.text: e for e in doc.events if e.trigger is not None}
    assert by_trigger["التفجير"].date == "2015-08-06"
    assert (by_trigger["استهدف"].date, by_trigger["استهدف"].date_basis) == ("2015-08-06", "timex")
    assert by_trigger["استشهدوا"].date is None  # the martyrs who died: a happening told before, no event noun to date it
