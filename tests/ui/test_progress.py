"""我的进度 page."""

from __future__ import annotations

import json

from catalog.catalog import ContentRoots, load_catalog
from quizzes.practice import answer_question
from store.db import Database
from tests.ui.conftest import Open

CATALOG = load_catalog(ContentRoots.shipped())


def test_empty_progress_invites_practice(open_page: Open) -> None:
    at = open_page("progress")
    assert at.info[0].value.startswith("还没有答题记录")


def test_accuracy_chart_after_answers(open_page: Open, app_db: Database) -> None:
    at = open_page("progress", username="busy")
    answer_question(app_db, 1, CATALOG.questions["crm-basics.q001"], "C", "practice")
    at.run()
    assert at.get("plotly_chart")


def test_all_charts_after_timed_answers(open_page: Open, app_db: Database) -> None:
    at = open_page("progress", username="charted")
    answer_question(app_db, 1, CATALOG.questions["crm-basics.q001"], "C", "practice", seconds=12)
    answer_question(app_db, 1, CATALOG.questions["crm-basics.q002"], False, "practice", seconds=5)
    at.run()
    titles = [s.value for s in at.subheader]
    assert titles[:5] == [
        "每日答题与正确率",
        "各模块正确率",
        "各知识点掌握情况",
        "各题型平均用时\uff08秒，中位数\uff09",
        "阅读进度",  # after the charts, one bar; the chapters folded
    ]
    assert len(at.get("plotly_chart")) == 5


def test_professional_ethics_shows_in_reading_and_module_accuracy(open_page: Open, app_db: Database) -> None:
    at = open_page("progress", username="ethics")
    assert any(p.text.startswith("客户管理人员的职业道德 · 0/7") for p in at.get("progress"))
    answer_question(app_db, 1, CATALOG.questions["professional-ethics.q001"], "C", "practice")
    at.run()
    modules = json.loads(at.get("plotly_chart")[2].proto.spec)["data"][0]["y"]
    assert modules == ["职业道德"]


def handed_in(db: Database, uid: int, scores: list[float]) -> None:
    from datetime import UTC, datetime, timedelta

    from store.tables import ExamAttempt

    start = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)  # 09:30 in Beijing
    with db.session() as s:
        for i, score in enumerate(scores):
            when = start + timedelta(days=i)
            s.add(
                ExamAttempt(
                    user_id=uid,
                    blueprint_id="starter-mock",
                    seed=i,
                    paper=[],
                    started_at=when,
                    deadline_at=when + timedelta(hours=1),
                    submitted_at=when + timedelta(minutes=50),
                    score=score,
                    passed=score >= 60,
                    breakdown={"items": {}, "modules": {}},
                )
            )


def test_score_trend_against_the_pass_line_needs_three_exams_for_an_estimate(open_page: Open, app_db: Database) -> None:
    at = open_page("progress", username="examinee")
    assert "模拟考试成绩走势" not in [s.value for s in at.subheader]
    handed_in(app_db, 1, [52, 66])
    at.run()
    assert at.subheader[0].value == "模拟考试成绩走势"
    assert any(i.value == "至少需要 3 次模拟考试才能估计通过的把握，你还需要再考 1 次。" for i in at.info)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    score, line = spec["data"]
    assert score["x"] == ["1. 11月20日", "2. 11月21日"] and score["y"] == [52, 66]
    assert line["y"] == [60, 60] and line["name"] == "及格线"
    assert spec["layout"]["xaxis"]["type"] == "category"
    handed_in(app_db, 1, [70, 74, 71, 75])
    at.run()
    estimate = next(i.value for i in at.info if i.value.startswith("按最近 5 次模拟考试"))
    assert "预计通过的把握约" in estimate and estimate.endswith("%。")
    assert "2026年11月" in str(at.dataframe[0].value)


def test_one_day_of_answers_is_one_labelled_bar_without_a_time_axis(open_page: Open, app_db: Database) -> None:
    at = open_page("progress", username="oneday")
    answer_question(app_db, 1, CATALOG.questions["crm-basics.q001"], "C", "practice", seconds=12)
    answer_question(app_db, 1, CATALOG.questions["crm-basics.q002"], False, "practice", seconds=5)
    at.run()
    counts, accuracy = (json.loads(c.proto.spec) for c in at.get("plotly_chart")[:2])
    # answer counts on their own axis, titled as counts; accuracy on a 0-100 % axis of its own chart
    assert counts["layout"]["yaxis"]["title"]["text"] == "每日答题数"
    assert counts["data"][0]["y"] == [2]
    assert accuracy["layout"]["yaxis"]["title"]["text"] == "每日正确率（%）"
    for spec in (counts, accuracy):
        assert spec["layout"]["xaxis"]["type"] == "category"  # no time axis: no millisecond ticks
        (label,) = spec["data"][0]["x"]
        assert label.endswith("日") and "月" in label
    # the reading bars come after the charts: one for the course, the chapters folded in an expander
    chapters = next(e for e in at.expander if e.label == "各章阅读情况")
    assert len(chapters.get("progress")) == len(CATALOG.chapters)
    assert len(at.get("progress")) == len(CATALOG.chapters) + 1
