"""练习: answer questions one by one in a chosen scope, with instant feedback and explanation."""

import streamlit as st

from grading.objective import Score
from quizzes.practice import answer_question
from ui import text as T
from ui.auth import require
from ui.resources import catalog, database
from ui.widgets.question import response_input, show_feedback

account = require()
cat, db = catalog(), database()
st.title(T.NAV_PRACTICE)

scope = st.radio(
    T.PRACTICE_SCOPE,
    [T.PRACTICE_ALL, T.PRACTICE_BY_MODULE, T.PRACTICE_BY_POINT],
    horizontal=True,
    key="practice_scope",
)
if scope == T.PRACTICE_BY_MODULE:
    module_id = st.selectbox(
        T.LEARN_MODULE,
        [m.id for m in cat.syllabus.modules],
        key="practice_module",
        format_func=cat.syllabus.module_titles.__getitem__,
    )
    pool = [q for q in cat.questions if cat.syllabus.module_of.get(cat.questions[q].points[0]) == module_id]
elif scope == T.PRACTICE_BY_POINT:
    covered = [p for p in cat.syllabus.points if cat.questions_by_point.get(p)]
    point_id = st.selectbox(
        T.PRACTICE_POINT,
        covered,
        key="practice_point",
        format_func=lambda p: cat.syllabus.points[p].title,
    )
    pool = list(cat.questions_by_point.get(point_id, []))
else:
    pool = list(cat.questions)

scope_key = (scope, tuple(pool))
if st.session_state.get("practice_scope_key") != scope_key:
    st.session_state["practice_scope_key"] = scope_key
    st.session_state["practice_index"] = 0
    st.session_state["practice_results"] = {}

if not pool:
    st.info(T.PRACTICE_EMPTY)
    st.stop()

index = st.session_state["practice_index"]
results: dict[str, Score] = st.session_state["practice_results"]
if index >= len(pool):
    correct = sum(1 for s in results.values() if s.status == "correct")
    st.success(T.PRACTICE_FINISHED.format(correct=correct, total=len(pool)))
    if st.button(T.PRACTICE_RESTART, key="practice_restart"):
        st.session_state["practice_index"] = 0
        st.session_state["practice_results"] = {}
        st.rerun()
    st.stop()

st.progress(index / len(pool), text=T.PRACTICE_PROGRESS.format(n=index + 1, total=len(pool)))
qid = pool[index]
q = cat.questions[qid]
with st.form(f"practice_form_{qid}"):
    response = response_input(q, f"practice_q_{qid}")
    submitted = st.form_submit_button(T.SUBMIT_ANSWER, type="primary", disabled=qid in results)
if submitted and qid not in results:
    score = answer_question(db, account.id, q, response, "practice")
    if score.status == "invalid":
        st.warning(score.message)
    else:
        results[qid] = score
if qid in results:
    show_feedback(q, results[qid], cat, f"practice_fb_{qid}")
    if st.button(T.NEXT_QUESTION, type="primary", key="practice_next"):
        st.session_state["practice_index"] = index + 1
        st.rerun()
