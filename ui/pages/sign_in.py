"""Sign-in, and first-run admin set-up when no admin exists."""

import streamlit as st

from actions.sign_in import set_up_first_admin, sign_in, sign_in_page, sign_in_with_identity
from classroom.accounts import DEMO_PASSWORD
from ui import text as T
from ui.auth import client_address, current_account, oidc_configured, remember
from ui.refusal import refusals
from ui.resources import database

db = database()
actor = current_account()
page = sign_in_page(db, actor)
st.title(T.APP_TITLE)
st.caption(T.TAGLINE)
notice = st.session_state.pop("auth_notice", None)
if notice:
    st.info(notice)

if page.needs_set_up:
    st.subheader(T.SETUP_TITLE)
    st.write(T.SETUP_INTRO)
    with st.form("signin_setup"):
        username = st.text_input(T.USERNAME, max_chars=32)
        name = st.text_input(T.DISPLAY_NAME, max_chars=32)
        password = st.text_input(T.PASSWORD, type="password", max_chars=128, help=T.PASSWORD_RULES)
        if st.form_submit_button(T.SETUP_SUBMIT, type="primary"):
            with refusals():
                remember(set_up_first_admin(db, actor, username, name, password))
                st.rerun()
else:
    if oidc_configured():
        if st.user.get("is_logged_in", False):
            claims = {k: str(st.user.get(k) or "") for k in ("sub", "email", "name")}
            with refusals():
                remember(
                    sign_in_with_identity(db, actor, claims["sub"], claims["email"] or None, claims["name"] or None)
                )
                st.rerun()
        st.button(T.SSO_SIGN_IN, key="signin_sso", on_click=st.login, type="primary")
        st.caption(T.SSO_OR_PASSWORD)
    with st.form("signin_form"):
        username = st.text_input(T.USERNAME, max_chars=32)
        password = st.text_input(T.PASSWORD, type="password", max_chars=128)
        if st.form_submit_button(T.SIGN_IN, type="primary"):
            with refusals():
                remember(sign_in(db, actor, username, password, client_address()))
                st.rerun()
    if page.demo_usernames:
        st.info(T.DEMO_HINT.format(accounts="、".join(page.demo_usernames), password=DEMO_PASSWORD))
