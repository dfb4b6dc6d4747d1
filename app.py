"""客户管理师实训平台: the frame. Page config, sign-in, navigation by role."""

from __future__ import annotations

import streamlit as st

from ui import text as T
from ui.auth import cookie_script, current_account, one_rerun, sign_out
from ui.look import apply_look
from ui.routes import STUDY, TEACH, page  # the one route table

st.set_page_config(page_title=T.APP_TITLE, page_icon=T.APP_ICON, layout="wide")
apply_look()

account = current_account()
with st.sidebar:
    cookie_script()
if account is None:
    navigation = st.navigation([page("sign_in", default=True), page("verify")])
else:
    sections = {T.NAV_GROUP_STUDY: [page(k, default=k == "home") for k in STUDY]}
    if TEACH[account.role]:
        sections[T.NAV_GROUP_TEACH] = [page(k) for k in TEACH[account.role]]
    navigation = st.navigation(sections, expanded=True)
    with st.sidebar:
        st.caption(T.SIGNED_IN_AS.format(name=account.display_name, role=T.ROLE_LABELS[account.role]))
        if account.is_demo:
            st.caption(f":material/label: {T.DEMO_BADGE}")
        if st.button(T.SIGN_OUT, key="app_sign_out"):
            sign_out()
            st.rerun()
with one_rerun(account):
    navigation.run()
