"""教师 page: role check on the server, trainee table and drill-down."""

from __future__ import annotations

import pytest

from catalog.catalog import ContentRoots, load_catalog
from classroom.accounts import create_user
from quizzes.practice import answer_question
from store.db import Database
from tests.ui.conftest import Open
from ui.names import shorten

CATALOG = load_catalog(ContentRoots.shipped())


def test_instructor_page_is_not_in_a_trainees_navigation(open_page: Open) -> None:
    at = open_page(None)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("ui/pages/instructor.py")


def test_instructor_page_checks_the_role_on_the_server(open_page_file) -> None:  # type: ignore[no-untyped-def]
    at = open_page_file("instructor", "trainee")
    assert at.error[0].value == "你没有权限访问这个页面。"
    assert not at.dataframe


def teach(app_db: Database, instructor: str, *trainee_ids: int) -> None:
    """A class of the instructor with these trainees in it."""
    from classroom.accounts import list_accounts
    from classroom.classes import add_member, create_class

    teacher = next(a for a in list_accounts(app_db) if a.username == instructor)
    info = create_class(app_db, teacher.id, f"{instructor} 的班")
    for uid in trainee_ids:
        add_member(app_db, info.id, uid)


def test_instructor_sees_each_trainee_of_their_classes_and_no_other(open_page: Open, app_db: Database) -> None:
    trainee = create_user(app_db, "wang_fang", "王芳", "trainee", "secret-pass-2026")
    other = create_user(app_db, "li_lei", "李雷", "trainee", "secret-pass-2026")
    answer_question(app_db, trainee.id, CATALOG.questions["crm-basics.q001"], "C", "practice")
    answer_question(app_db, other.id, CATALOG.questions["crm-basics.q001"], "A", "practice")
    open_page(None, role="instructor", username="teacher_b")
    teach(app_db, "teacher_b", other.id)
    at = open_page(None, role="instructor", username="teacher_a")
    teach(app_db, "teacher_a", trainee.id)
    at = open_page("instructor", at=at)
    table = at.dataframe[-3].value
    assert list(table["姓名"]) == ["王芳"]  # not 李雷, who is in another instructor's class
    assert list(table["正确率"]) == ["100%"] and list(table["最高考试分"]) == ["—"]
    assert at.dataframe[-2].value.iloc[0]["答题数"] == 1
    assert at.selectbox(key="instructor_pick").options == ["王芳(wang_fang)"]
    items = at.dataframe[-1].value
    stem = shorten(CATALOG.questions["crm-basics.q001"].stem, 40)
    assert items[items["题干"] == stem].iloc[0]["作答人数"] == 1
    assert not items.isin(["crm-basics.q001"]).any().any()  # no internal ids


def test_item_statistics_table(open_page: Open, app_db: Database) -> None:
    ids = []
    for n in range(5):
        t = create_user(app_db, f"trainee_{n}", f"学员{n}", "trainee", "secret-pass-2026")
        ids.append(t.id)
        answer_question(app_db, t.id, CATALOG.questions["crm-basics.q001"], "C" if n < 3 else "A", "practice")
        answer_question(app_db, t.id, CATALOG.questions["crm-basics.q002"], n < 2, "practice")
    at = open_page(None, role="instructor", username="teacher_c")
    teach(app_db, "teacher_c", *ids)
    at = open_page("instructor", at=at)
    items = at.dataframe[-1].value
    first = items[items["题干"] == shorten(CATALOG.questions["crm-basics.q001"].stem, 40)].iloc[0]
    assert first["作答人数"] == 5
    assert first["难度"] == "0.60"
    assert first["题型"] == "单选题" and first["知识点"] == "消费者、顾客与客户的区别"
    assert "None" not in set(items["区分度"]) and not items.isna().any().any()


