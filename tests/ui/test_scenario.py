"""情景演练 page: start, play free text and choices, invalid input, report, resume."""

from __future__ import annotations

from catalog.catalog import ContentRoots, load_catalog
from tests.ui.conftest import Open


def play(at, text_or_choice):  # type: ignore[no-untyped-def]
    if isinstance(text_or_choice, int):
        at.radio[0].set_value(text_or_choice)
    else:
        at.text_area[0].input(text_or_choice)
    at.button[[b.label for b in at.button].index("发送")].click().run()
    assert not at.exception


def test_play_to_the_report(open_page: Open) -> None:
    at = open_page("scenario")
    at.selectbox(key="scenario_pick").set_value("late-birthday-cake").run()
    at.button(key="scenario_start").click().run()
    assert "客户情绪" in at.get("progress")[0].proto.text
    scenario = load_catalog(ContentRoots.shipped()).scenarios["late-birthday-cake"]
    for answer in next(e for e in scenario.examples if e.name == "good").turns:
        play(at, answer)
    assert at.header[0].value == "演练报告"
    assert float(at.metric[0].value) >= 80
    assert any("依据" in m.value for m in at.markdown)
    assert "对话时间线" in [h.value for h in at.subheader]
    assert any(":orange-background[抱歉]" in m.value for m in at.markdown)


def test_empty_reply_is_refused_without_losing_the_turn(open_page: Open) -> None:
    at = open_page("scenario")
    at.button(key="scenario_start").click().run()
    at.button[[b.label for b in at.button].index("发送")].click().run()
    assert at.warning[0].value == "请先写下你对客户说的话"
    assert at.text_area


def test_an_unfinished_run_can_be_resumed_in_a_new_session(open_page: Open) -> None:
    at = open_page("scenario", username="player")
    at.selectbox(key="scenario_pick").set_value("late-birthday-cake").run()
    at.button(key="scenario_start").click().run()
    play(at, "非常抱歉,我马上帮您查一下。")
    fresh = open_page("scenario", username="player")
    fresh.selectbox(key="scenario_pick").set_value("late-birthday-cake").run()
    fresh.button(key="scenario_resume").click().run()
    assert fresh.radio  # the second turn is a choice
    assert any(m.value == "**学员**" for m in fresh.markdown)


def test_a_second_window_on_the_same_run_is_told_and_keeps_the_words(open_page: Open) -> None:
    tab_a = open_page("scenario", username="twin")
    tab_a.selectbox(key="scenario_pick").set_value("late-birthday-cake").run()
    tab_a.button(key="scenario_start").click().run()
    tab_b = open_page("scenario", username="twin")
    tab_b.selectbox(key="scenario_pick").set_value("late-birthday-cake").run()
    tab_b.button(key="scenario_resume").click().run()
    play(tab_a, "非常抱歉,我马上帮您查一下。")
    tab_b.text_area[0].input("您好，我这就去问配送站。")
    tab_b.button[[b.label for b in tab_b.button].index("发送")].click().run()
    assert not tab_b.exception
    assert any("已在另一个窗口继续" in w.value for w in tab_b.warning)
    assert any("您好，我这就去问配送站。" in c.value for c in tab_b.caption)
    assert tab_b.radio  # it now shows the turn the other window reached
    texts = [t.value for t in tab_b.get("text")]
    assert "非常抱歉,我马上帮您查一下。" in texts and "您好，我这就去问配送站。" not in texts
