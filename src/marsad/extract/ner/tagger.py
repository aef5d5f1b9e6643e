"""The shipped CRF tagger, with document-level label consistency.

:meth:`NerTagger.tag_document` tags every sentence of a document, then lets a name tagged
in one place inform its untagged occurrences elsewhere in the same document (the
"one sense per discourse" idea): an untagged word sequence equal to a tagged name (its
first word may carry clitics) takes the name's majority type when the name is tagged at
least as often as it is left untagged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from marsad.extract.ner.features import (
    Gazetteer,
    Resources,
    second_pass_features,
    sentence_features,
    shipped_resources,
)
from marsad.text.normalize import norm_key
from marsad.text.tokens import stem_variants

_MAX_NAME = 6


def iob_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Decode IOB2 tags to (first, end, type) token spans (an orphan ``I-`` starts a span)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if start >= 0 and (prefix != "I" or kind != label):
            spans.append((start, i, label))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, label = i, kind
    return spans


def propagate(keys: Sequence[Sequence[str]], tags: list[list[str]]) -> None:
    """Tag untagged occurrences of names tagged elsewhere in the same document (in place)."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        for a, b, label in iob_spans(sent_tags):
            name = tuple(sent_keys[a:b])
            for first in stem_variants(name[0]):
                votes.setdefault((first, *name[1:]), Counter())[label] += 1
    if not votes:
        return
    firsts = {name[0] for name in votes}
    untagged: Counter[tuple[str, ...]] = Counter()
    found: list[tuple[int, int, int, tuple[str, ...]]] = []
    for s, (sent_keys, sent_tags) in enumerate(zip(keys, tags, strict=True)):
        i = 0
        while i < len(sent_keys):
            variants = [v for v in stem_variants(sent_keys[i]) if v in firsts]
            if not variants:
                i += 1
                continue
            hit = 0
            for n in range(min(_MAX_NAME, len(sent_keys) - i), 0, -1):
                if any(t != "O" for t in sent_tags[i:i + n]):
                    continue
                for first in variants:
                    name = (first, *sent_keys[i + 1:i + n])
                    if name in votes:
                        found.append((s, i, n, name))
                        untagged[name] += 1
                        hit = n
                        break
                if hit:
                    break
            i += max(hit, 1)
    for s, i, n, name in found:
        counter = votes[name]
        if sum(counter.values()) < untagged[name]:
            continue
        label = counter.most_common(1)[0][0]
        if i + n < len(tags[s]) and tags[s][i + n].startswith("I-"):
            continue
        tags[s][i] = "B-" + label
        for j in range(i + 1, i + n):
            tags[s][j] = "I-" + label


def fill_places(keys: Sequence[Sequence[str]], tags: list[list[str]], places: Gazetteer) -> None:
    """Tag untagged known place names (whole matches over untagged words) as LOC, in place."""
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        found = places.match(sent_keys)
        i = 0
        while i < len(found):
            if found[i].endswith("-B"):
                j = i + 1
                while j < len(found) and found[j].endswith("-I"):
                    j += 1
                if all(t == "O" for t in sent_tags[i:j]) and (j == len(sent_tags) or not sent_tags[j].startswith("I-")):
                    sent_tags[i:j] = ["B-LOC"] + ["I-LOC"] * (j - i - 1)
                i = j
            else:
                i += 1


class NerTagger:
    """The two CRF passes plus the feature resources they were trained with."""

    def __init__(self, model_dir: Path, res: Resources) -> None:
        """Open ``ner.crfsuite`` and ``ner2.crfsuite`` in ``model_dir``; ``res`` as used in training."""
        self._first = pycrfsuite.Tagger()
        self._first.open(str(model_dir / "ner.crfsuite"))
        self._second = pycrfsuite.Tagger()
        self._second.open(str(model_dir / "ner2.crfsuite"))
        self.resources = res

    @staticmethod
    def _decode(tagger: pycrfsuite.Tagger, xseq: list[list[str]]) -> list[str]:
        return list(tagger.tag(xseq)) if xseq else []

    def tag_document(
        self, sentences: Sequence[Sequence[str]], second_pass: bool = True, consistency: bool = True,
        places: bool = True,
    ) -> list[list[str]]:
        """IOB2 tags (ANERcorp labels: PERS, LOC, ORG, MISC) for every sentence of one document.

        The first pass tags each sentence; the second pass re-tags it with features from
        the first pass over the whole document; then names tagged somewhere are
        propagated to their untagged occurrences.
        """
        base = [sentence_features(words, self.resources) for words in sentences]
        if second_pass:
            first = [list(self._first.tag(x)) if x else [] for x in base]
            extra = second_pass_features(sentences, first)
            final = [[b + e for b, e in zip(x, rows, strict=True)] for x, rows in zip(base, extra, strict=True)]
            tags = [self._decode(self._second, x) for x in final]
        else:
            tags = [self._decode(self._first, x) for x in base]
        keys = [[norm_key(w) or w for w in words] for words in sentences]
        if consistency:
            propagate(keys, tags)
        if places:
            fill_places(keys, tags, self.resources.places)
        return tags


@cache
def shipped_tagger() -> NerTagger:
    """The tagger shipped in ``marsad/models`` (loaded once)."""
    with resources.as_file(resources.files("marsad.models")) as folder:
        return NerTagger(Path(folder), shipped_resources())
