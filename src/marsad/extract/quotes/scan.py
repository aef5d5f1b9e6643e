"""Scanning one article piece for quotes: the cue walk over verbs, participles, documents and nominal cues."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import compress, count

from marsad.extract.quotes.emit import Emitter
from marsad.extract.quotes.openers import (
    BEFORE_BARE,
    COMMA_LEADS,
    POSTS,
    PRONOUN_OBJECTS,
    RELATIVES,
    RELAYED_PRONOUNS,
    TURN_WORDS,
)
from marsad.extract.quotes.piece import COMMAS, ENDERS, Found
from marsad.extract.quotes.speakers import Speaker, definite_word
from marsad.extract.quotes.subjects import GOVERNORS, OBJECT_NOUNS, QUANTIFIERS, WAS
from marsad.model import Span
from marsad.text.clitics import bare_word
from marsad.text.tokens import Token, token_key

LEAD_ZONE = 12
PREPOSITIONS = frozenset({"الي", "علي", "من", "في", "عن", "مع", "بعد", "قبل", "حول", "اثر"})
# «ما/مما يؤكد أن»، «مما يشير إلى أن»: a present-tense cue after these infers (about 40 such before a complementizer
# in 20,000 SaudiNewsNet articles: يؤكد 19, يشير 17, ...) — but for «ما يقول/تقول», what someone says
INFERENCE = frozenset({"ما", "مما"})
# «...، كما قالت مدعية المحكمة، مما فتح الطريق ...»: a consequence after the attribution's comma; it closes the statement
CONSEQUENCES = frozenset({"مما", "وهو", "وهي", "الامر"})
CLAUSE_STARTERS = frozenset({"لم", "لن", "لا", "قد", "فقد", "ما", "ليس", "كان", "كانت", "تم", "يتم"})
# verbal-noun patterns of derived verbs (انفعال، استفعال، تفعيل) on normalised keys
VERBAL_NOUN = re.compile(r"ان..ا.|است..ا.|ت..ي.")  # إفعال left out: spelt like the plural أفعال (أعضاء، أبناء)
# the words of «وقال لن نسمح ...» follow a verb of saying with no mark, colon or complementizer; a subject never
# starts with these
UNMARKED_DIRECT = frozenset({"قال", "اضاف", "تابع"})
# words after which a clause opens with its verb («فيما سخر كثيرون من القضية، معتبرين أن»)
CLAUSE_OPENERS = frozenset({"فيما", "وفيما", "حيث", "بينما", "وبينما", "كما", "وقد", "قد"})
DIRECT_STARTERS = frozenset({"لن", "لم", "لا", "لسنا", "نحن", "ليس", "لقد"})
CONTINUING = ("إنه", "إنها", "إنهم", "إننا")  # a bare إن opens many a sentence of an opinion piece
# «... أكد الوزير أن X. وأن Y.»: a sentence opening with و and the complementizer goes on with the reported words
# (وإن, spelt وان too, is «even if» and left out)
AND_THAT = ("وأن", "وأنه", "وأنها", "وأنهم", "وأنّ", "وبأن")
NOT_REPORTING = frozenset({"ان", "لن", "لم", "لا", "كي", "لكي", "حتي", "قد"})
# what a cue «قال فيه/فيها» refers to (normalised keys without article or clitics)
STATEMENTS = frozenset({"بيان", "بيانا", "خطاب", "خطابا", "تصريح", "تصريحا", "تصريحات", "كلمه", "رساله", "مقال", "مقالا",
                        "تغريده", "مقابله", "حديث", "حديثا", "تسجيل", "تسجيلا", "مداخله"})


# «من جهته، بيّن ...»، «بدوره، عبر ...»: a bare form (بين، عبر، علق) after these and a comma is the verb (39 such
# forms in 10,000 SaudiNewsNet articles, all of them speech)
TURN_MARKERS = TURN_WORDS | {"ناحيته", "ناحيتها"}
# the most tokens between a verb of appeal and the quoted words it reports («ودعا الرئيس المواطنين إلى "..."»); a
# quoted title further on in its object («... إلى تكثيف الوجود ... بمناسبة «ذكرى خراب الهيكل»») is not its words
# tokens, unless the words come right after the preposition of what is called for («دعا وزير الخارجية ... الذي
# انخرطت بلاده في أكثر المواجهات مباشرة مع الصين، إلى «وقف استصلاح الأراضي ...»»)
APPEAL_REACH = 8
MESSAGE_REACH = 6  # words between a verb showing a placard and the placard: its subject
INSCRIBED = frozenset({"عليه", "عليها", "عليهما", "عليهم"})  # «كتب عليها «...»»: written on something
CITED_REACH = 8  # words between «بقول» and the colon: the cited author's name and description
APPEAL_OBJECTS = frozenset({"الي", "ب", "علي"})


class Piece(Emitter):
    """A piece scanned for quotes: :meth:`scan` fills ``found``."""

    def scan(self) -> None:
        """Find every quote of the piece into ``self.found``.

        Only the tokens of :meth:`_stops` can do anything; the walk goes from one to the next.
        """
        stops = self._stops()
        i = 0
        while True:
            k = bisect_left(stops, i)
            if k == len(stops):
                break
            i = stops[k]
            m = self.mark_at(i)
            holder = None if m is None else next((f for f in self.found if f.start <= m.start < f.end), None)
            if m is not None and m.closed and holder is not None:
                i = max(i + 1, self.index(min(m.close, holder.end)))
                continue
            if i == 0 or self._sent[i - 1] != self._sent[i]:
                self._continued(i)
            phrase = self._nominal(i)
            if phrase is not None and phrase[1] in ("lead", "lead_verb"):
                i = self._nominal_cue(i, phrase[0], phrase[1])
                continue
            if phrase is not None and phrase[1] == "manner":
                self._manner(i, phrase[0])
            if phrase is not None and phrase[1] == "cited":
                self._cited(i, phrase[0])
            cue = self._cue_at(i)
            if cue is not None:
                if cue.role == "participle":
                    self._participle(i, cue.lemma)
                elif cue.role == "document":
                    self._document(i)
                else:
                    self._verb(i, cue.lemma, cue.role)
            i += 1
        self._unattributed()

    def _stops(self) -> list[int]:
        """The tokens where the scan may act, in order: where a quotation mark opens, a sentence starts, or a cue or
        a nominal cue may begin (its key among the lexicon's scan triggers); at any other token the scan does
        nothing but step on."""
        # a sentence's first token is its own sentence start; a mark's token starts at its offset
        cues = compress(count(), map(self.lex.scan_triggers.__contains__, map(token_key, self.tokens)))
        marks = (i for i in map(self.index, self._open) if i < len(self.tokens) and self.tokens[i].start in self._open)
        return sorted({*self._sentence_start, *cues, *marks})

    def _named_before_verb(self, i: int) -> list[Token] | None:
        """The tokens of a person's name (two words or more) written right before the unprefixed cue ``i``, with
        nothing but its description between it and the start of the sentence or of a clause opened by لكن (no
        verb, no preposition: «... إلى رئيس مجلس الشورى الدكتور X عبر خلالها» is an addressee) — the verb's
        fronted subject; None otherwise."""
        if i == 0 or self._sent[i - 1] != self._sent[i] or not self.tokens[i - 1].is_word:
            return None
        s0 = self._sentence_start[i]
        found = self.resolver.person_mention_in(self.tokens[s0].start, self.tokens[i - 1].end, last=True)
        if found is None or found[0].end != self.tokens[i - 1].end or len(found[0].text.split()) < 2:
            return None
        at = self.index(found[0].start)
        j = at - 1
        while j >= s0 and at - j <= 6 and not self._contrastive(j):
            tok = self.tokens[j]
            if not tok.is_word or tok.key in GOVERNORS or tok.key in self.lex.stops or self.lex.cue(tok.key):
                return None
            j -= 1
        if j >= s0 and not self._contrastive(j):
            return None
        return [t for t in self.tokens[at:i]]

    def _verb(self, i: int, lemma: str, role: str) -> None:
        tok = self.tokens[i]
        prev = self.tokens[i - 1].key if i > 0 else ""
        nxt = self.tokens[i + 1].key if i + 1 < len(self.tokens) else ""
        prefixed = tok.key not in self.lex.cues
        if prev in PREPOSITIONS or (lemma in self.lex.chain and not self._chain_ok(i)):
            return
        if prev in INFERENCE and tok.key[:1] in "يت" and lemma != "قال":
            # «... مما يؤكد أن الرضيع كان على قيد الحياة»: the writer's inference, nobody's words («وتشجيع ما تقول
            # إنها قوة شيعية توسعية» is what they say)
            return
        turn = i > 1 and self.tokens[i - 1].text in COMMAS and self.tokens[i - 2].key in TURN_MARKERS
        if role == "bare" and not (prefixed or prev in BEFORE_BARE or nxt in PRONOUN_OBJECTS or turn
                                   or self._named_before_verb(i) is not None):
            return  # «... كمال كيليجدار أوغلو عبر عن تشككه»: a name right before it makes عبر a verb
        if lemma == "كتب" and nxt in INSCRIBED:
            return  # «وهو يحمل عصًا كتب عليها «...»»: words written on something, by nobody named
        by = self._by_mark(i) if lemma in self.lex.by else None
        opener = (by + 1, "mark") if by is not None else self._find_opener(i + 1, lemma in self.lex.about)
        if opener is None and lemma in UNMARKED_DIRECT and nxt in DIRECT_STARTERS and tok.key[:1] in "وف":
            opener = (i, "colon")  # «وقال لن نسمح لإيران بالعبث بعروبتنا.»: the words follow with no mark
        opener = self._post_opener(i, opener) or opener
        if lemma in self.lex.accuse and not (
                opener is not None and opener[1] == "comp" and opener[0] > i + 1
                and self.tokens[opener[0]].key.startswith("بان") and not any(
                    t.text in COMMAS or t.text in ENDERS or self.lex.cue(t.key) for t in self.tokens[i + 1:opener[0]])):
            # «ويتهم حلفاء تركيا أنقرة بأنها ...» — but «واتهم بأنه كان ينوي» is passive, «اتهمه بالفساد» no words, and
            # «لا يأسوا على ما فاتهم من الغنائم، ويعترفون بأن» no accusation
            return
        stop = by if by is not None else opener[0] if opener is not None else self._zone_stop(i + 1)
        zone = self._without_relatives(self.tokens[i + 1:stop])
        if len(zone) > 1 and zone[0].text in COMMAS and any(
                m.start == zone[1].start and m.type == "PER" for m in self.resolver.doc.mentions):
            zone = zone[1:]  # «من ناحيته قال، طلال أبو ظريفة -عضو ...: «...»»: a comma before the name subject
        words, relay = self._subject(zone)
        words = self._apposed_after(words) or words
        if lemma in self.lex.accuse:
            words = self._accuser(zone, words)
            zone = words  # the accused after the subject names nobody who speaks («... الجمهوريون إدارة أوباما وخصوصا كلينتون»)
        obj: list[Token] = []
        if words and self._verbal_noun_object(words[0]):
            obj, words = words, []  # «كما أعلن انعقاد جلسة استثنائية للحكومة «...»»: the verb's object, not its subject
        relayed = False
        if lemma in self.lex.chain and not relay:
            for c, t in enumerate(zone):
                if t.key == "عن" and c + 1 < len(zone):
                    # «نقلت الصحيفة عن قول مسؤولين إن ...»: the verbal noun «قول» is not the source
                    source = zone[c + 2:] if zone[c + 1].key == "قول" and c + 2 < len(zone) else zone[c + 1:]
                    relay, words = words, self._cut(source)
                    break
                if t.key in RELAYED_PRONOUNS:
                    relay, words, relayed = self._cut(zone[:c]), [], True
                    break
        if words and not relay and tok.key in self.lex.cues:
            # «وكانت الحكومة التركية اكدت تزامنا مع الغارات وحملات اعتقال، انها»: in a sentence opening with كان,
            # the subject came before the verb; the words after it are no subject («وما إذا كان الحوار ... قد
            # تناولها، قال وزير الخارجية» opens otherwise)
            s0 = self._sentence_start[i]
            was = self._was_words(i) if self.tokens[s0].key in WAS else None
            if was:
                words = was
        named = self._named_before_verb(i) if words and not relay and tok.key in self.lex.cues else None
        if named is not None:
            words = named  # «وزير الخارجية الإيراني محمد جواد ظريف وصف الاتفاق بأنه»: the words after are its object
        if not words and not relay and tok.key[:1] in "يت" and i > 0 and bare_word(prev) in self.lex.messages:
            words = self._message_shower(i - 1)
            if not words:
                return  # «من بينها لافتة تقول «...»»: a placard's words with nobody who raised it
        fronted = not words and not relayed
        if fronted:
            words = self._before_verb(i)
        if role == "channel" and not (opener is not None and opener[1] == "comp" and self._channel_subject(i)):
            # ونشرت صحيفة «ديلي تايمز» أن ...: an outlet's report; else the words must come through a channel
            posted = self._channel_via(zone)  # the words come right after the channel: نشر على حسابه: «...»
            if posted is None or any(t.is_word and t.start >= posted.end for t in zone):
                return
        if role == "impersonal" and not words:
            return
        if role == "colon" and not (opener is not None and (opener[1] == "colon" or self.tokens[opener[0] - 1].text == ":"
                                                            or self._marked_after(i, opener))):
            return  # «وزاد: «...»»، «وواصلت:» — but «وزاد عدد الزوار» is no cue
        if role == "mark" and not (opener is not None and opener[1] == "mark" and self._appeal_words(opener[0]) and (
                opener[0] - i <= APPEAL_REACH or self.tokens[opener[0] - 1].key in APPEAL_OBJECTS)
                and not any(self.lex.cue(t.key) for t in self.tokens[i + 1:opener[0]])):
            # «ودعت قيادة المقاومة «جميع المقاومين ...»» — but «دعا إلى الحوار» reports no words, and a mark after
            # another cue is that cue's («ووعد بتعزيز الإجراءات الأمنية، ووعد أمام الصحافيين "..."»)
            return
        para, sent = self._para[i], self._sent[i]
        # the verb's gender, remembered for its subject when it names one (not a relaying verb: نقلت الوكالة عن)
        gender = self.lex.gender(tok.key) if lemma not in self.lex.chain else None
        said = gender if words and not relay else None
        if fronted and words and tok.key.endswith(("وا", "ون")):
            said = "p"  # a verb after its subject agrees in number: «كما أن الكثير من المستخدمين عبروا» is plural
        # a cue inside words already quoted («وقال X إنه رأى جثثا ملقاة في الشوارع وإن أحياء ...»، «أكد البلوي أن
        # تصريحاته تعتبر طبيعية ...») is part of them: its subject neither speaks nor is who a later «وأضاف» means
        in_quote = any(f.start <= tok.start < f.end for f in self.found)
        if opener is None:
            # a person who acts without being quoted (كرر الوزير فيليب هاموند ...) is who a later «وأضاف» means —
            # not one named after a relative inside words already quoted («... الذي يدعى إبراهيم رشيد أبو ذعيان»)
            if words:
                # «وأفاد مصدر أمني عراقي بمقتل شخص»: the object after ب (no article, no body's head, not inside a
                # name: «سامنتا باور»; not a person's role's complement: «رئيس بلدية المندق») ends the subject
                zone = _head_run_until(zone, lambda k, t: t.key[:1] == "ب" and t.key not in ("باسم", "بن")
                                       and not t.key[1:].startswith("ال") and self.lex.role(t.key[1:]) is None
                                       and self.lex.role(zone[k - 1].key) != "person"
                                       and self.resolver.entity_mention_at(t.start) is None)
                words = [t for t in words if zone and t.end <= zone[-1].end]
            # nor the subject of a cue inside words already quoted («... توقع أن يعاود الذهب الارتفاع، إذ تشير التقارير
            # بقوة إلى ذلك» then «مؤكدا أن»: the reports are part of the man's words)
            if words and role != "impersonal" and prev not in NOT_REPORTING and not in_quote:
                # a person's role names the person, not the body completing it («وأشار وكيل وزارة الشؤون البلدية
                # ... المهندس عبدالله المطيري إلى قيام ...» then «وأضاف: أن»)
                person = self.lex.role(words[0].key) == "person"
                found = self.resolver.person_in(words[0].start, words[-1].end) if person else None
                found = found or self.resolver.person_in(words[0].start, words[-1].end, ("PER", "ORG"))
                # «وفيما وصف عدد القضايا ضد السعوديين بالقليل، أفاد بأن»: a count in construct with a definite noun
                # is the verb's object, not a quantity of people (9 of 9 after a cue verb in 20,000 articles)
                counted = bare_word(words[0].key) == "عدد" and len(words) > 1 and words[1].key.startswith("ال")
                if found is None and bare_word(words[0].key) in QUANTIFIERS and not counted:
                    # «أكد عدد من أصحاب محال بيع الكفرات عدم اطلاعهم ...» then «وقالوا إننا ...»: the subject ends
                    # where the verb's object (a verbal noun: عدم، ضرورة) starts
                    k = next((n for n, t in enumerate(words) if n >= 2 and (
                        t.key in OBJECT_NOUNS or self._verbal_noun_object(t) or t.key.endswith(("هم", "ها"))
                        or self._in_timex(t.start))), min(len(words), 7))
                    found = self.resolver.resolve(words[:k], para)
                elif found is None and self.lex.role(words[0].key) in ("group", "body", "person"):
                    # the object after عن is never the subject's name («كشف مصدر في قيادة العمليات عن انطلاق عملية
                    # ... لتطهير مناطق ...»)
                    about = next((n for n, t in enumerate(zone) if t.key == "عن"), len(zone))
                    found = self.resolver.resolve(words, para, zone[:about])
                if found is not None:
                    self.resolver.memory.add(para, found, said)
            return
        speaker = (self._relative_speaker(i) or self._author(i) or self._subjectless(i)) if not words else None
        channel = self._channel_via(zone)
        completed = self._role_complement(words, zone, channel) if channel is not None else None
        if completed is not None:
            # «وأوضح المدير التنفيذي لـ"باب رزق" بالسعودية جميل الفهيد، أن»: the role's complement, not an addressee
            words, channel = completed, None
        if speaker is None:
            s0 = self._sentence_start[i]
            named = self._before_channel(zone, channel) if channel is not None else zone
            speaker = self.resolver.resolve(words, para, named if words else None, lambda: self._intervening(s0, i),
                                            gender)
            if speaker is None and not words and tok.key not in self.lex.cues:
                # «انتقدت الإمارات الاتحاد الأوروبي ... وقالت إن»: nobody met agrees with the verb; the sentence's body
                speaker = self._sentence_body(i)
            if speaker is None and not words and i == s0 > 0 and tok.key.endswith("وا") \
                    and self._para[s0 - 1] >= self._para[i] - 1:
                # «دان وجهاء وأعيان محافظة القطيف الجريمة ...» then «وأكدوا أن»: nobody met agrees with a plural verb
                # opening its sentence; the plural subject of the sentence before (this paragraph or the one before)
                speaker = self._plural_subject(s0 - 1)
                said = "p" if speaker is not None else said
            if speaker is None and len(words) == 1 and words[0].key in self.lex.honorifics \
                    and not self.resolver.memory.items:
                speaker = self._dignitary(i)  # «وقال معاليه: إن ...» with no speaker met yet: the story's dignitary
            if speaker is None and obj:
                speaker = self.resolver.resolve(obj, para, named)  # nobody else to say it: keep the quote
        via = [self._span(relay)] if relay else []
        self._quote_after(opener[0], opener[1], self._span([tok]), speaker, via, sent)
        if channel is not None:
            channel = self._channel_only(channel)
        if channel is not None and self.found and self.found[-1].cue.start == tok.start \
                and channel not in self.found[-1].via and channel.text != self.found[-1].speaker.span.text:
            self.found[-1].via.append(channel)
        # ... but a cue with a quote of its own, over which an earlier quote ran on, still names who speaks next
        own = bool(self.found) and self.found[-1].cue.start == tok.start and prev not in self.lex.complementizers
        if speaker is not None and (own or not in_quote):
            self.resolver.memory.add(para, speaker, said)
            self._issued(i, opener[0], speaker)
            if self._is_channel(speaker.span) and self.found and self.found[-1].cue.start == tok.start:
                # «ونقلت وكالة «الأناضول» أن داود أوغلو تحدث ...» then «وقال: ...»: the outlet relays; the person it
                # reports on is who speaks next
                q = self.found[-1]
                reported = self.resolver.person_mention_in(q.start, q.end)
                if reported is not None and reported[0].start == q.start:
                    self.resolver.memory.add(para, reported[1])

    def _message_shower(self, n: int) -> list[Token]:
        """The subject of the verb showing the written message at token ``n`` («رفعت شابة عراقية لافتة تقول:»: the
        young woman), the words between the verb and the noun in its sentence with no comma; [] when no such verb
        comes before it, or its subject is left out («وحمل لافتة تقول»: no subject named there)."""
        v = n - 1
        while v >= 0 and n - v <= MESSAGE_REACH and self._sent[v] == self._sent[n] and self.tokens[v].is_word:
            if bare_word(self.tokens[v].key) in self.lex.shows or self.tokens[v].key in self.lex.shows:
                return self._cut(self.tokens[v + 1:n])
            v -= 1
        return []

    def _relative_speaker(self, i: int) -> Speaker | None:
        """The speaker of the reported clause that cue ``i``, after a relative describing no one named, ended: «أعلن
        داود أوغلو أن الشرطة ... مرتبط بالهجوم الانتحاري الذي قال إن ...»، «... بمحافظة أبين التي قال إن أخبارها» — he
        said it; a person or body the relative follows says it («... المدير الفني جوزيه مورينيو، الذي قال إنه»); None
        when the cue does not follow a relative right after a quote of its sentence, or a role word comes before it."""
        if i < 2 or self.tokens[i - 1].key not in RELATIVES or not self.found:
            return None
        last = self.found[-1]
        if last.end > self.tokens[i - 1].start or self.text[last.end:self.tokens[i - 1].start].strip("\"»”،, ") \
                or self._sent[self.index(last.cue.start)] != self._sent[i]:
            return None
        words = [t for t in self.tokens[max(0, i - 4):i - 1] if t.is_word][-2:]  # a comma or a mark passed over
        if not words or any(self.lex.role(t.key) is not None for t in words):
            return None
        named = self.resolver.person_in(words[0].start, words[-1].end, ("PER", "ORG"), last=True)
        return named if named is not None and named.span.end == words[-1].end else last.speaker

    def _accuser(self, zone: list[Token], words: list[Token]) -> list[Token]:
        """The subject of an accusing verb, the first noun phrase after it when the accused follows it before بأن:
        a construct chain through its first definite word or name, then its definite adjectives («ويتهم حلفاء
        تركيا منذ أشهر أنقرة بأنها»، «ويتهم الجمهوريون إدارة أوباما ... بأنها»، «ويتهم الاتحاد الأوروبي "جازبروم"
        بأنها»); none when the noun phrase is all there is («واتهمت الجامعة بأنها»: she accused the university), or
        what follows it is no accused (a preposition, a coordinated second object: «اتهم حزب العمال الكردستاني وتنظيم
        "داعش" بان»)."""
        named = {m.start: m for m in self.resolver.doc.mentions if zone and zone[0].start <= m.start < zone[-1].end}
        subject: list[Token] = []
        chain = True  # an indefinite noun takes a genitive after it
        k = 0
        while k < len(zone):
            tok = zone[k]
            if not tok.is_word or self._in_timex(tok.start) or tok.start in self._open:
                break
            m = named.get(tok.start)
            if subject and not chain and (m is not None or not tok.key.startswith("ال")):
                break  # a name or an indefinite noun after a complete noun phrase: the accused
            if m is not None:
                while k < len(zone) and zone[k].end <= m.end:
                    subject.append(zone[k])
                    k += 1
                if k < len(zone) and zone[k].is_word and zone[k].start not in named and zone[k].key.startswith("ال"):
                    break  # «واتهم بيركو الوزير بأنه»: the definite word after a name is the accused
                chain = False
                continue
            subject.append(tok)
            chain = chain and not tok.key.startswith("ال") and not tok.key.endswith(("ون", "ين"))
            k += 1
        rest = [t for t in zone[k:] if not self._in_timex(t.start)]
        if not subject or not rest or rest[0].key in GOVERNORS or (
                rest[0].is_word and rest[0].key[:1] in "وبل" and rest[0].start not in named):
            return []
        person = next((m for m in named.values() if m.type == "PER" and m.end == subject[-1].end), None)
        if person is not None and rest[0].is_word and rest[0].start not in named:
            return []  # «تتهم نيك جوردون شريك بوبي كريستينا بأنه»: a description after the name is its apposition
        return subject

    def _marked_after(self, i: int, opener: tuple[int, str]) -> bool:
        """True when cue ``i`` is followed right away by a closed quotation of three words or more: «وزاد «سعدنا بأن
        يكون ...»»، «وواصل "في الوقت الحالي ..."» (about 25 of 37 such marks after وزاد، وواصل، واختتم، وتتابع in
        20,000 SaudiNewsNet articles; the rest quoted names: «واختتم "الشريف" كلمته»)."""
        m = self.mark_at(i + 1)
        return opener == (i + 1, "mark") and m is not None and m.closed and self._words(m) >= 3

    def _issued(self, i: int, stop: int, speaker: Speaker) -> None:
        """Remember ``speaker`` as the author of a statement or report its cue's sentence names before the quote
        («وقالت قوة المهام المشتركة في بيان:»، «وفي بيان صدر في غزة قال المسؤول بحماس إن») — who a later «وأضاف
        البيان» means; a definite one («البيان») is the subject itself, already resolved. A statement named before
        another quote of the sentence is that quote's («وأكدت الهيئة في بيانها أن ...، فقال: «...»»)."""
        cue = self.tokens[i].start
        if any(f.start <= cue < f.end for f in self.found):
            return  # a cue inside words already quoted («... أن التكفير ... لم يجز أن نكفر ...») is part of them
        earlier = max((f.end for f in self.found if f.end <= cue), default=-1)
        for k in range(self._sentence_start[i], stop):
            tok = self.tokens[k]
            if tok.start <= earlier or definite_word(tok) or (head := self.resolver.document_head(tok)) is None:
                continue
            if not (k + 1 < len(self.tokens) and bare_word(self.tokens[k + 1].key) in self.lex.joint):  # «بيان مشترك»
                self.resolver.memory.wrote(tok.start, head, speaker)

    def _post_opener(self, i: int, opener: tuple[int, str] | None) -> tuple[int, str] | None:
        """The post a cue names with its words right after it, no colon or mark between («وقال الاعلامي صلاح
        الغيدان في تغريدته وهم يؤدون الصلاة!! ...»): the post word (or «له» after it) opens the quote as a colon
        would; None when the words after the post start otherwise or a comma, colon or the opener comes first."""
        if opener is not None and opener[1] != "comp":
            return None  # «وأضاف في تغريدة أخرى: “...”»: the colon or the mark opens
        end = opener[0] if opener is not None else len(self.tokens)
        for k in range(i + 1, min(end, i + 15, len(self.tokens) - 2)):
            tok = self.tokens[k]
            if tok.text in COMMAS or tok.text in ENDERS or tok.text == ":" or self._sent[k] != self._sent[i]:
                return None
            if tok.key != "في" or self.tokens[k + 1].key not in POSTS:
                continue
            p = k + 2 if self.tokens[k + 2].key in ("له", "لها") else k + 1
            nxt = self.tokens[p + 1] if p + 1 < len(self.tokens) else None
            if nxt is None or not nxt.is_word or self._sent[p + 1] != self._sent[i] or any(
                    t.key in self.lex.complementizers or t.text == ":" or self.mark_at(q) is not None
                    for q, t in enumerate(self.tokens[p + 1:p + 4], p + 1)):
                return None  # «في تغريدة له أن ...»، «في تغريدة أخرى إن ...»: the complementizer opens
            return p, "colon"
        return None

    def _role_complement(self, words: list[Token], zone: list[Token], channel: Span) -> list[Token] | None:
        """The subject's words through the tagged name that follows a channel-like phrase completing a person's
        role before the quote («وأوضح المدير التنفيذي لـ"باب رزق" بالسعودية جميل عبدالرحمن الفهيد، أن»، «وقال المدير
        التنفيذي للبرنامج الوطني للمعارض ... طارق العيسى:»): the phrase is no addressee; None otherwise."""
        if not words or self.lex.role(words[0].key) != "person" or words[-1].end > channel.start or not zone:
            return None
        name = next((m for m in self.resolver.doc.mentions if m.type == "PER" and channel.start < m.start
                     and m.end <= zone[-1].end and not any(
                         t.text in COMMAS or t.text in ENDERS or t.text == ":"
                         for t in zone if channel.start <= t.start < m.start)), None)
        return None if name is None else [t for t in zone if t.start >= words[0].start and t.end <= name.end]

    def _appeal_words(self, k: int) -> bool:
        """True when the mark at token ``k`` closes on three or more words that end their clause: the words an appeal
        or thanks quotes («ودعت طهران إلى «اقتناص هذه الفرصة»»), not a name or a title inside its object."""
        m = self.mark_at(k)
        if m is None or not m.closed or self._words(m) < 3:
            return False
        after = self.index(m.close) + 1
        return after >= len(self.tokens) or self.ends_sentence(after - 1) or self.tokens[after].text in COMMAS \
            or self.tokens[after].text in ENDERS or self._is_cue_stop(after)

    def _sentence_body(self, i: int) -> Speaker | None:
        """The body, country or place that is the subject of the first verb of cue ``i``'s sentence, right after it
        or opening the sentence («انتقدت الإمارات الاتحاد الأوروبي ... وقالت إن»، «وظلت تركيا ... وتقول إن»)."""
        s0 = self._sentence_start[i]
        if i - s0 < 2:
            return None
        for k in (s0, s0 + 1):
            found = self.resolver.person_mention_in(self.tokens[k].start, self.tokens[i].start, ("ORG", "LOC", "GPE"))
            if found is not None and found[0].start == self.tokens[k].start:
                return found[1]
        return None

    def _author(self, i: int) -> Speaker | None:
        """The author of a statement named just before cue ``i`` when the cue says «in it» (قال فيه/فيها): «خطاب
        للزعيم الأعلى الإيراني آية الله علي خامنئي في 18 يوليو قال فيه إن»، «تصريحات أطلقها المتحدث ...، العميد أحمد
        عسيري، قال فيها إن» — the subject of the clause whose object is the statement («وأصدر مجلس الإسماعيلي بيانا
        ... قال فيه»), else the last person named before the cue in its sentence; None otherwise."""
        if i + 1 >= len(self.tokens) or self.tokens[i + 1].key not in ("فيه", "فيها") or self.tokens[i].key[:1] in "وف":
            return None
        s0 = self._sentence_start[i]
        if s0 == i:
            return None
        noun = next((k for k in range(s0, i) if bare_word(self.tokens[k].key) in STATEMENTS), None)
        clause = max((k + 1 for k in range(s0, noun) if self.tokens[k].text in COMMAS), default=s0) \
            if noun is not None else s0
        if noun is not None and noun > clause:
            # «وأصدر مجلس الإسماعيلي بيانا ... قال فيه»: the subject of the verb whose object is the statement
            issuer = self._actor(self.tokens[clause].start, self.tokens[noun].start, ("PER", "ORG"))
            if issuer is not None:
                return issuer
        return self.resolver.person_in(self.tokens[s0].start, self.tokens[i].start, last=True)

    def _participle(self, i: int, lemma: str) -> None:
        opener = self._participle_opener(i, lemma)
        if opener is None:
            return
        # a speaker inherited from an earlier sentence agrees with the participle (مضيفا، معتبرة): «وكانت المحكمة
        # العليا ... رفضت ... معتبرة أن» after «وأشار المسؤول الهندي» is the court's, not the official's; within the
        # sentence of a quote the participle goes on with it whatever its form («قالت مصادر ... إن ...، مشيرا»)
        s0 = self._sentence_start[i]
        same = bool(self.found) and self.found[-1].cue.start >= self.tokens[s0].start
        gender = None if same else self.lex.gender(self.tokens[i].key)
        memory = self.resolver.memory
        plural = not same and self.tokens[i].key.endswith(("ين", "ون"))
        speaker = self._verb_subject(i) or (self._plural_subject(i) if plural else None) \
            or self._honorific_actor(i) or self._subjectless(i, gender=gender) \
            or memory.latest(self._para[i], 0, gender) \
            or self._subjectless(i, ("ORG", "LOC", "GPE")) or memory.latest(self._para[i], gender=gender) \
            or self._was_subject(i) or self._agreeing_subject(i)
        if not same and self.tokens[i].key.endswith(("ين", "ون")) and speaker is not None \
                and any(m.type == "PER" and m.start <= speaker.span.start < m.end for m in self.resolver.doc.mentions):
            # a plural participle (مضيفين، معتبرين) does not go on with one person: «وكان مغردو "تويتر" قد احتفوا
            # ...، مضيفين أن» after «وقال معاذ الخلف»
            speaker = self._was_subject(i) or self._agreeing_subject(i) or speaker
        self._quote_after(opener[0], opener[1], self._span([self.tokens[i]]), speaker, [], self._sent[i])
        if speaker is not None:
            # a plural participle's speaker is plural: «وأضافت» after it goes to someone else
            self.resolver.memory.add(self._para[i], speaker, "p" if plural else None)

    def _plural_subject(self, i: int) -> Speaker | None:
        """The plural subject right after the verb opening the clause of plural participle ``i`` (or of the sentence
        ending at ``i``, for a plural verb opening the next one: «دان وجهاء وأعيان ... الجريمة.» «وأكدوا أن») (the sentence, the
        words after فيما، حيث، بينما، كما، قد, after a short fronted phrase and its comma, or a clause after a comma
        opening with و), the nearest clause first: «وأبدى البعض استياءهم مما يحدث، مؤكدين أن»، «حيث تبادل الموظفون
        التهاني ... مؤكدين أن»، «فيما سخر كثيرون من القضية، معتبرين أن». A verb before its subject stays singular, so
        its form tells nothing; the subject opens with a sound plural, a group role, a quantifier or a plural head of
        ``quote_plural_heads.txt`` (:meth:`_plural_words` ends it before the verb's object). None otherwise."""
        s0 = self._sentence_start[i]
        starts = [s0, *(v for v in range(s0 + 1, i - 1) if self.tokens[v - 1].key in CLAUSE_OPENERS or (
            self.tokens[v - 1].text in COMMAS and (v - s0 <= 4 or self.tokens[v].key[:1] == "و")))]
        mentions = {m.start for m in self.resolver.doc.mentions}  # where a mention starts
        for v in reversed(starts):
            verb, head = self.tokens[v], self.tokens[v + 1]
            if not verb.is_word or verb.key in self.lex.stops or verb.key.startswith(("ال", "وال")) \
                    or verb.start in mentions or head.start in mentions or not self._plural_head(head):
                continue
            words = self._plural_words(self.tokens[v + 1:i])
            return self.resolver.resolve(words, self._para[i])
        return None

    def _plural_words(self, run: list[Token]) -> list[Token]:
        """The words of a plural subject opening ``run``, before the verb's object: the head, «من» and its noun after a
        quantifier («عدد من خطباء الجوامع»), the definite genitive of a construct head («بعض الخبراء»، «مسؤولو الهلال
        الأحمر»), and plural adjectives («محللون سياسيون أردنيون»، «الموظفون المسرحون»); «تصرفات»، «التهاني»، «بشدة»
        end it."""
        head = run[0]
        quantity = bare_word(head.key) in QUANTIFIERS
        construct = quantity or bare_word(head.key) in self.lex.plural_heads \
            or (head.key.endswith("و") and not head.key.startswith("ال"))
        words = [head]
        k = 1
        while k < len(run) and run[k].is_word:
            key = run[k].key
            if key == "من" and quantity and k == 1 and k + 1 < len(run) and run[k + 1].is_word:
                words += run[k:k + 2]  # «عدد من خطباء الجوامع»: the noun after من takes its genitive too
                k += 2
                continue
            plural = key.endswith(("ون", "ين")) and len(bare_word(key)) >= 4
            if bare_word(key) in self.lex.plural_heads and len(words) == 1 and quantity:
                construct = True  # «بعض أصحاب المحال الذهبية»
            elif not (plural or (construct and key.startswith("ال"))) or key in self.lex.stops:
                break
            words.append(run[k])
            k += 1
        return words

    def _plural_head(self, tok: Token) -> bool:
        """True when ``tok`` can open a plural subject of people (see :meth:`_plural_subject`)."""
        key = bare_word(tok.key)
        if tok.key in self.lex.plural_heads or key in self.lex.plural_heads or key in QUANTIFIERS \
                or self.lex.role(tok.key) == "group":
            return True
        return tok.key.endswith(("ون", "ين")) and len(key) >= 5 and tok.key not in self.lex.stops \
            and self.lex.cue(tok.key) is None

    def _agreeing_subject(self, i: int) -> Speaker | None:
        """The subject of the verb opening the sentence of participle ``i`` when the verb is no cue but agrees with
        it: a feminine past (ونددت، وأدانت) before a feminine participle, a plural one (واستنكروا) before a plural
        participle — «ونددت وحدات حماية الشعب الكردية في بيان بالقصف مؤكدة أنه «...»»; None otherwise (a masculine
        form is left: a noun after و looks the same)."""
        s0 = self._sentence_start[i]
        first, key = self.tokens[s0], self.tokens[i].key
        if i - s0 < 3 or not first.key.startswith("و") or len(first.key) < 4 or first.key in self.lex.stops \
                or self.lex.cue(first.key) is not None or any(m.start == first.start for m in self.resolver.doc.mentions):
            return None
        feminine = self.lex.gender(key) == "f" and first.key.endswith("ت")
        words = self._cut(self.tokens[s0 + 1:i])
        # a feminine verb before a sound feminine plural subject agrees with it too: «ورحبت قيادات سنية وشيعية، بدعوة
        # شيخ الأزهر، مؤكدين أن» (the leaders, not the sheikh whose call they welcomed)
        plural = key.endswith(("ين", "ون")) and (first.key.endswith("وا") or (
            first.key.endswith("ت") and bool(words) and words[0].key.endswith("ات") and not words[0].key.startswith("ال")))
        if not (feminine or plural):
            return None
        return self.resolver.resolve(words, self._para[i]) if words else None

    def _was_subject(self, i: int) -> Speaker | None:
        """The description opening the sentence of cue ``i`` after «وكان/وكانت» («وكانت المحكمة العليا في الهند
        رفضت ... معتبرة أن»: the court), resolved; None when the sentence opens otherwise."""
        s0 = self._sentence_start[i]
        if i - s0 < 3 or self.tokens[s0].key not in WAS:
            return None
        words = self._cut(self.tokens[s0 + 1:i])
        return self.resolver.resolve(words, self._para[i]) if words else None

    def _continued(self, i: int) -> None:
        """A sentence that goes on with the previous sentence's quote, in the same paragraph: «... قال إنهم يرفضون
        ... اللبناني. إنه يجب التزام جميع الأطراف ...» (a sentence opening with إن) or «... وأضافت أن «...». و«هؤلاء
        الأطفال ...»» (و and a quotation mark) — the same speaker."""
        if not self.found or i + 1 >= len(self.tokens):
            return
        last = self.found[-1]
        at = min(self.index(last.end), len(self.tokens) - 1)
        if self._para[at] != self._para[i] or self._sent[at - 1 if at else 0] != self._sent[i] - 1:
            return
        tok = self.tokens[i]
        m = self.mark_at(i + 1)
        if (tok.text in CONTINUING or tok.text in AND_THAT) and self.tokens[i + 1].is_word and last.kind == "indirect":
            end = self._clause_end(i + 1)
            self._emit(self.tokens[i + 1].start, end, "indirect", self._span([tok]), last.speaker, [], self._sent[i])
        elif tok.text == "و" and m is not None and m.closed and self._words(m) >= 3:
            self._emit(m.start, m.end, "direct", self._span([tok]), last.speaker, [], self._sent[i])
        elif last.kind == "direct" and tok.is_word:
            self._stray_close(i, last)

    def _stray_close(self, i: int, last: Found) -> None:
        """«... وأشار إلى أن «...». لذلك لا يمكن القضاء على الإرهاب سوى عبر البيئة التي يتواجد فيها».»: a sentence
        right after a direct quote that ends on a closing guillemet no mark opened goes on with that speaker's words."""
        j = i
        while j < len(self.tokens) and self._sent[j] == self._sent[i]:
            text = self.tokens[j].text
            cue = self.lex.cue(self.tokens[j].key)
            if text in "«\"“:" or self.mark_at(j) is not None or (cue is not None and cue.role not in ("bare", "colon")) \
                    or self.tokens[j].key in self.lex.complementizers:
                return  # a sentence with a mark, colon or cue of its own («وأشار إلى أنه يجب ...».) is scanned as such
            if text == "»":
                nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
                if self.tokens[j].start in self._closes or sum(1 for t in self.tokens[i:j] if t.is_word) < 3 \
                        or (nxt is not None and self._sent[j + 1] == self._sent[i] and nxt.text not in ENDERS):
                    return  # not the sentence's end: «في مؤتمر»مكافحة التطرف» is a mark written the wrong way
                self._emit(self.tokens[i].start, self.tokens[j - 1].end, "direct", self._span([self.tokens[i]]),
                           last.speaker, [], self._sent[i])
                return
            j += 1

    def _by_mark(self, i: int) -> int | None:
        """The index of the بـ a closed quoted stretch follows, within ten words of cue ``i`` in its clause
        («ووصفه بـ«العمل البربري»»، «وصف نائب المدير العام للشؤون المالية جاسم الهويدي قرار التأجيل بـ"الفردي"»:
        the words after بـ are the quote)."""
        for j in range(i + 1, min(len(self.tokens) - 1, i + 12)):
            if self._sent[j] != self._sent[i] or self.tokens[j].text in COMMAS:
                return None
            m = self.mark_at(j + 1)
            if self.tokens[j].key == "ب" and m is not None and m.closed:
                return j
        return None

    def _verbal_noun_object(self, tok: Token) -> bool:
        """True when an indefinite word right after a cue has a verbal-noun pattern (انفعال، استفعال، تفعيل: انعقاد،
        استمرار، تشكيل) and is neither a role nor the start of a tagged name: the verb's object."""
        key = tok.key
        if key.startswith("ال") or self.lex.role(key) is not None \
                or any(m.start == tok.start for m in self.resolver.doc.mentions):
            return False
        at = self.index(tok.start)
        named = self.mark_at(at + 1)
        if named is not None and named.closed and self._words(named) <= 3:
            return False  # «وكشف استطلاع «يوجوف» أن»: a named survey or report is the subject
        return VERBAL_NOUN.fullmatch(key) is not None

    def _verb_subject(self, i: int) -> Speaker | None:
        """The subject of the cue verb a participle follows without a comma («وقال النائب وليد جنبلاط مستنكرا:
        «...»»: the verb found no quote of its own before the participle), else None."""
        k = i - 1
        while k >= 0 and i - k <= 8 and self._sent[k] == self._sent[i] and self.tokens[k].text not in COMMAS:
            cue = self.lex.cue(self.tokens[k].key)
            if cue is not None and cue.role in ("verb", "bare"):
                if any(f.start <= self.tokens[k].start < f.end for f in self.found):
                    return None  # «أكد البلوي أن ... ووصفت بالاحتراف ومؤكدا أن»: a verb inside his words has no subject
                words, _ = self._subject(self.tokens[k + 1:i])
                if not words and all(t.key in PRONOUN_OBJECTS for t in self.tokens[k + 1:i]):
                    # «لكن مسؤولا تركيا نفى ذلك قائلا ... إن»: the subject came before the verb
                    fronted = self._before_verb(k)
                    return self.resolver.resolve(fronted, self._para[i]) if fronted else None
                if not words or words[-1] is not self.tokens[i - 1]:
                    return None  # the participle must follow the subject («وشدد الوزير على ... قائلا» does not)
                return self.resolver.resolve(words, self._para[i], self.tokens[k + 1:i])
            k -= 1
        return None

    def _document(self, i: int) -> None:
        """'وجاء في برقية بوتين: "..."'، «وجاء في الملفات التي عرضتها «غوغل» ... أن ...» — the document speaks."""
        if i + 1 >= len(self.tokens) or self.tokens[i + 1].key not in ("في", "فيه", "فيها"):
            return
        opener = self._find_opener(i + 2, False)
        if opener is None or opener[1] not in ("mark", "colon", "comp"):
            return
        zone = self.tokens[i + 2:opener[0]]
        words = [t for t in zone if t.text != ":"]
        cut: list[Token] = []
        for t in words:
            if t.key in ("الي", "الى", "إلى") or t.text in COMMAS:
                break
            cut.append(t)
        para = self._para[i]
        if not cut:
            # «أعاد نشر تغريدة للناشط علي النعيمي، جاء فيها “...”»: the person named just before wrote it
            s0 = self._sentence_start[i]
            author = self.resolver.person_in(self.tokens[s0].start, self.tokens[i].start, last=True)
            if author is not None and i > 0 and self.tokens[i - 1].text in COMMAS:
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
            if self._lead_verb(j) is None:
                return i + 1
            if self.tokens[i].key in COMMA_LEADS and (i == 0 or self.tokens[i - 1].text not in COMMAS):
                return i + 1  # «تحفظها على ما أعلنته الوزارة»: the verb's object, not «...، على ما أوضح بيدج»
            if self.tokens[i].key in ("كما", "هذا", "وهذا") and starts_sentence:
                return i + 1  # «هذا ما قاله X، مشيرا إلى أن»: the verb names who goes on speaking
            j += 1
        zone: list[Token] = []
        k = j
        while k < len(self.tokens) and len(zone) < LEAD_ZONE:
            tok = self.tokens[k]
            m = self.mark_at(k)
            if m is not None and m.closed and self._words(m) <= 4:
                close = self.index(m.close)
                zone.extend(self.tokens[k:close + 1])
                k = close + 1
                if k < len(self.tokens) and self.tokens[k].is_word and self.tokens[k].key in CLAUSE_STARTERS | {"ف"}:
                    break
                continue
            if tok.text in COMMAS or tok.text in ENDERS or tok.text == ":" or tok.key in self.lex.complementizers:
                break
            if zone and tok.key in CLAUSE_STARTERS:
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
            if len(zone) >= LEAD_ZONE and zone and zone[0].key.startswith("ال"):
                k = self.index(zone[0].end)
                zone = zone[:1]
        words, relay = self._subject(zone)
        if len(words) > 1 and words[0].key == "قول":
            words = words[1:]  # «بحسب قول أحد الخبراء»: the one whose saying it is
        if not words and role == "lead_verb":
            return i + 1  # «...، كما أكد أن ...»، «كما أشار إلى أنه»: no subject, the verb goes on with its speaker
        if not words or (role == "lead" and not self._can_speak(words)):
            return k
        para = self._para[i]
        speaker = self.resolver.resolve(words, para, zone)
        if speaker is None:
            return k
        cue_span = self._span(self.tokens[i:i + length])
        via = [self._span(relay)] if relay else []
        at_end = k >= len(self.tokens) or self._sent[min(k, len(self.tokens) - 1)] != sent \
            or self.tokens[min(k, len(self.tokens) - 1)].text in ENDERS \
            or (k + 1 < len(self.tokens) and self.tokens[k].text in COMMAS and self.tokens[k + 1].key in CONSEQUENCES)
        if self.tokens[i].key == "كما" and not self.tokens[i - 1].is_word and not at_end:
            return i + 1  # «...، كما أكد الوزير أن ...»: a new statement; «...، كما ذكر دبلوماسي.» closes its sentence
        comp_next = k < len(self.tokens) and (
            self.tokens[k].key in self.lex.complementizers
            or (k + 1 < len(self.tokens) and self.tokens[k + 1].key in self.lex.complementizers)
        )
        if self._nested_in_open_quote(i):
            return k
        if at_end or (not starts_sentence and (role == "lead_verb" or not comp_next)):
            if at_end or role == "lead_verb" or self._speaks(words):
                self._tail(i, speaker, via, cue_span)
            return k
        # a leading attribution: "وبحسب X، فإن ..." or "وبحسب X، قال Y إن ..."
        if len(zone) >= LEAD_ZONE:
            while k < len(self.tokens) and self._sent[k] == sent and self.tokens[k].text not in COMMAS:
                k += 1
        c = k + 1 if k < len(self.tokens) and self.tokens[k].text in COMMAS else k
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

    def _speaks(self, words: list[Token]) -> bool:
        """True when the object of a nominal cue with no verb of its own, written inside its sentence (the sentence
        goes on after it: «... يتصدر المرشحين وفق استطلاعات الرأي، اشار ...»), is someone who speaks — a role, a name
        tagged from its first word, a channel, a statement (وفق تصريح رئيسها) — not a common noun («وفقا لميثاق الأمم
        المتحدة،»، «حسب الاستطاعة،»: no source; about half of the 24 mid-sentence attributions of a 300-article
        SaudiNewsNet sample)."""
        first = words[0]
        return self.lex.role(first.key) is not None or bare_word(first.key) in STATEMENTS \
            or self.lex.is_channel([t.key for t in words if t.is_word]) \
            or any(m.start <= first.start < m.end and m.type != "MISC" for m in self.resolver.doc.mentions)

    def _can_speak(self, words: list[Token]) -> bool:
        """False when the object of a nominal cue («بحسب X»، «وفق X») is a noun SaudiNewsNet shows after such cues
        but hardly ever as the subject of a speech verb («وفق تعاليم دينه»، «طبقاً للمواصفات الدولية»، «حسب
        الضوابط»: no source) and nothing else makes it one (a mention, a role, a channel, a quoted name, a
        statement: بحسب تصريحات ...)."""
        first = words[0].key
        head = bare_word(first[1:] if first[:1] == "ل" and first[:2] != "لل" else first)
        if head not in self.lex.nonsources or head in STATEMENTS or head.startswith(("قول", "تعبير")):
            return True
        start, end = words[0].start, words[-1].end
        if any(m.start < end and start < m.end for m in self.resolver.doc.mentions):
            return True
        if any(self.mark_at(self.index(t.start)) is not None for t in words):
            return True
        return self.lex.role(first) is not None or self.lex.is_channel([t.key for t in words if t.is_word])

    def _manner(self, i: int, length: int) -> None:
        """'ورد خامنئي بالقول: ...', 'واختتم X تصريحاته بالقول إن ...': the clause's verb is any verb; its subject
        is the words between that verb and the manner phrase."""
        if any(f.start <= self.tokens[i].start < f.end for f in self.found):
            return
        j = i + length
        while j < len(self.tokens) and self.tokens[j].key in ("الي", "علي"):
            j += 1
        if j >= len(self.tokens):
            return
        if self.mark_at(j) is not None:
            opener = (j, "mark")
        elif self.tokens[j].key in self.lex.complementizers:
            opener = (j, "comp")
        elif self.tokens[j].text == ":":
            opener = (j + 1, "mark") if self.mark_at(j + 1) is not None else (j, "colon")
        else:
            return
        s0 = i
        while s0 > 0 and self._sent[s0 - 1] == self._sent[i] and self.tokens[s0 - 1].text not in COMMAS \
                and self.tokens[s0 - 1].text != ":":
            s0 -= 1
        para, sent = self._para[i], self._sent[i]
        words = self._cut(self.tokens[s0 + 1:i]) if s0 + 1 < i else []
        speaker = self.resolver.resolve(words, para, self.tokens[s0 + 1:i]) if words else \
            self._subjectless(i) or self.resolver.memory.latest(para)
        self._quote_after(opener[0], opener[1], self._span(self.tokens[i:i + length]), speaker, [], sent)
        if speaker is not None:
            self.resolver.memory.add(para, speaker)

    def _nested_in_open_quote(self, i: int) -> bool:
        """True when nominal cue ``i`` lies in the words of a mark never closed, after the end of the quote the mark
        opened, with no other quote between: «مضيفة "ومع هذا ... البيت الأبيض. وقد تكشّف ... حالة "أوبامانيا" عارمة،
        بحسب قول أحد الخبراء من جمهورية جنوب أفريقيا.» — an attribution nested in the words quoted, which then run on
        to the end of the stretch (its paragraph)."""
        at = self.tokens[i].start
        m = next((m for m in self.marks if not m.closed and m.start <= at < m.end), None)
        quote = None if m is None else next((f for f in self.found if f.start == m.start), None)
        if m is None or quote is None or quote.end > at or any(quote.end <= f.start < m.end for f in self.found):
            return False
        end = len(self.text[:m.end].rstrip(" \n.،,"))
        for n, (start, stop, speaker) in enumerate(self.resolver.quoted):
            if (start, stop) == (quote.start, quote.end):
                self.resolver.quoted[n] = (start, end, speaker)
        quote.end = end
        return True

    def _cited(self, i: int, length: int) -> None:
        """«استشهد بقول الروائي البريطاني جورج أورويل: «النكتة ثورة صغيرة»»: the marked words after the colon are those
        of the one the words between the phrase and the colon name (a short description with no comma); the one
        citing them still speaks next («، مضيفًا أن»), the cited author is not remembered as a speaker."""
        if any(f.start <= self.tokens[i].start < f.end for f in self.found):
            return
        j = i + length
        k = j
        while k < len(self.tokens) and k - j < CITED_REACH and self.tokens[k].is_word and self._sent[k] == self._sent[i]:
            k += 1
        if k == j or k + 1 >= len(self.tokens) or self.tokens[k].text != ":" or self.mark_at(k + 1) is None \
                or any(self.lex.cue(t.key) is not None for t in self.tokens[j:k]):
            return  # «بما يقطع قول كل خطيب عندما قال: «...»»: the verb's subject speaks
        # «قول النبي صلى الله عليه وسلم: «...»»: the name before the formula
        named = self.tokens[j:k]
        formula = next((n for n, t in enumerate(named) if n > 0 and t.key in self.lex.scripture), len(named))
        words = self._cut(named[:formula])
        # «قول أحد مستشاري الرئيس الروسي بوتين»: one of a number is nobody named in the description
        zone = named[:formula] if not words or bare_word(words[0].key) not in QUANTIFIERS else None
        speaker = self.resolver.resolve(words, self._para[i], zone) if words else None
        if speaker is not None:
            self._quote_after(k + 1, "mark", self._span(self.tokens[i:i + length]), speaker, [], self._sent[i])

    def _tail(self, i: int, speaker: Speaker, via: list[Span], cue: Span) -> None:
        """'..., بحسب X.' — X relays the sentence's quote, says its quoted words, or says the sentence."""
        sent = self._sent[i]
        s0 = self._sentence_start[i]
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
            if after < len(self.tokens) and self.tokens[after].text in COMMAS:
                after += 1
            if after >= len(self.tokens):
                continue
            cue = self.lex.cue(self.tokens[after].key)
            if cue is None or cue.role not in ("verb", "bare"):
                continue
            zone = self.tokens[after + 1:min(len(self.tokens), after + 12)]
            words, relay = self._subject(zone)
            opened = self._open.get(words[0].start) if words else None
            if not words or (opened is not None and not self._name_like(opened, self.index(words[0].start))):
                continue  # «...؟»، أجاب «لا»: quoted words after the cue are its own words, not its subject
            para = self._para[after]
            speaker = self.resolver.resolve(words, para, None)
            self._emit(m.start, m.end, "direct", self._span([self.tokens[after]]), speaker,
                       [self._span(relay)] if relay else [], self._sent[after])


def _head_run_until(tokens: list[Token], stop: Callable[[int, Token], bool]) -> list[Token]:
    """``tokens`` up to the first one after the first that ``stop`` (given its index) holds for."""
    cut = next((k for k, t in enumerate(tokens) if k > 0 and stop(k, t)), len(tokens))
    return tokens[:cut]
