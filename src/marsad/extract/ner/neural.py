"""A BiLSTM-CRF name tagger whose inference runs on numpy and ONNX Runtime (no torch).

Each word is encoded as the SaudiNewsNet word vector of its key, the vector of its most
frequent clitic reading (وللرئيس → رئيس, لكوريا → كوريا), a character CNN over its key,
and a few lexicon flags (shape, proclitic, person title, organisation head, place
trigger, place gazetteer, training-name gazetteer).  A bidirectional LSTM reads the
sentence and a linear-chain CRF decodes IOB2 tags; a model file may hold several such
networks, whose scores are averaged.  The weights are trained with torch at training time
only (:mod:`marsad.train.ner`) and shipped as one ``.npz`` file; this module re-implements
the forward pass in numpy, but for the LSTM's step loop and the output layer's product, which
run in ONNX Runtime over a small weightless graph (``ner_lstm.onnx``, :func:`recurrence`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from itertools import accumulate, chain, compress, count, pairwise, repeat
from operator import is_
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits

from marsad.extract.ner.gazetteers import Gazetteer, Lexicons
from marsad.text.clitics import stem_variants, strip_clitics
from marsad.text.normalize import norm_key

if TYPE_CHECKING:  # onnxruntime is imported when a session is made: commands that never tag do not pay for it
    from onnxruntime import InferenceSession

MAX_CHARS = 20
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
# Sentences are run together, sorted by length, in batches of about this many words: large
# enough that one LSTM step's matrix product dwarfs numpy's per-call overhead, small enough
# that the padded (batch, steps, features) arrays stay a few MiB.
BATCH_WORDS = 4096
# Input rows whose projections are kept between calls (8 KiB each for the shipped pair of networks: 128 MiB).
# Replaying the first 3,200 SaudiNewsNet articles in batches of 64, the rows computed fall from 419,490 to about
# 239,000 (-43%) with this many kept; twice as many would save 59%, an unbounded cache 75%.
PROJECTION_ROWS = 16384
# The use counts of the kept rows are halved every this many calls (one call per batch of documents), so that rows
# used much early in a run give way to those used now (see benchmarks/bench_projection_cache.py).
HALVE_EVERY = 32
FEATURES = (
    "digit", "punct", "latin", "arabic", "proclitic", "title", "orghead", "loctrig",
    "place-B", "place-I",
    "PERS-B", "PERS-I", "LOC-B", "LOC-I", "ORG-B", "ORG-I", "MISC-B", "MISC-I",
)
_FLAG = {name: i for i, name in enumerate(FEATURES)}
_PROCLITIC, _TITLE, _ORG_HEAD, _LOC_TRIGGER = (_FLAG[name] for name in ("proclitic", "title", "orghead", "loctrig"))
FloatArray = NDArray[np.float32]
IntArray = NDArray[np.int64]
# odd 64-bit multipliers, one per column of an input row, that mix a row into one integer (:func:`input_rows`)
_ROW_MIX = np.random.default_rng(0).integers(1, 2**62, size=2 + MAX_CHARS + len(FEATURES), dtype=np.int64) | 1


@dataclass(frozen=True)
class Encoded:
    """One sentence as model input: word rows, reading rows, characters and flags."""

    words: IntArray
    stems: IntArray
    chars: IntArray
    flags: FloatArray


def _shape(word: str) -> str:
    """A word's shape flag: ``digit``, ``punct`` (it begins with neither a letter nor a digit), ``latin`` or
    ``arabic``."""
    if word.isdigit():
        return "digit"
    if not word[:1].isalnum():
        return "punct"
    return "latin" if word.isascii() else "arabic"


class _WordTable:
    """The encoder's inputs of every word met so far, one row per (word, key): a dict to the row, numpy rows.

    Row ``i`` of ``ids`` holds the word's row in the word table, its reading's row and its
    :data:`MAX_CHARS` character ids (0-padded); row ``i`` of ``flags`` its :data:`FEATURES`
    flags with the gazetteer flags left at 0.  A batch of sentences is encoded by gathering its words'
    rows (one numpy index) rather than building arrays from Python tuples word by word; the words met for
    the first time in a batch are added together (one numpy assignment).
    """

    def __init__(self) -> None:
        self.index: dict[tuple[str, str], int] = {}
        self.ids = np.zeros((1024, 2 + MAX_CHARS), dtype=np.int32)  # widened to int64 when gathered
        self.flags = np.zeros((1024, len(FEATURES)), dtype=np.float32)

    def extend(self, pairs: Sequence[tuple[str, str]], ids: NDArray[np.int32], flags: FloatArray) -> None:
        """Append the rows of words met for the first time (growing the arrays by doubling), all at once."""
        start = len(self.index)
        end = start + len(pairs)
        size = len(self.ids)
        while size < end:
            size *= 2
        if size > len(self.ids):
            self.ids = np.concatenate([self.ids, np.zeros((size - len(self.ids), self.ids.shape[1]), dtype=self.ids.dtype)])
            self.flags = np.concatenate([
                self.flags, np.zeros((size - len(self.flags), self.flags.shape[1]), dtype=self.flags.dtype),
            ])
        self.ids[start:end] = ids
        self.flags[start:end] = flags
        self.index.update(zip(pairs, range(start, end), strict=True))


@dataclass(frozen=True)
class Encoder:
    """Turns word strings into model input (rows of the word-vector table, character ids, flags).

    Everything but the gazetteer flags depends on the word and its key alone and is
    computed once per word (news repeats its words: a few thousand cover most of a day's
    tokens).
    """

    vocab: Mapping[str, int]
    chars: Mapping[str, int]
    lexicons: Lexicons
    names: Gazetteer
    _table: _WordTable = field(default_factory=_WordTable, compare=False, repr=False)

    def rows(self, key: str) -> tuple[int, int]:
        """Row of the key itself and row of its most frequent reading (0 when unknown).

        Rows are ordered by corpus frequency, so the lowest row among the clitic
        readings is the most frequent one.
        """
        own = self.vocab.get(key, 0)
        return own, min(filter(None, map(self.vocab.get, stem_variants(key))), default=0)  # rows start at 1

    def _word_inputs(self, pairs: Sequence[tuple[str, str]]) -> tuple[NDArray[np.int32], FloatArray]:
        """The word table's rows of ``(word, key)`` pairs: their ids (word row, reading row, characters) and flags.

        Built a column at a time over all the pairs (the words met for the first time in a batch): the
        character ids through a table indexed by code point (:attr:`_char_lookup`), from one encoding of the
        keys' first :data:`MAX_CHARS` characters.
        """
        lex = self.lexicons
        keys = [key for _word, key in pairs]
        split = list(map(strip_clitics, keys))
        ids = np.zeros((len(pairs), 2 + MAX_CHARS), dtype=np.int32)
        ids[:, :2] = np.array(list(map(self.rows, keys)), dtype=np.int32).reshape(-1, 2)
        cut = [key[:MAX_CHARS] for key in keys]
        codes = np.frombuffer("".join(cut).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        lookup = self._char_lookup
        known = codes < len(lookup)
        lengths = np.fromiter(map(len, cut), dtype=np.int64, count=len(cut))
        row = np.repeat(np.arange(len(cut)), lengths)
        column = np.arange(len(codes)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        ids[row, 2 + column] = np.where(known, lookup[np.where(known, codes, 0)], 1)  # 1: any other character
        flags = np.zeros((len(pairs), len(FEATURES)), dtype=np.float32)
        flags[np.arange(len(pairs)), [_FLAG[_shape(word)] for word, _key in pairs]] = 1.0
        flags[:, _PROCLITIC] = [bool(pre) for pre, _stem in split]
        for at, words in ((_TITLE, lex.titles), (_ORG_HEAD, lex.org_heads), (_LOC_TRIGGER, lex.loc_triggers)):
            flags[:, at] = [key in words or stem in words for key, (_pre, stem) in zip(keys, split, strict=True)]
        return ids, flags

    @cached_property
    def _char_lookup(self) -> NDArray[np.int32]:
        """Each code point's character id (1 for a character the model has none for), up to the highest it has."""
        lookup = np.ones(max(map(ord, self.chars), default=0) + 1, dtype=np.int32)
        for char, index in self.chars.items():
            lookup[ord(char)] = index
        return lookup

    def encode(
        self, words: Sequence[str], keys: Sequence[str] | None = None, places: Sequence[str] | None = None,
    ) -> Encoded:
        """Encode one sentence; ``keys`` are the words' keys and ``places`` their place-name matches
        (``self.lexicons.places.match(keys, words)``) when the caller already has them."""
        if keys is None:
            keys = [norm_key(w) or w for w in words]
        if places is None:
            places = self.lexicons.places.match(keys, words)
        return self.encode_many([words], [keys], [places])[0]

    def encode_many(
        self, words: Sequence[Sequence[str]], keys: Sequence[Sequence[str]], places: Sequence[Sequence[str]],
    ) -> list[Encoded]:
        """:meth:`encode` for many sentences, given their words, keys and place-name matches.

        The words met for the first time are added to the word table together, and the rows of
        every word of every sentence are gathered with one numpy index: a sentence's arrays are
        views of the batch's.
        """
        pairs = list(zip(chain.from_iterable(words), chain.from_iterable(keys), strict=True))
        table = self._table
        rows = list(map(table.index.get, pairs))
        if None in rows:  # words met for the first time (each computed once, in the order met)
            new = list(dict.fromkeys(compress(pairs, map(is_, rows, repeat(None)))))
            table.extend(new, *self._word_inputs(new))
            rows = list(map(table.index.__getitem__, pairs))
        which = np.array(rows, dtype=np.intp)
        ids = table.ids[which].astype(np.int64)
        flags = table.flags[which]
        bounds = [0, *accumulate(map(len, keys))]
        # the gazetteer flags: (position in the batch, column) of every word inside a known place or training name
        at: list[int] = []
        column: list[int] = []
        for start, sent_keys, sent_places in zip(bounds[:-1], keys, places, strict=True):
            for i in compress(count(), sent_places):  # the positions inside a name ('' elsewhere)
                at.append(start + i)
                column.append(_FLAG["place" + sent_places[i][-2:]])
            names = self.names.match(sent_keys)
            for i in compress(count(), names):
                at.append(start + i)
                column.append(_FLAG[names[i]])
        flags[at, column] = 1.0
        return [
            Encoded(ids[a:b, 0], ids[a:b, 1], ids[a:b, 2:], flags[a:b]) for a, b in pairwise(bounds)
        ]


