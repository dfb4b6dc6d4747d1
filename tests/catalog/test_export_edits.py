"""`cma export-edits`: the questions edited in the app, as a bank file the loader reads back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actions import versions
from catalog.catalog import Catalog, ContentRoots, load_catalog
from catalog.cli import app
from classroom.accounts import get_account
from quizzes.models import SingleChoice
from store.db import Database
from tests.classroom.helpers import make_users


def test_export_edits_writes_the_edited_questions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Catalog
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("CMA_DATABASE_URL", url)
    db = Database(url)
    runner = CliRunner()
    empty = runner.invoke(app, ["export-edits"])
    assert empty.exit_code == 1 and "没有修改过的题目" in empty.output
    admin = get_account(db, make_users(db, 1, "admin", "admin")[0])
    q = next(x for x in shipped.questions.values() if isinstance(x, SingleChoice))
    versions.edit_question(db, admin, shipped, q.id, 1, {"explanation": q.explanation + "（已核对）"})
    out = tmp_path / "banks" / "edits.yaml"
    out.parent.mkdir()
    result = runner.invoke(app, ["export-edits", "--out", str(out)])
    assert result.exit_code == 0, result.output
    loaded = load_catalog(dataclasses.replace(ContentRoots.shipped(), banks=out.parent), cache=False)
    assert list(loaded.questions) == [q.id]
    assert loaded.questions[q.id].explanation.endswith("（已核对）")
    assert f"原在 {shipped.question_bank[q.id]}" in out.read_text(encoding="utf-8")
