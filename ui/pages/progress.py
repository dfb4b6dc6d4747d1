"""我的进度: exam score trend and pass estimate, accuracy per day, per module and point, time per question,
reading, results."""

from datetime import date, datetime

import plotly.graph_objects as go
import streamlit as st

from actions.scenarios import my_runs
from actions.study import exam_history, my_answers, my_exam_trend, my_figures, my_section_statuses
from courseware.progress import DONE
from quizzes.analytics import accuracy_by_day, seconds_by_type
from quizzes.practice import tally_by
from source import dates
from ui import text as T
from ui.auth import require
from ui.look import chart, dataframe, figure
from ui.resources import catalog, database

MARGIN = {"l": 10, "r": 10, "t": 10, "b": 10}

account = require()
cat, db = catalog(), database()
zone = dates.zone()
st.title(T.NAV_PROGRESS)
mine = my_figures(db, account, cat)  # the same figures as the home page and the certification requirements
cols = st.columns(5)
cols[0].metric(T.METRIC_READ, f"{mine.sections_read}/{len(cat.sections)}")
cols[1].metric(T.METRIC_ANSWERED, mine.answers)
cols[2].metric(T.METRIC_ACCURACY, "—" if mine.accuracy is None else f"{mine.accuracy:.0%}")
cols[3].metric(T.METRIC_EXAMS, mine.exams)
cols[4].metric(T.METRIC_RUNS, mine.runs)


def short_day(d: date | datetime) -> str:
    return dates.month_day(d)


trend = my_exam_trend(db, account, cat)
if trend.points:
    st.subheader(T.TREND_TITLE)
    # one category per exam ("1. 11月28日"): no time axis, so no millisecond ticks and no English month names
    labels = [f"{n}. {short_day(p.at.astimezone(zone))}" for n, p in enumerate(trend.points, 1)]
    scores = tuple(round(p.score, 1) for p in trend.points)
    lines = tuple(p.pass_line for p in trend.points)
    said = tuple(f"{p.score:.0f}" for p in trend.points)

    def trend_figure() -> go.Figure:
        fig = go.Figure()
        fig.add_scatter(
            x=labels,
            y=list(scores),
            name=T.TREND_SCORE,
            mode="lines+markers+text",
            text=list(said),
            textposition="top center",
        )
        fig.add_scatter(
            x=labels,
            y=list(lines),
            name=T.TREND_PASS_LINE,
            mode="lines",
            line={"dash": "dash", "color": "#c0392b"},
        )
        fig.update_layout(
            height=300,
            margin=MARGIN,
            xaxis={"type": "category", "title": T.TREND_EXAM},
            yaxis={"range": [0, 105], "title": T.TREND_SCORE},
            legend={"orientation": "h"},
        )
        return fig

    chart(figure(("progress_trend", tuple(labels), scores, lines, said), trend_figure))
    est = trend.estimate
    if est.shown_percent is None:
        st.info(T.TREND_ESTIMATE_NEEDS.format(n=est.needed))
    else:
        st.info(
            T.TREND_ESTIMATE.format(n=est.used, mean=est.mean or 0, spread=est.spread or 0, percent=est.shown_percent)
        )
        st.caption(T.TREND_ESTIMATE_NOTE)


def bar(rows: list[tuple[str, int, int]], y_title: str) -> go.Figure:
    """Horizontal accuracy bars (0-100 %), each labelled with its accuracy and how many answers it rests on."""
    # graph_objects, not plotly express: express costs far more per rerun for the same bars
    fig = go.Figure(
        go.Bar(
            x=[r[1] for r in rows],
            y=[r[0] for r in rows],
            text=[T.PROGRESS_ACCURACY_LABEL.format(accuracy=r[1], n=r[2]) for r in rows],
            orientation="h",
        )
    )
    fig.update_layout(
        height=120 + 32 * len(rows),
        margin=MARGIN,
        xaxis={"range": [0, 100], "title": T.PROGRESS_ACCURACY_AXIS},
        yaxis={"title": y_title, "autorange": "reversed"},
    )
    return fig


answers = my_answers(db, account)
if not answers:
    st.info(T.PROGRESS_NO_ANSWERS)
