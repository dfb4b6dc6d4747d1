"""Group report assignments (实训1 调查报告, 实训4 客户满意管理研究报告): submission as text or .docx, and a
rubric on the guide's 开头/正文/结尾 requirements, checked automatically as a suggestion and scored by the
instructor, whose marks win."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from docx import Document
from sqlalchemy import select

from classroom.assignments import AssignmentInfo
from classroom.groups import Group
from classroom.report_templates import RUBRIC, TEMPLATES, Template
from store.archives import ArchiveRejected, check_archive
from store.db import Database
from store.tables import ReportSubmission, utcnow

MAX_CHARS = 100_000
MAX_DOCX_BYTES = 5_000_000
MIN_HANZI = 800
HANZI = re.compile(r"[\u4e00-\u9fff]")


class ReportError(ValueError):
    """A submission problem, with a message in Chinese."""


CONCEPT_TERMS = (
    "客户关系管理",
    "客户满意",
    "满意度",
    "客户忠诚",
    "客户价值",
    "客户服务",
    "投诉",
    "客户期望",
    "服务质量",
    "客户流失",
    "关键客户",
    "客户信息",
)
THESIS = re.compile(r"本报告|本文|目的|旨在|问题|论点|认为|为了")
ORDER = re.compile(
    r"(?m)^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|#+\s)|首先|其次|再次|最后"
)
REASONING = re.compile(r"因为|所以|因此|由于|从而|可见|导致|说明了|由此")
DATA = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|人|家|次|年|元|万|份|个)")
SURVEY = re.compile(r"调查|访谈|问卷|走访|观察|询问|统计")
CONCLUSION = re.compile(r"结论|总之|综上|总而言之|总结")
ADVICE = re.compile(r"建议|对策|措施|应当|应该|改进")


@dataclass(frozen=True)
class Check:
    """An automatic check of one criterion: suggested points and why."""

    criterion: str
    points: float
    reason: str


def read_docx(data: bytes) -> str:
    """The paragraphs and table cells of a .docx, as plain text."""
    if len(data) > MAX_DOCX_BYTES:
        raise ReportError("文件过大（上限 5 MB）")
    try:
        check_archive(data)
    except ArchiveRejected as exc:
        broken = str(exc).startswith("无法读取")
        raise ReportError("无法读取这个 Word 文件，请确认是 .docx 格式（不是 .doc）" if broken else str(exc)) from exc
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # any parser failure is a message, never a traceback
        raise ReportError("无法读取这个 Word 文件，请确认是 .docx 格式（不是 .doc）") from exc
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append("  ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def auto_check(text: str, template: Template) -> list[Check]:
    """Suggested points per criterion, each with the evidence found."""
    n = len(text)
    head, body, tail = text[: max(1, n // 5)], text[n // 5 : n * 3 // 4], text[n * 3 // 4 :]
    concepts = sorted({t for t in CONCEPT_TERMS if t in text})
    topic = sum(text.count(t) for t in template.topic_terms)
    order = len(ORDER.findall(text))
    reasons = len(REASONING.findall(body or text))
    data, survey = len(DATA.findall(text)), len(SURVEY.findall(text))
    tail_hanzi = len(HANZI.findall(tail))

    def graded(c: str, full: bool, half: bool, why: str) -> Check:
        points = next(x.points for x in RUBRIC if x.id == c)
        return Check(c, points if full else points / 2 if half else 0, why)

    return [
        graded(
            "thesis",
            bool(THESIS.search(head)),
            len(head) > 50,
            "开头提出了要研究的问题" if THESIS.search(head) else "开头未见明确的问题或论点",
        ),
        graded("concepts", len(concepts) >= 3, len(concepts) >= 1, f"用到的概念：{'、'.join(concepts) or '无'}"),
        graded("on_topic", topic >= 8, topic >= 3, f"主题词出现 {topic} 次"),
        graded("order", order >= 4, order >= 2, f"层次标记 {order} 处"),
        graded("reasoning", reasons >= 4, reasons >= 2, f"因果、推理连接词 {reasons} 处"),
        graded(
            "evidence", data >= 3 and survey >= 2, data >= 1 or survey >= 1, f"数据 {data} 处，调查方法词 {survey} 处"
        ),
        graded(
            "conclusion",
            bool(CONCLUSION.search(tail)),
            bool(ADVICE.search(tail)),
            "结尾归纳了结论" if CONCLUSION.search(tail) else "结尾未见总结性表述",
        ),
        graded(
            "advice",
            len(ADVICE.findall(tail)) >= 2,
            bool(ADVICE.search(tail)),
            f"结尾的建议、对策表述 {len(ADVICE.findall(tail))} 处",
        ),
        graded("concise", 50 <= tail_hanzi <= 1500, tail_hanzi > 0, f"结尾部分约 {tail_hanzi} 字"),
    ]


@dataclass(frozen=True)
class SubmissionView:
    """A stored submission with its automatic checks and the instructor's marks."""

    id: int
    assignment_id: int
    team_id: int
    submitted_by: int
    text: str
    filename: str | None
    checks: tuple[Check, ...]
    manual: dict[str, float] | None
    feedback: str
    hanzi: int

    @property
    def auto_total(self) -> float:
        """Sum of the suggested points."""
        return sum(c.points for c in self.checks)

    @property
    def score(self) -> float | None:
        """The instructor's total; None until the instructor has marked it."""
        return None if self.manual is None else sum(self.manual.values())


