"""Speakers: the description after a cue, the name inside it, and its resolution.

A description is resolved in this order: an entity mention inside it (once NER has
run), an anaphor (الوزارة، المصدر نفسه، الوزير الروسي) to the latest speaker with the
same head, a bare surname to the earlier full name, a role without a name to the
name written after that role elsewhere in the document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress, count, repeat

from marsad.corpus.known import resolve_role, shipped_registry
from marsad.corpus.names import is_person_word, tagged_count
from marsad.extract.quotes.lexicon import QuoteLexicon
from marsad.model import Document, Mention, Span
from marsad.text.clitics import bare_word
from marsad.text.normalize import Normalized, norm_key, normalize
from marsad.text.tokens import Token, text_tokens, token_key

_MAX_NAME = 4
COUNTERPARTS = frozenset({"نظيره", "نظيرته", "نظرايه"})  # لنظيره: an addressee, never part of the subject
# a demonstrative before a role points back to a speaker already met («وأكد هذا الناطق ...»، «هذه المصادر»)
DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هولاء"})
PARTITIVES = frozenset({"بعض", "احد", "احدي"})  # «بعض هؤلاء»، «أحد هؤلاء»: part of the group already met
_POSSESSIVE = ("ه", "ها", "هم", "هما")
# adjectives closing an unnamed description (مسؤول أميركي كبير، دبلوماسي غربي رفيع): never the end of a name
_HEAD_CLITICS = frozenset({"و", "ب", "ل", "ف", "وب", "ول", "فب", "فل"})  # written before an institution's head
DASHES = frozenset({"-", "–", "—"})
_RANK_ADJECTIVES = frozenset({"كبير", "رفيع", "بارز", "سابق", "مطلع", "كبار"})
SPOKESMEN = frozenset({"متحدث", "ناطق", "متحدثه", "ناطقه"})  # the heads of a spokesman's role (clitic-stripped keys)


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the text naming it, its entity id if known, and its description's heads."""

    span: Span
    entity: str | None
    heads: frozenset[str]
    # the document noun («البيان») the speaker was reached through: a later verb may agree with either
    through: str | None = None


