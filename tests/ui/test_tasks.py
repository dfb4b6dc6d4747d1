"""我的任务 page: join a class by code, see assignments with status, go to a chapter."""

from __future__ import annotations

from catalog.catalog import ContentRoots, load_catalog
from classroom.accounts import create_user, list_accounts
from classroom.assignments import create_assignment
from classroom.classes import create_class
from store.db import Database
from tests.ui.conftest import Open, by_label

CATALOG = load_catalog(ContentRoots.shipped())


def test_a_trainee_joins_with_the_code_and_sees_the_tasks(open_page: Open, app_db: Database) -> None:
    teacher = create_user(app_db, "teacher_a", "张老师", "instructor", "secret-pass-2026")
    info = create_class(app_db, teacher.id, "周末班")
    create_assignment(app_db, CATALOG, info.id, "chapter", "crm-basics-01-customers")
    create_assignment(app_db, CATALOG, info.id, "exam", "starter-mock", max_attempts=2)
    at = open_page("tasks")
    assert at.info[0].value == "你还没有加入任何班级。向老师要班级码，在上方加入。"
    by_label(at.text_input, "班级码").input("WRONG1")
    by_label(at.button, "加入").click().run()
    assert at.error[0].value == "班级码不正确，请向老师确认"
    by_label(at.text_input, "班级码").input(info.code.lower())
    by_label(at.button, "加入").click().run()
    assert at.success[0].value == "已加入班级：周末班"
    lines = [m.value for m in at.markdown]
    assert any("消费者、顾客与客户" in line or "认识客户" in line for line in lines), lines
    assert any("本任务剩余次数：2" in c.value for c in at.caption)
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("tasks_go_"))).click().run()
    assert at.title[0].value == "课程学习"


def test_an_exam_with_no_attempts_left_cannot_be_started(open_page: Open, app_db: Database) -> None:
    from classroom.classes import add_member
    from quizzes import exam

    teacher = create_user(app_db, "teacher_b", "李老师", "instructor", "secret-pass-2026")
    info = create_class(app_db, teacher.id, "周末班")
    create_assignment(app_db, CATALOG, info.id, "exam", "starter-mock", max_attempts=1)
    at = open_page("exam", username="limited")
    trainee_id = next(a.id for a in list_accounts(app_db) if a.username == "limited")
    add_member(app_db, info.id, trainee_id)
    module_of = CATALOG.syllabus.module_of
    attempt = exam.start(app_db, trainee_id, CATALOG.blueprints["starter-mock"], CATALOG.questions, module_of)
    exam.submit(app_db, trainee_id, attempt, CATALOG.blueprints["starter-mock"], CATALOG.questions, module_of)
    at = open_page("exam", username="limited")
    at.selectbox(key="exam_blueprint").set_value("starter-mock").run()
    assert any(c.value == "本任务剩余次数：0" for c in at.caption)
    assert at.button(key="exam_start").disabled


def test_go_opens_the_page_where_the_task_is_done(open_page: Open, app_db: Database) -> None:
    from classroom.classes import add_member

    teacher = create_user(app_db, "teacher_c", "周老师", "instructor", "secret-pass-2026")
    info = create_class(app_db, teacher.id, "周末班")
    create_assignment(app_db, CATALOG, info.id, "practice", "crm-basics-01-customers", goal=5)
    create_assignment(app_db, CATALOG, info.id, "scenario", "angry-caller")
    at = open_page("tasks", username="goer")
    add_member(app_db, info.id, next(a.id for a in list_accounts(app_db) if a.username == "goer"))
    at.run()
    keys = [b.key for b in at.button if b.key and b.key.startswith("tasks_go_")]
    at.button(key=keys[0]).click().run()
    assert at.title[0].value == "练习"
    assert at.radio(key="practice_scope").value == "chapter"
    assert at.selectbox(key="practice_chapter").value == "crm-basics-01-customers"
    at = open_page("tasks", username="goer")
    at.button(key=[b.key for b in at.button if b.key and b.key.startswith("tasks_go_")][1]).click().run()
    assert at.title[0].value == "情景演练" and at.selectbox(key="scenario_pick").value == "angry-caller"
