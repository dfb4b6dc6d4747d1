"""报错/纠错: one small widget for every place that shows a question or a scored role-play line."""

from __future__ import annotations

from typing import Literal

import streamlit as st

from actions.feedback import report_problem
from ui import text as T
from ui.auth import current_account
from ui.refusal import refusals
from ui.resources import catalog, database


def report_widget(
    kind: Literal["question", "turn"], item_id: str, key: str, run_id: int | None = None, turn: int | None = None
) -> None:
    """A 报错 button opening a short form: what is wrong and a note; the reply comes back on 首页."""
    account = current_account()
    if account is None:
        return
    done = f"{key}_reported"
    with st.popover(T.FEEDBACK_BUTTON, icon=":material/flag:"):
        if st.session_state.get(done):
            st.success(T.FEEDBACK_SENT)
        with st.form(f"{key}_report_form", clear_on_submit=True):
            category = st.selectbox(
                T.FEEDBACK_CATEGORY, list(T.FEEDBACK_CATEGORIES), format_func=T.FEEDBACK_CATEGORIES.__getitem__
            )
            note = st.text_area(T.FEEDBACK_NOTE, max_chars=500)
            if st.form_submit_button(T.FEEDBACK_SUBMIT):
                with refusals():
                    report_problem(
                        database(),
                        account,
                        catalog(),
                        kind,
                        item_id,
                        category,
                        note,
                        run_id,
                        turn,
                    )
                    st.session_state[done] = True
                    st.success(T.FEEDBACK_SENT)
