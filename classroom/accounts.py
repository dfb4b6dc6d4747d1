"""Local accounts: argon2 password hashes, roles, login throttling and demo accounts."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import delete, func, select, update

from classroom import throttle
from classroom.passwords import PasswordRejected, check_password, hash_password, needs_rehash, verify_password
from source import dates
from store.db import Database
from store.tables import User

Role = Literal["trainee", "instructor", "admin"]
ROLES: tuple[Role, ...] = ("trainee", "instructor", "admin")
MAX_FAILURES = throttle.ACCOUNT.failures
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,32}$")
WRONG = "用户名或密码不正确"

# Demo accounts, seeded only on request (cma init --demo) and marked as such everywhere.
DEMO_PASSWORD = "demo-2026"
DEMO_ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    ("demo_trainee", "演示学员", "trainee"),
    ("demo_instructor", "演示教师", "instructor"),
    ("demo_admin", "演示管理员", "admin"),
)


@dataclass(frozen=True)
class Account:
    """A signed-in user as the pages see it."""

    id: int
    username: str
    display_name: str
    role: Role
    is_demo: bool


class AccountError(ValueError):
    """A sign-in or sign-up problem, with a message in Chinese."""


def account_of(user: User) -> Account:
    """The page-facing view of a user row."""
    role: Role = user.role  # type: ignore[assignment]
    return Account(user.id, user.username, user.display_name, role, user.is_demo)


@dataclass(frozen=True)
class NewUser:
    """An account checked and hashed, ready to be stored (hashing is slow: it happens before any write)."""

    username: str
    display_name: str
    role: Role
    password_hash: str
    is_demo: bool


def prepare_user(username: str, display_name: str, role: Role, password: str, *, is_demo: bool = False) -> NewUser:
    """Check the fields and the password rules and hash the password; raise AccountError on bad input."""
    username = username.strip()
    display_name = display_name.strip()
    if not USERNAME.match(username):
        raise AccountError("用户名须为 3~32 位字母、数字或 _ . -")
    if not 1 <= len(display_name) <= 32:
        raise AccountError("姓名须为 1~32 个字符")
    if role not in ROLES:
        raise AccountError("未知的角色")
    if not is_demo:  # demo accounts have a published password and are marked everywhere
        _check(password, username, display_name)
    return NewUser(username, display_name, role, hash_password(password), is_demo)


def store_user(db: Database, new: NewUser) -> Account:
    """Store a prepared account; raise AccountError when the name is taken."""
    with db.session() as s:
        if s.scalar(select(User).where(User.username == new.username)) is not None:
            raise AccountError("该用户名已被使用")
        user = User(
            username=new.username,
            display_name=new.display_name,
            role=new.role,
            password_hash=new.password_hash,
            is_demo=new.is_demo,
        )
        s.add(user)
        s.flush()
        return account_of(user)


def create_user(
    db: Database, username: str, display_name: str, role: Role, password: str, *, is_demo: bool = False
) -> Account:
    """Create an account; raise AccountError on bad input or a taken name."""
    return store_user(db, prepare_user(username, display_name, role, password, is_demo=is_demo))


def _check(password: str, username: str, display_name: str) -> None:
    try:
        check_password(password, username, display_name)
    except PasswordRejected as exc:
        raise AccountError(str(exc)) from exc


def _locked_message(until: datetime, now: datetime) -> str:
    seconds = int((until - now).total_seconds()) + 1
    if seconds < 60:
        return f"尝试次数过多，请 {seconds} 秒后再试"
    return f"登录失败次数过多，已暂时锁定，请于 {dates.clock(until)} 之后再试（约 {seconds // 60 + 1} 分钟后）"


def authenticate(
    db: Database, username: str, password: str, client: str = "", *, now: datetime | None = None
) -> Account:
    """Check a password. The account's attempt is counted in the database before the hash is checked, so
    parallel guessing cannot outrun the lock; client addresses and everyone together have failure ceilings;
    an unknown username costs the same work as a real one."""
    username = username.strip()
    now = now or datetime.now(UTC)
    account_key = "acct:" + username.casefold()
    others = [("all", throttle.EVERYONE)] + ([("addr:" + client, throttle.ADDRESS)] if client else [])
    with db.session() as s:  # a short transaction of its own, committed before the hash is checked
        for key, _limit in others:
            if throttle.locked_until(s, key, now) is not None:
                raise AccountError("登录尝试过于频繁，请稍后再试")
        attempt = throttle.count(s, account_key, throttle.ACCOUNT, now)
        stored = s.scalar(select(User.password_hash).where(User.username == username))
    if attempt.locked_until is not None:
        raise AccountError(_locked_message(attempt.locked_until, now))
    if attempt.failures > throttle.ACCOUNT.failures:  # guesses racing past the limit: not even checked
        with db.session() as s:
            until = throttle.lock(s, account_key, throttle.ACCOUNT, now, attempt.failures)
        raise AccountError(_locked_message(until, now) if until else "登录尝试过于频繁，请稍后再试")
    if verify_password(stored, password):
        with db.session() as s:
            user = s.scalar(select(User).where(User.username == username))
            if user is None:  # deleted meanwhile
                raise AccountError(WRONG)
            throttle.clear(s, account_key)
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            return account_of(user)
    with db.session() as s:
        until = throttle.lock(s, account_key, throttle.ACCOUNT, now, attempt.failures)
        for key, limit in others:
            throttle.lock(s, key, limit, now, throttle.count(s, key, limit, now).failures)
    raise AccountError(WRONG + ("。" + _locked_message(until, now) if until else ""))


def change_password(db: Database, user_id: int, old: str, new: str) -> None:
    """A user changes their own password (the old one is asked again); other sessions are ended by the caller."""
    with db.session() as s:
        user = s.get(User, user_id)
        if user is None:
            raise AccountError("找不到这个账号")
        stored, username, name = user.password_hash, user.username, user.display_name
    if not verify_password(stored, old):
        raise AccountError("原密码不正确")
    if old == new:
        raise AccountError("新密码不能与原密码相同")
    _check(new, username, name)
    new_hash = hash_password(new)
    with db.session() as s:
        s.execute(update(User).where(User.id == user_id).values(password_hash=new_hash, is_demo=False))


def reset_password(db: Database, admin_id: int, user_id: int, new: str) -> Account:
    """An admin sets a new password for an account."""
    with db.session() as s:
        admin = s.get(User, admin_id)
        if admin is None or admin.role != "admin":
            raise AccountError("只有管理员可以重置密码")
        user = s.get(User, user_id)
        if user is None:
            raise AccountError("找不到这个账号")
        if user.password_hash == SSO_PASSWORD_HASH:
            raise AccountError("这是单点登录账号，没有本地密码")
        username, name = user.username, user.display_name
    _check(new, username, name)
    new_hash = hash_password(new)
    with db.session() as s:
        user = s.get(User, user_id)
        if user is None:
            raise AccountError("找不到这个账号")
        user.password_hash = new_hash
        user.is_demo = False
        throttle.clear(s, "acct:" + username.casefold())
        return account_of(user)


SSO_PASSWORD_HASH = "!sso"  # not an argon2 hash: such an account cannot sign in with a password
SSO_PREFIX = "sso_"


def account_for_identity(db: Database, subject: str, email: str | None, name: str | None) -> Account:
    """The local account of a person signed in through OIDC, created as a trainee on first visit."""
    if not subject:
        raise AccountError("单点登录没有返回用户标识")
    username = SSO_PREFIX + hashlib.sha256(subject.encode()).hexdigest()[:12]
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            label = (name or (email or "").split("@")[0] or "学员").strip()[:32] or "学员"
            user = User(username=username, display_name=label, role="trainee", password_hash=SSO_PASSWORD_HASH)
            s.add(user)
            s.flush()
        return account_of(user)


def set_role(db: Database, user_id: int, role: Role) -> Account:
    """Change an account's role; the last admin keeps theirs, also when two admins act at once."""
    if role not in ROLES:
        raise AccountError("未知的角色")
    with db.session() as s:
        # Lock the admin rows (PostgreSQL) and decide in one conditional UPDATE (SQLite serialises writers).
        s.scalars(select(User.id).where(User.role == "admin").with_for_update()).all()
        others = (
            select(func.count()).select_from(User).where(User.role == "admin", User.id != user_id).scalar_subquery()
        )
        keeps_an_admin = (User.role != "admin") | (others >= 1) if role != "admin" else User.id == user_id
        result = s.execute(
            update(User)
            .where(User.id == user_id, keeps_an_admin)
            .values(role=role)
            .execution_options(synchronize_session=False)
        )
        changed = getattr(result, "rowcount", 0)
        user = s.get(User, user_id)
        if user is None:
            raise AccountError("找不到这个账号")
        if not changed:
            raise AccountError("这是唯一的管理员账号，不能改为其他角色")
        s.refresh(user)
        return account_of(user)


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> Account:
    """First-run set-up: create an admin only while no admin exists (checked again after the write)."""
    if has_admin(db):
        raise AccountError("系统已经设置了管理员，请直接登录")
    account = create_user(db, username, display_name, "admin", password)
    with db.session() as s:
        first = s.scalar(select(func.min(User.id)).where(User.role == "admin"))
        lost = first != account.id
        if lost:  # someone else finished set-up first: this account is withdrawn
            s.execute(delete(User).where(User.id == account.id))
    if lost:
        raise AccountError("系统已经设置了管理员，请直接登录")
    return account


def get_account(db: Database, user_id: int) -> Account | None:
    """The account with this id."""
    with db.session() as s:
        user = s.get(User, user_id)
        return account_of(user) if user else None


def list_accounts(db: Database, role: Role | None = None, ids: Collection[int] | None = None) -> list[Account]:
    """All accounts, optionally of one role and among these ids (filtered in the query), by name."""
    if ids is not None and not ids:
        return []
    with db.session() as s:
        query = select(User).order_by(User.username)
        if role:
            query = query.where(User.role == role)
        if ids is not None:
            query = query.where(User.id.in_(sorted(set(ids))))
        return [account_of(u) for u in s.scalars(query)]


def has_admin(db: Database) -> bool:
    """Whether any admin exists (else the app offers first-run set-up)."""
    with db.session() as s:
        return bool(s.scalar(select(func.count()).select_from(User).where(User.role == "admin")))


def ensure_demo_accounts(db: Database) -> list[Account]:
    """Create the demo accounts that are missing."""
    existing = {a.username for a in list_accounts(db)}
    return [
        create_user(db, name, label, role, DEMO_PASSWORD, is_demo=True)
        for name, label, role in DEMO_ACCOUNTS
        if name not in existing
    ]
