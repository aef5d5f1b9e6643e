"""Where a quote opens (a complementizer, عن, a colon or a quotation mark) and where its clause ends."""

from __future__ import annotations

from marsad.extract.quotes.lexicon import Cue
from marsad.extract.quotes.marks import Marked
from marsad.extract.quotes.piece import COMMAS, ENDERS, PieceText
from marsad.text.tokens import Token

ZONE_LIMIT = 40
CLAUSE_LIMIT = 150
RELAYED_PRONOUNS = ("عنه", "عنها", "عنهم")  # ونقلت الوكالة عنه القول: the speaker just quoted
FA_INNA = frozenset({"فان", "فانه", "فانها"})
# «لافتا النظر/الانتباه إلى أن» (76 such in 20,000 SaudiNewsNet articles, all speech)
SKIP_AFTER_PARTICIPLE = frozenset({"الي", "علي", "من", "اياه", "اياها", "اياهم", "بالقول", "القول", "ب", "النظر", "الانتباه",
                                   "الانظار"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "والذي", "والتي", "الذى"})
# «إلا أن»، «غير أن»، «بيد أن» (however) and «من غير أن» (without) open a clause of their own, never a cue's complement;
# «بما أن» (since) is no complementizer either
COMP_BLOCKERS = frozenset({"بما", "اذ", "حيث", "بعد", "قبل", "سبق", "يجب", "يمكن", "دون", "بدون", "منذ", "بد", "رغم", "ولو",
                           "لو", "الا", "غير", "بيد"})
# the blockers with و or ف on them block too: «ويمكن أن»، «وبعد أن»، «فبعد أن»
COMP_BLOCKED_AFTER = COMP_BLOCKERS | {c + key for c in "وف" for key in COMP_BLOCKERS}


PRONOUN_OBJECTS = frozenset({
    "عليه", "عليها", "عليهم", "فيه", "فيها", "له", "لها", "لهم", "عنه", "عنها", "منه", "منها", "ذلك", "هذا", "هذه",
})
# a bare form (عبر، بين) after these is a verb; «بدوره عبر النائب ... عن»: "in turn" / "for his part" opens a verb
# (SaudiNewsNet, 20,000 articles: عبر/بين right after بدوره/جانبه/جهته and their forms 80 times, all verbs)
# "in turn" / "for his part" and their forms, which also mark a change of speaker (scan.TURN_MARKERS)
TURN_WORDS = frozenset({"بدوره", "بدورها", "بدورهم", "جانبه", "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم"})
# a leading phrase of a speech verb that attributes only after a comma and before such a verb, closing the clause
# before it («...، على ما أوضح بيدج»); elsewhere it is a preposition and its object («تحفظها على ما أعلنته الوزارة»،
# «...، على ما تلقاه من دعم»)
COMMA_LEADS = frozenset({"علي"})
BEFORE_BARE = frozenset({"قد", "فقد", "وقد", "لقد", "كما", "ثم"}) | TURN_WORDS
AFTER_WHILE = frozenset({"فيما", "بينما", "حين", "وفيما", "وبينما"})
# «فإن المجلس قال إن»، «لكن الصحيفة قالت إن»: a subject written before its verb after these opens another quote
SUBJECT_FIRST = frozenset({"فان", "لكن", "ولكن"}) | AFTER_WHILE
WHEN = frozenset({"حيث", "اذ", "عندما", "حينما", "بعدما"})  # حيث أوضحت المصادر أن: a new quote
BUT_HE = frozenset({"لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم"})
# «... أثر في الطلب على الذهب، بيد أنه توقع أن ...»: «بيد/إلا/غير أنه» and a cue verb, like «لكنه قال», open a new quote
# (30 such before أكد، أشار، أوضح، قال، توقع ... in 20,000 SaudiNewsNet articles)
BUT_THAT = frozenset({"بيد", "الا", "غير"})
FA_QAD = frozenset({"فقد", "فانه", "فانها"})
# prepositions after a short quoted stretch right after a cue verb that make it the verb's quoted subject: «وشدد
# "مغربل" على»، «وأعرب "كميخ" عن»، «وذكر "كيري" في» (about 70 such in 20,000 SaudiNewsNet articles)
NAME_FOLLOWERS = frozenset({"علي", "عن", "في", "الي", "من", "خلال", "امام", "لدي"})  # «أما X فقد أكد»: the ف of أما ... ف written before the verb
HE_THAT = frozenset({"انه", "انها", "انهم"})
# the object of a verbal noun in a clause keeping a source unnamed (رافضة كشف اسمها، طلب عدم نشر اسمه)
ANONYMITY = frozenset({"اسمه", "اسمها", "اسمهم", "هويته", "هويتها", "هويتهم"})
# a short phrase of place, time or addressee between a participle and its complementizer («مضيفا في حديث
# لـ«الشرق الأوسط» أن»، «مشيرا في الوقت نفسه إلى أن»، «مؤكدا للصحيفة أن»): what it may start with, and its length
PHRASE_STARTERS = frozenset({"في", "خلال", "امام", "عبر", "اثناء", "ل"})
PHRASE_LIMIT = 8
# the most tokens of a relative clause set off by commas between a cue's subject and its complementizer («وقال
# المسؤولون، الذين رفضوا نشر أسمائهم ووظائفهم، لصحيفة ...، إن»; 36 such in 20,000 SaudiNewsNet articles)
RELATIVE_LIMIT = 16
# a post («في تغريدته»، «في تدوينة له») and the platforms: words posted with no mark run to the end of their paragraph
POSTS = frozenset({"تغريده", "تغريدته", "تغريدتها", "تغريدات", "تغريداته", "تغريداتها", "تدوينه", "تدوينته", "تدوينتها",
                   "منشور", "منشوره", "منشورها"})
