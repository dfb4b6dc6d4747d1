"""In a real browser: sign in and open every page from the navigation."""

from __future__ import annotations

import pytest

from catalog.catalog import ContentRoots, load_catalog
from ui.routes import ROUTES, STUDY, TEACH

pytestmark = pytest.mark.browser

PAGES = [ROUTES[k].title for k in (*STUDY, *TEACH["admin"])]  # every page, from the route table


def sign_in(page, url: str, username: str, password: str = "demo-2026") -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("heading", name="你好").first.wait_for(timeout=20000)


STARTER = sum(p.count for p in load_catalog(ContentRoots.shipped()).blueprints["starter-mock"].parts)


def back_in(page, url: str) -> None:  # type: ignore[no-untyped-def]
    """Open the app in a new tab of a signed-in browser: no sign-in form, straight to 首页."""
    page.goto(url)
    page.get_by_role("heading", name="你好").first.wait_for(timeout=20000)


def test_admin_signs_in_and_opens_every_page(server: str, browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    sign_in(page, server, "demo_admin")
    for title in PAGES:
        page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
        heading = "你好" if title == "首页" else title
        page.locator("h1").filter(has_text=heading).first.wait_for(timeout=20000)
        page.wait_for_timeout(300)
        assert page.locator('[data-testid="stException"]').count() == 0, title
        page.screenshot(path=str(tmp_path / f"{title}.png"), full_page=True)
    context.close()


def test_trainee_on_a_phone_reads_and_resumes_in_a_new_session(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True)
    page = context.new_page()
    sign_in(page, server, "demo_trainee")
    page.get_by_role("button", name="从第一章开始学习").click()
    page.get_by_role("heading", name="消费者、顾客与客户").first.wait_for(timeout=20000)
    page.get_by_role("button", name="标记为已读").click()
    page.get_by_text("已读", exact=True).first.wait_for(timeout=20000)
    page.locator('[data-testid="stRadio"]').get_by_text("客户价值的五个层次").click()
    page.get_by_role("heading", name="客户价值的五个层次").first.wait_for(timeout=20000)
    page.close()

    # A new tab (a new session) offers to resume where the trainee stopped, and the mark is still there.
    page = context.new_page()
    back_in(page, server)  # a new tab: still signed in (the session cookie)
    page.get_by_role("button", name="继续阅读\uff1a客户价值的五个层次").click()
    page.get_by_role("heading", name="客户价值的五个层次").first.wait_for(timeout=20000)
    page.get_by_text("消费者、顾客与客户（已读）").wait_for(timeout=20000)
    context.close()


def test_mock_exam_survives_a_closed_tab_and_is_scored(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    sign_in(page, server, "demo_instructor")
    page.locator('[data-testid="stSidebarNav"]').get_by_text("模拟考试", exact=True).click()
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="入门模拟考试").click()
    page.get_by_text(f"共 {STARTER} 题").first.wait_for(timeout=20000)
    page.get_by_role("button", name="开始考试").click()
    page.get_by_text("剩余时间").first.wait_for(timeout=20000)
    page.get_by_text("正确", exact=True).first.click()
    page.get_by_text(f"已作答 1 / {STARTER} 题").first.wait_for(timeout=20000)
    page.close()  # the tab is closed mid-exam

    page = context.new_page()
    back_in(page, server)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("模拟考试", exact=True).click()
    page.get_by_text("你有一场未交卷的考试").wait_for(timeout=20000)
    page.get_by_text(f"已作答 1 / {STARTER} 题").first.wait_for(timeout=20000)
    page.get_by_role("button", name="交卷", exact=True).click()
    page.get_by_role("button", name="确认交卷").click()  # the dialog lists what is unanswered first
    page.get_by_text("得分").first.wait_for(timeout=20000)
    assert page.get_by_text("未通过").count() >= 1
    context.close()


def test_anyone_checks_a_certificate_code_without_signing_in(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(server)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("证书查验", exact=True).click()
    page.get_by_label("查验码").fill("CMA-000001-AAAA-BBBB-CCCC")
    page.get_by_role("button", name="查验").click()
    page.get_by_text("查验失败").wait_for(timeout=20000)
    assert page.locator('[data-testid="stException"]').count() == 0
    context.close()
