"""The question-type registry: one entry per type says how it is graded, which answer widget it uses, how its
key reads, and which exchange formats can carry it. A new type is added here (and in quizzes/models.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from quizzes.models import AnyQuestion, QuestionType
from quizzes.scoring import (
    Score,
    grade_case,
    grade_fill,
    grade_judge,
    grade_multiple,
    grade_short,
    grade_single,
    grade_skill,
)

Widget = Literal["single", "multiple", "judge", "blanks", "text", "case", "skill"]
Format = Literal["gift", "moodle-xml", "xlsx"]
FORMATS: tuple[Format, ...] = ("gift", "moodle-xml", "xlsx")
Grader = Callable[[Any, Any, float], Score]


@dataclass(frozen=True)
class Kind:
    """What the app does with one question type."""

    type: QuestionType
    grade: Grader  # (question, response, possible) -> Score
    widget: Widget  # the answer input the page draws
    options: bool  # lettered options, shuffled per attempt
    unsupported: dict[Format, str]  # formats that cannot carry the type, with the reason shown on export


KINDS: dict[str, Kind] = {
    "single": Kind("single", grade_single, "single", True, {}),
    "multiple": Kind("multiple", grade_multiple, "multiple", True, {}),
    "judge": Kind("judge", grade_judge, "judge", False, {}),
    "fill": Kind("fill", grade_fill, "blanks", False, {}),
    "short": Kind("short", grade_short, "text", False, {}),
    "case": Kind(
        "case",
        grade_case,
        "case",
        False,
        {
            "gift": "案例分析题在 GIFT 中没有对应题型",
            "moodle-xml": "案例分析题在 Moodle XML 中没有对应题型",
            "xlsx": "案例分析题无法放进一行",
        },
    ),
    "skill": Kind(
        "skill",
        grade_skill,
        "skill",
        False,
        {
            "gift": "专业能力题的逐点评分要点在 GIFT 中没有对应题型",
            "moodle-xml": "专业能力题的逐点评分要点在 Moodle XML 中没有对应题型",
            "xlsx": "专业能力题的案例与逐点分值无法放进一行",
        },
    ),
}


def kind_of(question: AnyQuestion | Any) -> Kind:
    """The registry entry of a question (sub-questions of a case included)."""
    return KINDS[question.type]


def export_problem(question: AnyQuestion, fmt: Format) -> str | None:
    """Why a format cannot carry this question, or None when it can."""
    kind = kind_of(question)
    if fmt in kind.unsupported:
        return kind.unsupported[fmt]
    if question.type == "fill" and fmt != "xlsx" and len(question.answer) != 1:
        return "多空填空题没有对应题型（可改用 Moodle 的完形题）"
    return None


def key_letters(question: AnyQuestion) -> list[str]:
    """The bank letters of the key of a choice question; [] for other types."""
    if question.type == "single":
        return [question.answer]
    if question.type == "multiple":
        return list(question.answer)
    return []
