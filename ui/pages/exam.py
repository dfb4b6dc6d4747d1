"""模拟考试: choose a blueprint, answer with autosave against a server deadline, submit, review, history."""

import streamlit as st

from classroom.assignments import attempts_left
from quizzes.exam import ExamError, history, load, open_attempt, save_answer, start, submit
from ui import text as T
from ui.auth import require
from ui.resources import catalog, database
from ui.widgets.question import key_text, reread_link, response_input, response_text, show_marking, show_question

account = require()
cat, db = catalog(), database()
st.title(T.NAV_EXAM)
if not cat.blueprints:
    st.info(T.EXAM_NONE)
    st.stop()


def show_result(attempt_id: int) -> None:
    view = load(db, account.id, attempt_id)
    bp = cat.blueprints.get(view.blueprint_id)
    total = bp.total if bp else 100
    pending = int((view.breakdown or {}).get("pending", 0))
    if view.passed is None and pending:
        st.info(f"{T.EXAM_PENDING} · {T.EXAM_PENDING_NOTE.format(n=pending, score=view.score or 0)}")
    else:
        verdict = T.EXAM_PASSED if view.passed else T.EXAM_FAILED
        (st.success if view.passed else st.error)(
            f"{T.EXAM_SCORE.format(score=view.score or 0, total=total)} · {verdict}"
        )
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
    written = any(getattr(cat.questions.get(i.question_id), "type", "") == "skill" for i in view.paper)
    with st.expander(T.EXAM_REVIEW, expanded=written):  # a written paper opens on its marking schemes
        items = (view.breakdown or {}).get("items", {})
        for n, item in enumerate(view.paper, 1):
            q = cat.questions.get(item.question_id)
            if q is None:
                continue
            result = items.get(q.id, {})
            waiting = result.get("status") == "review" and not result.get("manual")
            mark = "⏳" if waiting else "✅" if result.get("score", 0) >= item.score - 1e-9 else "❌"
            st.markdown(f"{mark} **{n}.** {T.EXAM_SCORE.format(score=result.get('score', 0), total=item.score)}")
            if waiting:
                st.caption(T.EXAM_ITEM_PENDING.format(score=result.get("suggested") or 0))
            show_question(q, view.seed)
            if q.type == "skill":
                st.caption(T.EXAM_YOUR_ANSWER.format(answer=response_text(q, view.answers.get(q.id), view.seed)))
                show_marking(q, result)
            else:
                st.caption(
                    T.EXAM_YOUR_ANSWER.format(answer=response_text(q, view.answers.get(q.id), view.seed))
                    + " · "
                    + T.CORRECT_ANSWER.format(answer=key_text(q, view.seed))
                )
            st.caption(T.EXAM_EXPLANATION_LINE.format(text=q.explanation))
            reread_link(q, cat, f"exam_review_{view.id}_{q.id}")


active = open_attempt(db, account.id)
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
    if bp.difficulty_mix:
        mix = T.LIST_SEPARATOR.join(
            f"{T.EXAM_DIFFICULTY_LEVELS[level]} {share:.0%}" for level, share in sorted(bp.difficulty_mix.items())
        )
        st.caption(T.EXAM_DIFFICULTY_NOTE.format(mix=mix))
    left = attempts_left(db, cat, account.id, "exam", bp_id)
    if left is not None:
        st.caption(T.ATTEMPTS_LEFT.format(n=left))
    if st.button(T.EXAM_START, type="primary", key="exam_start", disabled=left == 0):
        try:
            start(db, account.id, bp, cat.questions, cat.syllabus.module_of)
            st.rerun()
        except ExamError as exc:
            st.error(T.EXAM_CANNOT_DRAW.format(reason=exc))
    past = history(db, account.id)
    if past:
        st.subheader(T.EXAM_HISTORY)
        st.dataframe(
            [
                {
                    T.EXAM_CHOOSE: cat.blueprints[v.blueprint_id].title if v.blueprint_id in cat.blueprints else "",
                    T.EXAM_COL_TIME: v.started_at.strftime("%Y-%m-%d %H:%M"),
                    T.EXAM_COL_SCORE: v.score,
                    T.EXAM_COL_RESULT: T.EXAM_PENDING
                    if v.passed is None
                    else T.EXAM_PASSED
                    if v.passed
                    else T.EXAM_FAILED,
                }
                for v in past
            ],
            hide_index=True,
        )
    st.stop()

view = load(db, account.id, active)
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
    submit(db, account.id, active, bp, cat.questions, cat.syllabus.module_of)
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
    q = cat.questions.get(item.question_id)
    if q is None:
        continue
    if item.part != current_part:
        current_part = item.part
        st.markdown(f"#### {bp.parts[item.part].title}")
    with st.container(border=True):
        st.caption(T.EXAM_ITEM.format(n=n, score=item.score))
        response = response_input(q, f"exam_{active}_{q.id}", view.answers.get(q.id), view.seed)
        if left > 0 and response not in (None, "", []) and response != view.answers.get(q.id):
            try:
                save_answer(db, account.id, active, q.id, response)
                view.answers[q.id] = response
            except ExamError as exc:
                st.warning(str(exc))

missing = sum(1 for item in view.paper if item.question_id not in view.answers)
st.caption(T.EXAM_ANSWERED.format(done=len(view.paper) - missing, total=len(view.paper)))
confirm = st.checkbox(T.EXAM_CONFIRM.format(n=missing), key=f"exam_confirm_{active}") if missing else True
if st.button(T.EXAM_SUBMIT, type="primary", key="exam_submit", disabled=not confirm):
    submit(db, account.id, active, bp, cat.questions, cat.syllabus.module_of)
    st.session_state["exam_result"] = active
    st.rerun()
