"""The shipped name tagger (BiLSTM-CRF networks run on numpy), with document-level steps.

:meth:`NerTagger.tag_document` tags every sentence of a document, then lets the document
correct itself (the "one sense per discourse" idea): :func:`cut_prepositions`, :func:`trim_overruns`,
:func:`propagate` (an untagged word sequence equal to a tagged name, its first word
possibly with clitics, takes the name's majority type when the name is tagged at least as
often as it is left untagged), :func:`propagate_surnames`, :func:`relabel_places` and
:func:`fill_places`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from itertools import chain, compress, count
from pathlib import Path

from marsad.extract.ner.gazetteers import Gazetteer, lexicon_resources, name_spans, parse_names
from marsad.extract.ner.neural import BiLstmCrf, Encoder
from marsad.text.clitics import is_lam_article_word, stem_variants
from marsad.text.tokens import word_keys

_MAX_NAME = 6
# tag sequences whose spans are kept: a document's sentences a few times over (a small cache: every collection walks
# its entries)
SPANS_CACHE_SIZE = 256


def iob_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Decode IOB2 tags to (first, end, type) token spans (an orphan ``I-`` starts a span).

    The document steps and the entity rules decode each sentence's tags one step after another, mostly unchanged:
    the spans are kept per tag sequence (a small cache, about nine in ten asked again).
    """
    return list(_iob_spans(tuple(tags)))


