"""我的进度: reading progress, accuracy per module, exam and scenario results."""

import plotly.express as px
import streamlit as st

from courseware.progress import DONE, statuses
from quizzes.exam import history
from quizzes.practice import answers_of, tally_by
from scenarios.sessions import runs_of
from ui import text as T
from ui.auth import require
from ui.resources import catalog, database

account = require()
cat, db = catalog(), database()
st.title(T.NAV_PROGRESS)

marks = statuses(db, account.id)
st.subheader(T.PROGRESS_READING)
for chapter in cat.chapters:
    done = sum(1 for s in chapter.sections if marks.get(s.id) == DONE)
    st.progress(done / len(chapter.sections), text=f"{chapter.title} · {done}/{len(chapter.sections)}")

st.subheader(T.PROGRESS_BY_MODULE)
answers = answers_of(db, account.id)
if not answers:
    st.info(T.PROGRESS_NO_ANSWERS)
else:
    module_key = {
        qid: [cat.syllabus.module_of[q.points[0]]]
        for qid, q in cat.questions.items()
        if q.points[0] in cat.syllabus.module_of
    }
    tallies = tally_by(answers, module_key)
    rows = [
        {
            T.LEARN_MODULE: cat.syllabus.module_titles.get(m, m),
            T.METRIC_ACCURACY: round(100 * (t.accuracy or 0)),
            T.METRIC_ANSWERED: t.answered,
        }
        for m, t in tallies.items()
    ]
    fig = px.bar(rows, x=T.METRIC_ACCURACY, y=T.LEARN_MODULE, orientation="h", range_x=[0, 100], text=T.METRIC_ANSWERED)
    fig.update_layout(height=120 + 40 * len(rows), margin={"l": 10, "r": 10, "t": 10, "b": 10})
    st.plotly_chart(fig, use_container_width=True)

exams = history(db, account.id)
if exams:
    st.subheader(T.PROGRESS_EXAMS)
    st.dataframe(
        [{T.EXAM_COL_TIME: v.started_at.strftime("%Y-%m-%d %H:%M"), T.EXAM_COL_SCORE: v.score} for v in exams],
        hide_index=True,
    )
finished = [r for r in runs_of(db, account.id) if r.finished]
if finished:
    st.subheader(T.PROGRESS_RUNS)
    st.dataframe(
        [
            {
                T.SCENARIO_CHOOSE: cat.scenarios[r.scenario_id].title
                if r.scenario_id in cat.scenarios
                else r.scenario_id,
                T.SCENARIO_TOTAL: r.total,
            }
            for r in finished
        ],
        hide_index=True,
    )
