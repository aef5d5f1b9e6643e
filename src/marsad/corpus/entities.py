"""Entity resolution across documents: one entity per person, place or organisation, whatever the spelling.

Each document's entities (mentions sharing a per-document key from
:mod:`marsad.extract.entities`) are named by their fullest form, leading titles left out
(الرئيس بوتين is named بوتين).  Then, in order:

1. **Registry.** A document entity one of whose names has the key of a registry name
   (:mod:`marsad.corpus.known`; keys from :func:`marsad.corpus.names.name_key`, which
   folds spelling variants mined from SaudiNewsNet) takes that registry entry: its id, type,
   name and roles, whatever type the tagger gave it (لافروف tagged a place in a headline is
   still the minister).  The fullest name is matched first; a one-word form is tried only
   when the fullest name is one word too and the document gives no conflicting first name
   (see 3).
2. **Name keys.** Other document entities of the same kind (person, or place/organisation/
   misc, which the tagger confuses for capitals and governments) join when their fullest
   names have the same key, and persons with the same surname when their other words are,
   word for word, transliterations of each other (:func:`marsad.corpus.names.transliterations`:
   ميشال/ميشيل, not سعد/سعيد).
   So do a person and the same name without its ``بن X`` links (عادل بن أحمد الجبير,
   عادل الجبير).
3. **Surnames.** A one-word person joins the multi-word person whose last word it is, when
   that person is the only one or has more than twice the mentions of the others together,
   and the two are compatible: no first name seen before the word in its document differs
   from the full name's first word (تركي المالكي never joins نوري المالكي), and the titles
   seen before them (العقيد، الرئيس) are not disjoint.  A word that is also a common given
   name (صالح, which is also «in favour of» and «good»; هادي) is weighed document by
   document and joins only under a title seen before the full name too (المخلوع صالح),
   when its document shares three specific entities with the full name's documents
   («الحوثي وقوات صالح» beside الحوثيين، عدن، هادي), or when two words around it are words
   seen around the full name's own one-word mentions in two of its documents or more
   («لميليشيات صالح والمتمردين الحوثيين»); the documents it joins nowhere make one entity of
   that name.  A family name that two full names of its own document carry (الفيصل in an essay
   naming خالد, تركي and سعود الفيصل: there mostly their father, King Faisal) was keyed apart by
   :func:`marsad.extract.entities._join_short_forms` and joins nobody here or in 4.  (A given name used as an ordinary noun, «لصالح الجيش», is no mention at all:
   :func:`marsad.extract.entities.in_construct`.)  The dominance is weighed on the unions as
   they grow.
4. **Parts of a name.** A first and last name without the middle name (علي صالح) or a
   first name alone (بشار) joins the one longer name that dominates that part the same way,
   with compatible titles, when its documents share company with the longer name's or, for a
   first name that is no common given name of the corpus, when the longer name is named in
   two documents or more.  A part that no other person of the documents has (a batch of the
   store without بشار الأسد) joins the one registered person whose name has it, titles and
   first names allowing.

An entity's id is its registry id, else ``E`` and 10 hex digits of a hash of its kind and
name key, so the same entity keeps the same id in every run and corpus.  The type is the
registry's or the majority type of the mentions.  A person is named by its most frequent
multi-word form, anything else by its most frequent form; no entity is left without a name.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from marsad.corpus.known import RegistryEntry, registry_cached, shipped_registry
from marsad.corpus.names import (
    NO_SURNAME_AFTER,
    compound_words,
    is_given_name,
    is_ordinary,
    name_key,
    name_words,
    short_key,
    tagged_count,
    transliterations,
)
from marsad.corpus.result import CorpusResult
from marsad.corpus.terms import near_content_stems
from marsad.corpus.unionfind import UnionFind
from marsad.extract.entities import (
    APART,
    CLUB,
    OUTLET,
    SHARED_SURNAME,
    is_place_adjective,
    mention_name,
    outlet_name,
    state_heads,
)
from marsad.extract.place_names import brand_of
from marsad.lexicons import load, load_groups, load_table
from marsad.model import Document, Entity, EntityType, Mention
from marsad.text.clitics import name_word, stem_variants
from marsad.text.normalize import norm_key
from marsad.text.tokens import text_tokens

_DOMINANCE = 2
_DOC = "@"  # a node of one document's lone given name: name key, _DOC, document id
_SHARED = 3  # specific entities a lone given name's document shares with the full name's documents to join it
_SPECIFIC = 0.05  # an entity named in more than this share of the documents is not specific
_FORMER = frozenset(norm_key(w) for w in ("السابق", "السابقة", "الأسبق", "الأسبقة", "سابقا"))
_CONTEXT = 24  # characters looked at before a mention for its title or first name
_NEAR = 2  # words either side of a one-word person mention that make its context
_NEAR_CHARS = 40
_CONTEXT_DOCS = 2  # a context word of a full name's one-word mentions seen in this many of its documents
_CONTEXT_SHARED = 2  # such words a lone given name's document must have around it to join that full name
_STATE_MENTIONS = 2  # mentions of another kingdom that make a lone «المملكة» of the document that kingdom


@cache
def _titles() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("ner_person_titles.txt"))


def _is_title(word: str) -> bool:
    return any(v in _titles() for v in stem_variants(word))


def strip_titles(form: str) -> str:
    """``form`` without its leading title words (الرئيس الروسي فلاديمير بوتين keeps only what follows a title run).

    Only words that are titles are dropped (الرئيس بوتين → بوتين); a form made only of titles is kept whole.
    """
    words = form.split()
    i = 0
    while i < len(words) - 1 and _is_title(norm_key(words[i])):
        i += 1
    return " ".join(words[i:])


def _is_name_form(form: str, text: str) -> bool:
    """False for a bare title (الرئيس) and for what is left of a role phrase once its title is off (السابق, الأمريكي).

    A title in the construct state (رئيس، وزير، نائب: no article) governs the noun after it, the body the
    holder heads, not his name: what «رئيس الوزراء», «رئيس مجلس الوزراء», «رئيس الحكومة» leave once the
    title is off (definite or ordinary words only) names nobody, and as a name it joined every prime minister
    of a batch into one (Yemen's and Turkey's into Iraq's al-Abadi on 2015-08-10).
    """
    words = norm_key(form).split()
    if all(_is_title(w) for w in words):
        return False  # الرئيس alone names nobody
    if form == text:
        return True
    last = words[-1]
    adjective = last.startswith("ال") and last.endswith(("ي", "يه"))
    if adjective or last in _FORMER or is_ordinary(last):
        return False
    titles = norm_key(text).split()[: -len(words)]
    governed = bool(titles) and not titles[-1].startswith("ال")
    return not (governed and all(w.startswith("ال") or is_ordinary(w) for w in words))


@dataclass
class _Group:
    types: Counter[EntityType] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    titled: Counter[str] = field(default_factory=Counter)  # forms with their leading titles (الملك سلمان)
    documents: list[str] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    before: set[str] = field(default_factory=set)  # words right before a one-word person mention
    near: Counter[str] = field(default_factory=Counter)  # words around one-word person mentions: documents each
    after: Counter[str] = field(default_factory=Counter)  # words with the article right after a one-word mention
    mentions: int = 0

    @property
    def type(self) -> EntityType:
        """The majority type of the group's mentions."""
        if len(self.types) == 1:  # most groups (asked again by every join)
            return next(iter(self.types))
        return max(self.types, key=lambda t: (self.types[t], t))

    def merge(self, other: _Group) -> None:
        """Add ``other``'s counts to this group."""
        self.types.update(other.types)
        self.forms.update(other.forms)
        if other.titled:  # most groups merged in are one mention's, with no titled forms and no words near
            self.titled.update(other.titled)
        if other.near:
            self.near.update(other.near)
        if other.after:
            self.after.update(other.after)
        self.titles |= other.titles
        self.before |= other.before
        self.mentions += other.mentions
        self.documents.extend(d for d in other.documents if d not in self.documents)


def _local_key(m: Mention) -> str:
    return m.entity or f"{m.type}:{norm_key(m.text)}"


def _context(doc: Document, m: Mention) -> tuple[str | None, str | None]:
    """The title (clitic-stripped) if the word right before a mention is one, and that word's key."""
    words = [t for t in text_tokens(doc.text, max(0, m.start - _CONTEXT), m.start) if t.is_word]
    if not words or words[-1].end > m.start:
        return None, None
    last = words[-1]
    return (last.stem, last.key) if _is_title(last.key) else (None, last.key)


def near_words(doc: Document, m: Mention) -> set[str]:
    """The content words (clitic-stripped) within ``_NEAR`` words either side of a mention, in its sentence."""
    before = [t for t in text_tokens(doc.text, max(0, m.start - _NEAR_CHARS), m.start) if t.end <= m.start]
    after = [t for t in text_tokens(doc.text, m.end, min(len(doc.text), m.end + _NEAR_CHARS))]
    return near_content_stems((reversed(before), after), _NEAR)


def _doc_groups(doc: Document) -> dict[str, _Group]:
    """The counts of each per-document entity key of ``doc``."""
    groups: dict[str, _Group] = {}
    for m in doc.mentions:
        group = groups.setdefault(_local_key(m), _Group())
        group.types[m.type] += 1
        group.mentions += 1
        form = strip_titles(mention_name(doc, m))
        if form.strip() and _is_name_form(form, mention_name(doc, m)):
            group.forms[form] += 1
            if form != mention_name(doc, m):
                group.titled[mention_name(doc, m)] += 1
        if m.type == "PER":
            title, word = _context(doc, m)
            if title:
                group.titles.add(title)
                if form.strip() and _one_name(form.strip()):  # [الملك] سلمان: the title is outside the span
                    group.titled[f"{name_word(word or '')} {form}".strip()] += 1
            if word and not title and " " not in m.text.strip():
                group.before.add(word)
            if form.strip() and " " not in form.strip():
                near = near_words(doc, m) - set(group.near)
                group.near.update(near)  # a group is one document's: each word counted once
        elif " " not in m.text.strip() and (following := _word_after(doc, m)).startswith("ال"):
            group.after[following] += 1  # «[القرآن] الكريم»: the tagger cut the name before the word
        if not group.documents:
            group.documents.append(doc.id)
    return groups


def _word_after(doc: Document, m: Mention) -> str:
    """The key of the word right after a mention ("" when none follows within ``_NEAR_CHARS``)."""
    words = [t for t in text_tokens(doc.text, m.end, min(len(doc.text), m.end + _NEAR_CHARS)) if t.is_word]
    return words[0].key if words else ""


def _fullest(group: _Group) -> str:
    if not group.forms:
        return ""
    return max(group.forms, key=lambda f: (_words(f), group.forms[f], f))


@lru_cache(maxsize=1 << 16)
def _words(form: str) -> int:
    """How many words the matching key of ``form`` has (asked again for a form at every merge of its group)."""
    return len(norm_key(form).split(" "))


def _kind(kind: EntityType) -> str:
    return "P" if kind == "PER" else "X"


def _registry_match(group: _Group) -> RegistryEntry | None:
    registry = shipped_registry()
    name = _fullest(group)
    if not name:
        return None
    ordered = [name, *sorted(group.forms, key=lambda f: (-group.forms[f], f))]
    if _one_name(name):  # a titled form the registry lists names its holder: الملك سلمان, الملك عبد العزيز
        ordered[1:1] = sorted(group.titled, key=lambda f: (-group.titled[f], f))
    for form in ordered:
        entry = registry.lookup(form)
        if entry is None:
            continue
        if form != name and not _one_name(name):
            continue  # a full name that is not registered is someone else with a registered surname
        if _one_name(form) and entry.type == "PER" and not _first_names_agree(group, entry.name):
            continue
        return entry
    return None


def _registered_outlet(group: _Group) -> RegistryEntry | None:
    """The registry's organisation a quoted outlet names (SPA for «لـ"واس"»), None when the registry gives its name
    to no organisation (the newspapers الرياض and الشرق الأوسط share their names with a city and a region)."""
    entry = _registry_match(group)
    return entry if entry is not None and entry.type == "ORG" else None


def _one_name(form: str) -> bool:
    """True for a form of one name word, a compound عبد X counting as one (عبد العزيز)."""
    return len(compound_words(form.split())) == 1


def _first_names_agree(group: _Group, full: str) -> bool:
    """No word seen right before the one-word mentions is a different first name of the full name's."""
    words = name_words(full)
    if len(words) < 2:
        return True
    first = words[0]
    return not any(_is_first_name(w) and name_key(w) != first for w in group.before)


@registry_cached
def _first_name_set() -> frozenset[str]:
    names: set[str] = set()
    for entry in shipped_registry().entries.values():
        if entry.type == "PER":
            for form in (entry.name, *entry.variants):
                words = norm_key(form).split()
                if len(words) > 1 and not _is_title(words[0]):
                    names.add(words[0])
    return frozenset(names)


def _is_first_name(word: str) -> bool:
    """A word that begins a registered person's name (نوري، تركي) or is a common given name of the corpus (عادل).

    Not any word mostly seen inside names: كيري before أوباما («جون كيري أوباما») is a
    surname, so it does not keep أوباما from باراك أوباما.
    """
    return any(v in _first_name_set() for v in stem_variants(word)) or is_given_name(word)


def _titles_agree(a: _Group, b: _Group) -> bool:
    return not a.titles or not b.titles or bool(a.titles & b.titles)


@dataclass
class _Company:
    """The entities named in each document, and in how many documents each is named."""

    doc_nodes: dict[str, set[str]]
    docs_of: dict[str, set[str]] = field(default_factory=dict)
    limit: float = 0.0

    def __post_init__(self) -> None:
        for doc, nodes in self.doc_nodes.items():
            for n in nodes:
                self.docs_of.setdefault(n, set()).add(doc)
        self.limit = _SPECIFIC * len(self.doc_nodes)

    def shared(self, node: str, full: set[str]) -> bool:
        """True when a lone given name's document shares ``_SHARED`` specific entities with the full name's documents.

        Specific: named in at most ``_SPECIFIC`` of all documents (السعودية is everywhere).
        «الحوثي وقوات صالح» shares الحوثيين, عدن and هادي with the articles naming علي عبدالله صالح.
        """
        return self.shares(node.split(_DOC)[1], node, full)

    def shares(self, doc: str, node: str, full: set[str]) -> bool:
        """True when document ``doc`` (where ``node`` is named) shares ``_SHARED`` specific entities with ``full``'s documents."""
        mine = {n for n in self.doc_nodes.get(doc, set()) if n != node and len(self.docs_of[n]) <= self.limit}
        docs = set().union(*(self.docs_of.get(n, set()) for n in full))
        return sum(1 for n in mine if n not in full and self.docs_of[n] & docs) >= _SHARED

    def in_company(self, node: str, group: _Group, full: set[str]) -> bool:
        """True when at least half of ``group``'s documents (one at least) pass :meth:`shares` with ``full``."""
        passing = sum(1 for doc in group.documents if self.shares(doc, node, full))
        return passing > 0 and 2 * passing >= len(group.documents)


@dataclass(frozen=True)
class _Names:
    """The name words of each node's fullest name (:func:`marsad.corpus.names.name_words`), computed once for the joins:
    ``plain`` word by word, ``compound`` with a compound given name as one word (عبد العزيز)."""

    plain: dict[str, list[str]]
    compound: dict[str, list[str]]

    @classmethod
    def of(cls, groups: dict[str, _Group]) -> _Names:
        """The name words of every node of ``groups``."""
        plain = {node: name_words(_fullest(group)) for node, group in groups.items()}
        return cls(plain, {node: compound_words(words) for node, words in plain.items()})


def _join_surnames(groups: dict[str, _Group], uf: UnionFind[str], company: _Company, names: _Names) -> None:
    """One-word persons join the multi-word person whose last word they are (see the module docstring)."""
    by_last: dict[str, set[str]] = {}
    for node, group in groups.items():
        words = names.plain[node]
        if group.type == "PER" and len(words) > 1 and words[-2] not in NO_SURNAME_AFTER:
            by_last.setdefault(words[-1], set()).add(node)
    weight = _weights(groups, uf)
    for node, group in groups.items():
        words = names.plain[node]
        if group.type != "PER" or len(words) != 1 or _settled(node):
            continue
        best = _dominant({uf.find(n) for n in by_last.get(words[0], ())}, weight)
        if best is None:
            continue
        full = max((groups[n] for n in by_last[words[0]] if uf.find(n) == best), key=lambda g: g.mentions)
        if not (_first_names_agree(group, _fullest(full)) and _titles_agree(group, full)):
            continue
        if _DOC in node and not group.titles & full.titles:
            members = {n for n in by_last[words[0]] if uf.find(n) == best}
            if not (company.shared(node, members) or _same_context(group, [groups[n] for n in members])):
                continue  # a lone given name joins under a shared title (المخلوع صالح), in shared company or context
        joined = weight[best] + (weight[uf.find(node)] if uf.find(node) != best else 0)
        uf.union(node, best)
        weight[uf.find(best)] = joined  # the union's root may change: its weight moves with it


def _settled(node: str) -> bool:
    """True for a node no shorter-name join may take: a registry entry's, or a lone surname two persons of its
    document carry (الفيصل beside خالد الفيصل and سعود الفيصل is neither of them; it stays its own entity)."""
    return node.startswith(("per:", "loc:", "org:")) or SHARED_SURNAME in node


def _dominant(candidates: set[str], weight: Counter[str]) -> str | None:
    """The root among ``candidates`` with more than ``_DOMINANCE`` times the weight of the others together, if any."""
    ranked = sorted(candidates, key=lambda r: (-weight[r], r))
    if not ranked:
        return None
    rest = sum(weight[r] for r in ranked[1:])
    return ranked[0] if len(ranked) == 1 or weight[ranked[0]] > _DOMINANCE * rest else None


def _weights(groups: dict[str, _Group], uf: UnionFind[str]) -> Counter[str]:
    """Mentions per union root."""
    weight: Counter[str] = Counter()
    for node, group in groups.items():
        weight[uf.find(node)] += group.mentions
    return weight


def _join_partial_names(groups: dict[str, _Group], uf: UnionFind[str], company: _Company, names: _Names) -> None:
    """Persons named by a part of a longer person's name join it: a first and a last name (علي صالح for علي
    عبدالله صالح), or a first name alone (بشار for بشار الأسد).

    Only when one longer name holds more than ``_DOMINANCE`` times the mentions of all the others
    with that part and the titles seen before them are not disjoint; and then when the first name is
    no common given name of the corpus (بشار: 15 different name words beside it, not
    ``GIVEN_NAME_PARTNERS``) and the longer name is named in ``_CONTEXT_DOCS`` documents or more, when
    the shorter name's documents are in the longer name's company (:meth:`_Company.in_company`), or,
    for a first name alone, when its words around are those around the longer name's one-word
    mentions (:func:`_same_context`).  A first name that is also the last word of a multi-word
    person is left to the surname join.
    """
    by_ends: dict[tuple[str, ...], set[str]] = {}
    surnames: set[str] = set()
    for node, group in groups.items():
        words = names.compound[node]
        if group.type != "PER" or len(words) < 2 or _is_title(words[0]):
            continue
        surnames.add(words[-1])
        if len(words) >= 3 and words[-2] not in NO_SURNAME_AFTER:
            by_ends.setdefault((words[0], words[-1]), set()).add(node)
        if words[0] not in NO_SURNAME_AFTER:
            by_ends.setdefault((words[0],), set()).add(node)
    weight = _weights(groups, uf)
    for node, group in groups.items():
        words = names.compound[node]
        if group.type != "PER" or _settled(node) or not 1 <= len(words) <= 2:
            continue
        part = (words[0],) if len(words) == 1 else (words[0], words[1])
        if len(part) == 1 and words[0] in surnames:
            continue
        members = by_ends.get(part, set())
        best = _dominant({uf.find(n) for n in members}, weight)
        if best is None or best == uf.find(node):
            continue
        chosen = {n for n in members if uf.find(n) == best}
        full = max((groups[n] for n in chosen), key=lambda g: g.mentions)
        if not _titles_agree(group, full):
            continue
        named_in = {d for n in chosen for d in groups[n].documents}
        rare = len(part) == 1 and not is_given_name(words[0]) and len(named_in) >= _CONTEXT_DOCS
        if not (rare or company.in_company(node, group, chosen)
                or (len(part) == 1 and _same_context(group, [groups[n] for n in chosen]))):
            continue
        joined = weight[best] + weight[uf.find(node)]
        uf.union(node, best)
        weight[uf.find(best)] = joined


def _parts(words: list[str]) -> list[tuple[str, ...]]:
    """The parts of a multi-word person's name (compound words) a shorter mention may be: first name, surname,
    first and last name."""
    parts: list[tuple[str, ...]] = [("F", words[0])]
    if words[-2] not in NO_SURNAME_AFTER:
        parts.append(("L", words[-1]))
        if len(words) >= 3:
            parts.append(("FL", words[0], words[-1]))
    return parts


@registry_cached
def registry_parts() -> dict[tuple[str, ...], frozenset[str]]:
    """Registered persons by the parts of their names (:func:`_parts`)."""
    found: dict[tuple[str, ...], set[str]] = {}
    for entry in shipped_registry().entries.values():
        if entry.type != "PER":
            continue
        for form in (entry.name, *entry.variants):
            words = compound_words(name_words(form))
            if len(words) > 1 and not _is_title(words[0]):
                for part in _parts(words):
                    found.setdefault(part, set()).add(entry.id)
    return {part: frozenset(ids) for part, ids in found.items()}


@registry_cached
def _all_entry_titles() -> dict[str, frozenset[str]]:
    registry = shipped_registry()
    phrases: dict[str, set[str]] = {}
    for phrase, role in registry.role_phrases.items():
        phrases.setdefault(role, set()).add(phrase.split()[0])
    out: dict[str, frozenset[str]] = {}
    for entry in registry.entries.values():
        words = {norm_key(f).split()[0] for f in (entry.name, *entry.variants)}
        words.update(w for t in entry.roles for w in phrases.get(t.role, ()))
        out[entry.id] = frozenset(v for w in words if _is_title(w) for v in stem_variants(w))
    return out


def _entry_titles(ident: str) -> frozenset[str]:
    """The title words a registered person is named or has roles under (المخلوع, الرئيس)."""
    return _all_entry_titles().get(ident, frozenset())


def _join_registered_parts(groups: dict[str, _Group], uf: UnionFind[str], matched: set[str], names: _Names) -> None:
    """A surname, first name, or first and last name alone that no other person of the documents carries joins the
    one registered person whose name has it (a batch of the store without بشار الأسد: «نظام الأسد», «نظام بشار»,
    «علي صالح»).

    A common given name alone (صالح, also «good» and many men's name) joins only as the registered
    person's surname, when two words around it are words the corpus writes around that surname in
    the articles naming the person in full (``entity_registry_contexts.tsv``, mined by
    ``scripts/mine_registry_contexts.py``: قوات، ميليشيات، الحوثي around صالح), or as the registered
    first and last name when the first name is written right before it («المخلوع علي [صالح]», علي left
    out of the span: then only another person of the documents with that first and last name stops it;
    the usual words tell this صالح from another man of the documents named ... صالح, whom the joins above
    did not give it to).  Not a part another
    multi-word person of the documents has (the joins above weighed it), not under a first name
    that differs from the registered one, and not under a title the registered person is never
    named or has no role under.
    """
    carried: dict[tuple[str, ...], set[str]] = {}  # part -> the multi-word persons of the documents with it
    longest: Counter[str] = Counter()  # the most name words of a person in each union
    for node, group in groups.items():
        words = names.compound[node]
        if group.type == "PER" and len(words) > 1 and not _is_title(words[0]):
            for part in _parts(words):
                carried.setdefault(part, set()).add(node)
            longest[uf.find(node)] = max(longest[uf.find(node)], len(words))
    registry = shipped_registry()
    for node, group in list(groups.items()):
        words = names.compound[node]
        if (group.type != "PER" or _settled(node)
                or longest[uf.find(node)] > len(words)):
            continue  # joined to a longer name already
        by_first = False
        if _DOC in node:  # a common given name alone: as a surname after the first name, or in its usual words
            if len(words) != 1:
                continue
            firsts = [("FL", name_key(w), words[0]) for w in group.before]
            parts: list[tuple[str, ...]] = [p for p in firsts if p in registry_parts()] or [("L", words[0])]
            by_first = parts[0][0] == "FL"
        elif len(words) == 1 and not is_given_name(words[0]):
            parts = [("L", words[0]), ("F", words[0])]
        elif len(words) == 2:
            parts = [("FL", words[0], words[1])]
        else:
            continue
        ids = set().union(*(registry_parts().get(p, frozenset()) for p in parts))
        if len(ids) != 1:
            continue
        entry = registry.entries[ids.pop()]
        if any(n != entry.id for p in parts for n in carried.get(p, ())) and (_DOC not in node or by_first):
            continue  # another person of the documents has that part: the joins above weighed them
        if len(words) == 1 and not _first_names_agree(group, entry.name):
            continue
        if group.titles and not group.titles & _entry_titles(entry.id):
            continue  # العقيد المالكي is not the former prime minister
        if (_DOC in node and not by_first
                and len(load_groups("entity_registry_contexts.tsv").get(entry.id, frozenset()) & set(group.near)) < _CONTEXT_SHARED):
            continue  # «ولد صالح يدعو له» is no mention of علي عبدالله صالح
        groups.setdefault(entry.id, _Group())
        matched.add(entry.id)
        uf.union(node, entry.id)


def _same_context(group: _Group, full: list[_Group]) -> bool:
    """True when a lone given name's words around it are ones the full name's own one-word mentions have.

    The documents naming علي عبدالله صالح call him صالح beside ميليشيات, قوات, الحوثيين; a
    document that writes only «لميليشيات صالح والمتمردين الحوثيين» has two of those words
    (each seen around him in ``_CONTEXT_DOCS`` documents or more), «جيل صالح في حياته» none.
    """
    profile: Counter[str] = Counter()
    for g in full:
        profile.update(g.near)
    usual = {w for w, n in profile.items() if n >= _CONTEXT_DOCS}
    return len(usual & set(group.near)) >= _CONTEXT_SHARED


def _join_transliterations(groups: dict[str, _Group], uf: UnionFind[str], names: _Names) -> None:
    """Persons with the same surname whose other words are transliterations of each other join (ميشال/ميشيل عون)."""
    by_surname: dict[tuple[str, int], list[tuple[list[str], str]]] = {}
    for node in groups:
        words = names.plain[node]
        if node.startswith("P|") and len(words) > 1:
            by_surname.setdefault((words[-1], len(words)), []).append((words, node))
    for members in by_surname.values():
        for i, (a, node_a) in enumerate(members):
            for b, node_b in members[i + 1:]:
                if all(transliterations(x, y) for x, y in zip(a[:-1], b[:-1], strict=True)):
                    uf.union(node_a, node_b)


def _join_clubs(groups: dict[str, _Group], uf: UnionFind[str]) -> None:
    """A club (a name written after نادي or فريق, keyed apart) joins the same name elsewhere when that is mostly an
    organisation (النصر), never a place (the Gulf for the club الخليج)."""
    for node in groups:
        if node.endswith("|" + CLUB):
            plain = node[: -len(CLUB) - 1]
            if plain in groups and groups[plain].type == "ORG":
                uf.union(plain, node)


def _join_cut_pairs(groups: dict[str, _Group], uf: UnionFind[str]) -> None:
    """A two-word name whose second word has the article joins its first word's name when the tagger cut the pair
    there, before that word, at least as often as it tagged the pair whole in the batch: «القرآن الكريم» (tagged whole
    twice) is «[القرآن] الكريم» (cut 30 times), one referent.  «المدينة المنورة», tagged whole, stays whole; a
    place's adjective after a name («الأهلي المصري») names another referent and is left to the clubs' keys."""
    for node, group in groups.items():
        if not node.startswith("X|"):
            continue
        words = norm_key(_fullest(group)).split()
        if len(words) != 2 or not words[1].startswith("ال") or is_place_adjective(words[1]):
            continue
        short = f"X|{name_key(words[0])}"
        if short != node and short in groups and groups[short].after[words[1]] >= group.mentions:
            uf.union(short, node)


def _join_article_forms(groups: dict[str, _Group], uf: UnionFind[str]) -> None:
    """A one-word place or organisation written with the article (الأرسنال) joins the same name written bare (أرسنال)
    when the corpus tags the bare form more than ``_DOMINANCE`` times as often: a foreign name takes no article, and
    its article form is a writer's variant.  Not العراق/عراق, الأهلي/أهلي, الهلال/هلال: there the article form is the
    name (``name_words.tsv`` counts)."""
    for node, group in groups.items():
        if not node.startswith("X|"):
            continue
        kind, key, *apart = node.split("|")  # a club keeps its tag: الأرسنال after «مدرب» is أرسنال after «لاعب»
        if not key.startswith("ال") or " " in key:
            continue
        bare = "|".join([kind, key[2:], *apart])
        if bare not in groups:
            continue
        article = norm_key(_fullest(group))
        if article.startswith("ال") and tagged_count(article[2:]) > _DOMINANCE * tagged_count(article):
            uf.union(bare, node)


def _entity_id(node: str) -> str:
    """``E`` and 10 hex digits of a hash of the node (kind and name key, never a document): the same in every run."""
    return "E" + hashlib.blake2b(node.split(_DOC)[0].encode("utf-8"), digest_size=5).hexdigest()


def _lone_given_name(name: str) -> bool:
    """A one-word person name that is a common given name of the corpus (صالح، هادي): ambiguous alone."""
    words = name_words(name)
    return len(words) == 1 and is_given_name(words[0])


def masculine_qualifier(name: str) -> str:
    """A two-word event name ending in a place's feminine adjective, keyed with the masculine one.

    The adjective agrees with the word written before the name, not with the event: «كأس السوبر الأوروبي» and
    «بطولة السوبر الأوروبية» are one cup (``السوبر الأوروبية`` → ``السوبر الأوروبي``), in a batch and in the
    store's registry of entities (:func:`marsad.corpus.registry.entity_keys`).
    """
    words = name.split(" ")
    last = norm_key(words[-1])
    if len(words) == 2 and last.endswith("يه") and is_place_adjective(last):
        return f"{words[0]} {words[1][:-1]}"
    return name


@cache
def _event_homes() -> dict[str, str]:
    return {norm_key(word): adjective for word, adjective, *_ in load_table("entity_event_homes.tsv")}


def event_home(name: str) -> str:
    """A one-word event keyed with the place adjective the corpus writes after it far more than any other.

    «السوبر» alone is the Saudi Super Cup in the Saudi press («السوبر السعودي» 249 times in SaudiNewsNet without its
    held-out third, ``entity_event_homes.tsv``, mined by ``scripts/mine_event_homes.py``): the bare word of a
    document that names no other country's cup (those keep their adjective, :func:`masculine_qualifier`, or give it
    to their bare word, ``marsad.extract.entities``) is that cup, in a batch and in the store's registry.
    """
    adjective = None if " " in name.strip() else _event_homes().get(norm_key(name))
    return f"{name} {adjective}" if adjective else name


@dataclass(frozen=True)
class DocumentNames:
    """One document's part of resolution: the counts of each of its per-document entity keys (a mention's
    entity, else its type and text key), the node each key starts from (a registry id, else its kind and name key;
    empty for a mention with no name) and the registry ids among the nodes."""

    groups: dict[str, _Group]
    nodes: dict[str, str]
    matched: frozenset[str]


def document_names(doc: Document) -> DocumentNames:
    """What resolution computes of ``doc`` alone (a worker does it with the document: :mod:`marsad.corpus.prepare`)."""
    groups: dict[str, _Group] = {}
    nodes: dict[str, str] = {}
    matched: set[str] = set()
    for key, group in _doc_groups(doc).items():
        groups[key] = group
        apart = next((tag for tag in APART if tag in key), None)
        entry = _registry_match(group) if apart is None else _registered_outlet(group) if apart == OUTLET else None
        if entry is not None:
            nodes[key] = entry.id
            matched.add(entry.id)
            continue
        name = _fullest(group)
        if apart == CLUB and " " in (club := key.split(CLUB, 1)[1]):
            name = club  # a club named with its country («الأهلي المصري») or as a city's club («نادي الرياض»)
            group.forms = Counter({club: group.mentions})
        keyed = (event_home(masculine_qualifier(name)) if group.type == "MISC"
                 else brand_of(name) if group.type == "ORG" else name)  # «أرامكو السعودية» is «أرامكو»
        if apart == OUTLET:  # «جريدة الرياض» is the newspaper «الرياض» quoted elsewhere, named and keyed so
            keyed = outlet_name(keyed)
            forms: Counter[str] = Counter()
            for form, n in group.forms.items():
                forms[outlet_name(form)] += n
            group.forms = forms
        node = f"{_kind(group.type)}|{name_key(keyed)}" if name else ""
        if name and apart:
            node += "|" + apart  # the newspaper الشرق الأوسط or the club الخليج, never the region
        if name and group.type == "PER" and _lone_given_name(name):
            node += _DOC + doc.id  # صالح alone: each document's stays apart until the surname join
        nodes[key] = node
    _name_state_words(groups, nodes)
    return DocumentNames(groups, nodes, frozenset(matched))



def named_mentions(doc: Document, names: DocumentNames) -> list[Mention]:
    """The mentions of ``doc`` that :func:`resolve` keeps as entities, given the document's :func:`document_names`:
    those whose key starts from a node (a mention with no name, nothing but a title, is no entity)."""
    return [m for m in doc.mentions if names.nodes.get(_local_key(m))]


@cache
def _state_words() -> frozenset[str]:
    return frozenset(w.removeprefix("ال") for w in state_heads())


@registry_cached
def _states_by_word() -> dict[str, frozenset[str]]:
    """The registered places named by a form of state and their own name or nisba (مملكة البحرين, المملكة المغربية),
    by that word; not the United Kingdom (المملكة المتحدة: the Saudi press never calls it المملكة alone)."""
    found: dict[str, set[str]] = {}
    for entry in shipped_registry().entries.values():
        own = {norm_key(f) for f in (entry.name, *entry.variants)}
        for form in (entry.name, *entry.variants):
            words = norm_key(form).split()
            head = words[0].removeprefix("ال")
            if (entry.type == "LOC" and len(words) == 2 and head in _state_words()
                    and (words[1] in own or is_place_adjective(words[1]))):
                found.setdefault(head, set()).add(entry.id)
    return {word: frozenset(ids) for word, ids in found.items()}


def _name_state_words(groups: dict[str, _Group], nodes: dict[str, str]) -> None:
    """A form of state alone (المملكة) names the document's leading place of that form when the document never names
    the place the registry gives the bare word by another name.

    المملكة alone is Saudi Arabia in the Saudi press, but «الصورة المشرقة للمملكة» in an article on travellers to
    Bahrain that names البحرين and never السعودية is Bahrain: the registered place named by that state word with more
    (مملكة البحرين, المملكة المغربية) named at least twice in the document and more often than any other place.
    """
    places: Counter[str] = Counter()
    for key, group in groups.items():
        if nodes[key] and group.type == "LOC":
            places[nodes[key]] += group.mentions
    for key, group in groups.items():
        words = {norm_key(f).removeprefix("ال") for f in group.forms}
        default = nodes[key]
        if len(words) != 1 or not words <= _state_words() or not default:
            continue
        if sum(1 for k in groups if nodes[k] == default) > 1:
            continue  # the document names that place in another way too (السعودية)
        states = _states_by_word().get(next(iter(words)), frozenset()) - {default}
        ranked = sorted(places.items(), key=lambda p: -p[1])
        rivals = [(node, n) for node, n in ranked if node != default]
        if rivals and rivals[0][0] in states and rivals[0][1] >= _STATE_MENTIONS and (
                len(rivals) == 1 or rivals[1][1] < rivals[0][1]):
            nodes[key] = rivals[0][0]


def resolve(docs: list[Document], result: CorpusResult) -> None:
    """Fill ``result.entities`` and rewrite every ``Mention.entity`` (and quote speaker) to its global entity id."""
    registry = shipped_registry()
    groups: dict[tuple[str, str], _Group] = {}
    node_of: dict[tuple[str, str], str] = {}
    matched: set[str] = set()
    for doc in docs:  # each document's part as its worker found it when it did
        prepared = result.prepared.get(doc.id)
        names = prepared.names if prepared is not None else document_names(doc)
        for key, group in names.groups.items():
            groups[(doc.id, key)] = group
            node_of[(doc.id, key)] = names.nodes[key]
        matched |= names.matched
    parts: dict[str, list[_Group]] = {}
    for gid, group in groups.items():
        node = node_of[gid]
        if node:
            parts.setdefault(node, []).append(group)
    nodes = {node: _union(own) for node, own in parts.items()}
    uf: UnionFind[str] = UnionFind(nodes)
    for node, group in nodes.items():  # عادل بن أحمد الجبير = عادل الجبير
        if not node.startswith("P|"):
            continue
        short = f"P|{short_key(_fullest(group))}"
        if short != node and short in nodes and not _settled(node):
            uf.union(node, short)
    words = _Names.of(nodes)
    _join_transliterations(nodes, uf, words)
    _join_clubs(nodes, uf)
    _join_cut_pairs(nodes, uf)
    _join_article_forms(nodes, uf)
    doc_nodes: dict[str, set[str]] = {}
    for (doc_id, _), node in node_of.items():
        if node:
            doc_nodes.setdefault(doc_id, set()).add(node)
    company = _Company(doc_nodes)
    _join_surnames(nodes, uf, company, words)
    _join_partial_names(nodes, uf, company, words)
    _join_registered_parts(nodes, uf, matched, words)
    lone: dict[str, str] = {}
    taken = {uf.find(n) for n in nodes if _DOC not in n}
    for node in nodes:  # the lone given names no full name took: one entity per name again
        if _DOC in node and uf.find(node) not in taken:
            uf.union(lone.setdefault(node.split(_DOC)[0], node), node)
    unions = uf.groups()
    merged = {root: _union([nodes[n] for n in members]) for root, members in unions.items()}
    # A union is named by its registry id, else by its fullest node (so a surname joining it never renames it).
    final: dict[str, str] = {}
    for root, members in unions.items():
        best = max(members, key=lambda n: (n in matched, CLUB not in n, len(words.plain.get(n, ())), nodes[n].mentions, n))
        final[root] = best if best in matched else _entity_id(best)
    counts: Counter[str] = Counter()
    for doc in docs:
        local: dict[str, str] = {}
        kept = []
        for m in doc.mentions:
            key = _local_key(m)
            ident = local.get(key)
            if ident is None:
                node = node_of.get((doc.id, key), "")
                if not node:
                    continue  # a mention with no name (nothing but a title) is not an entity
                ident = local[key] = final[uf.find(node)]
            m.entity = ident
            counts[ident] += 1
            kept.append(m)
        doc.mentions = kept
        for q in doc.quotes:  # speakers were linked to per-document keys before resolution
            q.speaker = local.get(q.speaker, q.speaker) if q.speaker else q.speaker
            q.via = [local.get(v, v) for v in q.via]
    entities: list[Entity] = []
    for root, group in merged.items():
        ident = final[root]
        entry = registry.entries.get(ident)
        name = entry.name if entry is not None else _display_name(group)
        kind = entry.type if entry is not None else group.type
        aliases = sorted(f for f in group.forms if f != name)
        roles = [t.label() for t in entry.roles] if entry is not None else []
        entities.append(Entity(ident, kind, name, aliases, sorted(group.documents), counts[ident], roles))
    entities.sort(key=lambda e: (-e.mentions, e.id))
    result.entities = entities


def _union(groups: list[_Group]) -> _Group:
    """The counts of ``groups`` together: the one group itself when alone (it is read, never changed, from here on:
    a copy of it would be equal), else a new group they are merged into, in order."""
    if len(groups) == 1:
        return groups[0]
    out = _Group()
    for group in groups:
        out.merge(group)
    return out


def _display_name(group: _Group) -> str:
    multi = {f: n for f, n in group.forms.items() if " " in f.strip()} if group.type == "PER" else {}
    pool = multi or dict(group.forms)
    return max(pool, key=lambda f: (pool[f], f)) if pool else ""
