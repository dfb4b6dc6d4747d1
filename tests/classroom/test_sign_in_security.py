"""Sign-in as an attacker tries it: parallel guessing, many accounts from one address, username probing,
weak passwords, two admins demoting each other, a stolen or replayed sign-in ticket."""

from __future__ import annotations

import contextlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from classroom import throttle
from classroom.accounts import (
    AccountError,
    authenticate,
    change_password,
    create_first_admin,
    create_user,
    reset_password,
    set_role,
)
from classroom.passwords import PasswordRejected, check_password
from classroom.web_sessions import (
    IDLE,
    end_all_sessions,
    end_session,
    open_session,
    redeem_ticket,
    resume,
    still_live,
)
from store.db import Database
from store.tables import User

GOOD = "secret-pass-2026"


def _guess(db: Database, username: str, password: str, client: str = "") -> str:
    try:
        authenticate(db, username, password, client)
        return "in"
    except AccountError as exc:
        return str(exc)


def test_thirty_parallel_guesses_cannot_outrun_the_lock(db: Database) -> None:
    create_user(db, "target", "目标", "trainee", GOOD)
    barrier = threading.Barrier(30)

    def guess(i: int) -> str:
        barrier.wait()
        return _guess(db, "target", f"wrong-guess-{i:04d}")

    with ThreadPoolExecutor(30) as pool:
        answers = list(pool.map(guess, range(30)))
    checked = [a for a in answers if a.startswith("用户名或密码不正确")]
    assert len(checked) <= throttle.ACCOUNT.failures, answers
    assert "in" not in answers
    # the account is now locked: even the right password waits
    assert _guess(db, "target", GOOD) != "in"


def test_guessing_for_a_while_with_ten_threads_gets_few_checks(db: Database) -> None:
    create_user(db, "target2", "目标二", "trainee", GOOD)
    stop = time.monotonic() + 3
    results: list[str] = []

    def worker(i: int) -> None:
        n = 0
        while time.monotonic() < stop:
            results.append(_guess(db, "target2", f"guess-{i}-{n}"))
            n += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    checked = [r for r in results if r.startswith("用户名或密码不正确")]
    assert len(checked) <= throttle.ACCOUNT.failures
    assert len(results) > len(checked)


def test_one_address_guessing_over_many_accounts_is_stopped(db: Database) -> None:
    limit = throttle.ADDRESS.failures
    for i in range(limit + 10):
        create_user(db, f"user_{i:03d}", f"学员{i}", "trainee", GOOD)
    answers = [_guess(db, f"user_{i:03d}", "wrong-guess-1", client="203.0.113.9") for i in range(limit + 10)]
    assert all(a.startswith("用户名或密码不正确") for a in answers[:limit])
    assert all("频繁" in a for a in answers[limit:]), answers[limit:]
    # the right password from that address waits too; another address is served
    assert "频繁" in _guess(db, "user_000", GOOD, client="203.0.113.9")
    assert _guess(db, "user_001", GOOD, client="198.51.100.7") == "in"


def test_global_ceiling_refuses_everyone_for_a_moment(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        throttle, "EVERYONE", throttle.Limit(5, timedelta(minutes=1), timedelta(minutes=1), timedelta(minutes=1))
    )
    create_user(db, "someone", "某人", "trainee", GOOD)
    for i in range(6):
        _guess(db, f"nobody_{i}", "whatever-pass", client=f"192.0.2.{i}")
    assert "频繁" in _guess(db, "someone", GOOD, client="192.0.2.200")


def test_unknown_username_costs_the_same_work(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked by the work done, not by a clock: one argon2 verification with today's parameters either way."""
    from classroom import passwords

    create_user(db, "known_user", "已知", "trainee", GOOD)
    real = passwords._hasher
    verified: list[str] = []

    class Spy:
        def verify(self, stored: str, password: str) -> bool:
            verified.append(stored)
            return real.verify(stored, password)

    monkeypatch.setattr(passwords, "_hasher", Spy())

    def settings(stored: str) -> str:  # "$argon2id$v=19$m=19456,t=2,p=1$salt$hash" -> "argon2id v=19 m=19456,t=2,p=1"
        return " ".join(stored.split("$")[1:4])

    _guess(db, "known_user", "not-it-0")
    _guess(db, "ghost_1", "not-it-1")
    assert len(verified) == 2, verified
    assert settings(verified[0]) == settings(verified[1]) == settings(real.hash("x" * 12))
    assert verified[0] != verified[1]  # the unknown name is checked against a real hash, not skipped
    assert _guess(db, "ghost_x", "whatever-pass") == _guess(db, "known_user", "whatever-pass2").split("。")[0]


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("12345678", "至少 12"),
        ("password", "至少 12"),
        ("password1234", "常见"),
        ("qwertyuiop123", "常见"),
        ("1qaz2wsx3edc", "常见"),
        ("zhang_wei_2026", "用户名"),
        ("ZHANG_WEI_pass", "用户名"),
        ("aaaaaaaaaaaaaaa", "重复"),
    ],
)
def test_weak_passwords_are_refused_in_chinese(password: str, reason: str) -> None:
    with pytest.raises(PasswordRejected, match=reason):
        check_password(password, "zhang_wei", "张伟")


