"""课程学习 page: navigation, reading marks, resume and the section check."""

from __future__ import annotations

from tests.ui.conftest import Open, choose


def test_first_section_renders_with_reading_time(open_page: Open) -> None:
    at = open_page("learn")
    assert at.header[0].value == "消费者、顾客与客户"
    assert "约" in at.caption[0].value


def test_mark_done_and_resume_after_a_new_session(open_page: Open) -> None:
    at = open_page("learn", username="reader")
    at.radio(key="learn_pick").set_value("customer-value-five-levels").run()
    at.button(key="learn_done").click().run()
    assert at.success[0].value == "已读"
    # A new browser session of the same trainee offers to resume at that section.
    fresh = open_page(None, username="reader")
    assert fresh.button(key="home_resume").label == "继续阅读\uff1a客户价值的五个层次"
    fresh.button(key="home_resume").click().run()
    assert fresh.header[0].value == "客户价值的五个层次"
    assert fresh.success[0].value == "已读"


def test_switch_module_and_next_section(open_page: Open) -> None:
    at = open_page("learn")
    at.selectbox(key="learn_module").set_value("service-delivery").run()
    assert at.header[0].value == "危机处理的 5S 原则"
    at.button(key="learn_next").click().run()
    assert at.header[0].value == "向消费者道歉的技巧"


def test_section_check_grades_an_answer(open_page: Open) -> None:
    at = open_page("learn")
    choose(at.radio(key="learn_q_crm-basics.q001"), "客户")
    at.button[[b.label for b in at.button].index("提交答案")].click().run()
    assert at.success[0].value == "回答正确"


def test_search_finds_a_section_and_opens_it(open_page: Open) -> None:
    at = open_page("learn")
    at.text_input(key="learn_query").input("潜在产品").run()
    assert at.button(key="learn_hit_customer-value-five-levels")
    at.button(key="learn_hit_customer-value-five-levels").click().run()
    assert at.header[0].value == "客户价值的五个层次"
    assert at.get("plotly_chart")  # the section's figure


def test_glossary_filter_and_open_the_section(open_page: Open) -> None:
    at = open_page("learn")
    at.text_input(key="learn_glossary_filter").input("内部客户").run()
    table = at.dataframe[0].value
    assert list(table["术语"]) == ["内部客户"]
    at.button(key="learn_term_internal-and-external-customers").click().run()
    assert at.header[0].value == "外部客户与内部客户"


def test_section_links_to_its_practice(open_page: Open) -> None:
    at = open_page("learn")
    at.button(key="learn_to_practice").click().run()
    assert at.title[0].value == "练习"
    assert at.radio(key="practice_scope").value == "point"


def test_the_worked_answer_is_folded_until_opened(open_page: Open) -> None:
    at = open_page("learn")
    labels = [e.label for e in at.expander]
    assert "参考思路（先自己想一想，再展开对照）" in labels


def test_the_professional_ethics_module_is_offered_and_opens_its_chapter(open_page: Open) -> None:
    at = open_page("learn")
    box = at.selectbox(key="learn_module")
    assert box.options[-1] == "职业道德"
    box.set_value("professional-ethics").run()
    assert at.header[0].value == "职业道德的含义、特点与作用"
    at.button(key="learn_next").click().run()
    assert at.header[0].value == "爱岗敬业"


def test_the_url_names_the_open_section_and_a_reload_returns_to_it(open_page: Open) -> None:
    at = open_page("learn", username="linker")
    at.radio(key="learn_pick").set_value("customer-value-five-levels").run()
    assert at.query_params["section"] == "customer-value-five-levels"
    # a reload is a new session with the same URL
    fresh = open_page(None, username="linker")
    fresh.query_params["section"] = "customer-value-five-levels"
    fresh.switch_page("ui/pages/learn.py").run()
    assert fresh.header[0].value == "客户价值的五个层次"
    # the user's own choice afterwards is not overridden by the URL it wrote
    fresh.selectbox(key="learn_module").set_value("service-delivery").run()
    assert fresh.header[0].value == "危机处理的 5S 原则"
    assert fresh.query_params["section"] != "customer-value-five-levels"


def test_section_check_keeps_each_feedback_and_ends_with_a_score(open_page: Open) -> None:
    at = open_page("learn")
    radios = {r.key.removeprefix("learn_q_") for r in at.radio if r.key and r.key.startswith("learn_q_")}
    forms = [b.proto.form_id for b in at.button if b.proto.form_id.split("_", 3)[-1] in radios]
    assert len(forms) >= 2
    for form in forms:
        qid = form.split("_", 3)[-1]
        for radio in at.radio:
            if radio.key and radio.key.startswith(f"learn_q_{qid}"):
                radio.set_value(radio.options[0])
        for choices in at.multiselect:
            if choices.key and choices.key.startswith(f"learn_q_{qid}"):
                choices.set_value(choices.options[:1])
        for box in [*at.text_input, *at.text_area]:
            if box.key and box.key.startswith(f"learn_q_{qid}"):
                box.input("客户关系管理需要持续维护客户档案并回访")
        next(b for b in at.button if b.proto.form_id == form).click().run()
    # every item's result is still shown after the others were answered
    results = [
        m.value
        for m in [*at.success, *at.error, *at.warning, *at.info]
        if m.value.startswith(("回答", "部分正确", "已提交"))
    ]
    assert len(results) == len(forms)


def scroll_targets(at) -> list[str]:  # type: ignore[no-untyped-def]
    """Ids the page asks the browser to scroll to (the script st.html runs)."""
    import re

    return [
        m
        for h in at.get("html")
        for m in re.findall(r'getElementById\("([^"]+)"\)', h.proto.body)
        if "scrollIntoView" in h.proto.body
    ]


def test_a_search_hit_opens_the_section_at_its_heading(open_page: Open) -> None:
    at = open_page("learn", username="searcher")
    at.text_input(key="learn_query").input("潜在产品").run()
    assert scroll_targets(at) == []  # typing a search does not jump anywhere
    at.button(key="learn_hit_customer-value-five-levels").click().run()
    # the heading carries the section id as its anchor, and the page scrolls to it
    assert at.header[0].value == "客户价值的五个层次"
    assert at.header[0].proto.anchor == "customer-value-five-levels"
    assert scroll_targets(at) == ["customer-value-five-levels"]
    assert at.query_params["section"] == "customer-value-five-levels"
    # the hits are folded away (nothing above the section but the search box and the pickers)
    assert at.text_input(key="learn_query").value == ""
    assert not [b for b in at.button if (b.key or "").startswith("learn_hit_")]
    # a rerun that opens nothing new does not jump again
    at.run()
    assert scroll_targets(at) == []
    # one button brings the hits back
    at.button(key="learn_back_to_hits").click().run()
    assert at.text_input(key="learn_query").value == "潜在产品"
    assert at.button(key="learn_hit_customer-value-five-levels")


def test_next_section_and_a_shared_link_also_show_the_heading(open_page: Open) -> None:
    at = open_page("learn", username="reader")
    assert scroll_targets(at) == []  # the plain first visit starts at the top
    at.button(key="learn_next").click().run()
    assert scroll_targets(at) == [at.header[0].proto.anchor]
    fresh = open_page(None, username="reader")
    fresh.query_params["section"] = "customer-value-five-levels"
    fresh.switch_page("ui/pages/learn.py").run()
    assert scroll_targets(fresh) == ["customer-value-five-levels"]
