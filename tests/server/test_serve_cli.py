"""``marsad serve``'s checks before it starts a server."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from marsad.cli.app import app as cli


def test_serve_without_a_store_is_one_error_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no store at" in result.output and len(result.output.strip().splitlines()) == 1


def test_serve_rejects_a_bad_port(tmp_path: Path) -> None:
    assert CliRunner().invoke(cli, ["serve", "--port", "70000"]).exit_code == 2
