"""Sentence splitting that survives abbreviations (أ.ف.ب, د.) and quotes spanning sentences."""

from __future__ import annotations

import re

from marsad.model import Span

_OPEN = {"«": "»", "“": "”", "„": "”"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_ENDERS = ".!?؟…"
# A dot preceded by a lone letter (أ.ف.ب، د. محمد، U.S.) does not end a sentence.
_ABBREV = re.compile(r"(?:^|[\s(«\"“.])\w$")
_PARA = re.compile(r"\n\s*\n|\n")
# every character the line splitter acts on: quote marks and sentence enders
_MARK = re.compile("[" + re.escape("".join(_OPEN) + "".join(_CLOSE) + '"' + _ENDERS) + "]")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans (offsets into ``text``).

    Newlines always end a sentence; ``. ! ? ؟ …`` end one unless they close an
    abbreviation, sit inside a number, or fall inside an open «» or “” quote
    that closes later on the same line.
    """
    stop = len(text) if end is None else end
    spans: list[Span] = []
    for line_start, line_end in _lines(text, start, stop):
        spans.extend(_split_line(text, line_start, line_end))
    return spans


def _lines(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in _PARA.finditer(text, start, stop):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, stop))
    return out


def _split_line(text: str, start: int, stop: int) -> list[Span]:
    spans: list[Span] = []
    depth = 0
    straight_open = False
    sent_start = start
    i = start
    while i < stop:
        found = _MARK.search(text, i, stop)  # skip to the next quote mark or sentence ender
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch == '"':
            straight_open = not straight_open
        elif ch in _ENDERS and not _is_abbreviation(text, i, start) and not _in_number(text, i, stop):
            j = i + 1
            while j < stop and text[j] in _ENDERS + "»”\")":
                j += 1
            if (depth == 0 and not straight_open) or not _closes_later(text, j, stop):
                _add(spans, text, sent_start, j)
                sent_start = j
                depth = 0
                straight_open = False
            i = j
            continue
        i += 1
    _add(spans, text, sent_start, stop)
    return spans


def _is_abbreviation(text: str, i: int, line_start: int) -> bool:
    if text[i] != ".":
        return False
    before = text[max(line_start, i - 2): i]
    return bool(_ABBREV.search(before))


def _in_number(text: str, i: int, stop: int) -> bool:
    return text[i] == "." and i > 0 and text[i - 1].isdigit() and i + 1 < stop and text[i + 1].isdigit()


def _closes_later(text: str, pos: int, stop: int) -> bool:
    rest = text[pos:stop]
    return any(c in rest for c in "»”\"")


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))
