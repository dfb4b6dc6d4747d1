"""Uploaded Office files that would exhaust the server are refused before parsing, with a Chinese message."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from docx import Document
from openpyxl import Workbook

from classroom.classes import MAX_ROSTER_ROWS, ClassError, _rows
from classroom.group_reports import ReportError, read_docx
from interop.xlsx import parse
from store.archives import MAX_ENTRIES, ArchiveRejected, check_archive


def _docx(paragraphs: list[str]) -> bytes:
    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _bomb_docx(megabytes: int) -> bytes:
    """A valid .docx whose document.xml is one paragraph repeated until it unpacks to `megabytes` MB."""
    source = zipfile.ZipFile(io.BytesIO(_docx(["开头"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                text = data.decode()
                para = "<w:p><w:r><w:t>重复的段落重复的段落重复的段落</w:t></w:r></w:p>"
                repeat = megabytes * 1_000_000 // len(para.encode())
                text = text.replace("<w:body>", "<w:body>" + para * repeat, 1)
                data = text.encode()
            target.writestr(item, data)
    return out.getvalue()


def test_an_ordinary_report_passes() -> None:
    data = _docx(["第一部分 开头", "第二部分 正文" * 50, "第三部分 结尾"])
    check_archive(data)
    assert "正文" in read_docx(data)


def test_a_zip_bomb_report_is_refused_quickly_and_cheaply() -> None:
    bomb = _bomb_docx(80)
    assert len(bomb) < 1_000_000  # small on the wire
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(ReportError, match=r"压缩|过大"):
        read_docx(bomb)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 10
    assert peak < 30_000_000


def test_too_many_entries_and_lying_headers_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for i in range(MAX_ENTRIES + 1):
            z.writestr(f"x/{i}.xml", "<a/>")
    with pytest.raises(ArchiveRejected, match="条目过多"):
        check_archive(out.getvalue())
    with pytest.raises(ArchiveRejected, match="损坏"):
        check_archive(b"PK\x03\x04 not really a zip")


def test_a_spreadsheet_bomb_is_refused_before_parsing() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>aaaaaaaaaa</t></si>" * 4_000_000 + "</sst>")
    with pytest.raises(ClassError, match=r"压缩|过大"):
        _rows("名单.xlsx", out.getvalue())
    result = parse(out.getvalue())
    assert any("压缩" in p.message or "过大" in p.message for p in result.problems)


def test_a_long_roster_is_read_only_up_to_the_limit() -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["用户名", "姓名"])
    for i in range(MAX_ROSTER_ROWS * 20):
        ws.append([f"user{i:05d}", f"学员{i}"])
    out = io.BytesIO()
    wb.save(out)
    rows = _rows("名单.xlsx", out.getvalue())
    assert len(rows) == MAX_ROSTER_ROWS + 2


def test_a_broken_workbook_is_a_chinese_message_not_a_traceback() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", "<not-a-workbook")
    with pytest.raises(ClassError, match="无法读取"):
        _rows("名单.xlsx", out.getvalue())
