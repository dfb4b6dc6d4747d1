"""课程学习: module → chapter → section, reading marks, resume, and the section check."""

import json

import streamlit as st

from actions.study import answer_question, hidden_during_exam, mark_section, my_section_statuses
from courseware.figures import figure
from courseware.progress import DONE, OPENED
from courseware.render import section_parts, to_html
from ui import text as T
from ui.auth import require
from ui.look import chart, dataframe
from ui.resources import catalog, database, search_index
from ui.routes import arrival, go, here
from ui.widgets.question import response_input, session_seed, show_feedback

CHECK_SIZE = 5
# Bring a heading into view (below Streamlit's top bar); retried while the page is still being drawn.
SCROLL_SCRIPT = """<script>
(() => {{
  let tries = 0;
  const go = () => {{
    const el = document.getElementById({target});
    if (el) {{ el.style.scrollMarginTop = "4.5rem"; el.scrollIntoView({{block: "start"}}); }}
    else if (tries++ < 30) {{ setTimeout(go, 100); }}
  }};
  setTimeout(go, 50);
}})();
</script>"""


def scroll_to(anchor: str) -> None:
    """Scroll the page to the element with this id (a section id of our own content, never user text)."""
    st.html(SCROLL_SCRIPT.format(target=json.dumps(anchor)), unsafe_allow_javascript=True)


account = require()
cat, db = catalog(), database()
st.title(T.NAV_LEARN)
if not cat.chapters:
    st.info(T.LEARN_NO_CONTENT)
    st.stop()

order = [s.id for c in cat.chapters for s in c.sections]
wanted = arrival("section") or st.session_state.pop("learn_section", None)
if wanted in cat.sections:
    st.session_state["learn_scroll"] = wanted  # opened on purpose: show its heading, not the page top
    section = cat.sections[wanted]
    owner = cat.chapter(section.chapter_id)
    st.session_state["learn_module"] = owner.module if owner else None
    st.session_state["learn_chapter"] = section.chapter_id
    st.session_state["learn_pick"] = wanted


def open_section(section_id: str, key: str, query: str = "") -> None:
    if st.button(T.LEARN_OPEN.format(title=cat.sections[section_id].title), key=key):
        st.session_state["learn_section"] = section_id
        if query:  # fold the hits away so the section follows the search box; one button brings them back
            st.session_state["learn_last_query"] = query
            st.session_state["learn_set_query"] = ""
        st.rerun()


if "learn_set_query" in st.session_state:  # before the search box is drawn (its value cannot change after)
    st.session_state["learn_query"] = st.session_state.pop("learn_set_query")
query = st.text_input(T.LEARN_SEARCH, key="learn_query", max_chars=50, placeholder=T.LEARN_SEARCH_PLACEHOLDER)
if query.strip():
    hits = search_index().search(query)
    if not hits:
        st.info(T.LEARN_SEARCH_NONE)
    for hit in hits:
        st.caption(hit.snippet)
        open_section(hit.section_id, f"learn_hit_{hit.section_id}", query.strip())
    st.divider()
elif st.session_state.get("learn_last_query"):
    last = st.session_state["learn_last_query"]
    if st.button(T.LEARN_BACK_TO_HITS.format(query=last), key="learn_back_to_hits", icon=":material/search:"):
        st.session_state["learn_set_query"] = last
        st.rerun()

with st.expander(T.LEARN_GLOSSARY):
    needle = st.text_input(T.LEARN_GLOSSARY_FILTER, key="learn_glossary_filter", max_chars=20).strip()
    shown = [t for t in cat.glossary if not needle or needle in t.term or needle in t.definition]
    dataframe(
        [{T.LEARN_TERM: t.term, T.LEARN_TERM_ENGLISH: t.english, T.LEARN_TERM_DEFINITION: t.definition} for t in shown],
        hide_index=True,
        width="stretch",
        height=min(400, 38 + 35 * max(1, len(shown))),
    )
    if shown:
        by_term = {t.term: t for t in shown}
        term = st.selectbox(T.LEARN_TERM_PICK, list(by_term), key="learn_term_pick")
        taught = [s for p in by_term[term].points for s in cat.sections_by_point.get(p, [])][:1]
        for sid in taught:
            open_section(sid, f"learn_term_{sid}")

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
marks = my_section_statuses(db, account)
ids = [s.id for s in chapter.sections]
if st.session_state.get("learn_pick") not in ids:
    st.session_state["learn_pick"] = ids[0]
