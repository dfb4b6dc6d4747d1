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


def class_labels(classes: list[ClassInfo]) -> dict[int, str]:
    """A label per class that stays the same while trainees join: the name, with the join code where two
    classes share a name. Counts change, so they are shown beside the picker, never in its options."""
    names = [c.name for c in classes]
    return {
        c.id: c.name if names.count(c.name) == 1 else T.PICK_CLASS_TWIN.format(name=c.name, code=c.code)
        for c in classes
    }


def pick_class(db: Database, account: Account, key: str) -> ClassInfo | None:
    """A select box of the account's classes (shared across pages); None when there is none.
    The classes, with their member counts, are read from the database on every rerun."""
    mine = {c.id: c for c in my_classes(db, account)}
    if not mine:
        return None
    labels = class_labels(list(mine.values()))
    remembered = st.session_state.get("class_current")
    ids = list(mine)
    chosen = st.selectbox(
        T.PICK_CLASS,
        ids,
        index=ids.index(remembered) if remembered in mine else 0,
        key=key,
        format_func=labels.__getitem__,
    )
    st.session_state["class_current"] = chosen
    if account.role != "trainee":
        st.caption(T.PICK_CLASS_MEMBERS.format(n=mine[chosen].members))
    return mine[chosen]
