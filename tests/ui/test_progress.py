"""我的进度 page."""

from __future__ import annotations

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
