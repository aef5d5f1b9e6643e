"""Split a page's lines into the main article, appended articles, teaser lists, captions and chrome.

Each line first gets a label from its own features (lexicon phrases, photo credits,
length, punctuation, repetition nearby and across pages of the same outlet); a
small state machine then groups lines into articles (``main``, ``appended``) and
``related`` blocks, and captions/chrome inside an article become nested segments.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache

from marsad.lexicons import load
from marsad.model import SegmentKind
from marsad.page.lines import DUP_MAX_WORDS, Line, arabic_ratio, phrase_key, starts_with_phrase
from marsad.page.roles import tag_roles

DUP_WINDOW = 6
CAPTION_MAX_WORDS = 45


class Label(Enum):
    """What one line is, judged on its own and its neighbours."""

    BODY = "body"
    HEADING = "heading"
    CAPTION = "caption"
    BOILER = "boiler"
    DUP = "dup"
    RELATED_OPEN = "related_open"
    TEASER = "teaser"
    APPENDED_OPEN = "appended_open"
    APPENDED_TITLE = "appended_title"
    BULLET = "bullet"


@cache
def _credit_re() -> re.Pattern[str]:
    credits = sorted({phrase_key(c) for c in load("page_credits.txt")}, key=len, reverse=True)
    alt = "|".join(re.escape(c).replace(r"\ ", r"[\s.]*") for c in credits)
    return re.compile(rf"(?:\(\s*(?:{alt})\s*\)|[-–—]\s*(?:{alt}))\s*$")


def is_caption_text(line: Line) -> bool:
    """A short descriptive line ending with a photo credit such as (رويترز) or - أرشيفية."""
    if line.words > CAPTION_MAX_WORDS:
        return False
    bare_end = phrase_key(line.text[-40:])
    key_end = line.key[-40:]
    match = _credit_re().search(key_end) or _credit_re().search(bare_end)
    if not match:
        return False
    before = line.text[: max(0, len(line.text) - (len(key_end) - match.start()))].rstrip()
    return not before.endswith((".", "؟", "!", ":"))


def label_lines(lines: list[Line], known_chrome: frozenset[str] = frozenset()) -> list[Label]:
    """Give each line its label."""
    labels: list[Label] = []
    for i in range(len(lines)):
        labels.append(_label(lines, i, labels, known_chrome))
    _caption_pairs(lines, labels)
    return labels


_TEXT_LABELS = (Label.BODY, Label.HEADING, Label.BULLET)
PARAGRAPH_OVERRIDE = 0.9  # a full paragraph leaves the article only on a confident role
LINE_OVERRIDE = 0.6  # a shorter line on a probable one
_ROLE_LABELS = {"boiler": Label.BOILER, "caption": Label.CAPTION, "related": Label.TEASER}


def classify_lines(
    lines: list[Line], known_chrome: frozenset[str] = frozenset(), learnt: bool = True
) -> tuple[list[Label], list[str]]:
    """Labels and learnt roles of every line (``learnt=False``: the rules alone, every role ``main``).

    The rules label each line first (lexicon phrases, credits, menus, repetition); the
    line-role model (:mod:`marsad.page.roles`), which reads those labels among its
    features, then decides the lines the rules left as article text: navigation, widgets,
    footers, teasers and captions that no phrase names become chrome, teasers or captions,
    and the first line of an appended article opens it. A line changes only when the model
    is confident enough (marginal probability ``LINE_OVERRIDE``, ``PARAGRAPH_OVERRIDE`` for
    a full paragraph).
    """
    labels = label_lines(lines, known_chrome)
    if not learnt:
        return labels, ["main"] * len(lines)
    roles, confidence = tag_roles(lines, [label.value for label in labels], known_chrome)
    listed = False  # after a teaser list the rules opened, the rules decide where appended articles start
    for i, (label, role) in enumerate(zip(labels, roles, strict=True)):
        listed = listed or label is Label.RELATED_OPEN
        needed = PARAGRAPH_OVERRIDE if lines[i].is_paragraph else LINE_OVERRIDE
        if label not in _TEXT_LABELS or confidence[i] < needed:
            continue
        if role in _ROLE_LABELS and not (listed and role == "related"):
            labels[i] = _ROLE_LABELS[role]
        elif role == "appended" and not listed and any(r in ("title", "main") for r in roles[:i]):
            opened = i > 0 and labels[i - 1] is Label.APPENDED_OPEN
            if not opened:
                labels[i] = Label.APPENDED_TITLE if lines[i].title_like else Label.APPENDED_OPEN
    _related_lists(labels, roles)
    return labels, roles


def _related_lists(labels: list[Label], roles: list[str]) -> None:
    """A run of two or more teaser lines after the article, with no article text after it, opens a teaser list."""
    started = False
    i = 0
    while i < len(roles):
        if roles[i] in ("title", "main"):
            started = True
        if not (started and labels[i] is Label.TEASER and roles[i] == "related"):
            i += 1
            continue
        end = i
        while end + 1 < len(roles) and (roles[end + 1] in ("related", "boiler")):
            end += 1
        run = sum(1 for r in roles[i:end + 1] if r == "related")
        later = next((r for r in roles[end + 1:] if r in ("main", "appended", "title")), None)
        if run >= 2 and later != "main" and not any(lb is Label.RELATED_OPEN for lb in labels[i:end + 1]):
            labels[i] = Label.RELATED_OPEN
        i = end + 1


def outer_kind(label: Label) -> SegmentKind:
    """The segment kind of a line that is not article text."""
    if label is Label.CAPTION:
        return "caption"
    if label in (Label.TEASER, Label.BULLET, Label.RELATED_OPEN, Label.APPENDED_TITLE):
        return "related"
    return "boilerplate"


def _label(lines: list[Line], i: int, labels: list[Label], known_chrome: frozenset[str]) -> Label:
    line = lines[i]
    if line.key in known_chrome:
        return Label.BOILER
    for j in range(max(0, i - DUP_WINDOW), i):
        if lines[j].key == line.key and line.words <= DUP_MAX_WORDS:
            return Label.CAPTION if is_caption_text(line) else Label.DUP
    related = starts_with_phrase(line, "page_related.txt")
    if related is not None:
        return Label.RELATED_OPEN if line.bare == related else Label.TEASER
    appended = starts_with_phrase(line, "page_appended.txt")
    if appended is not None:
        return Label.APPENDED_OPEN if line.bare == appended else Label.TEASER
    boiler = starts_with_phrase(line, "page_boilerplate.txt")
    if boiler is not None and (" " in boiler or line.words <= 4):
        return Label.BOILER
    if i > 0 and labels[i - 1] is Label.BOILER and line.words <= 4 and not line.ends_sentence:
        prev = starts_with_phrase(lines[i - 1], "page_boilerplate.txt")
        if prev is not None and lines[i - 1].bare == prev:
            return Label.BOILER  # the name under a masthead line such as "رئيس التحرير"
    if _is_masthead(lines, i, labels) or _is_menu(line):
        return Label.BOILER
    if line.words <= 6 and arabic_ratio(line.text) < 0.5:
        return Label.BOILER
    if is_caption_text(line):
        return Label.CAPTION
    if line.is_bullet and not line.is_body:
        return Label.BULLET
    return Label.BODY if line.is_body else Label.HEADING


MASTHEAD_MAX_WORDS = 6
MASTHEAD_MAX_LINE = 5


_MENU_SEPARATORS = re.compile(r"\s*(?:\||›|>|/|•|·)\s*")
MENU_ITEM_WORDS = 3


def _is_menu(line: Line) -> bool:
    """A navigation bar or breadcrumb: three or more short items between separators (الرئيسية › أخبار › سياسة)."""
    if line.ends_sentence:
        return False
    items = [x for x in _MENU_SEPARATORS.split(line.text) if x.strip()]
    return len(items) >= 3 and all(len(x.split()) <= MENU_ITEM_WORDS and any(c.isalpha() for c in x) for x in items)


@cache
def _masthead_heads() -> frozenset[str]:
    return frozenset(phrase_key(h) for h in load("page_masthead.txt"))


def _is_masthead(lines: list[Line], i: int, labels: list[Label]) -> bool:
    """The site's own name at the very top of the page ("موقع البوصلة | أخبار ...")."""
    line = lines[i]
    if i > MASTHEAD_MAX_LINE or any(label in (Label.BODY, Label.HEADING) for label in labels):
        return False
    first = line.bare.split(" ", 1)[0]
    return first in _masthead_heads() and (line.words <= MASTHEAD_MAX_WORDS or "|" in line.text) and not line.ends_sentence


