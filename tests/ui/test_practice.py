"""练习 page: every mode, feedback with explanation, invalid answers, answer card, resume."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from catalog.catalog import ContentRoots, load_catalog
from tests.ui.conftest import Open, choose


def submit(at: AppTest) -> AppTest:
    return at.button[[b.label for b in at.button].index("提交答案")].click().run()


def answer_first_wrong(at: AppTest) -> str:
    radio = at.radio(key="practice_q_crm-basics.q001")
    key_letter = next(o for o in radio.options if o.endswith(". 客户"))[0]
    choose(radio, "消费者")
    submit(at)
    return key_letter


def test_answer_shows_feedback_with_key_in_shown_letters(open_page: Open) -> None:
    at = open_page("practice")
    key_letter = answer_first_wrong(at)
    assert at.error[0].value == "回答错误"
    assert any(m.value == f"参考答案\uff1a{key_letter}" for m in at.markdown)
    at.button(key="practice_next").click().run()
    assert at.radio(key="practice_q_crm-basics.q002").options == ["正确", "错误"]


def test_unanswered_submit_is_invalid_not_wrong(open_page: Open) -> None:
    at = open_page("practice")
    submit(at)
    assert at.warning[0].value == "请选择一个选项"
    assert not at.error


def test_point_scope_limits_the_pool(open_page: Open) -> None:
    at = open_page("practice")
    at.radio(key="practice_scope").set_value("point").run()
    at.selectbox(key="practice_point").set_value("service-delivery.apology-techniques").run()
    expected = len(load_catalog(ContentRoots.shipped()).questions_by_point["service-delivery.apology-techniques"])
    assert f"第 1 / {expected} 题" in at.get("progress")[0].proto.text


def test_sequential_practice_resumes_in_a_new_session(open_page: Open) -> None:
    at = open_page("practice", username="steady")
    answer_first_wrong(at)
    at.button(key="practice_next").click().run()
    fresh = open_page("practice", username="steady")
    assert "第 2 / " in fresh.get("progress")[0].proto.text


def test_wrong_answers_fill_the_wrong_book(open_page: Open) -> None:
    at = open_page("practice")
    at.radio(key="practice_mode").set_value("wrong").run()
    assert at.info[0].value.startswith("错题本是空的")
    at.radio(key="practice_mode").set_value("sequential").run()
    answer_first_wrong(at)
    at.radio(key="practice_mode").set_value("wrong").run()
    assert "第 1 / 1 题" in at.get("progress")[0].proto.text


def test_star_a_question_and_find_it_in_favourites(open_page: Open) -> None:
    at = open_page("practice")
    at.button(key="practice_star").click().run()
    assert at.button(key="practice_star").label == "取消收藏"
    at.radio(key="practice_mode").set_value("favorite").run()
    assert at.radio(key="practice_q_crm-basics.q001")


def test_memorize_mode_shows_key_and_explanation_without_answering(open_page: Open) -> None:
    at = open_page("practice")
    at.radio(key="practice_mode").set_value("memorize").run()
    assert any(m.value.startswith("参考答案") for m in at.markdown)
    assert not [b for b in at.button if b.label == "提交答案"]
    at.button(key="practice_next").click().run()
    assert "第 2 / " in at.get("progress")[0].proto.text


def test_smart_review_offers_missed_questions(open_page: Open) -> None:
    at = open_page("practice")
    at.radio(key="practice_mode").set_value("review").run()
    assert at.info[0].value.startswith("现在没有需要复习的题目")
    at.radio(key="practice_mode").set_value("sequential").run()
    answer_first_wrong(at)
    at.radio(key="practice_mode").set_value("review").run()
    # An answer marked Again is due again within minutes, not at once.
    assert at.info[0].value.startswith("现在没有需要复习的题目")
    assert "下一次复习时间" in at.info[0].value


def test_answer_card_jumps_to_a_question(open_page: Open) -> None:
    at = open_page("practice")
    at.get("button_group")[0].set_value(4).run()
    assert "第 5 / " in at.get("progress")[0].proto.text


def test_a_reload_returns_to_the_same_random_set_and_question(open_page: Open) -> None:
    at = open_page("practice", username="shuffler")
    at.radio(key="practice_mode").set_value("random").run()
    # jump to the third question by the answer card
    at.pills(key="practice_card_0").set_value(2).run()
    shown = at.session_state["practice_pool"][2]
    assert at.query_params["mode"] == "random"
    assert at.query_params["q"] == "3"
    url = {k: at.query_params[k] for k in ("mode", "scope", "seed", "q")}
    fresh = open_page(None, username="shuffler")
    for k, v in url.items():
        fresh.query_params[k] = v
    fresh.switch_page("ui/pages/practice.py").run()
    assert fresh.radio(key="practice_mode").value == "random"
    assert fresh.session_state["practice_pool"] == at.session_state["practice_pool"]
    assert fresh.session_state["practice_index"] == 2
    assert f"practice_shown_{shown}" in fresh.session_state  # that question is the one drawn


def test_feedback_marks_the_chosen_option_wrong_and_the_key_in_words(open_page: Open) -> None:
    at = open_page("practice")
    answer_first_wrong(at)
    text = "\n".join(m.value for m in at.markdown)
    assert "消费者　你的选择 · 错" in text
    assert "客户　正确答案" in text
