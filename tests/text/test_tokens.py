"""Tokens with offsets and clitic stripping."""

from __future__ import annotations

from marsad.text.clitics import stem_variants, strip_clitics
from marsad.text.tokens import last_token, tokenize


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
