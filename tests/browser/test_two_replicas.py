"""Two app processes over one PostgreSQL, as a school runs them behind a proxy: an instructor's live quiz on
one, two trainees answering on the other; the boards agree, nothing is lost, and a reload that lands on the
other process keeps the trainee signed in."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from catalog.catalog import ContentRoots, load_catalog
from classroom import live
from classroom.accounts import create_user, list_accounts
from classroom.classes import add_member, create_class
from store.db import Database
from tests.browser.conftest import ROOT, _free_port, start_app, wait_healthy
from tests.browser.test_classroom_live import open_nav
from tests.browser.test_journey import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def replicas(postgres) -> Iterator[tuple[Database, str, str]]:  # type: ignore[no-untyped-def]
    db = postgres.fresh()
    url = str(db.engine.url.render_as_string(hide_password=False))
    env = {**os.environ, "CMA_DATABASE_URL": url}
    subprocess.run([sys.executable, "-m", "catalog.cli", "init", "--demo"], cwd=ROOT, env=env, check=True)
    ports = _free_port(), _free_port()
    procs = [start_app(url, p) for p in ports]
    urls = [f"http://127.0.0.1:{p}" for p in ports]
    try:
        for u in urls:
            if not wait_healthy(u):
                pytest.fail(f"{u} did not start")
        yield db, urls[0], urls[1]
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=10)
        db.engine.dispose()


def test_a_live_quiz_across_two_replicas(replicas, browser) -> None:  # type: ignore[no-untyped-def]
    db, one, two = replicas
    accounts = {a.username: a for a in list_accounts(db)}
    second = create_user(db, "replica_trainee", "第二学员", "trainee", "secret-pass-2026")
    info = create_class(db, accounts["demo_instructor"].id, "两台服务器班")
    for trainee_id in (accounts["demo_trainee"].id, second.id):
        add_member(db, info.id, trainee_id)
    catalog = load_catalog(ContentRoots.shipped())
    judge = next(q for q in catalog.questions.values() if q.type == "judge" and q.answer is True)  # type: ignore[union-attr]
    quiz = live.create_quiz(db, info.id, "跨服务器小测", [judge])

    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN") for _ in range(3)]
    teacher, first, other = (c.new_page() for c in contexts)
    sign_in(teacher, one, "demo_instructor")
    open_nav(teacher, "课堂活动")
    teacher.get_by_text(f"测验码：{quiz.code}").first.wait_for(timeout=20000)
    logins = ((first, "demo_trainee", "demo-2026"), (other, "replica_trainee", "secret-pass-2026"))
    for page, name, password in logins:
        sign_in(page, two, name, password)
        open_nav(page, "课堂")
        page.get_by_label("输入测验码加入").fill(quiz.code)
        page.get_by_role("button", name="加入测验").click()
        page.get_by_text("已加入，等待老师推送题目").wait_for(timeout=20000)

    teacher.get_by_text("已加入 2 人").first.wait_for(timeout=30000)
    teacher.get_by_role("button", name="下一题").click()
    for page in (first, other):
        page.get_by_text("第 1 / 1 题").wait_for(timeout=30000)
        page.get_by_text("正确", exact=True).first.click()
        page.get_by_role("button", name="提交答案").click()
        page.get_by_text("回答正确").first.wait_for(timeout=20000)
    teacher.get_by_text("已作答 2 / 2 人").first.wait_for(timeout=30000)
    board = live.leaderboard(db, quiz.id)
    assert sorted((r.name, r.correct) for r in board) == [("演示学员", 1), ("第二学员", 1)]

    # the next request lands on the other replica: still signed in there
    first.wait_for_timeout(500)
    first.goto(f"{one}/classroom")
    first.locator("h1").filter(has_text="课堂").first.wait_for(timeout=20000)
    assert first.get_by_label("密码").count() == 0
    for page in (teacher, first, other):
        assert page.locator('[data-testid="stException"]').count() == 0
    for c in contexts:
        c.close()
