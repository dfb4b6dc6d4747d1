"""模拟考试 page with the written skills paper: text areas, autosave, 待教师评分, the marking scheme after submitting,
and the final result once an instructor has marked the unsure item point by point."""

from __future__ import annotations

import pytest

from classroom.manual import grade_exam_skill, pending
from quizzes import exam
from store.db import Database
from tests.conftest import FIXTURE_COURSE
from tests.ui.conftest import Open


@pytest.fixture(autouse=True)
def fixture_course(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMA_CONTENT_DIR", str(FIXTURE_COURSE))


def test_a_skills_paper_is_written_marked_and_shown(open_page: Open, app_db: Database) -> None:
    from catalog.catalog import ContentRoots, load_catalog

    course = load_catalog(ContentRoots.under(FIXTURE_COURSE))
    at = open_page("exam", username="writer")
    at.selectbox(key="exam_blueprint").set_value("skills-paper").run()
    assert any("难度分布" in c.value for c in at.caption)
    at.button(key="exam_start").click().run()
    attempt = exam.open_attempt(app_db, 1)
    assert attempt is not None
    first = course.questions[exam.load(app_db, 1, attempt).paper[0].question_id]
    at.session_state["exam_layout"] = "whole"  # the whole paper on one page (desktop option)
    at.run()
    assert len(at.text_area) == 5
    assert any("评分要点" in c.value for c in at.caption)
    answer = f"我认为首先应当做到{first.marking[0].any[0]}，其他的事情交给主管按照公司的规定处理，尽量让大家满意。"  # type: ignore[union-attr]
    at.text_area[0].input(answer).run()
    assert exam.load(app_db, 1, attempt).answers == {first.id: answer}  # autosaved
    at.button(key="exam_submit").click().run()
    at.button(key="exam_confirm_go").click().run()  # the dialog lists the unanswered items first
    assert not at.exception
    assert exam.load(app_db, 1, attempt).passed is None
    assert any("待教师评分" in i.value for i in at.info)
    review = [str(df.value) for df in at.dataframe]
    assert any(first.marking[0].label in text and "已答到" in text for text in review)  # type: ignore[union-attr]
    (item,) = pending(app_db, [1])
    assert item.question_id == first.id
    grade_exam_skill(app_db, attempt, item.question_id, [1.0] + [0.0] * (len(item.marking) - 1), 60)
    at.run()
    assert exam.load(app_db, 1, attempt).passed is False
    assert any("得分：1 / 100" in e.value and "未通过" in e.value for e in at.error)


def _ids_by_type() -> dict[str, set[str]]:
    from catalog.catalog import ContentRoots, load_catalog

    out: dict[str, set[str]] = {}
    for q in load_catalog(ContentRoots.shipped()).questions.values():
        out.setdefault(q.type, set()).add(q.id)
    return out


CATALOG_IDS = _ids_by_type()


def test_multiple_choice_says_how_it_is_scored_and_the_review_links_the_section(
    open_page: Open, app_db: Database
) -> None:
    at = open_page("exam", username="chooser")
    at.selectbox(key="exam_blueprint").set_value("starter-mock").run()
    at.button(key="exam_start").click().run()
    at.session_state["exam_layout"] = "whole"
    at.run()
    attempt = exam.open_attempt(app_db, 1)
    assert attempt is not None
    paper = exam.load(app_db, 1, attempt).paper
    multiple = sum(1 for item in paper if item.question_id in CATALOG_IDS["multiple"])
    notes = [c.value for c in at.caption if "不得分" in c.value]
    assert len(notes) == multiple and all("多选、少选、错选均不得分" in n for n in notes)
    at.button(key="exam_submit").click().run()
    at.button(key="exam_confirm_go").click().run()
    rereads = [b for b in at.button if b.label.startswith("重读：")]
    assert len(rereads) == len(paper)


def test_practice_explanations_link_the_section_of_the_first_point(open_page: Open) -> None:
    from catalog.catalog import ContentRoots, load_catalog

    course = load_catalog(ContentRoots.under(FIXTURE_COURSE))
    at = open_page("practice")
    first = next(iter(course.questions.values()))
    section = course.reread_section(first)
    assert section is not None
    at.button[[b.label for b in at.button].index("提交答案")].click().run()  # invalid: no link yet
    radio = next(r for r in at.radio if r.key and r.key.startswith("practice_q_"))
    radio.set_value(radio.options[0])
    at.button[[b.label for b in at.button].index("提交答案")].click().run()
    labels = [b.label for b in at.button]
    assert f"重读：{section.title}" in labels, labels
    link = next(b for b in at.button if b.label == f"重读：{section.title}")
    link.click().run()
    assert [h.value for h in at.header] == [section.title]  # the learn page opened on that section


def test_an_instructor_marks_a_skill_item_point_by_point(open_page: Open, app_db: Database) -> None:
    from catalog.catalog import ContentRoots, load_catalog
    from classroom.accounts import create_user, list_accounts
    from classroom.classes import add_member, create_class

    course = load_catalog(ContentRoots.under(FIXTURE_COURSE))
    at = open_page("instructor", role="instructor", username="marker")
    teacher = next(a for a in list_accounts(app_db) if a.username == "marker")
    info = create_class(app_db, teacher.id, "专业能力班")
    trainee = create_user(app_db, "he_jing", "何静", "trainee", "secret-pass-2026")
    add_member(app_db, info.id, trainee.id)
    bp = course.blueprints["skills-paper"]
    attempt = exam.start(app_db, trainee.id, bp, course.questions, course.syllabus.module_of, seed=5)
    first = course.questions[exam.load(app_db, trainee.id, attempt).paper[0].question_id]
    answer = f"我认为首先应当做到{first.marking[0].any[0]}，其他的事情交给主管按照公司的规定处理，尽量让大家满意。"  # type: ignore[union-attr]
    exam.save_answer(app_db, trainee.id, attempt, first.id, answer)
    exam.submit(app_db, trainee.id, attempt, bp, course.questions, course.syllabus.module_of)
    at.run()
    assert not at.exception
    prefix = f"instructor_manual_exam_{attempt}_{first.id}_p"
    inputs = [n for n in at.number_input if n.key and n.key.startswith(prefix)]
    assert len(inputs) == len(first.marking)  # type: ignore[union-attr]
    assert inputs[0].value == inputs[0].max and all(n.value == 0 for n in inputs[1:])  # the rubric's verdict
    inputs[1].set_value(inputs[1].max)
    at.button(key=f"instructor_manual_exam_{attempt}_{first.id}_save").click().run()
    view = exam.load(app_db, trainee.id, attempt)
    assert view.breakdown is not None and view.passed is False
    item = view.breakdown["items"][first.id]
    assert item["score"] == inputs[0].max + inputs[1].max and len(item["point_marks"]) == len(inputs)
