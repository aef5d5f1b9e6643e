"""``marsad eval ner`` and ``marsad train ner``."""

from __future__ import annotations

import json
import shutil
import time
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli.apps import eval_app, train_app
from marsad.eval.ner import evaluate, report_json, tag_conll

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
            help="Sentences per pseudo-document for the second pass and consistency (0: whole file).",
        ),
    ] = 50,
) -> None:
    """Entity-level exact-match precision, recall and F1 (seqeval semantics), overall and per type."""
    from marsad.extract.ner.features import base_resources, parse_clusters, parse_names
    from marsad.extract.ner.tagger import NerTagger, shipped_tagger

    if model_dir is None:
        tagger = shipped_tagger()
    else:
        res = base_resources(
            parse_clusters((model_dir / "clusters.tsv").read_text(encoding="utf-8")),
            parse_names((model_dir / "ner_names.tsv").read_text(encoding="utf-8")),
        )
        tagger = NerTagger(model_dir, res)
    gold, predicted = tag_conll(conll, tagger, doc_sentences)
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
    clusters: Annotated[
        bool,
        typer.Option(
            "--clusters/--reuse-clusters", help="Relearn the word clusters from SaudiNewsNet (else copy the shipped ones)."
        ),
    ] = True,
) -> None:
    """Rebuild the NER model files from ANERcorp train and SaudiNewsNet into OUT (then copy them to marsad/models)."""
    from marsad.train.clusters import build_clusters
    from marsad.train.ner import TrainConfig, train

    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "clusters.tsv"
    if clusters:
        err.print("learning word clusters from SaudiNewsNet ...")
        build_clusters(data / "saudinewsnet" / "saudinewsnet.jsonl.gz", target)
    else:
        with resources.as_file(resources.files("marsad.models").joinpath("clusters.tsv")) as path:
            shutil.copyfile(path, target)
    err.print("training the two CRF passes on ANERcorp train ...")
    train(TrainConfig(data / "anercorp" / "ANERCorp_CamelLab_train.txt", target, out_dir))
    err.print(f"done in {time.monotonic() - started:.0f} s: {out_dir}")
