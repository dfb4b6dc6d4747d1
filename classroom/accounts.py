"""Local accounts: argon2 password hashes, roles, login throttling and demo accounts."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from store.db import Database
from store.tables import User, utcnow

Role = Literal["trainee", "instructor", "admin"]
ROLES: tuple[Role, ...] = ("trainee", "instructor", "admin")
MAX_FAILURES = 5
LOCK_MINUTES = 5
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,32}$")
_hasher = PasswordHasher()

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


def create_user(
    db: Database, username: str, display_name: str, role: Role, password: str, *, is_demo: bool = False
) -> Account:
    """Create an account; raise AccountError on bad input or a taken name."""
    username = username.strip()
    display_name = display_name.strip()
    if not USERNAME.match(username):
        raise AccountError("用户名须为 3~32 位字母、数字或 _ . -")
    if not 1 <= len(display_name) <= 32:
        raise AccountError("姓名须为 1~32 个字符")
    if role not in ROLES:
        raise AccountError("未知的角色")
    if len(password) < 8:
        raise AccountError("密码至少 8 位")
    with db.session() as s:
        if s.scalar(select(User).where(User.username == username)) is not None:
            raise AccountError("该用户名已被使用")
        user = User(
            username=username,
            display_name=display_name,
            role=role,
            password_hash=_hasher.hash(password),
            is_demo=is_demo,
        )
        s.add(user)
        s.flush()
        return account_of(user)


def authenticate(db: Database, username: str, password: str) -> Account:
    """Check a password; lock the account for a while after repeated failures."""
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        if user is None:
            raise AccountError("用户名或密码不正确")
        now = utcnow()
        if user.locked_until is not None and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            raise AccountError(f"登录失败次数过多，请 {minutes} 分钟后再试")
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_logins = 0
            wrong = AccountError("用户名或密码不正确")
        else:
            user.failed_logins = 0
            user.locked_until = None
            return account_of(user)
    raise wrong


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
    """Change an account's role; the last admin keeps theirs."""
    if role not in ROLES:
        raise AccountError("未知的角色")
    with db.session() as s:
        user = s.get(User, user_id)
        if user is None:
            raise AccountError("找不到这个账号")
        admins = s.scalar(select(func.count()).select_from(User).where(User.role == "admin"))
        if user.role == "admin" and role != "admin" and admins == 1:
            raise AccountError("这是唯一的管理员账号，不能改为其他角色")
        user.role = role
        return account_of(user)


def get_account(db: Database, user_id: int) -> Account | None:
    """The account with this id."""
    with db.session() as s:
        user = s.get(User, user_id)
        return account_of(user) if user else None


def list_accounts(db: Database, role: Role | None = None) -> list[Account]:
    """All accounts, optionally of one role, by name."""
    with db.session() as s:
        query = select(User).order_by(User.username)
        if role:
            query = query.where(User.role == role)
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
