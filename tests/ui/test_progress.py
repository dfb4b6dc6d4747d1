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
