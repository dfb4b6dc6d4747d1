"""Pages and widgets reach the database only through actions: they import no function of a domain package
that takes the database, and never open a session themselves."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOMAINS = {
    "store",
    "source",
    "grading",
    "courseware",
    "quizzes",
    "scenarios",
    "progress",
    "interop",
    "classroom",
    "certification",
    "catalog",
}
# Signing in and first-run set-up are the frame's own business (accounts before there is an actor).
SIGN_IN = {"ui/auth.py", "ui/pages/sign_in.py"}


def ui_files() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py"))]


def takes_the_database(obj: object) -> bool:
    if inspect.ismodule(obj):
        return any(
            takes_the_database(member)
            for _, member in inspect.getmembers(obj, inspect.isfunction)
            if member.__module__ == obj.__name__
        )
    if not inspect.isfunction(obj):
        return False
    return "db" in inspect.signature(obj).parameters


def offenders(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in DOMAINS:
            module = importlib.import_module(node.module)
            for alias in node.names:
                target = getattr(module, alias.name, None)
                if target is None:
                    target = importlib.import_module(f"{node.module}.{alias.name}")
                if takes_the_database(target):
                    found.append(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            found.extend(a.name for a in node.names if a.name.split(".")[0] in DOMAINS and a.name != "store.db")
        elif isinstance(node, ast.Attribute) and (
            node.attr == "session"
            or (node.attr == "current" and isinstance(node.value, ast.Name) and node.value.id == "db")
        ):
            found.append(f".{node.attr}(")
    return found


def test_pages_call_only_actions() -> None:
    bad = {
        str(p.relative_to(ROOT)): offenders(p)
        for p in ui_files()
        if str(p.relative_to(ROOT)) not in SIGN_IN and offenders(p)
    }
    assert bad == {}


def test_the_check_sees_a_domain_call() -> None:
    assert takes_the_database(importlib.import_module("quizzes.exam").start)
    assert takes_the_database(importlib.import_module("classroom.live"))
    assert not takes_the_database(importlib.import_module("classroom.roleplay").customer_lines)
