"""User Markdown (an instructor's feedback) shows no images and no links to outside hosts."""

from __future__ import annotations

import pytest

from courseware.render import safe_user_markdown, to_html


@pytest.mark.parametrize(
    "text",
    [
        "做得好 ![x](https://evil.example/t.png)",
        "见 [这里](http://evil.example/a)",
        "<https://evil.example/a>",
        "https://evil.example/a 和 www.evil.example",
        "![ref][1]\n\n[1]: https://evil.example/t.png",
        '<img src="https://evil.example/t.png">',
        "写信到 someone@evil.example",
    ],
)
def test_nothing_a_browser_would_load_or_follow(text: str) -> None:
    html = to_html(safe_user_markdown(text))
    assert "<img" not in html
    assert "<a " not in html
    assert "href" not in html


def test_the_words_and_ordinary_formatting_stay() -> None:
    safe = safe_user_markdown("**结构清楚**，但 [案例](https://x.example) 需要补充。\n\n- 开头\n- 结尾")
    assert "**结构清楚**" in safe and "案例" in safe and "- 开头" in safe
