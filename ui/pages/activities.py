"""课堂活动: run a live quiz, start group role-plays and see their scores, mark group reports."""

import streamlit as st

from actions import live
from actions.classes import class_assignments, class_groups
from actions.refusals import Stale
from actions.reports import class_reports, mark_report
from actions.roleplay import class_role_plays, start_role_play
from classroom.live import MAX_QUESTIONS
from classroom.report_templates import RUBRIC, TEMPLATES
from ui import text as T
from ui.auth import require
from ui.look import dataframe
from ui.refusal import refusals
from ui.resources import catalog, database
from ui.widgets.class_picker import pick_class
from ui.widgets.confirm import person_label
from ui.widgets.leaderboard import score_text, show_board
from ui.widgets.question import show_question

account = require("instructor", "admin")
cat, db = catalog(), database()
st.title(T.NAV_ACTIVITIES)
info = pick_class(db, account, "activities_pick")
if info is None:
    st.info(T.CLASS_NONE_INSTRUCTOR)
    st.stop()
groups = class_groups(db, account, info.id)
quiz_tab, play_tab, report_tab = st.tabs([T.LIVE, T.ROLEPLAY, T.REPORTS])


@st.fragment(run_every=2)
def live_board(quiz_id: int) -> None:
    """Where the quiz stands and both leaderboards, refreshed every two seconds."""
    state, people, teams = live.live_view(db, account, quiz_id)
    st.markdown(T.LIVE_CODE.format(code=state.code, joined=state.participants))
    if state.finished:
        st.success(T.LIVE_FINISHED)
    elif state.question_id is None:
        st.info(T.LIVE_LOBBY)
    else:
        st.caption(T.LIVE_QUESTION.format(n=state.current + 1, total=len(state.question_ids)))
        if state.question_id in cat.questions:
            show_question(cat.questions[state.question_id], seed=quiz_id)
        st.progress(
            state.answered_current / max(1, state.participants),
            text=T.LIVE_ANSWERED.format(n=state.answered_current, joined=state.participants),
        )
    left, right = st.columns(2)
    left.markdown(f"**{T.LIVE_BOARD}**")
    show_board(left, people, T.LIVE_BOARD_EMPTY)
    right.markdown(f"**{T.LIVE_TEAM_BOARD}**")
    show_board(right, teams, T.LIVE_TEAM_BOARD_EMPTY if groups else T.LIVE_TEAM_BOARD_NO_GROUPS)


with quiz_tab:
    with st.expander(T.LIVE_CREATE), st.form("activities_live_new"):
        title = st.text_input(T.LIVE_TITLE, max_chars=64)
        chapters = {c.id: c.title for c in cat.chapters}
        chapter_id = st.selectbox(T.LIVE_CHAPTER, list(chapters), format_func=chapters.__getitem__)
        count = st.number_input(T.LIVE_COUNT, 1, MAX_QUESTIONS, 5)
        if st.form_submit_button(T.LIVE_CREATE, type="primary"):
            with refusals():
                made = live.create_live_quiz(db, account, cat, info.id, title, chapter_id, int(count))
                st.session_state["activities_live_pick"] = made.id  # the selector shows the new quiz
                st.success(T.LIVE_CREATED.format(code=made.code))
    quizzes = {q.id: q for q in live.class_live_quizzes(db, account, info.id)}
    if not quizzes:
        st.info(T.LIVE_NONE)
    else:
        quiz_id = st.selectbox(
            T.LIVE_PICK,
            list(quizzes),  # newest first: the first one is picked unless another was chosen
            format_func=lambda i: f"{quizzes[i].title} · {quizzes[i].code}",
            key="activities_live_pick",
        )
        c1, c2 = st.columns(2)
        shown = quizzes[quiz_id]
        # after a push or the end, draw again so the buttons and the picker show the quiz as it now stands
        if c1.button(T.LIVE_NEXT, type="primary", key="activities_live_next", disabled=shown.finished):
            try:
                live.push_live_question(db, account, quiz_id, shown.current)
                st.rerun()
            except Stale:
                st.warning(T.LIVE_PUSH_STALE)
        if c2.button(T.LIVE_END, key="activities_live_end", disabled=shown.finished):
            with refusals():
                live.finish_live_quiz(db, account, quiz_id)
                st.rerun()
        live_board(quiz_id)

