"""Signing in through actions: open to a signed-out caller, failures counted even though the sign-in fails,
one first admin when two set-ups race, single sign-on accounts made once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from actions import sign_in
from actions.refusals import Invalid, NotAllowed, Refusal
from classroom.accounts import DEMO_PASSWORD, create_user, ensure_demo_accounts
from store.db import Database
from store.tables import User

GOOD = "secret-pass-2026"


def admins(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(User).where(User.role == "admin")) or 0)


def test_a_wrong_password_is_refused_in_chinese_and_still_counts_toward_the_lock(db: Database) -> None:
    me = create_user(db, "wang_fang", "王芳", "trainee", GOOD)
    assert sign_in.sign_in(db, None, "wang_fang", GOOD) == me
    for _ in range(3):
        with pytest.raises(Invalid) as caught:
            sign_in.sign_in(db, None, "wang_fang", "not-my-password")
        assert caught.value.detail and not caught.value.detail.isascii()
    # the three failures were committed although each sign-in failed: now even the right password waits
    with pytest.raises(Invalid, match="秒后再试"):
        sign_in.sign_in(db, None, "wang_fang", GOOD)


def test_blank_fields_are_refused_without_counting(db: Database) -> None:
    create_user(db, "li_lei", "李雷", "trainee", GOOD)
    for _ in range(6):
        with pytest.raises(Invalid, match="用户名和密码"):
            sign_in.sign_in(db, None, "li_lei", "")
    assert sign_in.sign_in(db, None, "li_lei", GOOD).username == "li_lei"


def test_first_run_set_up_is_offered_once_and_two_at_once_leave_one_admin(db: Database) -> None:
    assert sign_in.sign_in_page(db, None).needs_set_up
    barrier = threading.Barrier(2)

    def set_up(name: str) -> str:
        barrier.wait()
        try:
            return sign_in.set_up_first_admin(db, None, name, name, GOOD).username
        except Refusal:
            return ""

    with ThreadPoolExecutor(2) as pool:
        made = list(pool.map(set_up, ["first_one", "second_one"]))
    assert len([m for m in made if m]) == 1 and admins(db) == 1
    assert not sign_in.sign_in_page(db, None).needs_set_up
    with pytest.raises(NotAllowed):
        sign_in.set_up_first_admin(db, None, "late_comer", "迟到", GOOD)
    assert admins(db) == 1


def test_a_weak_first_admin_password_is_refused_with_the_rule(db: Database) -> None:
    with pytest.raises(Invalid, match="12"):
        sign_in.set_up_first_admin(db, None, "boss", "老板", "short")
    assert admins(db) == 0 and sign_in.sign_in_page(db, None).needs_set_up


def test_the_page_names_the_demo_accounts_only_when_there_are_some(db: Database) -> None:
    create_user(db, "the_admin", "管理员", "admin", GOOD)
    assert sign_in.sign_in_page(db, None).demo_usernames == ()
    ensure_demo_accounts(db)
    names = sign_in.sign_in_page(db, None).demo_usernames
    assert names and all(sign_in.sign_in(db, None, n, DEMO_PASSWORD).username == n for n in names)


def test_single_sign_on_makes_one_trainee_account_per_person(db: Database) -> None:
    first = sign_in.sign_in_with_identity(db, None, "subject-123", "zhang@example.org", "张三")
    again = sign_in.sign_in_with_identity(db, None, "subject-123", "zhang@example.org", "张三")
    assert first == again and first.role == "trainee" and first.display_name == "张三"
    with pytest.raises(NotAllowed):
        sign_in.sign_in_with_identity(db, None, "", None, None)
