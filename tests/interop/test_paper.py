"""Printable paper and key: same seed, same paper; letters in the key follow the printed option order."""

from __future__ import annotations

import io
import re

from docx import Document

from catalog.catalog import Catalog
from interop.paper import LETTERS, lines_for, to_docx, to_pdf
from quizzes.exam import draw


def test_the_paper_is_reproducible_and_numbered(shipped: Catalog) -> None:
    bp = shipped.blueprints["starter-mock"]
    module_of = shipped.syllabus.module_of
    first = lines_for(bp, shipped.questions, module_of, 5, with_key=False)
    assert first == lines_for(bp, shipped.questions, module_of, 5, with_key=False)
    assert first != lines_for(bp, shipped.questions, module_of, 6, with_key=False)
    numbers = [int(m.group(1)) for line in first if (m := re.match(r"^(\d+)\. ", line.text))]
    assert numbers == list(range(1, sum(p.count for p in bp.parts) + 1))
    assert first[0].text == bp.title and "姓名" in first[2].text
    assert not any(line.style == "answer" for line in first)


def test_the_key_matches_the_printed_options(shipped: Catalog) -> None:
    bp = shipped.blueprints["national-theory"]
    module_of = shipped.syllabus.module_of
    lines = lines_for(bp, shipped.questions, module_of, 9, with_key=True)
    paper = draw(bp, shipped.questions, module_of, 9)
    singles = [shipped.questions[i.question_id] for i in paper if shipped.questions[i.question_id].type == "single"]
    q = singles[0]
    at = next(n for n, line in enumerate(lines) if line.style == "question" and line.text.endswith(q.stem))
    printed = {line.text[3:]: line.text[0] for line in lines[at + 1 : at + 1 + len(q.options)]}
    key = lines[at + 1 + len(q.options)].text
    right = q.options[LETTERS.index(q.answer)]
    assert key == f"答案：{printed[right]}"


def test_pdf_and_docx_carry_the_chinese_text(shipped: Catalog) -> None:
    bp = shipped.blueprints["starter-mock"]
    lines = lines_for(bp, shipped.questions, shipped.syllabus.module_of, 3, with_key=True)
    pdf = to_pdf(lines)
    assert pdf.startswith(b"%PDF") and b"/FontFile3" in pdf  # the CJK font is embedded (CFF)
    doc = Document(io.BytesIO(to_docx(lines)))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == lines[0].text and any(t.startswith("答案：") for t in texts)
