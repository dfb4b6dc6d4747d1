"""The shared look: charts with Chinese dates and whole-day ticks, names instead of ids, blank-free cells."""

from __future__ import annotations

from datetime import date, timedelta

import plotly.graph_objects as go

from catalog.catalog import ContentRoots, load_catalog
from tests.visible_text import chart_faults, problems
from ui.look import CHART_CONFIG, chinese_dates
from ui.names import figure, point_name, question_name, shorten

CATALOG = load_catalog(ContentRoots.shipped())


def test_one_day_of_data_gets_one_chinese_day_tick_not_milliseconds() -> None:
    fig = chinese_dates(go.Figure(go.Bar(x=[date(2026, 11, 28)], y=[12])))
    axis = fig.layout.xaxis
    assert axis.type == "date" and axis.tickformat == "%-m月%-d日" and axis.dtick == 86_400_000
    assert not chart_faults(fig.to_json(), '{"displayModeBar": false}')


def test_a_month_of_data_keeps_automatic_ticks_in_chinese() -> None:
    days = [date(2026, 11, 1) + timedelta(days=n) for n in range(30)]
    axis = chinese_dates(go.Figure(go.Scatter(x=days, y=list(range(30))))).layout.xaxis
    assert axis.tickformat == "%-m月%-d日" and axis.dtick is None


def test_charts_have_no_toolbar() -> None:
    assert CHART_CONFIG["displayModeBar"] is False
    assert chart_faults(go.Figure().to_json(), "{}") == ["chart toolbar shown"]


def test_ids_are_named_for_people() -> None:
    qid = "crm-basics.q001"
    assert not problems(question_name(CATALOG, qid)) and question_name(CATALOG, qid).endswith("第 1 题")
    pid = next(iter(CATALOG.syllabus.points))
    assert CATALOG.syllabus.points[pid].title in point_name(CATALOG, pid) and pid not in point_name(CATALOG, pid)
    assert figure(None) == "—" and figure(0.5) == "0.5"
    assert shorten("这在 5C 评估中反映的是品德（Character）", 22) == "这在 5C 评估中反映的是品德（…"