@lru_cache(maxsize=SPANS_CACHE_SIZE)
def _iob_spans(tags: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        if tag == "O":  # most words: only closes an open span
            if start >= 0:
                spans.append((start, i, label))
                start = -1
            continue
        prefix, _, kind = tag.partition("-")
        if start >= 0 and (prefix != "I" or kind != label):
            spans.append((start, i, label))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, label = i, kind
    if start >= 0:
        spans.append((start, len(tags), label))
    return tuple(spans)


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
    # the words that may begin a name (a reading of them begins one), looked up once per distinct word
    starting = {k: [v for v in forms if v in firsts] for k in set().union(*keys)
                if not firsts.isdisjoint(forms := stem_variants(k))}
    untagged: Counter[tuple[str, ...]] = Counter()
    found: list[tuple[int, int, int, tuple[str, ...]]] = []
    for s, (sent_keys, sent_tags) in enumerate(zip(keys, tags, strict=True)):
        free = 0  # the first position after the last name found
        for i in compress(count(), map(starting.__contains__, sent_keys)):
            if i < free:
                continue
            variants = starting[sent_keys[i]]
            hit = 0
            untagged_run = 0  # the untagged words from i on (a name found there is no longer)
            while untagged_run < _MAX_NAME and i + untagged_run < len(sent_tags) and sent_tags[i + untagged_run] == "O":
                untagged_run += 1
            for n in range(untagged_run, 0, -1):
                for first in variants:
                    name = (first, *sent_keys[i + 1:i + n])
                    if name in votes:
                        found.append((s, i, n, name))
                        untagged[name] += 1
                        hit = n
                        break
                if hit:
                    break
            free = i + hit
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


def fill_places(
    tags: list[list[str]], matches: Sequence[Sequence[str]], keys: Sequence[Sequence[str]], places: Gazetteer,
) -> None:
    """Tag untagged known place names (whole matches over untagged words) as LOC, in place; a place that is often
    another word (:meth:`Gazetteer.homograph`: دوما, «always») only beside another place, two words away at most
    («ريف دمشق مثل دوما», «إلى دوما جنوب نابلس»; not «ينفي دوما تورطه»).

    ``matches`` are each sentence's place names (:meth:`Gazetteer.match` of the place gazetteer ``places``).
    """
    for sent_tags, found, sent_keys in zip(tags, matches, keys, strict=True):
        for i, j, _label in name_spans(found):
            if j == i + 1 and places.homograph(sent_keys[i]) and not any(
                    (found[k] or sent_tags[k].endswith("-LOC")) and not places.homograph(sent_keys[k])
                    for k in (*range(max(i - 2, 0), i), *range(j, min(j + 2, len(found))))):
                continue
            if all(t == "O" for t in sent_tags[i:j]) and (j == len(sent_tags) or not sent_tags[j].startswith("I-")):
                sent_tags[i:j] = ["B-LOC"] + ["I-LOC"] * (j - i - 1)


def relabel_places(
    keys: Sequence[Sequence[str]], tags: list[list[str]], places: Gazetteer,
    words: Sequence[Sequence[str]] | None = None,
) -> None:
    """A person or misc span that is exactly a known place name (as written, when ``words`` are given:
    :meth:`Gazetteer.match`) becomes LOC (in place)."""
    for n, (sent_keys, sent_tags) in enumerate(zip(keys, tags, strict=True)):
        for a, b, label in iob_spans(sent_tags):
            written = None if words is None else words[n][a:b]
            if label in ("PERS", "MISC") and places.match(sent_keys[a:b], written) == ["LOC-B"] + ["LOC-I"] * (b - a - 1):
                sent_tags[a:b] = ["B-LOC"] + ["I-LOC"] * (b - a - 1)


def trim_overruns(keys: Sequence[Sequence[str]], tags: list[list[str]]) -> None:
    """Cut the last word off a person span that runs past a name tagged on its own elsewhere in the document.

    Places are left alone: كوريا الجنوبية must keep its adjective even where كوريا is tagged alone.

    كيم جونج أون سيدليان loses سيدليان when كيم جونج أون is tagged alone at least twice
    elsewhere in the document (a clitic may precede it) and سيدليان is in no other person span
    (in place): «ووصف شتاينماير [الأكراد]» loses الأكراد, tagged as an organisation elsewhere.
    """
    alone: Counter[tuple[str, ...]] = Counter()
    words: Counter[str] = Counter()  # words of person spans
    spans = [iob_spans(sent_tags) for sent_tags in tags]
    for sent_keys, sent_spans in zip(keys, spans, strict=True):
        for a, b, label in sent_spans:
            for first in stem_variants(sent_keys[a]):
                alone[(label, first, *sent_keys[a + 1:b])] += 1
            if label == "PERS":
                words.update(sent_keys[a:b])
    for sent_keys, sent_tags, sent_spans in zip(keys, tags, spans, strict=True):
        for a, b, label in sent_spans:
            if label != "PERS" or b - a < 2 or words[sent_keys[b - 1]] > 1:
                continue
            if any(alone[(label, first, *sent_keys[a + 1:b - 1])] >= 2 for first in stem_variants(sent_keys[a])):
                sent_tags[b - 1] = "O"


def cut_prepositions(keys: Sequence[Sequence[str]], tags: list[list[str]]) -> None:
    """Cut off a person span's last words that are ل + the article and a noun (in place).

    «جون كيربي [للصحفيين]»: «to the journalists» is never a word of a person's name (لله, three
    letters, is left alone), and left in it would make للصحفيين a surname for :func:`propagate_surnames`.
    """
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        for a, b, label in iob_spans(sent_tags):
            while label == "PERS" and b - a > 1 and is_lam_article_word(sent_keys[b - 1]):
                b -= 1
                sent_tags[b] = "O"


def _article_added(key: str, reading: str) -> bool:
    """True when ``key`` is ``reading``, shaped like a nisba adjective, with the article before it (الهندي for هندي).

    A family name made of a given name with the article (العبدالعزيز for عبدالعزيز) is not one.
    """
    before = key[:len(key) - len(reading)] if key.endswith(reading) else ""
    return not reading.startswith("ال") and reading.endswith(("ي", "يه")) and before.endswith(("ال", "لل"))


def propagate_surnames(keys: Sequence[Sequence[str]], tags: list[list[str]]) -> None:
    """An untagged word that is the last word of a person tagged in the document becomes PERS (in place).

    واتسون after أدريان واتسون, كيربي after جون كيربي; a clitic may precede the word, and the
    article, except before a surname shaped like a nisba adjective: «[محامي هندي]» (an Indian
    lawyer, by the networks) does not make «المسؤول الهندي» a person.
    """
    surnames: set[str] = set()
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        for a, b, label in iob_spans(sent_tags):
            if label == "PERS" and b - a >= 2 and len(sent_keys[b - 1]) >= 3:
                surnames.add(sent_keys[b - 1])
    if not surnames:
        return
    # the words with a reading that is a surname, looked up once per distinct word
    named = {k for k in set().union(*keys) if not surnames.isdisjoint(variants := stem_variants(k))
             and any(v in surnames and not _article_added(k, v) for v in variants)}
    for sent_keys, sent_tags in zip(keys, tags, strict=True):
        for i in compress(count(), map(named.__contains__, sent_keys)):
            if sent_tags[i] != "O" or (i + 1 < len(sent_tags) and sent_tags[i + 1].startswith("I-")):
                continue
            sent_tags[i] = "B-PERS"


class NerTagger:
    """The networks, the input encoder they were trained with, and the document steps."""

    def __init__(self, model: BiLstmCrf, encoder: Encoder) -> None:
        """Tag with ``model`` over inputs made by ``encoder``."""
        self.model = model
        self.encoder = encoder

    @classmethod
    def from_folder(cls, folder: Path) -> NerTagger:
        """Load ``ner_nn.npz`` and ``ner_names.tsv`` from ``folder`` (as ``marsad train ner`` writes them)."""
        model = BiLstmCrf.load(folder / "ner_nn.npz")
        names = parse_names((folder / "ner_names.tsv").read_text(encoding="utf-8"))
        return cls(model, model.encoder(lexicon_resources(), names))

    def tag_document(
        self, sentences: Sequence[Sequence[str]], consistency: bool = True, places: bool = True,
        surnames: bool = True, trim: bool = True,
    ) -> list[list[str]]:
        """IOB2 tags (ANERcorp labels: PERS, LOC, ORG, MISC) for every sentence of one document.

        The networks tag each sentence; then, over the whole document, person spans that
        end in ل + article words or run past a name are trimmed, names tagged somewhere are propagated
        to their untagged
        occurrences, surnames of tagged persons are tagged, and known place names become LOC.
        Each step can be switched off (for development measurements).
        """
        return self.tag_documents([sentences], consistency, places, surnames, trim)[0]

    def tag_documents(
        self, documents: Sequence[Sequence[Sequence[str]]], consistency: bool = True, places: bool = True,
        surnames: bool = True, trim: bool = True, keys: Sequence[Sequence[Sequence[str]]] | None = None,
    ) -> list[list[list[str]]]:
        """:meth:`tag_document` for many documents: the networks see every sentence of every document at once.

        Batching across documents lets the network run sentences of similar length
        together (large, lightly padded batches); the document steps then run on each
        document alone, so the tags are those of :meth:`tag_document` document by document.
        ``keys``: the words' keys (:func:`marsad.text.tokens.word_keys`) when the caller has them from its tokens.
        """
        if keys is None:
            keys = [[[word_keys(w)[0] or w for w in words] for words in sentences] for sentences in documents]
        place_names = self.encoder.lexicons.places
        # the place names found in each sentence, for the encoder and for fill_places
        matches = [
            [place_names.match(sent_keys, words) for sent_keys, words in zip(doc_keys, sentences, strict=True)]
            for doc_keys, sentences in zip(keys, documents, strict=True)
        ]
        encoded = self.encoder.encode_many(
            list(chain.from_iterable(documents)), list(chain.from_iterable(keys)), list(chain.from_iterable(matches)),
        )
        flat = self.model.tag(encoded)
        out: list[list[list[str]]] = []
        pos = 0
        for doc_keys, doc_places, doc_words in zip(keys, matches, documents, strict=True):
            tags = flat[pos:pos + len(doc_keys)]
            pos += len(doc_keys)
            if trim:
                cut_prepositions(doc_keys, tags)
                trim_overruns(doc_keys, tags)
            if consistency:
                propagate(doc_keys, tags)
            if surnames:
                propagate_surnames(doc_keys, tags)
            if places:
                relabel_places(doc_keys, tags, place_names, doc_words)
                fill_places(tags, doc_places, doc_keys, place_names)
            out.append(tags)
        return out


@cache
def shipped_tagger() -> NerTagger:
    """The tagger shipped in ``marsad/models`` (loaded once)."""
    with resources.as_file(resources.files("marsad.models")) as folder:
        return NerTagger.from_folder(Path(folder))
