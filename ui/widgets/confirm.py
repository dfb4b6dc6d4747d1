"""Ask before an action that cannot be undone, and name the person or thing it acts on."""

from __future__ import annotations

from typing import Any

import streamlit as st

from classroom.accounts import Account
from ui import text as T


def person_label(person: Account) -> str:
    """A trainee as pickers and charts show them: two people with one name stay two (name and username)."""
    return T.PERSON_LABEL.format(name=person.display_name, username=person.username)


def ask(key: str, target: Any) -> None:
    """Remember that the action under `key` was asked for on `target`; nothing is done yet."""
    st.session_state[f"{key}_asked"] = target


def confirmed(key: str, target: Any, question: str) -> bool:
    """Draw the question with 确认/取消 while `target` is the one asked about; True once confirmed.
    Picking another target drops the question."""
    asked = st.session_state.get(f"{key}_asked")
    if asked is None:
        return False
    if asked != target:
        st.session_state.pop(f"{key}_asked", None)
        return False
    with st.container(border=True):
        st.warning(question)
        yes, no = st.columns(2)
        if yes.button(T.CONFIRM_YES, key=f"{key}_yes", type="primary"):
            st.session_state.pop(f"{key}_asked", None)
            return True
        if no.button(T.CONFIRM_NO, key=f"{key}_no"):
            st.session_state.pop(f"{key}_asked", None)
            st.rerun()
    return False
