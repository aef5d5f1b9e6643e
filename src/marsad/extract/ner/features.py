"""CRF features for Arabic NER: forms, affixes, clitics, word clusters, lexicons and gazetteers.

A sentence is a list of word strings (ANERcorp tokens at training time, tokens of
:func:`marsad.text.tokens.tokenize` at run time).  Every feature is computed on
normalised keys (:func:`marsad.text.normalize.norm_key`), never on rewritten text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from marsad.lexicons import load, load_table
from marsad.text.normalize import norm_key
from marsad.text.tokens import stem_variants, strip_clitics

Clusters = Mapping[str, tuple[str, str, str]]


@dataclass
class Gazetteer:
    """Multi-word names (as key tuples) with a type, matched longest-first; clitics allowed on word one."""

    entries: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)
    longest: int = 1

    def add(self, keys: Sequence[str], label: str) -> None:
        """Add one name given as its word keys."""
        if not keys:
            return
        self.entries.setdefault(keys[0], {})[tuple(keys[1:])] = label
        self.longest = max(self.longest, len(keys))

    def match(self, keys: Sequence[str]) -> list[str]:
        """Tag each position with ``TYPE-B``/``TYPE-I`` for the longest names found, '' elsewhere."""
        out = [""] * len(keys)
        i = 0
        while i < len(keys):
            best = 0
            best_label = ""
            for first in stem_variants(keys[i]):
                tails = self.entries.get(first)
                if not tails:
                    continue
                for n in range(min(self.longest, len(keys) - i), 0, -1):
                    if n <= best:
                        break
                    label = tails.get(tuple(keys[i + 1:i + n]))
                    if label is not None:
                        best, best_label = n, label
                        break
            if best:
                out[i] = best_label + "-B"
                for j in range(i + 1, i + best):
                    out[j] = best_label + "-I"
                i += best
            else:
                i += 1
        return out


def gazetteer_from_names(names: Iterable[tuple[Sequence[str], str]]) -> Gazetteer:
    """Build a gazetteer from (word keys, type) pairs, keeping each name's most frequent type."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for keys, label in names:
        votes.setdefault(tuple(keys), Counter())[label] += 1
    gaz = Gazetteer()
    for keys, counter in sorted(votes.items()):
        gaz.add(keys, counter.most_common(1)[0][0])
    return gaz


@dataclass
class Resources:
    """Everything the feature extractor looks up."""

    clusters: Clusters
    places: Gazetteer
    names: Gazetteer
    titles: frozenset[str]
    org_heads: frozenset[str]
    loc_triggers: frozenset[str]


def _model_text(name: str) -> str:
    return resources.files("marsad.models").joinpath(name).read_text(encoding="utf-8")


def parse_clusters(text: str) -> dict[str, tuple[str, str, str]]:
    """Parse a ``word  c64  c256  c1024`` TSV (first line is a comment)."""
    out: dict[str, tuple[str, str, str]] = {}
    for line in text.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) == 4:
            out[cells[0]] = (cells[1], cells[2], cells[3])
    return out


def parse_names(text: str) -> Gazetteer:
    """Parse a ``name<TAB>TYPE`` gazetteer TSV (``#`` comment lines skipped)."""
    gaz = Gazetteer()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, label = line.partition("\t")
        gaz.add(norm_key(name).split(" "), label)
    return gaz


def _keyset(name: str) -> frozenset[str]:
    return frozenset(norm_key(w) for w in load(name))


def place_gazetteer() -> Gazetteer:
    """Countries, regions and cities in Arabic (CLDR names via babel, ``ner_places.tsv``, and ``ner_places_extra.tsv``)."""
    gaz = Gazetteer()
    for name in ("ner_places.tsv", "ner_places_extra.tsv"):
        for row in load_table(name):
            gaz.add(norm_key(row[0]).split(" "), "LOC")
    return gaz


def base_resources(clusters: Clusters, names: Gazetteer) -> Resources:
    """Resources with the given clusters and name gazetteer plus the shipped lexicons."""
    return Resources(
        clusters=clusters,
        places=place_gazetteer(),
        names=names,
        titles=_keyset("ner_person_titles.txt"),
        org_heads=_keyset("ner_org_heads.txt"),
        loc_triggers=_keyset("ner_loc_triggers.txt"),
    )


@cache
def shipped_resources() -> Resources:
    """The resources shipped with the package (``marsad/models``)."""
    return base_resources(parse_clusters(_model_text("clusters.tsv")), parse_names(_model_text("ner_names.tsv")))


