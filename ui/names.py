"""Names people read for things the code knows by id (questions, knowledge points): never the id itself."""

from __future__ import annotations

import re

from catalog.catalog import Catalog
from ui import text as T


def point_name(cat: Catalog, pid: str) -> str:
    """模块 · 知识点"""
    point = cat.syllabus.points.get(pid)
    if point is None:
        return ""
    module = cat.syllabus.module_titles.get(cat.syllabus.module_of.get(pid, ""), "")
    return f"{module} · {point.title}" if module else point.title


def question_name(cat: Catalog, qid: str) -> str:
    """模块 · 题型 · 第 n 题 (the number in the bank), for tables where the stem stands beside it."""
    q = cat.questions.get(qid)
    if q is None:
        return ""
    module = cat.syllabus.module_titles.get(cat.syllabus.module_of.get(q.points[0], ""), "") if q.points else ""
    number = re.search(r"(\d+)$", qid)
    parts = [module, T.TYPE_LABELS.get(q.type, ""), T.QUESTION_NUMBER.format(n=int(number.group(1))) if number else ""]
    return " · ".join(p for p in parts if p)


def shorten(text: str, width: int) -> str:
    """At most `width` characters, cut before a Latin word rather than inside it, with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[:width]
    cut = re.sub(r"[A-Za-z]+$", "", cut) if text[width].isascii() and text[width].isalpha() else cut
    return cut.rstrip() + "…"


def figure(value: float | None) -> str:
    """A number for a table cell; "—" where there is none (a data grid prints a missing value as "None")."""
    return "—" if value is None else f"{value:g}"
