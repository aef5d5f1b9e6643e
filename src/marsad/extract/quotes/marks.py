"""Pairing of quotation marks: «», “”, "" and ″, across sentences and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.clitics import CLITIC_LETTERS

_GUILLEMET_OPEN = "«"
_GUILLEMET_CLOSE = "»"
_DOUBLE = "“”\"″"
_BEFORE_OPEN = ":،,؛;(«[-–"
_REVERSED_OPEN = "»”"  # closing marks that open when written right after a colon
_MAX_PARAGRAPHS = 8
_REVERSED_REACH = 40  # how far a « between spaces may come after the « it closes, in characters
# the characters find_marked acts on (every other one is passed over)
_ACTED_ON = re.compile("[\n" + re.escape(_GUILLEMET_OPEN + _GUILLEMET_CLOSE + _DOUBLE) + "]")


@dataclass(frozen=True)
class Marked:
    """A quoted stretch: the offsets of its opening and closing marks and of the words between them."""

    open: int
    close: int
    start: int
    end: int
    closed: bool


def find_marked(text: str, start: int, end: int) -> list[Marked]:
    """Pair the quotation marks of ``text[start:end]`` into quoted stretches (outermost and nested).

    A straight or curly double mark opens when it follows a space, a start, punctuation or
    a one-letter proclitic (لـ"الوطن") and closes when it follows a word; “ always opens; a mark
    between spaces, or glued to the words on both sides, opens unless one is open (" نص "، قال"نص").
    A stretch left open runs to the end of its paragraph.
    """
    out: list[Marked] = []
    stack: list[tuple[int, str, int]] = []  # (offset, family, paragraph)
    paragraph = 0
    for found in _ACTED_ON.finditer(text, start, end):
        i, ch = found.start(), found.group()
        if ch == "\n":
            paragraph += 1
            _close_stale(text, stack, out, i, paragraph)
            continue
        if ch in _REVERSED_OPEN and _after_colon(text, i, start) and i + 1 < end and text[i + 1] != "\n":
            # a closing mark after a colon opens the words said, written the wrong way («وقال:» لا عمالة ...»، «وقال :”
            # أيها المسلم ...»); a stretch of its family left open before it ends here (or with its own paragraph)
            family = "g" if ch == _GUILLEMET_CLOSE else "d"
            _end_open(text, stack, out, family, i, paragraph)
            stack.append((i, family, paragraph))
        elif ch == _GUILLEMET_OPEN:
            if _reversed_close(text, i, end, stack, paragraph):
                _pop(text, stack, out, "g", i)  # «فريق «8 مارس « وقام ...»: a closing mark written the wrong way
            else:
                stack.append((i, "g", paragraph))
        elif ch == _GUILLEMET_CLOSE:
            _pop(text, stack, out, "g", i)
        elif ch in _DOUBLE:
            open_double = any(f == "d" for _, f, _ in stack)
            if ch == "“" or _opens(text, i, start, end, open_double) or (
                    not open_double and _closes_next(text, i, end)):
                stack.append((i, "d", paragraph))
            else:
                _pop(text, stack, out, "d", i)
    while stack:
        pos, _, _ = stack.pop()
        out.append(_unclosed(text, pos, end))
    return sorted((m for m in out if m.end > m.start), key=lambda m: (m.open, -m.close))


def _after_colon(text: str, i: int, start: int) -> bool:
    """True when the mark at ``i`` comes right after a colon (a space between them allowed)."""
    k = i - 1
    if k >= start and text[k] == " ":
        k -= 1
    return k >= start and text[k] == ":"


def _end_open(text: str, stack: list[tuple[int, str, int]], out: list[Marked], family: str, at: int,
              paragraph: int) -> None:
    """End the innermost open stretch of ``family``, unclosed: at ``at`` in the same paragraph, else with its own
    paragraph (the words after «وقال : ”» run to its end when no mark closes them)."""
    k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == family), None)
    if k is None:
        return
    pos, _, para = stack[k]
    del stack[k:]
    out.append(_marked(text, pos, at, False) if para == paragraph else _unclosed(text, pos, at))


def _reversed_close(text: str, i: int, end: int, stack: list[tuple[int, str, int]], paragraph: int) -> bool:
    """True when the « at ``i``, followed by a space, closes the « opened shortly before it in its paragraph
    («لا تتم وفق شعار «الحكومة قوية « ، هذا ...»، «مرشح فريق «8 مارس « وقام»)."""
    if i + 1 >= end or text[i + 1] not in " \t" or not stack or stack[-1][1] != "g" or stack[-1][2] != paragraph:
        return False
    return i - stack[-1][0] <= _REVERSED_REACH


def _opens(text: str, i: int, start: int, end: int, open_double: bool) -> bool:
    """True when the straight or closing-curly mark at ``i`` opens a stretch.

    A mark before a space closes the open one; with none open, a mark between spaces (« " نص " ») opens.
    """
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if nxt.isspace() and text[i] != "“":
        return not open_double and (prev.isspace() or prev in _BEFORE_OPEN) and nxt != "\n"
    if prev.isspace() or prev in _BEFORE_OPEN:
        return True
    if not open_double and prev.isalpha() and nxt.isalpha():
        return True  # glued on both sides with none open: «وقال العلي"نحن مستعدون"» opens
    before = text[i - 2] if i - 1 > start else " "
    return prev in CLITIC_LETTERS and (before.isspace() or before in _BEFORE_OPEN)


def _closes_next(text: str, i: int, end: int) -> bool:
    """True when the straight mark at ``i``, written after a word with none open, is followed in its paragraph by a
    mark that closes too («وقال" تلقينا الموافقة ... والشباب".»): the first one is the opening mark, glued the
    wrong way."""
    if text[i] != '"' or i + 1 >= end or not text[i + 1].isspace() or text[i + 1] == "\n":
        return False
    nl = text.find("\n", i, end)
    nxt = text.find('"', i + 1, end if nl < 0 else nl)
    if nxt < 0:
        return False
    after = text[nxt + 1] if nxt + 1 < end else " "
    return text[nxt - 1].isalpha() and not after.isalpha()


def _pop(text: str, stack: list[tuple[int, str, int]], out: list[Marked], family: str, close: int) -> None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][1] == family:
            pos = stack[k][0]
            del stack[k:]
            out.append(_marked(text, pos, close, True))
            return


def _close_stale(text: str, stack: list[tuple[int, str, int]], out: list[Marked], nl: int, paragraph: int) -> None:
    while stack and paragraph - stack[-1][2] > _MAX_PARAGRAPHS:
        pos, _, _ = stack.pop()
        out.append(_unclosed(text, pos, nl))


def _unclosed(text: str, pos: int, end: int) -> Marked:
    nl = text.find("\n", pos, end)
    stop = end if nl < 0 else nl
    return _marked(text, pos, stop, False)


def _marked(text: str, open_: int, close: int, closed: bool) -> Marked:
    s, e = open_ + 1, close
    while s < e and (text[s].isspace() or text[s] in "ـ"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Marked(open_, close, s, e, closed)
