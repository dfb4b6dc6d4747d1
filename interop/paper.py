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
from quizzes.models import (
    AnyQuestion,
    Blueprint,
    CaseAnalysis,
    ChoiceBase,
    Fill,
    Judge,
    MultipleChoice,
    ShortAnswer,
    SingleChoice,
)
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


def _key(q: AnyQuestion | ChoiceBase, seed: int) -> str:
    if isinstance(q, SingleChoice | MultipleChoice):
        keys = [q.answer] if isinstance(q, SingleChoice) else list(q.answer)
        return "".join(to_displayed_letters(keys, option_order(q, seed)))
    if isinstance(q, Judge):
        return "正确" if q.answer else "错误"
    if isinstance(q, Fill):
        return "；".join("/".join(a) for a in q.answer)
    if isinstance(q, ShortAnswer):
        return q.answer
    assert isinstance(q, CaseAnalysis)
    return "；".join(f"（{i + 1}）{_key(s, seed)}" for i, s in enumerate(q.questions))


def _question(q: AnyQuestion | ChoiceBase, label: str, seed: int, with_key: bool) -> list[Line]:
    lines: list[Line] = []
    if isinstance(q, CaseAnalysis):
        lines.append(Line("question", f"{label}{q.stem}"))
        lines.append(Line("option", q.case))
        for i, sub in enumerate(q.questions, start=1):
            lines += _question(sub, f"（{i}）", seed, with_key)
    else:
        stem = q.stem + ("（    ）" if isinstance(q, Judge) else "")
        lines.append(Line("question", f"{label}{stem}"))
        if isinstance(q, ChoiceBase):
            order = option_order(q, seed)
            lines += [Line("option", f"{LETTERS[i]}. {q.options[j]}") for i, j in enumerate(order)]
        if isinstance(q, ShortAnswer) and not with_key:
            lines += [Line("space"), Line("space"), Line("space")]
    if with_key and not isinstance(q, CaseAnalysis):
        lines.append(Line("answer", f"答案：{_key(q, seed)}"))
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
