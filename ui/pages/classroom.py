"""课堂: my group, the live quiz, group role-play and group reports, as a trainee."""

import streamlit as st

from actions import live
from actions.classes import class_assignments, my_group
from actions.reports import my_group_report, submit_report
from actions.roleplay import mark_role_play, my_observer_marks, my_role_plays, role_play_info
from actions.scenarios import load_run
from classroom.group_reports import MIN_HANZI, ReportError, read_docx
from classroom.live import LiveState
from classroom.report_templates import RUBRIC, TEMPLATES
from classroom.roleplay import customer_lines
from courseware.render import safe_user_markdown, to_html
from store.tables import LiveAnswer
from ui import look
from ui import text as T
from ui.auth import require
from ui.refusal import refusals
from ui.resources import catalog, database
from ui.widgets.class_picker import pick_class
from ui.widgets.leaderboard import score_text, show_board
from ui.widgets.question import key_text, response_input, response_text, show_marked_options
from ui.widgets.scenario_play import next_turn, transcript

account = require()
cat, db = catalog(), database()
st.title(T.NAV_CLASSROOM)
info = pick_class(db, account, "classroom_pick")
if info is None:
    st.info(T.NO_CLASS)
    st.stop()
group = my_group(db, account, info.id)
quiz_tab, play_tab, report_tab, group_tab = st.tabs([T.LIVE, T.ROLEPLAY, T.REPORTS, T.MY_GROUP])

with group_tab:
    if group is None:
        st.info(T.MY_GROUP_NONE)
    else:
        names = [m.display_name + (T.LEADER_MARK if m.id == group.leader_id else "") for m in group.members]
        st.markdown(T.GROUP_LINE.format(name=group.name, n=len(group.members), members="、".join(names)))


def reveal(qid: str, answer: LiveAnswer | None, seed: int) -> None:
    """A closed or answered question: what the trainee answered, the correct answer and the explanation,
    in words."""
    q = cat.questions[qid]
    if answer is None:
        st.caption(T.LIVE_NOT_ANSWERED)
    else:
        verdict = T.LIVE_VERDICT_RIGHT if answer.correct else T.LIVE_VERDICT_WRONG
        st.markdown(T.LIVE_YOUR_ANSWER.format(answer=response_text(q, answer.response, seed), verdict=verdict))
        show_marked_options(q, answer.response, seed)
    st.markdown(T.LIVE_KEY.format(answer=key_text(q, seed)))
    st.markdown(f"**{T.EXPLANATION}**")
    st.html(to_html(q.explanation))


def review(state: LiveState, upto: int, answers: dict[str, LiveAnswer], title: str) -> None:
    """The questions before `upto`, each with its key and explanation, folded under one heading."""
    shown = [q for q in state.question_ids[:upto] if q in cat.questions]
    if not shown:
        return
    with st.expander(title, expanded=state.finished):
        for n, qid in enumerate(shown, start=1):
            st.markdown(f"**{n}. {cat.questions[qid].stem}**")
            reveal(qid, answers.get(qid), state.id)
            st.divider()


@st.fragment(run_every=2)
def live_panel(quiz_id: int) -> None:
    """The question on screen, refreshed from the database every two seconds; after a trainee answers, and
    once a question is closed, its correct answer and explanation."""
    state = live.live_state(db, account, quiz_id)
    if state.finished:
        st.success(T.LIVE_FINISHED)
        show_board(st, live.live_boards(db, account, quiz_id)[0], T.LIVE_BOARD_EMPTY)
        review(state, len(state.question_ids), live.my_live_answers(db, account, quiz_id), T.LIVE_REVIEW_ALL)
        return
    qid = state.question_id
    if qid is None or qid not in cat.questions:
        st.info(T.LIVE_WAIT)
        return
    answers = live.my_live_answers(db, account, quiz_id)
    if state.current > 0:  # the questions already closed
        review(state, state.current, answers, T.LIVE_REVIEW_CLOSED)
    st.caption(T.LIVE_QUESTION.format(n=state.current + 1, total=len(state.question_ids)))
    mine = answers.get(qid)
    if mine is None:
        slot = st.empty()
        with slot.form(f"classroom_live_{quiz_id}_{qid}"):
            response = response_input(cat.questions[qid], f"classroom_live_answer_{quiz_id}_{qid}", seed=quiz_id)
            sent = st.form_submit_button(T.LIVE_SUBMIT, type="primary")
        if not sent:
            return
        outcome = live.answer_live(db, account, cat, quiz_id, qid, response)
        messages = {"closed": T.LIVE_CLOSED, "invalid": T.LIVE_INVALID}
        if outcome.status in messages:
            st.warning(messages[outcome.status])
            return
        mine = live.my_live_answer(db, account, quiz_id, qid)  # accepted, or given in another window
        if mine is None:
            st.warning(T.LIVE_REPEAT)
            return
        slot.empty()  # the answer is in: the form gives way to the result
        st.markdown(f"**{cat.questions[qid].stem}**")
    else:
        st.markdown(f"**{cat.questions[qid].stem}**")
    if mine.correct:
        st.success(T.LIVE_ACCEPTED_RIGHT.format(points=mine.points))
    else:
        st.error(T.LIVE_ACCEPTED_WRONG)
    reveal(qid, mine, quiz_id)
    st.caption(T.LIVE_DONE_WAIT)


with quiz_tab:
    with st.form("classroom_live_join", clear_on_submit=True):
        code = st.text_input(T.LIVE_JOIN, max_chars=16)
        if st.form_submit_button(T.LIVE_JOIN_SUBMIT):
            with refusals():
                st.session_state["classroom_live"] = live.join_live_quiz(db, account, code).id
    joined = st.session_state.get("classroom_live") or live.my_live_quiz(db, account)
    if joined is not None:
        live_panel(joined)


