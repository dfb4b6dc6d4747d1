"""Scenario play: the transcript and the form for the trainee's next turn, shared by solo and group play."""

from __future__ import annotations

import streamlit as st

from actions.refusals import Invalid, Refusal, Stale
from actions.scenarios import play_turn
from catalog.catalog import Catalog
from classroom.accounts import Account
from scenarios.runner import TRAINEE, Run
from store.db import Database
from ui import text as T
from ui.refusal import message, show
from ui.widgets.report_problem import report_widget


def transcript(run: Run, report_run: int | None = None) -> None:
    """The emotion meter and every line so far; with `report_run`, each of the trainee's lines has 报错."""
    emotion = run.state.get("emotion")
    if emotion is not None:
        st.progress(int(emotion) / 100, text=T.SCENARIO_EMOTION_LINE.format(value=emotion))
    said = 0
    for line in run.transcript:
        is_trainee = line.speaker == TRAINEE
        with st.chat_message("user" if is_trainee else "assistant", avatar="🧑‍💼" if is_trainee else "🙎"):
            st.markdown(f"**{line.speaker}**")
            st.text(line.text)
            if is_trainee and report_run is not None:
                report_widget("turn", run.scenario.id, f"run_report_{report_run}_{said}", report_run, said)
        said += int(is_trainee)


def next_turn(
    db: Database, account: Account, cat: Catalog, run_id: int, run: Run, key: str, hints: bool, final: bool = False
) -> None:
    """The form for the next turn; a sent answer is stored and played, an invalid one explained. When another
    window has moved the run on, the answer is not sent: the page says so and keeps the words."""
    unsent = st.session_state.pop(f"{key}_unsent", None)
    if unsent is not None:
        st.warning(T.REFUSALS["Stale"])
        if unsent:
            st.caption(T.SCENARIO_UNSENT.format(text=unsent))
    # The turn this window showed when the reply was written: another window may have played it since.
    seen = st.session_state.get(f"{key}_seen", len(run.turns))
    st.session_state[f"{key}_seen"] = len(run.turns)
    typed = st.session_state.get(f"{key}_reply")
    sent, response = turn_form(run, key, hints)
    if sent:
        try:
            play_turn(db, account, cat, run_id, response, seen, final=final)
            st.rerun()
        except Stale:
            st.session_state[f"{key}_unsent"] = typed if isinstance(typed, str) else ""
            st.rerun()  # draw the run as the other window left it
        except Invalid as exc:  # empty, too long, no such choice: it costs nothing
            st.warning(message(exc))
        except Refusal as exc:
            show(exc)


def turn_form(run: Run, key: str, hints: bool = True) -> tuple[bool, int | str]:
    """The prompt and the answer form of the current turn: (sent, response)."""
    turn = run.scenario.nodes[run.node].turn
    assert turn is not None
    st.markdown(f"**{turn.prompt}**")
    if hints and turn.hint and st.toggle(T.SCENARIO_HINTS, key=f"{key}_hints", value=False):
        st.caption(T.SCENARIO_HINT.format(hint=turn.hint))
    with st.form(f"{key}_turn", clear_on_submit=True):
        response: int | str | None
        if turn.mode == "choice":
            labels = [c.text for c in turn.choices]
            response = st.radio(
                T.SCENARIO_CHOICE, range(1, len(labels) + 1), index=None, format_func=lambda i: labels[i - 1]
            )
        else:
            response = st.text_area(T.SCENARIO_YOUR_REPLY, max_chars=2000, key=f"{key}_reply")
        sent = st.form_submit_button(T.SCENARIO_SEND, type="primary")
    return sent, response if response is not None else ""
