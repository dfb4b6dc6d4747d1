"""The loader reports every bad file with file, line and field, and serves the rest."""

from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.syllabus import load_syllabus


def problems_of(catalog: Catalog, name: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.field, p.message) for p in catalog.problems if p.file.endswith(name)]


def test_good_files_are_served_despite_bad_neighbours(fixture_catalog: Catalog) -> None:
    assert "late-birthday-cake" in fixture_catalog.scenarios
    assert "starter-mock" in fixture_catalog.blueprints
    assert "crm-basics.q001" in fixture_catalog.questions
    assert {c.id for c in fixture_catalog.chapters} >= {"crm-basics-01-customers", "service-delivery-01-crisis"}


@pytest.mark.parametrize(
    ("name", "line", "field", "message"),
    [
        ("banks/duplicate-id.yaml", 11, "questions.1.id", "fixture.dup"),
        ("banks/yaml-syntax-error.yaml", 8, "(yaml)", "YAML 语法错误"),
        ("banks/unknown-point.yaml", 10, "questions.0.points", "no-such.point"),
        ("banks/answer-not-an-option.yaml", 5, "questions.0", "不是有效的选项字母"),
        ("banks/missing-explanation.yaml", 5, "questions.0.explanation", "缺少必填字段"),
        ("chapters/missing-front-matter.md", 1, "(front matter)", "---"),
        ("chapters/heading-without-id.md", 16, "(heading)", "{#节编号}"),
        ("chapters/unknown-figure.md", 17, "sections.figure-section", "no-such-figure"),
        ("blueprints/unknown-module.yaml", 9, "module_weights.no-such-module", "no-such-module"),
        ("blueprints/total-mismatch.yaml", 1, "(root)", "与总分 100 不符"),
        ("scenarios/unknown-goto.yaml", 128, "nodes.opening.next.1.goto", "no-such-node"),
        ("scenarios/unknown-concept.yaml", 90, "nodes.opening.turn.expects.1.acts", "flattery"),
        ("scenarios/unknown-variable.yaml", 602, "nodes.callback.next.1.when", "anger"),
        ("scenarios/unreachable-node.yaml", 627, "nodes.orphan", "无法到达"),
    ],
)
def test_each_fault_is_reported_with_file_line_and_field(
    fixture_catalog: Catalog, name: str, line: int, field: str, message: str
) -> None:
    found = problems_of(fixture_catalog, name)
    assert any(ln == line and f == field and message in m for ln, f, m in found), found


def test_problem_prints_as_file_line_field_message(fixture_catalog: Catalog) -> None:
    text = str(next(p for p in fixture_catalog.problems if p.file.endswith("unknown-point.yaml")))
    assert text.startswith("tests/fixtures/course/banks/unknown-point.yaml:10: questions.0.points: ")


def test_bad_items_and_files_contribute_nothing(fixture_catalog: Catalog) -> None:
    assert "fixture.unknown-point" not in fixture_catalog.questions
    # of two questions with one id, the first is served and the second reported
    assert fixture_catalog.questions["fixture.dup"].stem == "第一题。"
    assert "unknown-module" not in fixture_catalog.blueprints
    assert not any(s.startswith("fx-") for s in fixture_catalog.scenarios)
    assert "heading-without-id" not in {c.id for c in fixture_catalog.chapters}


def test_stats_count_coverage_per_point(fixture_catalog: Catalog) -> None:
    stats = fixture_catalog.stats()
    point = stats["points"]["crm-basics.customer-vs-consumer"]
    assert point["sections"] == 1
    assert point["questions"] >= 4
    assert stats["points"]["service-delivery.apology-techniques"]["scenarios"] == 1
    assert set(stats["points"]) == set(load_syllabus().points)
