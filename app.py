"""客户管理师实训平台: the frame. Page config, sign-in, navigation by role."""

from __future__ import annotations

import streamlit as st

from ui import text as T
from ui.auth import cookie_script, current_account, sign_out

st.set_page_config(page_title=T.APP_TITLE, page_icon=T.APP_ICON, layout="wide")

PAGES = {
    "home": ("ui/pages/home.py", T.NAV_HOME, ":material/home:"),
    "learn": ("ui/pages/learn.py", T.NAV_LEARN, ":material/menu_book:"),
    "practice": ("ui/pages/practice.py", T.NAV_PRACTICE, ":material/edit_note:"),
    "exam": ("ui/pages/exam.py", T.NAV_EXAM, ":material/assignment:"),
    "scenario": ("ui/pages/scenario.py", T.NAV_SCENARIO, ":material/support_agent:"),
    "progress": ("ui/pages/progress.py", T.NAV_PROGRESS, ":material/insights:"),
    "tasks": ("ui/pages/tasks.py", T.NAV_TASKS, ":material/task_alt:"),
    "certify": ("ui/pages/certify.py", T.NAV_CERTIFY, ":material/workspace_premium:"),
    "verify": ("ui/pages/verify.py", T.NAV_VERIFY, ":material/verified:"),
    "classroom": ("ui/pages/classroom.py", T.NAV_CLASSROOM, ":material/groups:"),
    "classes": ("ui/pages/classes.py", T.NAV_CLASSES, ":material/co_present:"),
    "activities": ("ui/pages/activities.py", T.NAV_ACTIVITIES, ":material/sports_esports:"),
    "instructor": ("ui/pages/instructor.py", T.NAV_INSTRUCTOR, ":material/school:"),
    "admin": ("ui/pages/admin.py", T.NAV_ADMIN, ":material/admin_panel_settings:"),
    "account": ("ui/pages/account.py", T.NAV_ACCOUNT, ":material/manage_accounts:"),
}
STUDY = [
    "home",
    "tasks",
    "learn",
    "practice",
    "exam",
    "scenario",
    "classroom",
    "progress",
    "certify",
    "verify",
    "account",
]
TEACH = {
    "trainee": [],
    "instructor": ["instructor", "classes", "activities"],
    "admin": ["instructor", "classes", "activities", "admin"],
}


def page(key: str) -> st.Page:
    path, title, icon = PAGES[key]
    return st.Page(path, title=title, icon=icon, url_path=key, default=key == "home")


account = current_account()
with st.sidebar:
    cookie_script()
if account is None:
    navigation = st.navigation(
        [st.Page("ui/pages/sign_in.py", title=T.SIGN_IN, icon=":material/login:", default=True), page("verify")]
    )
else:
    sections = {T.NAV_GROUP_STUDY: [page(k) for k in STUDY]}
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
navigation.run()
