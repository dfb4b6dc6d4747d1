"""The class dashboard: progress, mastery heatmap, scores, rubric averages, trainees at risk, drill-down,
manual grading and grade export."""

from __future__ import annotations

import math

import plotly.graph_objects as go
import streamlit as st

from actions.refusals import Refusal
from actions.scenarios import load_runs
from actions.teaching import (
    class_dashboard,
    grade_manually,
    grade_skill_manually,
    pending_grading,
    trainee_exams,
    trainee_runs,
)
from catalog.catalog import Catalog
from classroom.accounts import Account
from classroom.classes import ClassInfo
from classroom.dashboard import ClassView, grade_sheet, to_csv, to_xlsx
from source import dates
from store.db import Database
from ui import text as T
from ui.look import chart, dataframe, figure
from ui.names import shorten
from ui.refusal import message, refusals
from ui.widgets.confirm import person_label
from ui.widgets.question import response_text, show_question
from ui.widgets.rule_overrides import override_panel
from ui.widgets.scenario_play import report, transcript

# Status colours: 已完成 calm green, 进行中 blue, 未开始 grey, 已逾期 the warning orange-red; each bar also
# carries its status and count in words, so nothing is told by colour alone.
STATUS_COLOURS = {"todo": "#9e9e9e", "doing": "#1f77b4", "done": "#2e7d32", "late": "#e65100"}


def count_axis(largest: int) -> dict[str, object]:
    """Axis settings for a count of people: whole-number ticks only, from zero."""
    step = max(1, math.ceil(largest / 8))
    return {"tick0": 0, "dtick": step, "tickformat": "d", "rangemode": "tozero", "range": [0, max(1, largest) * 1.05]}


def status_chart(view: ClassView) -> go.Figure:
    """Trainees per status on each task, stacked, one bar per task."""
    counts = view.status_counts()
    headers = view.headers()
    titles = [headers[a.id] for a in view.assignments]
    bars = go.Figure(
        [
            go.Bar(
                name=T.STATUS_LABELS[k],
                y=titles,
                x=v,
                orientation="h",
                marker={"color": STATUS_COLOURS[k]},
                text=[T.DASH_BAR_TEXT.format(status=T.STATUS_LABELS[k], n=n) if n else "" for n in v],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=T.DASH_BAR_HOVER.format(status=T.STATUS_LABELS[k]),
            )
            for k, v in counts.items()
        ]
    )
    bars.update_layout(
        barmode="stack",
        height=max(200, 40 * len(titles) + 80),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"orientation": "h", "traceorder": "normal"},
        xaxis_title=T.DASH_COUNT,
        yaxis={"autorange": "reversed"},
    )
    bars.update_xaxes(**count_axis(len(view.trainees)))
    return bars