@pytest.mark.parametrize("password", ["今天也要好好复习客户管理", "correct horse battery staple", "Kf7#pL2q!xR9"])
def test_passphrases_and_random_passwords_are_accepted(password: str) -> None:
    check_password(password, "zhang_wei", "张伟")


def test_the_username_itself_is_refused_as_a_password(db: Database) -> None:
    with pytest.raises(AccountError, match="用户名"):
        create_user(db, "a_long_username", "某某", "trainee", "a_long_username")


def test_two_admins_demoting_each_other_leave_an_admin(tmp_path: Path) -> None:
    for trial in range(10):
        db = Database(f"sqlite:///{tmp_path / f'race{trial}.db'}")
        a = create_user(db, "admin_a", "甲", "admin", GOOD)
        b = create_user(db, "admin_b", "乙", "admin", GOOD)
        barrier = threading.Barrier(2)

        def demote(database: Database, gate: threading.Barrier, user_id: int) -> None:
            gate.wait()
            with contextlib.suppress(AccountError):
                set_role(database, user_id, "trainee")

        threads = [threading.Thread(target=demote, args=(db, barrier, i)) for i in (a.id, b.id)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(User).where(User.role == "admin")) == 1


def test_first_run_set_up_makes_only_one_admin(db: Database) -> None:
    barrier = threading.Barrier(2)

    def setup(name: str) -> str:
        barrier.wait()
        try:
            return create_first_admin(db, name, name, GOOD).username
        except AccountError:
            return ""

    with ThreadPoolExecutor(2) as pool:
        made = list(pool.map(setup, ["first_one", "second_one"]))
    assert len([m for m in made if m]) == 1
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(User).where(User.role == "admin")) == 1
    with pytest.raises(AccountError):
        create_first_admin(db, "late_comer", "迟到", GOOD)


def test_password_change_needs_the_old_one_and_admin_reset_needs_an_admin(db: Database) -> None:
    me = create_user(db, "changer", "改密码", "trainee", GOOD)
    other = create_user(db, "other_one", "别人", "trainee", GOOD)
    admin = create_user(db, "the_admin", "管理员", "admin", GOOD)
    with pytest.raises(AccountError, match="原密码"):
        change_password(db, me.id, "not-the-old-one", "a-brand-new-phrase")
    with pytest.raises(AccountError, match="至少 12"):
        change_password(db, me.id, GOOD, "short")
    change_password(db, me.id, GOOD, "a-brand-new-phrase")
    assert authenticate(db, "changer", "a-brand-new-phrase").id == me.id
    with pytest.raises(AccountError, match="管理员"):
        reset_password(db, other.id, me.id, "another-new-phrase")
    reset_password(db, admin.id, me.id, "another-new-phrase")
    assert authenticate(db, "changer", "another-new-phrase").id == me.id


def test_a_sign_in_ticket_works_once_and_only_while_fresh(db: Database) -> None:
    user = create_user(db, "ticket_user", "票", "trainee", GOOD)
    opened = open_session(db, user.id)
    token = redeem_ticket(db, opened.ticket)
    assert token
    assert redeem_ticket(db, opened.ticket) is None  # replayed
    restored = resume(db, token)
    assert restored is not None and restored[0].id == user.id and restored[1] == opened.session_id
    assert resume(db, token + "x") is None
    assert redeem_ticket(db, "") is None


def test_sign_out_everywhere_ends_other_tabs(db: Database) -> None:
    user = create_user(db, "two_tabs", "两个标签", "trainee", GOOD)
    first, second = open_session(db, user.id), open_session(db, user.id)
    token = redeem_ticket(db, second.ticket)
    assert token and still_live(db, first.session_id)
    end_session(db, first.session_id)
    assert not still_live(db, first.session_id)
    assert still_live(db, second.session_id)
    assert end_all_sessions(db, user.id) == 1
    assert not still_live(db, second.session_id)
    assert resume(db, token) is None


def test_an_idle_session_expires(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    user = create_user(db, "idle_user", "闲置", "trainee", GOOD)
    opened = open_session(db, user.id)
    token = redeem_ticket(db, opened.ticket)
    assert token
    import classroom.web_sessions as ws

    later = datetime.now(UTC) + IDLE + timedelta(minutes=1)
    monkeypatch.setattr(ws, "_now", lambda: later)
    assert resume(db, token) is None
