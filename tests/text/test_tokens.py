"""Tokens with offsets and clitic stripping."""

from __future__ import annotations

import random
from itertools import islice
from pathlib import Path

from marsad.text.clitics import stem_variants, strip_clitics
from marsad.text.tokens import last_token, text_tokens, tokenize
from marsad.train.saudinewsnet import mining_records


def test_tokens_keep_offsets() -> None:
    text = "وقال بوتين، في مقال لصحيفة «رودونج شينمون»: لكوريا"
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text
    words = [t.text for t in tokenize(text) if t.is_word]
    assert words == ["وقال", "بوتين", "في", "مقال", "لصحيفة", "رودونج", "شينمون", "لكوريا"]


def test_clitics() -> None:
    assert strip_clitics("وبالكرملين") == ("وبال", "كرملين")
    assert strip_clitics("لكوريا") == ("ل", "كوريا")
    assert strip_clitics("وكوريا") == ("و", "كوريا")
    assert strip_clitics("في") == ("", "في")  # too short to hold a clitic
    assert stem_variants("للدوله") == ("للدوله", "دوله", "الدوله", "لدوله")  # لل restores its article
    assert "كوريا" in stem_variants("لكوريا")
    assert "الرئيس" in stem_variants("والرئيس")


def test_last_token_is_the_last_token_of_the_range() -> None:
    # ranges starting inside a word, at a space, after a keyless mark (a lone bidi mark), ending inside a word
    text = "قال الأمير\u200f محمد بن سلمان: «الاتفاق» مع e.g. U.S. وللرئيس\u200f،  ١٢٣٫٥ ولكوريا"
    for end in range(len(text) + 1):
        for start in range(end + 1):
            tokens = tokenize(text, start, end)
            assert last_token(text, start, end) == (tokens[-1] if tokens else None), (start, end)


def test_text_tokens_are_the_range_s_own_tokens(shared_dir: Path) -> None:
    # ranges beginning or ending inside a word are tokenised only near their ends, the rest cut from the whole text's
    # one tokenisation: the same tokens as tokenising the range alone (a diacritic after a dotted word, a lone
    # bidi mark, e.g. and U.S., an apostrophe, Arabic-Indic digits with their decimal mark)
    text = "قال الأمير\u200f محمد بن سلمان: «الاتفاق» مع e.g. U.S. وللرئيس\u200f،  ١٢٣٫٥ ولكوريا O'Neil ab.cdَ x"
    for end in range(len(text) + 1):
        for start in range(end + 1):
            assert text_tokens(text, start, end) == tokenize(text, start, end), (start, end)
    rng = random.Random(14)
    for record in islice(mining_records(shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"), 60):
        article = record["content"]
        for _ in range(500):
            start = rng.randrange(len(article))
            end = min(len(article), start + rng.randrange(1, 120))
            assert text_tokens(article, start, end) == tokenize(article, start, end), (start, end)
