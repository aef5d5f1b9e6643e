"""The quote extractor's lexicons (cue verbs, complementizers, nominal cues, roles), loaded from data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from marsad.lexicons import load, load_groups, load_table
from marsad.text.clitics import bare_word
from marsad.text.normalize import norm_key

DOCUMENT_NOUNS_KEPT = 1 << 16  # word keys whose document noun is kept (strings and None: a dict no collection walks)


@dataclass(frozen=True)
class Cue:
    """One inflected cue form: its lemma and its role (verb, participle, bare, impersonal, document)."""

    lemma: str
    role: str


@dataclass(frozen=True)
class QuoteLexicon:
    """Every word list the quote extractor matches, as normalised keys."""

    cues: dict[str, Cue]
    about: frozenset[str]
    chain: frozenset[str]
    complementizers: frozenset[str]
    nominal: dict[tuple[str, ...], str]
    stops: frozenset[str]
    roles: dict[str, str]
    name_heads: frozenset[str]
    nominal_first: dict[str, list[tuple[tuple[str, ...], str]]]
    channels: frozenset[tuple[str, ...]] = frozenset()
    by: frozenset[str] = frozenset()
    # lemmas whose quote follows بأن after the accused only (اتهم X Y بأنه ...; quote_cue_lemmas.tsv "accuse")
    accuse: frozenset[str] = frozenset()
    # nouns that follow a nominal cue but never speak (وفق الضوابط، طبقاً للمواصفات; scripts/mine_quote_sources.py)
    nonsources: frozenset[str] = frozenset()
    # «مستشفى الملك خالد»: the titles and heads of places and institutions named after a person (quote_eponyms.tsv)
    eponym_titles: frozenset[str] = frozenset()
    eponym_heads: frozenset[str] = frozenset()
    # the words of «تعالى»، «عز وجل»، «صلى الله عليه وسلم»: a speaker made of them cites scripture
    scripture: frozenset[str] = frozenset()
    # words between a document noun and its author («البيان الصادر عن»), and after a joint one (بيان مشترك)
    issued: frozenset[str] = frozenset()
    joint: frozenset[str] = frozenset()
    # «وقال سموه»، «وأدان معاليه»: an honorific pronoun, a dignitary's stand-in as a verb's subject, and the titles of
    # the person it stands for (quote_honorifics.tsv)
    honorifics: dict[str, frozenset[str]] = field(default_factory=dict)
    # heads of a plural subject of people other than sound plurals and group roles (البعض، أهالي، ذوو)
    plural_heads: frozenset[str] = frozenset()
    # written messages that "say" (لافتة تقول) and the verbs showing them (quote_placards.tsv)
    messages: frozenset[str] = frozenset()
    shows: frozenset[str] = frozenset()
    _document_nouns: dict[str, str | None] = field(default_factory=dict, init=False, compare=False, repr=False)

    def channel_at(self, keys: list[str]) -> int:
        """How many of ``keys`` (a phrase's word keys) the longest channel name starting the phrase spans (0: none).

        The longest name wins («وكالة رويترز» over «وكالة»), so the answer never depends on set order.
        """
        if not keys:
            return 0
        first = keys[0]
        candidates = {first}
        for pre in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف"):
            if first.startswith(pre) and len(first) - len(pre) >= 2:
                rest = first[len(pre):]
                candidates.update({rest, "ال" + rest} if pre in ("لل", "وال", "بال", "فال") else {rest})
        longest = 0
        for cand in candidates:
            for bare in (cand, cand[2:] if cand.startswith("ال") else "ال" + cand):
                for name in self._channels_by_first.get(bare, ()):
                    if len(name) > longest and tuple(keys[1:len(name)]) == name[1:]:
                        longest = len(name)
        return longest

    @cached_property
    def _channels_by_first(self) -> dict[str, list[tuple[str, ...]]]:
        """The channel names by their first word (channel_at looks up only the names a phrase can start)."""
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in self.channels:
            by_first.setdefault(name[0], []).append(name)
        return by_first

    def is_channel(self, keys: list[str]) -> bool:
        """True when the phrase (word keys, marks left out) is a channel: it starts with a channel word or name."""
        return self.channel_at(keys) > 0

    @cached_property
    def scan_triggers(self) -> frozenset[str]:
        """Every word key for which :meth:`cue` or :meth:`nominal_at` may answer (a cue form, with و or ف before it
        too; a nominal cue's first word, with و before it too): the quote scan steps over the other words."""
        return frozenset({*self.cues, *(c + key for c in "وف" for key in self.cues),
                          *self.nominal_first, *("و" + key for key in self.nominal_first)})

    def nominal_at(self, key: str) -> list[tuple[tuple[str, ...], str]]:
        """The nominal cue phrases that may start with a word of key ``key`` (a leading و allowed)."""
        found = self.nominal_first.get(key)
        if found is None and key[:1] == "و":
            found = self.nominal_first.get(key[1:])
        return found or []

    def cue(self, key: str) -> Cue | None:
        """The cue for a word key, with a leading و or ف stripped when needed."""
        found = self.cues.get(key)
        if found is None and len(key) > 3 and key[0] in "وف":
            found = self.cues.get(key[1:])
        return found

    def gender(self, key: str) -> str | None:
        """The gender a singular cue form agrees with: "f" (قالت، تقول، مضيفة), "m" (قال، يقول، مضيفا), else None
        (plural and dual forms, nouns).  Read off the form against its lemma, the third person masculine past."""
        cue = self.cue(key)
        if cue is None:
            return None
        if key not in self.cues and key[:1] in "وف":
            key = key[1:]
        lemma = cue.lemma
        if cue.role == "participle":
            return "f" if key.endswith("ه") else "m" if key.endswith("ا") else None
        if key == lemma:
            return "m"
        if key in (lemma + "ت", lemma[:-1] + "ت"):  # أكدت، نفت (نفى)
            return "f"
        if key.endswith(("ون", "ان")) or key[:1] not in "يت":
            return None
        return "m" if key[0] == "ي" else "f"

    def document_noun(self, key: str) -> str | None:
        """The document noun (a ``document`` head of quote_roles.tsv, without its article) a word key names —
        بيان for «بيان»، «بيانا»، «البيان»، «بيانه» — or None.  Kept per key: the quote scan asks it of many words."""
        found = self._document_nouns.get(key, "")
        if found != "":
            return found
        bare = bare_word(key)
        found = None
        for ending in ("", "ا", "ه", "ها", "هم"):
            stem = bare[:len(bare) - len(ending)] if ending else bare
            if bare.endswith(ending) and len(stem) > 2 and self.role(stem) == "document":
                found = stem
                break
        if len(self._document_nouns) >= DOCUMENT_NOUNS_KEPT:
            self._document_nouns.clear()
        self._document_nouns[key] = found
        return found

    def role(self, key: str) -> str | None:
        """The role class of a description head (person, group, body, document, anaphor, qualifier)."""
        found = self.roles.get(key)
        if found is None and len(key) > 3 and key[0] in "وفبل":
            found = self.roles.get(key[1:])
        if found is None and key.endswith("ين") and len(key) > 4:
            found = self.role(key[:-2] + "ون")  # المراقبين: the oblique plural of المراقبون
        if found is None and key.endswith("ا") and len(key) > 4 and not key.startswith("ال"):
            found = self.roles.get(key[:-1])  # «لكن مسؤولا تركيا نفى»: the accusative of an indefinite role
        return found


@cache
def quote_lexicon() -> QuoteLexicon:
    """Load (once) the quote lexicons from ``marsad/lexicons/quote_*``."""
    cues = {norm_key(row[0]): Cue(norm_key(row[1]), row[2]) for row in load_table("quote_cue_verbs.tsv")}
    props = load_table("quote_cue_lemmas.tsv")
    nominal = {tuple(norm_key(row[0]).split()): row[1] for row in load_table("quote_nominal_cues.tsv")}
    first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, role in nominal.items():
        first.setdefault(phrase[0], []).append((phrase, role))
    return QuoteLexicon(
        cues=cues,
        about=frozenset(norm_key(r[0]) for r in props if r[1] == "about"),
        chain=frozenset(norm_key(r[0]) for r in props if r[1] == "chain"),
        by=frozenset(norm_key(r[0]) for r in props if r[1] == "by"),
        accuse=frozenset(norm_key(r[0]) for r in props if r[1] == "accuse"),
        complementizers=frozenset(norm_key(w) for w in load("quote_complementizers.txt")),
        nominal=nominal,
        stops=frozenset(norm_key(w) for w in load("quote_subject_stops.txt")),
        roles={norm_key(r[0]): r[1] for r in load_table("quote_roles.tsv")},
        name_heads=frozenset(norm_key(w) for w in load("quote_name_heads.txt")),
        nominal_first=first,
        channels=_channels(),
        nonsources=frozenset(load("quote_nonsource_nouns.txt")),
        eponym_titles=_group("quote_eponyms.tsv", "title"),
        eponym_heads=_group("quote_eponyms.tsv", "head"),
        scripture=frozenset(norm_key(w) for w in load("quote_scripture_formulas.txt")),
        issued=_group("quote_document_links.tsv", "issued"),
        joint=_group("quote_document_links.tsv", "joint"),
        honorifics={norm_key(r[0]): frozenset(norm_key(w) for w in r[1:] if w) for r in load_table("quote_honorifics.tsv")},
        plural_heads=frozenset(norm_key(w) for w in load("quote_plural_heads.txt")),
        messages=_group("quote_placards.tsv", "message"),
        shows=_group("quote_placards.tsv", "show"),
    )


def _group(name: str, kind: str) -> frozenset[str]:
    """The normalised words of one class (first column) of the two-column lexicon ``name``."""
    return frozenset(norm_key(w) for w in load_groups(name).get(kind, ()))


def _channels() -> frozenset[tuple[str, ...]]:
    """Channel heads and names (quote_channels.txt) with every agency name and variant (agencies.tsv)."""
    names = [norm_key(w) for w in load("quote_channels.txt")]
    for row in load_table("agencies.tsv"):
        names.extend(norm_key(v) for v in row)
    return frozenset(tuple(n.split()) for n in names if n.strip())
