"""Markdown to HTML with raw HTML switched off."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@lru_cache(maxsize=512)
def to_html(markdown: str) -> str:
    """Render Markdown; any raw HTML in it is shown as text, never executed."""
    html: str = _md.render(markdown)
    return html


FIGURE_BLOCK = re.compile(r"^```figure[ \t]*\n(?P<name>[a-z0-9-]+)[ \t]*\n```[ \t]*$", re.MULTILINE)


def split_figures(markdown: str) -> list[tuple[str, str]]:
    """Split a body into ("markdown", text) and ("figure", name) parts, in order."""
    parts: list[tuple[str, str]] = []
    at = 0
    for m in FIGURE_BLOCK.finditer(markdown):
        if markdown[at : m.start()].strip():
            parts.append(("markdown", markdown[at : m.start()]))
        parts.append(("figure", m.group("name")))
        at = m.end()
    if markdown[at:].strip():
        parts.append(("markdown", markdown[at:]))
    return parts
