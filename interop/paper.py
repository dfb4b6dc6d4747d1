"""A printable paper exam and its answer key, drawn from a blueprint and a seed, as PDF and Word.

The paper is first laid out as plain lines (one function), then drawn by two small renderers, so the PDF,
the Word file and the tests all see the same content."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos

from quizzes.exam import PaperItem, draw
from quizzes.kinds import key_letters, kind_of
from quizzes.models import AnyQuestion, Blueprint
from quizzes.shuffle import option_order, to_displayed_letters

CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CJK_INDEX = 2  # Simplified Chinese face of the collection
LETTERS = "ABCDEFGH"
Style = Literal["title", "info", "part", "question", "option", "answer", "space"]


@dataclass(frozen=True)
class Line:
    """One printed line (or paragraph) and how it looks."""

    style: Style
    text: str = ""


def _key(q: AnyQuestion, seed: int) -> str:
    if q.type == "single" or q.type == "multiple":  # noqa: PLR1714 (mypy narrows on ==, not on in)
        return "".join(to_displayed_letters(key_letters(q), option_order(q, seed)))
    if q.type == "judge":
        return "正确" if q.answer else "错误"
    if q.type == "fill":
        return "；".join("/".join(a) for a in q.answer)
    if q.type == "case":
        return "；".join(f"（{i + 1}）{_key(s, seed)}" for i, s in enumerate(q.questions))
    return q.answer


def _question(q: AnyQuestion, label: str, seed: int, with_key: bool) -> list[Line]:
    lines: list[Line] = []
    widget = kind_of(q).widget
    if q.type == "case":
        lines.append(Line("question", f"{label}{q.stem}"))
        lines.append(Line("option", q.case))
        for i, sub in enumerate(q.questions, start=1):
            lines += _question(sub, f"（{i}）", seed, with_key)
        return lines
    if q.type == "skill" and q.case:
        lines.append(Line("option", q.case))
    stem = q.stem + ("（    ）" if widget == "judge" else "")
    if q.type == "skill":
        stem += f"（{q.score:g} 分）"
    lines.append(Line("question", f"{label}{stem}"))
    if q.type == "single" or q.type == "multiple":  # noqa: PLR1714 (mypy narrows on ==, not on in)
        order = option_order(q, seed)
        lines += [Line("option", f"{LETTERS[i]}. {q.options[j]}") for i, j in enumerate(order)]
    if widget in {"text", "skill"} and not with_key:
        lines += [Line("space")] * (12 if widget == "skill" else 3)
    if with_key:
        lines.append(Line("answer", f"答案：{_key(q, seed)}"))
        if q.type == "skill":
            lines += [Line("answer", f"评分要点：{m.label}（{m.score:g} 分）") for m in q.marking]
        lines.append(Line("answer", f"解析：{q.explanation}"))
    return lines


def layout(
    blueprint: Blueprint, paper: list[PaperItem], questions: dict[str, AnyQuestion], seed: int, with_key: bool
) -> list[Line]:
    """The paper (or the key) as lines: title, candidate box, parts, numbered questions."""
    title = blueprint.title + ("（参考答案与解析）" if with_key else "")
    lines = [
        Line("title", title),
        Line(
            "info",
            f"试卷编号：{blueprint.id}-{seed}　满分：{blueprint.total:g} 分　及格：{blueprint.pass_mark:g} 分　"
            f"时间：{blueprint.time_limit_minutes} 分钟",
        ),
    ]
    if not with_key:
        lines.append(Line("info", "姓名：____________　准考证号：________________　得分：________"))
    number = 0
    for index, part in enumerate(blueprint.parts):
        items = [i for i in paper if i.part == index]
        if not items:
            continue
        lines.append(
            Line("part", f"{part.title}（每题 {part.score_each:g} 分，共 {part.score_each * len(items):g} 分）")
        )
        for item in items:
            number += 1
            lines += _question(questions[item.question_id], f"{number}. ", seed, with_key)
    return lines


def lines_for(
    blueprint: Blueprint, questions: dict[str, AnyQuestion], module_of: dict[str, str], seed: int, with_key: bool
) -> list[Line]:
    """Draw the paper from the seed and lay it out."""
    return layout(blueprint, draw(blueprint, questions, module_of, seed), questions, seed, with_key)


SIZES = {"title": 16, "info": 9, "part": 12, "question": 10.5, "option": 10.5, "answer": 9.5, "space": 10.5}


def to_pdf(lines: list[Line]) -> bytes:
    """An A4 PDF with the Chinese font embedded."""
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font("cjk", fname=str(CJK_FONT), collection_font_number=CJK_INDEX)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for line in lines:
        pdf.set_font("cjk", size=SIZES[line.style])
        if line.style == "space":
            pdf.ln(8)
            continue
        align = "C" if line.style in {"title", "info"} else "L"
        indent = 6 if line.style in {"option", "answer"} else 0
        pdf.set_x(pdf.l_margin + indent)
        if line.style == "part":
            pdf.ln(2)
        pdf.multi_cell(
            width - indent,
            SIZES[line.style] * 0.55,
            line.text,
            align=align,
            wrapmode=WrapMode.CHAR,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.ln(1)
    return bytes(pdf.output())


def to_docx(lines: list[Line]) -> bytes:
    """A Word document with the same lines."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Noto Sans CJK SC"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Sans CJK SC")
    for line in lines:
        if line.style == "title":
            paragraph = doc.add_heading(line.text, level=1)
        elif line.style == "part":
            paragraph = doc.add_heading(line.text, level=2)
        else:
            paragraph = doc.add_paragraph(line.text)
            if line.style in {"option", "answer"}:
                paragraph.paragraph_format.left_indent = Pt(18)
        for run in paragraph.runs:
            run.font.size = Pt(SIZES[line.style])
            run.font.name = "Noto Sans CJK SC"
            run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Sans CJK SC")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
