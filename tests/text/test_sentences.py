"""Sentence splitting on real seed text: abbreviations, numbers, quotes spanning sentences."""

from __future__ import annotations

from pathlib import Path

from marsad.text.sentences import split_sentences


def test_abbreviations_numbers_and_quotes() -> None:
    text = "ونقلت (أ.ف.ب) عن مسؤول قوله إن 3.5 مليون شخص تأثروا. وأضاف: «هذا يوم مهم. نحن سعداء». ثم غادر!"
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "ونقلت (أ.ف.ب) عن مسؤول قوله إن 3.5 مليون شخص تأثروا.",
        "وأضاف: «هذا يوم مهم. نحن سعداء».",
        "ثم غادر!",
    ]


def test_seed_quote_over_two_sentences_stays_whole(shared_dir: Path) -> None:
    text = (shared_dir / "seeds" / "004_1db56f28e93c3289.txt").read_text(encoding="utf-8")
    spans = split_sentences(text)
    for span in spans:
        assert text[span.start:span.end] == span.text
    quote = "«تأسست علاقاتنا خلال النضال الكوري من أجل الحرية في عام 1945"
    holding = [s for s in spans if quote in s.text]
    assert len(holding) == 1
    assert "ونحن نعمل باسم السلام والاستقرار»" in holding[0].text
