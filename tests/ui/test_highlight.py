"""User text in the scenario report is escaped and matched phrases are highlighted."""

from __future__ import annotations

from ui.widgets.highlight import escape, highlight


def test_markdown_and_html_in_user_text_are_shown_as_typed() -> None:
    assert escape("**粗体** [链接](http://x) <b>") == r"\*\*粗体\*\* \[链接\]\(http\://x\) \<b\>"


def test_matched_phrases_are_highlighted() -> None:
    assert highlight("非常抱歉,我马上查一下", ["抱歉", "查一下"]) == (
        "非常:orange-background[抱歉],我马上:orange-background[查一下]"
    )
