"""内容反馈: a report filed in practice reaches the admin's queue; the reply appears on the trainee's 首页."""

from __future__ import annotations

import pytest

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


def _answered(open_page: Open, username: str = "reporter"):  # type: ignore[no-untyped-def]
    at = open_page("practice", username=username)
    at.radio(key="practice_q_crm-basics.q001").set_value(at.radio(key="practice_q_crm-basics.q001").options[0])
    at.button[[b.label for b in at.button].index("提交答案")].click().run()
    return at


def _my_reports(app_db: Database, username: str = "reporter"):  # type: ignore[no-untyped-def]
    from actions.feedback import my_reports

    me = get_account(app_db, next(a.id for a in list_accounts(app_db) if a.username == username))
    return my_reports(app_db, me)


def test_report_form_opens_on_demand_sends_and_closes(open_page: Open, app_db: Database) -> None:
    at = _answered(open_page)
    assert not any(s.label == "问题类型" for s in at.selectbox)  # no form until asked for
    by_label(at.button, "报错").click().run()
    assert any(s.label == "问题类型" for s in at.selectbox)
    by_label(at.selectbox, "问题类型").set_value("wrong_key")
    by_label(at.text_area, "说明（选填）").input("参考答案和解析说的不一致")
    by_label(at.button, "提交报错").click().run()
    assert not at.exception
    assert not any(s.label == "问题类型" for s in at.selectbox)  # closed again
    assert any("已收到你的报错" in c.value for c in at.caption)
    (report,) = _my_reports(app_db)
    assert (report.item_id, report.note) == ("crm-basics.q001", "参考答案和解析说的不一致")


def test_report_form_cancel_sends_nothing(open_page: Open, app_db: Database) -> None:
    at = _answered(open_page)
    by_label(at.button, "报错").click().run()
    by_label(at.text_area, "说明（选填）").input("写了一半")
    by_label(at.button, "取消").click().run()
    assert not any(s.label == "问题类型" for s in at.selectbox)
    assert _my_reports(app_db) == []


def test_a_refused_report_keeps_the_form_and_the_words(
    open_page: Open, app_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actions.refusals import Invalid
    from ui.widgets import report_problem as widget

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise Invalid("说明最多 500 个字。")

    at = _answered(open_page)
    by_label(at.button, "报错").click().run()
    by_label(at.text_area, "说明（选填）").input("很长的说明")
    monkeypatch.setattr(widget, "report_problem", refuse)
    by_label(at.button, "提交报错").click().run()
    assert not at.exception
    assert any("500" in w.value for w in [*at.warning, *at.error])
    assert by_label(at.text_area, "说明（选填）").value == "很长的说明"
    assert _my_reports(app_db) == []


def test_a_scenario_line_is_reported_from_the_finished_report(open_page: Open, app_db: Database) -> None:
    from tests.ui.test_scenario import play

    at = open_page("scenario", username="player")
    at.selectbox(key="scenario_pick").set_value("late-birthday-cake").run()
    at.button(key="scenario_start").click().run()
    scenario = load_catalog(ContentRoots.shipped()).scenarios["late-birthday-cake"]
    for answer in next(e for e in scenario.examples if e.name == "good").turns:
        play(at, answer)
    assert at.header[0].value == "演练报告"
    assert not any(s.label == "问题类型" for s in at.selectbox)
    by_label(at.button, "报错").click().run()
    by_label(at.selectbox, "问题类型").set_value(by_label(at.selectbox, "问题类型").options[0])
    by_label(at.button, "提交报错").click().run()
    assert not at.exception
    (report,) = _my_reports(app_db, "player")
    assert report.kind == "turn" and report.turn == 0
