"""Training the shipped BiLSTM-CRF name tagger on ANERcorp (CAMeL Lab train split only).

Needs the training extra (``pip install -e '.[train]'``: torch, gensim).  The network is
the one :class:`marsad.extract.ner.neural.BiLstmCrf` runs on numpy: frozen SaudiNewsNet
word vectors for the word and its most frequent clitic reading, a character CNN, lexicon
and gazetteer flags, one bidirectional LSTM layer and a CRF.  The name gazetteer flags of
the training sentences come from the other four fifths of the data (5-fold jackknife), so
the network learns how far a gazetteer hit on unseen text can be trusted.

Two networks are trained with different seeds and shipped together; the tagger averages
their scores (on the development split the pair scored 0.756 against 0.749 and 0.743 alone).
With ``distill`` > 0 the pair is a teacher instead: it tags unlabelled SaudiNewsNet sentences,
and one network of the same size (the student) starts from the first teacher network and
trains a few more epochs on the gold sentences plus those machine-tagged ones (knowledge
distillation, the candidate described in the model card: one network's cost).

Reproducible: one thread, fixed seeds for torch and for the batch order, a fixed number
of epochs, and the weights averaged over the last epochs (which also smooths the
epoch-to-epoch noise of a small training set).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from marsad.extract.ner.conll import TaggedSentence, read_conll
from marsad.extract.ner.gazetteers import Gazetteer, gazetteer_from_names, lexicon_resources
from marsad.extract.ner.neural import FEATURES, MAX_CHARS, TAGS, BiLstmCrf, Encoded, Encoder
from marsad.text.normalize import norm_key
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize
from marsad.train.saudinewsnet import mining_records

FOLDS = 5
MODEL_FILE = "ner_nn.npz"
NAMES_FILE = "ner_names.tsv"
TEACHER_FILE = "ner_teacher.npz"
# SaudiNewsNet sentences the teacher tags: every ARTICLE_STEP-th article outside the held-out third
# (all outlets, in file order), sentences of MIN_WORDS to MAX_WORDS tokens
ARTICLE_STEP = 8
MIN_WORDS, MAX_WORDS = 5, 80


@dataclass(frozen=True)
class TrainConfig:
    """Data, outputs and hyper-parameters."""

    train: Path
    vectors: Path
    out_dir: Path
    vocab_size: int = 50000
    epochs: int = 40
    average_last: int = 5
    hidden: int = 128
    char_dim: int = 30
    char_filters: int = 100
    dropout: float = 0.5
    word_dropout: float = 0.1
    batch: int = 16
    learning_rate: float = 1e-3
    seeds: tuple[int, ...] = (13, 14)
    unlabelled: Path | None = None  # SaudiNewsNet jsonl.gz, for distillation
    distill: int = 0  # machine-tagged sentences in the pool, at most (0: ship the seeds' networks together)
    distill_per_epoch: int = 7000  # of them per student epoch (the pool is cycled through)
    student_epochs: int = 3
    student_learning_rate: float = 5e-4
    teacher: Path | None = None  # a trained ensemble to reuse instead of training the seeds
    # the student's size: None keeps the teachers' (and starts from the first teacher network); a smaller
    # student starts from scratch at ``learning_rate``
    student_hidden: int | None = None
    student_filters: int | None = None


def unlabelled_sentences(path: Path, limit: int) -> list[list[str]]:
    """Up to ``limit`` SaudiNewsNet sentences as token lists, split and tokenised as the pipeline does.

    Every :data:`ARTICLE_STEP`-th article outside the held-out third, sentences of
    :data:`MIN_WORDS` to :data:`MAX_WORDS` tokens, in file order.
    """
    out: list[list[str]] = []
    for k, record in enumerate(mining_records(path)):
        if k % ARTICLE_STEP:
            continue
        text = record.get("content") or ""
        for span in split_sentences(text):
            words = [t.text for t in tokenize(text, span.start, span.end)]
            if MIN_WORDS <= len(words) <= MAX_WORDS:
                out.append(words)
                if len(out) >= limit:
                    return out
    return out


def read_vectors(path: Path, limit: int) -> tuple[list[str], NDArray[np.float32]]:
    """The ``limit`` most frequent words of a word2vec text file and their vectors (row 0 is all zeros)."""
    words: list[str] = []
    rows: list[NDArray[np.float32]] = []
    with path.open(encoding="utf-8") as fh:
        dims = int(fh.readline().split()[1])
        for line in fh:
            if len(words) >= limit:
                break
            cells = line.rstrip("\n").split(" ")
            words.append(cells[0])
            rows.append(np.array(cells[1:], dtype=np.float32))
    table = np.zeros((len(words) + 1, dims), dtype=np.float32)
    table[1:] = np.stack(rows)
    return words, table


def entity_names(sentences: Sequence[TaggedSentence]) -> Iterator[tuple[list[str], str]]:
    """Yield every gold entity as (word keys, type)."""
    for sent in sentences:
        current: list[str] = []
        label = ""
        for word, tag in [*zip(sent.words, sent.tags, strict=True), ("", "O")]:
            if tag.startswith("I-") and current and tag[2:] == label:
                current.append(norm_key(word))
                continue
            if current:
                yield current, label
            current, label = ([norm_key(word)], tag[2:]) if tag != "O" else ([], "")


def write_names(sentences: Sequence[TaggedSentence], path: Path) -> Gazetteer:
    """Write the name gazetteer (every training entity and its majority type) to ``path``."""
    gaz = gazetteer_from_names(entity_names(sentences))
    rows = sorted(
        (" ".join((first, *tail)), label) for first, tails in gaz.entries.items() for tail, label in tails.items()
    )
    with path.open("w", encoding="utf-8") as fh:
        fh.write("# names seen in ANERcorp train (CC BY-SA 4.0), key form, majority type\n")
        fh.writelines(f"{name}\t{label}\n" for name, label in rows)
    return gaz


def make_encoder(words: Sequence[str], sentences: Sequence[TaggedSentence], names: Gazetteer) -> Encoder:
    """An encoder over the vector vocabulary, the characters of the training words and ``names``."""
    chars: dict[str, int] = {}
    for sent in sentences:
        for word in sent.words:
            for ch in (norm_key(word) or word)[:MAX_CHARS]:
                chars.setdefault(ch, len(chars) + 2)
    return Encoder({w: i + 1 for i, w in enumerate(words)}, chars, lexicon_resources(), names)


def jackknife_encode(sentences: Sequence[TaggedSentence], encoder: Encoder) -> list[Encoded]:
    """Encode each sentence with a name gazetteer built from the other folds only."""
    n = len(sentences)
    bounds = [n * k // FOLDS for k in range(FOLDS + 1)]
    out: list[Encoded] = []
    for k in range(FOLDS):
        others = [s for j in range(FOLDS) if j != k for s in sentences[bounds[j]:bounds[j + 1]]]
        fold = Encoder(encoder.vocab, encoder.chars, encoder.lexicons, gazetteer_from_names(entity_names(others)))
        out.extend(fold.encode(s.words) for s in sentences[bounds[k]:bounds[k + 1]])
    return out


def _network(config: TrainConfig, table: NDArray[np.float32], n_chars: int) -> Any:
    import torch
    from torch import nn
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    class Net(nn.Module):  # type: ignore[misc,unused-ignore]  # nn.Module is Any without torch installed
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(  # type: ignore[no-untyped-call,unused-ignore]
                torch.tensor(table), freeze=True
            )
            self.char_emb = nn.Embedding(n_chars, config.char_dim, padding_idx=0)
            self.conv = nn.Conv1d(config.char_dim, config.char_filters, 3, padding=1)
            width = 2 * table.shape[1] + config.char_filters + len(FEATURES)
            self.lstm = nn.LSTM(width, config.hidden, bidirectional=True, batch_first=True)
            self.drop = nn.Dropout(config.dropout)
            self.out = nn.Linear(2 * config.hidden, len(TAGS))
            self.trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))

        def emissions(self, batch: dict[str, Any]) -> Any:
            words, chars = batch["words"], batch["chars"]
            b, t = words.shape
            flat = chars.view(b * t, MAX_CHARS)
            c = self.conv(self.char_emb(flat).transpose(1, 2))
            c = c.masked_fill((flat == 0).unsqueeze(1), -1e4).max(dim=2).values.view(b, t, -1)
            x = self.drop(torch.cat([self.emb(words), self.emb(batch["stems"]), c, batch["flags"]], dim=2))
            packed = pack_padded_sequence(x, batch["lengths"], batch_first=True, enforce_sorted=False)
            h, _ = pad_packed_sequence(self.lstm(packed)[0], batch_first=True, total_length=t)
            return self.out(self.drop(h))

        def nll(self, em: Any, tags: Any, mask: Any) -> Any:
            score = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
            alpha = self.start + em[:, 0]
            for t in range(1, em.shape[1]):
                m = mask[:, t]
                step = self.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
                score = score + step * m
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0) + em[:, t].unsqueeze(1), dim=1)
                alpha = torch.where(m.unsqueeze(1) > 0, nxt, alpha)
            last = tags.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
            return (torch.logsumexp(alpha + self.end, dim=1) - score - self.end[last]).sum()

    return Net()


def _batch(encoded: Sequence[Encoded], tags: Sequence[Sequence[str]]) -> dict[str, Any]:
    import torch

    size, steps = len(encoded), max(len(e.words) for e in encoded)
    arrays: dict[str, NDArray[Any]] = {
        "words": np.zeros((size, steps), np.int64),
        "stems": np.zeros((size, steps), np.int64),
        "chars": np.zeros((size, steps, MAX_CHARS), np.int64),
        "flags": np.zeros((size, steps, len(FEATURES)), np.float32),
        "tags": np.zeros((size, steps), np.int64),
        "mask": np.zeros((size, steps), np.float32),
    }
    for b, (e, seq) in enumerate(zip(encoded, tags, strict=True)):
        n = len(e.words)
        arrays["words"][b, :n] = e.words
        arrays["stems"][b, :n] = e.stems
        arrays["chars"][b, :n] = e.chars
        arrays["flags"][b, :n] = e.flags
        arrays["tags"][b, :n] = [TAGS.index(t) for t in seq]
        arrays["mask"][b, :n] = 1
    out: dict[str, Any] = {k: torch.tensor(v) for k, v in arrays.items()}
    out["lengths"] = [len(e.words) for e in encoded]
    return out


def _file_names() -> dict[str, str]:
    """The model file's name of each network weight (without the member prefix) to its torch name."""
    names = {
        "char_emb": "char_emb.weight", "conv_w": "conv.weight", "conv_b": "conv.bias",
        "out_w": "out.weight", "out_b": "out.bias", "trans": "trans", "start": "start", "end": "end",
    }
    for prefix, suffix in (("f_", ""), ("b_", "_reverse")):
        for part in ("w_ih", "w_hh", "b_ih", "b_hh"):
            kind, which = part.split("_")
            names[prefix + part] = f"lstm.{'weight' if kind == 'w' else 'bias'}_{which}_l0{suffix}"
    return names


