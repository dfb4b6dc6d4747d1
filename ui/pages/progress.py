"""我的进度: reading, mastery per module and point, accuracy over time, time per question, results."""

import plotly.graph_objects as go
import streamlit as st

from actions.scenarios import my_runs
from actions.study import exam_history, my_answers, my_figures, my_section_statuses
from courseware.progress import DONE
from quizzes.analytics import accuracy_by_day, seconds_by_type
from quizzes.practice import tally_by
from source import dates
from ui import text as T
from ui.auth import require
from ui.look import chart
from ui.resources import catalog, database

account = require()
cat, db = catalog(), database()
st.title(T.NAV_PROGRESS)
mine = my_figures(db, account, cat)  # the same figures as the home page and the certification requirements
cols = st.columns(5)
cols[0].metric(T.METRIC_READ, f"{mine.sections_read}/{len(cat.sections)}")
cols[1].metric(T.METRIC_ANSWERED, mine.answers)
cols[2].metric(T.METRIC_ACCURACY, "—" if mine.accuracy is None else f"{mine.accuracy:.0%}")
cols[3].metric(T.METRIC_EXAMS, mine.exams)
cols[4].metric(T.METRIC_RUNS, mine.runs)

marks = my_section_statuses(db, account)
st.subheader(T.PROGRESS_READING)
for chapter in cat.chapters:
    done = sum(1 for s in chapter.sections if marks.get(s.id) == DONE)
    st.progress(done / len(chapter.sections), text=f"{chapter.title} · {done}/{len(chapter.sections)}")


def bar(rows: list[dict[str, object]], x: str, y: str, text: str) -> go.Figure:
    # graph_objects, not plotly express: express costs far more per rerun for the same bars
    fig = go.Figure(
        go.Bar(x=[r[x] for r in rows], y=[r[y] for r in rows], text=[r[text] for r in rows], orientation="h")
    )
    fig.update_layout(
        height=120 + 32 * len(rows),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"range": [0, 100], "title": x},
        yaxis={"title": y, "autorange": "reversed"},
    )
    return fig


answers = my_answers(db, account)
if not answers:
    st.info(T.PROGRESS_NO_ANSWERS)
else:
    st.subheader(T.PROGRESS_BY_MODULE)
    module_key = {
        qid: [cat.syllabus.module_of[q.points[0]]]
        for qid, q in cat.questions.items()
        if q.points[0] in cat.syllabus.module_of
    }
    rows = [
        {
            T.LEARN_MODULE: cat.syllabus.module_titles.get(m, m),
            T.METRIC_ACCURACY: round(100 * (t.accuracy or 0)),
            T.METRIC_ANSWERED: t.answered,
        }
        for m, t in tally_by(answers, module_key).items()
    ]
    chart(bar(rows, T.METRIC_ACCURACY, T.LEARN_MODULE, T.METRIC_ANSWERED))

    st.subheader(T.PROGRESS_BY_POINT)
    point_key = {qid: list(q.points) for qid, q in cat.questions.items()}
    points = tally_by(answers, point_key)
    rows = [
        {
            T.PRACTICE_POINT: cat.syllabus.points[p].title,
            T.METRIC_ACCURACY: round(100 * (t.accuracy or 0)),
            T.METRIC_ANSWERED: t.answered,
        }
        for p, t in sorted(points.items(), key=lambda kv: kv[1].accuracy or 0)
        if p in cat.syllabus.points
    ]
    chart(bar(rows, T.METRIC_ACCURACY, T.PRACTICE_POINT, T.METRIC_ANSWERED))

    st.subheader(T.PROGRESS_OVER_TIME)
    days = accuracy_by_day(answers)
    fig = go.Figure()
    fig.add_bar(x=[d.day for d in days], y=[d.answered for d in days], name=T.METRIC_ANSWERED)
    fig.add_scatter(
        x=[d.day for d in days],
        y=[round(100 * d.correct / d.answered) for d in days],
        name=T.METRIC_ACCURACY,
        yaxis="y2",
        mode="lines+markers",
    )
    fig.update_layout(
        height=300,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        yaxis2={"overlaying": "y", "side": "right", "range": [0, 100]},
        legend={"orientation": "h"},
    )
    chart(fig)

    spent = seconds_by_type(answers, cat.questions)
    if spent:
        st.subheader(T.PROGRESS_TIME_PER_TYPE)
        rows = [{T.PROGRESS_TYPE: T.TYPE_LABELS[k], T.PROGRESS_SECONDS: v} for k, v in spent.items()]
        fig = go.Figure(
            go.Bar(
                x=[r[T.PROGRESS_TYPE] for r in rows],
                y=[r[T.PROGRESS_SECONDS] for r in rows],
                text=[r[T.PROGRESS_SECONDS] for r in rows],
            )
        )
        fig.update_layout(
            height=260,
            margin={"l": 10, "r": 10, "t": 10, "b": 10},
            xaxis_title=T.PROGRESS_TYPE,
            yaxis_title=T.PROGRESS_SECONDS,
        )
        chart(fig)

exams = exam_history(db, account)
if exams:
    st.subheader(T.PROGRESS_EXAMS)
    st.dataframe(
        [{T.EXAM_COL_TIME: dates.day_time(v.started_at), T.EXAM_COL_SCORE: v.score} for v in exams],
        hide_index=True,
    )
finished = [r for r in my_runs(db, account, cat) if r.finished]
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
