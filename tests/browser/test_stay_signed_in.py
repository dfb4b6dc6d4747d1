"""In a real browser: a reload and a new tab keep the sign-in (HttpOnly cookie); signing out in one tab
ends the other."""

from __future__ import annotations

import pytest

from tests.browser.test_journey import sign_in

pytestmark = pytest.mark.browser


def _heading(page):  # type: ignore[no-untyped-def]
    page.locator("h1").first.wait_for(timeout=20000)
    return page.locator("h1").first.inner_text()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}])
def test_reload_and_new_tab_stay_signed_in_and_sign_out_ends_both(server: str, browser, viewport) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    sign_in(page, server, "demo_trainee")
    page.wait_for_timeout(1500)  # the browser trades its one-time ticket for the cookie
    cookie = next(c for c in context.cookies() if c["name"] == "cma_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    page.reload()
    page.get_by_role("heading", name="你好").first.wait_for(timeout=20000)
    assert page.get_by_label("密码").count() == 0
    other = context.new_page()
    other.goto(f"{server}/practice")
    assert _heading(other) == "练习"
    # sign out in the first tab: the second tab is signed out at its next action
    if viewport["width"] < 600:  # the phone's menu is folded away
        page.locator(
            '[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"] button'
        ).first.click()
    page.get_by_role("button", name="退出登录").click()
    page.get_by_label("密码").wait_for(timeout=20000)
    other.reload()
    other.get_by_label("密码").wait_for(timeout=20000)
    context.close()
