"""The registry of known entities: stable ids, types, spelling variants and dated roles.

The shipped registry (``entity_registry.tsv``, roles in ``entity_roles.tsv``) lists people,
places and organisations of the Arab press.  Each line is one entity with a stable id
(``per:donald-trump``), its type, its name, its spelling variants and short forms, and its
dated roles (``us_president@2017-01-20/2021-01-20``).  A user extends or overrides it with
a TSV file of the same columns, named by ``Options.registry_file`` (``registry_file`` in a
``--config`` TOML, ``marsad analyze --registry FILE``); an entry with an existing id replaces
it.  The pipeline makes that file the one in use (:func:`use_registry`) before each batch
and before the corpus steps; what is derived from the registry (name keys, gazetteers) is
cached per registry in use (:func:`registry_cached`).

The resolution step (:mod:`marsad.corpus.entities`) gives an entity the registry id when
one of its names has the key of a registry name (:func:`marsad.corpus.names.name_key`), so
the id is the same in every run and every corpus.  :meth:`Registry.resolve_role` turns a
role phrase at a date into the person holding it then (الرئيس الأمريكي at 2018-05-01 →
دونالد ترامب); a former role (الرئيس الأمريكي السابق) resolves to nobody.

Variant spellings of multi-word names also teach word variants (سيرجي/سيرغي from سيرجي
لافروف/سيرغي لافروف; ترمب/ترامب from ترمب and دونالد ترامب): a variant word and the name's
word in the same position whose :func:`marsad.corpus.names.skeleton` agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from marsad.lexicons import load_table
from marsad.model import EntityType
from marsad.text.clitics import stem_variants
from marsad.text.normalize import norm_key

_T = TypeVar("_T")
_FORMER = frozenset(norm_key(w) for w in ("السابق", "السابقة", "الأسبق", "الأسبقة", "سابق", "سابقا", "المنتهية"))
HOUSE = norm_key("آل")  # آل سعود: the house a Gulf lineage ends with (the key names.py and known.py compare)
_TYPES: dict[str, EntityType] = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_LOOKUPS_KEPT = 1 << 16  # names whose lookup a registry keeps (emptied when full)


@dataclass(frozen=True)
class Tenure:
    """One holding of a role: ISO start date, and end date (None while it lasts)."""

    role: str
    start: str
    end: str | None

    def holds(self, date: str) -> bool:
        """True when the role is held on ``date`` (ISO, compared on its first ten characters)."""
        day = date[:10]
        return self.start <= day and (self.end is None or day < self.end)

    def label(self) -> str:
        """``role@start/end`` as written in the registry."""
        return f"{self.role}@{self.start}/{self.end or ''}"


@dataclass(frozen=True)
class RegistryEntry:
    """A known entity."""

    id: str
    type: EntityType
    name: str
    variants: tuple[str, ...] = ()
    roles: tuple[Tenure, ...] = ()

    def holds(self, role: str, date: str) -> bool:
        """True when this entity holds ``role`` on ``date``."""
        return any(t.role == role and t.holds(date) for t in self.roles)


def parse_entries(rows: Iterable[tuple[str, ...]], source: str) -> list[RegistryEntry]:
    """Registry entries from TSV rows (id, type, name, variants, roles); a malformed row is a ValueError naming it."""
    out: list[RegistryEntry] = []
    for row in rows:
        cells = [*row, "", "", ""]
        ident, kind, name, variants, roles = cells[:5]
        if not ident or kind not in _TYPES or not name:
            raise ValueError(f"{source}: bad registry row {row!r} (need id, PER/LOC/ORG/MISC, name)")
        tenures: list[Tenure] = []
        for item in filter(None, (r.strip() for r in roles.split(";"))):
            role, _, dates = item.partition("@")
            start, _, end = dates.partition("/")
            if not role or len(start) != 10:
                raise ValueError(f"{source}: bad role {item!r} of {ident} (need role@YYYY-MM-DD/[YYYY-MM-DD])")
            tenures.append(Tenure(role, start, end or None))
        out.append(RegistryEntry(ident, _TYPES[kind], name, tuple(v for v in variants.split("|") if v.strip()),
                                 tuple(tenures)))
    return out


def read_registry_file(path: str) -> list[RegistryEntry]:
    """The entries of a user's registry TSV; an unreadable file or a malformed row is a ValueError naming it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read registry file {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    rows = [tuple(c.strip() for c in line.split("\t")) for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    return parse_entries(rows, path)


