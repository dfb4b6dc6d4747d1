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
    at.checkbox(key=f"exam_confirm_{attempt}").check().run()
    at.button(key="exam_submit").click().run()
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
