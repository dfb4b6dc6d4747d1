"""Every registered figure builds, and chapters only embed registered figures."""

from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from courseware.figures import FIGURES, figure
from courseware.render import split_figures, to_html


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_builds_with_a_chinese_title(name: str) -> None:
    fig = figure(name)
    assert fig.layout.title.text
    assert fig.data or fig.layout.shapes


def test_split_keeps_text_and_figures_in_order() -> None:
    parts = split_figures("前文\n\n```figure\ncrisis-stages\n```\n\n后文")
    assert [k for k, _ in parts] == ["markdown", "figure", "markdown"]
    assert parts[1] == ("figure", "crisis-stages")


def test_raw_html_in_markdown_is_not_rendered() -> None:
    html = to_html("<script>alert(1)</script>\n\n**粗体**")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<strong>粗体</strong>" in html


def test_every_chapter_renders_and_each_module_with_chapters_has_a_figure(shipped: Catalog) -> None:
    modules_with_figures = set()
    for chapter in shipped.chapters:
        for section in chapter.sections:
            for kind, part in split_figures(section.body):
                if kind == "figure":
                    modules_with_figures.add(chapter.module)
                    assert part in FIGURES
                else:
                    assert to_html(part)
    assert modules_with_figures == {c.module for c in shipped.chapters}


def test_worked_answers_are_folded_up_to_the_next_heading() -> None:
    from courseware.render import section_parts

    body = "### 小讨论\n\n问题？\n\n### 参考思路\n\n第一步……\n\n1. 要点\n\n### 本节小结\n\n小结。"
    assert section_parts(body) == [
        ("markdown", "### 小讨论\n\n问题？\n\n"),
        ("folded", "第一步……\n\n1. 要点"),
        ("markdown", "### 本节小结\n\n小结。"),
    ]
    assert section_parts("没有参考思路") == [("markdown", "没有参考思路")]


def test_every_shipped_section_folds_its_worked_answer(shipped) -> None:  # type: ignore[no-untyped-def]
    from courseware.render import section_parts

    for section in shipped.sections.values():
        kinds = [k for k, _ in section_parts(section.body)]
        assert kinds.count("folded") == 1, section.id
