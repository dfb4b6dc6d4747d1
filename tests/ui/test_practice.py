"""练习 page: answer, feedback with explanation, invalid answers, next question, scopes."""

from __future__ import annotations

from tests.ui.conftest import Open


def test_answer_shows_feedback_and_explanation(open_page: Open) -> None:
    at = open_page("practice")
    assert at.radio(key="practice_q_crm-basics.q001")
    at.radio(key="practice_q_crm-basics.q001").set_value("A. 消费者")
    at.button[[b.label for b in at.button].index("提交答案")].click().run()
    assert at.error[0].value == "回答错误"
    assert any(m.value == "参考答案\uff1aC" for m in at.markdown)
    at.button(key="practice_next").click().run()
    assert at.radio(key="practice_q_crm-basics.q002").options == ["正确", "错误"]


def test_unanswered_submit_is_invalid_not_wrong(open_page: Open) -> None:
    at = open_page("practice")
    at.button[[b.label for b in at.button].index("提交答案")].click().run()
    assert at.warning[0].value == "请选择一个选项"
    assert not at.error


def test_point_scope_limits_the_pool(open_page: Open) -> None:
    at = open_page("practice")
    at.radio(key="practice_scope").set_value("按知识点").run()
    at.selectbox(key="practice_point").set_value("service-delivery.apology-techniques").run()
    assert "第 1 / 5 题" in at.get("progress")[0].proto.text
