"""Import a question-bank file of any supported format against the course, and export questions to one."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from interop import gift, moodle_xml, qti, xlsx
from interop.common import MAX_IMPORT_BYTES, ImportResult
from quizzes.models import AnyQuestion

if TYPE_CHECKING:
    from catalog.catalog import Catalog

ExportFormat = Literal["gift", "moodle-xml", "xlsx", "qti"]
FORMATS: tuple[ExportFormat, ...] = ("gift", "moodle-xml", "xlsx", "qti")
SUFFIXES = {".gift": "gift", ".txt": "gift", ".xml": "moodle-xml", ".xlsx": "xlsx", ".csv": "csv", ".xls": "xls"}
EXPORT_SUFFIX = {"gift": ".gift.txt", "moodle-xml": ".xml", "xlsx": ".xlsx", "qti": ".qti.zip"}


def import_file(
    name: str,
    data: bytes,
    catalog: Catalog,
    default_point: str | None = None,
    on_progress: Callable[[float], object] | None = None,
) -> ImportResult:
    """Read a GIFT, Moodle XML or Excel file; questions whose id the course already has are refused."""
    result = ImportResult(on_progress=on_progress)
    kind = SUFFIXES.get(PurePath(name).suffix.lower())
    if kind is None:
        result.problem("文件", "error", "只支持 .gift/.txt（GIFT）、.xml（Moodle XML）、.xlsx、.xls 和 .csv（表格）")
        return result
    if len(data) > MAX_IMPORT_BYTES:
        result.problem("文件", "error", "文件过大（上限 5 MB）")
        return result
    if default_point is not None and default_point not in catalog.syllabus.points:
        result.problem("参数", "error", f"未知的知识点编号：{default_point}")
        return result
    points = set(catalog.syllabus.points)
    if kind in {"xlsx", "csv", "xls"}:
        xlsx.parse(data, points, result, default_point, kind)
    elif kind == "moodle-xml":
        moodle_xml.parse(data, default_point, points, result)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            result.problem("文件", "error", "GIFT 文件须为 UTF-8 编码")
            return result
        gift.parse(text, default_point, points, result)
    taken = [q for q in result.questions if q["id"] in catalog.questions]
    for q in taken:
        result.problem(q["id"], "error", "题库中已有同编号的题目，未导入（请改编号）")
    result.questions = [q for q in result.questions if q not in taken]
    scoring_summary(result)
    return result


def scoring_summary(result: ImportResult) -> None:
    """Say in the report how the imported 多选 questions will be scored."""
    multiple = [q for q in result.questions if q["type"] == "multiple"]
    if not multiple:
        return
    partial = sum(q.get("scoring") == "partial" for q in multiple)
    result.problem(
        "多选计分",
        "warning",
        f"{len(multiple) - partial} 道多选题按全对才得分（同国家职业技能鉴定：多选、少选、错选均不得分）；"
        f"{partial} 道按选项权重部分得分（保留 Moodle 的百分比）",
    )


def imported_bank_id(file_name: str, stamp: str = "") -> str:
    """A bank id for an imported file: imported-<file stem>, with an optional stamp to keep it new."""
    slug = re.sub(r"[^a-z0-9-]+", "-", PurePath(file_name).stem.lower()).strip("-") or "bank"
    return f"imported-{slug}" + (f"-{stamp}" if stamp else "")


def export(questions: list[AnyQuestion], fmt: ExportFormat) -> tuple[bytes, list[str]]:
    """The questions in a format, and notes on what could not be carried."""
    if fmt == "gift":
        text, notes = gift.write(questions)
        return text.encode("utf-8"), notes
    if fmt == "moodle-xml":
        return moodle_xml.write(questions)
    if fmt == "qti":
        return qti.write(questions)
    return xlsx.write(questions)
