"""首页 page."""

from __future__ import annotations

from tests.ui.conftest import Open


def test_home_greets_and_offers_to_start_reading(open_page: Open) -> None:
    at = open_page(None)
    assert at.title[0].value == "你好\uff0c测试trainee\uff01"
    assert at.button(key="home_resume").label == "从第一章开始学习"
    assert [m.label for m in at.metric] == ["已读小节", "已答题数", "正确率", "模拟考试", "完成演练"]


def test_resume_button_opens_the_section(open_page: Open) -> None:
    at = open_page(None)
    at.button(key="home_resume").click().run()
    assert not at.exception
    assert at.title[0].value == "课程学习"
    assert at.header[0].value == "消费者、顾客与客户"


def test_pending_tasks_are_announced_on_the_home_page(open_page, app_db) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from catalog.catalog import ContentRoots, load_catalog
    from classroom.accounts import create_user, list_accounts
    from classroom.assignments import create_assignment
    from classroom.classes import add_member, create_class

    cat = load_catalog(ContentRoots.shipped())
    teacher = create_user(app_db, "teacher_h", "吴老师", "instructor", "secret-pass-2026")
    info = create_class(app_db, teacher.id, "晨班")
    create_assignment(
        app_db, cat, info.id, "chapter", "crm-basics-01-customers", due_at=datetime.now(UTC) - timedelta(days=1)
    )
    create_assignment(app_db, cat, info.id, "exam", "starter-mock")
    at = open_page("home", username="busy")
    add_member(app_db, info.id, next(a.id for a in list_accounts(app_db) if a.username == "busy"))
    at.run()
    assert at.info[0].value.startswith("你有 2 项任务未完成（其中 1 项已逾期），最近的截止时间：")
    at.button(key="home_to_tasks").click().run()
    assert at.title[0].value == "我的任务"
