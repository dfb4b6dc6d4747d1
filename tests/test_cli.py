"""The command line: validate exits non-zero on problems; stats prints the coverage JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from catalog.cli import app
from tests.conftest import FIXTURE_COURSE

runner = CliRunner()


def test_validate_passes_on_the_shipped_course() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "检查通过" in result.output


def test_validate_lists_each_problem_and_fails() -> None:
    result = runner.invoke(app, ["validate", "--content", str(FIXTURE_COURSE)])
    assert result.exit_code == 1
    assert "unknown-point.yaml:10: questions.0.points: " in result.output
    assert "unknown-goto.yaml:143: nodes.opening.next.1.goto: " in result.output


def test_stats_json_has_the_documented_shape() -> None:
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert {"points", "questions", "scenarios", "chapters"} <= set(data)
    assert len(data["points"]) == 216
    assert set(next(iter(data["points"].values()))) == {"sections", "questions", "scenarios"}


def test_init_creates_demo_accounts(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CMA_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    result = runner.invoke(app, ["init", "--demo"])
    assert result.exit_code == 0, result.output
    assert "demo_trainee" in result.output


def test_tidy_fixes_punctuation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    md = tmp_path / "a.md"
    md.write_text("客户,顾客:谁?", encoding="utf-8")
    runner.invoke(app, ["tidy", str(md)])
    assert md.read_text(encoding="utf-8") == "客户\uff0c顾客\uff1a谁\uff1f"
