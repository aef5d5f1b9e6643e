"""Claims on real multi-outlet coverage: conflicts between sources only, corroboration by independent sources."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from marsad.corpus.claims import find_claims, independent_sources
from marsad.corpus.duplicates import find_duplicates
from marsad.corpus.sentences import unit_sentences
from marsad.corpus.units import units_of
from marsad.eval.stories import article_document, iter_records
from marsad.model import Claim, Document
from marsad.pipeline import annotate_documents

AFGHAN = (5324, 5641, 6177)  # aljazirah, alriyadh, okaz: one AFP report on the Faryab market bombing, 23 July 2015
NILE = (5053, 5167, 6004, 6330)  # aawsat, aleqtisadiya, alweeam (a copy of aleqtisadiya), sabq: the Nile boat, 23 July
SURUC_ALYAUM = 2242  # alyaum on the Suruç bombing: 27 killed, and the first toll of «حوالي 10 قتلى» further down
ABHA_ALEQT = 21051  # aleqtisadiya, 6 August: 10 security men killed, and later in the page «ارتفاع ... إلى ١٢»


@pytest.fixture(scope="module")
def articles(shared_dir: Path) -> dict[int, Document]:
    wanted = {*AFGHAN, *NILE, SURUC_ALYAUM, ABHA_ALEQT}
    dataset = shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    docs = {i: article_document(i, r) for i, r in islice(iter_records(dataset), max(wanted) + 1) if i in wanted}
    annotate_documents(list(docs.values()))
    return docs


def _claims(docs: list[Document]) -> list[Claim]:
    sentences = [s for d in docs for u in units_of(d) for s in unit_sentences(d, u)]
    return find_claims(sentences, {d.id: d for d in docs}, find_duplicates(docs))


def test_independent_sources_count_outlets_and_copy_groups_once() -> None:
    assert independent_sources([("a", frozenset()), ("a", frozenset())]) == 1
    assert independent_sources([("a", frozenset({"copy-1"})), ("b", frozenset({"copy-1"}))]) == 1
    assert independent_sources([("a", frozenset({"copy-1"})), ("b", frozenset({"copy-1"})), ("c", frozenset())]) == 2
    assert independent_sources([("a", frozenset({"copy-1"})), ("b", frozenset({"copy-1", "copy-2"})),
                                ("c", frozenset({"copy-2"}))]) == 1


def test_one_outlet_never_contests_itself(articles: dict[int, Document]) -> None:
    for i in (SURUC_ALYAUM, ABHA_ALEQT):
        claims = _claims([articles[i]])
        assert [c for c in claims if c.status == "contested"] == []
        assert [c for c in claims if c.status == "corroborated"] == []


def test_copies_of_one_wire_report_corroborate_nothing(articles: dict[int, Document]) -> None:
    """Three outlets ran the same AFP text: its 15 dead are one source, not three."""
    claims = _claims([articles[i] for i in AFGHAN])
    assert [c for c in claims if c.status == "corroborated"] == []
    assert [c for c in claims if c.status == "contested"] == []


def test_conflicting_tolls_show_each_value_with_its_sources(articles: dict[int, Document]) -> None:
    claims = _claims([articles[i] for i in NILE])
    contested = [c for c in claims if c.status == "contested" and c.slot == "killed"]
    assert len(contested) == 1
    claim = contested[0]
    assert claim.value is None
    values = {v.value: v for v in claim.values}
    assert {"15", "21.."} <= values.keys()
    # aleqtisadiya and alweeam carry one copied passage: two outlets, one independent source
    assert values["15"].outlets == ["aawsat", "aleqtisadiya", "alweeam", "sabq"]
    assert set(values["21.."].outlets) == {"aawsat", "sabq"}
    assert claim.independent_sources == 2  # aawsat and sabq ran one AFP report too
    for v in claim.values:
        for ref in v.spans:
            doc = next(d for d in articles.values() if d.id == ref.document)
            assert doc.text[ref.start : ref.end] == ref.text


def test_no_claim_rests_on_one_outlet_or_one_copied_passage(articles: dict[int, Document]) -> None:
    docs = list(articles.values())
    copies = {(d.a.document, d.b.document) for d in find_duplicates(docs)}
    outlet = {d.id: d.outlet for d in docs}
    for claim in _claims(docs):
        outlets = {outlet[r.document] for r in claim.spans}
        assert claim.independent_sources <= len(outlets)
        assert claim.count == claim.independent_sources
        if claim.status == "corroborated":
            assert len(outlets) >= 2 and claim.independent_sources >= 2
            documents = {r.document for r in claim.spans}
            assert not (len(documents) == 2 and tuple(sorted(documents)) in {tuple(sorted(p)) for p in copies})


def test_a_risen_toll_updates_figures_of_another_day(articles: dict[int, Document]) -> None:
    """aleqtisadiya on Abha: «ارتفاع ... إلى ١٢» is an update; set against another outlet's figure, it conflicts
    on the same day only (a toll that rose over days is not a disagreement)."""
    from dataclasses import replace

    from marsad.corpus.claims import conflicting, is_update
    from marsad.corpus.facts import sentence_facts
    from marsad.model import SpanRef

    doc = articles[ABHA_ALEQT]
    facts = [f for u in units_of(doc) for s in unit_sentences(doc, u) for f in sentence_facts(doc, s)]
    risen = [f for f in facts if is_update(f)]
    assert risen, [(f.ref.text, f.slot) for f in facts]
    told = [f for f in facts if not is_update(f) and f.slot == risen[0].slot and f.quantity.value != risen[0].quantity.value]
    assert told, [(f.ref.text, f.slot) for f in facts]
    a, b = told[0], risen[0]

    def elsewhere(ref: SpanRef) -> SpanRef:
        return SpanRef("other", ref.start, ref.end, ref.text)

    moved = replace(b.sentence, ref=elsewhere(b.sentence.ref), outlet="other", terms=a.sentence.terms)  # one happening told
    b = replace(b, ref=elsewhere(b.ref), sentence=moved, places=a.places)
    leads = frozenset({a.sentence.ref, b.sentence.ref})
    assert conflicting(a, b, {doc.id: 0, "other": 0}, leads)
    assert not conflicting(a, b, {doc.id: 0, "other": 1}, leads)
    assert not is_update(a)