@dataclass
class SpeakerMemory:
    """The speakers met so far in one document, with the paragraph each was met in."""

    items: list[tuple[int, Speaker]] = field(default_factory=list)
    aliases: list[tuple[int, Speaker]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    authors: list[tuple[int, str, Speaker]] = field(default_factory=list)
    # the words of the formulas after God's or the Prophet's name (QuoteLexicon.scripture)
    scripture: frozenset[str] = frozenset()

    def add(self, paragraph: int, speaker: Speaker, gender: str | None = None) -> None:
        """Remember ``speaker`` as the latest one (met in ``paragraph``), with the gender («m», «f», or «p» for a
        plural) of the verb it was the subject of, when known."""
        self.items.append((paragraph, speaker))
        gender = gender or _described_gender(speaker)
        if gender is not None:
            self.genders.setdefault(speaker.span.text, gender)

    def latest(self, paragraph: int, reach: int = 1, gender: str | None = None) -> Speaker | None:
        """The latest speaker met in ``paragraph`` or up to ``reach`` paragraphs before it; with ``gender`` (that of
        a cue verb whose subject is left out: «وأضافت» after «وقالت الوزارة ...، وقال المتحدث ...»), the latest one
        whose known gender agrees with it."""
        for met, speaker in reversed(self.items):
            if paragraph - met > reach:
                return None
            if met != paragraph and self.cites(speaker):
                continue  # a verse or hadith cited in an earlier paragraph names nobody who speaks now
            if gender is None or speaker.through is not None or self.genders.get(speaker.span.text, gender) == gender:
                return speaker  # «أعلنت الهيئة ...» then «وأضاف البيان ...» then «وتابع»: the statement or the body
        return None

    def cites(self, speaker: Speaker) -> bool:
        """True when ``speaker`` is a cited verse's or hadith's («قال تعالى»، «الله عز وجل»، «عليه وسلم»: its first two
        words, or its only one, are a formula's)."""
        words = [norm_key(w) for w in speaker.span.text.split()[:2]]
        return bool(words) and all(w in self.scripture for w in words)

    def wrote(self, at: int, head: str, speaker: Speaker) -> None:
        """Remember ``speaker`` as the author of a statement or report (``head``: بيان، تقرير) named at offset
        ``at`` («وقالت قوة المهام المشتركة في بيان»، «البيان الصادر عن الخارجية الروسية»)."""
        self.authors.append((at, head, speaker))

    def author(self, head: str, before: int) -> tuple[int, Speaker] | None:
        """The latest author of a ``head`` document named before offset ``before``, with where it was named."""
        return next(((at, s) for at, h, s in reversed(self.authors) if h == head and at < before), None)

    def alias(self, speaker: Speaker) -> None:
        """Remember a relaying source, for anaphors only (الصحيفة after «إندبندنت»)."""
        self.aliases.append((len(self.items), speaker))

    def with_head(self, head: str) -> Speaker | None:
        """The latest speaker or relaying source whose description had ``head`` (a clitic-stripped key)."""
        latest_alias = next((a for n, a in reversed(self.aliases) if head in a.heads), None)
        alias_at = next((n for n, a in reversed(self.aliases) if head in a.heads), -1)
        for k in range(len(self.items) - 1, -1, -1):
            if k < alias_at and latest_alias is not None:
                return latest_alias
            if head in self.items[k][1].heads:
                return self.items[k][1]
        return latest_alias

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
    tokens: list[Token] = field(default_factory=list)
    _norm: Normalized | None = None
    _persons_at: dict[int, Mention] | None = None
    _starts: list[int] = field(default_factory=list)
    _with_repeats: list[Mention] | None = None
    # every quote found so far in the document (start, end, speaker), in the order found
    quoted: list[tuple[int, int, Speaker]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.memory.scripture = self.lex.scripture

    def resolve(
        self, words: list[Token], paragraph: int, zone: list[Token] | None = None,
        actor: Callable[[], Speaker | None] | None = None, gender: str | None = None,
    ) -> Speaker | None:
        """Resolve a description (``words``; ``zone`` is every token up to the quote) or inherit one.

        ``actor`` gives the person the paragraph turned to since the last quote, for a definite role that the
        document names nowhere (وقال الزعيم الأعلى after «لكن خامنئي قرر ...»); ``gender`` is the cue verb's, which
        an inherited speaker must agree with."""
        words = [t for t in words if t.is_word or t.key in "\"'"]
        while words and not words[0].is_word:
            words.pop(0)  # «وأشار "المقبل" إلى أن»: the name's opening mark goes, and so its closing one below
        if words and not words[-1].is_word and sum(not t.is_word for t in words) % 2 == 1:
            words.pop()
        if len(words) > 1 and words[-2].key.startswith("ال") and words[-1].text.endswith(("ه", "ها", "هم")) \
                and not words[-1].key.startswith("باسم"):
            words.pop()  # «المتحدث باسمه» (his spokesman) keeps its complement: the role alone is someone else
        if not words:
            return self.memory.latest(paragraph, gender=gender)
        if len(words) == 1 and words[0].key in self.lex.honorifics and self.memory.items:
            # (before anyone spoke, the story's dignitary of the lead: Subjects._dignitary)
            honoured = self._honoured(words[0])
            if honoured is not None:
                return honoured  # «وقال سموه»، «وبين فضيلته»: the person so titled, not whoever spoke last
        if len(words) > 1 and words[0].key in PARTITIVES and words[1].key in DEMONSTRATIVES:
            earlier = self.memory.latest(paragraph)
            if earlier is not None:
                return earlier  # «وطالب بعض هؤلاء قوات التحالف «...»» after «وقال مواطنون»: some of the group met
        if len(words) > 1 and words[0].key in DEMONSTRATIVES:
            words = words[1:]
            earlier = self.memory.with_head(_bare(words[0].key))
            if earlier is not None:
                return earlier  # «وأكد هذا الناطق باسم القوات ...» after «الناطق باسم ... علي الأحمدي»
        document = self.document_head(words[0])
        if document is not None:
            # «وأضاف البيان»، «وأشار البيان الصادر عن الخارجية الروسية»: a statement or report speaks for its author
            author = self._statement_author(words, zone, document)
            if author is not None:
                return author
        heads = frozenset(_bare(t.key) for t in words)
        mention = self._mention(words, zone)
        if mention is not None:
            role = [t for t in words if mention.start <= t.start and t.end <= mention.end]
            surname = self._surname_of(mention) if len(role) == 1 else None
            if surname is not None:
                return surname  # «ولفت الشيخ» after «الدكتور سعيد الشيخ»: a family name that is also a title
            named = self._named_elsewhere(role) if role and self._role_only(role) else None
            if named is not None:
                # a role tagged as a person (الرئيس الروسي): the person named with that role in the document
                return self._speaker(named, heads)
            if role and self._role_only(role):
                holder = self._registered_mention(mention.start, mention.end, heads)
                if holder is not None:
                    return holder
            registered = self._role_entity(mention.start, mention.end) if role and self._role_only(role) else None
            return Speaker(Span(mention.start, mention.end, mention.text), registered or mention.entity, heads)
        named = self._named_by_head(words) if self._role_only(words) else None
        if named is not None:
            return self._speaker(named, heads)  # «المبعوث الصيني» after «المبعوث الخاص لرئيس الصين ... لوه شوشنج»
        if self._anaphoric(words):
            earlier = self._described(words, heads) or self._same_head(words, heads)
            if earlier is not None:
                return earlier
        # a name after a body's head completes it (مكتب رئيس الوزراء التركي أحمد داود أوغلو): the body speaks
        name = self._name(words, zone) if self.lex.role(words[0].key) not in ("body", "group") else None
        if name is not None:
            return self._speaker(name, heads)
        if len(words) > 1 and self._namey(words[-1]) and all(
                t.key.startswith("ال") and self.lex.role(t.key) == "person" for t in words[:-1]):
            first = self._first_name_of(words[-1])
            if first is not None:
                return first  # «أكد الدكتور خالد» after «وقال الدكتور خالد العطية»: a first name after a title
        if len(words) == 1 and not words[0].key.startswith("ال") and self.lex.role(words[0].key) is None:
            earlier = self.memory.with_surname(words[0].key)
            if earlier is not None:
                return earlier
            full = self._full_name(words[0])
            if full is not None:
                return self._speaker(full, heads)
        if self._role_only(words):
            # an indefinite one-word role (قال مسؤول إن) is someone unnamed, not the name written after it elsewhere
            named = self._named_elsewhere(words) if len(words) > 1 or words[0].key.startswith("ال") else None
            if named is not None:
                return self._speaker(named, heads)
            holder = self._registered_mention(words[0].start, words[-1].end, heads)
            if holder is not None:
                return holder  # «وقال الرئيس التركي» in a story naming «رجب طيب أردوغان» otherwise
            earlier = self.memory.with_head(_bare(words[0].key))
            if earlier is not None and (self._anaphoric(words) or self._qualified(words)):
                return earlier  # «واعتبر أمين عام أوبك» after «أعلن الأمين العام لمنظمة ... (أوبك) عبد الله البدري»
            definite = words[0].key.startswith("ال") or (len(words) > 1 and words[1].key.startswith("ال")) \
                or self._construct(words, zone)
            person = ((actor() if actor is not None else None) or self._latest_person(paragraph)) if definite else None
            if person is not None and not self._holds_other(person, words) and not self._other_gender(person, words):
                # «وقال المسؤول التركي» after «أعلن رئيس الحكومة التركية أحمد داود أوغلو»: the person just quoted
                return person
        if len(words) == 1 and words[0].text.endswith(_POSSESSIVE) and self.lex.role(words[0].key) is None:
            return self.memory.latest(paragraph)  # «اسمه»، «حسابه»: a possessed noun never names a speaker
        named = self._named_before(words) if self.lex.role(words[0].key) == "person" else None
        if named is not None:
            return self._speaker(named, heads)  # «سفير خادم الحرمين الشريفين» after «قطان، سفير خادم الحرمين»
        if self.lex.role(words[0].key) == "person" and not any(self._namey(t) for t in words[2:]) \
                and self._construct(words, zone):
            # «ونفى وزير خارجية الدوحة» (خارجية, an indefinite noun, is no name): definite, the person just quoted
            person = (actor() if actor is not None else None) or self._latest_person(paragraph)
            if person is not None and not self._holds_other(person, words) and not self._other_gender(person, words):
                return person
        return self._registered_mention(words[0].start, words[-1].end, heads) or self._speaker(words, heads)

    def _honoured(self, tok: Token) -> Speaker | None:
        """The person an honorific pronoun subject stands for («وعبر سموه»، «وأكد معاليه»، «وبين فضيلته») once someone
        has spoken: the nearest person the document titles so before it, outside words already quoted (سمو، الأمير;
        معالي، الوزير; فضيلة، الشيخ: ``quote_honorifics.tsv``) — «وبعث سمو ولي العهد الأمير محمد بن نايف برقية مماثلة ... وعبر سموه» after
        the king spoke, an imam's «وبين فضيلته» past the titles his sermon quotes —, unless the latest quote came after
        that person was named and its speaker is titled so too («أكد الأمير خالد الفيصل خلال استقباله الأمير فيصل بن
        ... أن ...» then «وقال سموه»); None when the document titles nobody so."""
        titles = self.lex.honorifics[tok.key]
        titled = [m for m in self.with_repeats() if m.type == "PER" and m.end <= tok.start and not self.eponymous(m)
                  and not any(s <= m.start < e for s, e, _ in self.quoted) and self._titled_as(m, titles)]
        if not titled:
            return None
        nearest = titled[-1]
        last = next((q for q in reversed(self.quoted) if q[1] <= tok.start), None)
        said = text_tokens(self.doc.text, last[2].span.start, last[2].span.end)[:1] if last is not None else []
        if last is not None and last[0] > nearest.start and (
                any(_same_person(last[2], m) for m in titled) or any(t.key in titles for t in said)):
            return last[2]  # «وقال سمو أمير منطقة تبوك: ...» then «وأضاف سموه»: a description opening with the title
        return self._person_speaker(nearest)

    def _person_speaker(self, m: Mention) -> Speaker:
        """A person mention as a speaker: a one-word one by its earlier full name when the document gives it."""
        full = self._surname_of(m) if len(m.text.split()) == 1 else None
        return full or _mention_speaker(m)

    def _titled_as(self, m: Mention, titles: frozenset[str]) -> bool:
        """True when a person mention opens with one of ``titles`` or one stands among the four words before it in
        its sentence («صاحب السمو الملكي الأمير خالد الفيصل»، «معالي وزير الحج الدكتور بندر حجار»): a title further
        back is another person's («فضيلة الشيخ ... أن العبد المسلم»)."""
        text = self.doc.text
        lo = max(text.rfind(".", 0, m.start), text.rfind("\n", 0, m.start), m.start - 120) + 1
        before = text_tokens(text, lo, m.start)[-4:]
        inside = text_tokens(text, m.start, m.end)[:1]
        return any(t.key in titles for t in [*before, *inside])

    def document_head(self, tok: Token) -> str | None:
        """The document noun (a ``document`` head of quote_roles.tsv, without its article) a token names —
        بيان for «بيان»، «بيانا»، «البيان»، «بيانه» — or None."""
        return self.lex.document_noun(tok.key)

    def _statement_author(self, words: list[Token], zone: list[Token] | None, head: str) -> Speaker | None:
        """The author of the statement or report a subject names: the body or person after «الصادر عن»/«عن»/«من»
        or a ل-genitive inside its description («بيان لوزارة الخارجية»); for a definite one with no author of its
        own («وأضاف البيان»، «وقال البيان الفرنسي»), the author of the latest statement of that kind the document
        named before it — unless a newer one was named whose author is unknown; None when none is found."""
        author = self._complement_author(words[0], zone or words)
        if author is not None and not definite_word(words[0]) and words[-1].end >= author.span.end:
            # «وقال بيان للجيش التركي»: the subject names its author already; remembered for a later «البيان»
            self.memory.wrote(words[0].start, head, author)
            return None
        if author is None and definite_word(words[0]):
            latest = self.memory.author(head, words[0].start)
            newer = [t for t in self._tokens_in((latest[0] if latest else -1) + 1, words[0].start)
                     if not definite_word(t) and self.document_head(t) == head]
            if newer:
                author = self._issuer(newer[-1])
            elif latest is not None:
                author = latest[1]
        if author is None:
            return None
        self.memory.wrote(words[0].start, head, author)
        return Speaker(author.span, author.entity, author.heads, head)

    def _complement_author(self, noun: Token, zone: list[Token], construct: bool = False) -> Speaker | None:
        """The author a document noun's complement names: «البيان الصادر عن الخارجية الروسية», «بيان صادر من
        مكتب ...», «بيان للجيش التركي», and with ``construct`` the genitive of «تقرير الهيئة»; None when none
        follows it."""
        rest = [t for t in zone if t.start > noun.start]
        k = 0
        while k < len(rest) and k < 2 and (rest[k].key in self.lex.issued or bare_word(rest[k].key) in self.lex.issued):
            k += 1
        if k >= len(rest) or not rest[k].is_word:
            return None
        if rest[k].key in ("عن", "من", "باسم") and k + 1 < len(rest):
            first, genitive = rest[k + 1], False
        elif construct and k == 0 and bare_word(noun.key) == self.document_head(noun) and rest[0].key.startswith("ال") \
                and noun.end == rest[0].start - 1 and (self.lex.role(rest[0].key) in ("body", "person", "group") or any(
                    m.start == rest[0].start and m.type in ("PER", "ORG", "GPE") for m in self.doc.mentions)):
            # «أوضح تقرير الهيئة العامة للسياحة»: the genitive (a body, a person) after an indefinite noun with no
            # pronoun (تقريرها السنوي: an adjective); its words, not a tagged part of them
            return self._issuer_words(rest)
        elif rest[k].key[:1] == "ل" and len(rest[k].key) > 3 and rest[k].key not in ("لها", "له", "لهم"):
            first, genitive = rest[k], True
        else:
            return None
        found = self.person_mention_in(first.start, rest[-1].end, ("PER", "ORG", "GPE", "LOC"), last=False) \
            if not genitive else None
        if genitive:
            found = next(((m, Speaker(Span(m.start, m.end, m.text), m.entity, frozenset(_bare(w) for w in m.text.split())))
                          for m in self.doc.mentions if first.start <= m.start < first.end
                          and m.type in ("PER", "ORG", "GPE", "LOC")), None)
        if found is not None and found[0].start < first.end:
            return found[1]
        return None if genitive else self._issuer_words(rest[k + 1:])

    def _issuer_words(self, rest: list[Token]) -> Speaker | None:
        """The author's words opening ``rest`` (up to four, to a stop word, complementizer, cue or punctuation),
        when they start definite or with a body's or person's head; None otherwise."""
        run = _head_run(rest[:5], lambda t: t.is_word and t.key not in self.lex.stops
                        and t.key not in self.lex.complementizers and self.lex.cue(t.key) is None)[:4]
        if not run or not (run[0].key.startswith("ال") or self.lex.role(run[0].key) in ("body", "person")):
            return None
        return self._speaker(run, frozenset(_bare(t.key) for t in run))

    def _issuer(self, noun: Token) -> Speaker | None:
        """Who issued a statement named with no speech cue («وأصدرت وزارة الخارجية الروسية أمس بيانا»): its
        complement's author, else the first body or person of its sentence before it; None when neither."""
        if not self._starts:
            self._starts = [t.start for t in self.tokens]
        at = bisect_left(self._starts, noun.start)
        if any(bare_word(t.key) in self.lex.joint for t in self.tokens[at + 1:at + 3]):
            return None  # «صدر بيان مشترك»: two authors
        author = self._complement_author(noun, self.tokens[at:at + 8], construct=True)
        if author is not None:
            return author
        text = self.doc.text
        start = max(text.rfind(".", 0, noun.start), text.rfind("\n", 0, noun.start)) + 1
        return self.person_in(start, noun.start, ("PER", "ORG"))

    def _surname_of(self, mention: Mention) -> Speaker | None:
        """The latest earlier full name (two to four words) of a one-word person mention that is its last word."""
        key = norm_key(mention.text)
        found: Mention | None = None
        for m in self.doc.mentions:
            if m.start >= mention.start:
                break
            words = m.text.split()
            if m.type == "PER" and 2 <= len(words) <= _MAX_NAME and norm_key(words[-1]) == key:
                found = m
        if found is None:
            return None
        return _mention_speaker(found)

    def _first_name_of(self, word: Token) -> Speaker | None:
        """The latest earlier person mention of two to four words whose first word is ``word``; None when there is
        none or when two different names start with it."""
        key = _bare(word.key)
        found = [m for m in self.doc.mentions if m.end <= word.start and m.type == "PER"
                 and 2 <= len(m.text.split()) <= _MAX_NAME and _bare(norm_key(m.text.split()[0])) == key]
        if not found or len({norm_key(m.text) for m in found}) > 1:
            return None
        return _mention_speaker(found[-1])

    def _described(self, words: list[Token], heads: frozenset[str]) -> Speaker | None:
        """For an anaphor that says more than its head («وأضاف الوزير الأمريكي» after the Qatari minister spoke):
        the latest speaker whose name the document writes next to every word of it (وزير الخارجية الأمريكي جون كيري),
        or who was met under that head; None when the anaphor is one word or nobody fits."""
        head = _bare(words[0].key)
        rest = heads - {head} - {_bare(t.key) for t in words if self.lex.role(t.key) == "anaphor"}
        if not rest:
            return None
        if not self._starts:
            self._starts = [t.start for t in self.tokens]
        here = bisect_left(self._starts, words[0].start)
        for _, speaker in reversed(self.memory.items):
            last = _bare(norm_key(speaker.span.text.split()[-1]))
            for m in self.doc.mentions:
                if m.type != "PER" or _bare(norm_key(m.text.split()[-1])) != last:
                    continue
                at = bisect_left(self._starts, m.start)
                after = bisect_left(self._starts, m.end)
                if at - 5 <= here <= after + 5:
                    continue  # «وقال الوزير الإسرائيلي مشيرا إلى كيري»: the anaphor itself is no description
                near = {_bare(t.key) for t in self.tokens[max(0, at - 5):at] + self.tokens[after:after + 5]}
                if rest | {head} <= near | speaker.heads:
                    return speaker
        return None

    def _same_head(self, words: list[Token], heads: frozenset[str]) -> Speaker | None:
        """The latest speaker met under the anaphor's head, unless both descriptions say more than the head and
        nothing of it alike: «الخبراء السويسريين» is not «الخبراء المكلفون» met before."""
        head = _bare(words[0].key)
        earlier = self.memory.with_head(head)
        if earlier is None:
            return None
        anaphors = {_bare(t.key) for t in words if self.lex.role(t.key) == "anaphor"}
        rest, other = heads - {head} - anaphors, earlier.heads - {head}
        return None if rest and other and not rest & other else earlier

    def _latest_person(self, paragraph: int) -> Speaker | None:
        """The latest named person among the speakers of this or the previous paragraph: tagged as a person, or a
        name the tagger missed that closed a person's role («المتحدث باسم الوزارة ن.ن. كول»)."""
        for met, speaker in reversed(self.memory.items):
            if paragraph - met > 1:
                return None
            tagged = [m.type for m in self.doc.mentions if m.start <= speaker.span.start < m.end]
            first = norm_key(speaker.span.text.split()[0]) if speaker.span.text.split() else ""
            if "PER" in tagged or (not tagged and self.lex.role(first) is None and not first.startswith("ال")
                                   and any(self.lex.role(h) == "person" for h in speaker.heads)):
                return speaker
        return None

    def person_in(self, start: int, end: int, types: tuple[str, ...] = ("PER",), last: bool = False) -> Speaker | None:
        """The first (or ``last``) mention of ``types`` in ``[start, end)``, not in the genitive: a sentence's
        subject, or the author of a text just named (تغريدة للناشط علي النعيمي، جاء فيها)."""
        found = self.person_mention_in(start, end, types, last)
        return found[1] if found is not None else None

    def person_mention_in(
        self, start: int, end: int, types: tuple[str, ...] = ("PER",), last: bool = False,
    ) -> tuple[Mention, Speaker] | None:
        """:meth:`person_in` with the mention found in ``[start, end)`` (the speaker may be named elsewhere: a role
        tagged as a person resolves to the name written after that role, before or after ``start``)."""
        every = self.with_repeats()
        mentions = reversed(every) if last else iter(every)
        for m in mentions:
            if start <= m.start and m.end <= end and m.type in types and (last or not self._genitive(m)) \
                    and not (m.type == "PER" and self.eponymous(m)):
                following = self._name_after(m)
                if m.type == "PER" and following is not None:
                    m = following  # «آية الله» «علي خامنئي»: a title tagged apart from the name it precedes
                heads = frozenset(_bare(w) for w in m.text.split())
                role = self._tokens_in(m.start, m.end)
                holder = self._role_holder(m) if m.type != "PER" else None
                if holder is not None:
                    # وزير «الخارجية الإيراني»: the body is the complement of a person's role; the person speaks
                    return m, holder
                named = self._named_elsewhere(role) if m.type == "PER" and role and self._role_only(role) else None
                if named is not None:
                    return m, self._speaker(named, heads)  # «الرئيس الأمريكي» tagged as a person: the person named
                role_only = m.type == "PER" and bool(role) and self._role_only(role)
                holder = self._registered_mention(m.start, m.end, heads) if role_only else None
                if holder is not None:
                    return m, holder
                registered = self._role_entity(m.start, m.end) if role_only else None
                return m, Speaker(Span(m.start, m.end, m.text), registered or m.entity, heads)
        return None

    def with_repeats(self) -> list[Mention]:
        """The document's mentions and, in text order with them, every untagged repeat of a person's tagged name:
        the tagger tags «البلوي» in «وأكد البلوي أن» and misses it in «ووصف البلوي رحيل المدرب بيتوركا», where the
        coach named after it would otherwise be the clause's actor. A repeat is the same words at word boundaries
        (its first word may carry و، ف، ب or ل, left out of the span) overlapping no mention; the name is two words or
        more, or one definite word (a family name, البلوي) — never a role, a title or an eponym's name."""
        if self._with_repeats is not None:
            return self._with_repeats
        names: dict[tuple[str, ...], Mention] = {}
        for m in self.doc.mentions:
            words = text_tokens(self.doc.text, m.start, m.end)  # «لمنصور البلوي»: the mention starts after ل
            if m.type != "PER" or not words or not all(t.is_word for t in words) or self.eponymous(m):
                continue
            keys = tuple(t.key for t in words)
            if len(keys) == 1 and not (keys[0].startswith("ال") and len(keys[0]) > 4):
                continue
            if any(self.lex.role(k) is not None or k in self.lex.stops or self.lex.cue(k) is not None for k in keys):
                continue
            names.setdefault(keys, m)
        if not names:
            self._with_repeats = self.doc.mentions
            return self._with_repeats
        by_first: dict[str, list[tuple[tuple[str, ...], Mention]]] = {}
        for keys, m in names.items():
            by_first.setdefault(keys[0], []).append((keys, m))
        taken = sorted((m.start, m.end) for m in self.doc.mentions)
        found: list[Mention] = []
        # only a token whose key is a name's first word, or one with و ف ب or ل before it, can begin a repeat
        firsts = {*by_first, *(c + key for c in "وفبل" for key in by_first)}
        for at in compress(count(), map(firsts.__contains__, map(token_key, self.tokens))):
            tok = self.tokens[at]
            if not tok.is_word:
                continue
            clitic = tok.key not in by_first and tok.key[:1] in ("و", "ف", "ب", "ل") and tok.key[1:] in by_first
            for keys, m in by_first.get(tok.key[1:] if clitic else tok.key, []):
                start = tok.start + 1 if clitic else tok.start
                run = self.tokens[at:at + len(keys)]
                if len(run) < len(keys) or any(t.key != k for t, k in zip(run[1:], keys[1:], strict=True)):
                    continue
                end = run[-1].end
                if any(start < e for _, e in taken[:bisect_left(taken, (end, end))]):  # every mention starting before
                    continue
                found.append(Mention(start, end, self.doc.text[start:end], "PER", m.entity))
                break
        self._with_repeats = sorted([*self.doc.mentions, *found], key=lambda n: n.start) if found else self.doc.mentions
        return self._with_repeats

    def eponymous(self, m: Mention) -> bool:
        """True when a person mention is part of a place or institution named after someone: its title (الملك،
        الأمير) is written right after an institution's head («لمستشفى الملك خالد»، «جامعة الملك سعود»)."""
        if not self._starts:
            self._starts = [t.start for t in self.tokens]
        at = bisect_left(self._starts, m.start)
        if at < len(self.tokens) and self.tokens[at].start == m.start and self.tokens[at].key in self.lex.eponym_titles:
            at += 1  # the mention holds its title («الملك عبدالعزيز»)
        if at < 2 or self.tokens[at - 1].key not in self.lex.eponym_titles:
            return False
        head = self.tokens[at - 2].key
        return any(head[k:] in self.lex.eponym_heads for k in range(3) if k == 0 or head[:k] in _HEAD_CLITICS)

    def _role_holder(self, m: Mention) -> Speaker | None:
        """The person whose role a body's mention completes (وزير + «الخارجية الإيراني»): the name written after
        that role phrase in the document, else the role phrase itself; None when no person's role precedes."""
        if not self._starts:
            self._starts = [t.start for t in self.tokens]
        at = bisect_left(self._starts, m.start)
        if at == 0 or self.lex.role(self.tokens[at - 1].key) != "person":
            return None
        role = self._tokens_in(self.tokens[at - 1].start, m.end)
        heads = frozenset(_bare(t.key) for t in role)
        return self._speaker(self._named_elsewhere(role) or role, heads)

    def _name_after(self, m: Mention) -> Mention | None:
        """The first person mention after ``m`` that continues its name (:meth:`_same_name`).

        Mentions are in text order and the gap after ``m`` only grows, so the search stops at
        the first person mention more than one word away (none further on can qualify).
        """
        for n in self.doc.mentions:
            if n.type != "PER" or n.start <= m.end:
                continue
            gap = self.doc.text[m.end:n.start]
            if self._same_name(gap, n):
                return n
            if len(gap.split()) > 1:
                return None
        return None

    def _same_name(self, gap: str, following: Mention) -> bool:
        """True when a person mention and the one after it are one name («آية الله» علي «خامنئي»): nothing or one
        name word between them (not «و»), and the second is not a cue verb tagged as a name («النجيمي» «غرد»)."""
        words = gap.split()
        if len(words) > 1 or not all(c.isalpha() or c.isspace() for c in gap):
            return False
        if words and (len(words[0]) < 2 or words[0].startswith("و")):
            return False
        first = following.text.split()[0]
        # «حسين محمد العبدالوهاب شيخ الصاغة»: a title the tagger took for a name describes the name before it
        return self.lex.cue(norm_key(first)) is None and not self._titled(following)

    def _tokens_in(self, start: int, end: int) -> list[Token]:
        """The document's tokens inside ``[start, end)``."""
        if not self._starts:
            self._starts = [t.start for t in self.tokens]
        return [t for t in self.tokens[bisect_left(self._starts, start):bisect_left(self._starts, end)] if t.end <= end]

    def _speaker(self, words: list[Token], heads: frozenset[str]) -> Speaker:
        start, end = words[0].start, words[-1].end
        return Speaker(self.doc.span(start, end), self.entity_at(start, end) or self._role_entity(start, end), heads)

    def _role_entity(self, start: int, end: int) -> str | None:
        """The registry id of the person a role phrase (الرئيس التركي) names at the document's date, if known.

        Used only when the document names nobody with that role (:meth:`_named_elsewhere` comes first); a former
        role (الرئيس الأمريكي السابق) names nobody."""
        date = self.doc.published.value if self.doc.published is not None else None
        entry = resolve_role(self.doc.text[start:end], date) if date else None
        return entry.id if entry is not None and entry.type == "PER" else None

    def _registered_mention(self, start: int, end: int, heads: frozenset[str]) -> Speaker | None:
        """The document's mention of the person the registry says holds this role at the document's date
        («وقال المرشد الأعلى» in a story naming «آية الله علي خامنئي»): its fullest, earliest mention."""
        ident = self._role_entity(start, end)
        if ident is None:
            return None
        registry = shipped_registry()
        held = [m for m in self.doc.mentions if m.type == "PER" and not (m.start <= start < m.end)
                and (found := registry.lookup(m.text)) is not None and found.id == ident]
        if not held:
            return None
        best = max(held, key=lambda m: (len(m.text.split()), -m.start))
        return Speaker(Span(best.start, best.end, best.text), best.entity or ident, heads)

    def channel_entity(self, start: int, end: int) -> str | None:
        """The entity id of a channel ``[start, end)``: an organisation mention making up most of it (لـ«الشرق
        الأوسط» tagged as a place, or a person inside «حسابه على تويتر», is no channel entity)."""
        for m in self.doc.mentions:
            if m.entity is not None and m.type == "ORG" and m.start < end and start < m.end \
                    and (min(end, m.end) - max(start, m.start)) * 2 >= end - start:
                return m.entity
        return None

    def entity_mention_at(self, at: int) -> Mention | None:
        """The mention (of any type) holding offset ``at``, if any."""
        return next((m for m in self.doc.mentions if m.start <= at < m.end), None)

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
        inside = [m for m in self.doc.mentions if start <= m.start and m.end <= end and m.type in ("PER", "ORG")]
        # a name in the genitive (المستشار لفلاديمير بوتين) is the role's complement, never the speaker
        people = [m for m in inside if m.type == "PER" and not self._genitive(m) and not self.eponymous(m)]
        if self.lex.role(words[0].key) in ("body", "group") and not any(m.start == start for m in people):
            # «مكتب رئيس الوزراء التركي»، «مصادر في مكتب الرئيس»: the person completes a body's description
            people = []
        if len(people) > 1 and self._titled(people[-1]) and not self.doc.text[people[-2].end:people[-1].start].strip():
            return people[-2]  # «وقال أمين جربوع شيخ قبلي في شبوة»: an indefinite title after a name describes it
        if people and all(self._titled(m) for m in people) and zone and not self._addressed(words, zone) \
                and not self._named_role(people[-1]):
            # «وقال أخصائي طب وجراحة العيون رئيس ... الدكتور وسيم عبدالعزيز عالم»: the description the tagger took
            # for a name opens the subject; the person named at its end speaks
            named = [m for m in self.doc.mentions if m.type == "PER" and people[-1].end < m.start
                     and m.end <= zone[-1].end and not self._titled(m) and not self._genitive(m)]
            if named:
                return named[-1]
        if people:
            return people[-1]
        body = self.lex.role(words[0].key) in ("body", "group")
        # «واكدت الحكومة التركية في بيان صادر عن مكتب رئيس الوزراء احمد داود اوغلو ان»: a name closing the words
        # after a body's subject completes where its statement came from; the body speaks
        if zone and zone[-1].end > end and not body and not self._addressed(words, zone):
            tail = self._tail_name(zone)
            if tail is not None:
                named = [m for m in self.doc.mentions
                         if m.type == "PER" and tail[0].start <= m.start and m.end <= tail[-1].end]
                if named:
                    return named[-1]
            closing = self._closing_name(words, zone)
            if closing is not None:
                return closing
        if self.lex.role(words[0].key) == "person":
            # وزير الخارجية الروسي: a person's role, not the ministry; but a name right after the role's complement
            # completes it («وصف نائب المدير العام للشؤون المالية جاسم الهويدي قرار التأجيل»)
            return self._completing_name(end, zone) if zone else None
        # the body itself (منظمة الصحة العالمية), not a body completing a person's description (مقررة الأمم المتحدة)
        orgs = [m for m in inside if m.type == "ORG" and m.start < words[0].end]
        return orgs[0] if orgs and len(orgs[0].text) * 2 >= end - start else None

    def _named_role(self, mention: Mention) -> bool:
        """True for a person mention that is a role alone which the document writes before a name elsewhere
        («وزير الخارجية القطري» and, further on, «وزير الخارجية القطري خالد بن محمد العطية»): the role is the subject,
        resolved to that name, not a description opening the words before another person's name."""
        role = self._tokens_in(mention.start, mention.end)
        return bool(role) and self._role_only(role) and self._named_elsewhere(role) is not None

    def _titled(self, mention: Mention) -> bool:
        """True when a person mention opens with an indefinite person's title or role (شيخ قبلي، وزير سابق) — a
        description the tagger took for a name."""
        first = norm_key(mention.text.split()[0]) if mention.text.split() else ""
        return not first.startswith("ال") and "person" in (self.lex.role(first), self.lex.role("ال" + first))

    def _completing_name(self, end: int, zone: list[Token]) -> Mention | None:
        """The person mention that follows a role subject ending at ``end`` across at most four complement words
        (للشؤون المالية، بالمنطقة), ranks (اللواء), a place after في («مدير مكتب الحملة في لبنان وليد بن علي الجلال») or
        a body's acronym in parentheses («الأمين العام لمنظمة الدول المصدرة للنفط (أوبك) عبد الله البدري») and nothing
        else; None otherwise."""
        rest = [t for t in zone if t.start >= end]
        k = 0
        acronym = False  # the subject's body closed by its acronym («... للنفط (أوبك)»), right after its words or not
        while k < min(len(rest), 5):
            tok = rest[k]
            if tok.text == "(" and k + 3 < len(rest) and rest[k + 2].text == ")" and rest[k + 1].is_word \
                    and not rest[k + 1].key.startswith("ال") and not rest[k + 1].key.isdigit():
                rest = rest[:k] + rest[k + 3:]  # the acronym is no word of the description
                acronym = True
                continue
            if tok.text in DASHES and k > 0:
                return self._dashed_name(rest[k + 1:])
            found = self._person_at(tok.start)
            if found is not None:
                return found if k > 0 or acronym else None
            place = next((m for m in self.doc.mentions if m.type == "LOC" and k + 1 < len(rest)
                          and m.start == rest[k + 1].start), None) if tok.key == "في" else None
            if place is not None:
                k = next((n for n in range(k + 1, len(rest)) if rest[n].start >= place.end), len(rest))
                continue
            if not tok.key.startswith(("ال", "لل", "بال")) and self.lex.role(tok.key) != "person":
                return None
            k += 1
        return None

    def _dashed_name(self, rest: list[Token]) -> Mention | None:
        """A person's name of two or three words set off by dashes after a role, opening ``rest`` (the words after the
        first dash): «المبعوث الأممي الخاص للشرق الأوسط -نيكولاي ملادينوف-», whatever the tagger made of it (a body
        here), when its first word is one the corpus shows mostly in persons' names; None otherwise."""
        close = next((n for n in range(min(len(rest), _MAX_NAME + 1)) if rest[n].text in DASHES), None)
        name = rest[:close] if close is not None else []
        if not 2 <= len(name) <= _MAX_NAME or not all(self._namey(t) for t in name) or not is_person_word(name[0].key):
            return None
        tagged = self._person_at(name[0].start)
        if tagged is not None and tagged.end == name[-1].end:
            return tagged
        return Mention(name[0].start, name[-1].end, self.doc.text[name[0].start:name[-1].end], "PER")

    def _addressed(self, words: list[Token], zone: list[Token]) -> bool:
        """True when the zone after the subject's words holds an addressee (لنظيره، لوزير), a channel (لرويترز), a
        cue or a complementizer: a name after it is not the subject's."""
        for t in zone:
            if t.start < words[-1].end or not t.is_word:
                continue
            addressee = t.key[:1] == "ل" and t.key not in self.lex.roles and (
                self.lex.role(t.key) == "person" or t.key[1:] in COUNTERPARTS)
            if addressee or self.lex.cue(t.key) is not None or t.key in self.lex.complementizers \
                    or (t.key[:1] == "ل" and self.lex.channel_at([t.key])):
                return True
        return False

    def _closing_name(self, words: list[Token], zone: list[Token]) -> Mention | None:
        """The person tagged at the end of a role's subject, after the role's complement: «وقال الناطق الإعلامي
        للجوازات بالمنطقة النقيب عبدالرحمن بن ضيف الله الأسمري: إن» (the caller has checked that no addressee comes
        between, :meth:`_addressed`); None when the role is no person's."""
        if self.lex.role(words[0].key) != "person":
            return None
        last = next((t for t in reversed(zone) if t.is_word), None)
        if last is None or last.end <= words[-1].end:
            return None
        found = [m for m in self.doc.mentions if m.type == "PER" and m.end == last.end and m.start > words[-1].end
                 and len(m.text.split()) >= 2 and not self._genitive(m)]
        return found[0] if found else None

    def _genitive(self, mention: Mention) -> bool:
        """True when the mention's word carries the preposition ل (لفلاديمير بوتين)."""
        text = self.doc.text
        word_start = mention.start
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        return text[word_start:mention.start] in ("ل", "لـ") or (
            word_start == mention.start and text[mention.start:mention.start + 1] == "ل"
            and mention.text[1:2] not in ("ا", "ي", "و", "ل") and len(mention.text.split()) > 1
            and any(m.text == mention.text[1:] for m in self.doc.mentions)
        )

    def _anaphoric(self, words: list[Token]) -> bool:
        first = words[0].key
        if self.lex.role(first) is None:
            return False
        if any(self.lex.role(t.key) == "anaphor" for t in words[1:]):
            return True
        return first.startswith("ال") and all(t.key.startswith("ال") for t in words)

    def _role_only(self, words: list[Token]) -> bool:
        """True for a person's role with no name in it; the last word right after a qualifier is the role's
        complement, not a name («أمين عام أوبك»)."""
        return self.lex.role(words[0].key) == "person" and not any(
            self._namey(t) and not (k == len(words) - 1 and self.lex.role(words[k - 1].key) == "qualifier")
            for k, t in enumerate(words) if k > 0)

    def _namey(self, tok: Token) -> bool:
        key = tok.key
        return (
            tok.is_word
            and not key.startswith("ال")
            and not key.startswith("لل")
            and self.lex.role(key) is None
            and key not in self.lex.stops
            and key not in self.lex.complementizers
            and self.lex.cue(key) is None
            and key not in ("باسم", "بن", "ابن", "عن", "نقلا")
            and not _glued_ordinary(key)
        ) or key in ("بن", "ابن")

    def _name(self, words: list[Token], zone: list[Token] | None) -> list[Token] | None:
        """A personal name inside a role description: 'الأمريكي جون كيربي' or 'يوري أوشاكوف المستشار'."""
        tail = self._tail_name(words)
        if tail is not None:
            return tail
        lead = _head_run(words, self._namey)
        if len(lead) == 1 and len(words) > 2 and words[1].key.startswith("ال") and self.lex.role(words[2].key):
            lead = words[:2]
        if 2 <= len(lead) <= _MAX_NAME and len(lead) < len(words):
            after = words[len(lead)]
            if after.key.startswith("ال") or self.lex.role(after.key) == "person" or after.key == "احد":
                return lead
        if zone and len(zone) > len(words) and not self._addressed(words, zone):
            return self._tail_name(zone)
        return None

    def _tail_name(self, pool: list[Token]) -> list[Token] | None:
        """A name closing a description: 'المتحدث باسم ... الأمريكي جون كيربي'."""
        while pool and not pool[-1].is_word:
            pool = pool[:-1]
        run = _tail_run(pool, self._namey)
        if not run and len(pool) > 3 and pool[-1].key.startswith("ال"):
            run = [*_tail_run(pool[:-1], self._namey), pool[-1]]
            # «الخبير في قطاع الفنادق مشعل النافع»: a family name with the article after words the corpus shows
            # mostly inside persons' names (مشعل), or after بن
            if not any(t.key in ("بن", "ابن") for t in run) and not (
                    len(run) >= 2 and all(is_person_word(t.key) for t in run[:-1])
                    and self.lex.role(run[-1].key) is None and run[-1].key not in self.lex.stops):
                run = []
        at = len(pool) - len(run) - 1
        if run and at > 0 and pool[at].key == "علي" and len(run) < _MAX_NAME and (
                pool[at - 1].key.startswith("ال") or self.lex.role(pool[at - 1].key) == "person"):
            run = pool[at:]  # «الإيرانية علي أكبر صالحي»: علي is a first name here, not the preposition
        if 2 <= len(run) <= _MAX_NAME and len(run) < len(pool) and not any(t.key.isdigit() for t in run) \
                and run[-1].key not in _RANK_ADJECTIVES:
            before = pool[len(pool) - len(run) - 1]
            # a definite word, with ل glued before its article too: «الحائزة على جائزة نوبل للسلام توكل كرمان»
            if before.key.startswith(("ال", "لل")) or self.lex.role(before.key) == "person" or before.text in "،,)":
                return run
        return None

    def _full_name(self, word: Token) -> list[Token] | None:
        """The earlier 'First Surname' of a bare surname, found in the text before it."""
        if not self._starts:
            self._starts = [t.start for t in self.tokens]
        toks = self.tokens[:bisect_left(self._starts, word.start)]
        key = word.key
        for i in range(1, len(toks)):
            if toks[i].key == key and self._namey(toks[i - 1]) and toks[i - 1].key != key:
                j = i - 1
                while j > 0 and self._namey(toks[j - 1]) and i - j < _MAX_NAME - 1:
                    j -= 1
                if j > 0 and (toks[j - 1].key.startswith("ال") or self.lex.role(toks[j - 1].key)):
                    return toks[j: i + 1]
        return None

    def _person_at(self, start: int) -> Mention | None:
        """The first person mention starting at ``start`` (an index built once per document)."""
        if self._persons_at is None:
            self._persons_at = {}
            for m in self.doc.mentions:
                if m.type == "PER":
                    self._persons_at.setdefault(m.start, m)
        return self._persons_at.get(start)

    def _named_before(self, words: list[Token]) -> list[Token] | None:
        """The full name (two words or more) the document sets right before the same role, after a comma or not:
        «أحمد عبدالعزيز قطان، سفير خادم الحرمين في القاهرة» names «سفير خادم الحرمين الشريفين» (the role's first
        three words compared, its article aside)."""
        if len(words) < 2:
            return None
        if self._norm is None:
            self._norm = normalize(self.doc.text)
        norm = self._norm
        keys = [t.key for t in words[:3]]
        variants = {" ".join(keys), " ".join([keys[0][2:] if keys[0].startswith("ال") else "ال" + keys[0], *keys[1:]])}
        for phrase in variants:
            pos = norm.text.find(phrase)
            while pos >= 0:
                start, _ = norm.to_original(pos, pos + len(phrase))
                pos = norm.text.find(phrase, pos + 1)
                if start > 0 and self.doc.text[start - 1].isalpha():
                    continue
                before = self.doc.text[:start].rstrip()
                if "\n" in self.doc.text[len(before):start]:
                    continue
                # «جون كيري، وزير الخارجية الأمريكي» or, with no comma, «وكان جون كيري وزير الخارجية الأمريكي»
                end = len(before[:-1].rstrip()) if before.endswith(("،", ",")) else len(before)
                person = next((m for m in self.doc.mentions if m.type == "PER" and m.end == end
                               and 2 <= len(m.text.split()) <= _MAX_NAME), None)
                if person is not None and not (person.start <= words[0].start < start):
                    return self._tokens_in(person.start, person.end)
        return None

    def _construct(self, words: list[Token], zone: list[Token] | None) -> bool:
        """True for a role made definite by a definite genitive after one noun («وزير خارجية الدوحة»), with nothing
        but definite words and particles after it before the quote (a name there is meant: «رئيس منظمة الطاقة الذرية الإيرانية، علي
        أكبر صالحي، أن»)."""
        if len(words) < 3 or not (words[2].key.startswith("ال") or self._qualified(words)) or words[1].key in self.lex.stops \
                or words[1].key[:1] in "بلكف":  # «مسؤول بقطاع الطاقة»، «متحدث باسم الشرطة»: a preposition
            return False
        # nor a bare word that may be an untagged name («مدير عام الصحة في عدن الخضر لصور»)
        return not any(t.start >= words[-1].end and (t.text in ("،", ",") or (
            t.is_word and not t.key.startswith("ال") and t.key not in self.lex.stops)) for t in zone or [])

    def _qualified(self, words: list[Token]) -> bool:
        """True for a role, its qualifier and one complement, a construct and so definite: «أمين عام أوبك»."""
        return len(words) == 3 and self.lex.role(words[1].key) == "qualifier"

    def _holds_other(self, person: Speaker, words: list[Token]) -> bool:
        """True when the document writes the role's head before ``person`` with other complements only: «مدير تعليم
        ينبع محمد العقيبي» holds another office than «مدير هيئة السياحة» (the person met there is not the one meant)."""
        head = _bare(words[0].key)
        rest = {_bare(t.key) for t in words[1:]}
        if not self._starts:
            self._starts = [t.start for t in self.tokens]
        name = norm_key(person.span.text)
        if head in SPOKESMEN:
            # «وذكر المتحدث باسم وزارة الخارجية أن» after the minister spoke: a spokesman speaks for someone else, so
            # he is the person met only when the document calls that person a spokesman
            return not person.heads & SPOKESMEN and not any(
                m.type == "PER" and norm_key(m.text) == name and self._called_spokesman(m) for m in self.doc.mentions)
        if not rest:
            return False
        for m in self.doc.mentions:
            if m.type != "PER" or norm_key(m.text) != name:
                continue
            at = bisect_left(self._starts, m.start)
            before = self.tokens[max(0, at - 6):at]
            h = next((k for k in range(len(before) - 1, -1, -1) if _bare(before[k].key) == head), None)
            stretch = {_bare(t.key) for t in before[h + 1:] if t.is_word} if h is not None else set()
            if stretch and not stretch & rest and not any(_nisba_noun(r) & stretch for r in rest):
                return True
        return False

    def _called_spokesman(self, m: Mention) -> bool:
        """True when a spokesman's role describes person mention ``m``: its head among the twelve words before the
        name with no other person between («المتحدث الرسمي باسم الأجهزة الأمنية الفلسطينية اللواء عدنان الضميري»), or
        right after it and a comma («كريس فيليرز، المتحدث باسم ...»)."""
        at, end = bisect_left(self._starts, m.start), bisect_left(self._starts, m.end)
        lo = max(0, at - 12)
        for other in self.doc.mentions:
            if other.type == "PER" and other.end <= m.start:
                lo = max(lo, bisect_left(self._starts, other.end))
        return any(_bare(t.key) in SPOKESMEN for t in self.tokens[lo:at] + self.tokens[end:end + 2])

    def _other_gender(self, person: Speaker, words: list[Token]) -> bool:
        """True when a feminine role (its head written with a final ة: «نائبة النادي»، «الوزيرة») meets a person remembered
        as the subject of a masculine verb («وأوضح ... الدكتور عبدالعزيز الحربي»): someone else is meant."""
        written = [c for c in words[0].text if norm_key(c)]
        return written[-1:] == ["ة"] and self.memory.genders.get(person.span.text) == "m"

    def _named_by_head(self, words: list[Token]) -> list[Token] | None:
        """The person the document names after the same head noun with other words between, when each other word
        of a definite role is written there too: «وقال المبعوث الصيني» after «المبعوث الخاص لرئيس الصين وزير الثقافة
        لوه شوشنج» (a nisba adjective, الصيني, matches its noun, الصين). The naming nearest before the role wins,
        else the first after it; None for a one-word role or when nothing fits."""
        if len(words) < 2 or not words[0].key.startswith("ال"):
            return None
        head = _bare(words[0].key)
        rest = [_bare(t.key) for t in words[1:]]
        best: list[Token] | None = None
        # a key holds its bare form (_bare: the key's end, ون read as ين): only the keys holding the head's are read
        probe = head[:-2] if head.endswith("ين") else head
        for k in compress(count(), map(str.__contains__, map(token_key, self.tokens), repeat(probe))):
            tok = self.tokens[k]
            if tok.start >= words[0].start and best is not None:
                break
            if tok.start == words[0].start or _bare(tok.key) != head:
                continue
            between: set[str] = set()
            for tail in self.tokens[k + 1:k + 9]:
                person = self._person_at(tail.start)
                if person is not None and between and 2 <= len(person.text.split()) <= _MAX_NAME \
                        and not self._genitive(person):
                    if all(r in between or _nisba_noun(r) & between for r in rest):
                        best = self._tokens_in(person.start, person.end)
                    break
                # the role's complements only: definite words (الخاص، الصين) and roles (لرئيس، وزير)
                if not tail.is_word or not (tail.key.startswith(("ال", "لل", "بال")) or self.lex.role(tail.key)):
                    break
                between.add(_bare(tail.key))
        return best

    def _named_elsewhere(self, words: list[Token]) -> list[Token] | None:
        """The name written after the same role phrase (and its adjectives) elsewhere in the document."""
        if self._norm is None:
            self._norm = normalize(self.doc.text)
        norm = self._norm
        phrase = " ".join(t.key for t in words)
        best: list[Token] | None = None
        pos = norm.text.find(phrase)
        while pos >= 0:
            _, end = norm.to_original(pos, pos + len(phrase))
            pos = norm.text.find(phrase, pos + 1)
            if end < len(self.doc.text) and self.doc.text[end].isalpha():
                continue
            follow = text_tokens(self.doc.text, end, min(len(self.doc.text), end + 80))
            skip = 0
            # إلى (الي) is no adjective, nor a name opening with ال (ألكساندر نوفاك, الوليد بن طلال)
            while skip < min(3, len(follow)) and follow[skip].key.startswith("ال") and skip + 1 < len(follow) \
                    and follow[skip].key not in self.lex.stops and self._person_at(follow[skip].start) is None:
                skip += 1
            person = self._person_at(follow[skip].start) if follow[skip:] else None
            apposed = False
            if person is None and len(follow) > skip + 1 and follow[skip].text in "،,":
                # «وزير الخارجية الإيراني، محمد جواد ظريف،»: a full name tagged as a person, set off by commas
                person = self._person_at(follow[skip + 1].start)
                after = self.doc.text[person.end:person.end + 2].strip()[:1] if person is not None else ""
                apposed = person is not None and len(person.text.split()) >= 2 and after in ("،", ",", ".")
                person = person if apposed else None
                skip += apposed
            run = [t for t in follow[skip:] if t.end <= person.end] if person is not None \
                else _head_run(follow[skip:], self._namey)
            for r in range(1, len(run)):
                if "\n" in self.doc.text[run[r - 1].end:run[r].start]:
                    run = run[:r]
                    break
            gap = self.doc.text[end:follow[skip].start] if follow else ""
            fits = 2 <= len(run) <= _MAX_NAME and "\n" not in gap and (
                gap.strip() in ("،", ",") if apposed else not any(c in gap for c in "،,.:"))
            if fits and (best is None or run[0].start < words[0].start):
                best = run
        return best


def _glued_ordinary(key: str) -> bool:
    """True for a word with a proclitic glued before its article whose rest the corpus never shows inside a name
    («بالإيجابي والبناء» of «ووصف ... لقاءه بالإيجابي والبناء وأنه»: a name word never carries و، ف، ب or ك before
    the article; «والتر» is read و+التر, and التر is a name word of ``name_words.tsv``)."""
    return len(key) > 4 and key[0] in "وفبك" and key[1:3] == "ال" and tagged_count(key[1:]) == 0


def _described_gender(speaker: Speaker) -> str | None:
    """"f" for a description whose head is a definite feminine noun or a feminine plural (الوزارة، الصحيفة،
    استطلاعات الرأي, which take a feminine verb), else None (a name tells nothing).  The feminine noun ends in
    ة as written: the matching key folds ة into ه, and a name ending in ه is no feminine noun («الوجيه»)."""
    words = speaker.span.text.split()
    head = norm_key(words[0]) if words else ""
    written = [c for c in words[0] if norm_key(c)] if words else []
    if len(head) >= 5 and (head.endswith("ات") or (head.startswith("ال") and written[-1:] == ["ة"])):
        return "f"
    return None


def _same_person(speaker: Speaker, mention: Mention) -> bool:
    """True when a speaker and a person mention name the same person: one entity, or the same last name word."""
    if speaker.entity is not None and speaker.entity == mention.entity:
        return True
    said, named = speaker.span.text.split(), mention.text.split()
    return bool(said and named) and _bare(norm_key(said[-1])) == _bare(norm_key(named[-1]))


def _nisba_noun(adjective: str) -> set[str]:
    """The nouns a bare nisba adjective may come from: صيني → صين، امريكي → امريكا (empty when it is none)."""
    for ending in ("يه", "ي"):
        if adjective.endswith(ending) and len(adjective) > len(ending) + 2:
            stem = adjective[:-len(ending)]
            return {stem, stem + "ا"}
    return set()


def _tail_run(tokens: list[Token], ok: Callable[[Token], bool]) -> list[Token]:
    i = len(tokens)
    while i > 0 and ok(tokens[i - 1]):
        i -= 1
    return tokens[i:]


def definite_word(tok: Token) -> bool:
    """True when a word carries the article, after a clitic or not (البيان، للبيان، والتقرير)."""
    return tok.key.startswith(("ال", "لل", "وال", "فال", "بال", "كال"))


def _head_run(tokens: list[Token], ok: Callable[[Token], bool]) -> list[Token]:
    i = 0
    while i < len(tokens) and ok(tokens[i]):
        i += 1
    return tokens[:i]


def _mention_speaker(m: Mention) -> Speaker:
    """A person mention as a speaker: its span, its entity and the bare keys of its words."""
    return Speaker(Span(m.start, m.end, m.text), m.entity, frozenset(_bare(norm_key(w)) for w in m.text.split()))


def _bare(key: str) -> str:
    """A key without its article and و/ف/ب/ل clitics (heads compare on it)."""
    key = bare_word(key)
    if key.endswith("ون") and len(key) > 4:
        key = key[:-2] + "ين"
    return key
