"""Classes: create one, join it with its code, import a roster from CSV or Excel."""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import PurePath
from typing import TypeVar

from openpyxl import load_workbook
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from classroom.accounts import Account, AccountError, NewUser, account_of, prepare_user, store_user
from store.archives import ArchiveRejected, check_archive
from store.db import Database
from store.tables import ClassMember, Classroom, LiveQuiz, Team, TeamMember, User

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 6
MAX_ROSTER_BYTES = 2_000_000
MAX_ROSTER_ROWS = 500
MAX_ROSTER_COLUMNS = 20
USERNAME_HEADERS = ("用户名", "username", "账号")
NAME_HEADERS = ("姓名", "name", "display_name")
PASSWORD_HEADERS = ("初始密码", "密码", "password")


class ClassError(ValueError):
    """A class problem, with a message in Chinese."""


@dataclass(frozen=True)
class ClassInfo:
    """A class as pages see it."""

    id: int
    name: str
    code: str
    instructor_id: int
    members: int


def new_code(length: int = CODE_LENGTH) -> str:
    """A random join code, easy to read aloud and type."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def create_class(db: Database, instructor_id: int, name: str) -> ClassInfo:
    """Create a class with a fresh join code."""
    name = name.strip()
    if not 1 <= len(name) <= 64:
        raise ClassError("班级名称须为 1~64 个字符")
    row = insert_with_code(db, lambda code: Classroom(name=name, code=code, instructor_id=instructor_id))
    return ClassInfo(row.id, row.name, row.code, instructor_id, 0)


CodedRow = TypeVar("CodedRow", Classroom, LiveQuiz)


def insert_with_code(db: Database, make: Callable[[str], CodedRow]) -> CodedRow:
    """Insert a row carrying a fresh join code, drawing again on the rare collision with an existing one."""
    for _ in range(20):
        try:
            with db.session() as s:
                row = make(new_code())
                s.add(row)
                s.flush()
                return row
        except IntegrityError:
            continue
    raise ClassError("生成班级码失败，请重试")  # pragma: no cover


def _info(s: object, row: Classroom) -> ClassInfo:
    count = s.scalar(select(func.count()).select_from(ClassMember).where(ClassMember.class_id == row.id))  # type: ignore[attr-defined]
    return ClassInfo(row.id, row.name, row.code, row.instructor_id, int(count or 0))


def classes_of(db: Database, account: Account) -> list[ClassInfo]:
    """The classes an instructor runs (all of them for an admin), or a trainee belongs to."""
    members = (
        select(func.count())
        .select_from(ClassMember)
        .where(ClassMember.class_id == Classroom.id)
        .correlate(Classroom)
        .scalar_subquery()
    )
    with db.session() as s:
        query = select(Classroom, members).order_by(Classroom.id)
        if account.role == "instructor":
            query = query.where(Classroom.instructor_id == account.id)
        elif account.role == "trainee":
            query = query.join(ClassMember, ClassMember.class_id == Classroom.id).where(
                ClassMember.user_id == account.id
            )
        return [
            ClassInfo(row.id, row.name, row.code, row.instructor_id, int(count or 0)) for row, count in s.execute(query)
        ]


def get_class(db: Database, account: Account, class_id: int) -> ClassInfo:
    """A class the account may see; raise ClassError otherwise."""
    for info in classes_of(db, account):
        if info.id == class_id:
            return info
    raise ClassError("找不到这个班级，或你无权查看")


def join_class(db: Database, user_id: int, code: str) -> ClassInfo:
    """Join the class with this code; joining twice is harmless."""
    code = code.strip().upper()
    with db.session() as s:
        row = s.scalar(select(Classroom).where(Classroom.code == code))
        if row is None:
            raise ClassError("班级码不正确，请向老师确认")
        if s.scalar(select(ClassMember).where(ClassMember.class_id == row.id, ClassMember.user_id == user_id)) is None:
            s.add(ClassMember(class_id=row.id, user_id=user_id))
            s.flush()
        return _info(s, row)


def add_member(db: Database, class_id: int, user_id: int) -> bool:
    """Put a trainee in a class; False when already there."""
    with db.session() as s:
        if s.scalar(select(ClassMember).where(ClassMember.class_id == class_id, ClassMember.user_id == user_id)):
            return False
        s.add(ClassMember(class_id=class_id, user_id=user_id))
        return True


def remove_member(db: Database, class_id: int, user_id: int) -> None:
    """Take a trainee out of a class, and out of its group there (a leader leaves the group without one)."""
    with db.session() as s:
        row = s.scalar(select(ClassMember).where(ClassMember.class_id == class_id, ClassMember.user_id == user_id))
        if row is not None:
            s.delete(row)
        s.execute(delete(TeamMember).where(TeamMember.class_id == class_id, TeamMember.user_id == user_id))
        s.execute(update(Team).where(Team.class_id == class_id, Team.leader_id == user_id).values(leader_id=None))


def members(db: Database, class_id: int) -> list[Account]:
    """The trainees of a class, by username."""
    with db.session() as s:
        rows = s.scalars(
            select(User)
            .join(ClassMember, ClassMember.user_id == User.id)
            .where(ClassMember.class_id == class_id)
            .order_by(User.username)
        )
        return [account_of(u) for u in rows]


@dataclass
class RosterReport:
    """What a roster import did, row by row."""

    created: list[tuple[str, str]] = field(default_factory=list)  # (username, initial password)
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _rows(filename: str, data: bytes) -> list[list[str]]:
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".xlsx":
        try:
            check_archive(data)
        except ArchiveRejected as exc:
            raise ClassError(str(exc)) from exc
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
            rows = sheet.iter_rows(values_only=True, max_col=MAX_ROSTER_COLUMNS)
            # streamed, and stopped just past the row limit so the caller can refuse the file
            return [["" if c is None else str(c).strip() for c in row] for row in islice(rows, MAX_ROSTER_ROWS + 2)]
        except Exception as exc:
            raise ClassError("无法读取这个 Excel 文件，请确认是 .xlsx 格式") from exc
    if suffix in {".csv", ".txt"}:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ClassError("无法识别文件编码，请另存为 UTF-8 编码的 CSV")
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    raise ClassError("只支持 .csv 或 .xlsx 文件")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name.lower() in lowered:
            return lowered.index(name.lower())
    return None


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def import_roster(db: Database, class_id: int, filename: str, data: bytes) -> RosterReport:
    """Add the listed trainees to a class, creating accounts that do not exist yet."""
    if len(data) > MAX_ROSTER_BYTES:
        raise ClassError("文件过大（上限 2 MB）")
    rows = [r for r in _rows(filename, data) if any(r)]
    if not rows:
        raise ClassError("文件是空的")
    header = rows[0]
    user_col, name_col, pass_col = (_column(header, h) for h in (USERNAME_HEADERS, NAME_HEADERS, PASSWORD_HEADERS))
    if user_col is None or name_col is None:
        raise ClassError("第 1 行须为表头，至少包含“用户名”和“姓名”两列")
    if len(rows) - 1 > MAX_ROSTER_ROWS:
        raise ClassError(f"一次最多导入 {MAX_ROSTER_ROWS} 名学员")
    report = RosterReport()
    existing = {}
    with db.session() as s:
        for user in s.scalars(select(User)):
            existing[user.username] = (user.id, user.role)
    # First every new account is checked and its password hashed, with nothing written yet: the write
    # transaction that follows is short, whatever the size of the roster.
    prepared: dict[int, tuple[NewUser, str]] = {}
    for number, row in enumerate(rows[1:], start=2):
        username, name, password = (_cell(row, i) for i in (user_col, name_col, pass_col))
        if username in existing or any(p.username == username for p, _ in prepared.values()):
            continue
        password = password or secrets.token_urlsafe(12)
        try:
            prepared[number] = (prepare_user(username, name, "trainee", password), password)
        except AccountError as exc:
            report.errors.append(f"第 {number} 行：{exc}")
    for number, row in enumerate(rows[1:], start=2):
        username = _cell(row, user_col)
        if username in existing:
            user_id, role = existing[username]
            if role != "trainee":
                report.errors.append(f"第 {number} 行：{username} 不是学员账号，未加入")
            elif add_member(db, class_id, user_id):
                report.added.append(username)
            else:
                report.already.append(username)
            continue
        if number not in prepared:
            continue
        new, password = prepared[number]
        try:
            account = store_user(db, new)
        except AccountError as exc:
            report.errors.append(f"第 {number} 行：{exc}")
            continue
        existing[username] = (account.id, "trainee")
        add_member(db, class_id, account.id)
        report.created.append((new.username, password))
    return report
