"""Sign-in, and first-run admin set-up when no admin exists."""

import streamlit as st

from classroom.accounts import (
    DEMO_PASSWORD,
    AccountError,
    account_for_identity,
    authenticate,
    create_first_admin,
    has_admin,
    list_accounts,
)
from ui import text as T
from ui.auth import client_address, oidc_configured, sign_in
from ui.resources import database

db = database()
st.title(T.APP_TITLE)
st.caption(T.TAGLINE)
notice = st.session_state.pop("auth_notice", None)
if notice:
    st.info(notice)

if not has_admin(db):
    st.subheader(T.SETUP_TITLE)
    st.write(T.SETUP_INTRO)
    with st.form("signin_setup"):
        username = st.text_input(T.USERNAME, max_chars=32)
        name = st.text_input(T.DISPLAY_NAME, max_chars=32)
        password = st.text_input(T.PASSWORD, type="password", max_chars=128, help=T.PASSWORD_RULES)
        if st.form_submit_button(T.SETUP_SUBMIT, type="primary"):
            try:
                sign_in(create_first_admin(db, username, name, password))
                st.rerun()
            except AccountError as exc:
                st.error(str(exc))
else:
    if oidc_configured():
        if st.user.get("is_logged_in", False):
            claims = {k: str(st.user.get(k) or "") for k in ("sub", "email", "name")}
            sign_in(account_for_identity(db, claims["sub"], claims["email"] or None, claims["name"] or None))
            st.rerun()
        st.button(T.SSO_SIGN_IN, key="signin_sso", on_click=st.login, type="primary")
        st.caption(T.SSO_OR_PASSWORD)
    with st.form("signin_form"):
        username = st.text_input(T.USERNAME, max_chars=32)
        password = st.text_input(T.PASSWORD, type="password", max_chars=128)
        if st.form_submit_button(T.SIGN_IN, type="primary"):
            if not username or not password:
                st.error(T.FILL_BOTH)
            else:
                try:
                    sign_in(authenticate(db, username, password, client_address()))
                    st.rerun()
                except AccountError as exc:
                    st.error(str(exc))
    demos = [a.username for a in list_accounts(db) if a.is_demo]
    if demos:
        st.info(T.DEMO_HINT.format(accounts="、".join(demos), password=DEMO_PASSWORD))
