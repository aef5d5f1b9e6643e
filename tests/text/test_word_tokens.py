"""Word tokens, story terms and reading ends picked by key, checked on real SaudiNewsNet articles outside the held-out third."""

from __future__ import annotations

import zlib
from collections import Counter
from itertools import islice
from pathlib import Path

import pytest

import marsad.corpus.terms as terms_module
from marsad.corpus.passages import shingles, word_stems
from marsad.corpus.terms import MIN_STEM, STOPWORDS, key_term, key_terms
from marsad.text.clitics import reading_ends, stem_variants
from marsad.text.normalize import key_text, norm_key, normalize
from marsad.text.tokens import text_tokens, tokenize, word_tokens
from marsad.train.saudinewsnet import mining_records

SAUDINEWSNET = Path("datasets") / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def _texts(shared_dir: Path, n: int) -> list[str]:
    return [r["content"] for r in islice(mining_records(shared_dir / SAUDINEWSNET), n)]


def test_word_tokens_are_the_tokens_that_are_words(shared_dir: Path) -> None:
    for text in _texts(shared_dir, 40):
        tokens = tokenize(text)
        assert word_tokens(tokens) == [t for t in tokens if t.is_word]
        assert word_stems(text, 0, len(text)) == [t.stem for t in text_tokens(text) if t.is_word]


def test_key_term_is_the_stem_of_a_content_word(shared_dir: Path) -> None:
    counts: Counter[str] = Counter()
    for text in _texts(shared_dir, 40):
        for tok in tokenize(text):
            expected = (tok.stem if tok.is_word and tok.key not in STOPWORDS and tok.stem not in STOPWORDS
                        and not tok.stem.isdigit() and len(tok.stem) >= MIN_STEM else None)
            assert key_term(tok.key) == expected, tok
            counts[expected is None] += 1
    assert counts[True] > 1000 and counts[False] > 1000  # both kinds were met


def test_shingles_hash_each_run_of_three_stems() -> None:
    stems = ["وزير", "خارجيه", "سعودي", "عادل", "جبير"]
    expected = {zlib.crc32(" ".join(stems[i:i + 3]).encode("utf-8")) for i in range(3)}
    assert shingles(stems) == frozenset(expected)
    assert shingles(stems[:2]) == frozenset()


def test_a_key_with_a_reading_among_words_ends_with_one_of_their_reading_ends(shared_dir: Path) -> None:
    """:func:`reading_ends` may rule a key out only when none of its readings is one of the words: «للمالكي» (read
    المالكي) ends with «مالكي», not with «المالكي»."""
    words = {norm_key(w) for w in ("المالكي", "صالح", "الفيصل", "الأهلي", "نادي", "الرياض")}
    ends = reading_ends(words)
    lam = {norm_key(w) for w in ("للمالكي", "للفيصل", "وللأهلي")}
    keys = {t.key for text in _texts(shared_dir, 40) for t in tokenize(text)} | lam
    read = [k for k in keys if any(v in words for v in stem_variants(k))]
    assert lam <= set(read) and len(read) >= 8
    assert all(k.endswith(ends) for k in read)


def test_key_terms_are_key_term_of_each_token_through_a_bounded_cache(
    shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the dict of terms met is emptied when full (here every 500 keys), never answering with a stale or missing term
    monkeypatch.setattr(terms_module, "KEY_TERMS_CACHE", 500)
    monkeypatch.setattr(terms_module, "_key_terms", {})
    for text in _texts(shared_dir, 40):
        tokens = tokenize(text)
        assert key_terms(tokens) == [key_term(t.key) or "" for t in tokens]
        assert key_terms(tokens) == [key_term(t.key) or "" for t in tokens]  # now from the dict
        assert len(terms_module._key_terms) <= 500 + len(tokens)


def test_key_text_is_the_normalised_text(shared_dir: Path) -> None:
    texts = _texts(shared_dir, 40)
    assert any(normalize(t).offsets != tuple(range(len(t) + 1)) for t in texts)  # some drop harakat or marks
    for text in texts:
        assert key_text(text) == normalize(text).text
