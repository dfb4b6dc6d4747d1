"""In a real browser, two people at once: an instructor runs a live quiz, a trainee answers it."""

from __future__ import annotations

import pytest

from catalog.catalog import ContentRoots, load_catalog
from classroom import live
from classroom.accounts import list_accounts
from classroom.classes import add_member, create_class
from store.db import Database
from tests.browser.test_journey import sign_in

pytestmark = pytest.mark.browser


def open_nav(page, title: str) -> None:  # type: ignore[no-untyped-def]
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.locator("h1").filter(has_text=title).first.wait_for(timeout=20000)


def test_instructor_pushes_a_question_and_sees_the_trainee_on_the_board(  # type: ignore[no-untyped-def]
    server: str, server_database_url: str, browser
) -> None:
    db = Database(server_database_url)
    accounts = {a.username: a for a in list_accounts(db)}
    info = create_class(db, accounts["demo_instructor"].id, "浏览器测试班")
    add_member(db, info.id, accounts["demo_trainee"].id)
    catalog = load_catalog(ContentRoots.shipped())
    quiz = live.create_quiz(db, info.id, "实时小测", [catalog.questions["crm-basics.q002"]])  # judge, key: 正确

    teacher_ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    trainee_ctx = browser.new_context(viewport={"width": 1024, "height": 800}, locale="zh-CN")
    teacher, trainee = teacher_ctx.new_page(), trainee_ctx.new_page()
    sign_in(teacher, server, "demo_instructor")
    open_nav(teacher, "课堂活动")
    teacher.get_by_text(f"测验码：{quiz.code}").first.wait_for(timeout=20000)

    sign_in(trainee, server, "demo_trainee")
    open_nav(trainee, "课堂")
    trainee.get_by_label("输入测验码加入").fill(quiz.code)
    trainee.get_by_role("button", name="加入测验").click()
    trainee.get_by_text("已加入，等待老师推送题目").wait_for(timeout=20000)

    teacher.get_by_text("已加入 1 人").first.wait_for(timeout=20000)  # the board refreshes by itself
    teacher.get_by_role("button", name="下一题").click()
    teacher.get_by_text("第 1 / 1 题").first.wait_for(timeout=20000)

    trainee.get_by_text("第 1 / 1 题").wait_for(timeout=20000)  # pushed to the trainee without a click
    trainee.get_by_text("正确", exact=True).first.click()
    trainee.get_by_role("button", name="提交答案").click()
    trainee.get_by_text("回答正确").first.wait_for(timeout=20000)

    teacher.get_by_text("已作答 1 / 1 人").first.wait_for(timeout=20000)
    assert teacher.locator('[data-testid="stException"]').count() == 0
    errors = trainee.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.all_inner_texts()
    board = live.leaderboard(db, quiz.id)
    assert [(r.name, r.correct) for r in board] == [("演示学员", 1)]
    teacher_ctx.close()
    trainee_ctx.close()
