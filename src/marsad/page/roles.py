"""Line roles learnt from data: a CRF sequence labeller over the features of a page's lines.

Each non-blank line of a page gets one role: ``title``, ``byline``, ``dateline``, ``main``
(running text and sub-headings of an article), ``boiler`` (navigation, widgets, footers,
share buttons), ``related`` (teaser lists and their headers), ``caption`` or ``appended``
(the first line of an article appended after the main one). The features describe a line's
shape (length, punctuation, link-like separators, digits, script), its position in the page
and relative to the page's paragraphs, its repetition in the page and across the site, the
rule-based label and lexicon hits of :mod:`marsad.page.segment`, and the same for its
neighbours. The model (``models/page_roles.crfsuite``) is trained by ``marsad train pages``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources

import pycrfsuite

from marsad.page.dates import parse_dateline
from marsad.page.lines import Line, arabic_ratio, starts_with_phrase

ROLES = ("title", "byline", "dateline", "main", "boiler", "related", "caption", "appended")
MODEL_FILE = "page_roles.crfsuite"

_LEXICONS = (
    ("rel", "page_related.txt"),
    ("app", "page_appended.txt"),
    ("boil", "page_boilerplate.txt"),
    ("by", "page_byline.txt"),
    ("mast", "page_masthead.txt"),
)
_SEPARATORS = re.compile(r"[|›»«•·/\\>]|\s[-–—،]\s")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|net|org|sa|eg)\b|@\w", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_LATIN_UPPER_WORD = re.compile(r"\b[A-Z][a-z]")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_YEAR = re.compile(r"\b(?:1[34]\d\d|19\d\d|20\d\d)\b")
_COUNT_PAREN = re.compile(r"\(\s*\d+\s*\)|\[\s*\d+\s*\]")
PARAGRAPH_WORDS = 14


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _end_class(text: str) -> str:
    last = text[-1]
    if text.endswith(("...", "…", "..")):
        return "ellipsis"
    if last in ".。":
        return "period"
    if last in "!?؟":
        return "q"
    if last in ":":
        return "colon"
    if last in "»\"”'":
        return "quote"
    if last in ")]":
        return "paren"
    if last in "،,;؛":
        return "comma"
    if last.isdigit():
        return "digit"
    if last.isalpha():
        return "alpha"
    return "other"


SHAPE_CHARS = 300  # shape features of a long line read its first characters only


def _own(line: Line, rule: str, page_count: int, chrome: bool) -> list[str]:
    full = line.text
    text = full[:SHAPE_CHARS]
    words = line.words
    feats = [
        "w=" + _bucket(words, (1, 2, 3, 5, 8, 13, 25, 50, 100)),
        "c=" + _bucket(len(full), (10, 20, 40, 80, 160, 320)),
        "end=" + _end_class(full),
        "rule=" + rule,
        "rep=" + _bucket(page_count, (1, 2, 3)),
    ]
    first = text[0]
    if not first.isalnum():
        feats.append("start=" + ("bullet" if line.is_bullet else "sym"))
    elif first.isdigit():
        feats.append("start=digit")
    seps = len(_SEPARATORS.findall(text))
    if seps:
        feats.append("sep=" + _bucket(seps, (1, 2, 4)))
        feats.append("sepratio=" + _bucket(words // (seps + 1), (1, 2, 3, 5)))
    if _URLISH.search(text):
        feats.append("url")
    if "©" in text or "(c)" in text.lower():
        feats.append("copy")
    digits = len(_DIGIT.findall(text))
    if digits:
        feats.append("dig=" + _bucket(10 * digits // len(text), (0, 1, 3)))
    if _TIME.search(text):
        feats.append("time")
    if _YEAR.search(text):
        feats.append("year")
    if _COUNT_PAREN.search(text):
        feats.append("countparen")
    if words <= 16 and parse_dateline(full) is not None:
        feats.append("date")
    ar = arabic_ratio(text)
    feats.append("ar=" + ("0" if ar == 0 else "1" if ar >= 0.9 else "mix"))
    if ar < 0.5 and words:
        caps = len(_LATIN_UPPER_WORD.findall(text))
        feats.append("caps=" + _bucket(10 * caps // max(words, 1), (2, 5, 8)))
    commas = text.count(",") + text.count("،")
    if commas:
        feats.append("commas=" + _bucket(commas, (1, 3)))
    sentences = len(re.findall(r"[.!?؟](?:\s|$)", text))
    if sentences:
        feats.append("sents=" + _bucket(sentences, (1, 2, 4)))
    if chrome:
        feats.append("sitechrome")
    for name, lexicon in _LEXICONS:
        phrase = starts_with_phrase(line, lexicon)
        if phrase is not None:
            feats.append(name + ("=whole" if phrase == line.bare else "=start"))
    if line.words <= 30 and line.title_like:
        feats.append("titlelike")
    return feats


def _extends(a: Line, b: Line) -> bool:
    return len(b.bare) > len(a.bare) > 0 and b.bare.startswith(a.bare) and b.words - a.words <= 4


def _ends_with(a: Line, b: Line) -> bool:
    return len(a.bare) > len(b.bare) > 0 and a.bare.endswith(" " + b.bare)


def line_features(lines: Sequence[Line], rules: Sequence[str], chrome: frozenset[str] = frozenset()) -> list[list[str]]:
    """The CRF features of every line (its own, its position and its neighbours')."""
    n = len(lines)
    counts = Counter(line.key for line in lines)
    own = [_own(line, rule, counts[line.key], line.key in chrome) for line, rule in zip(lines, rules, strict=True)]
    paragraphs = [i for i, line in enumerate(lines) if line.words >= PARAGRAPH_WORDS]
    first_par = paragraphs[0] if paragraphs else n
    last_par = paragraphs[-1] if paragraphs else -1
    longest = max(range(n), key=lambda i: lines[i].words) if n else -1
    out: list[list[str]] = []
    before = 0
    for i in range(n):
        feats = ["bias", *own[i]]
        feats.append("pos=" + _bucket(i, (0, 1, 2, 4, 8, 16, 32)))
        feats.append("rpos=" + _bucket(n - 1 - i, (0, 1, 2, 4, 8, 16, 32)))
        feats.append("rel=" + str(10 * i // max(n, 1)))
        if i < first_par:
            feats.append("blk=before:" + _bucket(first_par - i, (1, 2, 3, 5, 10)))
        elif i > last_par:
            feats.append("blk=after:" + _bucket(i - last_par, (1, 2, 3, 5, 10)))
        else:
            feats.append("blk=inside")
        feats.append("parsbefore=" + _bucket(before, (0, 1, 2, 5)))
        if lines[i].words >= PARAGRAPH_WORDS:
            before += 1
        if i == longest:
            feats.append("longest")
        if i and lines[i - 1].key == lines[i].key:
            feats.append("dupprev")
        if i + 1 < n and _extends(lines[i], lines[i + 1]):
            feats.append("pair=first")  # "X" then "X (credit)": a caption written twice
        if i and _extends(lines[i - 1], lines[i]):
            feats.append("pair=second")
        for j in range(i + 1, min(n, i + 4)):
            if _ends_with(lines[i], lines[j]):
                feats.append("tail=later")  # a breadcrumb ending with the title below it
        for j in range(max(0, i - 3), i):
            if _ends_with(lines[j], lines[i]):
                feats.append("tail=earlier")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                keep = own[j] if abs(offset) == 1 else own[j][:4]
                feats.extend(f"{offset}:{f}" for f in keep)
            else:
                feats.append(f"{offset}:none")
        out.append(feats)
    return out


@cache
def _tagger() -> pycrfsuite.Tagger | None:
    ref = resources.files("marsad.models").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    with resources.as_file(ref) as path:
        tagger.open(str(path))
    return tagger


def model_available() -> bool:
    """True when the trained line-role model ships with the package."""
    return _tagger() is not None


def tag_roles(
    lines: Sequence[Line], rules: Sequence[str], chrome: frozenset[str] = frozenset()
) -> tuple[list[str], list[float]]:
    """The role of every line and its marginal probability (all ``main``, probability 0, when no model ships)."""
    tagger = _tagger()
    if tagger is None or not lines:
        return ["main"] * len(lines), [0.0] * len(lines)
    roles = list(tagger.tag(line_features(lines, rules, chrome)))
    return roles, [tagger.marginal(role, t) for t, role in enumerate(roles)]