def test_class_dashboard_grades_by_hand_and_exports(open_page: Open, app_db: Database) -> None:
    from classroom.accounts import list_accounts
    from classroom.assignments import create_assignment
    from classroom.classes import add_member, create_class

    at = open_page("instructor", role="instructor", username="teacher_x")
    teacher = next(a for a in list_accounts(app_db) if a.username == "teacher_x")
    info = create_class(app_db, teacher.id, "晚班")
    trainee = create_user(app_db, "zhao_lei", "赵磊", "trainee", "secret-pass-2026")
    idle = create_user(app_db, "qian_li", "钱丽", "trainee", "secret-pass-2026")
    for uid in (trainee.id, idle.id):
        add_member(app_db, info.id, uid)
    create_assignment(app_db, CATALOG, info.id, "chapter", "crm-basics-01-customers")
    short = next(q for q in CATALOG.questions.values() if q.type == "short")
    text = short.rubric[0].any[0] + "，我认为这个问题要结合企业的实际情况具体分析，再逐步落实到日常工作中去。"
    assert answer_question(app_db, trainee.id, short, text, "practice").status == "review"
    answer_question(app_db, trainee.id, CATALOG.questions["crm-basics.q001"], "C", "practice")
    at.run()
    assert not at.exception
    progress = at.dataframe[0].value
    assert list(progress["学员"]) == ["钱丽", "赵磊"]
    assert len(at.get("plotly_chart")) >= 2  # progress bars and the mastery heatmap
    risky = at.dataframe[1].value
    assert "还没有任何学习记录" in risky[risky["学员"] == "钱丽"].iloc[0]["原因"]
    keys = {b.key for b in at.get("download_button")}
    assert keys == {"instructor_csv", "instructor_xlsx", "export_csv", "export_xlsx"}
    at.selectbox(key="export_source").set_value("starter-mock").run()  # the per-question grid of one exam
    assert not at.exception

    key = next(n.key for n in at.number_input if n.key and n.key.startswith("instructor_manual_practice_"))
    at.number_input(key=key).set_value(1.0)
    at.button(key=f"{key}_save").click().run()
    assert any(c.value == "没有待评分的作答。" for c in at.caption)
    at.selectbox(key="instructor_drill").set_value(trainee.id).run()
    assert not at.exception


def test_instructor_prints_a_paper_and_its_key(open_page: Open, app_db: Database) -> None:
    create_user(app_db, "someone", "某学员", "trainee", "secret-pass-2026")
    at = open_page("instructor", role="instructor")
    at.selectbox(key="instructor_paper_bp").set_value("starter-mock")
    at.number_input(key="instructor_paper_seed").set_value(12)
    at.button(key="instructor_paper_make").click().run()
    assert not at.exception
    keys = {b.key for b in at.get("download_button")}
    assert {
        "instructor_paper_0_pdf",
        "instructor_paper_0_docx",
        "instructor_paper_1_pdf",
        "instructor_paper_1_docx",
    } <= keys


def test_a_new_answer_shows_on_the_next_rerun_of_every_kept_table(open_page: Open, app_db: Database) -> None:
    """Figures are kept between reruns (actions/_cache.py, ui/look.py): a write shows on the very next rerun."""
    trainee = create_user(app_db, "zhao_min", "赵敏", "trainee", "secret-pass-2026")
    q = CATALOG.questions["crm-basics.q001"]
    answer_question(app_db, trainee.id, q, "C", "practice")
    at = open_page(None, role="instructor", username="teacher_k")
    teach(app_db, "teacher_k", trainee.id)
    at = open_page("instructor", at=at)
    stem = shorten(q.stem, 40)

    def shown() -> tuple[int, int, int]:
        items = at.dataframe[-1].value
        return (
            int(at.dataframe[-3].value.iloc[0]["答题数"]),
            int(at.dataframe[-2].value.iloc[0]["答题数"]),
            int(items[items["题干"] == stem].iloc[0]["作答人数"]),
        )

    assert shown() == (1, 1, 1)
    at.run()
    assert shown() == (1, 1, 1)  # kept, unchanged
    answer_question(app_db, trainee.id, q, "A", "practice")  # written outside the page's session
    at.run()
    assert not at.exception
    assert shown()[:2] == (2, 2)  # the trainee table and the point table show it at once
    table = at.dataframe[-3].value
    assert list(table["正确率"]) == ["50%"]
