"""练习: sequential (resumes), random, memorize, wrong book, favourites and FSRS review, with an answer card."""

import time

import streamlit as st

from actions import study
from quizzes.modes import SCOPED, Mode, Scope, scope_key
from quizzes.scoring import Score
from source import dates
from ui import look
from ui import text as T
from ui.auth import require
from ui.resources import catalog, database
from ui.routes import arrival, here
from ui.widgets.question import response_input, session_seed, show_feedback, show_key, show_question

CARD_SPAN = 40

account = require()
cat, db = catalog(), database()
st.title(T.NAV_PRACTICE)
# what the URL names (another page's hand-over, a reload, a shared link) and this session has not shown yet
for name in ("mode", "scope", "module", "chapter", "point"):
    asked = arrival(name)
    if asked is not None:
        st.session_state[f"practice_{name}"] = asked
asked_seed, asked_question = arrival("seed"), arrival("q")
if asked_seed is not None and asked_seed.isdigit():
    st.session_state["practice_seed"] = int(asked_seed)  # the same random set and option order after a reload
seed = int(st.session_state.setdefault("practice_seed", session_seed()))

mode = Mode(
    st.radio(
        T.PRACTICE_MODE,
        list(T.PRACTICE_MODES),
        key="practice_mode",
        horizontal=True,
        format_func=T.PRACTICE_MODES.__getitem__,
    )
)
scope, value = Scope.ALL, None
if mode in SCOPED:
    scope = Scope(
        st.radio(
            T.PRACTICE_SCOPE,
            list(T.PRACTICE_SCOPES),
            key="practice_scope",
            horizontal=True,
            format_func=T.PRACTICE_SCOPES.__getitem__,
        )
    )
    if scope is Scope.MODULE:
        value = st.selectbox(
            T.LEARN_MODULE,
            [m.id for m in cat.syllabus.modules],
            key="practice_module",
            format_func=cat.syllabus.module_titles.__getitem__,
        )
    elif scope is Scope.CHAPTER:
        titles = {c.id: c.title for c in cat.chapters}
        value = st.selectbox(T.LEARN_CHAPTER, list(titles), key="practice_chapter", format_func=titles.__getitem__)
    elif scope is Scope.POINT:
        covered = [p for p in cat.syllabus.points if cat.questions_by_point.get(p)]
        value = st.selectbox(
            T.PRACTICE_POINT, covered, key="practice_point", format_func=lambda p: cat.syllabus.points[p].title
        )
if mode is Mode.REVIEW:
    chosen = look.pick_day(T.PRACTICE_EXAM_DATE, study.my_exam_date(db, account), key="practice_exam_date")
    if chosen != study.my_exam_date(db, account):
        study.set_my_exam_date(db, account, chosen if chosen else None)

key = scope_key(mode, scope, value)
if st.session_state.get("practice_key") != key:
    st.session_state["practice_key"] = key
    st.session_state["practice_pool"] = study.practice_pool(db, account, cat, mode, scope, value, seed)
    resumes = mode in (Mode.SEQUENTIAL, Mode.MEMORIZE)
    st.session_state["practice_index"] = study.my_position(db, account, key) if resumes else 0
    st.session_state["practice_results"] = {}

pool: list[str] = st.session_state["practice_pool"]
if asked_question is not None and asked_question.isdigit() and 1 <= int(asked_question) <= len(pool):
    st.session_state["practice_index"] = int(asked_question) - 1
results: dict[str, Score] = st.session_state["practice_results"]
if not pool:
    upcoming = study.my_next_review(db, account) if mode is Mode.REVIEW else None
    hint = T.PRACTICE_NEXT_REVIEW.format(when=dates.relative(upcoming)) if upcoming else ""
    st.info(T.PRACTICE_EMPTY[mode].format(next=hint))
    st.stop()
if mode is Mode.REVIEW:
    st.caption(T.PRACTICE_DUE.format(n=len(pool)))


def go(index: int) -> None:
    st.session_state["practice_index"] = index
    if mode in (Mode.SEQUENTIAL, Mode.MEMORIZE):
        study.save_my_position(db, account, key, index)


index = min(st.session_state["practice_index"], len(pool))
here(
    mode=mode.value,
    scope=scope.value if mode in SCOPED else None,
    module=value if scope is Scope.MODULE else None,
    chapter=value if scope is Scope.CHAPTER else None,
    point=value if scope is Scope.POINT else None,
    seed=seed if mode is Mode.RANDOM else None,
    q=index + 1 if index < len(pool) else None,
)
if index >= len(pool):
    correct = sum(1 for s in results.values() if s.status == "correct")
    st.success(T.PRACTICE_FINISHED.format(correct=correct, answered=len(results)))
    if st.button(T.PRACTICE_RESTART, key="practice_restart"):
        go(0)
        st.session_state["practice_results"] = {}
        st.rerun()
    st.stop()

with st.expander(T.PRACTICE_CARD):
    start = max(0, min(index - CARD_SPAN // 2, len(pool) - CARD_SPAN))
    marks = {"correct": T.MARK_RIGHT, "partial": T.MARK_PARTIAL, "wrong": T.MARK_WRONG, "review": T.MARK_PENDING}
    labels = {
        n: f"{n + 1}{marks.get(results[pool[n]].status, '') if pool[n] in results else ''}"
        for n in range(start, min(len(pool), start + CARD_SPAN))
    }
    jump = st.pills(
        T.PRACTICE_CARD,
        list(labels),
        format_func=labels.__getitem__,
        key=f"practice_card_{index}",
        label_visibility="collapsed",
    )
    if jump is not None and jump != index:
        go(jump)
        st.rerun()

st.progress(index / len(pool), text=T.PRACTICE_PROGRESS.format(n=index + 1, total=len(pool)))
qid = pool[index]
q = cat.questions[qid]
starred = qid in study.my_favorites(db, account)
if st.button(
    T.PRACTICE_UNFAVORITE if starred else T.PRACTICE_FAVORITE,
    key="practice_star",
    icon=":material/star:" if starred else ":material/star_outline:",
):
    study.toggle_favorite(db, account, qid)
    st.rerun()

if mode is Mode.MEMORIZE:
    show_question(q, seed)
    show_key(q, cat, f"practice_fb_{qid}", seed, expanded=True, reread=True, report=True)
else:
    shown_at = st.session_state.setdefault(f"practice_shown_{qid}", time.monotonic())
    with st.form(f"practice_form_{qid}"):
        response = response_input(q, f"practice_q_{qid}", seed=seed)
        submitted = st.form_submit_button(T.SUBMIT_ANSWER, type="primary", disabled=qid in results)
    if submitted and qid not in results:
        seconds = time.monotonic() - shown_at
        score = study.answer_question(db, account, cat, q.id, response, "practice", seconds)
        if score.status == "invalid":
            st.warning(score.message)
        else:
            results[qid] = score
    if qid in results:
        show_feedback(q, results[qid], cat, f"practice_fb_{qid}", seed, response, report=True)

prev_col, next_col = st.columns(2)
if index > 0 and prev_col.button(T.PRACTICE_PREV, key="practice_prev"):
    go(index - 1)
    st.rerun()
if (mode is Mode.MEMORIZE or qid in results) and next_col.button(T.NEXT_QUESTION, type="primary", key="practice_next"):
    go(index + 1)
    st.rerun()
