"""班级管理 page: role check, create a class, assign work, form groups."""

from __future__ import annotations

from classroom.accounts import list_accounts
from classroom.classes import add_member, classes_of
from store.db import Database
from store.tables import User
from tests.ui.conftest import Open, by_label


def test_trainees_are_refused_on_the_server(open_page_file) -> None:  # type: ignore[no-untyped-def]
    at = open_page_file("classes", "trainee")
    assert at.error[0].value == "你没有权限访问这个页面。"


def test_instructor_creates_a_class_assigns_and_groups(open_page: Open, app_db: Database) -> None:
    at = open_page("classes", role="instructor")
    assert at.info[0].value == "你还没有班级，先在下面创建一个。"
    by_label(at.text_input, "班级名称").input("2026 春季班")
    by_label(at.button, "创建班级").click().run()
    assert at.success[0].value.startswith("已创建班级“2026 春季班”")
    teacher = next(a for a in list_accounts(app_db) if a.role == "instructor")
    (info,) = classes_of(app_db, teacher)
    assert f"**{info.code}**" in next(m.value for m in at.markdown if "班级码" in m.value)

    with app_db.session() as s:
        users = [
            User(username=f"s{i:02d}", display_name=f"学员{i}", role="trainee", password_hash="x") for i in range(9)
        ]
        s.add_all(users)
        s.flush()
        ids = [u.id for u in users]
    for uid in ids:
        add_member(app_db, info.id, uid)
    at.run()
    assert len(at.dataframe[0].value) == 9

    at.selectbox(key="classes_kind").set_value("chapter").run()
    by_label(at.checkbox, "不设截止日期").check()
    by_label(at.button, "布置").click().run()
    assert any(s.value.startswith("已布置：") for s in at.success)
    table = at.dataframe[-1].value
    assert list(table["类型"]) == ["阅读章节"] and list(table["已完成人数"]) == ["0/9"]

    at.number_input(key="classes_group_size").set_value(4).run()
    at.button(key="classes_group_random").click().run()
    assert any(s.value == "已分成 2 组" for s in at.success)
    lines = [m.value for m in at.markdown if m.value.startswith("**第")]
    assert len(lines) == 2 and all("（组长）" in line for line in lines)


def test_roster_upload_reports_row_by_row(open_page: Open, app_db: Database) -> None:
    at = open_page("classes", role="instructor", username="roster_teacher")
    by_label(at.text_input, "班级名称").input("导入班")
    by_label(at.button, "创建班级").click().run()
    roster = "用户名,姓名\nzhou_qi,周七\nbad name,坏名字\n".encode()
    at.get("file_uploader")[0].set_value(("名单.csv", roster, "text/csv")).run()
    assert any(s.value == "新建账号 1 个（请把初始密码告知学员）" for s in at.success)
    assert at.warning[0].value.startswith("1 行未导入：第 3 行")
    assert "zhou_qi" in list(at.dataframe[0].value["用户名"])
