"""报错/纠错: a report reaches the queue of the trainee's instructor with the item's statistics, the reply
reaches the reporter, and nobody else's queue or reply box."""

from __future__ import annotations

import pytest

from actions import feedback
from actions.refusals import Invalid, NotAllowed, NotFound
from store.db import Database
from tests.actions.conftest import SCENARIO, School


def test_report_queue_reply_seen(db: Database, school: School) -> None:
    w = school
    qid = next(q.id for q in w.course.questions.values() if q.type == "single")
    t2 = w.actor("t2")
    rid = feedback.report_problem(db, t2, w.course, "question", qid, "wrong_key", "我认为答案应为 B")
    again = feedback.report_problem(db, t2, w.course, "question", qid, "unclear", "题干也不清楚")
    assert again == rid  # one open report per trainee and item; the note is updated

    queue = feedback.problem_queue(db, w.actor("teacher_a"), w.course)
    item = next(q for q in queue if q.item_id == qid)
    assert [(r.category, r.note, r.reporter) for r in item.reports] == [("unclear", "题干也不清楚", w.t2.display_name)]
    assert all(q.item_id != qid for q in feedback.problem_queue(db, w.actor("teacher_b"), w.course))

    with pytest.raises(NotAllowed):
        feedback.answer_report(db, w.actor("teacher_b"), rid, "resolved", "已改")
    with pytest.raises(Invalid):
        feedback.answer_report(db, w.actor("teacher_a"), rid, "resolved", "   ")
    feedback.answer_report(db, w.actor("teacher_a"), rid, "resolved", "谢谢，答案已改为 B")
    with pytest.raises(Invalid):  # handled once only
        feedback.answer_report(db, w.actor("admin"), rid, "rejected", "不改")

    (mine,) = [r for r in feedback.my_reports(db, t2) if r.id == rid]
    assert (mine.status, mine.reply) == ("resolved", "谢谢，答案已改为 B") and mine.handled_at is not None
    assert all(r.id != rid for r in feedback.my_reports(db, w.actor("t3")))
    queue = feedback.problem_queue(db, w.actor("teacher_a"), w.course)
    assert all(r.id != rid for q in queue for r in q.reports)  # handled reports leave the queue


def test_bad_reports_are_refused(db: Database, school: School) -> None:
    w = school
    t2 = w.actor("t2")
    qid = next(iter(w.course.questions))
    with pytest.raises(NotFound):
        feedback.report_problem(db, t2, w.course, "question", "no.such.question", "typo", "")
    with pytest.raises(Invalid):
        feedback.report_problem(db, t2, w.course, "question", qid, "spam", "")
    with pytest.raises(Invalid):
        feedback.report_problem(db, t2, w.course, "question", qid, "typo", "长" * 501)
    with pytest.raises(NotAllowed):  # someone else's run
        feedback.report_problem(db, t2, w.course, "turn", SCENARIO, "unfair", "", w.run, 0)
    with pytest.raises(NotFound):  # a line that was never said
        feedback.report_problem(db, w.actor("t1"), w.course, "turn", SCENARIO, "unfair", "", w.run, 0)


def test_a_question_on_an_open_paper_cannot_be_reported(db: Database, school: School) -> None:
    from quizzes.exam import open_paper_questions

    w = school
    qid = next(iter(open_paper_questions(db, w.t1.id)))
    with pytest.raises(NotAllowed):
        feedback.report_problem(db, w.actor("t1"), w.course, "question", qid, "typo", "")
