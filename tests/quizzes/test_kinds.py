"""The question-type registry: every type has one entry, and behaviour is looked up there, not by class checks."""

from __future__ import annotations

import re
import typing
from pathlib import Path

from catalog.catalog import PACKAGE_ROOT, Catalog
from interop.banks import export
from interop.paper import lines_for
from quizzes.kinds import FORMATS, KINDS, export_problem
from quizzes.models import AnyQuestion, QuestionType, SkillItem

CLASS_CHECK = re.compile(
    r"isinstance\([^)]*\b(SingleChoice|MultipleChoice|Judge|Fill|ShortAnswer|CaseAnalysis|SkillItem)\b"
)
DISPATCHERS = ["ui", "interop", "grading", "classroom", "quizzes/exam.py", "quizzes/practice.py"]


def test_every_question_type_has_one_registry_entry() -> None:
    types = set(typing.get_args(QuestionType))
    assert set(KINDS) == types
    models = {typing.get_args(m.model_fields["type"].annotation)[0] for m in typing.get_args(AnyQuestion)}
    assert models == types
    assert all(kind.type == name for name, kind in KINDS.items())


def test_type_behaviour_is_not_dispatched_by_class_checks() -> None:
    found = []
    for target in DISPATCHERS:
        path = PACKAGE_ROOT / target
        for file in [path] if path.is_file() else sorted(Path(path).rglob("*.py")):
            for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                if CLASS_CHECK.search(line):
                    found.append(f"{file.relative_to(PACKAGE_ROOT)}:{number}")
    assert found == []


def test_formats_that_cannot_carry_a_type_say_why() -> None:
    skill = SkillItem.model_validate(
        {
            "type": "skill",
            "id": "s.k",
            "form": "short",
            "points": ["crm-basics.customer-vs-consumer"],
            "stem": "简述顾客与客户的区别。",
            "score": 6,
            "answer": "参考答案",
            "explanation": "说明",
            "marking": [{"label": f"要点{i}", "score": 2, "any": [f"词{i}"]} for i in range(3)],
        }
    )
    assert all(export_problem(skill, fmt) for fmt in FORMATS)
    for fmt in FORMATS:
        _, notes = export([skill], fmt)
        assert notes == [f"s.k：{export_problem(skill, fmt)}，未导出"]


def test_a_printed_skills_paper_has_room_to_write_and_a_key_with_the_marking(fixture_catalog: Catalog) -> None:
    bp = fixture_catalog.blueprints["skills-paper"]
    module_of = fixture_catalog.syllabus.module_of
    paper = lines_for(bp, fixture_catalog.questions, module_of, 3, with_key=False)
    key = lines_for(bp, fixture_catalog.questions, module_of, 3, with_key=True)
    assert sum(line.style == "space" for line in paper) >= 5 * 12
    assert sum(line.text.startswith("评分要点：") for line in key) >= 5 * 3
    assert not any(line.text.startswith("评分要点：") for line in paper)
