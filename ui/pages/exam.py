"""模拟考试: choose a blueprint, answer one question per screen (or the whole paper) with an answer sheet,
flags and autosave against a server deadline, confirm and submit, review, reopen past attempts."""

import streamlit as st

from actions.refusals import Invalid, LimitReached, NotAllowed, NotFound, Refusal, Stale
from actions.study import (
    exam_attempts_left,
    exam_history,
    flag_exam_item,
    load_exam,
    open_exam,
    save_exam_answer,
    start_exam,
    submit_exam,
)
from quizzes.exam import AttemptView, PaperItem
from source import dates
from ui import text as T
from ui.auth import require
from ui.look import dataframe
from ui.refusal import refusals, show
from ui.resources import catalog, database
from ui.routes import arrival, here
from ui.widgets.question import key_text, reread_link, response_input, response_text, show_marking, show_question
from ui.widgets.report_problem import report_widget

account = require()
cat, db = catalog(), database()
st.title(T.NAV_EXAM)
asked = arrival("blueprint")  # a task sent the trainee here for this exam
if asked in cat.blueprints:
    st.session_state["exam_blueprint"] = asked
asked_attempt, asked_question = arrival("attempt"), arrival("q")
if not cat.blueprints:
    st.info(T.EXAM_NONE)
    st.stop()


def show_result(attempt_id: int) -> None:
    try:
        view = load_exam(db, account, attempt_id)
    except Refusal as exc:
        show(exc)
        st.session_state.pop("exam_result", None)
        here(attempt=None)
        return
    here(attempt=attempt_id, q=None)  # a reload or a shared link reopens this attempt's review
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
    st.caption(dates.day_time(view.started_at))
    modules = (view.breakdown or {}).get("modules", {})
    if modules:
        st.subheader(T.EXAM_BY_MODULE)
        dataframe(
            [
                {
                    T.LEARN_MODULE: cat.syllabus.module_titles.get(m, m),
                    T.EXAM_COL_SCORE: f"{v['score']:g} / {v['possible']:g}",
                }
                for m, v in modules.items()
            ],
            hide_index=True,
        )
    st.subheader(T.EXAM_REVIEW)
    items = (view.breakdown or {}).get("items", {})
    only_wrong = st.toggle(T.EXAM_ONLY_WRONG, key=f"exam_only_wrong_{attempt_id}")
    module_ids = [m for m in cat.syllabus.module_titles if m in modules]
    chosen = st.selectbox(
        T.EXAM_FILTER_MODULE,
        ["", *module_ids],
        key=f"exam_review_module_{attempt_id}",
        format_func=lambda m: cat.syllabus.module_titles[m] if m else T.EXAM_ALL_MODULES,
    )
    shown = 0
    for n, item in enumerate(view.paper, 1):
        q = view.question(item.question_id, cat.questions)  # as drawn, whatever the bank says now
        if q is None:
            continue
        result = items.get(q.id, {})
        waiting = result.get("status") == "review" and not result.get("manual")
        right = result.get("status") == "correct" or (
            q.type == "skill" and not waiting and result.get("score", 0) >= item.score - 1e-9
        )
        if (only_wrong and right) or (chosen and cat.syllabus.module_of.get(q.points[0] if q.points else "") != chosen):
            continue
        shown += 1
        with st.container(border=True):
            mark = T.EXAM_PENDING if waiting else T.EXAM_MARK_RIGHT if right else T.EXAM_MARK_WRONG
            got = T.EXAM_SCORE.format(score=result.get("score", 0), total=item.score)
            st.markdown(f"**{n}.** {got} · {mark}")
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
            report_widget("question", q.id, f"exam_report_{view.id}_{q.id}")
    if not shown and only_wrong:
        st.info(T.EXAM_NO_WRONG)


opened = open_exam(db, account)
active = opened.id if opened else None
if asked_attempt is not None and asked_attempt.isdigit() and int(asked_attempt) != active:
    st.session_state["exam_result"] = int(asked_attempt)  # a past attempt named in the URL
if "exam_result" in st.session_state and st.session_state["exam_result"] != active:
    show_result(st.session_state["exam_result"])
    if st.button(T.EXAM_BACK if active else T.EXAM_NEW, key="exam_new"):
        del st.session_state["exam_result"]
        here(attempt=None)
        st.rerun()
    st.stop()

