"""报错/纠错: one small widget for every place that shows a question or a scored role-play line."""

from __future__ import annotations

from typing import Literal

import streamlit as st

from actions.feedback import report_problem
from ui import text as T
from ui.auth import current_account
from ui.refusal import refusals
from ui.resources import catalog, database


def _toggle(opened: str, value: bool) -> None:
    st.session_state[opened] = value


def report_widget(
    kind: Literal["question", "turn"], item_id: str, key: str, run_id: int | None = None, turn: int | None = None
) -> None:
    """A 报错 button; the short form (what is wrong, a note) is drawn only once it is pressed, so a page with many
    questions or turns stays light. The reply comes back on 首页; a refused report keeps what was written."""
    account = current_account()
    if account is None:
        return
    opened, done = f"{key}_report_open", f"{key}_reported"
    if not st.session_state.get(opened):
        if st.session_state.get(done):
            st.caption(T.FEEDBACK_SENT)
        st.button(T.FEEDBACK_BUTTON, key=f"{key}_report", icon=":material/flag:", on_click=_toggle, args=(opened, True))
        return
    with st.form(f"{key}_report_form"):
        st.markdown(f"**{T.FEEDBACK_FORM_TITLE}**")
        category = st.selectbox(
            T.FEEDBACK_CATEGORY, list(T.FEEDBACK_CATEGORIES), format_func=T.FEEDBACK_CATEGORIES.__getitem__
        )
        note = st.text_area(T.FEEDBACK_NOTE, max_chars=500)
        send, cancel = st.columns(2)
        sent = send.form_submit_button(T.FEEDBACK_SUBMIT, type="primary")
        cancel.form_submit_button(T.FEEDBACK_CANCEL, on_click=_toggle, args=(opened, False))
    if sent:
        with refusals():
            report_problem(database(), account, catalog(), kind, item_id, category, note, run_id, turn)
            st.session_state[done] = True
            st.session_state[opened] = False
            st.rerun()
