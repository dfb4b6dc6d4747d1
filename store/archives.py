"""Limits for uploaded Office files (.docx, .xlsx are zip archives), checked before any parser sees them:
entry count, uncompressed size (measured while inflating, not trusted from the header) and compression ratio."""

from __future__ import annotations

import io
import zipfile

MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED = 50_000_000
MAX_RATIO = 100  # for entries over RATIO_FLOOR bytes; ordinary Office XML compresses 5-20 times
RATIO_FLOOR = 1_000_000
CHUNK = 1 << 16


class ArchiveRejected(ValueError):
    """An archive that is broken or too large when unpacked, with the reason in Chinese."""


def check_archive(data: bytes) -> None:
    """Raise ArchiveRejected unless the zip archive unpacks within the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ArchiveRejected("无法读取：文件已损坏，或不是 Office 文件（.docx / .xlsx）") from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise ArchiveRejected(f"文件内部条目过多（{len(entries)} 个，上限 {MAX_ENTRIES}）")
        total = 0
        for entry in entries:
            size = 0
            try:
                with archive.open(entry) as part:
                    while chunk := part.read(CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if total > MAX_UNCOMPRESSED:
                            raise ArchiveRejected(f"文件解压后过大（超过 {MAX_UNCOMPRESSED // 1_000_000} MB）")
                        if size > RATIO_FLOOR and size > MAX_RATIO * max(1, entry.compress_size):
                            raise ArchiveRejected("文件的压缩比异常（可能是压缩炸弹），已拒绝")
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as exc:
                raise ArchiveRejected("无法读取：文件已损坏，或使用了不支持的压缩方式") from exc
            except RuntimeError as exc:  # encrypted entry
                raise ArchiveRejected("文件有密码保护，请去掉密码后再上传") from exc
