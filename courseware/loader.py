"""Load a chapter from Markdown with YAML front matter."""

from __future__ import annotations

import re
from pathlib import Path

from courseware.figures import FIGURES
from courseware.models import Chapter, ChapterMeta, Section
from courseware.render import FIGURE_BLOCK
from source.problems import ContentError, Problem
from source.yamlsource import parse_yaml, read_text, validate

HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*(?:\{#(?P<id>[a-z0-9][a-z0-9-]*)\})?\s*$")
FENCE = "---"


def load_chapter(path: Path, display: str, points: set[str], modules: set[str]) -> Chapter:
    """Parse one chapter file; raise ContentError listing every problem."""
    text = read_text(path, display)
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        raise ContentError([Problem(display, 1, "(front matter)", "文件必须以 --- 开头的 YAML 头信息开始")])
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise ContentError([Problem(display, 1, "(front matter)", "YAML 头信息缺少结束的 ---")]) from None
    doc = parse_yaml("\n".join(lines[1:end]), display, line_offset=1)
    meta = validate(ChapterMeta, doc, display, context={"points": points})
    problems: list[Problem] = []
    if meta.module not in modules:
        problems.append(Problem(display, doc.line_of(["module"]), "module", f"大纲中没有模块 {meta.module}"))

    sections: list[Section] = []
    intro: list[str] = []
    current: dict[str, object] | None = None
    body: list[str] = []

    def close() -> None:
        if current is not None:
            sections.append(Section(body="\n".join(body).strip(), **current))  # type: ignore[arg-type]

    for number, line in enumerate(lines[end + 1 :], start=end + 2):
        match = HEADING.match(line)
        if not match:
            (body if current is not None else intro).append(line)
            continue
        close()
        body = []
        section_id = match.group("id")
        if section_id is None:
            problems.append(Problem(display, number, "(heading)", "二级标题缺少 {#节编号}"))
            current = None
            continue
        if section_id not in meta.sections:
            problems.append(Problem(display, number, f"sections.{section_id}", "头信息中没有这一节"))
            current = None
            continue
        current = {
            "id": section_id,
            "chapter_id": meta.id,
            "title": match.group("title"),
            "points": meta.sections[section_id].points,
            "line": number,
        }
    close()

    seen = [s.id for s in sections]
    for section_id in meta.sections:
        if section_id not in seen:
            problems.append(
                Problem(display, doc.line_of(["sections", section_id]), f"sections.{section_id}", "正文中没有这一节")
            )
    for s in sections:
        for m in FIGURE_BLOCK.finditer(s.body):
            if m.group("name") not in FIGURES:
                name = m.group("name")
                at = next(n for n in range(s.line, len(lines) + 1) if lines[n - 1].strip() == name)
                problems.append(Problem(display, at, f"sections.{s.id}", f"没有名为 {name} 的插图"))
        if seen.count(s.id) > 1:
            problems.append(Problem(display, s.line, f"sections.{s.id}", "同一节出现了多次"))
        if not s.body:
            problems.append(Problem(display, s.line, f"sections.{s.id}", "这一节没有正文"))
    if problems:
        raise ContentError(problems)
    return Chapter(
        id=meta.id,
        module=meta.module,
        order=meta.order,
        title=meta.title,
        summary=meta.summary,
        intro="\n".join(intro).strip(),
        sections=tuple(sections),
        file=display,
    )
