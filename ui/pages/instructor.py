"""教师: every trainee's figures, and one trainee's mastery per knowledge point."""

import streamlit as st

from actions.teaching import (
    class_answer_grid,
    class_exam_grid,
    item_statistics,
    trainee_mastery,
    trainee_summaries,
)
from classroom.grid_export import Grid, to_csv, to_xlsx
from quizzes.analytics import ItemStat
from ui import text as T
from ui.auth import require
from ui.look import dataframe, table
from ui.names import shorten
from ui.resources import catalog, database
from ui.widgets.class_dashboard import draw
from ui.widgets.class_picker import pick_class
from ui.widgets.paper_print import paper_form

account = require("instructor", "admin")
cat, db = catalog(), database()
st.title(T.NAV_INSTRUCTOR)
info = pick_class(db, account, "instructor_class")
if info is not None:
    draw(db, account, cat, info)
    with st.expander(T.EXPORT_TITLE):
        exams = {b.id: b.title for b in cat.blueprints.values()}
        source = st.selectbox(
            T.EXPORT_SOURCE, ["", *exams], format_func=lambda k: exams.get(k, T.EXPORT_PRACTICE), key="export_source"
        )

        def grid(class_id: int = info.id, source: str = source) -> Grid:
            """The grid, read when a file is asked for (not on every rerun)."""
            if source:
                return class_exam_grid(db, account, class_id, source)
            return class_answer_grid(db, account, cat, class_id)

        left, right = st.columns(2)
        left.download_button(T.EXPORT_CSV, lambda: to_csv(grid()), T.EXPORT_FILE_CSV, "text/csv", key="export_csv")
        right.download_button(
            T.EXPORT_XLSX,
            lambda: to_xlsx(grid()),
            T.EXPORT_FILE_XLSX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="export_xlsx",
        )
    st.divider()
paper_form(cat)
st.divider()
st.subheader(T.INSTRUCTOR_TRAINEES)
rows = trainee_summaries(db, account, cat)  # only the trainees of the classes this instructor teaches
if not rows:
    st.info(T.INSTRUCTOR_NONE)
    st.stop()
C = T.INSTRUCTOR_COLUMNS
dataframe(
    [
        {
            C["name"]: r.display_name,
            C["username"]: r.username,
            C["read"]: r.sections_done,
            C["answered"]: r.answered,
            C["accuracy"]: T.NO_VALUE if r.accuracy is None else f"{round(100 * r.accuracy)}%",
            C["best_exam"]: T.NO_VALUE if r.best_exam is None else f"{r.best_exam:g}",
            C["runs"]: r.runs_finished,
        }
        for r in rows
    ],
    hide_index=True,
    width="stretch",
)
by_id = {r.user_id: r for r in rows}
picked = st.selectbox(
    T.INSTRUCTOR_DETAIL,
    list(by_id),
    key="instructor_pick",
    format_func=lambda uid: f"{by_id[uid].display_name}({by_id[uid].username})",
)
mastery = trainee_mastery(db, account, cat, picked)
st.subheader(T.INSTRUCTOR_POINTS)
if not mastery:
    st.info(T.PROGRESS_NO_ANSWERS)
else:
    dataframe(
        [
            {
                T.ADMIN_COVERAGE_COLUMNS["point"]: cat.syllabus.points[p].title,
                C["answered"]: t.answered,
                C["accuracy"]: T.NO_VALUE if t.accuracy is None else f"{round(100 * t.accuracy)}%",
            }
            for p, t in sorted(mastery.items())
            if p in cat.syllabus.points
        ],
        hide_index=True,
        width="stretch",
    )

st.subheader(T.INSTRUCTOR_ITEMS)
st.caption(T.INSTRUCTOR_ITEMS_HELP)
IC = T.INSTRUCTOR_ITEM_COLUMNS


def flag(stat: ItemStat) -> str:
    notes = []
    if stat.facility < 0.2:
        notes.append(T.INSTRUCTOR_FLAG_HARD)
    if stat.facility > 0.95:
        notes.append(T.INSTRUCTOR_FLAG_EASY)
    if stat.discrimination is not None and stat.discrimination < 0.2:
        notes.append(T.INSTRUCTOR_FLAG_WEAK)
    return "、".join(notes)


def point_title(q: object) -> str:
    points = getattr(q, "points", ())
    return cat.syllabus.points[points[0]].title if points and points[0] in cat.syllabus.points else ""


stats = [s for s in item_statistics(db, account, cat) if s.question_id in cat.questions]
if not stats:
    st.caption(T.DASH_NO_DATA)
    st.stop()
dataframe(
    table(
        # every value the rows show: the statistics and each question's stem, type and first point
        (
            "instructor_items",
            tuple((s, q.stem, q.type, tuple(q.points[:1])) for s in stats for q in [cat.questions[s.question_id]]),
        ),
        lambda: [
            {
                IC["point"]: point_title(cat.questions[s.question_id]),
                IC["type"]: T.TYPE_LABELS.get(cat.questions[s.question_id].type, ""),
                IC["stem"]: shorten(cat.questions[s.question_id].stem, 40),
                IC["n"]: s.respondents,
                IC["facility"]: f"{s.facility:.2f}",
                IC["discrimination"]: T.NO_VALUE if s.discrimination is None else f"{s.discrimination:.2f}",
                IC["flag"]: flag(s),
            }
            for s in stats
        ],
    ),
    hide_index=True,
    width="stretch",
)
