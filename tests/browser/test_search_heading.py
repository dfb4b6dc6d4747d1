"""In a real browser: opening a search hit brings the section's heading into view, on desktop and phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_journey import sign_in

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.mark.parametrize(
    "viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}], ids=["desktop", "phone"]
)
def test_a_search_hit_opens_at_the_section_heading(server: str, browser, viewport) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=viewport, locale="zh-CN", is_mobile=viewport["width"] < 500)
    page = context.new_page()
    try:
        sign_in(page, server, "demo_trainee")
        page.goto(f"{server}/learn")
        # a full page load while the rest of the suite keeps both cores busy: allow more than a rerun's 20 s
        page.get_by_role("heading", name="课程学习").first.wait_for(timeout=60000)
        box = page.get_by_label("搜索课程")
        box.fill("潜在产品")
        box.press("Enter")
        hit = page.get_by_role("button", name="打开：客户价值的五个层次")
        hit.wait_for(timeout=20000)
        hit.click()
        heading = page.locator("#customer-value-five-levels")
        heading.wait_for(timeout=20000)
        page.wait_for_timeout(1500)  # the scroll runs once the heading is drawn
        top = heading.bounding_box()
        assert top is not None
        assert 0 <= top["y"] <= 250, top  # at the top of the screen, below the app's top bar
    except Exception:
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"search-heading-{viewport['width']}.png"), full_page=False)
        raise
    finally:
        context.close()
