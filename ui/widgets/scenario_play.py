"""Scenario play: the transcript and the form for the trainee's next turn, shared by solo and group play,
and the report that teaches (shared by the scenario page and the teacher's drill-down)."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from actions.refusals import Invalid, Refusal, Stale
from actions.scenarios import play_turn
from catalog.catalog import Catalog
from classroom.accounts import Account
from scenarios.runner import TRAINEE, Run
from store.db import Database
from ui import text as T
from ui.look import chart, figure
from ui.refusal import message, show
from ui.widgets.highlight import highlight
from ui.widgets.report_problem import report_widget


def transcript(run: Run, report_run: int | None = None) -> None:
    """The emotion and trust meters and every line so far; with `report_run`, each of the trainee's lines
    has 报错."""
    emotion = run.state.get("emotion")
    if emotion is not None:
        st.progress(max(0, min(100, int(emotion))) / 100, text=T.SCENARIO_EMOTION_LINE.format(value=emotion))
    trust = run.state.get("trust")
    if trust is not None:
        st.progress(max(0, min(100, int(trust))) / 100, text=T.SCENARIO_TRUST_LINE.format(value=trust))
    said = 0
    for line in run.transcript:
        is_trainee = line.speaker == TRAINEE
        with st.chat_message("user" if is_trainee else "assistant", avatar="🧑‍💼" if is_trainee else "🙎"):
            st.markdown(f"**{line.speaker}**")
            st.text(line.text)
            if is_trainee and report_run is not None:
                report_widget("turn", run.scenario.id, f"run_report_{report_run}_{said}", report_run, said)
        said += int(is_trainee)


def _radar(labels: list[str], values: list[int]) -> go.Figure:
    radar = go.Figure(go.Scatterpolar(r=[*values, values[0]], theta=[*labels, labels[0]], fill="toself"))
    radar.update_layout(
        polar={"radialaxis": {"range": [0, 100]}},
        showlegend=False,
        height=320,
        margin={"l": 40, "r": 40, "t": 20, "b": 20},
    )
    return radar


def report(run: Run, key: str) -> None:
    """The report of a finished run: total, ending, radar, every scored line, and what each turn needed."""
    result = run.result
    if result is None:
        return
    scenario = run.scenario
    ending = scenario.endings.get(result.ending or "")
    st.header(T.SCENARIO_REPORT)
    c1, c2 = st.columns([1, 2])
    c1.metric(T.SCENARIO_TOTAL, f"{result.total:g}")
    if ending:
        c1.markdown(T.SCENARIO_ENDING.format(title=ending.title))
        c1.write(ending.debrief)
    labels = [d.label for d in result.dimensions]
    values = [round(d.fraction * 100) for d in result.dimensions]
    if labels:
        with c2:
            chart(
                figure(("scenario_radar", tuple(labels), tuple(values)), lambda: _radar(labels, values)),
                key=f"{key}_radar",
            )

    st.subheader(T.SCENARIO_TIMELINE)
    for played, turn in zip(run.turns, result.turns, strict=False):
        words = [w for n in turn.needs if n.met for w in n.words]
        with st.container(border=True):
            st.caption(T.SCENARIO_TURN_AT.format(n=played.index + 1, minutes=played.minutes))
            if turn.customer:
                st.caption(T.SCENARIO_CUSTOMER_SAID.format(text=turn.customer))
            st.markdown(highlight(played.text, words))
            st.markdown(f"**{T.SCENARIO_NEEDED}**")
            for need in turn.needs:
                if need.met:
                    st.markdown(T.SCENARIO_NEED_MET.format(need=need.need, words="、".join(need.words)))
                else:
                    st.markdown(T.SCENARIO_NEED_MISSED.format(need=need.need, better=need.better))
            st.caption(T.SCENARIO_DID.format(acts="、".join(turn.did)) if turn.did else T.SCENARIO_DID_NOTHING)
            if turn.faults:
                st.caption(T.SCENARIO_FAULTS.format(faults="、".join(turn.faults)))
            if turn.flags:
                st.caption(T.SCENARIO_FLAGS.format(flags="；".join(turn.flags)))
            st.caption(T.SCENARIO_METERS.format(emotion=turn.emotion, trust=turn.trust))

    st.subheader(T.SCENARIO_LINES)
    for line in result.lines:
        changed = getattr(line, "override", "")  # an instructor's override, with its reason
        if line.points == 0 and line.kind not in ("credit", "check") and not changed:
            continue
        where = T.SCENARIO_TURN.format(n=line.turn + 1) if line.turn is not None else T.SCENARIO_END_CHECK
        sign = T.SCENARIO_GAIN if line.points > 0 else T.SCENARIO_LOSS if line.points < 0 else "·"
        amount = (
            T.SCENARIO_LINE_OF.format(points=line.points, possible=line.possible)
            if line.possible
            else f"{line.points:+g}"
        )
        text = T.SCENARIO_LINE.format(sign=sign, where=where, label=line.label, points=amount)
        detail = f" · {T.SCENARIO_WORDS.format(words='、'.join(line.words))}" if line.words else ""
        note = f" · {line.feedback}" if line.feedback else ""
        st.markdown(f"{text}{detail}{note}")
        if changed:
            yes, no = T.OVR_STATES["need" if line.kind == "credit" else "fault"]
            verdict = yes if getattr(line, "overridden_to", False) else no
            st.caption(T.OVR_LINE_NOTE.format(verdict=verdict, comment=changed))
    st.markdown(f"**{T.SCENARIO_SUM.format(total=result.total)}**")


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
