"""Classes: join codes, membership, and roster import from CSV and Excel with a row-by-row report."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from classroom.accounts import Account, authenticate
from classroom.classes import (
    CODE_ALPHABET,
    ClassError,
    classes_of,
    create_class,
    get_class,
    import_roster,
    join_class,
    members,
)
from store.db import Database
from tests.classroom.helpers import make_users


def account(uid: int, role: str) -> Account:
    return Account(uid, "x", "x", role, False)  # type: ignore[arg-type]


def test_join_code_is_readable_and_joining_twice_is_harmless(db: Database) -> None:
    (teacher,) = make_users(db, 1, "teacher", "instructor")
    (trainee,) = make_users(db, 1)
    info = create_class(db, teacher, "周末班")
    assert len(info.code) == 6 and set(info.code) <= set(CODE_ALPHABET)
    join_class(db, trainee, info.code.lower())
    joined = join_class(db, trainee, f"  {info.code} ")
    assert joined.members == 1
    assert [c.name for c in classes_of(db, account(trainee, "trainee"))] == ["周末班"]


def test_a_wrong_code_is_refused_in_chinese(db: Database) -> None:
    (trainee,) = make_users(db, 1)
    with pytest.raises(ClassError, match="班级码不正确"):
        join_class(db, trainee, "ZZZZZZ")


def test_an_instructor_sees_only_their_own_classes(db: Database) -> None:
    a, b = make_users(db, 2, "teacher", "instructor")
    mine = create_class(db, a, "甲班")
    create_class(db, b, "乙班")
    assert [c.name for c in classes_of(db, account(a, "instructor"))] == ["甲班"]
    assert len(classes_of(db, account(a, "admin"))) == 2
    with pytest.raises(ClassError):
        get_class(db, account(b, "instructor"), mine.id)


def test_roster_csv_creates_accounts_adds_existing_and_reports_bad_rows(db: Database) -> None:
    (teacher,) = make_users(db, 1, "teacher", "instructor")
    existing = make_users(db, 1, "old")[0]
    info = create_class(db, teacher, "班")
    csv_text = "用户名,姓名,初始密码\nzhang_san,张三,pass-word-2026\nold000,老学员,\nx,太短,\nli_si,<b>李四</b>,\n"
    report = import_roster(db, info.id, "roster.csv", csv_text.encode("gb18030"))
    assert [u for u, _ in report.created] == ["zhang_san", "li_si"]
    assert report.added == ["old000"]
    assert report.errors == ["第 4 行：用户名须为 3~32 位字母、数字或 _ . -"]
    assert authenticate(db, "zhang_san", "pass-word-2026").display_name == "张三"
    li_si_password = dict(report.created)["li_si"]
    assert authenticate(db, "li_si", li_si_password).display_name == "<b>李四</b>"  # stored as text, shown as text
    assert {m.username for m in members(db, info.id)} == {"zhang_san", "li_si", "old000"}
    assert existing in {m.id for m in members(db, info.id)}
    again = import_roster(db, info.id, "roster.csv", csv_text.encode("utf-8"))
    assert again.already == ["zhang_san", "old000", "li_si"] and not again.created


def test_roster_xlsx_is_read_like_csv(db: Database) -> None:
    (teacher,) = make_users(db, 1, "teacher", "instructor")
    info = create_class(db, teacher, "班")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "用户名"])
    sheet.append(["王芳", "wang_fang"])
    sheet.append([None, None])
    data = io.BytesIO()
    book.save(data)
    report = import_roster(db, info.id, "名单.xlsx", data.getvalue())
    assert [u for u, _ in report.created] == ["wang_fang"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.pdf", b"x", "只支持"),
        ("a.csv", b"", "空"),
        ("a.csv", "姓名\n张三\n".encode(), "表头"),
        ("a.xlsx", b"not a zip", "无法读取"),
        ("a.csv", b"x" * 2_000_001, "过大"),
    ],
)
def test_bad_roster_files_get_a_clear_message(db: Database, name: str, data: bytes, message: str) -> None:
    (teacher,) = make_users(db, 1, "teacher", "instructor")
    info = create_class(db, teacher, "班")
    with pytest.raises(ClassError, match=message):
        import_roster(db, info.id, name, data)
