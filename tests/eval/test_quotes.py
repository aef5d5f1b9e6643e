"""Quote scores of the product pipeline on the hand-annotated gold (seeds and SaudiNewsNet), and the scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.eval.quotes import QuoteScores, evaluate, gold_files, load_gold, speaker_matches

GOLD = Path(__file__).resolve().parents[1] / "gold" / "quotes"


@pytest.fixture(scope="module")
def scores(shared_dir: Path) -> dict[str, QuoteScores]:
    results = evaluate(load_gold(gold_files(GOLD), shared_dir))
    return {name.removeprefix("file:"): s for name, s in results.items()}


def test_gold_size(shared_dir: Path) -> None:
    docs = load_gold(gold_files(GOLD), shared_dir)
    assert sum(len(d.quotes) for d in docs) >= 700
    assert sum(d.ref.startswith("saudinewsnet:") for d in docs) >= 60
    assert sum(len(d.quotes) for d in docs if d.held_out) >= 165


# (recall, precision, speaker accuracy) floors just under the measured figures of each development file
DEV_FLOORS = {
    "seeds": (0.99, 0.99, 0.99),
    "snn_dev": (0.98, 0.98, 0.99),
    "snn_dev2": (0.95, 0.99, 0.99),
    "snn_dev20": (0.92, 0.96, 0.92),
    "snn_dev3": (0.99, 0.95, 0.94),
    "snn_dev4": (0.97, 0.96, 0.97),
    # snn_dev5 and snn_dev8 predate the accusation convention of snn_dev36 (round 24): «ويتهم X Y بأنه ...» is reported
    # speech there, not annotated in these two older files, so one extra each lowers their precision
    "snn_dev5": (0.97, 0.94, 0.99),
    "snn_dev6": (0.92, 0.94, 0.99),
    "snn_dev7": (0.94, 0.96, 0.99),
    "snn_dev8": (0.94, 0.92, 0.94),
    "snn_dev9": (0.99, 0.99, 0.99),
    "snn_dev10": (0.95, 0.98, 0.99),
    "snn_dev11": (0.94, 0.94, 0.99),
    "snn_dev12": (0.96, 0.99, 0.96),
    "snn_dev13": (0.99, 0.99, 0.99),
    "snn_dev14": (0.99, 0.99, 0.99),
    "snn_dev21": (0.83, 0.93, 0.96),
    "snn_dev15": (0.99, 0.98, 0.97),
    "snn_dev16": (0.95, 0.97, 0.96),
    "snn_dev17": (0.97, 0.97, 0.93),
    "snn_dev18": (0.93, 0.94, 0.99),
    "snn_dev19": (0.94, 0.99, 0.98),
    "snn_dev22": (0.94, 0.94, 0.98),
    "snn_dev23": (0.88, 0.98, 0.93),
    "snn_dev24": (0.92, 0.95, 0.99),
    "snn_dev25": (0.91, 0.97, 0.97),
    "snn_dev26": (0.94, 0.99, 0.90),  # blind first score 0.9125 / 0.9865 / 0.6986, 0.95 / 1.0 / 0.9079 after its round
    "snn_dev27": (0.91, 0.98, 0.99),  # blind first score 0.9136 / 0.9867 / 0.9324, 0.9136 / 0.9867 / 1.0 after its round
    "snn_dev28": (0.98, 0.99, 0.96),  # blind first score 0.9623 / 1.0 / 0.9608, 0.9811 / 1.0 / 0.9615 after its round
    "snn_dev29": (0.92, 0.99, 0.94),  # blind first score 0.9231 / 1.0 / 0.7222, 0.9231 / 1.0 / 0.9444 after its round
    "snn_dev30": (0.99, 0.99, 0.93),  # blind first score 0.931 / 1.0 / 0.9259, 1.0 / 1.0 / 0.931 after its round
    # 0.9494 / 0.9768 / 0.9749 over 1,639 quotes after the twelfth round (the blind snn_dev25 and snn_dev26 added);
    # 0.9488 / 0.9772 / 0.9792 over 1,720 quotes after the fifteenth (snn_dev27 added), 0.9515 / 0.9775 / 0.9776 over
    # 1,692 after the sixteenth (snn_dev28 added); both rounds merged, 29 files: 0.9498 / 0.9779 / 0.9786 over 1,773
    # quotes; 30 files after the seventeenth (snn_dev29 added): 0.9492 / 0.9784 / 0.9785 over 1,812
    # 31 files after the eighteenth (snn_dev30 added): 0.9500 / 0.9787 / 0.9777 over 1,841 quotes
    # 36 files after the twenty-third (snn_dev35 added, blind 0.6410 / 0.9615 / 0.8600): 0.9433 / 0.9788 / 0.9773 over
    # 2,150 quotes (the 35 files before it 0.9469 / 0.9795 / 0.9781)
    "snn_dev35": (0.84, 0.95, 0.95),  # blind first score 0.641 / 0.9615 / 0.86, 0.8462 / 0.9565 / 0.9545 after its round
    # 37 files with the blind snn_dev36 (not used for any fix yet): 0.9421 / 0.9778 / 0.9753 over 2,195 quotes;
    # 0.9449 / 0.9783 / 0.9778 after the twenty-fourth round (snn_dev36's)
    "snn_dev36": (0.97, 0.99, 0.99),  # blind first score 0.8889 / 0.9302 / 0.875, 0.9778 / 1.0 / 1.0 after its round
    # 38 files with the blind snn_dev37 (not used for any fix): 0.9379 / 0.9787 / 0.9749 over 2,255 quotes
    "snn_dev37": (0.68, 0.99, 0.82),  # blind first score 0.6833 / 1.0 / 0.8293 on main ebae685 and on 942300a
    "dev": (0.935, 0.975, 0.97),
}


@pytest.mark.parametrize("name", sorted(DEV_FLOORS))
def test_thresholds_on_development_gold(scores: dict[str, QuoteScores], name: str) -> None:
    s = scores[name]
    recall, precision, speaker = DEV_FLOORS[name]
    assert s.recall >= recall, s.as_dict()
    assert s.precision >= precision, s.as_dict()
    assert s.speaker_accuracy >= speaker, s.as_dict()


def test_held_out_gold_floor(scores: dict[str, QuoteScores]) -> None:
    # Held out while tuning (never looked at); floors just under the measured figures. Issue 13 wants 0.90 recall
    # and speaker accuracy: held_out 0.9112 / 0.9809 / 0.8961 with the distilled one-network NER (session 9, chosen
    # on development figures and speed; 0.9026 with the two-network ensemble after the thirteenth round, 0.8961 after
    # the eleventh and twelfth), 0.9053 / 0.9808 / 0.8693 after the tenth round (session 8), 0.8994 / 0.9682 /
    # 0.8684 before it; 0.8935 / 0.9618 / 0.8609 after the fourth round, 0.870 / 0.871 at its mid-way score.
    # A helper who sees this test fail must report it, not bisect against it (that would tune on the held-out part).
    s = scores["held_out"]
    assert s.recall >= 0.91, s.as_dict()
    assert s.precision >= 0.98, s.as_dict()
    assert s.speaker_accuracy >= 0.895, s.as_dict()
    first, second = scores["snn_test"], scores["snn_test2"]
    assert first.recall >= 0.89 and first.speaker_accuracy >= 0.875, first.as_dict()
    assert second.recall >= 0.925 and second.speaker_accuracy >= 0.91, second.as_dict()


def test_speaker_names_compare_as_word_sets() -> None:
    assert speaker_matches("المتحدث باسم مجلس الأمن القومي الأمريكي جون كيربي", ["جون كيربي"])
    assert speaker_matches("كيربي", ["جون كيربي"])
    assert speaker_matches("للمصدر نفسه", ["المصدر نفسه"])
    assert not speaker_matches("وزارة الدفاع الروسية", ["وزارة الدفاع الكورية الجنوبية"])
    assert not speaker_matches(None, ["جون كيربي"])


def test_eval_quotes_command_json(shared_dir: Path) -> None:
    import json

    from typer.testing import CliRunner

    from marsad.cli.app import app

    result = CliRunner().invoke(app, ["eval", "quotes", str(GOLD / "seeds.jsonl"), "--json", "--shared", str(shared_dir)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"all", "dev", "held_out", "file:seeds"}
    assert set(data["all"]) >= {"quote_recall", "quote_precision", "speaker_accuracy"}
    assert data["all"] == data["dev"] == data["file:seeds"]
    assert data["held_out"]["gold"] == 0
    assert data["all"]["quote_recall"] >= 0.95


def test_quotes_command_table(shared_dir: Path) -> None:
    from typer.testing import CliRunner

    from marsad.cli.app import app

    result = CliRunner().invoke(app, ["quotes", str(shared_dir / "seeds" / "003_3f40048d4173b7d0.txt")])
    assert result.exit_code == 0, result.output
    assert "واتسون" in result.output
