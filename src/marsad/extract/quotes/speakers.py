"""Speakers: the description after a cue, the name inside it, and its resolution.

A description is resolved in this order: an entity mention inside it (once NER has
run), an anaphor (الوزارة، المصدر نفسه، الوزير الروسي) to the latest speaker with the
same head, a bare surname to the earlier full name, a role without a name to the
name written after that role elsewhere in the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.extract.quotes.lexicon import QuoteLexicon
from marsad.model import Document, Mention, Span
from marsad.text.normalize import Normalized, normalize
from marsad.text.tokens import Token, tokenize

_MAX_NAME = 4


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the text naming it, its entity id if known, and its description's heads."""

    span: Span
    entity: str | None
    heads: frozenset[str]


@dataclass
class SpeakerMemory:
    """The speakers met so far in one document, with the paragraph each was met in."""

    items: list[tuple[int, Speaker]] = field(default_factory=list)

    def add(self, paragraph: int, speaker: Speaker) -> None:
        """Remember ``speaker`` as the latest one (met in ``paragraph``)."""
        self.items.append((paragraph, speaker))

    def latest(self, paragraph: int, reach: int = 2) -> Speaker | None:
        """The latest speaker met in ``paragraph`` or up to ``reach`` paragraphs before it."""
        if self.items and paragraph - self.items[-1][0] <= reach:
            return self.items[-1][1]
        return None

    def with_head(self, head: str) -> Speaker | None:
        """The latest speaker whose description had ``head`` (a clitic-stripped key)."""
        for _, speaker in reversed(self.items):
            if head in speaker.heads:
                return speaker
        return None

    def with_surname(self, key: str) -> Speaker | None:
        """The latest speaker with a longer name ending in ``key``."""
        for _, speaker in reversed(self.items):
            words = speaker.span.text.split()
            if len(words) > 1 and _bare(words[-1]) == key:
                return speaker
        return None


