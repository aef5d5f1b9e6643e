"""Turning an opener into quotes: one quote, or a series of quoted stretches; duplicates and stray via dropped."""

from __future__ import annotations

from marsad.extract.quotes.marks import Marked
from marsad.extract.quotes.openers import CLAUSE_LIMIT, PLATFORMS, POSTS
from marsad.extract.quotes.piece import COMMAS, ENDERS, Found
from marsad.extract.quotes.speakers import Speaker
from marsad.extract.quotes.subjects import Subjects
from marsad.model import QuoteKind, Span
from marsad.text.clitics import bare_word


class Emitter(Subjects):
    """A piece that records quotes."""

    def _emit(self, start: int, end: int, kind: QuoteKind, cue: Span, speaker: Speaker | None,
              via: list[Span], sent: int) -> None:
        inherited = speaker is None
        if speaker is None:
            speaker = self._fallback_speaker(cue)
        if speaker is None or end - start < 3:
            return
        for f in self.found:
            overlap = min(end, f.end) - max(start, f.start)
            if overlap > 0 and overlap * 2 >= end - start:
                return
        via = [v for v in via + self._pending_via.pop(sent, []) if self._is_channel(v)]
        via = [v for v in via if v.text != speaker.span.text]
        self.found.append(Found(start, end, kind, cue, speaker, via))
        self.resolver.quoted.append((start, end, speaker))
        if inherited:
            # the speaker a subjectless cue took over goes on speaking here: a paragraph without a speaker («وكان
            # مجلس الوزراء قد وافق ...») between two of his no longer counts against a later «وأضاف:»
            self.resolver.memory.add(self._para[self.index(cue.start)], speaker)

    def _fallback_speaker(self, cue: Span) -> Speaker | None:
        """For words a cue plainly reports when its subject could not be resolved («أما أولاده فيقول إنه ...»،
        «وأشارت إلى أن ...» after the newspaper's sentence), when the cue is a verb opening its sentence or clause
        with و/ف: the latest speaker of the last three paragraphs, else the paragraph's last person named before the
        cue; for a participle in the sentence of a quote, that quote's speaker; None otherwise."""
        at = self.index(cue.start)
        cue_word = self.lex.cue(self.tokens[at].key) if at < len(self.tokens) else None
        if cue_word is not None and cue_word.role == "participle" and self.found \
                and self._sent[self.index(self.found[-1].cue.start)] == self._sent[at]:
            return self.found[-1].speaker  # «وقال: إن ...، معتبراً أن ...»: the quote of its sentence goes on
        if at >= len(self.tokens) or self.tokens[at].text[:1] not in "وف" or self.lex.cue(self.tokens[at].key) is None \
                or (at > 0 and self._sent[at - 1] == self._sent[at] and self.tokens[at - 1].text not in COMMAS):
            return None  # only a verb opening its sentence or clause with و/ف: «وأضاف: أن ...»
        para = self._para[at]
        latest = self.resolver.memory.latest(para, 3, self.lex.gender(self.tokens[at].key))
        if latest is not None:
            return latest
        p0 = at
        while p0 > 0 and self._para[p0 - 1] == para:
            p0 -= 1
        return self.resolver.person_in(self.tokens[p0].start, cue.start, ("PER",), last=True)

    def _quote_after(self, c: int, kind_opener: str, cue: Span, speaker: Speaker | None,
                     via: list[Span], sent: int) -> None:
        """Emit the quote opened at token ``c`` (a complementizer, 'عن', a colon or a mark)."""
        if kind_opener == "mark" and (first := self.mark_at(c)) is not None and first.closed \
                and self._mark_series(c, cue, speaker, via, sent):
            return  # «رددوا: "غير جديرة بالثقة" و"لا تتمتع بأية رؤية" و"اشتراكية"»: three quotes
        if kind_opener == "mark":
            m = self.mark_at(c)
            assert m is not None
            end = m.end if m.closed else self._unclosed_end(c + 1)
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
            if after >= len(self.tokens) or self.ends_sentence(after - 1) or self.tokens[after].text in COMMAS \
                    or self.tokens[after].text in ENDERS or self._is_cue_stop(after):
                self._emit(m.start, m.end, "direct", cue, speaker, via, sent)
                return
        end = self._post_end(k) if kind_opener == "colon" and self._posted(cue, c) else self._clause_end(k)
        self._emit(self.tokens[k].start, end, "indirect", cue, speaker, via, sent)

    def _posted(self, cue: Span, c: int) -> bool:
        """True when the words between cue ``cue`` and the colon at token ``c`` name a post, or a platform the words
        went through («وقال ... في تغريدته:»، «وكتب على حسابه في تويتر:»; «وقال تويتر:» is the platform speaking)."""
        words = [t for t in self.tokens[self.index(cue.start) + 1:c + 1] if t.is_word]
        return any(bare_word(t.key) in POSTS or (t.key in PLATFORMS and n > 0 and words[n - 1].key in ("علي", "عبر", "في"))
                   for n, t in enumerate(words))

    def _post_end(self, k: int) -> int:
        """Where unmarked words posted (a tweet, a post) starting at token ``k`` end: the end of their paragraph, its
        sentence ends, «..» and «!!» included, or before a later sentence of it that opens with a cue of its own."""
        last = k
        j = k + 1
        while j < min(len(self.tokens), k + CLAUSE_LIMIT) and self._para[j] == self._para[k]:
            if self._sent[j] != self._sent[j - 1] and (self.lex.cue(self.tokens[j].key) is not None
                                                      or self._nominal(j) is not None):
                break
            last = j
            j += 1
        while last > k and not self.tokens[last].is_word and self.tokens[last].text not in "»”\"″)}":
            last -= 1
        return self.tokens[last].end

    def _unclosed_end(self, k: int) -> int:
        """Where the words of a mark never closed (opened before token ``k``) end: at the end of their sentence, or
        before a comma and a participle opening another attribution («أن "عملية تمشيط واسعة تجري ...، لافتا في نفس
        الوقت إلى أن ...»)."""
        end = self._sentence_end(k)
        j = k + 1
        while j < len(self.tokens) and self.tokens[j].start < end:
            tok = self.tokens[j]
            cue = self.lex.cue(tok.key) if self.tokens[j - 1].text in COMMAS else None
            if cue is not None and cue.role == "participle" and self._participle_opener(j, cue.lemma) is not None:
                return self.tokens[j - 2].end
            j += 1
        return end

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
