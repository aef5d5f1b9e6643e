"""Training the shipped CRF NER model from ANERcorp (CAMeL Lab train split only).

Two linear-chain CRF passes (see :mod:`marsad.extract.ner.tagger`).  Reproducible: the
data order is fixed, the name gazetteer for the training features is built by 5-fold
jackknifing (a sentence never sees names from its own fold, so the CRF learns how far a
gazetteer hit can be trusted on unseen text), the second pass learns from first-pass tags
predicted by the fold models, and L-BFGS is deterministic.  Word clusters come from
:mod:`marsad.train.clusters`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from marsad.extract.ner.conll import TaggedSentence, read_conll
from marsad.extract.ner.features import (
    Clusters,
    Gazetteer,
    base_resources,
    gazetteer_from_names,
    parse_clusters,
    second_pass_features,
    sentence_features,
)
from marsad.text.normalize import norm_key

FOLDS = 5
DOC_SENTENCES = 50
PARAMS: dict[str, float | int | bool] = {
    "c1": 0.01,
    "c2": 0.05,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}


@dataclass(frozen=True)
class TrainConfig:
    """Where the data and outputs are."""

    train: Path
    clusters: Path
    out_dir: Path


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


def jackknife_features(sentences: Sequence[TaggedSentence], clusters: Clusters) -> list[list[list[str]]]:
    """Features of each sentence with a name gazetteer built from the other folds only."""
    n = len(sentences)
    bounds = [n * k // FOLDS for k in range(FOLDS + 1)]
    out: list[list[list[str]]] = []
    for k in range(FOLDS):
        others = [s for j in range(FOLDS) if j != k for s in sentences[bounds[j]:bounds[j + 1]]]
        res = base_resources(clusters, gazetteer_from_names(entity_names(others)))
        out.extend(sentence_features(s.words, res) for s in sentences[bounds[k]:bounds[k + 1]])
    return out


def write_names(gaz_source: Sequence[TaggedSentence], path: Path) -> Gazetteer:
    """Write the name gazetteer (every training entity and its majority type) to ``path``."""
    gaz = gazetteer_from_names(entity_names(gaz_source))
    rows = sorted(
        (" ".join((first, *tail)), label) for first, tails in gaz.entries.items() for tail, label in tails.items()
    )
    with path.open("w", encoding="utf-8") as fh:
        fh.write("# names seen in ANERcorp train (CC BY-SA 4.0), key form, majority type\n")
        fh.writelines(f"{name}\t{label}\n" for name, label in rows)
    return gaz


def _fit(
    xseqs: Sequence[list[list[str]]], yseqs: Sequence[Sequence[str]], model_path: Path,
    params: dict[str, float | int | bool] | None = None,
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in zip(xseqs, yseqs, strict=True):
        trainer.append(xseq, list(yseq))
    trainer.set_params(params or PARAMS)
    trainer.train(str(model_path))


def _documents(n: int) -> list[range]:
    return [range(k, min(k + DOC_SENTENCES, n)) for k in range(0, n, DOC_SENTENCES)]


def train_crf(
    sentences: Sequence[TaggedSentence], clusters: Clusters, out_dir: Path,
    params: dict[str, float | int | bool] | None = None,
) -> None:
    """Train both passes on ``sentences``; write ``ner.crfsuite`` and ``ner2.crfsuite`` to ``out_dir``.

    The second pass is trained on first-pass tags predicted by fold models that did not
    see the sentence (5-fold jackknife), over pseudo-documents of consecutive sentences.
    """
    base = jackknife_features(sentences, clusters)
    tags = [s.tags for s in sentences]
    n = len(sentences)
    bounds = [n * k // FOLDS for k in range(FOLDS + 1)]
    first: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(FOLDS):
            keep = [i for i in range(n) if not bounds[k] <= i < bounds[k + 1]]
            fold_model = Path(tmp) / f"fold{k}.crfsuite"
            _fit([base[i] for i in keep], [tags[i] for i in keep], fold_model, params)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(fold_model))
            first.extend(list(tagger.tag(base[i])) for i in range(bounds[k], bounds[k + 1]))
            tagger.close()
    _fit(base, tags, out_dir / "ner.crfsuite", params)
    stacked: list[list[list[str]]] = []
    for doc in _documents(n):
        extra = second_pass_features([sentences[i].words for i in doc], [first[i] for i in doc])
        stacked.extend(
            [b + e for b, e in zip(base[i], rows, strict=True)] for i, rows in zip(doc, extra, strict=True)
        )
    _fit(stacked, tags, out_dir / "ner2.crfsuite", params)


def train(config: TrainConfig) -> float:
    """Train the shipped model files into ``config.out_dir``; return the seconds taken."""
    started = time.monotonic()
    sentences = read_conll(config.train)
    clusters = parse_clusters(config.clusters.read_text(encoding="utf-8"))
    config.out_dir.mkdir(parents=True, exist_ok=True)
    write_names(sentences, config.out_dir / "ner_names.tsv")
    train_crf(sentences, clusters, config.out_dir)
    return time.monotonic() - started


def main() -> None:
    """Command-line entry: ``python -m marsad.train.ner TRAIN CLUSTERS OUT_DIR``."""
    secs = train(TrainConfig(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
    sys.stderr.write(f"trained in {secs:.0f} s\n")


if __name__ == "__main__":
    main()
