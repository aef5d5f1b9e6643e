"""One stretch of article text prepared for the quote scan: tokens, paragraphs, sentences, quoted stretches."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, compress, count
from operator import add, attrgetter, mul, or_

from marsad.extract.quotes.lexicon import QuoteLexicon
from marsad.extract.quotes.marks import Marked, find_marked
from marsad.extract.quotes.speakers import Resolver, Speaker
from marsad.model import QuoteKind, Span
from marsad.text.tokens import Token

ENDERS = frozenset(".!?؟…")
COMMAS = frozenset("،,؛;")
_TEXT, _START, _END = attrgetter("text"), attrgetter("start"), attrgetter("end")


@dataclass
class Found:
    """A quote found in a piece, before it becomes a :class:`marsad.model.Quote`."""

    start: int
    end: int
    kind: QuoteKind
    cue: Span
    speaker: Speaker
    via: list[Span] = field(default_factory=list)


@dataclass
class PieceText:
    """One stretch of article text with its tokens, sentences and quoted stretches."""

    text: str
    start: int
    end: int
    paragraph0: int
    lex: QuoteLexicon
    resolver: Resolver
    tokens: list[Token]
    marks: list[Marked] = field(init=False)
    found: list[Found] = field(default_factory=list)

    def __post_init__(self) -> None:
        # the dot of an initial or an abbreviated title (أوضح د. الزهراني أن، المتحدث ن.ن. كول) ends no sentence
        texts = list(map(_TEXT, self.tokens))
        dots = {k for k in compress(count(), map(".".__eq__, texts)) if _initial_dot(self.text, self.tokens, k)}
        if dots:
            self.tokens = [t for k, t in enumerate(self.tokens) if k not in dots]
            texts = list(map(_TEXT, self.tokens))
        self.marks = find_marked(self.text, self.start, self.end)
        self._starts = list(map(_START, self.tokens))
        self._open: dict[int, Marked] = {}
        for m in self.marks:
            if m.open not in self._open or m.close > self._open[m.open].close:
                self._open[m.open] = m
        # Per token: its paragraph (one more after each gap holding a newline), its sentence (one more after such a
        # gap and one more after a sentence mark) and its sentence's first token (where the sentence number
        # changes), summed over flags rather than stepped through token by token.
        n = len(self.tokens)
        # a newline in the gap before each token (none before the first): each newline between the first token and
        # the last lies in the gap before the first token starting after it (no token holds one); the token before
        # is a sentence mark
        newline = [False] * n
        if n:
            stop = self.tokens[-1].end
            at = self.text.find("\n", self._starts[0], stop)
            while at >= 0:
                newline[bisect_left(self._starts, at)] = True
                at = self.text.find("\n", at + 1, stop)
        after_mark = [False, *map(ENDERS.__contains__, texts[:-1])][:n]
        self._para: list[int] = list(accumulate(newline, initial=self.paragraph0))[1:]
        self._sent: list[int] = list(accumulate(map(add, newline, after_mark)))
        opens = [True, *map(or_, newline[1:], after_mark[1:])][:n]
        self._sentence_start: list[int] = list(accumulate(map(mul, opens, range(n)), max))
        self._pending_via: dict[int, list[Span]] = {}

    @cached_property
    def _closes(self) -> frozenset[int]:
        """The offsets of the marks closing the piece's quoted stretches (built once, when first asked)."""
        return frozenset(m.close for m in self.marks)

    @property
    def last_paragraph(self) -> int:
        """The number of the piece's last paragraph (counted from the document's first article paragraph)."""
        return self._para[-1] if self._para else self.paragraph0

    def index(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset``."""
        return bisect_left(self._starts, offset)

    def mark_at(self, i: int) -> Marked | None:
        """The quoted stretch opened by token ``i``, if it is an opening mark."""
        return self._open.get(self.tokens[i].start) if i < len(self.tokens) else None

    def ends_sentence(self, i: int) -> bool:
        """True when token ``i`` ends a sentence or the next token starts a new line."""
        if self.tokens[i].text in ENDERS:
            return True
        return i + 1 < len(self.tokens) and self._para[i + 1] != self._para[i]

    def _words(self, m: Marked) -> int:
        """How many words a quoted stretch holds."""
        return sum(1 for t in self.tokens[self.index(m.start):self.index(m.end)] if t.is_word)

    def _span(self, toks: list[Token]) -> Span:
        start, end = toks[0].start, toks[-1].end
        return Span(start, end, self.text[start:end])

    def _sentence_end(self, k: int) -> int:
        """The end offset of the words of the sentence holding token ``k``."""
        j = k
        while j + 1 < len(self.tokens) and not self.ends_sentence(j):
            j += 1
        while j > k and not self.tokens[j].is_word:
            j -= 1
        return self.tokens[min(j, len(self.tokens) - 1)].end

    def _is_channel(self, span: Span) -> bool:
        """True when a relaying phrase names a channel (agency, outlet, platform, statement, interview)."""
        return self.lex.is_channel([t.key for t in self.tokens[self.index(span.start):self.index(span.end)] if t.is_word])


def _initial_dot(text: str, tokens: list[Token], k: int) -> bool:
    """True when token ``k`` is a dot written right after one letter or dotted letters (د.، م.، ن.ن.) with a word
    after it on the same line: an abbreviation, not a sentence end."""
    if tokens[k].text != "." or k == 0 or k + 1 >= len(tokens):
        return False
    prev, nxt = tokens[k - 1], tokens[k + 1]
    letters = prev.text.split(".")
    return (prev.is_word and prev.end == tokens[k].start and all(len(part) == 1 and part.isalpha() for part in letters)
            and nxt.is_word and "\n" not in text[tokens[k].end:nxt.start])
