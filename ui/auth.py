"""Sign-in state of the current browser session: restored from the HttpOnly session cookie after a reload,
checked against the server on every rerun (a sign-out elsewhere ends it), with server-side role checks."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from actions._guard import actor_read
from classroom.accounts import Account, get_account
from classroom.web_sessions import COOKIE, end_all_sessions, end_session, open_session, resume, still_live
from ui import text as T
from ui.resources import database

IDLE_SECONDS = 12 * 60 * 60
KEY_USER, KEY_SEEN, KEY_SESSION = "auth_user_id", "auth_last_seen", "auth_session_id"
KEY_TICKET, KEY_CLEAR = "auth_cookie_ticket", "auth_clear_cookie"
# The account read at the start of the page rerun under way (a one-element tuple once read; None outside).
_this_rerun: ContextVar[tuple[Account | None] | None] = ContextVar("rerun_account", default=None)


def client_address() -> str:
    """The browser's address (the proxy's X-Forwarded-For first entry when CMA_TRUST_PROXY=1)."""
    try:
        if os.environ.get("CMA_TRUST_PROXY") == "1":
            forwarded = st.context.headers.get("X-Forwarded-For", "")
            if forwarded:
                return forwarded.split(",")[0].strip()[:64]
        return str(st.context.ip_address or "")[:64]
    except Exception:  # no request context (tests)
        return ""


def remember(account: Account) -> None:
    """Remember the account for this browser session and ask the browser to keep a session cookie."""
    opened = open_session(database(), account.id)
    st.session_state[KEY_USER] = account.id
    st.session_state[KEY_SEEN] = time.time()
    st.session_state[KEY_SESSION] = opened.session_id
    st.session_state[KEY_TICKET] = opened.ticket
    st.session_state.pop(KEY_CLEAR, None)


@contextmanager
def one_rerun(account: Account | None) -> Iterator[None]:
    """The page of this rerun sees `account` (just read by `current_account`) without reading it again, and
    its actions take it as their actor's stored row (an action that writes still checks it before commit)."""
    token = _this_rerun.set((account,))
    try:
        with actor_read(database(), account):
            yield
    finally:
        _this_rerun.reset(token)


def _forget() -> None:
    if _this_rerun.get() is not None:
        _this_rerun.set((None,))
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state[KEY_CLEAR] = True


def sign_out(everywhere: bool = False) -> None:
    """End this browser's session (or every session of the account) and forget what the pages kept."""
    session_id = st.session_state.get(KEY_SESSION)
    user_id = st.session_state.get(KEY_USER)
    if everywhere and user_id is not None:
        end_all_sessions(database(), int(user_id))
    elif session_id is not None:
        end_session(database(), int(session_id))
    _forget()
    if oidc_configured() and st.user.get("is_logged_in", False):
        st.logout()


def oidc_configured() -> bool:
    """Whether single sign-on is set up ([auth] in .streamlit/secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _cookie() -> str:
    try:
        return str(st.context.cookies.get(COOKIE) or "")
    except Exception:  # no request context (tests)
        return ""


def current_account() -> Account | None:
    """The signed-in account, re-read from the database once per rerun; None after a sign-out elsewhere or the
    idle timeout."""
    held = _this_rerun.get()
    if held is not None:
        return held[0]
    user_id = st.session_state.get(KEY_USER)
    if user_id is None:
        if st.session_state.get(KEY_CLEAR):
            return None  # signed out in this tab: the old cookie must not sign in again
        restored = resume(database(), _cookie())
        if restored is None:
            return None
        account, session_id = restored
        st.session_state[KEY_USER] = account.id
        st.session_state[KEY_SESSION] = session_id
        st.session_state[KEY_SEEN] = time.time()
        return account
    live_id = st.session_state.get(KEY_SESSION)
    expired = time.time() - st.session_state.get(KEY_SEEN, 0) > IDLE_SECONDS
    if expired or (live_id is not None and not still_live(database(), int(live_id))):
        if live_id is not None:
            end_session(database(), int(live_id))
        _forget()
        st.session_state["auth_notice"] = T.SESSION_EXPIRED
        return None
    st.session_state[KEY_SEEN] = time.time()
    return get_account(database(), int(user_id))


def cookie_script() -> None:
    """Hand a pending ticket to the browser (it fetches the HttpOnly cookie), or clear the cookie after sign-out."""
    ticket = st.session_state.pop(KEY_TICKET, None)
    if ticket:
        body = json.dumps("ticket=" + ticket)
        st.html(
            "<script>fetch('/auth/session',{method:'POST',credentials:'same-origin',"
            f"headers:{{'Content-Type':'application/x-www-form-urlencoded'}},body:{body}}});</script>",
            unsafe_allow_javascript=True,
        )
    elif st.session_state.get(KEY_CLEAR) == True:  # noqa: E712 - a flag, not a truthy value
        st.session_state[KEY_CLEAR] = "sent"
        st.html(
            "<script>fetch('/auth/sign-out',{method:'POST',credentials:'same-origin'});</script>",
            unsafe_allow_javascript=True,
        )


def require(*roles: str) -> Account:
    """The current account if it has one of the roles; otherwise stop the page."""
    account = current_account()
    if account is None or (roles and account.role not in roles):
        st.error(T.FORBIDDEN)
        st.stop()
    assert account is not None
    return account
