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
# The frame's own business: the browser session (cookie, token, the account it names) read on every rerun.
SIGN_IN = {"ui/auth.py"}
# Process-wide resources, started once per server process with no user: the exam-deadline sweep.
FRAME = {"ui/resources.py"}


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
        if str(p.relative_to(ROOT)) not in SIGN_IN | FRAME and offenders(p)
    }
    assert bad == {}


def test_the_check_sees_a_domain_call() -> None:
    assert takes_the_database(importlib.import_module("quizzes.exam").start)
    assert takes_the_database(importlib.import_module("classroom.live"))
    assert not takes_the_database(importlib.import_module("classroom.roleplay").customer_lines)


def test_page_paths_are_listed_once_in_the_route_table() -> None:
    mentions = [
        str(p.relative_to(ROOT))
        for p in [*ui_files(), *(ROOT / "benchmarks").glob("*.py")]
        if "ui/pages/" in p.read_text(encoding="utf-8")
    ]
    assert mentions == ["ui/routes.py"]


def test_pages_write_no_other_pages_widget_keys() -> None:
    """A page keeps its own keys (prefixed with its name); it hands over to another page by the route table."""
    bad = []
    for path in sorted((ROOT / "ui" / "pages").glob("*.py")):
        page = path.stem
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Subscript)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "session_state"
                and isinstance(node.slice, ast.Constant)
                and not str(node.slice.value).startswith(page)
            ):
                bad.append(f"{page}: {node.slice.value}")
    assert bad == []
