"""A careless author's edits: one bad question costs only itself; a key written twice is an error."""

from __future__ import annotations

from pathlib import Path

from catalog.catalog import ContentRoots, load_catalog

GOOD = """  - id: iso.q{n}
    type: judge
    stem: 第 {n} 道判断题的题干。
    answer: true
    explanation: 第 {n} 道题的解析。
    points: [crm-basics.customer-vs-consumer]
"""


def _course(tmp_path: Path, bank: str) -> ContentRoots:
    for folder in ("chapters", "banks", "blueprints", "scenarios"):
        (tmp_path / folder).mkdir()
    (tmp_path / "banks" / "iso.yaml").write_text(bank, encoding="utf-8")
    return ContentRoots.under(tmp_path)


def test_an_unknown_point_drops_only_that_question(tmp_path: Path) -> None:
    bad = GOOD.format(n=2).replace("crm-basics.customer-vs-consumer", "no-such.point")
    bank = "schema_version: 1\nid: iso\ntitle: 隔离\nquestions:\n" + GOOD.format(n=1) + bad + GOOD.format(n=3)
    cat = load_catalog(_course(tmp_path, bank))
    assert {"iso.q1", "iso.q3"} <= set(cat.questions)
    assert "iso.q2" not in cat.questions
    problem = next(p for p in cat.problems if p.file.endswith("iso.yaml"))
    assert problem.line == 16 and problem.field == "questions.1.points", problem


def test_a_key_written_twice_is_an_error_with_its_line(tmp_path: Path) -> None:
    twice = GOOD.format(n=1).replace("    answer: true\n", "    answer: true\n    answer: false\n")
    bank = "schema_version: 1\nid: iso\ntitle: 隔离\nquestions:\n" + twice
    cat = load_catalog(_course(tmp_path, bank))
    assert "iso.q1" not in cat.questions
    assert any(p.line == 9 and "写了两次" in p.message for p in cat.problems), cat.problems


def test_a_broken_file_header_is_reported_and_its_questions_not_served(tmp_path: Path) -> None:
    bank = "schema_version: 9\nid: iso\ntitle: 隔离\nquestions:\n" + GOOD.format(n=1)
    cat = load_catalog(_course(tmp_path, bank))
    assert "iso.q1" not in cat.questions
    assert any(p.field == "schema_version" and p.line == 1 for p in cat.problems), cat.problems
