"""Question banks, as an admin moves them in and out: export in a format, check an uploaded file, save it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from actions._guard import Actor, action, role
from actions.refusals import Invalid, LimitReached
from catalog.catalog import Catalog
from interop import banks
from interop.common import ImportResult, bank_yaml
from store.db import Database

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # a bank file larger than this is refused before it is read
UPLOAD_SUFFIXES = ("gift", "txt", "xml", "xlsx", "xls", "csv")


@action
def export_bank(db: Database, actor: Actor, course: Catalog, fmt: banks.ExportFormat) -> tuple[bytes, list[str]]:
    """Every question of the course in a format, with notes on what the format cannot carry."""
    role(db, actor, "admin")
    if fmt not in banks.FORMATS:
        raise Invalid("不支持这种导出格式")
    return banks.export(list(course.questions.values()), fmt)


@action
def check_bank_file(
    db: Database,
    actor: Actor,
    course: Catalog,
    file_name: str,
    data: bytes,
    default_point: str | None = None,
    on_progress: Callable[[float], object] | None = None,
) -> ImportResult:
    """Read an uploaded bank file and report every question it holds and every problem, without saving."""
    role(db, actor, "admin")
    if len(data) > MAX_UPLOAD_BYTES:
        raise LimitReached(f"文件超过 {MAX_UPLOAD_BYTES // (1024 * 1024)} MB，请拆分后再导入")
    if default_point is not None and default_point not in course.syllabus.points:
        raise Invalid("所选知识点不在大纲中")
    return banks.import_file(file_name, data, course, default_point, on_progress)


@action
def save_bank_file(
    db: Database, actor: Actor, banks_dir: Path, file_name: str, checked: ImportResult, title: str
) -> Path:
    """Write the checked questions as a new bank file next to the course's banks; returns the file written."""
    role(db, actor, "admin")
    if not checked.questions:
        raise Invalid("没有可以保存的题目")
    bank_id = banks.imported_bank_id(file_name, f"{datetime.now(UTC):%Y%m%d%H%M%S%f}")
    target = banks_dir / f"{bank_id}.yaml"
    text = bank_yaml(checked, bank_id, title)
    with target.open("x", encoding="utf-8") as out:  # never overwrite a bank
        out.write(text)
    return target
