"""The context test of ``marsad train names`` for place and organisation spelling variants (marsad.train.names)."""

from __future__ import annotations

from collections import Counter

from marsad.train.names import ContextStats, _one_inner_edit, context_pairs


def test_one_inner_edit_keeps_first_and_last_letters() -> None:
    assert _one_inner_edit("جيزان", "جازان")
    assert _one_inner_edit("واشنطون", "واشنطن")
    assert _one_inner_edit("بوينغ", "بوينج")  # folded consonants only
    assert not _one_inner_edit("ليبي", "ليبيا")  # an inflection at the end
    assert not _one_inner_edit("بواشنطن", "واشنطن")  # a clitic at the start
    assert not _one_inner_edit("غانا", "غينيا")  # two letters


def _contexts(close: int) -> ContextStats:
    company = {"جازان": Counter({"صبيا": 30, "نجران": 20, "الرياض": 50}),
               "جيزان": Counter({"صبيا": 3, "نجران": 2, "الرياض": 5})}
    window = {"جازان": Counter({"منطقه": 40, "امير": 10}), "جيزان": Counter({"منطقه": 4, "جامعه": 1})}
    return ContextStats(documents=1000, seen=Counter({"جازان": 60, "جيزان": 6}),
                        df=Counter({"صبيا": 20, "نجران": 30, "الرياض": 400, "منطقه": 300, "امير": 200, "جامعه": 100}),
                        window=window, company=company, candidates=[("جازان", "جيزان")],
                        close=Counter({"جيزان|جازان": close}), occurrences=Counter({"جازان": 80, "جيزان": 10}))


def test_context_pairs_need_shared_company_and_words_and_no_close_use() -> None:
    (pair,) = context_pairs(_contexts(close=0))
    assert pair[:2] == ("جازان", "جيزان") and pair[2] >= 0.5 and pair[3] >= 0.1
    assert context_pairs(_contexts(close=5)) == []  # written beside each other: two names, not two spellings
