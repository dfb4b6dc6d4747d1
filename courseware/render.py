"""Markdown to HTML with raw HTML switched off."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@lru_cache(maxsize=512)
def to_html(markdown: str) -> str:
    """Render Markdown; any raw HTML in it is shown as text, never executed."""
    html: str = _md.render(markdown)
    return html
