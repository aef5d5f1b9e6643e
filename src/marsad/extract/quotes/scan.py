"""Scanning one article piece for quotes: cues, their subjects, their openers and their clauses."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from marsad.extract.quotes.lexicon import QuoteLexicon
from marsad.extract.quotes.marks import Marked, find_marked
from marsad.extract.quotes.speakers import Resolver, Speaker
from marsad.model import QuoteKind, Span
from marsad.text.tokens import Token

_ENDERS = frozenset(".!?؟…")
_COMMAS = frozenset("،,؛;")
_ZONE_LIMIT = 40
_CLAUSE_LIMIT = 150
_LEAD_ZONE = 12
_PRONOUN_OBJECTS = frozenset({
    "عليه", "عليها", "عليهم", "فيه", "فيها", "له", "لها", "لهم", "عنه", "عنها", "منه", "منها", "ذلك", "هذا", "هذه",
})
_PREPOSITIONS = frozenset({"الي", "علي", "من", "في", "عن", "مع", "بعد", "قبل", "حول", "اثر"})
_CLAUSE_STARTERS = frozenset({"لم", "لن", "لا", "قد", "فقد", "ما", "ليس", "كان", "كانت", "تم", "يتم"})
_FA_INNA = frozenset({"فان", "فانه", "فانها"})
_CHAIN = frozenset({"نقلا", "نقلاً"})
_SKIP_AFTER_PARTICIPLE = frozenset({"الي", "علي", "اياه", "اياها", "اياهم", "بالقول", "القول", "ب"})
_WAS = frozenset({"كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا"})
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "والذي", "والتي", "الذى"})
_COMP_BLOCKERS = frozenset({"اذ", "حيث", "بعد", "قبل", "سبق", "يجب", "يمكن", "دون", "بدون", "منذ", "بد", "رغم", "ولو", "لو"})
_AFTER_WHILE = frozenset({"فيما", "بينما", "حين", "وفيما", "وبينما"})
_NOT_REPORTING = frozenset({"ان", "لن", "لم", "لا", "كي", "لكي", "حتي", "قد"})
_BEFORE_BARE = frozenset({"قد", "فقد", "وقد", "لقد", "كما", "ثم"})


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
class Piece:
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
        self.marks = find_marked(self.text, self.start, self.end)
        self._starts = [t.start for t in self.tokens]
        self._open: dict[int, Marked] = {}
        for m in self.marks:
            if m.open not in self._open or m.close > self._open[m.open].close:
                self._open[m.open] = m
        self._para: list[int] = []
        self._sent: list[int] = []
        para, sent = self.paragraph0, 0
        prev_end = self.tokens[0].start if self.tokens else self.start
        for tok in self.tokens:
            if "\n" in self.text[prev_end:tok.start]:
                para += 1
                sent += 1
            self._para.append(para)
            self._sent.append(sent)
            if tok.text in _ENDERS:
                sent += 1
            prev_end = tok.end
        self._pending_via: dict[int, list[Span]] = {}

    @property
    def last_paragraph(self) -> int:
        """The number of the piece's last paragraph (counted from the document's first article paragraph)."""
        return self._para[-1] if self._para else self.paragraph0

    # -- helpers ---------------------------------------------------------------------------------

    def index(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset``."""
        return bisect_left(self._starts, offset)

    def mark_at(self, i: int) -> Marked | None:
        """The quoted stretch opened by token ``i``, if it is an opening mark."""
        return self._open.get(self.tokens[i].start) if i < len(self.tokens) else None

    def ends_sentence(self, i: int) -> bool:
        """True when token ``i`` ends a sentence or the next token starts a new line."""
        if self.tokens[i].text in _ENDERS:
            return True
        return i + 1 < len(self.tokens) and self._para[i + 1] != self._para[i]

    def _words(self, m: Marked) -> int:
        """How many words a quoted stretch holds."""
        return sum(1 for t in self.tokens[self.index(m.start):self.index(m.end)] if t.is_word)

    def _name_like(self, m: Marked, i: int) -> bool:
        words = self._words(m)
        prev = self.tokens[i - 1] if i > 0 else None
        if prev is not None and prev.is_word and words <= 12:
            key = prev.key[1:] if prev.key[:1] in "لبو" and len(prev.key) > 3 else prev.key
            if key in self.lex.name_heads or prev.key in self.lex.name_heads:
                return True
        if words > 4:
            return False
        if prev is not None and prev.key in ("ل", "ب"):
            return True
        after = self.index(m.close) + 1
        if (words <= 3 and prev is not None and prev.is_word and after < len(self.tokens)
                and self.tokens[after].is_word and prev.key not in self.lex.complementizers
                and self.lex.cue(prev.key) is None and self.text[m.close + 1:self.tokens[after].start].strip() == ""):
            return True
        return m.start > 0 and self.text[m.open - 1] in "لب" and words <= 2

    def _is_cue_stop(self, i: int) -> bool:
        """True when token ``i`` starts another attribution (a cue verb after و, a participle, a nominal cue)."""
        tok = self.tokens[i]
        cue = self.lex.cue(tok.key)
        if cue is not None and cue.lemma in self.lex.chain and not self._chain_ok(i):
            cue = None
        if cue is not None:
            if cue.role == "participle":
                return self._participle_opener(i, cue.lemma) is not None
            if cue.role in ("verb", "bare") and (tok.key[0] in "وف" and tok.key not in self.lex.cues):
                return True
            if cue.role == "verb" and i > 0 and (self.tokens[i - 1].text in _COMMAS or self.tokens[i - 1].key in _AFTER_WHILE):
                return True
        phrase = self._nominal(i)
        return phrase is not None and phrase[1] != "via" and i > 0 and self.tokens[i - 1].text in _COMMAS

    def _nominal(self, i: int) -> tuple[int, str] | None:
        """The nominal cue starting at token ``i``: (its length in tokens, its role)."""
        best: tuple[int, str] | None = None
        for phrase, role in self.lex.nominal_at(self.tokens[i].key):
            n = len(phrase)
            if i + n > len(self.tokens):
                continue
            if all(self.tokens[i + k].key == phrase[k] for k in range(1, n)) and (best is None or n > best[0]):
                best = (n, role)
        return best

    def _clause_end(self, k: int) -> int:
        """The offset where the reported clause starting at token ``k`` ends."""
        last = k
        j = k
        limit = min(len(self.tokens), k + _CLAUSE_LIMIT)
        while j < limit:
            tok = self.tokens[j]
            m = self.mark_at(j)
            if m is not None and m.closed and "\n" not in self.text[m.open:m.close]:
                last = self.index(m.close)
                j = last + 1
                if last < len(self.tokens) and self.ends_sentence(last):
                    break
                continue
            if j > k and (tok.text in _ENDERS or self._is_cue_stop(j) or tok.text in "؛;"):
                break
            last = j
            if self.ends_sentence(j):
                break
            j += 1
        while last > k and not self.tokens[last].is_word and self.tokens[last].text not in "»”\"″)":
            last -= 1
        return self.tokens[last].end

    def _subject(self, zone: list[Token]) -> tuple[list[Token], list[Token]]:
        """Split the tokens between a cue and its quote into (speaker words, relaying words)."""
        while zone and zone[0].key in _PRONOUN_OBJECTS:
            zone = zone[1:]
        for c in range(len(zone) - 1):
            if zone[c].key in _CHAIN and zone[c + 1].key == "عن":
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
            if tok.text in _COMMAS or tok.text in _ENDERS or tok.text == ":" or tok.text == "(":
                break
            if tok.key in self.lex.stops or tok.key.startswith("لل") or self.lex.cue(tok.key) is not None:
                break
            if out and tok.key[:1] == "ل" and self.lex.channel_at([tok.key]):
                break  # الوزير لتلفزيون ...: the channel the words were said to
            if (tok.key in self.lex.complementizers and tok.key not in _FA_INNA) or tok.key in _RELATIVES:
                break
            out.append(tok)
        return out

    # -- emission --------------------------------------------------------------------------------

    def _emit(self, start: int, end: int, kind: QuoteKind, cue: Span, speaker: Speaker | None,
              via: list[Span], sent: int) -> None:
        if speaker is None or end - start < 3:
            return
        for f in self.found:
            overlap = min(end, f.end) - max(start, f.start)
            if overlap > 0 and overlap * 2 >= end - start:
                return
        via = [v for v in via + self._pending_via.pop(sent, []) if self._is_channel(v)]
        via = [v for v in via if v.text != speaker.span.text]
        self.found.append(Found(start, end, kind, cue, speaker, via))

    def _quote_after(self, c: int, kind_opener: str, cue: Span, speaker: Speaker | None,
                     via: list[Span], sent: int) -> None:
        """Emit the quote opened at token ``c`` (a complementizer, 'عن', a colon or a mark)."""
        if kind_opener == "mark":
            m = self.mark_at(c)
            assert m is not None
            end = m.end if m.closed else self._sentence_end(c + 1)
            self._emit(m.start, end, "direct", cue, speaker, via, sent)
            return
        k = c + 1
        if kind_opener == "colon" and k < len(self.tokens) and self.tokens[k].key in self.lex.complementizers:
            k += 1
        if k >= len(self.tokens):
            return
        m = self.mark_at(k)
        if m is not None and m.closed and self._mark_series(k, cue, speaker, via, sent):
            return
        if m is not None and m.closed:
            after = self.index(m.close) + 1
            if after >= len(self.tokens) or self.ends_sentence(after - 1) or self.tokens[after].text in _COMMAS \
                    or self.tokens[after].text in _ENDERS or self._is_cue_stop(after):
                self._emit(m.start, m.end, "direct", cue, speaker, via, sent)
                return
        end = self._clause_end(k)
        self._emit(self.tokens[k].start, end, "indirect", cue, speaker, via, sent)

    def _sentence_end(self, k: int) -> int:
        """The end offset of the words of the sentence holding token ``k``."""
        j = k
        while j + 1 < len(self.tokens) and not self.ends_sentence(j):
            j += 1
        while j > k and not self.tokens[j].is_word:
            j -= 1
        return self.tokens[min(j, len(self.tokens) - 1)].end

    def _mark_series(self, k: int, cue: Span, speaker: Speaker | None, via: list[Span], sent: int) -> bool:
        """'أن "..." و"..."': two or more quoted stretches joined by و are each a direct quote."""
        series: list[Marked] = []
        j = k
        while j < len(self.tokens):
            m = self.mark_at(j)
            if m is None or not m.closed:
                break
            series.append(m)
            j = self.index(m.close) + 1
            if j + 1 < len(self.tokens) and self.tokens[j].key == "و" and self.mark_at(j + 1) is not None:
                j += 1
                continue
            break
        if len(series) < 2:
            return False
        for m in series:
            self._emit(m.start, m.end, "direct", cue, speaker, via, sent)
        return True

    def _find_opener(self, j: int, about: bool) -> tuple[int, str] | None:
        """Search from token ``j`` for what opens the quote: (its index, its kind)."""
        limit = min(len(self.tokens), j + _ZONE_LIMIT)
        while j < limit:
            tok = self.tokens[j]
            m = self.mark_at(j)
            if m is not None:
                if not m.closed or not (self._name_like(m, j) or self._subject_name(m, j)):
                    return j, "mark"
                j = self.index(m.close) + 1
                continue
            if tok.key in self.lex.complementizers and not (j > 0 and self.tokens[j - 1].key in _COMP_BLOCKERS) \
                    and not (tok.key in _FA_INNA and j > 0 and self.tokens[j - 1].text not in _COMMAS):
                return j, "comp"
            if about and tok.key == "عن":
                return j, "about"
            if tok.text == ":":
                nxt = j + 1
                if nxt < len(self.tokens) and self.mark_at(nxt) is not None:
                    return nxt, "mark"
                return j, "colon"
            if tok.text in _ENDERS or (j + 1 < len(self.tokens) and self.ends_sentence(j) and tok.is_word):
                return None
            cue = self.lex.cue(tok.key)
            after_relative = j > 0 and self.tokens[j - 1].key in _RELATIVES
            if cue is not None and cue.role in ("verb", "participle", "bare") and j > 0 and not after_relative:
                return None
            if tok.key.startswith("و") and tok.key[1:] in _RELATIVES:
                return None
            if tok.key in _RELATIVES and j > 0 and self.tokens[j - 1].text in _COMMAS:
                return None
            j += 1
        return None

    def _subject_name(self, m: Marked, i: int) -> bool:
        """A short quoted name right after the cue or in the subject («بابا جيف»، أستاذ ...)."""
        if self._words(m) > 3:
            return False
        after = self.index(m.close) + 1
        if after >= len(self.tokens):
            return False
        nxt = self.tokens[after]
        if nxt.text in _ENDERS:
            return False
        if nxt.text == ":":
            return True
        return self._find_opener(after, False) is not None if nxt.text in _COMMAS or nxt.is_word else False

    # -- cues ------------------------------------------------------------------------------------

    def scan(self) -> None:
        """Find every quote of the piece into ``self.found``."""
        i = 0
        n = len(self.tokens)
        while i < n:
            m = self.mark_at(i)
            holder = next((f for f in self.found if m is not None and f.start <= m.start < f.end), None)
            if m is not None and m.closed and holder is not None:
                i = max(i + 1, self.index(min(m.close, holder.end)))
                continue
            tok = self.tokens[i]
            phrase = self._nominal(i)
            if phrase is not None and phrase[1] in ("lead", "lead_verb"):
                i = self._nominal_cue(i, phrase[0], phrase[1])
                continue
            cue = self.lex.cue(tok.key)
            if cue is not None:
                if cue.role == "participle":
                    self._participle(i, cue.lemma)
                elif cue.role == "document":
                    self._document(i)
                else:
                    self._verb(i, cue.lemma, cue.role)
            i += 1
        self._unattributed()

    def _verb(self, i: int, lemma: str, role: str) -> None:
        tok = self.tokens[i]
        prev = self.tokens[i - 1].key if i > 0 else ""
        nxt = self.tokens[i + 1].key if i + 1 < len(self.tokens) else ""
        prefixed = tok.key not in self.lex.cues
        if prev in _PREPOSITIONS or (lemma in self.lex.chain and not self._chain_ok(i)):
            return
        if role == "bare" and not (prefixed or prev in _BEFORE_BARE or nxt in _PRONOUN_OBJECTS):
            return
        opener = self._find_opener(i + 1, lemma in self.lex.about)
        stop = opener[0] if opener is not None else self._zone_stop(i + 1)
        zone = self.tokens[i + 1:stop]
        words, relay = self._subject(zone)
        if lemma in self.lex.chain and not relay:
            for c, t in enumerate(zone):
                if t.key == "عن" and c + 1 < len(zone):
                    relay, words = words, self._cut(zone[c + 1:])
                    break
        if not words:
            words = self._before_verb(i)
        if role == "impersonal" and not words:
            return
        para, sent = self._para[i], self._sent[i]
        if opener is None:
            # a person who acts without being quoted (كرر الوزير فيليب هاموند ...) is who a later «وأضاف» means
            if words and role != "impersonal" and prev not in _NOT_REPORTING:
                found = self.resolver.person_in(words[0].start, words[-1].end)
                if found is None and self.lex.role(words[0].key) in ("group", "body", "person"):
                    found = self.resolver.resolve(words, para, zone)
                if found is not None:
                    self.resolver.memory.add(para, found)
            return
        speaker = self._subjectless(i) if not words else None
        if speaker is None:
            speaker = self.resolver.resolve(words, para, zone if words else None)
        via = [self._span(relay)] if relay else []
        channel = self._channel_via(zone)
        self._quote_after(opener[0], opener[1], self._span([tok]), speaker, via, sent)
        if channel is not None and self.found and self.found[-1].cue.start == tok.start \
                and channel not in self.found[-1].via and channel.text != self.found[-1].speaker.span.text:
            self.found[-1].via.append(channel)
        if speaker is not None:
            self.resolver.memory.add(para, speaker)

    def _subjectless(self, i: int, types: tuple[str, ...] = ("PER",)) -> Speaker | None:
        """The speaker of a cue without a subject: the person the sentence is about when no speaker was met in
        that sentence ('بدوره، أعاد بوتين التذكير ...، وقال: «...»'); else None (the latest speaker then)."""
        s0 = i
        while s0 > 0 and self._sent[s0 - 1] == self._sent[i]:
            s0 -= 1
        lo, here = self.tokens[s0].start, self.tokens[i].start
        latest = self.resolver.memory.latest(self._para[i], 0)
        if latest is not None and any(lo <= f.start < here for f in self.found):
            return None
        person = self.resolver.person_in(lo, here, types)
        if person is None or any(f.start <= person.span.start < f.end for f in self.found):
            return None
        return person

    def _zone_stop(self, j: int) -> int:
        """Where a cue's subject must end when no quote follows: a comma, a sentence end or 15 tokens."""
        limit = min(len(self.tokens), j + 15)
        while j < limit and self.tokens[j].text not in _COMMAS and not self.ends_sentence(j):
            j += 1
        return j

    def _chain_ok(self, i: int) -> bool:
        """A relaying verb (نقل) is a cue only when 'عن' follows it closely (ونقل بقايا ... is not)."""
        return any(t.key == "عن" for t in self.tokens[i + 1:i + 9])

    def _before_verb(self, i: int) -> list[Token]:
        """The subject of 'وكان X قد قال', 'وكانت تقارير قالت' or 'X الذي قال': the words before the verb."""
        if i > 1 and self.tokens[i - 1].key in _RELATIVES:
            run: list[Token] = []
            j = i - 2
            while j >= 0 and self.tokens[j].is_word and len(run) < 4 and self.tokens[j].key not in self.lex.stops:
                run.insert(0, self.tokens[j])
                if not self.tokens[j].key.startswith("ال"):
                    break
                j -= 1
            first = run[0].key if run else ""
            if (first.startswith(("ال", "لل", "بال")) or len(run) > 1) and self.lex.role(first) is None:
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
            if tok.text in _ENDERS or self._sent[j] != self._sent[i]:
                return []
            if tok.key in _WAS:
                between = [t for t in self.tokens[j + 1:i] if t.key not in ("قد",)]
                return self._cut([t for t in between if t.text not in _COMMAS]) if between else []
        return []

    def _participle(self, i: int, lemma: str) -> None:
        opener = self._participle_opener(i, lemma)
        if opener is None:
            return
        speaker = self._subjectless(i) or self.resolver.memory.latest(self._para[i], 0) \
            or self._subjectless(i, ("ORG", "LOC", "GPE"))
        self._quote_after(opener[0], opener[1], self._span([self.tokens[i]]), speaker, [], self._sent[i])
        if speaker is not None:
            self.resolver.memory.add(self._para[i], speaker)

    def _participle_opener(self, i: int, lemma: str) -> tuple[int, str] | None:
        j = i + 1
        while j < len(self.tokens) and j < i + 4 and self.tokens[j].key in _SKIP_AFTER_PARTICIPLE:
            j += 1
        for skip in (1, 2):
            at = i + 1 + skip
            if j == i + 1 and at < len(self.tokens) and self.tokens[at].key in ("الي", "علي") \
                    and all(t.is_word for t in self.tokens[i + 1:at]) and at + 1 < len(self.tokens) \
                    and self.mark_at(at + 1) is not None:
                j = at + 1
                break
        if j >= len(self.tokens):
            return None
        tok = self.tokens[j]
        if self.mark_at(j) is not None:
            opener: tuple[int, str] | None = (j, "mark")
        elif tok.key in self.lex.complementizers:
            opener = (j, "comp")
        elif tok.text == ":":
            opener = (j + 1, "mark") if self.mark_at(j + 1) is not None else (j, "colon")
        elif lemma in self.lex.about and tok.key == "عن":
            opener = (j, "about")
        else:
            opener = None
        return opener

    def _document(self, i: int) -> None:
        """'وجاء في برقية بوتين: "..."' — the document speaks."""
        if i + 1 >= len(self.tokens) or self.tokens[i + 1].key not in ("في", "فيه", "فيها"):
            return
        opener = self._find_opener(i + 2, False)
        if opener is None or opener[1] not in ("mark", "colon"):
            return
        zone = self.tokens[i + 2:opener[0]]
        words = [t for t in zone if t.text != ":"]
        cut: list[Token] = []
        for t in words:
            if t.key in ("الي", "الى", "إلى") or t.text in _COMMAS:
                break
            cut.append(t)
        para = self._para[i]
        if not cut:
            # «أعاد نشر تغريدة للناشط علي النعيمي، جاء فيها “...”»: the person named just before wrote it
            s0 = i
            while s0 > 0 and self._sent[s0 - 1] == self._sent[i]:
                s0 -= 1
            author = self.resolver.person_in(self.tokens[s0].start, self.tokens[i].start, last=True)
            if author is not None and i > 0 and self.tokens[i - 1].text in _COMMAS:
                self._quote_after(opener[0], opener[1], self._span([self.tokens[i]]), author, [], self._sent[i])
            return
        speaker = self.resolver.resolve(cut, para)
        self._quote_after(opener[0], opener[1], self._span([self.tokens[i]]), speaker, [], self._sent[i])

    def _nominal_cue(self, i: int, length: int, role: str) -> int:
        """Handle 'بحسب X' / 'حسبما ذكرت X' / 'كما أعلنت X'; return the next token index to scan."""
        j = i + length
        sent = self._sent[i]
        starts_sentence = i == 0 or self._sent[i - 1] != sent
        if i > 0 and self.tokens[i - 1].key in self.lex.complementizers:
            return i + 1
        if role == "lead_verb":
            if j >= len(self.tokens):
                return j
            key = self.tokens[j].key
            cue = self.lex.cue(key) or (self.lex.cue(key[:-1]) if key.endswith("ه") else None) \
                or (self.lex.cue(key[:-2]) if key.endswith("ها") else None)
            if cue is None or cue.role not in ("verb", "bare"):
                return i + 1
            if self.tokens[i].key == "كما" and (starts_sentence or not self.tokens[i - 1].is_word):
                return i + 1
            j += 1
        zone: list[Token] = []
        k = j
        while k < len(self.tokens) and len(zone) < _LEAD_ZONE:
            tok = self.tokens[k]
            m = self.mark_at(k)
            if m is not None and m.closed and self._words(m) <= 4:
                close = self.index(m.close)
                zone.extend(self.tokens[k:close + 1])
                k = close + 1
                if k < len(self.tokens) and self.tokens[k].is_word and self.tokens[k].key in _CLAUSE_STARTERS | {"ف"}:
                    break
                continue
            if tok.text in _COMMAS or tok.text in _ENDERS or tok.text == ":" or tok.key in self.lex.complementizers:
                break
            if zone and tok.key in _CLAUSE_STARTERS:
                break
            if self.ends_sentence(k):
                zone.append(tok)
                k += 1
                break
            zone.append(tok)
            k += 1
        zone = [t for t in zone if t.key not in ("ل",)]
        if zone and zone[0].key.startswith("لل") and len(zone[0].key) > 3:
            t0 = zone[0]
            zone[0] = Token(t0.start, t0.end, t0.text, "ال" + t0.key[2:], t0.stem)
        elif zone and zone[0].key.startswith("ل") and len(zone[0].key) > 2:
            t0 = zone[0]
            zone[0] = Token(t0.start + 1, t0.end, t0.text[1:], t0.key[1:], t0.stem)
        for z, t in enumerate(zone):
            if z and t.key.startswith("فال") and len(t.key) > 4:
                k = self.index(t.start)
                zone = zone[:z]
                break
        else:
            if len(zone) >= _LEAD_ZONE and zone and zone[0].key.startswith("ال"):
                k = self.index(zone[0].end)
                zone = zone[:1]
        words, relay = self._subject(zone)
        if not words:
            return k
        para = self._para[i]
        speaker = self.resolver.resolve(words, para, zone)
        if speaker is None:
            return k
        cue_span = self._span(self.tokens[i:i + length])
        via = [self._span(relay)] if relay else []
        at_end = k >= len(self.tokens) or self._sent[min(k, len(self.tokens) - 1)] != sent \
            or self.tokens[min(k, len(self.tokens) - 1)].text in _ENDERS
        comp_next = k < len(self.tokens) and (
            self.tokens[k].key in self.lex.complementizers
            or (k + 1 < len(self.tokens) and self.tokens[k + 1].key in self.lex.complementizers)
        )
        if at_end or (not starts_sentence and (role == "lead_verb" or not comp_next)):
            self._tail(i, speaker, via, cue_span)
            return k
        # a leading attribution: "وبحسب X، فإن ..." or "وبحسب X، قال Y إن ..."
        if len(zone) >= _LEAD_ZONE:
            while k < len(self.tokens) and self._sent[k] == sent and self.tokens[k].text not in _COMMAS:
                k += 1
        c = k + 1 if k < len(self.tokens) and self.tokens[k].text in _COMMAS else k
        for look in range(c, min(c + 3, len(self.tokens))):
            cue = self.lex.cue(self.tokens[look].key)
            if cue is not None and cue.role in ("verb", "bare"):
                self._pending_via.setdefault(sent, []).append(speaker.span)
                return c
        if c + 1 < len(self.tokens) and (
            self.tokens[c].key in self.lex.complementizers or self.tokens[c].key in ("فقد", "قد")
        ):
            c += 1
        if c >= len(self.tokens):
            return c
        end = self._clause_end(c)
        self._emit(self.tokens[c].start, end, "indirect", cue_span, speaker, via, sent)
        self.resolver.memory.add(para, speaker)
        return self.index(end)

    def _tail(self, i: int, speaker: Speaker, via: list[Span], cue: Span) -> None:
        """'..., بحسب X.' — X relays the sentence's quote, says its quoted words, or says the sentence."""
        sent = self._sent[i]
        s0 = i
        while s0 > 0 and self._sent[s0 - 1] == sent:
            s0 -= 1
        lo = self.tokens[s0].start
        here = self.tokens[i].start
        for f in self.found:
            if lo <= f.start <= here or f.start <= lo < f.end:
                if f.speaker.span.text != speaker.span.text and speaker.span not in f.via \
                        and self._is_channel(speaker.span):
                    f.via.append(speaker.span)
                    self.resolver.memory.alias(speaker)
                return
        for m in self.marks:
            if m.closed and lo <= m.open < here and not self._name_like(m, self.index(m.open)) \
                    and (m.end - m.start) * 2 >= here - lo:
                self._emit(m.start, m.end, "direct", cue, speaker, via, sent)
                self.resolver.memory.add(self._para[i], speaker)
                return
        last = i - 1
        while last > s0 and not self.tokens[last].is_word:
            last -= 1
        if last - s0 >= 2:
            self._emit(self.tokens[s0].start, self.tokens[last].end, "indirect", cue, speaker, via, sent)
            self.resolver.memory.add(self._para[i], speaker)

    def _unattributed(self) -> None:
        """Quoted words whose cue follows them: '«...»، قال فلان'."""
        for m in self.marks:
            if not m.closed or any(f.start <= m.start < f.end or m.start <= f.start < m.end for f in self.found):
                continue
            at = self.index(m.open)
            if self._name_like(m, at) or self._words(m) < 3:
                continue
            if at > 0 and self._sent[at - 1] == self._sent[at] and self.tokens[at - 1].text not in ":،,":
                continue
            after = self.index(m.close) + 1
            if after < len(self.tokens) and self.tokens[after].text in _COMMAS:
                after += 1
            if after >= len(self.tokens):
                continue
            cue = self.lex.cue(self.tokens[after].key)
            if cue is None or cue.role not in ("verb", "bare"):
                continue
            zone = self.tokens[after + 1:min(len(self.tokens), after + 12)]
            words, relay = self._subject(zone)
            if not words:
                continue
            para = self._para[after]
            speaker = self.resolver.resolve(words, para, None)
            self._emit(m.start, m.end, "direct", self._span([self.tokens[after]]), speaker,
                       [self._span(relay)] if relay else [], self._sent[after])

    def _is_channel(self, span: Span) -> bool:
        """True when a relaying phrase names a channel (agency, outlet, platform, statement, interview)."""
        return self.lex.is_channel([t.key for t in self.tokens[self.index(span.start):self.index(span.end)] if t.is_word])

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
                if t.text in _COMMAS or t.text in _ENDERS or t.text == ":" or t.key in self.lex.complementizers:
                    break
                last = t
            start = first.start
            if first is tok and not self.lex.channel_at([tok.key[1:] if tok.key.startswith("ال") else "ال" + tok.key]):
                start += 2 if tok.text.startswith("لل") else 1  # the addressee's ل is not part of the channel
            while last is not first and not last.is_word and last.text not in "»”\"″)":
                last = zone[zone.index(last) - 1]
            return Span(start, last.end, self.text[start:last.end])
        return None

    def _span(self, toks: list[Token]) -> Span:
        start, end = toks[0].start, toks[-1].end
        return Span(start, end, self.text[start:end])
