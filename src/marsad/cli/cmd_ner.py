"""``marsad eval ner`` and ``marsad train ner``."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli.apps import eval_app, train_app

_DATA = Path("..") / "shared" / "datasets"
out = Console()
err = Console(stderr=True)


@eval_app.command("ner")
def eval_ner(
    conll: Annotated[Path, typer.Option("--conll", exists=True, dir_okay=False, help="Gold CoNLL file (TOKEN TAG, IOB2).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    model_dir: Annotated[
        Path | None, typer.Option("--model-dir", help="Use the model files in this folder instead of the shipped ones.")
    ] = None,
    doc_sentences: Annotated[
        int,
        typer.Option(
            "--doc-sentences", min=0,
            help="Sentences per pseudo-document for the consistency step (0: whole file).",
        ),
    ] = 50,
    types: Annotated[
        str | None,
        typer.Option("--types", help="Score only these types, comma-separated (e.g. PERS,LOC,ORG for a gold file "
                     "without MISC); tags of other types count as O on both sides."),
    ] = None,
) -> None:
    """Entity-level exact-match precision, recall and F1 (seqeval semantics), overall and per type."""
    from marsad.eval.ner import evaluate, keep_types, report_json, tag_conll
    from marsad.extract.ner.tagger import NerTagger, shipped_tagger

    tagger = shipped_tagger() if model_dir is None else NerTagger.from_folder(model_dir)
    gold, predicted = tag_conll(conll, tagger, doc_sentences)
    if types:
        kept = set(types.split(","))
        gold, predicted = keep_types(gold, kept), keep_types(predicted, kept)
    data = report_json(evaluate(gold, predicted))
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table("type", "precision", "recall", "f1", "support")
    per_type = data["per_type"]
    assert isinstance(per_type, dict)
    for name, row in [*per_type.items(), ("overall", data)]:
        table.add_row(name, f"{row['precision']:.4f}", f"{row['recall']:.4f}", f"{row['f1']:.4f}", str(row["support"]))
    out.print(table)


@train_app.command("ner")
def train_ner(
    data: Annotated[Path, typer.Option("--data", help="The shared datasets folder.")] = _DATA,
    out_dir: Annotated[Path, typer.Option("--out", help="Where to write the model files.")] = Path("models-ner"),
    vectors: Annotated[
        Path | None,
        typer.Option("--vectors", dir_okay=False, help="Reuse this word2vec text file instead of relearning it."),
    ] = None,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="Training epochs of each teacher network.")] = 40,
    seeds: Annotated[
        list[int] | None,
        typer.Option("--seed", help="Train one teacher network per seed (repeat the option); default 13 and 14."),
    ] = None,
    distill: Annotated[
        int, typer.Option("--distill", min=0, help="Distil the seeds' networks into one: at most this many "
                          "SaudiNewsNet sentences tagged by them (0: ship the seeds' networks together; 28000 in the card).")
    ] = 0,
    teacher: Annotated[
        Path | None,
        typer.Option("--teacher", dir_okay=False, exists=True,
                     help="Reuse this trained ensemble (a ner_teacher.npz) instead of training the teachers."),
    ] = None,
    dev: Annotated[
        float, typer.Option("--dev", min=0.0, max=0.5, help="Hold out this last fraction of train and score it each epoch.")
    ] = 0.0,
    student_epochs: Annotated[int, typer.Option("--student-epochs", min=1, help="Epochs of the distilled student.")] = 3,
    distill_per_epoch: Annotated[
        int, typer.Option("--distill-per-epoch", min=1, help="Machine-tagged sentences per student epoch.")
    ] = 7000,
    student_hidden: Annotated[
        int | None, typer.Option("--student-hidden", min=1, help="LSTM units each way of the student "
                                 "(default the teachers' 128; another size trains it from scratch).")
    ] = None,
    student_filters: Annotated[
        int | None, typer.Option("--student-filters", min=1, help="Character CNN filters of the student "
                                 "(default the teachers' 100; another size trains it from scratch).")
    ] = None,
) -> None:
    """Rebuild the NER model files from ANERcorp train and SaudiNewsNet into OUT (then copy them to marsad/models).

    Needs the training extra: pip install -e '.[train]'.
    """
    from marsad.train.ner import TrainConfig, train
    from marsad.train.vectors import build_vectors

    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    if vectors is None:
        vectors = out_dir / "vectors.txt"
        err.print("learning word vectors from SaudiNewsNet ...")
        build_vectors(data / "saudinewsnet" / "saudinewsnet.jsonl.gz", vectors)
    err.print("training the BiLSTM-CRF on ANERcorp train ...")
    train(TrainConfig(data / "anercorp" / "ANERCorp_CamelLab_train.txt", vectors, out_dir, epochs=epochs,
                      seeds=tuple(seeds or (13, 14)), unlabelled=data / "saudinewsnet" / "saudinewsnet.jsonl.gz",
                      distill=distill, teacher=teacher, student_epochs=student_epochs,
                      distill_per_epoch=distill_per_epoch, student_hidden=student_hidden,
                      student_filters=student_filters), dev, err.print)
    err.print(f"done in {time.monotonic() - started:.0f} s: {out_dir}")
