"""Entity resolution across documents: one entity per person, place or organisation, whatever the spelling.

Each document's entities (mentions sharing a per-document key from
:mod:`marsad.extract.entities`) are named by their fullest form, which is reduced to a
*spelling key*: normalised (hamza seats, ى/ي, ة/ه), formal country names mapped to
short ones (``ner_aliases.tsv``), the article ال and a leading و dropped from each word,
ج/غ/ق folded (a foreign g), spaces removed (بيونغ يانغ = بيونغيانغ) and a ي inside a
word dropped (أمريكي = أميركي).  Entities of one type with the same spelling key join;
so do names of the same length whose words differ by at most one letter in words of
five letters or more.  A one-word person joins the one multi-word person whose first or
last word it is.  Different names sharing words (كيم جونغ أون, كيم إيل سونغ) keep
different keys and stay apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz.distance import Levenshtein

from marsad.lexicons import load, load_table
from marsad.model import Document, Entity, EntityType
from marsad.pipeline import CorpusResult
from marsad.text.normalize import norm_key

_G = str.maketrans({"غ": "ج", "ق": "ج"})


@cache
def _aliases() -> dict[str, str]:
    return {norm_key(alias): norm_key(name) for alias, name, *_ in load_table("ner_aliases.tsv")}


@cache
def _titles() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("ner_person_titles.txt"))


def _word(key: str) -> str:
    for prefix in ("وال", "ال"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            key = key[len(prefix):]
            break
    return key.translate(_G)


def _squash(word: str) -> str:
    if len(word) <= 2:
        return word
    return word[0] + word[1:-1].replace("ي", "") + word[-1]


def spelling_words(name: str) -> list[str]:
    """The words of ``name`` in spelling-key form (before spaces are removed)."""
    key = norm_key(name)
    key = _aliases().get(key, key)
    return [_squash(_word(w)) for w in key.replace("-", " ").split()]


def spelling_key(name: str) -> str:
    """The key under which spelling variants of one name coincide."""
    return _squash("".join(_word(w) for w in _aliases().get(norm_key(name), norm_key(name)).replace("-", " ").split()))


@dataclass
class _Group:
    type: EntityType
    forms: Counter[str] = field(default_factory=Counter)
    documents: list[str] = field(default_factory=list)


def _is_role(text: str) -> bool:
    first = norm_key(text).split(" ")[0]
    return first in _titles() or first.removeprefix("ال") in _titles() or ("ال" + first) in _titles()


def _doc_groups(docs: list[Document]) -> dict[tuple[str, str], _Group]:
    groups: dict[tuple[str, str], _Group] = {}
    for doc in docs:
        for m in doc.mentions:
            key = (doc.id, m.entity or f"{m.type}:{norm_key(m.text)}")
            group = groups.setdefault(key, _Group(m.type))
            if not _is_role(m.text):
                group.forms[m.text] += 1
            if not group.documents:
                group.documents.append(doc.id)
    return groups


def _fullest(group: _Group) -> str:
    if not group.forms:
        return ""
    return max(group.forms, key=lambda f: (len(norm_key(f).split(" ")), group.forms[f], f))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _near(a: list[str], b: list[str]) -> bool:
    if len(a) != len(b) or a == b:
        return a == b
    for x, y in zip(a, b, strict=True):
        if x != y and (min(len(x), len(y)) < 5 or Levenshtein.distance(x, y) > 1):
            return False
    return True


def _global_keys(groups: dict[tuple[str, str], _Group]) -> dict[tuple[str, str], str]:
    uf = _UnionFind()
    words: dict[str, list[str]] = {}
    node_of: dict[tuple[str, str], str] = {}
    for gid, group in groups.items():
        name = _fullest(group)
        node = f"{group.type}|{spelling_key(name)}" if name else f"{group.type}|#{gid[0]}|{gid[1]}"
        node_of[gid] = node
        uf.find(node)
        if name:
            words[node] = spelling_words(name)
    by_block: dict[tuple[str, int, str], list[str]] = defaultdict(list)
    for node, ws in words.items():
        by_block[(node.split("|", 1)[0], len(ws), ws[-1][:1] if ws else "")].append(node)
    for block in by_block.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if _near(words[a], words[b]):
                    uf.union(a, b)
    multi: dict[str, set[str]] = defaultdict(set)
    for node, ws in words.items():
        if node.startswith("PER|") and len(ws) > 1:
            for w in (ws[0], ws[-1]):
                multi[w].add(uf.find(node))
    for node, ws in words.items():
        if node.startswith("PER|") and len(ws) == 1 and len(multi.get(ws[0], ())) == 1:
            uf.union(node, next(iter(multi[ws[0]])))
    return {gid: uf.find(node) for gid, node in node_of.items()}


def resolve(docs: list[Document], result: CorpusResult) -> None:
    """Fill ``result.entities`` and rewrite every ``Mention.entity`` to its global entity id."""
    groups = _doc_groups(docs)
    roots = _global_keys(groups)
    merged: dict[str, _Group] = {}
    for gid, group in groups.items():
        target = merged.setdefault(roots[gid], _Group(group.type))
        target.forms.update(group.forms)
        for d in group.documents:
            if d not in target.documents:
                target.documents.append(d)
    counts: Counter[str] = Counter()
    for doc in docs:
        for m in doc.mentions:
            counts[roots[(doc.id, m.entity or f"{m.type}:{norm_key(m.text)}")]] += 1
    order = sorted(merged, key=lambda r: (-counts[r], r))
    ids = {root: f"E{i + 1}" for i, root in enumerate(order)}
    for doc in docs:
        for m in doc.mentions:
            m.entity = ids[roots[(doc.id, m.entity or f"{m.type}:{norm_key(m.text)}")]]
    entities: list[Entity] = []
    for root in order:
        group = merged[root]
        multi = {f: n for f, n in group.forms.items() if " " in f.strip()}
        pool = multi or dict(group.forms)
        name = max(pool, key=lambda f: (pool[f], f)) if pool else ""
        aliases = sorted(f for f in group.forms if f != name)
        entities.append(Entity(ids[root], group.type, name, aliases, sorted(group.documents), counts[root]))
    result.entities = entities
