"""A trainee's figures have one definition: the home page, the instructor's table, the class dashboard and the
certification requirements read the same numbers."""

from __future__ import annotations

from sqlalchemy import select

from catalog.catalog import Catalog
from certification import final
from classroom.accounts import get_account
from classroom.classes import add_member, create_class
from classroom.dashboard import class_view
from classroom.manual import grade_practice_answer
from classroom.reports import trainee_summaries
from courseware.progress import mark
from progress.figures import figures, figures_of
from quizzes import exam
from quizzes.practice import answer_question
from scenarios.sessions import start_run
from store.db import Database
from store.tables import Answer, ScenarioRun, utcnow
from tests.classroom.helpers import make_users


def busy_trainee(db: Database, course: Catalog) -> int:
    (uid,) = make_users(db, 1, "fig")
    sections = list(course.sections)
    mark(db, uid, sections[0], "done")
    mark(db, uid, sections[1], "opened")
    mark(db, uid, "no-longer-in-the-course", "done")
    q1, q2 = course.questions["crm-basics.q001"], course.questions["crm-basics.q002"]
    answer_question(db, uid, q1, "C", "practice")  # right
    answer_question(db, uid, q2, True, "check")  # right; a section check counts as practice too
    answer_question(db, uid, q1, "A", "practice")  # wrong
    short = next(q for q in course.questions.values() if q.type == "short")
    answer_question(db, uid, short, "客户满意度是顾客对服务的感受。", "practice")  # waits for a person
    bp = course.blueprints["starter-mock"]
    exam.start(db, uid, bp, course.questions, course.syllabus.module_of, seed=1)  # open: not counted
    done = exam.start(db, uid, bp, course.questions, course.syllabus.module_of, seed=2)
    exam.submit(db, uid, done, bp, course.questions, course.syllabus.module_of)
    start_run(db, uid, "late-birthday-cake")  # unfinished: not counted
    finished = start_run(db, uid, "late-birthday-cake")
    with db.session() as s:
        row = s.get(ScenarioRun, finished)
        assert row is not None
        row.finished_at, row.total = utcnow(), 70.0
    return uid


def test_the_figures_count_what_they_say(db: Database, shipped: Catalog) -> None:
    uid = busy_trainee(db, shipped)
    mine = figures(db, uid, shipped.sections)
    assert mine.sections_read == 1  # opened is not read; a section gone from the course is not counted
    assert figures(db, uid).sections_read == 2  # without the course, every section marked read
    assert (mine.answers, mine.correct) == (4, 2)
    assert mine.exams == 1 and mine.runs == 1
    short = next(q for q in shipped.questions.values() if q.type == "short")
    with db.session() as s:
        row = s.scalar(select(Answer).where(Answer.user_id == uid, Answer.question_id == short.id))
        assert row is not None and (row.score or 0) < row.possible  # short of full marks: not correct
        pending, possible = row.id, row.possible
    grade_practice_answer(db, pending, possible)  # a manual full score wins over the automatic one
    assert figures(db, uid, shipped.sections).correct == 3
    assert figures_of(db, []) == {}


def test_home_instructor_dashboard_and_certification_agree(db: Database, shipped: Catalog) -> None:
    uid = busy_trainee(db, shipped)
    mine = figures(db, uid, shipped.sections)
    account = get_account(db, uid)
    assert account is not None
    (row,) = trainee_summaries(db, [account], shipped.sections)
    assert (row.sections_done, row.answered, row.accuracy, row.runs_finished) == (
        mine.sections_read,
        mine.answers,
        mine.accuracy,
        mine.runs,
    )
    (teacher,) = make_users(db, 1, "fig_teacher", "instructor")
    info = create_class(db, teacher, "对照班")
    add_member(db, info.id, uid)
    view = class_view(db, shipped, info.id)
    assert view.answered[uid] == mine.answers and view.accuracy[uid] == mine.accuracy
    checks = {c.label: c for c in final.requirement_checks(db, shipped, final.load_rules(), uid)}
    assert checks["练习答题数"].have == str(mine.answers)
    assert checks["练习正确率"].have == f"{mine.accuracy or 0:.0%}"
    assert checks["阅读课程小节"].have == f"{mine.sections_read / len(shipped.sections):.0%}"
