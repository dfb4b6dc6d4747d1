"""Streamlit's magic rewrites bare expressions on page files; a conditional expression used as a statement breaks
it in a real server (AppTest does not show this), so pages must not contain one."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


def test_no_page_uses_a_conditional_expression_as_a_statement() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.IfExp):
                offenders.append(f"{path.relative_to(UI.parent)}:{node.lineno}")
    assert offenders == []