_in_use = [""]  # the user's registry file in use (empty: the shipped registry alone)
_derived: list[Callable[[], None]] = []  # cache_clear of every function cached per registry in use


def registry_cached(function: Callable[[], _T]) -> Callable[[], _T]:
    """``functools.cache`` for a function derived from the registry in use: emptied when :func:`use_registry` changes it."""
    cached = cache(function)
    _derived.append(cached.cache_clear)
    return cached


def on_registry_change(clear: Callable[[], None]) -> None:
    """Call ``clear`` (a cache's ``cache_clear``) whenever :func:`use_registry` changes the registry in use."""
    _derived.append(clear)


def use_registry(path: str) -> None:
    """Make the shipped registry extended by the user's TSV ``path`` (empty: none) the registry in use.

    The file is read at once, so that a bad file is a ValueError here, before any document.
    """
    if path == _in_use[0]:
        return
    if path:
        read_registry_file(path)
    _in_use[0] = path
    for clear in _derived:
        clear()


def registry_in_use() -> str:
    """The user's registry file in use (empty: the shipped registry alone)."""
    return _in_use[0]


def _word_pairs(entry: RegistryEntry) -> list[tuple[str, str]]:
    """(variant word, name word) pairs that align by skeleton, from the entry's variants."""
    from marsad.corpus.names import skeleton

    name = norm_key(entry.name).replace("-", " ").split()
    pairs: list[tuple[str, str]] = []
    for variant in entry.variants:
        words = norm_key(variant).replace("-", " ").split()
        if len(words) == len(name):
            aligned = list(zip(words, name, strict=True))
        elif len(words) == 1:
            aligned = [(words[0], w) for w in name if skeleton(w) == skeleton(words[0])][:1]
        else:
            continue
        pairs.extend((v, n) for v, n in aligned if v != n and skeleton(v) == skeleton(n))
    return pairs


