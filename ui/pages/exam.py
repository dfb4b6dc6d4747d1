"""模拟考试: choose a blueprint, answer with autosave against a server deadline, submit, review, history."""

import streamlit as st

from actions.refusals import Invalid, LimitReached, NotAllowed, NotFound, Stale
from actions.study import (
    exam_attempts_left,
    exam_history,
    load_exam,
    open_exam,
    save_exam_answer,
    start_exam,
    submit_exam,
)
from ui import text as T
from ui.auth import require
from ui.refusal import refusals, show
from ui.resources import catalog, database
from ui.routes import arrival
from ui.widgets.question import key_text, response_input, response_text, show_question
from ui.widgets.report_problem import report_widget

account = require()
cat, db = catalog(), database()
st.title(T.NAV_EXAM)
asked = arrival("blueprint")  # a task sent the trainee here for this exam
if asked in cat.blueprints:
    st.session_state["exam_blueprint"] = asked
if not cat.blueprints:
    st.info(T.EXAM_NONE)
    st.stop()


def show_result(attempt_id: int) -> None:
    view = load_exam(db, account, attempt_id)
    bp = cat.blueprints.get(view.blueprint_id)
    total = bp.total if bp else 100
    verdict = T.EXAM_PASSED if view.passed else T.EXAM_FAILED
    (st.success if view.passed else st.error)(f"{T.EXAM_SCORE.format(score=view.score or 0, total=total)} · {verdict}")
    modules = (view.breakdown or {}).get("modules", {})
    if modules:
        st.subheader(T.EXAM_BY_MODULE)
        st.dataframe(
            [
                {
                    T.LEARN_MODULE: cat.syllabus.module_titles.get(m, m),
                    T.METRIC_ACCURACY: f"{v['score']:g} / {v['possible']:g}",
                }
                for m, v in modules.items()
            ],
            hide_index=True,
        )
    with st.expander(T.EXAM_REVIEW):
        items = (view.breakdown or {}).get("items", {})
        for n, item in enumerate(view.paper, 1):
            q = view.question(item.question_id, cat.questions)
            if q is None:
                continue
            mark = "✅" if items.get(q.id, {}).get("status") == "correct" else "❌"
            st.markdown(f"{mark} **{n}.**")
            show_question(q, view.seed)
            st.caption(
                T.EXAM_YOUR_ANSWER.format(answer=response_text(q, view.answers.get(q.id), view.seed))
                + " · "
                + T.CORRECT_ANSWER.format(answer=key_text(q, view.seed))
            )
            st.caption(T.EXAM_EXPLANATION_LINE.format(text=q.explanation))
            report_widget("question", q.id, f"exam_report_{view.id}_{q.id}")


opened = open_exam(db, account)
active = opened.id if opened else None
if active is None and "exam_result" in st.session_state:
    show_result(st.session_state["exam_result"])
    if st.button(T.EXAM_NEW, key="exam_new"):
        del st.session_state["exam_result"]
        st.rerun()
    st.stop()

if active is None:
    bp_id = st.selectbox(
        T.EXAM_CHOOSE, list(cat.blueprints), key="exam_blueprint", format_func=lambda b: cat.blueprints[b].title
    )
    bp = cat.blueprints[bp_id]
    count = sum(p.count for p in bp.parts)
    st.write(bp.description)
    st.info(T.EXAM_RULES.format(count=count, total=bp.total, pass_mark=bp.pass_mark, minutes=bp.time_limit_minutes))
    left = exam_attempts_left(db, account, cat, bp_id)
    if left is not None:
        st.caption(T.ATTEMPTS_LEFT.format(n=left))
    if st.button(T.EXAM_START, type="primary", key="exam_start", disabled=left == 0):
        try:
            start_exam(db, account, cat, bp_id)
            st.rerun()
        except Invalid as exc:
            st.error(T.EXAM_CANNOT_DRAW.format(reason=exc.detail))
        except (NotFound, LimitReached, NotAllowed, Stale) as exc:
            show(exc)
    past = exam_history(db, account)
    if past:
        st.subheader(T.EXAM_HISTORY)
        st.dataframe(
            [
                {
                    T.EXAM_CHOOSE: cat.blueprints[v.blueprint_id].title if v.blueprint_id in cat.blueprints else "",
                    T.EXAM_COL_TIME: v.started_at.strftime("%Y-%m-%d %H:%M"),
                    T.EXAM_COL_SCORE: v.score,
                    T.EXAM_COL_RESULT: T.EXAM_PASSED if v.passed else T.EXAM_FAILED,
                }
                for v in past
            ],
            hide_index=True,
        )
    st.stop()

assert opened is not None
view = opened
if view.blueprint_id not in cat.blueprints:
    st.error(T.EXAM_CANNOT_DRAW.format(reason=view.blueprint_id))
    st.stop()
bp = cat.blueprints[view.blueprint_id]
if st.session_state.get("exam_resumed") != active:
    st.session_state["exam_resumed"] = active
    if view.answers:
        st.info(T.EXAM_RESUME)

left = view.seconds_left()
if left == 0:
    # The deadline is kept on the server: an attempt opened after it is handed in as saved.
    submit_exam(db, account, cat, active)
    st.session_state["exam_result"] = active
    st.warning(T.EXAM_TIME_UP)
    show_result(active)
    st.stop()
st.subheader(bp.title)


@st.fragment(run_every=1)
def countdown() -> None:
    remaining = view.seconds_left()
    st.caption(T.EXAM_TIME_LEFT.format(minutes=remaining // 60, seconds=remaining % 60))
    if remaining == 0:
        st.rerun()


countdown()

current_part = -1
for n, item in enumerate(view.paper, 1):
    q = view.question(item.question_id, cat.questions)
    if q is None:
        continue
    if item.part != current_part:
        current_part = item.part
        st.markdown(f"#### {bp.parts[item.part].title}")
    with st.container(border=True):
        st.caption(T.EXAM_ITEM.format(n=n, score=item.score))
        response = response_input(q, f"exam_{active}_{q.id}", view.answers.get(q.id), view.seed)
        cleared = response in (None, "", []) and q.id in view.answers  # unticking everything is an answer too
        if left > 0 and (cleared or response not in (None, "", [])) and response != view.answers.get(q.id):
            with refusals():
                save_exam_answer(db, account, active, q.id, response)
                view.answers[q.id] = response

missing = sum(1 for item in view.paper if item.question_id not in view.answers)
st.caption(T.EXAM_ANSWERED.format(done=len(view.paper) - missing, total=len(view.paper)))
confirm = st.checkbox(T.EXAM_CONFIRM.format(n=missing), key=f"exam_confirm_{active}") if missing else True
if st.button(T.EXAM_SUBMIT, type="primary", key="exam_submit", disabled=not confirm):
    with refusals():
        submit_exam(db, account, cat, active)
        st.session_state["exam_result"] = active
        st.rerun()
