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
