"""内容反馈: a report filed in practice reaches the admin's queue; the reply appears on the trainee's 首页."""

from __future__ import annotations

from actions.feedback import report_problem
from catalog.catalog import ContentRoots, load_catalog
from classroom.accounts import get_account, list_accounts
from store.db import Database
from tests.ui.conftest import Open, by_label


def test_report_queue_reply_seen_on_home(open_page: Open, app_db: Database) -> None:
    cat = load_catalog(ContentRoots.shipped())
    trainee_at = open_page("practice", username="reporter")
    reporter = get_account(app_db, next(a.id for a in list_accounts(app_db) if a.username == "reporter"))
    qid = next(q.id for q in cat.questions.values() if q.type == "single")
    report_problem(app_db, reporter, cat, "question", qid, "wrong_key", "我觉得答案应该是 C")

    admin_at = open_page("feedback", role="admin")
    assert admin_at.title[0].value == "内容反馈"
    texts = [m.value for m in admin_at.markdown]
    assert any("我觉得答案应该是 C" in t and "答案有误" in t for t in texts), texts
    by_label(admin_at.text_area, "回复学员").input("谢谢，已核对并改正答案。")
    by_label(admin_at.button, "提交处理").click().run()
    assert not admin_at.exception
    assert not any("我觉得答案应该是 C" in m.value for m in admin_at.markdown)  # handled: off the queue

    open_page("home", at=trainee_at)
    shown = [m.value for m in trainee_at.markdown]
    assert any("已采纳" in t and "谢谢，已核对并改正答案。" in t for t in shown), shown
