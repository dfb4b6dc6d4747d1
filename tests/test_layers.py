"""The package graph runs one way: a package imports only packages below it (README, 目录)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Lowest first. A package may import itself and the packages listed before it, never one after it.
LAYERS = (
    "store",  # tables, engine, migrations
    "source",  # YAML with line numbers, the base content model, problem reports
    "grading",  # text, concepts, rule engine, signing
    "courseware",  # chapters, reading progress
    "quizzes",  # questions, blueprints, practice, exams
    "scenarios",  # scenario models, runner, stored runs
    "progress",  # a trainee's figures, one definition for every page and rule
    "interop",  # question-bank formats, papers, certificate PDF
    "classroom",  # accounts, classes, assignments, groups, live quizzes, role-play, reports
    "certification",  # requirements, final exam, certificates (orchestrates exams and scenarios)
    "catalog",  # loading the whole course, the syllabus, the command line
    "actions",  # one function per user action: access control, rules, one transaction
    "ui",  # Streamlit pages and widgets
)
RANK = {name: n for n, name in enumerate(LAYERS)}

# Known exceptions, each with the reason it is still there.
ALLOWED: set[tuple[str, str]] = set()  # known exceptions, each with its reason; none now


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(tree: ast.AST) -> list[str]:
    """Modules a file imports when it runs (imports only for type checkers are left out)."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                found.extend(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append(child.module)
                found.extend(f"{child.module}.{alias.name}" for alias in child.names)
            visit(child)

    visit(tree)
    return found


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def violations() -> list[str]:
    bad = []
    files = [ROOT / "app.py"] + [p for name in LAYERS for p in (ROOT / name).rglob("*.py")]
    for path in files:
        if "migrations" in path.parts:
            continue
        importer = "ui" if path.name == "app.py" else module_name(path)
        own = importer.split(".")[0]
        for imported in runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            top = imported.split(".")[0]
            if top not in RANK or top == own or RANK[top] < RANK[own]:
                continue
            if any(imported == b or imported.startswith(b + ".") for a, b in ALLOWED if a == importer):
                continue
            bad.append(f"{path.relative_to(ROOT)}: {own} imports {imported} (above it)")
    return sorted(set(bad))


def test_no_package_imports_one_above_it() -> None:
    assert violations() == []


def test_every_package_has_a_layer() -> None:
    # tools above every layer: the benchmarks, and the fitting of models the app reads as data
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "benchmarks", "training"}
    assert packages <= set(RANK), packages - set(RANK)


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "import store.db\n"
        "if TYPE_CHECKING:\n    from catalog.catalog import Catalog\n"
        "def f():\n    from actions import study\n"
    )
    assert runtime_imports(tree) == ["typing", "typing.TYPE_CHECKING", "store.db", "actions", "actions.study"]
