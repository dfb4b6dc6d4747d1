"""Group reports: text or .docx, leader submits, rubric suggestions on 开头/正文/结尾, instructor's marks win."""

from __future__ import annotations

import io

import pytest
from docx import Document

from catalog.catalog import Catalog
from classroom.assignments import create_assignment
from classroom.group_reports import ReportError, auto_check, mark, read_docx, submission, submit
from classroom.groups import form_random
from classroom.report_templates import RUBRIC, TEMPLATES
from store.db import Database
from tests.classroom.helpers import make_class

GOOD = """××超市客户关系管理调查报告
本报告旨在回答一个问题：××超市的客户关系管理做得怎样，还有哪些不足？我们认为，客户关系管理是超市留住客户的关键。
一、调查方法
我们小组走访了门店，发放问卷 120 份，收回 108 份，并访谈了 6 名员工。
二、现状
由于会员制度完善，会员消费占销售额的 65%。客户满意度调查显示，78% 的客户对服务表示满意。因为投诉处理较慢，
所以部分客户流失。由此可见，客户关系管理仍有提升空间，这也说明了客户信息的利用不足。
三、问题分析
首先，客户信息分散；其次，投诉处理流程过长；最后，关键客户缺少专人维护，从而导致客户忠诚度下降。
四、结论与建议
综上所述，××超市的客户关系管理基础较好，但流程和信息利用有待改进。建议：一是整合客户信息，建立统一档案；
二是缩短投诉处理时限，做到当日回复；三是为关键客户配备专人，定期回访。这些措施应当由店长牵头，分步推进，
以便持续提高客户满意度和客户忠诚度，让客户关系管理真正成为门店的竞争优势，而不是停留在口号上的一项工作。"""


def test_a_well_built_report_earns_most_suggested_points() -> None:
    checks = auto_check(GOOD, TEMPLATES["survey-crm"])
    assert [c.criterion for c in checks] == [c.id for c in RUBRIC]
    assert sum(c.points for c in checks) >= 85, [(c.criterion, c.points, c.reason) for c in checks]


def test_a_bare_text_earns_little() -> None:
    checks = auto_check("今天去超市买了东西。" * 10, TEMPLATES["survey-crm"])
    assert sum(c.points for c in checks) <= 20


def test_docx_paragraphs_and_tables_are_read() -> None:
    doc = Document()
    doc.add_paragraph("一、调查方法")
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "满意"
    table.rows[0].cells[1].text = "78%"
    data = io.BytesIO()
    doc.save(data)
    text = read_docx(data.getvalue())
    assert "一、调查方法" in text and "78%" in text
    with pytest.raises(ReportError, match=r"\.docx"):
        read_docx(b"PK not really")


def test_leader_submits_resubmits_and_the_instructor_marks(db: Database, shipped: Catalog) -> None:
    _, class_id, _ = make_class(db, 4)
    (group,) = form_random(db, class_id, size=4, seed=1)
    task = create_assignment(db, shipped, class_id, "report", "survey-crm")
    chapter = create_assignment(db, shipped, class_id, "chapter", "crm-basics-01-customers")
    leader = group.leader_id
    assert leader is not None
    other = next(m.id for m in group.members if m.id != leader)
    with pytest.raises(ReportError, match="不是本班的小组报告"):
        submit(db, chapter, group, leader, GOOD)
    with pytest.raises(ReportError, match="组长"):
        submit(db, task, group, other, GOOD)
    with pytest.raises(ReportError, match="过长"):
        submit(db, task, group, leader, "字" * 100_001)
    with pytest.raises(ReportError, match="为空"):
        submit(db, task, group, leader, "   ")
    submit(db, task, group, leader, "初稿")
    view = submit(db, task, group, leader, GOOD, "报告.docx")
    assert view.filename == "报告.docx" and view.score is None and view.auto_total >= 85
    with pytest.raises(ReportError, match="0~10"):
        mark(db, view.id, {**{c.id: c.points for c in RUBRIC}, "thesis": 11})
    marked = mark(db, view.id, {c.id: c.points - 1 for c in RUBRIC}, "结构清楚，数据可再充实")
    assert marked.score == 100 - len(RUBRIC)
    stored = submission(db, task.id, group.id)
    assert stored is not None and stored.feedback == "结构清楚，数据可再充实"
