"""Scoring of objective and keyword-rubric answers, with malformed answers kept apart as invalid."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from grading.text import squeeze
from quizzes.models import (
    AnyQuestion,
    CaseAnalysis,
    ChoiceBase,
    Fill,
    Judge,
    MultipleChoice,
    ShortAnswer,
    SingleChoice,
)

Status = Literal["correct", "partial", "wrong", "invalid", "review"]
SHORT_AUTO_ACCEPT = 0.8
SHORT_MIN_CHARS = 4


@dataclass(frozen=True)
class Score:
    """A graded answer: score is None when a person must grade it; invalid answers cost nothing."""

    status: Status
    score: float | None
    possible: float
    message: str = ""
    matched: tuple[str, ...] = ()
    parts: tuple[Score, ...] = field(default=())

    @property
    def fraction(self) -> float | None:
        """Score as a part of 1, or None."""
        if self.score is None or self.possible == 0:
            return None
        return self.score / self.possible

    def to_dict(self) -> dict[str, Any]:
        """Plain data for storage."""
        return {
            "status": self.status,
            "score": self.score,
            "possible": self.possible,
            "message": self.message,
            "matched": list(self.matched),
            "parts": [p.to_dict() for p in self.parts],
        }


def invalid(possible: float, message: str) -> Score:
    """An answer in the wrong format: not wrong, just not gradable."""
    return Score("invalid", None, possible, message)


def grade(question: AnyQuestion, response: Any, possible: float = 1.0) -> Score:
    """Grade one response against its question, scaled to `possible`."""
    if isinstance(question, SingleChoice):
        return _single(question, response, possible)
    if isinstance(question, MultipleChoice):
        return _multiple(question, response, possible)
    if isinstance(question, Judge):
        return _judge(question, response, possible)
    if isinstance(question, Fill):
        return _fill(question, response, possible)
    if isinstance(question, ShortAnswer):
        return _short(question, response, possible)
    return _case(question, response, possible)


def _letters(question: ChoiceBase, response: Any) -> list[str] | None:
    items = [response] if isinstance(response, str) else response
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        return None
    letters = [i.strip().upper() for i in items]
    if not letters or not all(question.letter_ok(x) for x in letters):
        return None
    return letters


def _single(q: SingleChoice, response: Any, possible: float) -> Score:
    letters = _letters(q, response)
    if letters is None or len(letters) != 1:
        return invalid(possible, "请选择一个选项")
    ok = letters[0] == q.answer
    return Score("correct" if ok else "wrong", possible if ok else 0.0, possible)


def _multiple(q: MultipleChoice, response: Any, possible: float) -> Score:
    letters = _letters(q, response)
    if letters is None:
        return invalid(possible, "请至少选择一个选项")
    if len(letters) < 2:
        return invalid(possible, "多选题至少要选两个选项")
    # As in the national exam: any missing or extra option scores nothing.
    ok = set(letters) == set(q.answer)
    return Score("correct" if ok else "wrong", possible if ok else 0.0, possible)


def _judge(q: Judge, response: Any, possible: float) -> Score:
    if not isinstance(response, bool):
        return invalid(possible, "请判断对或错")
    ok = response == q.answer
    return Score("correct" if ok else "wrong", possible if ok else 0.0, possible)


def _fill(q: Fill, response: Any, possible: float) -> Score:
    if isinstance(response, str):
        response = [response]
    if not isinstance(response, list | tuple) or not all(isinstance(r, str) for r in response):
        return invalid(possible, "请在每个空中填写文字")
    if len(response) != len(q.answer) or any(not squeeze(r) for r in response):
        return invalid(possible, f"本题有 {len(q.answer)} 个空，请全部填写")
    hits = sum(
        squeeze(given) in {squeeze(a) for a in accepted} for given, accepted in zip(response, q.answer, strict=True)
    )
    score = possible * hits / len(q.answer)
    status: Status = "correct" if hits == len(q.answer) else "partial" if hits else "wrong"
    return Score(status, score, possible)


def _short(q: ShortAnswer, response: Any, possible: float) -> Score:
    if not isinstance(response, str) or not squeeze(response):
        return invalid(possible, "请写下你的回答")
    text = squeeze(response)
    total = sum(g.weight for g in q.rubric)
    matched = [g for g in q.rubric if any(squeeze(p) in text for p in g.any)]
    fraction = sum(g.weight for g in matched) / total
    labels = tuple(g.label for g in matched)
    if len(text) < SHORT_MIN_CHARS or fraction >= SHORT_AUTO_ACCEPT or not matched:
        status: Status = "correct" if fraction >= SHORT_AUTO_ACCEPT else "partial" if matched else "wrong"
        return Score(status, round(possible * fraction, 2), possible, "", labels)
    # Partly matched free text: the rubric is unsure, so an instructor decides.
    return Score("review", None, possible, f"关键词命中约 {fraction:.0%},待教师评分", labels)


def _case(q: CaseAnalysis, response: Any, possible: float) -> Score:
    if not isinstance(response, dict):
        return invalid(possible, "请回答案例下的每个小题")
    each = possible / len(q.questions)
    parts = tuple(grade(sub, response.get(sub.id), each) for sub in q.questions)
    if any(p.status == "invalid" for p in parts):
        return Score("invalid", None, possible, "案例中还有小题未作答或格式不对", parts=parts)
    if any(p.score is None for p in parts):
        return Score("review", None, possible, "含待教师评分的小题", parts=parts)
    score = sum(p.score or 0.0 for p in parts)
    status: Status = "correct" if score >= possible - 1e-9 else "partial" if score > 0 else "wrong"
    return Score(status, score, possible, parts=parts)
