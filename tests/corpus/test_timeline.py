"""Timeline grouping rules on hand-built story events (dates reconciled across reports)."""

from __future__ import annotations

import datetime as dt

from marsad.corpus.timeline import StoryEvent, fetch_shifts, group_events
from marsad.model import Actor, Event, EventDateBasis, Span


def _event(trigger: str, type_: str, date: str, basis: EventDateBasis, actors: tuple[str, ...] = (),
           timex: str | None = None) -> Event:
    text = f"{trigger} {timex or ''}".strip()
    return Event(
        start=0, end=len(text), text=text, type=type_, date=date, trigger=Span(0, len(trigger), trigger),
        actors=[Actor(a, "source", 0, 1, a) for a in actors], date_basis=basis,
        timex=Span(len(trigger) + 1, len(text), timex) if timex else None,
    )


def _item(event: Event, doc: str, published: str, fetched: bool = False) -> StoryEvent:
    return StoryEvent(event, doc, doc, dt.date.fromisoformat(published), fetched)


def test_definite_noun_takes_the_story_date_within_a_week() -> None:
    bombing = _item(_event("فجر", "18 ASSAULT", "2015-08-06", "timex", timex="أمس"), "a", "2015-08-07")
    later = _item(_event("التفجير", "18 ASSAULT", "2015-08-11", "publication"), "b", "2015-08-11")
    verb = _item(_event("فجر", "18 ASSAULT", "2015-08-11", "publication"), "c", "2015-08-11")
    rows = group_events([bombing, later, verb])
    assert later.event.date == "2015-08-06" and later.event.date_basis == "inferred"
    assert verb.event.date == "2015-08-11"  # a new bombing told with a verb stays on its own day
    assert sorted(r.date for r in rows) == ["2015-08-06", "2015-08-11"]


def test_fetch_dated_report_moves_back_to_the_reliable_day() -> None:
    # The URL-dated report says "yesterday evening" on the 11th; the fetched page says "this evening", fetched on the 11th.
    reliable = _item(_event("استقبل", "04 CONSULT", "2015-08-10", "timex", ("mbn",), "مساء أمس"), "url", "2015-08-11")
    fetched = _item(_event("وصل", "04 CONSULT", "2015-08-11", "timex", ("mbn",), "مساء اليوم"), "crawl", "2015-08-11", True)
    undated = _item(_event("استقبال", "04 CONSULT", "2015-08-11", "inferred", ("faisal",)), "crawl", "2015-08-11", True)
    background = _item(_event("التفجير", "18 ASSAULT", "2015-08-06", "timex", (), "الخميس الماضي"), "crawl", "2015-08-11", True)
    assert fetch_shifts([reliable, fetched, undated, background]) == {"crawl": 1}
    group_events([reliable, fetched, undated, background])
    assert (fetched.event.date, undated.event.date, background.event.date) == ("2015-08-10", "2015-08-10", "2015-08-06")
    same_day = _item(_event("وصل", "04 CONSULT", "2015-08-10", "timex", ("mbn",), "اليوم"), "crawl2", "2015-08-10", True)
    assert fetch_shifts([reliable, same_day]) == {}
