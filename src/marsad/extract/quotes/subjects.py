"""Who a cue's subject is: the words between a cue and its quote, before it, or the sentence's actor; the channel."""

from __future__ import annotations

from itertools import accumulate

from marsad.extract.quotes.marks import Marked
from marsad.extract.quotes.openers import FA_INNA, FA_QAD, PRONOUN_OBJECTS, RELATIVES, Openers
from marsad.extract.quotes.piece import COMMAS, ENDERS
from marsad.extract.quotes.speakers import COUNTERPARTS, DEMONSTRATIVES, Speaker
from marsad.model import Span
from marsad.page.outlets import outlet_table
from marsad.text.clitics import bare_word
from marsad.text.normalize import norm_key
from marsad.text.tokens import Token

CHAIN = frozenset({"نقلا", "نقلاً"})
GOVERNORS = frozenset({
    "الي", "علي", "من", "في", "عن", "مع", "ضد", "دون", "بدون", "بين", "عند", "لدي", "حول", "نحو", "تجاه", "بحق",
    "ونظيره", "نظيره", "بنظيره", "مثل", "و",
})
QUANTIFIERS = frozenset({"عدد", "بعض", "احد", "احدي", "مجموعه", "كثير", "معظم", "اغلب", "عشرات", "ميات"})  # عدد من
FRONTING = frozenset({"بشان", "حول", "عن", "بخصوص", "فيما", "ازاء", "تعليقا", "ردا"})  # وبشأن X، قال ...
TOPIC_VERBS = frozenset({"يخص", "يتعلق"})  # «وفيما يخص X قال:»: a topic, like «وعن X قال:»
WAS = frozenset({"كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا"})
OBJECT_NOUNS = frozenset({"عدم", "ضروره", "اهميه", "رفض", "رفضهم", "صحه"})  # a cue's object (نفى صحة), no subject
CONTRASTIVE = frozenset({"لكن", "ولكن", "بينما", "وبينما", "فيما", "وفيما", "فان"})  # لكن صحيفة «يني شفق» ... قالت
# «كما أن»، «غير أن»، «إلا أن»، «بيد أن»: like لكن, a clause whose subject comes before its verb
CONNECTIVES = frozenset({"كما", "وكما", "غير", "الا", "بيد"})

_DESCRIPTION = 14  # the most tokens of a verb's described subject closed by a name and a comma
PARENTHESIS = 8  # the most tokens of a clause set off by commas between a fronted subject and its verb


