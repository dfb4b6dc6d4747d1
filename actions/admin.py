"""Accounts, as an admin manages them."""

from __future__ import annotations

from actions._guard import Actor, action, role
from classroom import accounts, web_sessions
from classroom.accounts import Account, Role
from store.db import Database


@action
def all_accounts(db: Database, actor: Actor) -> list[Account]:
    """Every account, by username."""
    role(db, actor, "admin")
    return accounts.list_accounts(db)


@action
def create_account(
    db: Database, actor: Actor, username: str, display_name: str, new_role: Role, password: str
) -> Account:
    """A new account with any role."""
    role(db, actor, "admin")
    return accounts.create_user(db, username, display_name, new_role, password)


@action
def change_role(db: Database, actor: Actor, user_id: int, new_role: Role) -> Account:
    """Give an account another role; the last admin keeps theirs."""
    role(db, actor, "admin")
    return accounts.set_role(db, user_id, new_role)


@action
def reset_password(db: Database, actor: Actor, user_id: int, new_password: str) -> Account:
    """Give an account a new password; every browser signed in to it is signed out."""
    me = role(db, actor, "admin")
    changed = accounts.reset_password(db, me.id, user_id, new_password)
    web_sessions.end_all_sessions(db, changed.id)
    return changed
