"""Who a cue's subject is: the words between a cue and its quote, before it, or the sentence's actor; the channel."""

from __future__ import annotations

from marsad.extract.quotes.marks import Marked
from marsad.extract.quotes.openers import FA_INNA, RELATIVES, Openers
from marsad.extract.quotes.piece import COMMAS, ENDERS
from marsad.extract.quotes.speakers import Speaker
from marsad.model import Span
from marsad.text.tokens import Token

PRONOUN_OBJECTS = frozenset({
    "عليه", "عليها", "عليهم", "فيه", "فيها", "له", "لها", "لهم", "عنه", "عنها", "منه", "منها", "ذلك", "هذا", "هذه",
})
CHAIN = frozenset({"نقلا", "نقلاً"})
GOVERNORS = frozenset({
    "الي", "علي", "من", "في", "عن", "مع", "ضد", "دون", "بدون", "بين", "عند", "لدي", "حول", "نحو", "تجاه", "بحق",
    "ونظيره", "نظيره", "بنظيره", "مثل", "و",
})
WAS = frozenset({"كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا"})


class Subjects(Openers):
    """A piece that finds the subjects and channels of cues."""

    def _subject(self, zone: list[Token]) -> tuple[list[Token], list[Token]]:
        """Split the tokens between a cue and its quote into (speaker words, relaying words)."""
        while zone and zone[0].key in PRONOUN_OBJECTS:
            zone = zone[1:]
        for c in range(len(zone) - 1):
            if zone[c].key in CHAIN and zone[c + 1].key == "عن":
                return self._cut(zone[c + 2:]), self._cut(zone[:c])
        return self._cut(zone), []

    def _cut(self, zone: list[Token]) -> list[Token]:
        out: list[Token] = []
        depth: Marked | None = None
        for tok in zone:
            if depth is not None:
                out.append(tok)
                if tok.start >= depth.close:
                    depth = None
                continue
            m = self._open.get(tok.start)
            if m is not None:
                if any(t.is_word for t in out) and self.tokens[self.index(tok.start) - 1].key not in self.lex.name_heads:
                    break
                depth = m
                out.append(tok)
                continue
            if tok.text in COMMAS or tok.text in ENDERS or tok.text == ":" or tok.text == "(":
                break
            named = tok.key == "علي" and any(  # علي الأحمدي: a first name, not the preposition على
                m.type == "PER" and (m.start == tok.start or (m.start > tok.end and not self.text[tok.end:m.start].strip()))
                for m in self.resolver.doc.mentions)
            if (tok.key in self.lex.stops and not named) or tok.key.startswith("لل") or self.lex.cue(tok.key) is not None:
                break
            if out and tok.key[:1] == "ل" and self.lex.channel_at([tok.key]):
                break  # الوزير لتلفزيون ...: the channel the words were said to
            if (tok.key in self.lex.complementizers and tok.key not in FA_INNA) or tok.key in RELATIVES:
                break
            out.append(tok)
        return out

    def _before_verb(self, i: int) -> list[Token]:
        """The subject of 'وكان X قد قال', 'وكانت تقارير قالت' or 'X الذي قال': the words before the verb."""
        if i > 1 and self.tokens[i - 1].key in RELATIVES:
            run: list[Token] = []
            j = i - 2
            while j >= 0 and self.tokens[j].is_word and len(run) < 4 and self.tokens[j].key not in self.lex.stops:
                run.insert(0, self.tokens[j])
                if not self.tokens[j].key.startswith("ال"):
                    break
                j -= 1
            first = run[0].key if run else ""
            named = bool(run) and self.resolver.person_in(run[0].start, run[-1].end) is not None
            if (first.startswith(("ال", "لل", "بال")) or len(run) > 1) and self.lex.role(first) is None and not named:
                return []
            return run
        if self.tokens[i].key[:1] in "يت" and self.tokens[i].key in self.lex.cues:
            run = []
            j = i - 1
            while j >= 0 and len(run) < 3 and self.tokens[j].is_word and self._sent[j] == self._sent[i] \
                    and self.tokens[j].key not in self.lex.complementizers and self.tokens[j].key not in self.lex.stops:
                run.insert(0, self.tokens[j])
                j -= 1
            # «غير ان المراقبين يؤكدون ان ...»: a group or a role before a present-tense cue is its subject
            if run and self.lex.role(run[0].key) in ("group", "body", "person"):
                return run
        if self.tokens[i].key not in self.lex.cues:
            return []
        lo = max(0, i - 10)
        for j in range(i - 1, lo - 1, -1):
            tok = self.tokens[j]
            if tok.text in ENDERS or self._sent[j] != self._sent[i]:
                return []
            if tok.key in WAS:
                between = [t for t in self.tokens[j + 1:i] if t.key not in ("قد",)]
                return self._cut([t for t in between if t.text not in COMMAS]) if between else []
        return []

    def _subjectless(self, i: int, types: tuple[str, ...] = ("PER",)) -> Speaker | None:
        """The speaker of a cue without a subject: the person the sentence is about when no speaker was met in
        that sentence ('بدوره، أعاد بوتين التذكير ...، وقال: «...»'); when no speaker was met in the paragraph
        at all, the person an earlier sentence of the paragraph is about ('وظهر كيري ... وقال إنه'); else None
        (the latest speaker then).  A dateline before a colon or a dash, and quoted words, are never searched."""
        s0 = i
        while s0 > 0 and self._sent[s0 - 1] == self._sent[i]:
            s0 -= 1
        for j in range(i - 1, s0 - 1, -1):
            if self.tokens[j].text in (":", "-", "–"):
                s0 = j + 1
                break
        lo, here = self.tokens[s0].start, self.tokens[i].start
        latest = self.resolver.memory.latest(self._para[i], 0)
        if latest is not None and any(lo <= f.start < here for f in self.found):
            return None
        person = self._actor(lo, here, types)
        if person is None and types == ("PER",):
            person = self._intervening(s0, i)
        return person

    def _intervening(self, s0: int, i: int) -> Speaker | None:
        """The person an earlier sentence (of this paragraph or the one before) is about, when no quote came after it:
        «وقال X ...» then «لكن Y قرر ...» then «وقال:» — Y, not X (with no speaker met yet, the paragraph's actor)."""
        p0 = s0
        while p0 > 0 and self._para[p0 - 1] >= self._para[i] - 1:  # this paragraph and the one before
            p0 -= 1
        last_quote = max((f.end for f in self.found if f.end <= self.tokens[s0].start), default=-1)
        if self.resolver.memory.latest(self._para[i]) is not None:
            p0 = max(p0, self.index(last_quote) if last_quote >= 0 else s0)
        j = s0
        while j > p0:
            k = j - 1
            while k > p0 and self._sent[k - 1] == self._sent[j - 1]:
                k -= 1
            head = self.tokens[min(k + 8, j - 1)].end
            person = self._actor(self.tokens[k].start, head, ("PER",))
            if person is not None:
                return person
            j = k
        return None

    def _actor(self, lo: int, hi: int, types: tuple[str, ...]) -> Speaker | None:
        """The first mention of ``types`` in ``[lo, hi)`` outside quotes and quoted stretches."""
        while lo < hi:
            person = self.resolver.person_in(lo, hi, types)
            if person is None:
                return None
            inside = next((m for m in self.marks if m.open <= person.span.start < m.close), None)
            at = self.index(person.span.start)
            prev = self.tokens[at - 1] if at > 0 else None
            in_name = prev is not None and prev.key == "علي" and any(
                m.type == "PER" and m.end <= prev.start and not self.text[m.end:prev.start].strip()
                for m in self.resolver.doc.mentions)  # آية الله علي خامنئي: علي is a name here
            governed = prev is not None and prev.key in GOVERNORS and not in_name  # دون الأسد: a preposition's object
            if inside is None and not governed and not any(f.start <= person.span.start < f.end for f in self.found):
                return person
            # A role resolved to the name written elsewhere (person_in) may end before lo: always move on.
            lo = max(lo + 1, inside.close if inside is not None else person.span.end)
        return None

    def _zone_stop(self, j: int) -> int:
        """Where a cue's subject must end when no quote follows: a comma, a sentence end or 15 tokens."""
        limit = min(len(self.tokens), j + 15)
        while j < limit and self.tokens[j].text not in COMMAS and not self.ends_sentence(j):
            j += 1
        return j

    def _channel_via(self, zone: list[Token]) -> Span | None:
        """The channel between a cue and its quote: «لـ"الوطن"», «لتلفزيون بي بي سي», «على تويتر», «عبر حسابه في تويتر»."""
        for c in range(1, len(zone)):
            tok = zone[c]
            m = self._open.get(zone[c + 1].start) if c + 1 < len(zone) else None
            if tok.key == "ل" and m is not None and m.closed and m.close <= zone[-1].end:
                return Span(m.start, m.end, self.text[m.start:m.end])
            keys = [t.key for t in zone[c:] if t.is_word]
            if tok.key in ("علي", "عبر") and self.lex.channel_at(keys[1:]):
                first = next(t for t in zone[c + 1:] if t.is_word)
            elif tok.key[:1] == "ل" and len(tok.key) > 2 and self.lex.channel_at(keys):
                first = tok
            else:
                continue
            last = first
            for t in zone[zone.index(first):]:
                if t.text in COMMAS or t.text in ENDERS or t.text == ":" or t.key in self.lex.complementizers:
                    break
                last = t
            start = first.start
            if first is tok and not self.lex.channel_at([tok.key[1:] if tok.key.startswith("ال") else "ال" + tok.key]):
                start += 2 if tok.text.startswith("لل") else 1  # the addressee's ل is not part of the channel
            while last is not first and not last.is_word and last.text not in "»”\"″)":
                last = zone[zone.index(last) - 1]
            return Span(start, last.end, self.text[start:last.end])
        return None