def _view(row: ReportSubmission) -> SubmissionView:
    checks = tuple(Check(c["criterion"], c["points"], c["reason"]) for c in row.auto["checks"])
    return SubmissionView(
        row.id,
        row.assignment_id,
        row.team_id,
        row.submitted_by,
        row.text,
        row.filename,
        checks,
        row.manual,
        row.feedback,
        len(HANZI.findall(row.text)),
    )


def submit(
    db: Database, assignment: AssignmentInfo, group: Group, user_id: int, text: str, filename: str | None = None
) -> SubmissionView:
    """Store the group's report (replacing an earlier one); only the leader, or any member of a group without one."""
    if assignment.kind != "report" or assignment.target not in TEMPLATES or assignment.class_id != group.class_id:
        raise ReportError("这项任务不是本班的小组报告")
    if not group.has(user_id) or (group.leader_id is not None and group.leader_id != user_id):
        raise ReportError("小组报告由组长统稿后提交")
    template, assignment_id = TEMPLATES[assignment.target], assignment.id
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ReportError("报告内容为空")
    if len(text) > MAX_CHARS:
        raise ReportError(f"报告过长（上限 {MAX_CHARS:,} 字符），请精简后再提交")
    checks = [c.__dict__ for c in auto_check(text, template)]
    with db.session() as s:
        row = s.scalar(
            select(ReportSubmission).where(
                ReportSubmission.assignment_id == assignment_id, ReportSubmission.team_id == group.id
            )
        )
        if row is None:
            row = ReportSubmission(assignment_id=assignment_id, team_id=group.id, submitted_by=user_id, text=text)
            s.add(row)
        row.submitted_by, row.text, row.filename = user_id, text, filename
        row.auto = {"checks": checks}
        row.manual, row.submitted_at = None, utcnow()
        s.flush()
        return _view(row)


def submission(db: Database, assignment_id: int, team_id: int) -> SubmissionView | None:
    """The group's current submission."""
    with db.session() as s:
        row = s.scalar(
            select(ReportSubmission).where(
                ReportSubmission.assignment_id == assignment_id, ReportSubmission.team_id == team_id
            )
        )
        return _view(row) if row else None


def submissions(db: Database, assignment_id: int) -> list[SubmissionView]:
    """Every group's submission for an assignment."""
    with db.session() as s:
        rows = s.scalars(select(ReportSubmission).where(ReportSubmission.assignment_id == assignment_id))
        return [_view(r) for r in rows]


def mark(db: Database, submission_id: int, marks: dict[str, Any], feedback: str = "") -> SubmissionView:
    """The instructor's points per criterion (0..max each) and feedback."""
    limits = {c.id: c.points for c in RUBRIC}
    if set(marks) != set(limits):
        raise ReportError("请为每一项评分")
    clean: dict[str, float] = {}
    for key, value in marks.items():
        if not isinstance(value, int | float) or not 0 <= value <= limits[key]:
            raise ReportError(f"“{next(c.label for c in RUBRIC if c.id == key)}”的分数须在 0~{limits[key]} 之间")
        clean[key] = float(value)
    with db.session() as s:
        row = s.get(ReportSubmission, submission_id)
        if row is None:
            raise ReportError("找不到这份报告")
        row.manual, row.feedback = clean, feedback.strip()[:2000]
        s.flush()
        return _view(row)
