"""The instructor's override panel under a trainee's run: change a rule's verdict on a turn, or take it back."""

from __future__ import annotations

import streamlit as st

from actions.overrides import override_rule, remove_override, review_run
from actions.refusals import Refusal
from catalog.catalog import Catalog
from classroom.accounts import Account
from store.db import Database
from ui import text as T
from ui.refusal import message, refusals

SHORT = 30


def _state(kind: str, fired: bool) -> str:
    yes, no = T.OVR_STATES[kind]
    return yes if fired else no


def override_panel(db: Database, account: Account, cat: Catalog, run_id: int) -> None:
    """Change a verdict of the engine on one of the run's turns with a reason; list and remove changes.
    Folded behind a toggle: nothing is read until the instructor opens it."""
    if not st.toggle(T.OVR_TITLE, key=f"ovr_{run_id}_open"):
        return
    try:
        reviewed = review_run(db, account, cat, run_id)
    except Refusal as exc:  # an unfinished run, a final exam's run, a scenario changed since
        st.caption(message(exc))
        return
    key = f"ovr_{run_id}"
    st.caption(T.OVR_HELP)
    turns = [i for i, vs in reviewed.verdicts.items() if vs]
    if not turns:
        st.caption(T.OVR_NONE_TURNS)
        return
    texts = {i: reviewed.run.turns[i].text for i in turns}
    turn = st.selectbox(
        T.OVR_TURN,
        turns,
        key=f"{key}_turn",
        format_func=lambda i: T.OVR_TURN_OPTION.format(
            n=i + 1, text=texts[i] if len(texts[i]) <= SHORT else texts[i][:SHORT] + "……"
        ),
    )
    current = {(o.turn, o.rule): o for o in reviewed.overrides}
    verdicts = {v.rule: v for v in reviewed.verdicts[turn]}

    def option(rule: str) -> str:
        v = verdicts[rule]
        o = current.get((turn, rule))
        now = T.OVR_NOW.format(verdict=_state(v.kind, o.fired)) if o is not None else ""
        return T.OVR_RULE_OPTION.format(
            kind=T.OVR_KINDS[v.kind], label=v.label, engine=_state(v.kind, v.fired), now=now
        )

    rule = st.selectbox(T.OVR_RULE, list(verdicts), key=f"{key}_rule_{turn}", format_func=option)
    v = verdicts[rule]
    flip = not v.fired  # an override always says the opposite of the engine
    concept = None
    if flip and len(v.acts) > 1:
        concept = st.radio(
            T.OVR_CONCEPT,
            list(v.acts),
            key=f"{key}_concept_{turn}_{rule}",
            format_func=reviewed.run.engine.label,
            horizontal=True,
        )
    comment = st.text_input(T.OVR_COMMENT, key=f"{key}_comment_{turn}_{rule}", max_chars=300)
    if st.button(T.OVR_SUBMIT.format(verdict=_state(v.kind, flip)), key=f"{key}_submit_{turn}_{rule}"):
        with refusals():
            override_rule(db, account, cat, run_id, turn, rule, flip, comment, concept)
            st.session_state[f"{key}_done"] = T.OVR_SAVED
            st.rerun()
    done = st.session_state.pop(f"{key}_done", None)
    if done:
        st.success(done)
    if reviewed.overrides:
        st.markdown(f"**{T.OVR_LIST}**")
    for o in reviewed.overrides:
        kind = next((x.kind for x in reviewed.verdicts.get(o.turn, []) if x.rule == o.rule), "need")
        left, right = st.columns([5, 1])
        left.caption(T.OVR_ITEM.format(n=o.turn + 1, label=o.label, verdict=_state(kind, o.fired), comment=o.comment))
        if right.button(T.OVR_REMOVE, key=f"{key}_remove_{o.turn}_{o.rule}"):
            with refusals():
                remove_override(db, account, cat, run_id, o.turn, o.rule)
                st.session_state[f"{key}_done"] = T.OVR_REMOVED
                st.rerun()
