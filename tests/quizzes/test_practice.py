"""Practice answers are graded and written at once; invalid ones are not stored."""

from __future__ import annotations

from catalog.catalog import Catalog
from classroom.accounts import create_user
from quizzes.practice import answer_question, answers_of, tally_by
from store.db import Database


def test_answers_are_stored_when_given(db: Database, shipped: Catalog) -> None:
    user = create_user(db, "learner", "学员甲", "trainee", "secret-pass-2026")
    q = shipped.questions["crm-basics.q001"]
    assert answer_question(db, user.id, q, "C", "practice").status == "correct"
    assert answer_question(db, user.id, q, "A", "practice").status == "wrong"
    assert answer_question(db, user.id, q, "Z", "practice").status == "invalid"
    stored = answers_of(db, user.id)
    assert [(a.question_id, a.status, a.fraction) for a in stored] == [
        ("crm-basics.q001", "correct", 1.0),
        ("crm-basics.q001", "wrong", 0.0),
    ]


def test_tally_groups_answers(db: Database, shipped: Catalog) -> None:
    user = create_user(db, "learner", "学员甲", "trainee", "secret-pass-2026")
    answer_question(db, user.id, shipped.questions["crm-basics.q001"], "C", "practice")
    answer_question(db, user.id, shipped.questions["service-delivery.q001"], "A", "practice")
    key = {qid: [shipped.syllabus.module_of[q.points[0]]] for qid, q in shipped.questions.items()}
    tally = tally_by(answers_of(db, user.id), key)
    assert tally["crm-basics"].accuracy == 1.0
    assert tally["service-delivery"].accuracy == 0.0
