"""Pick one of the signed-in user's classes; every lookup is checked against the account on the server."""

from __future__ import annotations

import streamlit as st

from actions.classes import my_classes
from classroom.accounts import Account
from classroom.classes import ClassInfo
from store.db import Database
from ui import text as T


def remember(class_id: int) -> None:
    """Make this class the one picked next (after creating it)."""
    st.session_state["class_current"] = class_id


def pick_class(db: Database, account: Account, key: str) -> ClassInfo | None:
    """A select box of the account's classes (shared across pages); None when there is none."""
    mine = {c.id: c for c in my_classes(db, account)}
    if not mine:
        return None
    remembered = st.session_state.get("class_current")
    ids = list(mine)
    chosen = st.selectbox(
        T.PICK_CLASS,
        ids,
        index=ids.index(remembered) if remembered in mine else 0,
        key=key,
        format_func=lambda i: f"{mine[i].name}（{mine[i].members} 人）",
    )
    st.session_state["class_current"] = chosen
    return mine[chosen]