section_id = st.radio(
    T.LEARN_SECTION,
    ids,
    key="learn_pick",
    format_func=lambda sid: cat.sections[sid].title + (T.LEARN_READ_MARK if marks.get(sid) == DONE else ""),
)
section = cat.sections[section_id]
here(section=section.id)  # a reload or a shared link opens this section
if marks.get(section.id) is None:
    mark_section(db, account, cat, section.id, OPENED)

st.header(section.title, anchor=section.id)
if st.session_state.pop("learn_scroll", None) == section.id:
    scroll_to(section.id)
point_titles = "、".join(cat.syllabus.points[p].title for p in section.points)
st.caption(T.LEARN_READING_TIME.format(minutes=section.reading_minutes, points=point_titles))
for kind, part in section_parts(section.body):
    if kind == "figure":
        chart(figure(part))
    elif kind == "folded":
        with st.expander(T.LEARN_WORKED_ANSWER, icon=":material/lightbulb:"):
            st.html(to_html(part))
    else:
        st.html(to_html(part))

related = sorted({sc for p in section.points for sc in cat.scenarios_by_point.get(p, [])})
if related:
    st.info(T.LEARN_RELATED_SCENARIOS.format(titles="、".join(cat.scenarios[s].title for s in related)))
    if st.button(T.NAV_SCENARIO, key="learn_to_scenario", icon=":material/support_agent:"):
        go("scenario", scenario=related[0])
practised = [p for p in section.points if cat.questions_by_point.get(p)]
if practised and st.button(T.LEARN_PRACTICE_POINTS, key="learn_to_practice", icon=":material/edit_note:"):
    go("practice", mode="sequential", scope="point", point=practised[0])

if marks.get(section.id) == DONE:
    st.success(T.LEARN_DONE, icon=":material/check_circle:")
elif st.button(T.LEARN_MARK_DONE, type="primary", key="learn_done"):
    mark_section(db, account, cat, section.id, DONE)
    st.rerun()

with st.expander(T.LEARN_CHECK):
    hidden = hidden_during_exam(db, account)
    check = list(
        dict.fromkeys(q for p in section.points for q in cat.questions_by_point.get(p, []) if q not in hidden)
    )[:CHECK_SIZE]
    if not check:
        st.write(T.LEARN_CHECK_EMPTY)
    # each item's feedback stays while the others are answered; the check ends with a score
    checked = st.session_state.setdefault("learn_checked", {}).setdefault(section.id, {})
    for qid in check:
        q = cat.questions[qid]
        with st.form(f"learn_check_{section.id}_{qid}"):
            response = response_input(q, f"learn_q_{qid}", seed=session_seed())
            submitted = st.form_submit_button(T.SUBMIT_ANSWER, disabled=qid in checked)
        if submitted and qid not in checked:
            score = answer_question(db, account, cat, q.id, response, "check")
            if score.status == "invalid":
                st.warning(score.message)
            else:
                checked[qid] = (score, response)
        if qid in checked:
            show_feedback(q, checked[qid][0], cat, f"learn_fb_{qid}", session_seed(), checked[qid][1])
    if check and len(checked) == len(check):
        got = sum(s.score or 0 for s, _ in checked.values())
        possible = sum(s.possible for s, _ in checked.values())
        right = sum(1 for s, _ in checked.values() if s.status == "correct")
        st.info(T.LEARN_CHECK_SCORE.format(right=right, total=len(check), score=got, possible=possible))

position = order.index(section.id)
prev_col, next_col = st.columns(2)
if position > 0 and prev_col.button(T.LEARN_PREV, key="learn_prev"):
    st.session_state["learn_section"] = order[position - 1]
    st.rerun()
if position < len(order) - 1 and next_col.button(T.LEARN_NEXT, key="learn_next"):
    st.session_state["learn_section"] = order[position + 1]
    st.rerun()