PLATFORMS = frozenset({"تويتر", "فيسبوك", "انستغرام"})


class Openers(PieceText):
    """A piece that finds quote openers and clause ends."""

    def _name_like(self, m: Marked, i: int) -> bool:
        words = self._words(m)
        prev = self.tokens[i - 1] if i > 0 else None
        if prev is not None and prev.is_word and words <= 12:
            key = prev.key[1:] if prev.key[:1] in "لبو" and len(prev.key) > 3 else prev.key
            if key in self.lex.name_heads or prev.key in self.lex.name_heads:
                return True
        if words > 4:
            return False
        if words <= 3 and any(n.type == "ORG" and n.start == m.start and n.end == m.end for n in self.resolver.doc.mentions) \
                and self.text.count(self.text[m.start:m.end]) > 1:
            # «لشركة النفط الروسية «روس نفط».»: an organisation's name the story writes again is nobody's words (the
            # tagger's «نحن محايدون», written once, still is)
            return True
        if prev is not None and prev.key in ("ل", "ب"):
            return True
        if self._channel_name(m, i):
            return True
        after = self.index(m.close) + 1
        if (words <= 3 and prev is not None and prev.is_word and after < len(self.tokens)
                and self.tokens[after].is_word and prev.key not in self.lex.complementizers
                and self.lex.cue(prev.key) is None and self.text[m.close + 1:self.tokens[after].start].strip() == ""):
            return True
        return m.start > 0 and self.text[m.open - 1] in "لب" and words <= 2

    def _channel_name(self, m: Marked, i: int) -> bool:
        """True when a short quoted stretch (token ``i`` opens it) names a channel: it is one («تويتر») or follows
        one (على حسابه في "تويتر"، عبر الموقع الطبي “Health Day News”) and the sentence goes on after it."""
        after = self.index(m.close) + 1
        if after >= len(self.tokens) or self.tokens[after].text in ENDERS:
            return False
        inside = [t.key for t in self.tokens[i + 1:self.index(m.close)] if t.is_word]
        return self.lex.is_channel(inside) or any(
            self.lex.channel_at([t.key for t in self.tokens[k:i] if t.is_word]) for k in range(max(0, i - 3), i))

    def _is_cue_stop(self, i: int) -> bool:
        """True when token ``i`` starts another attribution (a cue verb after و, a participle, a nominal cue)."""
        tok = self.tokens[i]
        if i > 0 and self.tokens[i - 1].text in COMMAS and tok.key[:1] == "و" and self._manner_ahead(i):
            return True  # «...، وبرر ذلك بقوله: إن ...»: any verb whose manner phrase opens a quote of its own
        if tok.key not in self.lex.scan_triggers:
            return False  # neither a cue nor a nominal cue's first word: most words
        cue = self._cue_at(i)
        if cue is not None and cue.lemma in self.lex.chain and not self._chain_ok(i):
            cue = None
        if cue is not None:
            if cue.role == "participle":
                return self._participle_opener(i, cue.lemma) is not None
            if cue.role == "colon":
                return i + 1 < len(self.tokens) and self.tokens[i + 1].text == ":"
            if cue.role in ("verb", "bare") and (tok.key[0] in "وف" and tok.key not in self.lex.cues):
                # «... تؤكد عمق العلاقات وتشير إلى مصالح مشتركة»: a verb joined by و with no comma before it and no
                # complementizer, colon or mark of its own goes on with the reported clause
                return (i > 0 and (self.tokens[i - 1].text in COMMAS or self.ends_sentence(i - 1))) \
                    or self._find_opener(i + 1, cue.lemma in self.lex.about) is not None
            if cue.role == "verb" and i > 0 and (self.tokens[i - 1].text in COMMAS or self.tokens[i - 1].key in AFTER_WHILE
                                                 or self.tokens[i - 1].key in BUT_HE or self.tokens[i - 1].key in FA_QAD
                                                 or (i > 1 and self.tokens[i - 1].key in HE_THAT
                                                     and self.tokens[i - 2].key in BUT_THAT)
                                                 or self._turn_start(i) is not None):
                return True  # «وأعرب العربي عن عدم توقعه ... لكنه قال إن ...»: a new quote
            if cue.role == "verb" and tok.key in self.lex.cues and self._subject_first(i) is not None:
                return True  # «... وعلى الرغم من أن ... أقل من ذلك فإن المجلس قال إن ثمة ...»: another speaker's quote
            prev = self.tokens[i - 1].key if i > 0 else ""
            before = self.tokens[i - 2].key if i > 1 else ""
            if cue.role == "verb" and i + 1 < len(self.tokens) and self.tokens[i + 1].is_word and (
                    prev in WHEN or (prev == "ان" and before in ("بعد", "قبل"))):
                # «... بعد أن قالت أنقرة: إنها ...»، «... حيث أوضحت المصادر أن ...»: a verb, its short subject and
                # its own complementizer open another speaker's quote
                opener = self._find_opener(i + 1, False)
                if opener is not None and opener[1] in ("comp", "colon") and opener[0] - i <= 4:
                    return True
        phrase = self._nominal(i)
        if phrase is None or phrase[1] in ("via", "cited") or i == 0 or self.tokens[i - 1].text not in COMMAS:
            return False
        if phrase[1] == "lead_verb" and self.tokens[i].key in COMMA_LEADS:
            return self._lead_verb(i + phrase[0]) is not None  # «...، على ما تلقاه من دعم» goes on
        if phrase[1] == "lead_verb" and self.tokens[i].key in ("هذا", "وهذا"):
            return self._lead_verb(i + phrase[0]) is not None  # «...، هذا ما قاله X» — «...، وهذا ما نتطلع إليه» goes on
        if phrase[1] != "lead_verb" or self.tokens[i].key != "كما" or i + 1 >= len(self.tokens):
            return True  # «...، بحسب ما تبين للصندوق»: an attribution whatever its verb
        # «...، كما أعلن الوزير ...»، «...، كما شكر ...» open another attribution or speech act; «...، كما بحث أيضا
        # الشأن السوري»، «...، كما أن ...» go on with the reported clause
        cue = self.lex.cue(self.tokens[i + 1].key)
        return self._lead_verb(i + 1) is not None or (cue is not None and cue.role == "mark")

    def _turn_start(self, i: int) -> int | None:
        """The index of «من جهته»، «من جانبه» or «بدوره» (a comma after it allowed) right before cue ``i`` and right after
        a comma: «...، من جهته قال الرئيس الكيني: إن ...» turns to another speaker inside a sentence; None otherwise."""
        j = i - 1
        if j > 0 and self.tokens[j].text in COMMAS:
            j -= 1
        if j < 1 or self.tokens[j].key not in TURN_WORDS:
            return None
        if self.tokens[j - 1].key in ("من", "ومن"):
            j -= 1
        return j if j > 0 and self.tokens[j - 1].text in COMMAS else None

    def _manner_ahead(self, i: int) -> bool:
        """True when a manner phrase (بقوله، بالقول) follows token ``i`` within four words, with no comma between, and a
        complementizer, a colon or a quotation mark right after it: «وبرر ذلك بقوله: إن»، «وختم حديثه بالقول "..."»."""
        for k in range(i + 1, min(i + 5, len(self.tokens))):
            if not self.tokens[k].is_word:
                return False
            phrase = self._nominal(k)
            if phrase is not None and phrase[1] == "manner":
                j = k + phrase[0]
                return j < len(self.tokens) and (self.tokens[j].text == ":" or self.mark_at(j) is not None
                                                 or self.tokens[j].key in self.lex.complementizers)
        return False

    def _subject_first(self, i: int) -> int | None:
        """The index of فإن, لكن, فيما or بينما opening a subject of one to three words before cue verb ``i`` (no comma,
        mark or other cue between) that has its own complementizer or colon right after it: «فإن المجلس قال إن»;
        None otherwise."""
        for j in range(i - 2, max(-1, i - 5), -1):
            if not self.tokens[j + 1].is_word or self.mark_at(j + 1) is not None or self.lex.cue(self.tokens[j + 1].key):
                return None
            if self.tokens[j].key in SUBJECT_FIRST:
                opener = self._find_opener(i + 1, False)
                # «ولكن الرئيس الأمريكي قال: "أنتم ..."»: a colon before a mark opens as a colon does
                colon = opener is not None and opener[1] == "mark" and self.tokens[opener[0] - 1].text == ":"
                return j if opener is not None and (opener[1] in ("comp", "colon") or colon) and opener[0] - i <= 2 \
                    else None
        return None

    def _lead_verb(self, j: int) -> Cue | None:
        """The speech verb at token ``j`` right after a leading phrase («بحسب ما ذكرت»، «كما أعلن»، «حسبما أوضحه»):
        a verb or bare cue, its object pronoun (ه، ها) allowed; None otherwise."""
        if j >= len(self.tokens):
            return None
        key = self.tokens[j].key
        cue = self.lex.cue(key) or (self.lex.cue(key[:-1]) if key.endswith("ه") else None) \
            or (self.lex.cue(key[:-2]) if key.endswith("ها") else None)
        return cue if cue is not None and cue.role in ("verb", "bare") else None

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
        limit = min(len(self.tokens), k + CLAUSE_LIMIT)
        while j < limit:
            tok = self.tokens[j]
            m = self.mark_at(j)
            if m is not None and m.closed and "\n" not in self.text[m.open:m.close]:
                last = self.index(m.close)
                j = last + 1
                if last < len(self.tokens) and self.ends_sentence(last):
                    break
                continue
            if j > k and tok.key in RELATIVES and self._relative_cue(j):
                break  # «... مرتبط بالهجوم الانتحاري الذي قال إن حصيلة ضحاياه ...»: a second quote opens
            if j > k and (tok.text in ENDERS or self._is_cue_stop(j)):
                first = self._subject_first(j) if tok.text not in ENDERS and self.lex.cue(tok.key) else None
                turn = self._turn_start(j) if tok.text not in ENDERS else None
                if turn is not None and turn > k:
                    last = turn - 1  # «...، من جهته قال X: إن»: the turn to another speaker is not the reported words
                elif first is not None and first > k:
                    last = first - 1  # «... فإن المجلس قال إن»: the subject written before the verb is the next quote's
                elif last - 1 > k and self.tokens[last].key in HE_THAT and self.tokens[last - 1].key in BUT_THAT:
                    last -= 2  # «...، بيد أنه توقع أن»: the connective opens the next quote's clause
                elif self.tokens[last].key in FA_QAD:
                    # «...، أما المواطن مصطفى الحمدان، فقد قال:»: the topic after أما is the next quote's speaker
                    last = next((a - 1 for a in range(last - 1, max(k, last - 15), -1)
                                 if self.tokens[a].key in ("اما", "واما")), last)
                break
            last = j
            if self.ends_sentence(j):
                break
            j += 1
        while last > k and not self.tokens[last].is_word and self.tokens[last].text not in "»”\"″)":
            last -= 1
        return self.tokens[last].end

    def _relative_cue(self, j: int) -> bool:
        """True when the relative at token ``j`` is followed by past قال and right after it إن, with its hamza below:
        «الذي قال إن»، «التي قالت إنها» inside a reported clause open words said of their own (قال takes the words
        said; «التي قال بأن»، «الذين اعتبر أنهم» describe the noun before them and go on with the clause)."""
        if j + 2 >= len(self.tokens) or self.tokens[j + 2].key not in self.lex.complementizers \
                or not self.tokens[j + 2].text.startswith("إن"):
            return False
        cue = self.lex.cue(self.tokens[j + 1].key)
        # a past verb: «الآراء التي تقول إن» is what views hold, nobody's words
        return cue is not None and cue.lemma == "قال" and cue.role == "verb" and self.tokens[j + 1].key[:1] == "ق"

    def _find_opener(self, j: int, about: bool) -> tuple[int, str] | None:
        """Search from token ``j`` for what opens the quote: (its index, its kind)."""
        limit = min(len(self.tokens), j + ZONE_LIMIT)
        while j < limit:
            tok = self.tokens[j]
            m = self.mark_at(j)
            if m is not None:
                if not m.closed or not (self._name_like(m, j) or self._subject_name(m, j)):
                    return j, "mark"
                j = self.index(m.close) + 1
                continue
            if tok.key in self.lex.complementizers and not (j > 0 and self.tokens[j - 1].key in COMP_BLOCKED_AFTER) \
                    and not (tok.key in FA_INNA and j > 0 and self.tokens[j - 1].text not in COMMAS):
                return j, "comp"
            if about and tok.key == "عن":
                return j, "about"
            if tok.text == ":":
                nxt = j + 1
                if nxt < len(self.tokens) and self.mark_at(nxt) is not None:
                    return nxt, "mark"
                return j, "colon"
            if tok.text in ENDERS or (j + 1 < len(self.tokens) and self.ends_sentence(j) and tok.is_word):
                return None
            cue = self._cue_at(j)
            after_relative = j > 0 and self.tokens[j - 1].key in RELATIVES
            # a bare form (بين، عبر) is a cue only after و/ف/قد/كما, and never before a channel (عبر حسابه على تويتر)
            noun = cue is not None and cue.role == "bare" and (
                (tok.key in self.lex.cues and self.tokens[j - 1].key not in BEFORE_BARE
                 and not (j + 1 < len(self.tokens) and self.tokens[j + 1].key in PRONOUN_OBJECTS))
                or self.lex.channel_at([t.key for t in self.tokens[j + 1:j + 5] if t.is_word]) > 0)
            # «وقال الوزير مشيرا إلى كيري «...»»: a participle with no quote of its own is a circumstance, not a cue
            circumstance = cue is not None and cue.role == "participle" and self._participle_opener(j, cue.lemma) is None
            if cue is not None and cue.role in ("verb", "participle", "bare") and j > 0 and not after_relative \
                    and not noun and not circumstance:
                return None
            if tok.key.startswith("و") and tok.key[1:] in RELATIVES:
                return None
            if tok.key in RELATIVES and j > 0 and self.tokens[j - 1].text in COMMAS:
                close = self._relative_close(j)
                if close is None:
                    return None
                j = close  # «وقال المسؤولون، الذين رفضوا نشر أسمائهم، لصحيفة «واشنطن بوست»، إن»: set off, skipped
            j += 1
        return None

    def _relative_close(self, j: int) -> int | None:
        """The comma closing a relative clause set off by commas after the subject (token ``j`` is the relative:
        «المصدر، الذي لم يتم تسميته، أنه»، «المحكمة في قرارها، الذي جاء بتأييد 8 أعضاء، أن»), when the clause is
        short and holds no complementizer, colon or quotation mark of its own; None otherwise."""
        for k in range(j + 1, min(len(self.tokens), j + RELATIVE_LIMIT)):
            tok = self.tokens[k]
            if tok.text in COMMAS:
                return k if k > j + 1 else None
            if tok.text in ENDERS or tok.text == ":" or self.ends_sentence(k) or self.mark_at(k) is not None \
                    or tok.key in self.lex.complementizers or tok.key in RELATIVES:
                return None
        return None

    def _without_relatives(self, zone: list[Token]) -> list[Token]:
        """The tokens between a cue and its quote without the relative clauses set off by commas in them (who
        speaks is named outside them: «وأضاف المصدر، الذي لم يتم تسميته، أنه»)."""
        out: list[Token] = []
        skip_to = -1
        for tok in zone:
            if tok.start < skip_to:
                continue
            if tok.key in RELATIVES and out and out[-1].text in COMMAS:
                close = self._relative_close(self.index(tok.start))
                if close is not None:
                    skip_to = self.tokens[close].end
                    continue
            out.append(tok)
        return out

    def _quoted_name(self, m: Marked) -> bool:
        """True when a closed quoted stretch holds just a person's name (الباحث الفلكي "هندي")."""
        return m.closed and self._words(m) <= 3 and any(
            n.type == "PER" and n.start == m.start and n.end == m.end for n in self.resolver.doc.mentions)

    def _subject_name(self, m: Marked, i: int) -> bool:
        """A short quoted name right after the cue or in the subject («بابا جيف»، أستاذ ...)."""
        if self._words(m) > 3:
            return False
        if self._quoted_name(m):
            return True
        after = self.index(m.close) + 1
        if after >= len(self.tokens):
            return False
        nxt = self.tokens[after]
        if nxt.text in ENDERS:
            return False
        if nxt.text == ":":
            return True
        if self._words(m) <= 2 and nxt.key in NAME_FOLLOWERS:
            return True  # «وشدد "الشقيق" على الإسراع ...»، «وأعرب "كميخ" عن سعادته»: the verb's subject, quoted
        return self._find_opener(after, False) is not None if nxt.text in COMMAS or nxt.is_word else False

    def _participle_opener(self, i: int, lemma: str) -> tuple[int, str] | None:
        j = i + 1
        while j < len(self.tokens) and j < i + 4 and self.tokens[j].key in SKIP_AFTER_PARTICIPLE:
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
            opener = self._after_phrase(j) if j == i + 1 else None
        return opener

    def _after_phrase(self, j: int) -> tuple[int, str] | None:
        """The complementizer after a short phrase of place, time or addressee starting at token ``j`` right after a
        participle («مضيفا في حديث لـ«الشرق الأوسط» أن ...»، «مؤكدا للصحيفة أن ...»); None when the phrase runs
        into a comma, a sentence end, another cue or quoted words first."""
        key = self.tokens[j].key
        if key not in PHRASE_STARTERS and not (key.startswith("لل") and len(key) > 3):
            return None
        k = j + 1
        while k < min(len(self.tokens), j + PHRASE_LIMIT):
            tok = self.tokens[k]
            m = self.mark_at(k)
            if m is not None:
                if not m.closed or self._words(m) > 3:
                    return None
                k = self.index(m.close) + 1  # a quoted outlet: لـ«الشرق الأوسط»
                continue
            if tok.text in COMMAS or tok.text in ENDERS or tok.text == ":" or self.ends_sentence(k):
                return None
            if tok.key in self.lex.complementizers:
                return (k, "comp") if self.tokens[k - 1].key not in COMP_BLOCKED_AFTER else None
            if self.lex.cue(tok.key) is not None:
                return None
            k += 1
        return None

    def _chain_ok(self, i: int) -> bool:
        """A relaying verb (نقل) is a cue only when 'عن' follows it closely (ونقل بقايا ... is not), or when a channel
        is its subject and a complementizer follows (ونقلت وكالة أنباء «الأناضول» أن ...)."""
        after = self.tokens[i + 1:i + 9]
        if any(t.key in ("عن", *RELAYED_PRONOUNS) for t in after):
            return True
        return self._channel_subject(i) and any(t.key in self.lex.complementizers for t in after)

    def _channel_subject(self, i: int) -> bool:
        """True when the words after cue ``i`` start with a channel (وكالة، صحيفة «ديلي تايمز»): the outlet speaks."""
        return self.lex.is_channel([t.key for t in self.tokens[i + 1:i + 5] if t.is_word])

    def _cue_at(self, i: int) -> Cue | None:
        """The cue of token ``i``, None when there is none or it is a verbal noun keeping a source unnamed."""
        cue = self.lex.cue(self.tokens[i].key)
        return None if cue is None or self._verbal_noun(i) else cue

    def _verbal_noun(self, i: int) -> bool:
        """True when cue form ``i`` is a verbal noun keeping a source unnamed (رافضة كشف اسمها، عدم نشر اسمه)."""
        nxt = self.tokens[i + 1].key if i + 1 < len(self.tokens) else ""
        return nxt in ANONYMITY or (i > 0 and self.tokens[i - 1].key == "عدم")
