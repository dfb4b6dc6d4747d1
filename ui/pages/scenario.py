"""情景演练: play a scenario with an emotion meter, then read the rule engine's report."""

import streamlit as st

from actions.refusals import Invalid, NotAllowed, NotFound
from actions.scenarios import load_run, my_runs, scenario_attempts_left, start_run
from scenarios.runner import Run
from ui import routes
from ui import text as T
from ui.auth import require
from ui.refusal import message, refusals
from ui.resources import catalog, database
from ui.widgets.scenario_play import next_turn, report, transcript

account = require()
cat, db = catalog(), database()
st.title(T.NAV_SCENARIO)
asked = routes.arrival("scenario")  # a section or a task sent the trainee here for this scenario
if asked in cat.scenarios:
    st.session_state["scenario_pick"] = asked
if not cat.scenarios:
    st.info(T.SCENARIO_NONE)
    st.stop()

scenario_id = st.selectbox(
    T.SCENARIO_CHOOSE,
    list(cat.scenarios),
    key="scenario_pick",
    format_func=lambda s: f"[{T.SCENARIO_KIND[cat.scenarios[s].kind]}] {cat.scenarios[s].title}",
)
scenario = cat.scenarios[scenario_id]
runs = st.session_state.setdefault("scenario_runs", {})

with st.expander(T.SCENARIO_BRIEF, expanded=scenario_id not in runs):
    st.write(scenario.brief)
    st.caption(T.SCENARIO_ROLES_LINE.format(roles="、".join(scenario.roles.values())))

if scenario_id not in runs:
    unfinished = next((r for r in my_runs(db, account, cat) if r.scenario_id == scenario_id and not r.finished), None)
    cols = st.columns(2)
    if unfinished and cols[0].button(T.SCENARIO_RESUME, key="scenario_resume"):
        runs[scenario_id] = unfinished.id
        st.rerun()
    left = scenario_attempts_left(db, account, cat, scenario_id)
    if left is not None:
        st.caption(T.ATTEMPTS_LEFT.format(n=left))
    if cols[1 if unfinished else 0].button(T.SCENARIO_START, type="primary", key="scenario_start", disabled=left == 0):
        with refusals():
            runs[scenario_id] = start_run(db, account, cat, scenario_id)
            st.rerun()
    st.stop()

run_id = runs[scenario_id]
try:
    run: Run = load_run(db, account, cat, run_id)
except (NotFound, NotAllowed):
    del runs[scenario_id]
    st.rerun()
except Invalid as exc:  # the scenario was edited since this run started: it has ended
    del runs[scenario_id]
    st.warning(message(exc))
    st.stop()

transcript(run, report_run=run_id if run.finished else None)  # 报错 once the scores are shown

if not run.finished:
    next_turn(db, account, cat, run_id, run, "scenario", hints=True)
    st.stop()

result = run.result
assert result is not None
report(run, "scenario_report")
if result.missed:
    st.subheader(T.SCENARIO_MISSED)
    if any(m.points for m in result.missed):
        st.caption(T.SCENARIO_REVIEW_QUEUED)
    for m in result.missed:
        st.markdown(f"- {m.feedback}")

with st.expander(T.SCENARIO_MODEL):
    for node in scenario.nodes.values():
        if node.turn is not None:
            st.markdown(f"- **{node.turn.prompt}** {node.turn.model_answer}")
if scenario.sections:
    st.subheader(T.SCENARIO_REREAD)
    for sid in scenario.sections:
        if sid in cat.sections and st.button(cat.sections[sid].title, key=f"scenario_reread_{sid}"):
            routes.go("learn", section=sid)
if st.button(T.SCENARIO_RESTART, key="scenario_restart"):
    del runs[scenario_id]
    st.rerun()
