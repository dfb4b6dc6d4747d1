"""Sign-in state of the current browser session, with an idle timeout and server-side role checks."""

from __future__ import annotations

import time

import streamlit as st

from classroom.accounts import Account, get_account
from ui import text as T
from ui.resources import database

IDLE_SECONDS = 2 * 60 * 60
KEY_USER, KEY_SEEN = "auth_user_id", "auth_last_seen"


def sign_in(account: Account) -> None:
    """Remember the signed-in account for this browser session."""
    st.session_state[KEY_USER] = account.id
    st.session_state[KEY_SEEN] = time.time()


def sign_out() -> None:
    """Forget the account and everything the pages kept (and end the single sign-on session)."""
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    if oidc_configured() and st.user.get("is_logged_in", False):
        st.logout()


def oidc_configured() -> bool:
    """Whether single sign-on is set up ([auth] in .streamlit/secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def current_account() -> Account | None:
    """The signed-in account, re-read from the database; None after the idle timeout."""
    user_id = st.session_state.get(KEY_USER)
    if user_id is None:
        return None
    if time.time() - st.session_state.get(KEY_SEEN, 0) > IDLE_SECONDS:
        sign_out()
        st.session_state["auth_notice"] = T.SESSION_EXPIRED
        return None
    st.session_state[KEY_SEEN] = time.time()
    return get_account(database(), int(user_id))


def require(*roles: str) -> Account:
    """The current account if it has one of the roles; otherwise stop the page."""
    account = current_account()
    if account is None or (roles and account.role not in roles):
        st.error(T.FORBIDDEN)
        st.stop()
    assert account is not None
    return account