def _first_and_inverse(rows: IntArray) -> tuple[IntArray, IntArray]:
    """Where each distinct row of ``rows`` first occurs, in the order of their bytes, and each row's distinct row."""
    # rows compared as raw bytes (far quicker than np.unique(axis=0)'s column-by-column comparison)
    as_bytes = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).reshape(-1)
    _, first, which = np.unique(as_bytes, return_index=True, return_inverse=True)
    return first, which.reshape(-1)


def input_rows(sentences: Sequence[Encoded]) -> tuple[IntArray, list[bytes], IntArray]:
    """The distinct input rows of the sentences' words (word row, reading row, characters, flags), each row's bytes
    (its key in the projection cache) and each word's index among the distinct rows.

    Most words repeat: the rows are first told apart by a 64-bit mix of their values (an integer
    sort), then the few distinct ones by their bytes, which order them; when two different rows
    share a mix (checked), all the rows are compared by their bytes.
    """
    rows = np.concatenate([
        np.concatenate([s.words for s in sentences])[:, None],
        np.concatenate([s.stems for s in sentences])[:, None],
        np.concatenate([s.chars for s in sentences]),
        np.concatenate([s.flags for s in sentences]).astype(np.int64),
    ], axis=1)
    width = rows.dtype.itemsize * rows.shape[1]
    with np.errstate(over="ignore"):
        mixed = rows @ _ROW_MIX[: rows.shape[1]]
    _, mix_first, mix_which = np.unique(mixed, return_index=True, return_inverse=True)
    mix_which = mix_which.reshape(-1)
    if np.array_equal(rows[mix_first][mix_which], rows):
        first, which = _first_and_inverse(rows[mix_first])
        first, which = mix_first[first], which[mix_which]
    else:
        first, which = _first_and_inverse(rows)
    distinct = rows[first]
    blob = distinct.tobytes()
    return distinct, [blob[i:i + width] for i in range(0, len(blob), width)], which