def member_state(path: Path, member: int = 0) -> dict[str, NDArray[np.float32]]:
    """One member's weights from a model file written by :func:`export`, under torch's names (no word table)."""
    with np.load(path) as data:
        return {key: data[f"m{member}.{name}"] for name, key in _file_names().items()}


def export(states: Sequence[dict[str, NDArray[np.float32]]], encoder: Encoder, path: Path) -> None:
    """Write the networks' weights (one set per member), the shared word table, vocabulary and characters."""
    arrays: dict[str, Any] = {
        f"m{k}.{name}": state[key] for k, state in enumerate(states) for name, key in _file_names().items()
    }
    arrays["emb"] = states[0]["emb.weight"].astype(np.float16)
    arrays["tags"] = np.array(TAGS)
    arrays["vocab"] = np.array(sorted(encoder.vocab, key=encoder.vocab.__getitem__))
    arrays["chars"] = np.array(sorted(encoder.chars, key=encoder.chars.__getitem__))
    np.savez_compressed(path, **arrays)


def fit(
    config: TrainConfig, seed: int, sentences: Sequence[TaggedSentence], encoded: Sequence[Encoded],
    n_chars: int, table: NDArray[np.float32],
    on_epoch: Callable[[int, float, dict[str, NDArray[np.float32]]], None] | None = None,
    extra: tuple[Sequence[Encoded], Sequence[Sequence[str]]] = ((), ()),
    init: dict[str, NDArray[np.float32]] | None = None,
) -> dict[str, NDArray[np.float32]]:
    """Train one network on ``sentences`` (``encoded`` by :func:`jackknife_encode`); return its averaged weights.

    The weights are averaged over the last ``config.average_last`` epochs; ``n_chars`` is
    the size of the character alphabet (ids 0 and 1 included).

    ``extra``: machine-tagged sentences (encoded, tags).  When given, the network trains
    ``config.student_epochs`` epochs at ``config.student_learning_rate``, each over every gold
    sentence plus the next ``config.distill_per_epoch`` extra ones (cycling through them);
    otherwise ``config.epochs`` at ``config.learning_rate``.  ``init``: weights to start from
    (torch names; the word table stays ``table``).

    ``on_epoch(epoch, loss, weights)`` is called after each epoch with the current (not
    averaged) weights, for development runs.
    """
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    net = _network(config, table, n_chars)
    if init is not None:
        net.load_state_dict({k: torch.tensor(v) for k, v in {**init, "emb.weight": table}.items()})
    inputs = [*encoded, *extra[0]]
    targets = [*(s.tags for s in sentences), *extra[1]]
    pool = list(range(len(sentences), len(inputs)))
    rate = config.student_learning_rate if pool else config.learning_rate
    optimiser = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=rate)
    rng = random.Random(seed)
    rng.shuffle(pool)
    epochs = config.student_epochs if pool else config.epochs
    averaged: dict[str, NDArray[np.float32]] = {}
    averaging = min(config.average_last, epochs)  # fewer epochs than that: average them all
    order = list(range(len(sentences)))
    for epoch in range(1, epochs + 1):
        net.train()
        if pool:  # every gold sentence and the next slice of the machine-tagged ones
            start = (epoch - 1) * config.distill_per_epoch
            order = [*range(len(sentences)), *(pool[i % len(pool)] for i in range(start, start + config.distill_per_epoch))]
        rng.shuffle(order)  # (without a pool, the previous epoch's order shuffled again)
        total = 0.0
        for k in range(0, len(order), config.batch):
            idx = order[k:k + config.batch]
            batch = _batch([inputs[i] for i in idx], [targets[i] for i in idx])
            if config.word_dropout:  # hide some word vectors so that characters and flags learn to carry names
                hide = torch.rand(batch["words"].shape) < config.word_dropout
                batch["words"] = batch["words"].masked_fill(hide, 0)
                batch["stems"] = batch["stems"].masked_fill(hide, 0)
            loss = net.nll(net.emissions(batch), batch["tags"], batch["mask"])
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            total += float(loss.item())
        state = {k: v.detach().numpy().copy() for k, v in net.state_dict().items()}
        if epoch > epochs - averaging:
            for k, v in state.items():
                averaged[k] = averaged.get(k, 0) + v / averaging
        if on_epoch is not None:
            on_epoch(epoch, total, state)
    return averaged