def _caption_pairs(lines: list[Line], labels: list[Label]) -> None:
    """A short line repeated at once with a credit after it ("X،" then "X، فيتو") is a caption pair."""
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if labels[i] is not Label.HEADING or labels[i + 1] is not Label.HEADING:
            continue
        stem = a.bare
        if stem and b.bare.startswith(stem) and 0 < b.words - a.words <= 3:
            labels[i] = labels[i + 1] = Label.CAPTION


Region = tuple[str, int] | None


def assign_regions(
    lines: list[Line], labels: list[Label], title_key: str | None = None, roles: list[str] | None = None
) -> list[Region]:
    """Give each line the article or teaser block it belongs to (None for page chrome outside them).

    ``title_key`` is the key of the title the container gave (HTML, JSON records):
    that line opens the main article however short it is. With the learnt ``roles``, a
    byline or dateline above the title does not open the main article (the title does).
    """
    titled = roles is not None and "title" in roles
    regions: list[Region] = []
    state = "header"
    current: Region = None
    counter = {"appended": 0, "related": 0}

    def new(kind: str) -> Region:
        counter[kind] += 1
        return (kind, counter[kind])

    for i, label in enumerate(labels):
        if label is Label.RELATED_OPEN:
            state, current = "related", new("related")
            regions.append(current)
            continue
        if label is Label.APPENDED_OPEN:
            state, current = "pending", None
            regions.append(None)
            continue
        if label is Label.APPENDED_TITLE and state != "header":
            state, current = "article", new("appended")
            regions.append(current)
            continue
        if state == "header":
            if titled and roles is not None and roles[i] in ("byline", "dateline"):
                regions.append(None)
            elif label in (Label.BODY, Label.APPENDED_TITLE) or (label is Label.HEADING and (lines[i].words >= 3 or lines[i].key == title_key)):
                state, current = "article", ("main", 0)
                regions.append(current)
            else:
                regions.append(None)
            continue
        if state == "pending":
            if label in (Label.BODY, Label.HEADING):
                state, current = "article", new("appended")
                regions.append(current)
            else:
                regions.append(None)
            continue
        if state == "related" and lines[i].is_paragraph and not lines[i].is_bullet and _paragraph_run(lines, labels, i):
            article = new("appended")
            start = _title_index(lines, labels, regions, i, current)
            for j in range(start, i):
                regions[j] = article
            state, current = "article", article
        regions.append(current)
    return regions


def _paragraph_run(lines: list[Line], labels: list[Label], i: int) -> bool:
    """True when line ``i`` starts two full paragraphs in a row (captions and chrome between allowed).

    A teaser list alternates titles and one-paragraph summaries; an appended article
    has consecutive paragraphs.
    """
    paragraphs = 0
    for line, label in zip(lines[i:], labels[i:], strict=True):
        if label is Label.BODY and line.is_paragraph and not line.is_bullet:
            paragraphs += 1
            if paragraphs >= 2:
                return True
        elif label not in (Label.CAPTION, Label.BOILER, Label.DUP):
            return False
    return False


def _title_index(lines: list[Line], labels: list[Label], regions: list[Region], i: int, region: Region) -> int:
    """Index of the first occurrence of the heading that titles the article starting at line ``i``."""
    for j in range(i - 1, -1, -1):
        if regions[j] != region or labels[j] is Label.BODY:
            return i
        if labels[j] in (Label.HEADING, Label.DUP):
            key = lines[j].key
            first = j
            for k in range(j - 1, -1, -1):
                if regions[k] != region or labels[k] is Label.BODY:
                    break
                if lines[k].key == key:
                    first = k
            return first
    return i
