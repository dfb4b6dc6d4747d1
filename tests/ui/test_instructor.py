"""教师 page: role check on the server, trainee table and drill-down."""

from __future__ import annotations

import pytest

from catalog.catalog import ContentRoots, load_catalog
from classroom.accounts import create_user
from quizzes.practice import answer_question
from store.db import Database
from tests.ui.conftest import Open

CATALOG = load_catalog(ContentRoots.shipped())


def test_instructor_page_is_not_in_a_trainees_navigation(open_page: Open) -> None:
    at = open_page(None)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("ui/pages/instructor.py")


def test_instructor_page_checks_the_role_on_the_server(open_page_file) -> None:  # type: ignore[no-untyped-def]
    at = open_page_file("instructor", "trainee")
    assert at.error[0].value == "你没有权限访问这个页面。"
    assert not at.dataframe


def test_instructor_sees_each_trainee(open_page: Open, app_db: Database) -> None:
    trainee = create_user(app_db, "wang_fang", "王芳", "trainee", "secret-pass")
    answer_question(app_db, trainee.id, CATALOG.questions["crm-basics.q001"], "C", "practice")
    at = open_page("instructor", role="instructor")
    table = at.dataframe[0].value
    assert list(table["姓名"]) == ["王芳"]
    assert list(table["正确率"]) == [100]
    assert at.dataframe[1].value.iloc[0]["答题数"] == 1


def test_item_statistics_table(open_page: Open, app_db: Database) -> None:
    for n in range(5):
        t = create_user(app_db, f"trainee_{n}", f"学员{n}", "trainee", "secret-pass")
        answer_question(app_db, t.id, CATALOG.questions["crm-basics.q001"], "C" if n < 3 else "A", "practice")
        answer_question(app_db, t.id, CATALOG.questions["crm-basics.q002"], n < 2, "practice")
    at = open_page("instructor", role="instructor")
    items = at.dataframe[-1].value
    first = items[items["题目"] == "crm-basics.q001"].iloc[0]
    assert first["作答人数"] == 5
    assert first["难度"] == 0.6