def train(config: TrainConfig, dev_fraction: float = 0.0, log: Callable[[str], None] | None = None) -> float:
    """Train the shipped model files into ``config.out_dir``; return the seconds taken.

    With ``dev_fraction`` > 0 the last part of the training sentences is held out and
    scored after every epoch (a development run; the output is not a shipped model).
    """
    from marsad.eval.ner import evaluate, tag_sentences
    from marsad.extract.ner.tagger import NerTagger

    started = time.monotonic()
    sentences = read_conll(config.train)
    dev: list[TaggedSentence] = []
    if dev_fraction:
        cut = int(len(sentences) * (1 - dev_fraction))
        sentences, dev = sentences[:cut], sentences[cut:]
    config.out_dir.mkdir(parents=True, exist_ok=True)
    names = write_names(sentences, config.out_dir / NAMES_FILE)
    words, table = read_vectors(config.vectors, config.vocab_size)
    encoder = make_encoder(words, sentences, names)

    path = config.out_dir / MODEL_FILE
    emit = log or (lambda text: sys.stderr.write(text + "\n"))

    def report(label: str, states: Sequence[dict[str, NDArray[np.float32]]]) -> None:
        line = f"{label} {time.monotonic() - started:.0f} s"
        if dev:
            export(states, encoder, path)
            tagger = NerTagger(BiLstmCrf.load(path), encoder)
            score = evaluate([s.tags for s in dev], tag_sentences(dev, tagger)).overall
            line += f" dev F1 {score.f1:.4f} P {score.precision:.3f} R {score.recall:.3f}"
        emit(line)

    encoded = jackknife_encode(sentences, encoder)  # the same input for every seed
    n_chars = len(encoder.chars) + 2
    members: list[dict[str, NDArray[np.float32]]] = []
    if config.teacher is None or not config.distill:
        for seed in config.seeds:

            def on_epoch(epoch: int, loss: float, state: dict[str, NDArray[np.float32]], seed: int = seed) -> None:
                report(f"seed {seed} epoch {epoch} loss {loss:.0f}", [state])

            members.append(fit(config, seed, sentences, encoded, n_chars, table, on_epoch))
            report(f"seed {seed} averaged", members[-1:])
        if len(members) > 1:
            report("ensemble", members)
    if not config.distill:
        export(members, encoder, path)
        return time.monotonic() - started
    if config.unlabelled is None:
        raise ValueError("distillation needs the unlabelled SaudiNewsNet file (TrainConfig.unlabelled)")
    teacher_path = config.teacher or config.out_dir / TEACHER_FILE
    if config.teacher is None:
        export(members, encoder, teacher_path)
    teacher = BiLstmCrf.load(teacher_path)
    if dict(teacher.chars) != dict(encoder.chars):  # the student starts from a teacher network: same inputs
        raise ValueError(f"{teacher_path}: the teacher was trained on other sentences (another character set)")
    raw = unlabelled_sentences(config.unlabelled, config.distill)
    # the teacher reads its own vocabulary and characters (with this run's names); its networks' own tags
    # are the targets (the document steps run again on the student's)
    labels = teacher.tag([teacher.encoder(encoder.lexicons, names).encode(words) for words in raw])
    extra = [encoder.encode(words) for words in raw]
    emit(f"teacher tagged {len(raw)} SaudiNewsNet sentences, {sum(map(len, raw))} tokens, "
         f"{sum(t.startswith('B-') for tags in labels for t in tags)} names, {time.monotonic() - started:.0f} s")
    student_seed = config.seeds[0]

    def on_student_epoch(epoch: int, loss: float, state: dict[str, NDArray[np.float32]]) -> None:
        report(f"student (seed {student_seed}) epoch {epoch} loss {loss:.0f}", [state])

    # the student trains on the word table as shipped (float16); of the teachers' size it starts from the first
    # teacher network, smaller it starts from scratch at the teachers' learning rate
    hidden, filters = config.student_hidden or config.hidden, config.student_filters or config.char_filters
    resized = (hidden, filters) != (config.hidden, config.char_filters)
    student_config = replace(config, hidden=hidden, char_filters=filters, student_learning_rate=config.learning_rate)
    init = None if resized else members[0] if members else member_state(teacher_path)
    student = fit(student_config if resized else config, student_seed, sentences, encoded, n_chars,
                  table.astype(np.float16).astype(np.float32), on_student_epoch, (extra, labels), init)
    report("student averaged", [student])
    export([student], encoder, path)
    return time.monotonic() - started