def _shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if not word[:1].isalnum():
        return "P"
    if word.isascii():
        return "L"
    return "A"


def _token_features(key: str, word: str, res: Resources) -> list[str]:
    pre, stem = strip_clitics(key)
    cl = res.clusters.get(key)
    scl = res.clusters.get(stem) if stem != key else cl
    feats = [
        "w=" + key,
        "s=" + stem,
        "p=" + pre,
        "sh=" + _shape(word),
        "len=" + str(min(len(stem), 8)),
        "s2=" + stem[:2],
        "s3=" + stem[:3],
        "e1=" + key[-1:],
        "e2=" + key[-2:],
        "e3=" + key[-3:],
    ]
    if cl is not None:
        feats += ["c64=" + cl[0], "c256=" + cl[1], "c1k=" + cl[2]]
    else:
        feats.append("c=none")
    if scl is not None:
        feats += ["sc64=" + scl[0], "sc1k=" + scl[2]]
    if key in res.titles or stem in res.titles:
        feats.append("title")
    if key in res.org_heads or stem in res.org_heads:
        feats.append("orghead")
    if key in res.loc_triggers or stem in res.loc_triggers:
        feats.append("loctrig")
    return feats


_CONTEXT_PREFIXES = ("w=", "s=", "c256=", "c1k=", "title", "orghead", "loctrig", "sh=", "p=")


def sentence_features(words: Sequence[str], res: Resources) -> list[list[str]]:
    """Feature lists for each word of one sentence (own features plus a ±2 window)."""
    keys = [norm_key(w) or w for w in words]
    own = [_token_features(k, w, res) for k, w in zip(keys, words, strict=True)]
    places = res.places.match(keys)
    names = res.names.match(keys)
    ctx = [[f for f in feats if f.startswith(_CONTEXT_PREFIXES)] for feats in own]
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        feats = ["bias", *own[i]]
        if places[i]:
            feats.append("gp=" + places[i])
        if names[i]:
            feats.append("gn=" + names[i])
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                feats.extend(f"{d}:{f}" for f in ctx[j])
                if abs(d) == 1:
                    if places[j]:
                        feats.append(f"{d}:gp=" + places[j])
                    if names[j]:
                        feats.append(f"{d}:gn=" + names[j])
            elif abs(d) == 1:
                feats.append(f"{d}:edge")
        if i > 0:
            feats.append(f"b-1={keys[i - 1]}|{keys[i]}")
        if i + 1 < n:
            feats.append(f"b+1={keys[i]}|{keys[i + 1]}")
        out.append(feats)
    return out


def _label_type(tag: str) -> str:
    return tag.partition("-")[2]


def second_pass_features(
    sentences: Sequence[Sequence[str]], first: Sequence[Sequence[str]]
) -> list[list[list[str]]]:
    """Extra features from a first-pass tagging of a whole document.

    For each token: its first-pass label and its neighbours', and document-level
    evidence: how the same word (key and clitic-stripped key) was labelled elsewhere in
    the document (majority type, and whether it was always, mostly, or rarely tagged).
    """
    keyed = [[norm_key(w) or w for w in words] for words in sentences]
    typed: dict[str, Counter[str]] = {}
    seen: Counter[str] = Counter()
    for keys, tags in zip(keyed, first, strict=True):
        for key, tag in zip(keys, tags, strict=True):
            stem = strip_clitics(key)[1]
            for k in {key, "s:" + stem}:
                seen[k] += 1
                if tag != "O":
                    typed.setdefault(k, Counter())[_label_type(tag)] += 1
    out: list[list[list[str]]] = []
    for keys, tags in zip(keyed, first, strict=True):
        rows: list[list[str]] = []
        n = len(keys)
        for i, key in enumerate(keys):
            feats = ["p1=" + tags[i]]
            feats.append("p1-1=" + (tags[i - 1] if i > 0 else "BOS"))
            feats.append("p1+1=" + (tags[i + 1] if i + 1 < n else "EOS"))
            for name, k in (("d", key), ("ds", "s:" + strip_clitics(key)[1])):
                counter = typed.get(k)
                if counter is None:
                    continue
                label, hits = counter.most_common(1)[0]
                ratio = sum(counter.values()) / seen[k]
                level = "all" if ratio >= 1 else "most" if ratio >= 0.5 else "some"
                feats += [f"{name}={label}", f"{name}={label}:{level}"]
                if len(counter) > 1:
                    feats.append(f"{name}mix")
                if hits > 1:
                    feats.append(f"{name}n>1")
            rows.append(feats)
        out.append(rows)
    return out
