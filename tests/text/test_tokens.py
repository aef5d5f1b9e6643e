"""Tokens with offsets and clitic stripping."""

from __future__ import annotations

from pathlib import Path

from marsad.text.clitics import stem_variants, strip_clitics
from marsad.text.tokens import tokenize


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


def test_stretches_cut_from_the_whole_text_match_a_scan_of_the_stretch(shared_dir: Path) -> None:
    import random

    from marsad.text.tokens import _scan

    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    texts += ["U.S. و.م.أ a.b’c ـــ", "x"]
    rng = random.Random(0)
    cut = 0
    for text in texts:
        for _ in range(300):
            a = rng.randrange(len(text) + 1)
            b = rng.randrange(a, len(text) + 1)
            expected = _scan(text, a, b)[0]
            got = tokenize(text, a, b)
            assert got == expected, (a, b)
            cut += bool(got)
    assert cut > 1000  # most stretches hold tokens
    # sentences of a seed page, as the entity stage asks for them, and the whole text
    text = texts[0]
    assert tokenize(text) == _scan(text, 0, len(text))[0]
    assert [t.text for t in tokenize(text, 0, 40)] == [t.text for t in _scan(text, 0, 40)[0]]