@st.fragment(run_every=3)
def watch(role_play_id: int) -> None:
    """The customer's lines or the transcript, refreshed as the agent plays."""
    current = role_play_info(db, account, cat, role_play_id)
    run = load_run(db, account, cat, current.run_id)
    if current.role_of(account.id) == "customer":
        st.markdown(f"**{T.ROLEPLAY_SAY_NOW}**")
        for line in customer_lines(run.transcript):
            st.info(line)
    else:
        transcript(run)
    if run.finished:
        st.success(T.ROLEPLAY_FINISHED)
    else:
        st.caption(T.ROLEPLAY_WAIT_AGENT)


with play_tab:
    plays = my_role_plays(db, account, cat, info.id)
    plays = [p for p in plays if p.scenario_id in cat.scenarios]
    if not plays:
        st.info(T.ROLEPLAY_NONE)
    else:
        by_id = {p.id: p for p in plays}
        chosen = st.selectbox(
            T.ROLEPLAY_SCENARIO,
            list(by_id),
            key="classroom_play_pick",
            format_func=lambda i: cat.scenarios[by_id[i].scenario_id].title,
        )
        play = by_id[chosen]
        scenario = cat.scenarios[play.scenario_id]
        role = play.role_of(account.id)
        st.markdown(T.ROLEPLAY_MY_ROLE.format(role=T.ROLE_NAMES[role]))
        st.caption(
            T.ROLEPLAY_RESULT.format(
                engine=score_text(play.engine_total),
                observers=score_text(play.observer_total),
                combined=score_text(play.combined),
            )
        )
        if role == "customer":
            with st.expander(T.ROLEPLAY_BRIEF, expanded=True):
                st.write(T.ROLEPLAY_BRIEF_INTRO.format(who=scenario.roles.get("customer", ""), summary=scenario.brief))
                st.caption(T.ROLEPLAY_BRIEF_TIPS)
            watch(play.id)
        elif role == "agent":
            st.caption(T.ROLEPLAY_AGENT_HELP)
            run = load_run(db, account, cat, play.run_id)
            transcript(run)
            if run.finished:
                st.success(T.ROLEPLAY_FINISHED)
            else:
                next_turn(db, account, cat, play.run_id, run, f"classroom_play_{play.id}", hints=False)
        else:
            watch(play.id)
            earlier = my_observer_marks(db, account, play.id)
            with st.form(f"classroom_observe_{play.id}"):
                st.markdown(f"**{T.ROLEPLAY_SCORE}**")
                marks = {
                    d: st.slider(
                        cat.library.dimensions[d].label if d in cat.library.dimensions else d,
                        1,
                        5,
                        int(earlier[0].get(d, 3)) if earlier else 3,
                        help=cat.library.dimensions[d].description if d in cat.library.dimensions else None,
                    )
                    for d in scenario.rubric
                }
                comment = st.text_area(T.ROLEPLAY_COMMENT, value=earlier[1] if earlier else "", max_chars=500)
                if st.form_submit_button(T.ROLEPLAY_SCORE_SUBMIT, type="primary"):
                    with refusals():
                        mark_role_play(db, account, cat, play.id, marks, comment)
                        st.success(T.ROLEPLAY_SCORED)

with report_tab:
    tasks = [a for a in class_assignments(db, account, info.id) if a.kind == "report" and a.target in TEMPLATES]
    if not tasks:
        st.info(T.REPORT_NONE)
    for task in tasks:
        template = TEMPLATES[task.target]
        with st.container(border=True):
            st.subheader(template.title)
            st.caption(T.REPORT_TASK.format(task=template.task))
            with st.expander(T.REPORT_RUBRIC):
                for c in RUBRIC:
                    st.markdown(f"- {c.part} · {c.label}（{c.points} 分）")
            if group is None:
                st.info(T.MY_GROUP_NONE)
                continue
            current = my_group_report(db, account, info.id, task.id)
            if current is not None:
                st.caption(T.REPORT_CURRENT.format(hanzi=current.hanzi, auto=current.auto_total))
                if current.score is None:
                    st.caption(T.REPORT_PENDING)
                else:
                    st.success(T.REPORT_SCORE.format(score=current.score))
                if current.feedback:
                    st.info(T.REPORT_FEEDBACK.format(text=safe_user_markdown(current.feedback)))
            if group.leader_id not in {None, account.id}:
                st.caption(T.REPORT_ONLY_LEADER)
                continue
            with st.form(f"classroom_report_{task.id}"):
                body = st.text_area(T.REPORT_TEXT, value=current.text if current else "", height=240, max_chars=100_000)
                upload = look.upload(T.REPORT_FILE, ["docx"], key=f"classroom_report_file_{task.id}")
                if st.form_submit_button(T.REPORT_SUBMIT, type="primary"):
                    text, name, unreadable = body, None, ""
                    if upload:
                        try:
                            text, name = read_docx(upload.getvalue()), upload.name
                        except ReportError as exc:  # not a readable .docx
                            unreadable = str(exc)
                    if unreadable:
                        st.error(unreadable)
                    else:
                        with refusals():
                            saved = submit_report(db, account, info.id, task.id, text, name)
                            st.success(T.REPORT_SUBMITTED.format(hanzi=saved.hanzi))
                            if saved.hanzi < MIN_HANZI:
                                st.warning(T.REPORT_SHORT.format(n=MIN_HANZI))
