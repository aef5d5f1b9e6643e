"""Entity resolution across documents: one entity per person, place or organisation, whatever the spelling.

Each document's entities (mentions sharing a per-document key from
:mod:`marsad.extract.entities`) are named by their fullest form, which is reduced to a
*spelling key*: normalised (hamza seats, ى/ي, ة/ه), formal country names mapped to
short ones (``ner_aliases.tsv``), the article ال and a leading و dropped from each word,
ج/غ/ق folded (a foreign g), spaces removed (بيونغ يانغ = بيونغيانغ) and a ي inside a
word dropped (أمريكي = أميركي).  Entities with the same spelling key join;
so do names of the same length whose words differ by at most one letter in words of
five letters or more.  The type of an entity is the majority type of its mentions
(the tagger may call a capital a place in one sentence and a government in another).  A one-word person joins the multi-word person whose first or last
word it is, when there is one such person or one with more than twice the mentions of
the others together.  A person is named by its most frequent multi-word form, anything
else by its most frequent form.  Different names sharing words (كيم جونغ أون, كيم إيل سونغ) keep
different keys and stay apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz.distance import Levenshtein

from marsad.corpus.result import CorpusResult
from marsad.lexicons import load, load_table
from marsad.model import Document, Entity, EntityType
from marsad.text.normalize import norm_key
from marsad.text.tokens import stem_variants

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
    types: Counter[EntityType] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    documents: list[str] = field(default_factory=list)

    @property
    def type(self) -> EntityType:
        """The majority type of the group's mentions."""
        return max(self.types, key=lambda t: (self.types[t], t))


def _is_role(text: str) -> bool:
    first = norm_key(text).split(" ")[0]
    return any(v in _titles() for v in stem_variants(first))


def _doc_groups(docs: list[Document]) -> dict[tuple[str, str], _Group]:
    groups: dict[tuple[str, str], _Group] = {}
    for doc in docs:
        for m in doc.mentions:
            key = (doc.id, m.entity or f"{m.type}:{norm_key(m.text)}")
            group = groups.setdefault(key, _Group())
            group.types[m.type] += 1
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
        node = spelling_key(name) if name else f"#{gid[0]}|{gid[1]}"
        node_of[gid] = node
        uf.find(node)
        if name:
            words[node] = spelling_words(name)
    by_block: dict[tuple[int, str], list[str]] = defaultdict(list)
    for node, ws in words.items():
        by_block[(len(ws), ws[-1][:1] if ws else "")].append(node)
    for block in by_block.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if _near(words[a], words[b]):
                    uf.union(a, b)
    persons = {node_of[gid] for gid, group in groups.items() if group.type == "PER"}
    multi: dict[str, set[str]] = defaultdict(set)
    for node, ws in words.items():
        if node in persons and len(ws) > 1:
            for w in (ws[0], ws[-1]):
                multi[w].add(uf.find(node))
    weight: Counter[str] = Counter()
    for gid, group in groups.items():
        weight[uf.find(node_of[gid])] += sum(group.forms.values())
    for node, ws in words.items():
        candidates = sorted(multi.get(ws[0], ()), key=lambda r: (-weight[r], r)) if len(ws) == 1 else []
        if node in persons and candidates:
            rest = sum(weight[r] for r in candidates[1:])
            if len(candidates) == 1 or weight[candidates[0]] > 2 * rest:
                uf.union(node, candidates[0])
    return {gid: uf.find(node) for gid, node in node_of.items()}


def resolve(docs: list[Document], result: CorpusResult) -> None:
    """Fill ``result.entities`` and rewrite every ``Mention.entity`` (and quote speaker) to its global entity id."""
    groups = _doc_groups(docs)
    roots = _global_keys(groups)
    merged: dict[str, _Group] = {}
    for gid, group in groups.items():
        target = merged.setdefault(roots[gid], _Group())
        target.forms.update(group.forms)
        target.types.update(group.types)
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
        local: dict[str, str] = {}
        for m in doc.mentions:
            key = m.entity or f"{m.type}:{norm_key(m.text)}"
            m.entity = local[key] = ids[roots[(doc.id, key)]]
        for q in doc.quotes:  # speakers were linked to per-document keys before resolution
            q.speaker = local.get(q.speaker, q.speaker) if q.speaker else q.speaker
            q.via = [local.get(v, v) for v in q.via]
    entities: list[Entity] = []
    for root in order:
        group = merged[root]
        multi = {f: n for f, n in group.forms.items() if " " in f.strip()} if group.type == "PER" else {}
        pool = multi or dict(group.forms)
        name = max(pool, key=lambda f: (pool[f], f)) if pool else ""
        aliases = sorted(f for f in group.forms if f != name)
        entities.append(Entity(ids[root], group.type, name, aliases, sorted(group.documents), counts[root]))
    result.entities = entities
