"""模拟考试 page: start, autosave, resume, submit and review."""

from __future__ import annotations

from quizzes.exam import open_attempt
from store.db import Database
from tests.ui.conftest import Open


def test_start_answer_resume_and_submit(open_page: Open, app_db: Database) -> None:
    at = open_page("exam", username="examinee")
    at.selectbox(key="exam_blueprint").set_value("starter-mock").run()
    assert "满分 100 分" in at.info[0].value
    at.button(key="exam_start").click().run()
    judge = next(r for r in at.radio if r.options == ["正确", "错误"])
    judge.set_value("正确").run()
    attempt = open_attempt(app_db, 1)
    assert attempt is not None
    # A new browser session of the same trainee resumes the attempt with the saved answer.
    at = open_page("exam", username="examinee")
    assert at.info[0].value == "你有一场未交卷的考试，已为你恢复。"
    assert next(r for r in at.radio if r.options == ["正确", "错误"]).value == "正确"
    at.button(key="exam_submit").click().run()
    at.button(key="exam_confirm_go").click().run()
    assert any("得分" in s.value for s in [*at.success, *at.error])
    assert open_attempt(app_db, 1) is None


def test_attempt_opened_after_the_deadline_is_handed_in(open_page: Open, app_db: Database) -> None:
    from datetime import timedelta

    from store.tables import ExamAttempt, utcnow

    at = open_page("exam", username="late")
    at.selectbox(key="exam_blueprint").set_value("starter-mock").run()
    at.button(key="exam_start").click().run()
    judge = next(r for r in at.radio if r.options == ["正确", "错误"])
    judge.set_value("正确").run()
    with app_db.session() as s:
        attempt = s.query(ExamAttempt).one()
        attempt.deadline_at = utcnow() - timedelta(seconds=1)
    again = open_page("exam", username="late")
    assert again.warning[0].value == "考试时间已到\uff0c已按保存的答案自动交卷。"
    assert any("得分" in m.value for m in [*again.success, *again.error])
    assert open_attempt(app_db, 1) is None


def test_one_question_per_screen_sheet_flags_url_and_confirm(open_page: Open, app_db: Database) -> None:
    at = open_page("exam", username="sheet")
    at.selectbox(key="exam_blueprint").set_value("starter-mock").run()
    at.button(key="exam_start").click().run()
    attempt = open_attempt(app_db, 1)
    assert any(c.value.startswith("第 1 / ") for c in at.caption)
    at.button(key="exam_next").click().run()
    at.button(key="exam_next").click().run()
    assert at.query_params["attempt"] == str(attempt) and at.query_params["q"] == "3"
    at.button(key="exam_flag").click().run()
    assert at.button(key="exam_flag").label == "取消标记"
    # the answer sheet marks the flagged item and jumps
    assert any("3◆" in str(p.proto) for p in at.get("button_group"))
    # a reload (new session, same URL) returns to the third question
    fresh = open_page(None, username="sheet")
    fresh.query_params["attempt"] = str(attempt)
    fresh.query_params["q"] = "3"
    fresh.switch_page("ui/pages/exam.py").run()
    assert any(c.value.startswith("第 3 / ") for c in fresh.caption)
    # the flag is kept with the attempt: the reloaded page (another device alike) shows it
    assert fresh.button(key="exam_flag").label == "取消标记"
    assert any("3◆" in str(p.proto) for p in fresh.get("button_group"))
    # handing in lists the unanswered and the flagged items first
    at.button(key="exam_submit").click().run()
    assert any(w.value.startswith("未作答") for w in at.warning)
    assert any(i.value.startswith("已标记（1 题）：第 3 题") for i in at.info)
    at.button(key="exam_confirm_back").click().run()
    assert open_attempt(app_db, 1) == attempt
    at.button(key="exam_submit").click().run()
    at.button(key="exam_confirm_go").click().run()
    assert open_attempt(app_db, 1) is None
    # review: only the wrong ones (nothing was answered, so all are wrong) with text marks
    at.toggle(key=f"exam_only_wrong_{attempt}").set_value(True).run()
    assert any(m.value.endswith(" 错") for m in at.markdown)
    # a new session reopens the past attempt from the history
    again = open_page("exam", username="sheet")
    again.button(key="exam_reopen").click().run()
    assert again.query_params["attempt"] == str(attempt)
    assert any("得分" in m.value for m in [*again.success, *again.error])


def test_flags_survive_a_reload_and_unflagging_elsewhere_shows_here(open_page: Open, app_db: Database) -> None:
    at = open_page("exam", username="flagger")
    at.selectbox(key="exam_blueprint").set_value("starter-mock").run()
    at.button(key="exam_start").click().run()
    attempt = open_attempt(app_db, 1)
    at.button(key="exam_flag").click().run()  # flag item 1
    at.button(key="exam_next").click().run()
    at.button(key="exam_flag").click().run()  # flag item 2
    phone = open_page("exam", username="flagger")  # a second device, no shared session state
    assert phone.query_params.get("attempt") == str(attempt)
    sheet = str(phone.get("button_group")[0].proto)
    assert "1◆" in sheet and "2◆" in sheet and "3○" in sheet
    phone.button(key="exam_flag").click().run()  # on item 1 there: unflag it
    assert phone.button(key="exam_flag").label == "标记本题"
    at.run()  # the first device sees the change on its next rerun
    sheet = str(at.get("button_group")[0].proto)
    assert "1○" in sheet and "2◆" in sheet
    at.button(key="exam_submit").click().run()
    assert any(i.value.startswith("已标记（1 题）：第 2 题") for i in at.info)
