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


def test_the_exam_date_is_chosen_from_days_written_in_chinese(open_page, app_db) -> None:  # type: ignore[no-untyped-def]
    from actions.study import my_exam_date
    from classroom.accounts import list_accounts
    from quizzes.modes import Mode
    from source import dates

    at = open_page("practice")
    at.radio(key="practice_mode").set_value(Mode.REVIEW.value).run()
    picker = at.selectbox(key="practice_exam_date")
    assert picker.options[0] == "不设日期" and all(not problems(o) for o in picker.options)
    day = dates.today() + timedelta(days=30)
    picker.set_value(day).run()
    assert not at.exception
    account = next(a for a in list_accounts(app_db) if a.username == "trainee_user")
    assert my_exam_date(app_db, account) == day
    assert at.selectbox(key="practice_exam_date").value == day


def test_pages_write_dates_and_draw_widgets_only_through_the_shared_helpers() -> None:
    """Dates through source.dates (Chinese, school clock), charts, uploads and date choices through ui.look."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    banned = re.compile(
        r"\.strftime\(|\.isoformat\(\)|\.astimezone\(\)|\{[^{}]*:%[A-Za-z]|\.(plotly_chart|file_uploader|date_input)\("
    )
    found = [
        f"{path.relative_to(root)}:{n}: {line.strip()}"
        for path in [root / "app.py", *(root / "ui").rglob("*.py")]
        if path.name != "look.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if banned.search(line) and not line.endswith("# part of an id, not shown")
    ]
    assert not found, "\n".join(found)