@dataclass
class Resolver:
    """Turns subject tokens into a :class:`Speaker` for one document."""

    doc: Document
    lex: QuoteLexicon
    memory: SpeakerMemory = field(default_factory=SpeakerMemory)
    _norm: Normalized | None = None

    def resolve(self, words: list[Token], paragraph: int, zone: list[Token] | None = None) -> Speaker | None:
        """Resolve a description (``words``; ``zone`` is every token up to the quote) or inherit one."""
        words = [t for t in words if t.is_word or t.key in "\"'"]
        while words and not words[-1].is_word:
            words.pop()
        while words and not words[0].is_word:
            words.pop(0)
        if not words:
            return self.memory.latest(paragraph)
        heads = frozenset(_bare(t.key) for t in words)
        mention = self._mention(words, zone)
        if mention is not None:
            return Speaker(Span(mention.start, mention.end, mention.text), mention.entity, heads)
        if self._anaphoric(words):
            earlier = self.memory.with_head(_bare(words[0].key))
            if earlier is not None:
                return earlier
        name = self._name(words, zone)
        if name is not None:
            return self._speaker(name, heads)
        if len(words) == 1 and not words[0].key.startswith("ال") and self.lex.role(words[0].key) is None:
            earlier = self.memory.with_surname(words[0].key)
            if earlier is not None:
                return earlier
            full = self._full_name(words[0])
            if full is not None:
                return self._speaker(full, heads)
        if self._role_only(words):
            named = self._named_elsewhere(words)
            if named is not None:
                return self._speaker(named, heads)
            earlier = self.memory.with_head(_bare(words[0].key))
            if earlier is not None and self._anaphoric(words):
                return earlier
        return self._speaker(words, heads)

    def _speaker(self, words: list[Token], heads: frozenset[str]) -> Speaker:
        start, end = words[0].start, words[-1].end
        return Speaker(self.doc.span(start, end), self.entity_at(start, end), heads)

    def entity_at(self, start: int, end: int) -> str | None:
        """The entity id of a mention overlapping ``[start, end)``, if NER has linked one."""
        for m in self.doc.mentions:
            if m.entity is not None and m.start < end and start < m.end:
                return m.entity
        return None

    def _mention(self, words: list[Token], zone: list[Token] | None) -> Mention | None:
        if not self.doc.mentions:
            return None
        start, end = words[0].start, words[-1].end
        if zone:
            end = max(end, zone[-1].end)
        inside = [m for m in self.doc.mentions if start <= m.start and m.end <= end and m.type in ("PER", "ORG")]
        people = [m for m in inside if m.type == "PER" and m.start < words[-1].end + 1]
        if people:
            return people[-1]
        orgs = [m for m in inside if m.end <= words[-1].end]
        return orgs[0] if orgs and len(orgs[0].text) * 2 >= len(self.doc.text[start:words[-1].end]) else None

    def _anaphoric(self, words: list[Token]) -> bool:
        first = words[0].key
        if self.lex.role(first) is None:
            return False
        if any(self.lex.role(t.key) == "anaphor" for t in words[1:]):
            return True
        return first.startswith("ال") and all(t.key.startswith("ال") for t in words)

    def _role_only(self, words: list[Token]) -> bool:
        return self.lex.role(words[0].key) == "person" and not any(self._namey(t) for t in words[1:])

    def _namey(self, tok: Token) -> bool:
        key = tok.key
        return (
            tok.is_word
            and not key.startswith("ال")
            and not key.startswith("لل")
            and self.lex.role(key) is None
            and key not in self.lex.stops
            and key not in ("باسم", "بن", "ابن", "عن", "نقلا")
        ) or key in ("بن", "ابن")

    def _name(self, words: list[Token], zone: list[Token] | None) -> list[Token] | None:
        """A personal name inside a role description: 'الأمريكي جون كيربي' or 'يوري أوشاكوف المستشار'."""
        pools = [words] + ([zone] if zone and len(zone) > len(words) else [])
        for pool in pools:
            while pool and not pool[-1].is_word:
                pool = pool[:-1]
            run = _tail_run(pool, self._namey)
            if 2 <= len(run) <= _MAX_NAME and len(run) < len(pool):
                before = pool[len(pool) - len(run) - 1]
                if before.key.startswith("ال") or self.lex.role(before.key) == "person":
                    return run
        lead = _head_run(words, self._namey)
        if 2 <= len(lead) <= _MAX_NAME and len(lead) < len(words):
            after = words[len(lead)]
            if after.key.startswith("ال") or self.lex.role(after.key) == "person" or after.key == "احد":
                return lead
        return None

    def _full_name(self, word: Token) -> list[Token] | None:
        """The earlier 'First Surname' of a bare surname, found in the text before it."""
        toks = tokenize(self.doc.text, 0, word.start)
        key = word.key
        for i in range(1, len(toks)):
            if toks[i].key == key and self._namey(toks[i - 1]) and toks[i - 1].key != key:
                j = i - 1
                while j > 0 and self._namey(toks[j - 1]) and i - j < _MAX_NAME - 1:
                    j -= 1
                if j > 0 and (toks[j - 1].key.startswith("ال") or self.lex.role(toks[j - 1].key)):
                    return toks[j: i + 1]
        return None

    def _named_elsewhere(self, words: list[Token]) -> list[Token] | None:
        """The name written right after the same role phrase elsewhere in the document."""
        if self._norm is None:
            self._norm = normalize(self.doc.text)
        norm = self._norm
        phrase = " ".join(t.key for t in words)
        pos = norm.text.find(phrase)
        while pos >= 0:
            _, end = norm.to_original(pos, pos + len(phrase))
            follow = tokenize(self.doc.text, end, min(len(self.doc.text), end + 80))
            run = _head_run(follow, self._namey)
            if 2 <= len(run) <= _MAX_NAME and self.doc.text[end:run[0].start].strip() == "":
                return run
            pos = norm.text.find(phrase, pos + 1)
        return None


def _tail_run(tokens: list[Token], ok: Callable[[Token], bool]) -> list[Token]:
    i = len(tokens)
    while i > 0 and ok(tokens[i - 1]):
        i -= 1
    return tokens[i:]


def _head_run(tokens: list[Token], ok: Callable[[Token], bool]) -> list[Token]:
    i = 0
    while i < len(tokens) and ok(tokens[i]):
        i += 1
    return tokens[:i]


def _bare(key: str) -> str:
    """A key without its article and و/ف/ب/ل clitics (heads compare on it)."""
    for pre in ("وال", "فال", "بال", "لل", "ال"):
        if key.startswith(pre) and len(key) - len(pre) >= 2:
            return key[len(pre):]
    return key
