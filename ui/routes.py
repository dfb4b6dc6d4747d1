"""Page routes, in one table: the path, title and icon of every page, and how one page sends the user to
another with what it should show first (query parameters, read by the target page itself)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

import streamlit as st

from ui import text as T


@dataclass(frozen=True)
class Route:
    """One page."""

    path: str
    title: str
    icon: str


ROUTES: dict[str, Route] = {
    "home": Route("ui/pages/home.py", T.NAV_HOME, ":material/home:"),
    "learn": Route("ui/pages/learn.py", T.NAV_LEARN, ":material/menu_book:"),
    "practice": Route("ui/pages/practice.py", T.NAV_PRACTICE, ":material/edit_note:"),
    "exam": Route("ui/pages/exam.py", T.NAV_EXAM, ":material/assignment:"),
    "scenario": Route("ui/pages/scenario.py", T.NAV_SCENARIO, ":material/support_agent:"),
    "progress": Route("ui/pages/progress.py", T.NAV_PROGRESS, ":material/insights:"),
    "tasks": Route("ui/pages/tasks.py", T.NAV_TASKS, ":material/task_alt:"),
    "certify": Route("ui/pages/certify.py", T.NAV_CERTIFY, ":material/workspace_premium:"),
    "verify": Route("ui/pages/verify.py", T.NAV_VERIFY, ":material/verified:"),
    "classroom": Route("ui/pages/classroom.py", T.NAV_CLASSROOM, ":material/groups:"),
    "classes": Route("ui/pages/classes.py", T.NAV_CLASSES, ":material/co_present:"),
    "activities": Route("ui/pages/activities.py", T.NAV_ACTIVITIES, ":material/sports_esports:"),
    "instructor": Route("ui/pages/instructor.py", T.NAV_INSTRUCTOR, ":material/school:"),
    "admin": Route("ui/pages/admin.py", T.NAV_ADMIN, ":material/admin_panel_settings:"),
    "feedback": Route("ui/pages/feedback.py", T.NAV_FEEDBACK, ":material/flag:"),
    "sign_in": Route("ui/pages/sign_in.py", T.SIGN_IN, ":material/login:"),
    "account": Route("ui/pages/account.py", T.NAV_ACCOUNT, ":material/manage_accounts:"),
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
    "instructor": ["instructor", "classes", "activities", "feedback"],
    "admin": ["instructor", "classes", "activities", "feedback", "admin"],
}


def page(key: str, *, default: bool = False) -> st.Page:
    """The navigation entry of a route."""
    route = ROUTES[key]
    return st.Page(route.path, title=route.title, icon=route.icon, url_path=key, default=default)


def go(key: str, **show: str) -> NoReturn:
    """Switch to a page, telling it what to show first (it reads them with `arrival`)."""
    st.switch_page(ROUTES[key].path, query_params=show)


def link(key: str, label: str | None = None, icon: str | None = None, **show: str) -> None:
    """A link to a page."""
    st.page_link(ROUTES[key].path, label=label or ROUTES[key].title, icon=icon, query_params=show or None)


def arrival(name: str) -> str | None:
    """A place named in the URL that this session has not shown yet: a shared link, a reload (a new session)
    or another page's hand-over. None when the URL says nothing new, so the page keeps its own choice."""
    value = st.query_params.get(name)
    if value is None or st.session_state.get(f"route_at_{name}") == value:
        return None
    st.session_state[f"route_at_{name}"] = value
    return value


def here(**place: str | int | None) -> None:
    """Write what is open on the page into the URL, so a reload or a shared link returns to it (None removes)."""
    for name, value in place.items():
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
            st.session_state.pop(f"route_at_{name}", None)
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)
        st.session_state[f"route_at_{name}"] = None if value is None else str(value)
