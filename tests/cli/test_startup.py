"""``marsad --help`` and the commands' start-up: the pipeline is imported only by the commands that run it."""

from __future__ import annotations

import subprocess
import sys


def test_the_command_line_starts_without_the_pipeline() -> None:
    # the commands register (their help is built) without the pipeline, the NER network or the time grammar
    code = ("import sys; from marsad.cli.app import app; "
            "print(sorted(m for m in sys.modules if m in ('marsad.api', 'marsad.pipeline', 'marsad.extract.ner.neural', "
            "'marsad.extract.time.grammar', 'marsad.eval.ner', 'marsad.eval.timex')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"