with play_tab:
    if not groups:
        st.info(T.GROUP_NONE)
    else:
        by_gid = {g.id: g for g in groups}
        with st.expander(T.ROLEPLAY_START):
            gid = st.selectbox(
                T.ROLEPLAY_GROUP, list(by_gid), key="activities_play_group", format_func=lambda i: by_gid[i].name
            )
            people = {m.id: person_label(m) for m in by_gid[gid].members}
            with st.form("activities_play_new"):
                sid = st.selectbox(
                    T.ROLEPLAY_SCENARIO, list(cat.scenarios), format_func=lambda s: cat.scenarios[s].title
                )
                ids = list(people)
                customer = st.selectbox(T.ROLEPLAY_CUSTOMER, ids, format_func=people.__getitem__)
                agent = st.selectbox(T.ROLEPLAY_AGENT, ids, index=min(1, len(ids) - 1), format_func=people.__getitem__)
                if st.form_submit_button(T.ROLEPLAY_START, type="primary"):
                    with refusals():
                        start_role_play(db, account, cat, info.id, gid, sid, customer, agent)
                        st.success(T.ROLEPLAY_STARTED.format(group=by_gid[gid].name, scenario=cat.scenarios[sid].title))
        names = {m.id: m.display_name for g in groups for m in g.members}
        plays = class_role_plays(db, account, cat, info.id)
        if not plays:
            st.info(T.ROLEPLAY_NONE)
        else:
            C = T.ROLEPLAY_COLUMNS
            dataframe(
                [
                    {
                        C["group"]: by_gid[p.team_id].name,
                        C["scenario"]: cat.scenarios[p.scenario_id].title
                        if p.scenario_id in cat.scenarios
                        else T.CERT_MISSING,
                        C["customer"]: names.get(p.customer_id, ""),
                        C["agent"]: names.get(p.agent_id, ""),
                        C["engine"]: score_text(p.engine_total),
                        C["observers"]: score_text(p.observer_total),
                        C["n"]: p.observers,
                        C["combined"]: score_text(p.combined),
                    }
                    for p in plays
                ],
                hide_index=True,
                width="stretch",
            )
            st.caption(T.ROLEPLAY_COMBINED_HELP)

with report_tab:
    tasks = [a for a in class_assignments(db, account, info.id) if a.kind == "report" and a.target in TEMPLATES]
    if not tasks:
        st.info(T.REPORT_NONE)
    by_gid = {g.id: g for g in groups}
    for task in tasks:
        st.subheader(TEMPLATES[task.target].title)
        handed_in = {s.team_id: s for s in class_reports(db, account, info.id, task.id)}
        for g in groups:
            sub = handed_in.get(g.id)
            with st.expander(f"{g.name} · {T.REPORT_NOT_SUBMITTED if sub is None else score_text(sub.score)}"):
                if sub is None:
                    continue
                st.caption(T.REPORT_CURRENT.format(hanzi=sub.hanzi, auto=sub.auto_total))
                with st.popover(T.REPORT_SHOW_TEXT):
                    st.text(sub.text)
                auto = {c.criterion: c for c in sub.checks}
                with st.form(f"activities_mark_{sub.id}"):
                    marks = {}
                    for c in RUBRIC:
                        suggestion = auto[c.id].points if c.id in auto else 0
                        start_value = (sub.manual or {}).get(c.id, suggestion)
                        marks[c.id] = st.number_input(
                            f"{c.part} · {c.label}（满分 {c.points}）",
                            0.0,
                            float(c.points),
                            float(start_value),
                            step=0.5,
                            help=auto[c.id].reason if c.id in auto else None,
                            key=f"activities_mark_{sub.id}_{c.id}",
                        )
                    feedback = st.text_area(T.REPORT_FEEDBACK_INPUT, value=sub.feedback, max_chars=2000)
                    if st.form_submit_button(T.REPORT_MARK_SUBMIT, type="primary"):
                        with refusals():
                            marked = mark_report(db, account, info.id, sub.id, marks, feedback)
                            st.success(T.REPORT_MARKED.format(score=marked.score))
