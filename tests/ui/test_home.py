"""首页 page."""

from __future__ import annotations

from tests.ui.conftest import Open


def test_home_greets_and_offers_to_start_reading(open_page: Open) -> None:
    at = open_page(None)
    assert at.title[0].value == "你好\uff0c测试trainee\uff01"
    assert at.button(key="home_resume").label == "从第一章开始学习"
    assert [m.label for m in at.metric] == ["已读小节", "已答题数", "正确率", "模拟考试", "完成演练"]


def test_resume_button_opens_the_section(open_page: Open) -> None:
    at = open_page(None)
    at.button(key="home_resume").click().run()
    assert not at.exception
    assert at.title[0].value == "课程学习"
    assert at.header[0].value == "消费者、顾客与客户"
