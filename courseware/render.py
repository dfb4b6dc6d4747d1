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


FOLDED_HEADING = re.compile(r"^### 参考思路[ \t]*$", re.MULTILINE)
NEXT_HEADING = re.compile(r"^#{2,3} ", re.MULTILINE)


def split_folded(markdown: str) -> list[tuple[str, str]]:
    """Split out the worked answers (### 参考思路 … up to the next heading) as ("folded", text) parts, so a
    reader can think first and open them on demand; everything else stays ("markdown", text)."""
    parts: list[tuple[str, str]] = []
    at = 0
    for m in FOLDED_HEADING.finditer(markdown):
        if m.start() < at:
            continue
        if markdown[at : m.start()].strip():
            parts.append(("markdown", markdown[at : m.start()]))
        nxt = NEXT_HEADING.search(markdown, m.end())
        end = nxt.start() if nxt else len(markdown)
        parts.append(("folded", markdown[m.end() : end].strip()))
        at = end
    if markdown[at:].strip():
        parts.append(("markdown", markdown[at:]))
    return parts


def section_parts(markdown: str) -> list[tuple[str, str]]:
    """Figures, folded answers and plain Markdown, in reading order."""
    out: list[tuple[str, str]] = []
    for kind, part in split_figures(markdown):
        out += [(kind, part)] if kind == "figure" else split_folded(part)
    return out


_IMAGE = re.compile(r"!\[([^\]]*)\]\s*(\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\]\s*\(([^)]*)\)")
_REF_DEF = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:[a-zA-Z][a-zA-Z0-9+.-]*:|www\.)[^>\s]*)>")
_BARE = re.compile(r"(?i)(://|www\.|@)")
_HTML_TAG = re.compile(r"<(/?[a-zA-Z][^>]*)>")


def safe_user_markdown(text: str) -> str:
    """Markdown written by a user (feedback, comments) made safe to show: no images, no links or
    addresses that a browser would follow or load, no HTML tags; the words all stay."""
    text = _REF_DEF.sub("", text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: f"{m.group(1)}（{m.group(2)}）" if m.group(2).strip() else m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _HTML_TAG.sub(lambda m: "&lt;" + m.group(1) + "&gt;", text)
    # break what the renderer would turn into a link by itself (bare addresses, e-mail)
    return _BARE.sub(lambda m: {"://": ":&#47;&#47;", "@": "&#64;"}.get(m.group(1), "www&#46;"), text)
