"""我的账号: change the password, sign out of every device."""

import streamlit as st

from actions.account import change_password
from classroom.accounts import SSO_PREFIX
from ui import text as T
from ui.auth import require, sign_out
from ui.refusal import refusals
from ui.resources import database

me = require()
db = database()
st.title(T.ACCOUNT_TITLE)

st.subheader(T.ACCOUNT_CHANGE_PASSWORD)
if me.username.startswith(SSO_PREFIX):
    st.info(T.ACCOUNT_SSO_NO_PASSWORD)
else:
    with st.form("account_password"):
        old = st.text_input(T.ACCOUNT_OLD_PASSWORD, type="password", max_chars=128)
        new = st.text_input(T.ACCOUNT_NEW_PASSWORD, type="password", max_chars=128, help=T.PASSWORD_RULES)
        again = st.text_input(T.ACCOUNT_NEW_PASSWORD_AGAIN, type="password", max_chars=128)
        if st.form_submit_button(T.ACCOUNT_CHANGE_PASSWORD, type="primary"):
            if new != again:
                st.error(T.ACCOUNT_PASSWORDS_DIFFER)
            else:
                with refusals():
                    change_password(db, me, old, new, keep_session=st.session_state.get("auth_session_id"))
                    st.success(T.ACCOUNT_PASSWORD_CHANGED)

st.subheader(T.ACCOUNT_SESSIONS)
st.caption(T.ACCOUNT_SESSIONS_INFO)
if st.button(T.ACCOUNT_SIGN_OUT_ALL, key="account_sign_out_all"):
    sign_out(everywhere=True)
    st.rerun()
