"""In a real browser, every page for each role over a seeded database: the visible text has no English outside the
allow-list, no raw values, ids or ISO dates (widget built-in texts included); on a phone the menu closes after a
page is chosen, nothing scrolls sideways at 360 px, tap targets are at least 44 px and the lesson starts on the
first screen."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select, update

from benchmarks.seed import seed_class
from catalog.catalog import ContentRoots, load_catalog
from classroom.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, create_user
from classroom.passwords import hash_password
from store.db import Database
from store.tables import Classroom, LiveQuiz, User
from tests.browser.screens import SMALL_TARGETS, TEXT, WIDTH, sidebar_open
from tests.visible_text import problems
from ui.routes import ROUTES, STUDY, TEACH

pytestmark = pytest.mark.browser

PASSWORD = "secret-pass-2026"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
CODE_EXAMPLE = "CMA-000001-ABCD-EFGH-IJKL"  # the code format, shown as the verify page's example


@dataclass(frozen=True)
class People:
    usernames: dict[str, str]  # role -> username
    data: tuple[str, ...]  # usernames, codes and the demo password: shown as they are


@pytest.fixture(scope="module")
def people(server_database_url: str) -> People:
    """Accounts of our own (other browser tests keep the demo accounts as they are), a class with answers, exams,
    tasks, finished role-plays and a live quiz."""
    db = Database(server_database_url)
    cat = load_catalog(ContentRoots.shipped())
    teacher = create_user(db, "page_teacher", "页面老师", "instructor", PASSWORD)
    admin = create_user(db, "page_admin", "页面管理员", "admin", PASSWORD)
    seeded = seed_class(db, cat, 4, 20, instructor_id=teacher.id)
    with db.session() as s:
        s.execute(update(User).where(User.id == seeded.trainee_ids[0]).values(password_hash=hash_password(PASSWORD)))
        trainee = s.scalar(select(User.username).where(User.id == seeded.trainee_ids[0]))
        names = list(s.scalars(select(User.username)))
        codes = [*s.scalars(select(Classroom.code)), *s.scalars(select(LiveQuiz.code))]
    db.engine.dispose()
    assert trainee is not None and admin.username
    data = (*names, *codes, *(u for u, _, _ in DEMO_ACCOUNTS), DEMO_PASSWORD, CODE_EXAMPLE)
    return People({"trainee": trainee, "instructor": "page_teacher", "admin": "page_admin"}, data)


def settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has finished running the page."""
    page.wait_for_timeout(500)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=30000)
    page.locator('[data-testid="stSkeleton"]').first.wait_for(state="detached", timeout=30000)
    page.wait_for_timeout(300)


def faults(page, where: str, data: tuple[str, ...], *, phone: bool) -> list[str]:  # type: ignore[no-untyped-def]
    found = [f"{where}: {p}" for p in dict.fromkeys(problems(page.evaluate(TEXT), data=data))]
    if phone:
        width, screen = page.evaluate(WIDTH)
        if width > screen:
            found.append(f"{where}: scrolls sideways ({width} px on a {screen} px screen)")
        found += [f"{where}: tap target {t}" for t in page.evaluate(SMALL_TARGETS)]
    return found


@pytest.mark.parametrize(
    ("role", "viewport"),
    [("trainee", PHONE), ("instructor", PHONE), ("admin", PHONE), ("admin", DESKTOP)],
    ids=["trainee-phone", "instructor-phone", "admin-phone", "admin-desktop"],
)
def test_every_page_reads_in_chinese_and_fits_a_phone(server: str, browser, people: People, role, viewport) -> None:  # type: ignore[no-untyped-def]
    phone = viewport is PHONE
    context = browser.new_context(viewport=viewport, locale="zh-CN", is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(server)
    page.get_by_label("用户名").wait_for(timeout=30000)
    settle(page)
    found = faults(page, "sign-in", people.data, phone=phone)
    page.get_by_label("用户名").fill(people.usernames[role])
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("heading", name="你好").first.wait_for(timeout=30000)
    for key in [*STUDY, *TEACH[role]]:
        title = ROUTES[key].title
        if phone:
            page.locator('[data-testid="stExpandSidebarButton"]').click()
            page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=10000)
        page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
        page.locator("h1").filter(has_text="你好" if key == "home" else title).first.wait_for(timeout=30000)
        settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0, key
        if phone:
            assert not sidebar_open(page), f"{key}: the menu stays open over the page"
        found += faults(page, key, people.data, phone=phone)
    assert not found, "\n".join(found)
    context.close()


def test_a_lesson_starts_on_the_first_screen_of_a_phone(server: str, browser, people: People) -> None:  # type: ignore[no-untyped-def]
    phone = {"width": 390, "height": 844}
    context = browser.new_context(viewport=phone, locale="zh-CN", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server)
    page.get_by_label("用户名").fill(people.usernames["trainee"])
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("heading", name="你好").first.wait_for(timeout=30000)
    page.goto(f"{server}/learn")
    heading = page.locator("h2").first
    heading.wait_for(timeout=30000)
    settle(page)
    top = heading.bounding_box()
    assert top is not None and top["y"] + top["height"] < 844, f"the lesson starts at {top} on an 844 px screen"
    context.close()
