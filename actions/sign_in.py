"""Signing in: with verifying a certificate, the only actions open to a signed-out caller. The actor is the
account of the browser session if there is one; signing in again replaces it.

`sign_in` and `set_up_first_admin` are not one transaction, on purpose: a failed attempt is counted and
committed before the password hash is checked (so it counts toward the lock-out even though the sign-in
fails), and the first admin is checked again after its row is committed (two set-ups at once leave one)."""

from __future__ import annotations

from dataclasses import dataclass

from actions._guard import Actor, action
from actions.refusals import Invalid, NotAllowed
from classroom import accounts
from classroom.accounts import Account, AccountError
from store.db import Database

FILL_BOTH = "请填写用户名和密码"


@dataclass(frozen=True)
class SignInPage:
    """What the sign-in page shows: first-run set-up (no admin yet) or the form, and the demo accounts."""

    needs_set_up: bool
    demo_usernames: tuple[str, ...]


@action
def sign_in_page(db: Database, actor: Actor) -> SignInPage:
    """Whether first-run set-up is due, and the demo accounts to name under the form."""
    admin = accounts.has_admin(db)
    demos = tuple(a.username for a in accounts.list_accounts(db) if a.is_demo) if admin else ()
    return SignInPage(needs_set_up=not admin, demo_usernames=demos)


def sign_in(db: Database, actor: Actor, username: str, password: str, client: str = "") -> Account:
    """Check a username and password; the account signed in. Refused with the reason (wrong password, locked
    for a while, …) as Invalid. The attempt counter commits on its own, before the hash is checked."""
    if not username or not password:
        raise Invalid(FILL_BOTH)
    try:
        return accounts.authenticate(db, username, password, client)
    except AccountError as exc:
        raise Invalid(str(exc)) from exc


def set_up_first_admin(db: Database, actor: Actor, username: str, display_name: str, password: str) -> Account:
    """First run: create the first admin, only while no admin exists (later and losing callers are refused)."""
    if accounts.has_admin(db):
        raise NotAllowed()
    try:
        return accounts.create_first_admin(db, username, display_name, password)
    except AccountError as exc:
        raise Invalid(str(exc)) from exc


@action
def sign_in_with_identity(db: Database, actor: Actor, subject: str, email: str | None, name: str | None) -> Account:
    """A person the school's identity provider has signed in (OIDC): their local account, made on first visit."""
    if not subject:
        raise NotAllowed()
    return accounts.account_for_identity(db, subject, email, name)
