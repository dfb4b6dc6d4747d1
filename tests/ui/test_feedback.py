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


NOTES = ("第一题的答案不对", "第二题看不懂", "第三题也看不懂")


def _shown_notes(at) -> list[str]:  # type: ignore[no-untyped-def]
    text = " ".join(m.value for m in at.markdown)
    return [n for n in NOTES if n in text]


def _three_reports(open_page: Open, app_db: Database):  # type: ignore[no-untyped-def]
    """A trainee reports three questions, one note each; returns a report maker for a fourth question too."""
    cat = load_catalog(ContentRoots.shipped())
    open_page("practice", username="reporter")
    reporter = get_account(app_db, next(a.id for a in list_accounts(app_db) if a.username == "reporter"))
    singles = [q.id for q in cat.questions.values() if q.type == "single"][:4]
    for qid, note in zip(singles, NOTES, strict=False):
        report_problem(app_db, reporter, cat, "question", qid, "unclear", note)
    return reporter, lambda note: report_problem(app_db, reporter, cat, "question", singles[3], "unclear", note)


def test_queue_is_one_table_and_one_item_at_a_time(open_page: Open, app_db: Database) -> None:
    _three_reports(open_page, app_db)
    at = open_page("feedback", role="admin")
    (table,) = at.dataframe
    assert len(table.value) == 3 and list(table.value.columns) == ["内容", "学员报错", "分析提示", "作答人数"]
    assert list(table.value["学员报错"]) == [1, 1, 1]
    (first,) = _shown_notes(at)  # only the picked item's report, one reply form
    assert len([f for f in at.text_area if f.label == "回复学员"]) == 1

    pick = at.selectbox(key="feedback_item")
    assert [o.split(".")[0] for o in pick.options] == ["1", "2", "3"]
    pick.select_index(1).run()
    (second,) = _shown_notes(at)
    assert second != first

    by_label(at.text_area, "回复学员").input("已改写题干。")
    by_label(at.button, "提交处理").click().run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 2  # handled: off the queue, the others stay
    (third,) = _shown_notes(at)  # the next one takes its place
    assert third not in (first, second)

    by_label(at.text_area, "回复学员").input("已改写。")
    by_label(at.button, "提交处理").click().run()
    assert not at.exception and len(at.dataframe[0].value) == 1
    assert _shown_notes(at) == [first]  # the only item left, whatever was picked


def test_a_report_arriving_meanwhile_does_not_swap_the_item_being_answered(open_page: Open, app_db: Database) -> None:
    from actions.feedback import my_reports

    reporter, report_another = _three_reports(open_page, app_db)
    at = open_page("feedback", role="admin")
    at.selectbox(key="feedback_item").select_index(1).run()
    (answering,) = _shown_notes(at)
    by_label(at.text_area, "回复学员").input("已核对。")
    report_another("又一条报错")  # the queue changes: the newest report comes first
    by_label(at.button, "提交处理").click().run()
    assert not at.exception
    handled = [r.note for r in my_reports(app_db, reporter) if r.status != "open"]
    assert handled == [answering]  # the reply reached the report it was written for
    assert len(at.dataframe[0].value) == 3


def test_a_class_whose_answers_flag_many_questions(open_page: Open, app_db: Database) -> None:
    """Item analysis over a seeded class flags many questions: one table row each, one item drawn with its chart."""
    from actions.feedback import problem_queue
    from benchmarks.seed import seed_class

    cat = load_catalog(ContentRoots.shipped())
    at = open_page("tasks", role="instructor", username="teacher")
    teacher = get_account(app_db, next(a.id for a in list_accounts(app_db) if a.username == "teacher"))
    seed_class(app_db, cat, 24, 60, instructor_id=teacher.id)
    queue = problem_queue(app_db, teacher, cat, None)
    assert len(queue) > 10 and all(item.analysis is not None for item in queue)

    open_page("feedback", at=at)
    assert len(at.dataframe[0].value) == len(queue)
    first = queue[0].analysis
    assert first is not None
    assert len(at.get("plotly_chart")) == (1 if first.option_shares else 0) and len(at.expander) == 0
    last = len(queue) - 1
    at.selectbox(key="feedback_item").select_index(last).run()
    assert not at.exception
    assert at.subheader[0].value.startswith(at.selectbox(key="feedback_item").options[last].split(". ", 1)[1])