if active is None:
    here(attempt=None, q=None)
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
    past = [v for v in exam_history(db, account) if v.submitted]
    if past:
        st.subheader(T.EXAM_HISTORY)

        def title(v: AttemptView) -> str:
            name = cat.blueprints[v.blueprint_id].title if v.blueprint_id in cat.blueprints else ""
            verdict = T.EXAM_PASSED if v.passed else T.EXAM_FAILED
            when = dates.day_time(v.started_at)
            return f"{when} · {name} · {v.score or 0:g} 分 · {verdict}"

        dataframe(
            [
                {
                    T.EXAM_CHOOSE: cat.blueprints[v.blueprint_id].title if v.blueprint_id in cat.blueprints else "",
                    T.EXAM_COL_TIME: dates.day_time(v.started_at),
                    T.EXAM_COL_SCORE: f"{v.score or 0:g}",
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
        by_id = {v.id: v for v in past}
        pick = st.selectbox(T.EXAM_PICK_PAST, list(by_id), key="exam_past", format_func=lambda i: title(by_id[i]))
        if st.button(T.EXAM_REOPEN, key="exam_reopen"):
            st.session_state["exam_result"] = pick
            st.rerun()
    st.stop()

assert opened is not None and active is not None
view = opened
sitting: int = active  # the open attempt, for the functions below
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


@st.fragment(run_every=1)
def countdown() -> None:
    remaining = view.seconds_left()
    st.markdown(f"**:material/timer: {T.EXAM_TIME_LEFT.format(minutes=remaining // 60, seconds=remaining % 60)}**")
    if remaining == 0:
        st.rerun()


with st.sidebar:  # stays in view however far the paper scrolls
    countdown()

paper: list[tuple[int, PaperItem]] = [
    (n, it) for n, it in enumerate(view.paper, 1) if view.question(it.question_id, cat.questions) is not None
]
flags = view.flags  # kept with the attempt: a reload or another device shows them
if asked_question is not None and asked_question.isdigit() and 1 <= int(asked_question) <= len(paper):
    st.session_state["exam_current"] = int(asked_question) - 1
current = min(st.session_state.get("exam_current", 0), len(paper) - 1)
st.session_state["exam_current"] = current
here(attempt=active, q=current + 1)  # a reload or a shared link returns to this question
st.subheader(bp.title)
countdown()  # and at the top of the page (the sidebar is closed on a phone)


def move(to: int) -> None:
    st.session_state["exam_current"] = to


def sign_of(item: PaperItem) -> str:
    if item.question_id in flags:
        return "◆"
    return "●" if item.question_id in view.answers else "○"


with st.expander(T.EXAM_SHEET, expanded=True):
    st.caption(T.EXAM_SHEET_LEGEND)
    jump = st.pills(
        T.EXAM_SHEET,
        list(range(len(paper))),
        format_func=lambda i: f"{paper[i][0]}{sign_of(paper[i][1])}",
        default=current,
        key=f"exam_sheet_{active}_{current}",
        label_visibility="collapsed",
    )
    if jump is not None and jump != current:
        move(jump)
        st.rerun()

layout = st.segmented_control(
    T.EXAM_LAYOUT,
    ["one", "whole"],
    default="one",
    key="exam_layout",
    format_func={"one": T.EXAM_ONE_BY_ONE, "whole": T.EXAM_WHOLE_PAPER}.__getitem__,
)


def answer_item(n: int, item: PaperItem) -> None:
    """One paper item: its part, number and points, the answer widget of its type, autosave."""
    q = view.question(item.question_id, cat.questions)
    assert q is not None  # the paper keeps only items it can show
    with st.container(border=True):
        st.caption(f"{bp.parts[item.part].title} · {T.EXAM_ITEM.format(n=n, score=item.score)}")
        response = response_input(q, f"exam_{active}_{q.id}", view.answers.get(q.id), view.seed)
        cleared = response in (None, "", []) and q.id in view.answers  # unticking everything is an answer too
        if (
            view.seconds_left() > 0
            and (cleared or response not in (None, "", []))
            and response != view.answers.get(q.id)
        ):
            with refusals():
                save_exam_answer(db, account, sitting, q.id, response)
                if cleared:
                    view.answers.pop(q.id, None)
                else:
                    view.answers[q.id] = response


if layout == "whole":
    for n, item in paper:
        answer_item(n, item)
else:
    n, item = paper[current]
    st.caption(T.EXAM_POSITION.format(n=current + 1, total=len(paper)))
    answer_item(n, item)
    flagged = item.question_id in flags
    if st.button(
        T.EXAM_UNFLAG if flagged else T.EXAM_FLAG,
        key="exam_flag",
        icon=":material/flag:",
        width="stretch",
    ):
        with refusals():
            flag_exam_item(db, account, sitting, item.question_id, not flagged)
            st.rerun()
    prev_col, next_col = st.columns(2)
    if prev_col.button(T.EXAM_PREV, key="exam_prev", disabled=current == 0, width="stretch"):
        move(current - 1)
        st.rerun()
    if next_col.button(T.EXAM_NEXT, key="exam_next", disabled=current >= len(paper) - 1, width="stretch"):
        move(current + 1)
        st.rerun()


def close_confirm() -> None:
    st.session_state["exam_confirming"] = False


@st.dialog(T.EXAM_CONFIRM_TITLE, on_dismiss=close_confirm)
def confirm() -> None:
    """List the unanswered and flagged items before handing in."""
    unanswered = [str(n) for n, it in paper if it.question_id not in view.answers]
    marked = [str(n) for n, it in paper if it.question_id in flags]
    if unanswered:
        st.warning(T.EXAM_CONFIRM_UNANSWERED.format(n=len(unanswered), items="、".join(unanswered)))
    if marked:
        st.info(T.EXAM_CONFIRM_FLAGGED.format(n=len(marked), items="、".join(marked)))
    if not unanswered and not marked:
        st.write(T.EXAM_CONFIRM_ALL)
    go_col, back_col = st.columns(2)
    if go_col.button(T.EXAM_CONFIRM_GO, type="primary", key="exam_confirm_go", width="stretch"):
        with refusals():
            submit_exam(db, account, cat, sitting)
            st.session_state["exam_result"] = sitting
            st.session_state.pop("exam_current", None)
            close_confirm()
            st.rerun()
    if back_col.button(T.EXAM_CONFIRM_BACK, key="exam_confirm_back", width="stretch"):
        close_confirm()
        st.rerun()


missing = sum(1 for _, item in paper if item.question_id not in view.answers)
st.caption(T.EXAM_ANSWERED.format(done=len(paper) - missing, total=len(paper)))
if st.button(T.EXAM_SUBMIT, type="primary", key="exam_submit", width="stretch"):
    st.session_state["exam_confirming"] = True
if st.session_state.get("exam_confirming"):
    confirm()  # open until handed in, sent back or dismissed