@dataclass
class Registry:
    """Known entities by id, by name key and by role."""

    entries: dict[str, RegistryEntry] = field(default_factory=dict)
    role_phrases: dict[str, str] = field(default_factory=dict)
    word_variants: dict[str, str] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    by_surname: dict[tuple[str, int], set[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    holders: dict[str, list[RegistryEntry]] = field(default_factory=dict)
    # name -> the id :meth:`lookup` found for it (None: none); emptied when the keys change or it is full
    _found: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, entries: Iterable[RegistryEntry], roles: Iterable[tuple[str, ...]]) -> Registry:
        """Index ``entries`` (a later entry with the same id replaces an earlier one) and role phrases."""
        reg = cls()
        for entry in entries:
            reg.entries[entry.id] = entry
        for role, phrases, *_ in roles:
            for phrase in phrases.split("|"):
                reg.role_phrases[" ".join(norm_key(phrase).split())] = role
        for entry in reg.entries.values():
            for variant, word in _word_pairs(entry):
                reg.word_variants.setdefault(variant, word)
            for tenure in entry.roles:
                reg.holders.setdefault(tenure.role, []).append(entry)
        return reg

    def index_keys(self) -> None:
        """Key every name and variant (after the word variants are known to the name keys)."""
        from marsad.corpus.names import name_key, name_words, short_key

        self._found.clear()
        for entry in self.entries.values():
            for form in (entry.name, *entry.variants):
                self.by_key.setdefault(name_key(form), entry.id)
        for entry in self.entries.values():
            for form in (entry.name, *entry.variants):
                self.by_key.setdefault(short_key(form), entry.id)
                words = tuple(name_words(form))
                if entry.type == "PER" and len(words) > 1:
                    self.by_surname.setdefault((words[-1], len(words)), set()).add((words, entry.id))

    def lookup(self, name: str) -> RegistryEntry | None:
        """The entry one of whose names has the key of ``name`` (or of ``name`` without its ``بن X`` links, or
        without the house ``آل X`` ending a lineage).

        Failing that, the one person whose registered name has the same surname and, word for
        word, transliterations of the other words (سرجي لافروف → سيرغي لافروف;
        :func:`marsad.corpus.names.transliterations`).  The id found is kept for the name (the entity steps ask
        for the same names again and again).
        """
        if name in self._found:
            ident = self._found[name]
        else:
            if len(self._found) >= _LOOKUPS_KEPT:
                self._found.clear()
            ident = self._found[name] = self._ident(name)
        return self.entries.get(ident) if ident else None

    def _ident(self, name: str) -> str | None:
        """The id :meth:`lookup` finds for ``name`` (None when none)."""
        from marsad.corpus.names import LINKS, name_key, name_words, short_key, transliterations

        ident = self.by_key.get(name_key(name)) or self.by_key.get(short_key(name))
        words = name_words(name)
        if ident is None and len(words) > 3 and words[-2] == HOUSE and any(w in LINKS for w in words[:-2]):
            lineage = " ".join(words[:-2])  # محمد بن نايف بن عبدالعزيز [آل سعود]: the house adds nothing to the lineage
            ident = self.by_key.get(name_key(lineage)) or self.by_key.get(short_key(lineage))
        if ident is None and len(words) > 1:
            found = {i for names, i in self.by_surname.get((words[-1], len(words)), ())
                     if all(transliterations(a, b) for a, b in zip(words[:-1], names[:-1], strict=True))}
            ident = found.pop() if len(found) == 1 else None
        return ident

    def role_of(self, phrase: str) -> tuple[str, bool] | None:
        """The role id a phrase names and whether it is a former role (الرئيس الأمريكي السابق)."""
        words = norm_key(phrase).split()
        former = any(w in _FORMER for w in words)
        words = [w for w in words if w not in _FORMER]
        if not words:
            return None
        for first in stem_variants(words[0]):
            role = self.role_phrases.get(" ".join([first, *words[1:]]))
            if role is not None:
                return role, former
        return None

    def holder(self, role: str, date: str | None) -> RegistryEntry | None:
        """The one entity holding ``role`` on ``date`` (None without a date or when none or several do)."""
        if not date:
            return None
        found = {e.id: e for e in self.holders.get(role, ()) if e.holds(role, date)}
        return next(iter(found.values())) if len(found) == 1 else None

    def resolve_role(self, phrase: str, date: str | None) -> RegistryEntry | None:
        """The person a role phrase names at ``date`` (an ISO date); a former role names nobody.

        >>> shipped_registry().resolve_role("الرئيس الأمريكي", "2018-05-01").id
        'per:donald-trump'
        """
        found = self.role_of(phrase)
        if found is None or found[1]:
            return None
        return self.holder(found[0], date)


@registry_cached
def base_registry() -> Registry:
    """The shipped registry plus the user's file in use (:func:`use_registry`), before its names are keyed.

    The name keys themselves use the word variants learnt here, hence the two steps.
    """
    user = read_registry_file(_in_use[0]) if _in_use[0] else []
    entries = parse_entries(load_table("entity_registry.tsv"), "entity_registry.tsv") + user
    return Registry.build(entries, load_table("entity_roles.tsv"))


@registry_cached
def shipped_registry() -> Registry:
    """The registry with every name keyed (loaded once)."""
    registry = base_registry()
    registry.index_keys()
    return registry


def resolve_role(phrase: str, date: str | None) -> RegistryEntry | None:
    """The registered person holding the role ``phrase`` names at ``date`` (see :meth:`Registry.resolve_role`)."""
    return shipped_registry().resolve_role(phrase, date)
