"""Exam flags (标记) are stored with the attempt."""

from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from classroom.accounts import create_user
from quizzes import exam
from store.db import Database


@pytest.fixture
def sitting(db: Database, shipped: Catalog) -> tuple[int, int, list[str]]:
    user = create_user(db, "flagger", "标记者", "trainee", "secret-pass-2026").id
    bp = shipped.blueprints["starter-mock"]
    attempt = exam.start(db, user, bp, shipped.questions, shipped.syllabus.module_of, seed=7)
    return user, attempt, [p.question_id for p in exam.load(db, user, attempt).paper]


def test_flags_are_set_idempotently_and_read_back_with_the_attempt(db: Database, sitting) -> None:  # type: ignore[no-untyped-def]
    user, attempt, paper = sitting
    assert exam.load(db, user, attempt).flags == frozenset()
    assert exam.set_flag(db, user, attempt, paper[0], True) == {paper[0]}
    assert exam.set_flag(db, user, attempt, paper[0], True) == {paper[0]}  # twice (two windows): still one
    exam.set_flag(db, user, attempt, paper[4], True)
    assert exam.set_flag(db, user, attempt, paper[0], False) == {paper[4]}
    assert exam.set_flag(db, user, attempt, paper[0], False) == {paper[4]}
    assert exam.load(db, user, attempt).flags == {paper[4]}


def test_flags_are_refused_off_the_paper_for_others_and_after_hand_in(
    db: Database,
    sitting,
    shipped: Catalog,  # type: ignore[no-untyped-def]
) -> None:
    user, attempt, paper = sitting
    other = create_user(db, "other", "别人", "trainee", "secret-pass-2026").id
    off_paper = next(q for q in shipped.questions if q not in paper)
    with pytest.raises(exam.ExamError):
        exam.set_flag(db, user, attempt, off_paper, True)
    with pytest.raises(exam.ExamError):
        exam.set_flag(db, other, attempt, paper[0], True)
    exam.set_flag(db, user, attempt, paper[1], True)
    bp = shipped.blueprints["starter-mock"]
    exam.submit(db, user, attempt, bp, shipped.questions, shipped.syllabus.module_of)
    with pytest.raises(exam.ExamError):
        exam.set_flag(db, user, attempt, paper[2], True)
    assert exam.load(db, user, attempt).flags == {paper[1]}  # kept for the record
