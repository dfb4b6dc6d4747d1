"""Accounts: argon2 hashes, bad input refused in Chinese, throttled sign-in, demo accounts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from classroom.accounts import (
    DEMO_PASSWORD,
    MAX_FAILURES,
    AccountError,
    authenticate,
    create_user,
    ensure_demo_accounts,
    has_admin,
)
from store.db import Database
from store.tables import User


def test_password_is_stored_as_argon2_hash(db: Database) -> None:
    create_user(db, "li_lei", "李雷", "trainee", "secret-pass-2026")
    with db.session() as s:
        stored = s.scalar(select(User.password_hash))
    assert stored is not None
    assert stored.startswith("$argon2")
    assert "secret-pass-2026" not in stored


def test_sign_in_with_right_and_wrong_password(db: Database) -> None:
    create_user(db, "li_lei", "李雷", "trainee", "secret-pass-2026")
    assert authenticate(db, "li_lei", "secret-pass-2026").display_name == "李雷"
    with pytest.raises(AccountError, match="不正确"):
        authenticate(db, "li_lei", "wrong-pass")
    with pytest.raises(AccountError, match="不正确"):
        authenticate(db, "nobody", "whatever")


def test_repeated_failures_back_off_then_lock_with_the_unlock_time(db: Database) -> None:
    create_user(db, "han_mei", "韩梅梅", "trainee", "secret-pass-2026")
    t = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)
    for n in range(1, MAX_FAILURES + 1):
        with pytest.raises(AccountError, match="不正确"):
            authenticate(db, "han_mei", "wrong-pass", now=t)
        if n in (3, 4):  # a short wait first
            with pytest.raises(AccountError, match="秒后再试"):
                authenticate(db, "han_mei", "secret-pass-2026", now=t + timedelta(seconds=5))
        t += timedelta(minutes=1)
    # locked: even the right password is refused, and the message says until when (local time 14:09)
    with pytest.raises(AccountError, match=r"14:09 之后再试"):
        authenticate(db, "han_mei", "secret-pass-2026", now=t)
    assert authenticate(db, "han_mei", "secret-pass-2026", now=t + timedelta(minutes=6)).username == "han_mei"


@pytest.mark.parametrize(
    ("username", "name", "password", "message"),
    [
        ("ab", "名字", "long-enough-2026", "用户名"),
        ("<script>", "名字", "long-enough-2026", "用户名"),
        ("good_name", "", "long-enough-2026", "姓名"),
        ("good_name", "名" * 40, "long-enough-2026", "姓名"),
        ("good_name", "名字", "short", "密码"),
    ],
)
def test_bad_input_gets_a_chinese_message(db: Database, username: str, name: str, password: str, message: str) -> None:
    with pytest.raises(AccountError, match=message):
        create_user(db, username, name, "trainee", password)


def test_html_in_a_name_is_kept_as_text(db: Database) -> None:
    account = create_user(db, "html_name", "<b>王</b>", "trainee", "long-enough-2026")
    assert account.display_name == "<b>王</b>"


def test_taken_username_is_refused(db: Database) -> None:
    create_user(db, "li_lei", "李雷", "trainee", "secret-pass-2026")
    with pytest.raises(AccountError, match="已被使用"):
        create_user(db, "li_lei", "另一个", "trainee", "secret-pass-2026")


def test_demo_accounts_are_marked_and_created_once(db: Database) -> None:
    assert not has_admin(db)
    created = ensure_demo_accounts(db)
    assert {a.role for a in created} == {"trainee", "instructor", "admin"}
    assert all(a.is_demo for a in created)
    assert ensure_demo_accounts(db) == []
    assert has_admin(db)
    assert authenticate(db, "demo_trainee", DEMO_PASSWORD).is_demo


def test_a_single_sign_on_identity_maps_to_one_trainee_account_without_a_password(db: Database) -> None:
    from classroom.accounts import SSO_PASSWORD_HASH, account_for_identity

    first = account_for_identity(db, "issuer|12345", "wang.fang@example.edu", None)
    again = account_for_identity(db, "issuer|12345", "wang.fang@example.edu", "王芳")
    assert first == again and first.role == "trainee" and first.display_name == "wang.fang"
    assert account_for_identity(db, "issuer|999", None, "李雷").id != first.id
    with db.session() as s:
        assert s.scalar(select(User.password_hash).where(User.id == first.id)) == SSO_PASSWORD_HASH
    with pytest.raises(AccountError):
        authenticate(db, first.username, "")
    with pytest.raises(AccountError, match="标识"):
        account_for_identity(db, "", None, None)


def test_roles_can_change_but_the_last_admin_stays(db: Database) -> None:
    from classroom.accounts import set_role

    admin = create_user(db, "root_admin", "管理员", "admin", "secret-pass-2026")
    trainee = create_user(db, "will_teach", "王老师", "trainee", "secret-pass-2026")
    assert set_role(db, trainee.id, "instructor").role == "instructor"
    with pytest.raises(AccountError, match="唯一的管理员"):
        set_role(db, admin.id, "trainee")