class Subjects(Openers):
    """A piece that finds the subjects and channels of cues."""

    def _subject(self, zone: list[Token]) -> tuple[list[Token], list[Token]]:
        """Split the tokens between a cue and its quote into (speaker words, relaying words)."""
        while zone and zone[0].key in PRONOUN_OBJECTS and not (
                zone[0].key in DEMONSTRATIVES and len(zone) > 1 and self._pointed(zone[1])):
            zone = zone[1:]
        zone = self._after_addressee(zone)
        for c in range(len(zone) - 1):
            if zone[c].key in CHAIN and zone[c + 1].key == "عن":
                return self._cut(zone[c + 2:]), self._cut(zone[:c])
        return self._cut(zone), []

    def _after_addressee(self, zone: list[Token]) -> list[Token]:
        """The zone without the outlet the words were said to when it comes first, before the subject: «وقال
        لـ"الاقتصادية" باسم مؤمنة؛ رئيس ...، إن»، «وقال لرويترز فلان إن» (the subject follows the addressee)."""
        if len(zone) < 2:
            return zone
        first = zone[0]
        m = self._open.get(zone[1].start)
        if first.key == "ل" and m is not None and m.closed:
            rest = [t for t in zone if t.start > m.close]
        elif first.key == "ل" and not zone[1].is_word:
            # لـ"الاقتصادية": a mark glued to the ل is not paired as an opening one; the next same mark closes it
            close = next((k for k in range(2, min(len(zone), 7)) if zone[k].text == zone[1].text), None)
            if close is None:
                return zone
            rest = zone[close + 1:]
        elif (quoted := self._open.get(first.start)) is not None and quoted.closed and self._outlet_named(quoted):
            # «وأبلغ "الوطن" المسؤول عن شؤون السعوديين ...»، «أبلغ "الاقتصادية" مصدر»: a news outlet in marks right
            # after the verb, before a speaker's role or name, is who the words were said to
            rest = [t for t in zone if t.start > quoted.close]
            if not rest or not (self.lex.role(rest[0].key) in ("person", "group", "body") or any(
                    m.start == rest[0].start and m.type == "PER" for m in self.resolver.doc.mentions)):
                return zone
        elif first.key[:1] == "ل" and len(first.key) > 2 and self.lex.channel_at([t.key for t in zone if t.is_word]):
            # لوكالة الصحافة الفرنسية، لرويترز: the channel and its article words
            k = 1
            while k < len(zone) and zone[k].key.startswith("ال"):
                k += 1
            rest = zone[k:]
            if rest and not (self.lex.role(rest[0].key) in ("person", "group", "body") or any(
                    m.start == rest[0].start and m.type == "PER" for m in self.resolver.doc.mentions)):
                return zone  # «وقال لوسائل إعلام روسية»: the channel's own words go on
        else:
            return zone
        if not rest or not rest[0].is_word or rest[0].key in self.lex.stops \
                or rest[0].key.startswith(("بال", "لل", "فال", "كال")) or self._in_timex(rest[0].start):
            return zone  # «وقالت لـ«رويترز» بالبريد الإلكتروني:»: no subject after the outlet
        return rest

    def _outlet_named(self, m: Marked) -> bool:
        """True when a quoted stretch names a news outlet of ``outlets.tsv``, or the document's own outlet by its name
        without the qualifier that tells it from a namesake («الوطن» in «الوطن (السعودية)»)."""
        words = self.text[m.start:m.end].strip()
        own = self.resolver.doc.outlet
        return outlet_table().canonical(words) is not None or (
            own is not None and norm_key(own.split("(")[0]) == norm_key(words))

    def _pointed(self, tok: Token) -> bool:
        """True when ``tok`` is a definite role a demonstrative before it points at («هذا الناطق»); «وأكد ذلك مصدر»
        is the verb's object «ذلك» and an indefinite subject."""
        return tok.key.startswith("ال") and self.lex.role(tok.key) is not None

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
                before = self.tokens[self.index(tok.start) - 1].key
                # وكالة أنباء «الأناضول»: the agency's name closes its description
                if any(t.is_word for t in out) and before not in self.lex.name_heads \
                        and not (before == "انباء" and out[0].key in self.lex.name_heads) and not self._quoted_name(m):
                    break
                depth = m
                out.append(tok)
                continue
            if tok.text in COMMAS or tok.text in ENDERS or tok.text == ":" or tok.text == "(":
                break
            if self._in_timex(tok.start):
                if out:
                    break  # قال الوزير أمس إن: a time expression ends the subject
                continue  # وكان خامنئي قال أول من أمس، إن / وقال أمس الوزير: nor is it the subject
            if not out and tok.text[:1] == "ل" and any(
                    m.start == tok.start + 1 and m.type != "PER" for m in self.resolver.doc.mentions):
                break  # قال لهيئة الإذاعة ...: the addressee, never the subject
            if tok.key == "من" and len(out) == 1 and bare_word(out[0].key) in QUANTIFIERS:
                out.append(tok)  # «عدد من المراقبين»: the quantity's noun follows من
                continue
            # علي الأحمدي, صباح النعماني: a name tagged from this word (a first name, not على or «morning»)
            named = tok.key in self.lex.stops and any(
                m.type == "PER" and (m.start == tok.start or (
                    tok.key == "علي" and m.start > tok.end and not self.text[tok.end:m.start].strip())
                    or m.start < tok.start < tok.end < m.end  # «الصيدلي محمد علي الطويلعي»: inside a name
                    # «وقال المهندس عبدالله علي سابق: إن»: so spelt closing a tagged name, the father's name
                    or (tok.text == "علي" and m.start < tok.start and tok.end == m.end))
                for m in self.resolver.doc.mentions)
            nxt = self.tokens[self.index(tok.start) + 1] if self.index(tok.start) + 1 < len(self.tokens) else None
            # «رئيس المنظمة علي أكبر صالحي»: علي spelt with ya after a description, before a name word
            ali = tok.text == "علي" and nxt is not None and nxt.is_word and nxt.key not in self.lex.stops \
                and not nxt.key.startswith("ال")
            named = named or (ali and bool(out) and out[-1].key.startswith("ال"))
            # «وقال علي أكبر صالحي إن»، «نقلت ... عن علي شمخاني قوله»: so spelt opening the subject, before a word that
            # is no cue nor a verb's object, it is the first name (about 60 of 66 such subjects in 20,000 SaudiNewsNet
            # articles) — never after a feminine verb («فردت علي بعنف»: "replied to me")
            named = named or (ali and not out and nxt is not None and self.lex.cue(nxt.key) is None
                              and nxt.key not in OBJECT_NOUNS
                              and self.lex.gender(self.tokens[self.index(tok.start) - 1].key) != "f")
            named = named or (not out and self._apposed_name(self.index(tok.start)))
            if not out and tok.key in DEMONSTRATIVES and nxt is not None and self._pointed(nxt):
                out.append(tok)  # «وأكد هذا الناطق ...»: kept for the resolver, which takes it back to a known speaker
                continue
            # «للصحيفة» after the subject is who the words were said to — but not inside a body's name the subject
            # holds («رئيس اللجنة الدائمة للبحوث العلمية والإفتاء الشيخ عبدالعزيز ...»)
            addressee = tok.key.startswith("لل") and not any(
                m.start < tok.start < m.end for m in self.resolver.doc.mentions)
            if (tok.key in self.lex.stops and not named) or addressee or self.lex.cue(tok.key) is not None:
                break
            if tok.key[:1] == "ل" and self.lex.channel_at([tok.key]):
                break  # الوزير لتلفزيون ...، «قال أمس لصحيفة ...»: the channel the words were said to
            if out and tok.key in OBJECT_NOUNS:
                break  # ونفى المسؤول صحة الشائعات: the verb's object
            if out and tok.key[:1] == "ل" and tok.key[1:] in COUNTERPARTS:
                break  # وقال الوزير لنظيره الأمريكي جون كيري: the addressee
            if out and tok.key[:1] == "ل" and tok.key not in self.lex.roles and self.lex.role(tok.key) == "person" \
                    and self.lex.role(out[0].key) != "person":
                break  # قالت دول الخليج لوزير الخارجية الأميركي جون كيري: the addressee (a role's complement is not)
            if (tok.key in self.lex.complementizers and tok.key not in FA_INNA) or tok.key in RELATIVES:
                break
            out.append(tok)
        return out

    def _apposed_name(self, j: int) -> bool:
        """True when token ``j`` starts a name of two or three words set off by a comma before a person's role:
        «وأوضح فضل الشرجبي، أحد العاملين في القطاع، أنه» (فضل, a common word too, is a first name here)."""
        k = j
        while k < len(self.tokens) and k - j < 3 and self.tokens[k].is_word and not self.tokens[j].key.startswith("ال") \
                and (k == j or self.tokens[k].key not in self.lex.stops) and self.lex.role(self.tokens[k].key) is None:
            k += 1
        return k - j >= 2 and k + 1 < len(self.tokens) and self.tokens[k].text in COMMAS \
            and self.lex.role(self.tokens[k + 1].key) == "person"

    def _apposed_after(self, words: list[Token]) -> list[Token] | None:
        """The full name set off by commas after a role subject with no name of its own: «كشف القيادي المنشق عن
        الانقلابيين الحوثيين، عبدالناصر العوذلي، وجود ...» — the name's tokens; None otherwise."""
        if not words or self.lex.role(words[0].key) != "person" or self.resolver.person_in(words[0].start, words[-1].end):
            return None
        k = self.index(words[-1].end)
        limit = min(len(self.tokens) - 1, k + 10)
        while k < limit and self.tokens[k].is_word and self._sent[k] == self._sent[self.index(words[0].start)]:
            if self.lex.cue(self.tokens[k].key) is not None or self.tokens[k].key in self.lex.complementizers:
                return None
            k += 1
        if k >= limit or self.tokens[k].text not in COMMAS:
            return None
        found = self.resolver.person_mention_in(self.tokens[k + 1].start, self.tokens[limit].end)
        if found is None or found[0].start != self.tokens[k + 1].start or not 2 <= len(found[0].text.split()) <= 4:
            return None
        after = self.text[found[0].end:found[0].end + 2].strip()[:1]
        if after not in ("،", ",", ":"):
            return None
        return [t for t in self.tokens[k + 1:limit + 1] if t.end <= found[0].end]

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
            if run and self.lex.role(first) is None and any(f.start <= run[0].start <= f.end for f in self.found) \
                    and self.resolver.person_in(run[0].start, run[-1].end, ("PER", "ORG")) is None:
                return []  # «... بمحافظة أبين التي قال إن»: a place at the end of a reported clause says nothing
            return run
        glued = self.tokens[i].key[:1] == "ف"
        if glued or (i > 0 and self.tokens[i - 1].key in FA_QAD):
            # «أما علي العباسي من محافظة البيضاء فأشار إلى أن»، «أما المتحدث باسم المقاومة في شبوة، مبارك باراس،
            # فقد أكد أنهم»: the topic before أما ... ف is the subject, the name set off by commas in it first
            end = i if glued else i - 1
            for j in range(end - 1, max(-1, end - 15), -1):
                if self._sent[j] != self._sent[i] or self.lex.cue(self.tokens[j].key) is not None:
                    break
                if self.tokens[j].key in ("اما", "واما"):
                    topic = self.tokens[j + 1:end]
                    apposed = self.resolver.person_mention_in(topic[0].start, topic[-1].end) if topic else None
                    if apposed is not None and "،" in self.text[topic[0].start:apposed[0].start]:
                        return [t for t in topic if apposed[0].start <= t.start and t.end <= apposed[0].end]
                    return self._cut(topic)
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
        was = self._was_words(i)
        return was if was is not None else self._fronted_subject(i)

    def _was_words(self, i: int) -> list[Token] | None:
        """The subject written between «كان/وكانت» and cue ``i`` («وكانت تقارير قالت»، «وكان رئيس هيئة الأركان ...،
        اللواء محمد المقدشي، قد أعلن»: the name set off by commas); None when no كان opens the clause."""
        lo = max(0, i - 16)
        if self._topic_start(i) is not None:
            return None  # «وحول قرار إبعاده هل كان مفاجئا قال:»: a كان inside a fronted topic has no speaker
        for j in range(i - 1, lo - 1, -1):
            tok = self.tokens[j]
            if tok.text in ENDERS or self._sent[j] != self._sent[i] or tok.key in CONTRASTIVE:
                return None
            if tok.key in WAS:
                between = [t for t in self.tokens[j + 1:i] if t.key not in ("قد",)]
                words = self._cut([t for t in between if t.text not in COMMAS]) if between else []
                if words and len(words) < len(between) and self.lex.role(words[0].key) == "person":
                    # «وكان رئيس هيئة الأركان العامة في اليمن، اللواء محمد المقدشي، قد أعلن»: the name set off by
                    # commas after the role
                    apposed = self.resolver.person_mention_in(words[-1].end, between[-1].end)
                    if apposed is not None and self.text[words[-1].end:apposed[0].start].count("،") == 1:
                        return [t for t in between if apposed[0].start <= t.start and t.end <= apposed[0].end]
                # quoted names count as one word («وكانت شبكتا «سي ان ان تورك» و»ان تي في» الاخباريتان أكدتا ان»)
                far = sum(t.is_word and not any(m.open <= t.start < m.close for m in self.marks)
                          for t in self.tokens[j + 1:i]) + sum(j < self.index(m.open) < i for m in self.marks if m.closed)
                return words if far <= 10 else []
        return None

    def _fronted_subject(self, i: int) -> list[Token]:
        """The subject written before an unprefixed cue verb, after «لكن» or a clause start: «لكن صحيفة «يني شفق»
        المؤيدة للحكومة قالت إن»، «لكن ناشطين يعملون على ... أكدوا أن» — a body, a role, a channel, a named
        mention, or a plural noun before a plural verb; nothing when another verb or a comma comes between, but for
        one clause set off by commas right before the verb («غير أن مسؤولا أميركيا، رفض نشر اسمه ووظيفته، قال»)."""
        j = self._clause_back(i - 1, i)
        end = i
        if j is not None and j >= 0 and self.tokens[j].text in COMMAS:
            k = j - 1
            while k >= 0 and j - k <= PARENTHESIS and self._sent[k] == self._sent[i] and self.tokens[k].text not in COMMAS \
                    and self.tokens[k].key not in self.lex.complementizers and self.mark_at(k) is None:
                k -= 1
            if k >= 0 and k < j - 1 and self.tokens[k].text in COMMAS:
                j, end = self._clause_back(k - 1, i), k
        if j is None or j < 0 or not self._contrastive(j) or j + 1 >= end:
            return []
        words = self._cut(self.tokens[j + 1:end])
        if not words:
            return []
        first = words[0]
        # a plural verb (قالوا، يقولون) after a plural subject: «لكن ناشطين ... أكدوا»، «لكن بعض المحللين يقولون»،
        # «لكن مسؤولي المتنزه قالوا»
        plural = self.tokens[i].key.endswith(("وا", "ون")) and (
            bare_word(first.key) in QUANTIFIERS or any(t.key.endswith(("ين", "ون")) for t in words[:3])
            or (len(words) > 1 and first.key.endswith("ي") and words[1].key.startswith("ال")))
        # a mention opening the words, or a person's name closing them right after a definite description («كما أن
        # الأسطورة الأرجنتينية دييغو مارادونا أعلن أنه» — not a name a preposition governs: «وفيما يخص رأيه بسامي الجابر
        # قال:»)
        starts = {t.start: k for k, t in enumerate(words)}
        mention = any((m.start == first.start and m.type in ("PER", "ORG")) or (
            m.type == "PER" and m.end == words[-1].end and starts.get(m.start, 0) > 0
            and words[starts[m.start] - 1].key.startswith("ال")) for m in self.resolver.doc.mentions)
        if plural or mention or self.lex.role(first.key) in ("person", "group", "body") \
                or self.lex.is_channel([first.key]):
            return words
        return []

    def _clause_back(self, j: int, i: int) -> int | None:
        """Walking back from token ``j`` in the sentence of cue ``i``: the index of the first comma or contrastive word
        met (-1 at the text's start, or where the walk gave up), None when another cue comes first."""
        while j >= 0 and i - j <= 12 and self._sent[j] == self._sent[i] and self.tokens[j].text not in COMMAS \
                and not self._contrastive(j):
            if self.lex.cue(self.tokens[j].key) is not None:
                return None
            j -= 1
        return j

    def _contrastive(self, j: int) -> bool:
        """True when token ``j`` opens a clause whose subject precedes its verb: لكن، بينما، فيما, or the أن of
        «كما أن»، «غير أن»، «إلا أن»، «بيد أن»."""
        key = self.tokens[j].key
        return key in CONTRASTIVE or (key == "ان" and j > 0 and self.tokens[j - 1].key in CONNECTIVES)

    def _subjectless(self, i: int, types: tuple[str, ...] = ("PER",), gender: str | None = None) -> Speaker | None:
        """The speaker of a cue without a subject: the person the sentence is about when no speaker was met in
        that sentence ('بدوره، أعاد بوتين التذكير ...، وقال: «...»'); when no speaker was met in the paragraph
        at all, the person an earlier sentence of the paragraph is about ('وظهر كيري ... وقال إنه'); else None
        (the latest speaker then).  A dateline before a colon or a dash, and quoted words, are never searched.
        With ``gender`` (a participle's), only a current speaker agreeing with it keeps a name deep in the sentence
        from taking over («وأكدوا أن» of a group, then «واستنكر القاضي في محكمة ... الشيخ محمد الجيراني ...، لافتا»)."""
        s0 = self._sentence_start[i]
        for j in range(i - 1, s0 - 1, -1):
            if self.tokens[j].text in (":", "-", "–"):
                s0 = j + 1
                break
        start = i if self._topic_start(i) is not None else self._after_fronted(s0, i)
        lo, here = self.tokens[start].start, self.tokens[i].start
        latest = self.resolver.memory.latest(self._para[i], 0)
        if latest is not None and any(lo <= f.start < here for f in self.found):
            return None
        hi = here
        if self.resolver.memory.latest(self._para[i], gender=gender) is not None:
            # with a current speaker, only a name in subject position takes over («بدوره، أعاد بوتين ...، وقال»);
            # a name deep in the verb's object does not («ورفض نفي القبض على ... «عبدالخالق الحوثي» قائلا»)
            lead = next((c + 1 for c in range(start, min(start + 5, i)) if self.tokens[c].text in COMMAS), start)
            hi = max(self.tokens[max(min(lead + 7, i), self._role_named(lead, i))].start,
                     self._described_subject_end(start, i))
        person = self._actor(lo, hi, types)
        if person is not None and gender is not None \
                and self.resolver.memory.genders.get(person.span.text, gender) not in (gender, "p"):
            # «علقت صحيفة "لوفيجارو" ... حرم الرئيس الأميركي ...، مؤكدة أن»: a feminine participle does not go on
            # with a man remembered as the subject of a masculine verb
            person = None
        if person is None and types == ("PER",):
            person = self._described_actor(s0, i)
        if person is None and types == ("PER",):
            person = self._intervening(s0, i, described=True)
        return person

    def _honorific_actor(self, i: int) -> Speaker | None:
        """The dignitary an honorific pronoun right after the verb opening cue ``i``'s sentence stands for («وأدان
        معاليه ... هذا العمل، مشيرا إلى أن»، «ورحب سموه بالفريق ...، موضحا بأن»): the latest speaker met, not a name
        in the verb's object (المجلس الأعلى، «بحماس»), else the first person named before the sentence (the story's
        dignitary: «شجب وزير العدل ... الدكتور وليد بن محمد الصمعاني ...»); None when the sentence opens otherwise."""
        s0 = self._sentence_start[i]
        if s0 + 1 >= i or not self.tokens[s0].is_word or self.tokens[s0 + 1].key not in self.lex.honorifics:
            return None
        return self._dignitary(i)

    def _dignitary(self, i: int) -> Speaker | None:
        """Who an honorific pronoun in cue ``i``'s sentence stands for: the latest speaker met, else the first person
        named before the sentence."""
        before = self.tokens[self._sentence_start[i]].start
        return self.resolver.memory.latest(self._para[i]) or self.resolver.person_in(self.start, before)

    def _role_named(self, lead: int, i: int) -> int:
        """The token after a name closing a person's role that opens the clause at ``lead`` (a verb, then the role,
        its definite words and complements: «كما دان الأمين العام الأسبق للأمم المتحدة بطرس بطرس غالي الحادث»), so
        that the name counts as the subject; ``lead`` when there is none before ``i``."""
        for c in range(lead, min(lead + 3, i)):
            if self.lex.role(self.tokens[c].key) != "person":
                continue
            k = c + 1
            while k < min(c + 7, i) and self.tokens[k].key.startswith(("ال", "لل", "بال")):
                k += 1
            found = self.resolver.person_mention_in(self.tokens[k].start, self.tokens[i].start) if k < i else None
            if found is not None and found[0].start == self.tokens[k].start:
                return min(self.index(found[0].end), i)
            return self._coordinated_named(c, i) or lead
        return lead

    def _coordinated_named(self, c: int, i: int) -> int:
        """The token after a name closing roles joined by و, the first at ``c`` («ووصف الخبير العسكري ومدير مركز
        الجمهورية للدراسات السياسية والاستراتيجية اللواء سامح سيف اليزل الزيارة»: one man's two roles, then his
        name); 0 when no such name comes before ``i``. Only role words, their definite complements and a second role
        after و lead to the name, within 14 tokens."""
        joined = False
        k = c + 1
        while k < min(c + _DESCRIPTION, i) and self.tokens[k].is_word:
            tok = self.tokens[k]
            role = self.lex.role(tok.key)
            if tok.key[:1] == "و" and tok.key not in self.lex.roles and self.lex.role(tok.key[1:]) == "person":
                joined = True  # ومدير (وزير is one word)
            elif role is None and not tok.key.startswith(("ال", "لل", "بال", "وال")):
                break
            k += 1
        if not joined or k >= i:
            return 0
        found = self.resolver.person_mention_in(self.tokens[k].start, self.tokens[i].start)
        if found is None or found[0].start != self.tokens[k].start or len(found[0].text.split()) < 2:
            return 0
        return min(self.index(found[0].end), i)

    def _after_fronted(self, s0: int, i: int) -> int:
        """The first token after a fronted phrase of the sentence starting at ``s0`` («وبشأن زيارة خالد مشعل إلى
        طهران، أكد ...»: the name in the phrase is not the actor); ``s0`` when there is none before ``i``."""
        key = self.tokens[s0].key
        if (key[1:] if key.startswith("و") else key) not in FRONTING:
            return s0
        for j in range(s0 + 1, i):
            if self.tokens[j].text in COMMAS:
                return j + 1
        # with no comma, a topic runs to the sentence's first cue («وفيما يخص رأيه بسامي الجابر قال: «...»»)
        cue = next((j for j in range(s0 + 1, i) if self._sent[j] == self._sent[s0]
                    and self.lex.cue(self.tokens[j].key) is not None and self._topic_start(j) == s0), None)
        return s0 if cue is None else cue

    def _topic_start(self, i: int) -> int | None:
        """The topic word (عن، حول، بشأن ...، فيما يخص) opening the clause of a subjectless cue ``i`` — at the sentence's
        start or after a comma — with neither a comma nor another cue before ``i``, as interviews write it: «،
        وحول قرار إبعاده عن فريق الشباب هل كان مفاجئا قال: «...»»، «وفيما يخص رأيه بسامي الجابر قال:» (nothing in
        the topic speaks); None otherwise."""
        j = i - 1
        while j >= 0 and i - j <= _DESCRIPTION and self._sent[j] == self._sent[i] and self.tokens[j].text not in COMMAS:
            j -= 1
        c = j + 1
        if c + 1 >= i:
            return None
        key = self.tokens[c].key
        bare = key[1:] if key.startswith("و") else key
        if bare not in FRONTING or (bare == "فيما" and self.tokens[c + 1].key not in TOPIC_VERBS):
            return None  # «فيما سخر كثيرون ...»: a clause, not a topic
        if any(self.lex.cue(t.key) is not None for t in self.tokens[c + 1:i]):
            return None
        return c

    def _described_actor(self, s0: int, i: int) -> Speaker | None:
        """The described subject of the sentence's first verb when it has no name: «ودان دبلوماسي أميركي كبير على
        تويتر الهجمات ... وأضاف أنه» — the diplomat, not the previous speaker."""
        if i - s0 < 3 or not self.tokens[s0].key.startswith("و") or self.tokens[s0].key in self.lex.stops:
            return None
        if self.lex.role(self.tokens[s0 + 1].key) not in ("person", "group") or self.tokens[s0 + 1].key.startswith("ال"):
            return None
        words = self._cut(self.tokens[s0 + 1:i])
        return self.resolver.resolve(words, self._para[i]) if words else None

    def _intervening(self, s0: int, i: int, described: bool = False) -> Speaker | None:
        """The person an earlier sentence (of this paragraph or the one before) is about, when no quote came after it:
        «وقال X ...» then «لكن Y قرر ...» then «وقال:» — Y, not X (with no speaker met yet, the paragraph's actor).

        With ``described`` (a cue with no subject of its own), a name closing a long description of a clause's subject
        counts too («على صعيد ثان، أرجع المتحدث باسم حماية المستهلك الدكتور عبيد العبدلي، ...» then «وقال»); a role
        subject never takes it (that person holds the other role the description gives)."""
        p0 = s0
        while p0 > 0 and self._para[p0 - 1] >= self._para[i] - 1:  # this paragraph and the one before
            p0 -= 1
        last_quote = max((f.end for f in self.found if f.end <= self.tokens[s0].start), default=-1)
        if self.resolver.memory.latest(self._para[i]) is not None:
            after = self.index(last_quote) if last_quote >= 0 else s0
            while 0 < after < s0 and self._sent[after] == self._sent[after - 1]:
                after += 1  # the rest of the quote's sentence (نافيا ما تثيره وسائل إعلام الحوثي) is still its speaker's
            p0 = max(p0, after)
        j = s0
        while j > p0:
            k = j - 1
            while k > p0 and self._sent[k - 1] == self._sent[j - 1]:
                k -= 1
            # the sentence's clauses, latest first: «...، وتمكن ترامب من الهيمنة عليها.» then «وقد كتب: «...»»
            clauses = [c for c in range(j - 1, k, -1) if self.tokens[c - 1].text in COMMAS
                       and self.tokens[c].key.startswith("و") and self.lex.cue(self.tokens[c].key) is None]
            for c in [*clauses, self._after_fronted(k, j)]:
                head = self.tokens[min(c + 8, j - 1)].end
                if described:
                    head = max(head, self._described_subject_end(c, j))
                person = self._actor(self.tokens[c].start, head, ("PER",))
                if person is not None:
                    return person
            j = k
        return None

    def _described_subject_end(self, c: int, j: int) -> int:
        """The end of a name closing a long description that is the subject of the clause opening at ``c`` (before
        ``j``): an optional opening phrase set off by a comma, a verb, a person's role word, any words of its
        description and the name, all before the next comma («على صعيد ثان، أرجع المتحدث باسم حماية المستهلك الدكتور
        عبيد العبدلي، أسباب ...»); 0 when the clause has no such subject."""
        lead = next((t + 1 for t in range(c, min(c + 5, j)) if self.tokens[t].text in COMMAS), c)
        if lead + 2 >= j or self.lex.role(self.tokens[lead + 1].key) != "person":
            return 0
        stop = lead + 2
        while stop < min(lead + _DESCRIPTION, j) and self.tokens[stop].text not in COMMAS and not self.ends_sentence(stop):
            stop += 1
        if stop >= j or self.tokens[stop].text not in COMMAS:
            return 0  # the name must close the description right before a comma
        found = self.resolver.person_mention_in(self.tokens[lead + 1].start, self.tokens[stop].start)
        return found[0].end if found is not None and found[0].end == self.tokens[stop - 1].end else 0

    def _actor(self, lo: int, hi: int, types: tuple[str, ...]) -> Speaker | None:
        """The first mention of ``types`` in ``[lo, hi)`` outside quotes and quoted stretches."""
        while lo < hi:
            found = self.resolver.person_mention_in(lo, hi, types)
            if found is None:
                return None
            mention, person = found
            # a quoted name (وتبنت «جبهة النصرة» ...) is no quoted words: marks holding just the mention do not hide it
            inside = next((m for m in self.marks if m.open <= person.span.start < m.close
                           and not (mention.start <= m.start and m.end <= mention.end)), None)
            at = self.index(person.span.start)
            prev = self.tokens[at - 1] if at > 0 else None
            in_name = prev is not None and prev.key == "علي" and any(
                m.type == "PER" and m.end <= prev.start and not self.text[m.end:prev.start].strip()
                for m in self.resolver.doc.mentions)  # آية الله علي خامنئي: علي is a name here
            governed = prev is not None and prev.key in GOVERNORS and not in_name  # دون الأسد: a preposition's object
            # «كما تحدث عن رحيل ماركينهو وقال إنه»: the name completes a noun a preposition governs
            governed = governed or (at > 1 and prev is not None and self.tokens[at - 2].key in GOVERNORS - {"و"}
                                    and prev.is_word and not prev.key.startswith("ال") and prev.key not in self.lex.stops
                                    and self.lex.role(prev.key) is None and not in_name)
            k = at - 1
            while k > 0 and at - k <= 3 and self.tokens[k].key.startswith("ال") and not in_name \
                    and not self._in_place(self.tokens[k].start):
                k -= 1  # من قبل الصحافية ميغين كيلي: the role's governor governs the name
            # ... but a place after لدى is no role: «السفير الأمريكي لدى السعودية جوزيف ويستفول» is the subject (after
            # another governor, a title with no entry in the role list still is one: «من قبل الصحافية ميغين كيلي»)
            governed = governed or (k < at - 1 and self.tokens[k].key in GOVERNORS | {"قبل"} and (
                self.tokens[k].key != "لدي" or self.lex.role(self.tokens[k + 1].key) is not None))
            if inside is None and not governed and not any(f.start <= person.span.start < f.end for f in self.found):
                return person
            # past the mention at least: a role resolves to a name that may be written before ``lo``
            lo = max(inside.close if inside is not None else person.span.end, mention.end)
        return None

    def _zone_stop(self, j: int) -> int:
        """Where a cue's subject must end when no quote follows: a comma, a sentence end, a participle cue (غردت
        الوزيرة ... قائلة) or 15 tokens."""
        limit = min(len(self.tokens), j + 15)
        while j < limit and self.tokens[j].text not in COMMAS and not self.ends_sentence(j):
            cue = self.lex.cue(self.tokens[j].key)
            if cue is not None and cue.role == "participle":
                break
            j += 1
        return j

    def _in_place(self, offset: int) -> bool:
        """True when ``offset`` is inside a place mention (LOC, GPE): «في القطيف الشيخ محمد الجيراني» — a place the
        preposition governs, not a role word leading to the name after it."""
        return any(m.start <= offset < m.end and m.type in ("LOC", "GPE") for m in self.resolver.doc.mentions)

    def _in_timex(self, offset: int) -> bool:
        """True when ``offset`` is inside a time expression the time stage found (أول من أمس، يوم الجمعة)."""
        return any(t.start <= offset < t.end for t in self.resolver.doc.timexes)

    def _before_channel(self, zone: list[Token], channel: Span) -> list[Token]:
        """The zone's tokens before a channel and its preposition (العميد عادل مولان | لـ«الشرق الأوسط»)."""
        k = next((n for n, t in enumerate(zone) if t.end > channel.start), len(zone))
        while k > 0 and not zone[k - 1].is_word:
            k -= 1
        if k > 0 and zone[k - 1].key in ("ل", "لـ", "علي", "عبر", "في"):
            k -= 1
        return zone[:k]

    def _channel_only(self, span: Span) -> Span:
        """A channel phrase cut to the channel: its head and name («وكالة الأنباء الألمانية»، «شبكة "ان.بي.سي"
        الاميركية»، «حسابه على موقع التواصل الاجتماعي “تويتر”»), its adjectives (ال-words, nisba adjectives: لقاء
        صحفي) and a platform after على/في/عبر — never the words after it (لقاء صحفي أمس، لقاء موسع عقده ...)."""
        toks = [t for t in self.tokens[self.index(span.start):self.index(span.end)] if t.end <= span.end]
        need = self.lex.channel_at([t.key for t in toks if t.is_word])
        last: Token | None = None
        k = 0
        named = 0  # name words right after the head (شبكة سكاي سبورتس، موقع تداول), before any adjective
        while k < len(toks):
            tok = toks[k]
            m = self._open.get(tok.start)
            if m is not None and m.closed:
                while k < len(toks) and toks[k].start < m.close:
                    k += 1
                if k < len(toks):
                    last = toks[k]
                k += 1
                continue
            if not tok.is_word or self._in_timex(tok.start):
                break
            rest = [t.key for t in toks[k + 1:] if t.is_word]
            platform = self.lex.channel_at(rest) if tok.key in ("علي", "في", "عبر") else 0
            if tok.key[:1] == "ب" and self.lex.channel_at([t.key for t in toks[k:] if t.is_word]):
                platform = 0  # حسابه بتويتر: the platform itself
                need = max(need, 1)
            if platform:
                need = platform + 1
            elif need <= 0 and named < 2 and tok.key[:1] not in "لب" and not tok.key.startswith("ال") \
                    and not tok.text.endswith("ه") and tok.key not in self.lex.stops and self.lex.cue(tok.key) is None:
                named += 1
            elif need <= 0 and (tok.key.startswith("ال") or (tok.key.endswith(("ي", "يه")) and len(tok.key) > 3)):
                named = 2
            elif need <= 0:
                break
            need -= 1
            last = tok
            k += 1
        if last is None:
            return span
        return Span(span.start, last.end, self.text[span.start:last.end])

    def _channel_via(self, zone: list[Token]) -> Span | None:
        """The channel between a cue and its quote: «لـ"الوطن"», «لتلفزيون بي بي سي», «على تويتر», «عبر حسابه في تويتر»."""
        words = [t.key for t in zone if t.is_word]
        before = list(accumulate((t.is_word for t in zone), initial=0))  # the words of the zone before each token
        for c in range(1, len(zone)):
            tok = zone[c]
            m = self._open.get(zone[c + 1].start) if c + 1 < len(zone) else None
            if tok.key == "ل" and m is not None and m.closed and m.close <= zone[-1].end:
                return Span(m.start, m.end, self.text[m.start:m.end])
            keys = words[before[c]:]  # the words from token c on
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