def draw(db: Database, account: Account, cat: Catalog, info: ClassInfo) -> None:
    """Every panel of the dashboard for one class."""
    view = class_dashboard(db, account, cat, info.id)
    names = {t.id: person_label(t) for t in view.trainees}  # two people with one name stay two
    if not view.trainees:
        st.info(T.ROSTER_EMPTY)
        return

    st.subheader(T.DASH_CLASS_PROGRESS)
    if view.assignments:
        headers = view.headers()  # one column per task, even two on the same chapter
        dataframe(
            [
                {
                    T.DASH_TRAINEE: t.display_name,
                    **{
                        headers[s.assignment.id]: f"{T.STATUS_LABELS[s.status]} {s.done}/{s.needed}"
                        for s in view.tasks.get(t.id, ())
                    },
                }
                for t in view.trainees
            ],
            hide_index=True,
            width="stretch",
        )
        counts = view.status_counts()
        shown = (tuple(headers[a.id] for a in view.assignments), tuple((k, tuple(v)) for k, v in counts.items()))
        chart(figure(("dash_status", shown, len(view.trainees)), lambda: status_chart(view)))
    else:
        st.info(T.ASSIGN_NONE)

    st.subheader(T.DASH_HEATMAP)
    modules = list(cat.syllabus.modules)
    cells = tuple(
        tuple(None if (v := view.mastery.get(t.id, {}).get(m.id)) is None else round(100 * v) for m in modules)
        for t in view.trainees
    )
    rows_shown = tuple(names[t.id] for t in view.trainees)
    columns = tuple(m.title for m in modules)

    def heat_figure() -> go.Figure:
        heat = go.Figure(
            go.Heatmap(
                z=[list(row) for row in cells],
                x=list(columns),
                y=list(rows_shown),
                colorscale="RdYlGn",
                zmin=0,
                zmax=100,
                hoverongaps=False,
                texttemplate="%{z}",  # the figure in each cell, not the colour alone
                hovertemplate=T.DASH_HEAT_HOVER,
                colorbar={"title": {"text": T.DASH_HEAT_SCALE}},
            )
        )
        heat.update_layout(height=max(240, 28 * len(rows_shown)), margin={"l": 10, "r": 10, "t": 10, "b": 10})
        return heat

    chart(figure(("dash_heat", cells, rows_shown, columns), heat_figure))

    left, right = st.columns(2)
    with left:
        st.markdown(f"**{T.DASH_DISTRIBUTION}**")
        if view.exam_scores:
            scores = tuple(s for _, _, s in view.exam_scores)

            def hist_figure() -> go.Figure:
                hist = go.Figure(go.Histogram(x=list(scores), xbins={"start": 0, "end": 100, "size": 10}))
                hist.update_layout(height=260, xaxis_title=T.DASH_SCORE, yaxis_title=T.DASH_COUNT, margin={"t": 10})
                hist.update_yaxes(**count_axis(len(scores)))
                return hist

            chart(figure(("dash_hist", scores), hist_figure))
        else:
            st.caption(T.DASH_NO_DATA)
    with right:
        st.markdown(f"**{T.DASH_RUBRIC}**")
        if view.rubric:
            means = tuple(round(100 * v) for v in view.rubric.values())
            dims = tuple(view.rubric)

            def rubric_figure() -> go.Figure:
                bars = go.Figure(go.Bar(x=list(dims), y=list(means), text=list(means), textposition="outside"))
                bars.update_layout(
                    height=260, yaxis={"range": [0, 110], "title": {"text": T.DASH_RUBRIC_AXIS}}, margin={"t": 10}
                )
                return bars

            chart(figure(("dash_rubric", dims, means), rubric_figure))
        else:
            st.caption(T.DASH_NO_DATA)

    st.subheader(T.DASH_AT_RISK)
    risky = view.at_risk()
    if risky:
        dataframe(
            [{T.DASH_TRAINEE: a.display_name, T.DASH_REASONS: "；".join(r)} for a, r in risky],
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption(T.DASH_NONE_AT_RISK)

    st.subheader(T.DASH_MANUAL)
    queue = pending_grading(db, account, info.id)
    if not queue:
        st.caption(T.DASH_MANUAL_NONE)
    for item in queue:
        q = cat.questions.get(item.question_id)
        if q is None:
            continue
        label = T.DASH_MANUAL_ITEM.format(
            name=names.get(item.user_id, ""), source=T.DASH_MANUAL_SOURCE[item.source], question=shorten(q.stem, 30)
        )
        with st.expander(label):
            show_question(q)
            rubric = getattr(q, "rubric", ())
            if rubric:
                st.caption(T.DASH_RUBRIC_HINT.format(labels="、".join(g.label for g in rubric)))
            st.text(response_text(q, item.response))
            key = f"instructor_manual_{item.source}_{item.ref}_{item.question_id}"
            if q.type == "skill" and item.source == "exam" and len(item.marking) == len(q.marking):
                marks = []
                for i, (point, part) in enumerate(zip(q.marking, item.marking, strict=True)):
                    state = {"correct": T.SKILL_FOUND, "review": T.SKILL_UNSURE}.get(part["status"], T.SKILL_MISSED)
                    possible = float(part["possible"])
                    marks.append(
                        st.number_input(
                            T.MANUAL_SKILL_POINT.format(label=point.label, score=possible),
                            0.0,
                            possible,
                            possible if part["status"] == "correct" else 0.0,
                            0.5,
                            key=f"{key}_p{i}",
                            help=T.MANUAL_SKILL_SUGGESTED.format(state=state),
                        )
                    )
                if st.button(T.DASH_MANUAL_SAVE, key=f"{key}_save"):
                    with refusals():
                        grade_skill_manually(db, account, cat, info.id, item.ref, item.question_id, marks)
                        st.success(T.DASH_MANUAL_SAVED)
                        st.rerun()
                continue
            score = st.number_input(
                T.DASH_MANUAL_SCORE.format(possible=item.possible), 0.0, float(item.possible), 0.0, 0.5, key=key
            )
            if st.button(T.DASH_MANUAL_SAVE, key=f"{key}_save"):
                with refusals():
                    grade_manually(db, account, cat, info.id, item.source, item.ref, item.question_id, score)
                    st.success(T.DASH_MANUAL_SAVED)
                    st.rerun()

    st.subheader(T.DASH_EXPORT)
    header, rows = grade_sheet(view)
    c1, c2 = st.columns(2)
    # files are built when clicked (deferred data), not on every rerun
    c1.download_button(
        T.DASH_EXPORT_CSV, lambda: to_csv(header, rows), f"{info.name}-成绩.csv", "text/csv", key="instructor_csv"
    )
    c2.download_button(
        T.DASH_EXPORT_XLSX,
        lambda: to_xlsx(header, rows),
        f"{info.name}-成绩.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="instructor_xlsx",
    )

    st.subheader(T.DASH_DRILL)
    uid = st.selectbox(
        T.DASH_TRAINEE,
        list(names),
        index=None,
        placeholder=T.DASH_DRILL_PICK,
        key="instructor_drill",
        format_func=names.__getitem__,
    )
    if uid is None:  # one trainee's papers and conversations are read when the instructor picks them
        return
    attempts = trainee_exams(db, account, uid)
    runs = [r for r in trainee_runs(db, account, uid) if r.scenario_id in cat.scenarios]
    a_col, r_col = st.columns(2)
    with a_col:
        st.markdown(f"**{T.DASH_ATTEMPTS}**")
        if not attempts:
            st.caption(T.DASH_NO_DATA)
        for attempt in attempts:
            title = cat.blueprints[attempt.blueprint_id].title if attempt.blueprint_id in cat.blueprints else ""
            with st.expander(f"{title} · {attempt.score:g} 分 · {dates.short_day_time(attempt.started_at)}"):
                items = (attempt.breakdown or {}).get("items", {})
                for n, paper_item in enumerate(attempt.paper, start=1):
                    q = attempt.question(paper_item.question_id, cat.questions)
                    if q is None:
                        continue
                    got = items.get(q.id, {})
                    st.markdown(f"{n}. {q.stem}")
                    st.caption(
                        f"{response_text(q, attempt.answers.get(q.id), attempt.seed)} · "
                        f"{got.get('score', 0):g}/{paper_item.score:g}"
                    )
    with r_col:
        st.markdown(f"**{T.DASH_RUNS}**")
        if not runs:
            st.caption(T.DASH_NO_DATA)
        loaded = load_runs(db, account, cat, [r.id for r in runs])  # every run in a fixed number of queries
        for r in runs:
            scenario = cat.scenarios.get(r.scenario_id)
            title = scenario.title if scenario else T.CERT_MISSING
            with st.expander(f"{title} · {'—' if r.total is None else f'{r.total:g} 分'}"):
                played = loaded[r.id]
                if isinstance(played, Refusal):  # e.g. the scenario was edited since: the run cannot be replayed
                    st.info(message(played))
                    continue
                transcript(played)
                report(played, f"dash_run_{r.id}")
                override_panel(db, account, cat, r.id)