else:
    st.subheader(T.PROGRESS_OVER_TIME)
    days = accuracy_by_day(answers, zone)
    labels = [short_day(d.day) for d in days]  # categories: one day of data is one bar, not a time axis
    answered = tuple(d.answered for d in days)
    rates = tuple(round(100 * d.correct / d.answered) for d in days)

    def counts_figure() -> go.Figure:
        counts = go.Figure(go.Bar(x=labels, y=list(answered), text=list(answered)))
        counts.update_layout(
            height=220,
            margin=MARGIN,
            xaxis={"type": "category", "title": T.PROGRESS_DAY},
            yaxis={"title": T.PROGRESS_ANSWERS_PER_DAY, "rangemode": "tozero"},
        )
        return counts

    def accuracy_figure() -> go.Figure:
        accuracy = go.Figure(
            go.Scatter(x=labels, y=list(rates), mode="lines+markers+text", text=[f"{r}%" for r in rates])
        )
        accuracy.update_traces(textposition="top center")
        accuracy.update_layout(
            height=220,
            margin=MARGIN,
            xaxis={"type": "category", "title": T.PROGRESS_DAY},
            yaxis={"title": T.PROGRESS_ACCURACY_PER_DAY, "range": [0, 110]},
        )
        return accuracy

    chart(figure(("progress_counts", tuple(labels), answered), counts_figure))
    chart(figure(("progress_accuracy", tuple(labels), rates), accuracy_figure))

    st.subheader(T.PROGRESS_BY_MODULE)
    module_key = cat.module_of_question
    rows = [
        (cat.syllabus.module_titles.get(m, m), round(100 * (t.accuracy or 0)), t.answered)
        for m, t in tally_by(answers, module_key).items()
    ]
    chart(figure(("progress_bar", tuple(rows), T.LEARN_MODULE), lambda: bar(rows, T.LEARN_MODULE)))

    st.subheader(T.PROGRESS_BY_POINT)
    point_key = cat.points_of_question
    points = tally_by(answers, point_key)
    rows = [
        (cat.syllabus.points[p].title, round(100 * (t.accuracy or 0)), t.answered)
        for p, t in sorted(points.items(), key=lambda kv: kv[1].accuracy or 0)
        if p in cat.syllabus.points
    ]
    point_rows = tuple(rows)
    chart(figure(("progress_bar", point_rows, T.PRACTICE_POINT), lambda: bar(list(point_rows), T.PRACTICE_POINT)))

    spent = seconds_by_type(answers, cat.questions)
    if spent:
        st.subheader(T.PROGRESS_TIME_PER_TYPE)
        types = [T.TYPE_LABELS[k] for k in spent]
        seconds = tuple(spent.values())

        def time_figure() -> go.Figure:
            fig = go.Figure(go.Bar(x=types, y=list(seconds), text=list(seconds)))
            fig.update_layout(
                height=260,
                margin=MARGIN,
                xaxis={"type": "category", "title": T.PROGRESS_TYPE},
                yaxis_title=T.PROGRESS_SECONDS,
            )
            return fig

        chart(figure(("progress_time", tuple(types), seconds), time_figure))

# Reading: one bar for the whole course; the chapters folded below it (no column of empty bars first).
marks = my_section_statuses(db, account)
st.subheader(T.PROGRESS_READING)
read_ids = {sid for sid, status in marks.items() if status == DONE and sid in cat.sections}
st.progress(
    len(read_ids) / max(1, len(cat.sections)),
    text=T.PROGRESS_READING_OVERALL.format(done=len(read_ids), total=len(cat.sections)),
)
with st.expander(T.PROGRESS_READING_CHAPTERS, expanded=False):
    unstarted = 0
    for chapter in cat.chapters:
        done = sum(1 for s in chapter.sections if s.id in read_ids)
        unstarted += not any(s.id in marks for s in chapter.sections)
        st.progress(done / len(chapter.sections), text=f"{chapter.title} · {done}/{len(chapter.sections)}")
    st.caption(T.PROGRESS_READING_UNSTARTED.format(n=unstarted))

exams = exam_history(db, account)
if exams:
    st.subheader(T.PROGRESS_EXAMS)
    dataframe(
        [
            {
                T.EXAM_COL_TIME: dates.day_time(v.started_at),
                T.EXAM_COL_SCORE: "—" if v.score is None else f"{v.score:g}",
            }
            for v in exams
        ],
        hide_index=True,
    )
finished = [r for r in my_runs(db, account, cat) if r.finished]
if finished:
    st.subheader(T.PROGRESS_RUNS)
    dataframe(
        [
            {
                T.SCENARIO_CHOOSE: cat.scenarios[r.scenario_id].title,
                T.SCENARIO_TOTAL: "—" if r.total is None else f"{r.total:g}",
            }
            for r in finished
            if r.scenario_id in cat.scenarios
        ],
        hide_index=True,
    )
