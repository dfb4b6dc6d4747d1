"""Instructor pages as a picky instructor uses them: two tasks on one chapter, a trainee joining while the
page is open, a second live quiz, deleting a task, a wrong live answer, and tables without raw values."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta

import pandas as pd
from streamlit.testing.v1 import AppTest

from catalog.catalog import ContentRoots, load_catalog
from classroom import live
from classroom.accounts import list_accounts
from classroom.assignments import assignments_of, create_assignment
from classroom.classes import add_member, create_class, join_class
from store.db import Database
from store.tables import User
from tests.ui.conftest import Open, by_label

CATALOG = load_catalog(ContentRoots.shipped())
CHAPTER = "crm-basics-01-customers"
RAW = {"None", "nan", "NaN", "empty", "null", "<NA>"}


def account_id(db: Database, username: str) -> int:
    return next(a.id for a in list_accounts(db) if a.username == username)


def trainees(db: Database, *names: str) -> list[int]:
    """Trainee rows without the slow password hashing."""
    with db.session() as s:
        users = [User(username=n, display_name=f"学员{n[-1]}", role="trainee", password_hash="x") for n in names]
        s.add_all(users)
        s.flush()
        return [u.id for u in users]


def raw_cells(at: AppTest) -> list[str]:
    """Every table cell or header that would show an empty value, 'None', 'nan' or 'empty'."""
    found = []
    for frame in at.dataframe:
        table: pd.DataFrame = frame.value
        found += [str(c) for c in table.columns if str(c) in RAW]
        for value in table.to_numpy().ravel():
            if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in RAW:
                found.append(repr(value))
    return found


def chart(at: AppTest, n: int) -> dict:  # type: ignore[type-arg]
    return json.loads(at.get("plotly_chart")[n].proto.spec)


def test_two_tasks_on_one_chapter_are_two_columns_and_the_chart_counts_whole_people(
    open_page: Open, app_db: Database
) -> None:
    at = open_page("instructor", role="instructor", username="teacher_a")
    info = create_class(app_db, account_id(app_db, "teacher_a"), "周末班")
    ids = trainees(app_db, "stu_1", "stu_2", "stu_3")
    for uid in ids:
        add_member(app_db, info.id, uid)
    due = datetime.now(UTC) + timedelta(days=5)
    create_assignment(app_db, CATALOG, info.id, "chapter", CHAPTER)
    create_assignment(app_db, CATALOG, info.id, "chapter", CHAPTER, due_at=due)
    create_assignment(app_db, CATALOG, info.id, "practice", CHAPTER, goal=3)
    at.run()
    assert not at.exception, [e.value for e in at.exception]

    progress = at.dataframe[0].value
    task_columns = [c for c in progress.columns if c != "学员"]
    assert len(task_columns) == len(set(task_columns)) == 3
    assert all(c.startswith("认识客户与客户价值") for c in task_columns)

    bars = chart(at, 0)
    by_status = {trace["name"]: trace for trace in bars["data"]}
    assert set(by_status) == {"未开始", "进行中", "已完成", "已逾期"}
    assert len(set(by_status["未开始"]["y"])) == 3  # three bars, not two titles stacked into one
    done = by_status["已完成"]["marker"]["color"].lower()
    assert done not in {"#ff2b2b", "#d62728", "#ef553b", "red"} and done.startswith("#2e7d32")
    assert by_status["已逾期"]["marker"]["color"] != done
    assert by_status["未开始"]["text"] == ["未开始 3"] * 3  # the status in words on the bar itself
    axis = bars["layout"]["xaxis"]
    assert axis["dtick"] >= 1 and float(axis["dtick"]).is_integer() and axis["tickformat"] == "d"
    assert axis["title"]["text"] == "人数"
    assert raw_cells(at) == []


def test_the_class_picker_counts_a_trainee_who_joined_while_the_page_was_open(
    open_page: Open, app_db: Database
) -> None:
    at = open_page("classes", role="instructor", username="teacher_b")
    info = create_class(app_db, account_id(app_db, "teacher_b"), "晚班")
    at.run()
    label_before = at.selectbox(key="classes_pick").options
    assert any(c.value == "本班现有学员 0 人" for c in at.caption)
    (late,) = trainees(app_db, "stu_9")
    join_class(app_db, late, info.code)
    at.run()  # the same session, no reload
    assert any(c.value == "本班现有学员 1 人" for c in at.caption)
    # the picker's options keep their labels, so the browser never shows a stale label for the chosen class
    assert at.selectbox(key="classes_pick").options == label_before == ["晚班"]
    assert at.selectbox(key="classes_pick").value == info.id


def test_two_classes_with_one_name_can_both_be_picked(open_page: Open, app_db: Database) -> None:
    at = open_page("classes", role="instructor", username="teacher_c")
    teacher = account_id(app_db, "teacher_c")
    first, second = create_class(app_db, teacher, "一班"), create_class(app_db, teacher, "一班")
    at.run()
    picker = at.selectbox(key="classes_pick")
    assert len(set(picker.options)) == 2 and all(second.code in o or first.code in o for o in picker.options)
    picker.set_value(second.id).run()
    assert at.selectbox(key="classes_pick").value == second.id
    assert any(second.code in m.value for m in at.markdown if "班级码" in m.value)


def test_deleting_a_task_asks_first_and_deletes_the_one_picked(open_page: Open, app_db: Database) -> None:
    at = open_page("classes", role="instructor", username="teacher_d")
    info = create_class(app_db, account_id(app_db, "teacher_d"), "删任务班")
    keep = create_assignment(app_db, CATALOG, info.id, "chapter", CHAPTER)
    doomed = create_assignment(app_db, CATALOG, info.id, "chapter", CHAPTER, due_at=datetime.now(UTC) + timedelta(1))
    at.run()
    pick = at.selectbox(key="classes_delete_pick")
    assert len(set(pick.options)) == 2  # the two same-chapter tasks can be told apart
    pick.set_value(doomed.id).run()
    at.button(key="classes_delete").click().run()
    assert {a.id for a in assignments_of(app_db, [info.id])} == {keep.id, doomed.id}  # only asked
    question = next(w.value for w in at.warning if w.value.startswith("确定删除任务"))
    assert "截止" in question and "记录都会保留" in question

    at.button(key="classes_delete_no").click().run()
    assert {a.id for a in assignments_of(app_db, [info.id])} == {keep.id, doomed.id}
    assert not any(w.value.startswith("确定删除任务") for w in at.warning)

    at.button(key="classes_delete").click().run()
    at.button(key="classes_delete_yes").click().run()
    assert [a.id for a in assignments_of(app_db, [info.id])] == [keep.id]
    assert any(s.value.startswith("已删除任务") for s in at.success)


def test_asking_about_one_task_and_then_picking_another_deletes_nothing(open_page: Open, app_db: Database) -> None:
    at = open_page("classes", role="instructor", username="teacher_e")
    info = create_class(app_db, account_id(app_db, "teacher_e"), "改主意班")
    first = create_assignment(app_db, CATALOG, info.id, "chapter", CHAPTER)
    other = create_assignment(app_db, CATALOG, info.id, "exam", "starter-mock")
    at.run()
    at.selectbox(key="classes_delete_pick").set_value(first.id).run()
    at.button(key="classes_delete").click().run()
    at.selectbox(key="classes_delete_pick").set_value(other.id).run()
    assert not any(b.key == "classes_delete_yes" for b in at.button)
    assert {a.id for a in assignments_of(app_db, [info.id])} == {first.id, other.id}


def test_the_assignment_table_shows_words_for_no_limit_and_no_due_date(open_page: Open, app_db: Database) -> None:
    at = open_page("classes", role="instructor", username="teacher_f")
    info = create_class(app_db, account_id(app_db, "teacher_f"), "表格班")
    create_assignment(app_db, CATALOG, info.id, "exam", "starter-mock")
    create_assignment(app_db, CATALOG, info.id, "exam", "starter-mock", max_attempts=2)
    at.run()
    table = at.dataframe[-1].value
    assert list(table["次数上限"]) == ["不限", "2 次"]
    assert list(table["截止"]) == ["不设截止", "不设截止"]
    assert raw_cells(at) == []


def test_a_second_live_quiz_is_the_one_selected(open_page: Open, app_db: Database) -> None:
    at = open_page("activities", role="instructor", username="teacher_g")
    create_class(app_db, account_id(app_db, "teacher_g"), "测验班")
    at.run()
    by_label(at.text_input, "测验名称").input("第一讲")
    by_label(at.button, "新建课堂测验").click().run()
    first = at.selectbox(key="activities_live_pick").value
    at.button(key="activities_live_end").click().run()
    assert at.button(key="activities_live_next").disabled  # finished

    by_label(at.text_input, "测验名称").input("第二讲")
    by_label(at.button, "新建课堂测验").click().run()
    picked = at.selectbox(key="activities_live_pick")
    assert picked.value != first and picked.format_func(picked.value).startswith("第二讲")
    assert not at.button(key="activities_live_next").disabled
    code = next(s.value for s in at.success if "测验码" in s.value).rsplit(" ", 1)[-1]
    assert any(code in m.value for m in at.markdown)  # the board under it is the new quiz's
    # with no groups the team board says why it is empty instead of an empty grid
    assert any("还没有分组" in c.value for c in at.caption)
    assert raw_cells(at) == []


def test_a_wrong_live_answer_shows_the_key_and_the_explanation(open_page: Open, app_db: Database) -> None:
    open_page(None, role="instructor", username="teacher_h")
    wrong = open_page("classroom", username="stu_wrong")
    idle = open_page("classroom", username="stu_idle")
    info = create_class(app_db, account_id(app_db, "teacher_h"), "讲评班")
    for name in ("stu_wrong", "stu_idle"):
        add_member(app_db, info.id, account_id(app_db, name))
    single, judge = CATALOG.questions["crm-basics.q001"], CATALOG.questions["crm-basics.q002"]
    quiz = live.create_quiz(app_db, info.id, "讲评", [single, judge])
    for at in (wrong, idle):
        at.run()
        by_label(at.text_input, "输入测验码加入").input(quiz.code)
        by_label(at.button, "加入测验").click().run()
    live.advance(app_db, quiz.id)

    wrong.run()
    radio = wrong.radio[0]
    key_letter = single.answer
    wrong_option = next(o for o in radio.options if not o.endswith(single.options["ABCD".index(key_letter)]))
    radio.set_value(wrong_option)
    by_label(wrong.button, "提交答案").click().run()
    assert not wrong.exception, [e.value for e in wrong.exception]
    assert any(e.value == "回答错误，本题 0 分。" for e in wrong.error)
    assert any(m.value.startswith("你的答案：") and "答错了" in m.value for m in wrong.markdown)
    key_line = next(m.value for m in wrong.markdown if m.value.startswith("正确答案："))
    shown_key = next(o for o in radio.options if o.endswith(single.options["ABCD".index(key_letter)]))[0]
    assert key_line == f"正确答案：{shown_key}"
    assert any(m.value == "**解析**" for m in wrong.markdown)
    assert any(single.explanation[:12] in h.value for h in wrong.html)
    assert not any(f.label == "提交答案" for f in wrong.button)  # the form gave way to the result

    idle.run()  # has not answered: sees no key for the open question
    assert not any(m.value.startswith("正确答案：") for m in idle.markdown)
    live.advance(app_db, quiz.id)  # the first question closes
    idle.run()
    assert any(e.label == "已结束的题目：正确答案与解析" for e in idle.expander)
    assert any(c.value == "这道题你没有作答。" for c in idle.caption)
    assert any(m.value.startswith("正确答案：") for m in idle.markdown)

    live.finish(app_db, quiz.id)
    wrong.run()
    assert any(e.label == "本场测验的正确答案与解析" for e in wrong.expander)
    assert sum(m.value.startswith("正确答案：") for m in wrong.markdown) == 2
    assert any(judge.explanation[:12] in h.value for h in wrong.html)


def test_taking_a_trainee_out_asks_first_and_two_people_with_one_name_stay_two(
    open_page: Open, app_db: Database
) -> None:
    at = open_page("classes", role="instructor", username="teacher_i")
    info = create_class(app_db, account_id(app_db, "teacher_i"), "同名班")
    with app_db.session() as s:
        twins = [User(username=u, display_name="王芳", role="trainee", password_hash="x") for u in ("wf_a", "wf_b")]
        s.add_all(twins)
        s.flush()
        first, second = (u.id for u in twins)
    for uid in (first, second):
        add_member(app_db, info.id, uid)
    at.run()
    pick = at.selectbox(key="classes_remove_pick")
    assert pick.options == ["王芳（wf_a）", "王芳（wf_b）"]
    pick.set_value(second).run()
    at.button(key="classes_remove").click().run()
    assert len(at.dataframe[0].value) == 2  # only asked
    assert any("王芳（wf_b）" in w.value and "移出本班" in w.value for w in at.warning)
    at.button(key="classes_remove_yes").click().run()
    assert list(at.dataframe[0].value["用户名"]) == ["wf_a"]  # the one picked, not the first 王芳

    dash = open_page("instructor", role="instructor", username="teacher_i")
    add_member(app_db, info.id, second)
    dash.run()
    heat = chart(dash, 0)  # no tasks: the mastery heatmap is the first chart
    assert heat["data"][0]["type"] == "heatmap"
    assert sorted(heat["data"][0]["y"]) == ["王芳（wf_a）", "王芳（wf_b）"]  # two rows, not one merged
    assert dash.selectbox(key="instructor_drill").options == ["王芳（wf_a）", "王芳（wf_b）"]


def test_count_axes_have_whole_number_ticks() -> None:
    from ui.widgets.class_dashboard import count_axis

    for people in (0, 1, 2, 3, 7, 60, 250):
        axis = count_axis(people)
        assert isinstance(axis["dtick"], int) and axis["dtick"] >= 1 and axis["tickformat"] == "d"
        assert people / axis["dtick"] <= 8  # a readable number of ticks