class _ProjectionCache:
    """The input projections of the input rows used most, kept between calls: a row's key (its bytes) to a slot.

    Each slot holds one row's projections for every recurrent layer, side by side, and the
    number of calls that met it, halved every ``halve_every`` calls (0: never).  When full, a row
    met for the first time takes the slot of one of the least used rows (least frequently used
    replacement with ageing: without the halving, rows met often early in a run would hold their
    slots for good).  Like the encoder's word table, it belongs to one thread: a run's workers are
    processes, each with its own.
    """

    def __init__(self, width: int, capacity: int, halve_every: int = HALVE_EVERY) -> None:
        self.capacity = capacity
        self.halve_every = halve_every
        self.calls = 0
        self.slots: dict[bytes, int] = {}
        self.keys: list[bytes] = []  # the key held by each slot
        # allocated whole (the system hands out zero pages as they are first written: memory grows as slots fill)
        self.values = np.zeros((capacity, width), dtype=np.float32)
        self.uses = np.zeros(capacity, dtype=np.int64)

    def find(self, keys: Sequence[bytes]) -> IntArray:
        """The slot of each key (-1 when absent); the found ones are counted as used."""
        self.calls += 1
        if self.halve_every and self.calls % self.halve_every == 0:
            self.uses >>= 1
        get = self.slots.get
        found = np.array([get(k, -1) for k in keys], dtype=np.int64)
        self.uses[found[found >= 0]] += 1
        return found

    def keep(self, keys: Sequence[bytes], values: FloatArray) -> None:
        """Store the projections of rows met for the first time: in free slots, then in those of the least used."""
        keys, values = keys[: self.capacity], values[: self.capacity]
        free = min(len(keys), self.capacity - len(self.keys))
        held = len(self.keys)
        slots = list(range(held, held + free))
        self.keys.extend(keys[:free])
        if len(keys) > free:  # the table is full: the rest replace the least used of the rows held before
            victims = np.argpartition(self.uses[:held], len(keys) - free - 1)[: len(keys) - free].tolist()
            for slot in victims:
                del self.slots[self.keys[slot]]
            for slot, key in zip(victims, keys[free:], strict=True):
                self.keys[slot] = key
            slots.extend(victims)
        self.values[slots] = values
        self.uses[slots] = 1
        self.slots.update(zip(keys, slots, strict=True))


