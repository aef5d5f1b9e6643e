"""Normalisation keys and their offset maps."""

from __future__ import annotations

from pathlib import Path

from marsad.eval.shared import saudinewsnet_records
from marsad.text.normalize import norm_key, normalize


def test_letter_forms_fold_to_one_key() -> None:
    assert norm_key("أحمد") == norm_key("إحمد") == norm_key("آحمد") == norm_key("احمد")
    assert norm_key("مصطفى") == norm_key("مصطفي")
    assert norm_key("القاهرة") == norm_key("القاهره")
    assert norm_key("مسؤول") == norm_key("مسوول")
    assert norm_key("روسیا وکوریا") == norm_key("روسيا وكوريا")  # Persian ی and ک
    assert norm_key("عُمَرُ") == "عمر"  # harakat
    assert norm_key("العـــربية") == "العربيه"  # tatweel dropped, ة folded
    assert norm_key("٢٠٢٤ و۱۸") == "2024 و18"  # Arabic-Indic and Persian digits
    assert norm_key("«نص» “آخر”") == '"نص" "اخر"'
    assert norm_key("كوريا\u200f\u00a0الشمالية") == "كوريا الشماليه"  # bidi mark, NBSP


def test_offset_map_points_back_to_the_original() -> None:
    text = "قالَ الرئيسُ\u200f: «سنواصل»"
    norm = normalize(text)
    pos = norm.text.index("الرييس")
    start, end = norm.to_original(pos, pos + len("الرييس"))
    assert text[start:end] == "الرئيس"  # a trailing haraka stays outside the span
    pos = norm.text.index("سنواصل")
    start, end = norm.to_original(pos, pos + len("سنواصل"))
    assert text[start:end] == "سنواصل"
    assert len(norm.offsets) == len(norm.text) + 1


def test_long_texts_key_as_their_characters_one_by_one(shared_dir: Path) -> None:
    """A text of 100 characters or more is keyed by replacements over the whole text, a shorter one character by
    character: the same key either way, on a real article and on every character up to U+206F."""
    url = "http://aawsat.com/home/article/409681/السعودية-تطيح-خلايا-عنقودية-مرتبطة-بـ«داعش»-وتديرها-دول"
    article = saudinewsnet_records(shared_dir, {url})[url]["content"]
    for text in (article, "".join(map(chr, range(0x20, 0x2070))) + "\ufeff"):
        assert normalize(text).text == "".join(normalize(c).text for c in text)
        assert norm_key(text) == " ".join("".join(normalize(c).text for c in text).split())
