"""课程学习: module → chapter → section, reading marks, resume, and the section check."""

import streamlit as st

from courseware.progress import DONE, OPENED, mark, statuses
from courseware.render import to_html
from quizzes.practice import answer_question
from ui import text as T
from ui.auth import require
from ui.resources import catalog, database
from ui.widgets.question import response_input, session_seed, show_feedback

CHECK_SIZE = 5

account = require()
cat, db = catalog(), database()
st.title(T.NAV_LEARN)
if not cat.chapters:
    st.info(T.LEARN_NO_CONTENT)
    st.stop()

order = [s.id for c in cat.chapters for s in c.sections]
wanted = st.session_state.pop("learn_section", None)
if wanted in cat.sections:
    section = cat.sections[wanted]
    owner = cat.chapter(section.chapter_id)
    st.session_state["learn_module"] = owner.module if owner else None
    st.session_state["learn_chapter"] = section.chapter_id
    st.session_state["learn_pick"] = wanted

modules = [m for m in cat.syllabus.modules if any(c.module == m.id for c in cat.chapters)]
module_id = st.selectbox(
    T.LEARN_MODULE,
    [m.id for m in modules],
    key="learn_module",
    format_func=cat.syllabus.module_titles.__getitem__,
)
chapters = [c for c in cat.chapters if c.module == module_id]
if st.session_state.get("learn_chapter") not in [c.id for c in chapters]:
    st.session_state["learn_chapter"] = chapters[0].id
chapter_id = st.selectbox(
    T.LEARN_CHAPTER,
    [c.id for c in chapters],
    key="learn_chapter",
    format_func={c.id: c.title for c in chapters}.__getitem__,
)
chapter = cat.chapter(chapter_id)
assert chapter is not None
marks = statuses(db, account.id)
ids = [s.id for s in chapter.sections]
if st.session_state.get("learn_pick") not in ids:
    st.session_state["learn_pick"] = ids[0]
section_id = st.radio(
    T.LEARN_SECTION,
    ids,
    key="learn_pick",
    format_func=lambda sid: ("✅ " if marks.get(sid) == DONE else "") + cat.sections[sid].title,
)
section = cat.sections[section_id]
if marks.get(section.id) is None:
    mark(db, account.id, section.id, OPENED)

st.header(section.title)
point_titles = "、".join(cat.syllabus.points[p].title for p in section.points)
st.caption(T.LEARN_READING_TIME.format(minutes=section.reading_minutes, points=point_titles))
st.html(to_html(section.body))

related = sorted({sc for p in section.points for sc in cat.scenarios_by_point.get(p, [])})
if related:
    st.info(T.LEARN_RELATED_SCENARIOS.format(titles="、".join(cat.scenarios[s].title for s in related)))

if marks.get(section.id) == DONE:
    st.success(T.LEARN_DONE, icon="✅")
elif st.button(T.LEARN_MARK_DONE, type="primary", key="learn_done"):
    mark(db, account.id, section.id, DONE)
    st.rerun()

with st.expander(T.LEARN_CHECK):
    check = list(dict.fromkeys(q for p in section.points for q in cat.questions_by_point.get(p, [])))[:CHECK_SIZE]
    if not check:
        st.write(T.LEARN_CHECK_EMPTY)
    for qid in check:
        q = cat.questions[qid]
        with st.form(f"learn_check_{section.id}_{qid}"):
            response = response_input(q, f"learn_q_{qid}", seed=session_seed())
            submitted = st.form_submit_button(T.SUBMIT_ANSWER)
        if submitted:
            score = answer_question(db, account.id, q, response, "check")
            if score.status == "invalid":
                st.warning(score.message)
            else:
                show_feedback(q, score, cat, f"learn_fb_{qid}", session_seed())

position = order.index(section.id)
prev_col, next_col = st.columns(2)
if position > 0 and prev_col.button(T.LEARN_PREV, key="learn_prev"):
    st.session_state["learn_section"] = order[position - 1]
    st.rerun()
if position < len(order) - 1 and next_col.button(T.LEARN_NEXT, key="learn_next"):
    st.session_state["learn_section"] = order[position + 1]
    st.rerun()