class _Member:
    """One trained network's weights, with the matrices laid out for the forward pass."""

    def __init__(self, weights: Mapping[str, NDArray[np.generic]]) -> None:
        w = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
        self.char_emb, self.conv_b = w["char_emb"], w["conv_b"]
        self.char_table = np.concatenate([self.char_emb, np.zeros((1, self.char_emb.shape[1]), dtype=np.float32)])
        # the convolution (filters, C, width) as one (width * C, filters) matrix over stacked windows
        self.conv = np.ascontiguousarray(w["conv_w"].transpose(2, 1, 0).reshape(-1, w["conv_w"].shape[0]))
        # the recurrent layers' weights with their sigmoid gates first (see recurrence)
        self.w_ih = (_sigmoid_gates_first(w["f_w_ih"].T), _sigmoid_gates_first(w["b_w_ih"].T))
        self.bias = (_sigmoid_gates_first(w["f_b_ih"] + w["f_b_hh"]), _sigmoid_gates_first(w["b_b_ih"] + w["b_b_hh"]))
        self.w_hh = _sigmoid_gates_first(np.stack([w["f_w_hh"].T, w["b_w_hh"].T]))  # (2, H, 4H)
        self.out_w, self.out_b = np.ascontiguousarray(w["out_w"].T), w["out_b"]
        self.trans, self.start, self.end = w["trans"], w["start"], w["end"]

    def char_vectors(self, chars: IntArray) -> FloatArray:
        """Max-pooled character CNN features per word (N, filters).

        Words run in groups of equal length, so that the convolution is computed only at
        the positions of their characters (the padding positions are left out of the maximum).
        """
        width = self.conv.shape[0] // self.char_emb.shape[1]
        # the convolution's zero padding at both ends, as the id of a zero row appended to the table
        padded = np.pad(chars, ((0, 0), (width // 2, width // 2)), constant_values=len(self.char_emb))
        lengths = np.count_nonzero(chars, axis=1)
        out = np.full((len(chars), self.conv.shape[1]), -np.inf, dtype=np.float32)
        for n in np.unique(lengths).tolist():
            if n:
                rows = np.flatnonzero(lengths == n)
                emb = self.char_table[padded[rows, :n + width - 1]]  # (rows, n + width - 1, C)
                windows = np.concatenate([emb[:, k:k + n, :] for k in range(width)], axis=2)
                out[rows] = (windows @ self.conv + self.conv_b).max(axis=1)  # (rows, n, filters) -> (rows, filters)
        return out


def _sigmoid_gates_first(weights: FloatArray) -> FloatArray:
    """Gate columns reordered from torch's (input, forget, cell, output) to (input, forget, output, cell).

    The three gates that take a sigmoid then sit side by side, so that one sigmoid serves them
    all in the recurrence (:func:`recurrence`).
    """
    hidden = weights.shape[-1] // 4
    parts = (weights[..., : 2 * hidden], weights[..., 3 * hidden:], weights[..., 2 * hidden: 3 * hidden])
    return np.ascontiguousarray(np.concatenate(parts, axis=-1), dtype=np.float32)


def recurrence_session() -> InferenceSession:
    """The ONNX Runtime session of the recurrence graph shipped in ``marsad/models`` (``ner_lstm.onnx``).

    The graph (written by ``scripts/build_ner_onnx.py``) holds no weights; it runs on one thread,
    like the numpy products around it: the matrices are small, and more threads would only
    contend with other workers.
    """
    from onnxruntime import ExecutionMode, InferenceSession, SessionOptions

    options = SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ExecutionMode.ORT_SEQUENTIAL
    graph = resources.files("marsad.models").joinpath("ner_lstm.onnx").read_bytes()
    return InferenceSession(graph, options, providers=["CPUExecutionProvider"])


def recurrence(
    session: InferenceSession, projections: FloatArray, forward: IntArray, backward: IntArray, w_hh: FloatArray,
    out_w: FloatArray,
) -> FloatArray:
    """Run stacked LSTMs over their input projections, all in one step loop (an ONNX ``Scan``), and return each
    layer's states through its share of the output layer.

    ``projections`` is (rows, K, 4H): each input row's projection plus biases for each of the
    K recurrent layers (each member's forward and backward direction, alternately);
    ``forward`` and ``backward`` (T, B) give the row that the forward and the backward
    layers read at each step of each of the B sentences.  A sentence past its end reads the
    padding row (the last) and its states run on; they are never read, since every sentence
    starts at step 0 in both directions.  ``w_hh`` is (K, H, 4H).  Gates are ordered input, forget,
    output, cell (:func:`_sigmoid_gates_first`).  ``out_w`` (K, H, tags) holds the rows of each layer's
    member's output layer that read that layer's states.  Returns the hidden states times ``out_w``
    (T, K, B, tags), without the output bias.

    A step's inputs are gathered inside the loop from the projections of the distinct rows
    (gathering all the steps' inputs at once would write and read back T x K x B rows of 2 KiB);
    the loop runs in ONNX Runtime, whose vectorised sigmoid and tanh are several times faster than
    numpy's (7.5 ns a float32 tanh here), and which calls no Python per step.  The output layer's
    product runs in each step, so that the hidden states (H floats a step of each layer and sentence)
    are never gathered into one array and only the tag scores (9 floats) come back.
    """
    layers = projections.shape[1]
    rows = np.empty((forward.shape[0], layers, forward.shape[1]), dtype=np.int64)
    for k in range(layers):
        np.multiply(forward if k % 2 == 0 else backward, layers, out=rows[:, k])
        rows[:, k] += k
    flat = projections.reshape(-1, projections.shape[2])
    scores: FloatArray = session.run(["scores"], {"P": flat, "rows": rows, "w_hh": w_hh, "out_w": out_w})[0]
    return scores


class BiLstmCrf:
    """The numpy forward pass of one or more trained networks (an ensemble averages their scores).

    The ``.npz`` written by the trainer holds the shared word table ``emb``, the ``tags``,
    ``vocab`` and ``chars`` arrays, and each member's weights under ``m0.``, ``m1.`` ...
    in torch's layouts.
    """

    def __init__(
        self, members: Sequence[Mapping[str, NDArray[np.generic]]], emb: NDArray[np.generic],
        tags: Sequence[str], vocab: Sequence[str], chars: Sequence[str],
    ) -> None:
        """Keep the members' weights, the word table, the label names by output index, and the input alphabets.

        ``vocab`` lists the words of the word table from row 1 on; ``chars`` the
        characters from id 2 on (0 pads, 1 is any other character).
        """
        self.members = [_Member(m) for m in members]
        # every member's two directions as one stack of recurrent layers: (2 * members, H, 4H)
        self.w_hh = np.ascontiguousarray(np.concatenate([m.w_hh for m in self.members]))
        # each layer's share of its member's output layer (the forward states read the first H rows): (2 * members, H, tags)
        hidden = self.w_hh.shape[1]
        self.out_w = np.ascontiguousarray(np.stack([
            part for m in self.members for part in (m.out_w[:hidden], m.out_w[hidden:])
        ]))
        self.emb = np.asarray(emb, dtype=np.float32)
        self.trans = np.mean([m.trans for m in self.members], axis=0)
        self.start = np.mean([m.start for m in self.members], axis=0)
        self.end = np.mean([m.end for m in self.members], axis=0)
        self.tags = tuple(tags)
        self.session = recurrence_session()
        self.cache = _ProjectionCache(len(self.w_hh) * self.w_hh.shape[2], PROJECTION_ROWS)
        self.vocab = {w: i + 1 for i, w in enumerate(vocab)}
        self.chars = {c: i + 2 for i, c in enumerate(chars)}

    @classmethod
    def load(cls, path: Path) -> BiLstmCrf:
        """Load a model file written by :func:`marsad.train.ner.export`."""
        with np.load(path) as data:
            members: dict[str, dict[str, NDArray[np.generic]]] = {}
            for key in data.files:
                member, dot, name = key.partition(".")
                if dot:
                    members.setdefault(member, {})[name] = data[key]
            return cls(
                [members[k] for k in sorted(members, key=lambda m: int(m[1:]))], data["emb"],
                [str(t) for t in data["tags"]], [str(w) for w in data["vocab"]], [str(c) for c in data["chars"]],
            )

    def encoder(self, lexicons: Lexicons, names: Gazetteer) -> Encoder:
        """The input encoder this model was trained with, over the given lexicons and names."""
        return Encoder(self.vocab, self.chars, lexicons, names)

    def emissions(self, sentences: Sequence[Encoded]) -> list[FloatArray]:
        """Per-sentence tag scores (T, tags) before the CRF, averaged over the members (see :meth:`scores`)."""
        if not sentences:
            return []
        total, lengths = self.scores(sentences)
        return [np.asarray(total[b, :n], dtype=np.float32) for b, n in enumerate(lengths.tolist())]

    def scores(self, sentences: Sequence[Encoded]) -> tuple[FloatArray, IntArray]:
        """Tag scores before the CRF as one padded (B, T, tags) array, averaged over the members, and the lengths."""
        lengths = np.array([len(s.words) for s in sentences], dtype=np.int64)
        projections, which = self._project(sentences)
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        return self._run(projections, which, offsets, lengths), lengths

    def _project(self, sentences: Sequence[Encoded]) -> tuple[FloatArray, IntArray]:
        """Each recurrent layer's input projection (plus biases) of every distinct input row, and each word's row.

        A word's input row depends on the word alone, and news repeats its words, so the
        character CNN and the input projections run once per distinct row of all the
        sentences given, and not at all for a row kept from an earlier call (the rows used
        most, :data:`PROJECTION_ROWS` of them).  The projections come as one (rows + 1, layers,
        4H) array whose last row, all zeros, is the padding's.
        """
        distinct, keys, which = input_rows(sentences)
        slots = self.cache.find(keys)
        # the rows kept from earlier calls first, then the new ones (so that each part is one block), then the padding
        known, new = np.flatnonzero(slots >= 0), np.flatnonzero(slots < 0)
        position = np.empty(len(distinct), dtype=np.int64)
        position[known] = np.arange(len(known))
        position[new] = np.arange(len(known), len(distinct))
        width = len(self.w_hh) * self.w_hh.shape[2]
        out = np.zeros((len(distinct) + 1, len(self.w_hh), self.w_hh.shape[2]), dtype=np.float32)
        np.take(self.cache.values, slots[known], axis=0, out=out[:len(known)].reshape(len(known), width))
        if len(new):
            fresh = distinct[new]
            shared = [self.emb[fresh[:, 0]], self.emb[fresh[:, 1]]]
            chars = fresh[:, 2:2 + MAX_CHARS]
            flags = fresh[:, 2 + MAX_CHARS:].astype(np.float32)
            block = out[len(known):len(distinct)]
            for m, member in enumerate(self.members):
                flat = np.concatenate([*shared, member.char_vectors(chars), flags], axis=1)
                for direction in (0, 1):
                    layer = block[:, 2 * m + direction]
                    np.matmul(flat, member.w_ih[direction], out=layer)
                    layer += member.bias[direction]
            self.cache.keep([keys[i] for i in new.tolist()], block.reshape(len(new), width))
        return out, position[which.reshape(-1)]

    def _run(self, projections: FloatArray, which: IntArray, offsets: IntArray, lengths: IntArray) -> FloatArray:
        """Tag scores (B, T, tags) of the sentences whose words' rows start at ``offsets`` in ``which``.

        The sentences run as one padded batch: sentence ``b`` fills steps ``0..n-1`` of the forward
        input and, reversed, of the backward input, so padding never reaches a real position
        (:func:`recurrence`).
        """
        batch, steps = len(lengths), int(lengths.max())
        step = np.arange(steps)
        real = step[None, :] < lengths[:, None]  # (B, T)
        pad = len(projections) - 1
        forward = np.where(real, which[np.where(real, offsets[:, None] + step[None, :], 0)], pad).T  # (T, B)
        backward = np.where(real, which[np.where(real, offsets[:, None] + lengths[:, None] - 1 - step[None, :], 0)], pad).T
        scores = recurrence(self.session, projections, forward, backward, self.w_hh, self.out_w)  # (T, K, B, tags)
        # the backward scores back in reading order: position t of sentence b is step n-1-t
        back_steps = np.where(real, lengths[:, None] - 1 - step[None, :], 0)
        sentence = np.arange(batch)[:, None]
        total = np.zeros((batch, steps, len(self.tags)), dtype=np.float32)
        for k, member in enumerate(self.members):
            total += scores[:, 2 * k].transpose(1, 0, 2) + scores[:, 2 * k + 1][back_steps, sentence] + member.out_b
        total /= len(self.members)
        return total

    def viterbi(self, scores: FloatArray) -> list[str]:
        """Best tag sequence for one sentence's emission scores."""
        if len(scores) == 0:
            return []
        return self.decode(scores[None], np.array([len(scores)], dtype=np.int64))[0]

    def decode(self, scores: FloatArray, lengths: IntArray) -> list[list[str]]:
        """Best tag sequence of each sentence of a padded batch (B, T, tags) of non-empty sentences.

        The Viterbi recursion runs over the whole batch at once, the sentences in order of
        length: a step computes only the sentences still running (the last ones), and a
        sentence's end scores are those of its own last step.
        """
        order = np.argsort(lengths, kind="stable")
        scores, lengths = scores[order], lengths[order]
        batch, steps, _ = scores.shape
        done = np.searchsorted(lengths, np.arange(steps), side="right").tolist()  # the sentences ended before step t
        trans = np.ascontiguousarray(self.trans.T)  # (to, from): each candidate's maximum over the last axis
        best = self.start + scores[:, 0]
        back = np.zeros(scores.shape, dtype=np.int64)
        # the maxima are read at their argmax positions (numpy's max over a short last axis is far slower than its
        # argmax), through the candidates as rows of a flat (sentences * to, from) array
        candidate_rows = np.arange(batch * len(trans))
        for t in range(1, steps):
            s = done[t]
            cand = best[s:, None, :] + trans  # (sentences, to, from)
            came = cand.argmax(axis=2)
            back[s:, t] = came
            picked = cand.reshape(-1, cand.shape[2])[candidate_rows[:came.size], came.reshape(-1)]
            best[s:] = picked.reshape(came.shape) + scores[s:, t]
        current = (best + self.end).argmax(axis=1)
        path = np.zeros((batch, steps), dtype=np.int64)
        rows = np.arange(batch)
        for t in range(steps - 1, -1, -1):
            path[:, t] = current
            if t:
                s = done[t]
                current[s:] = back[rows[s:], t, current[s:]]
        tags = self.tags
        out: list[list[str]] = [[] for _ in range(batch)]
        for b, row, n in zip(order.tolist(), path.tolist(), lengths.tolist(), strict=True):
            out[b] = [tags[i] for i in row[:n]]
        return out

    def tag(self, sentences: Sequence[Encoded]) -> list[list[str]]:
        """IOB2 tags for each encoded sentence.

        Sentences are sorted by length and run in batches of about :data:`BATCH_WORDS`
        words, so that padding is small and each step's products are large: give it every
        sentence of a batch of documents at once.  The matrices are small, so BLAS threads
        would only contend with other workers: the products run on one thread.
        """
        out: list[list[str]] = [[] for _ in sentences]
        kept = [i for i, s in enumerate(sentences) if len(s.words)]
        if not kept:
            return out
        lengths = np.array([len(sentences[i].words) for i in kept], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        order = sorted(range(len(kept)), key=lambda i: int(lengths[i]))
        chunks: list[list[int]] = []
        for i in order:
            longest = int(lengths[i])
            if chunks and (len(chunks[-1]) + 1) * longest <= max(BATCH_WORDS, longest):
                chunks[-1].append(i)
            else:
                chunks.append([i])
        with threadpool_limits(1, user_api="blas"):
            projections, which = self._project([sentences[i] for i in kept])
            for chunk in chunks:
                scores = self._run(projections, which, offsets[chunk], lengths[chunk])
                for i, tags in zip(chunk, self.decode(scores, lengths[chunk]), strict=True):
                    out[kept[i]] = tags
        return out
