"""管理 page: content check, coverage, accounts; admins only."""

from __future__ import annotations

import pytest

from catalog.syllabus import load_syllabus
from tests.ui.conftest import Open


def test_admin_page_is_not_in_an_instructors_navigation(open_page: Open) -> None:
    at = open_page(None, role="instructor")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("ui/pages/admin.py")


def test_admin_page_checks_the_role_on_the_server(open_page_file) -> None:  # type: ignore[no-untyped-def]
    at = open_page_file("admin", "instructor")
    assert at.error[0].value == "你没有权限访问这个页面。"
    assert not at.dataframe


def test_admin_sees_content_check_and_creates_an_account(open_page: Open) -> None:
    at = open_page("admin", role="admin")
    assert "检查通过" in at.success[0].value
    coverage = at.dataframe[0].value
    assert len(coverage) == len(load_syllabus().points)
    assert not coverage["知识点"].str.contains(r"[a-z]+-[a-z]+\.", regex=True).any()  # titles, not point ids
    assert coverage.iloc[0]["模块"] and not coverage.isna().any().any()
    at.text_input[0].input("new_trainee")
    at.text_input[1].input("新学员")
    at.text_input[2].input("long-enough-pw")
    at.button[[b.label for b in at.button].index("新建账号")].click().run()
    assert at.success[-1].value == "已创建账号 new_trainee"
    accounts = next(df.value for df in at.dataframe if "用户名" in df.value.columns)
    assert "new_trainee" in list(accounts["用户名"])


def test_bad_account_input_is_explained(open_page: Open) -> None:
    at = open_page("admin", role="admin")
    at.text_input[0].input("x")
    at.button[[b.label for b in at.button].index("新建账号")].click().run()
    assert "用户名" in at.error[0].value


def test_content_problems_are_listed(open_page: Open, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import FIXTURE_COURSE

    monkeypatch.setenv("CMA_CONTENT_DIR", str(FIXTURE_COURSE))
    at = open_page("admin", role="admin")
    assert "个问题" in at.error[0].value
    assert "unknown-point.yaml:10: questions.0.points" in at.code[0].value


def test_admin_changes_a_role(open_page, app_db) -> None:  # type: ignore[no-untyped-def]
    from classroom.accounts import create_user, list_accounts

    target = create_user(app_db, "sso_teacher", "单点登录教师", "trainee", "secret-pass-2026")
    at = open_page("admin", role="admin")
    form_selects = [s for s in at.selectbox if s.label in {"用户名", "角色"}]
    form_selects[-2].set_value(target.id)
    form_selects[-1].set_value("instructor")
    next(b for b in at.button if b.label == "修改角色").click().run()
    assert at.success[-1].value == "已将 sso_teacher 设为教师"
    assert next(a for a in list_accounts(app_db) if a.id == target.id).role == "instructor"


def test_admin_imports_a_bank_with_a_report_and_the_course_reloads(open_page, app_db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil
    from pathlib import Path

    course = tmp_path / "course"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "course", course)
    monkeypatch.setenv("CMA_CONTENT_DIR", str(course))
    at = open_page("admin", role="admin")
    gift = (
        "::new.q1:: 先处理心情，再处理事情。{T####投诉处理先安抚情绪。}\n\n::new.q2:: 配对 {=a -> b =c -> d}\n"
    ).encode()
    at.get("file_uploader")[0].set_value(("extra.gift", gift, "text/plain")).run()
    at.selectbox(key="admin_import_point").set_value("crm-basics.customer-vs-consumer").run()
    at.button(key="admin_import_check").click().run()
    assert "[不支持] 配对题" in at.code[-1].value
    at.button(key="admin_import_save").click().run()
    assert any(s.value.startswith("已导入 1 道题") for s in at.success)
    saved = list((course / "banks").glob("imported-extra-*.yaml"))
    assert len(saved) == 1
    at.switch_page("ui/pages/practice.py").run()
    assert not at.exception


def test_admin_exports_in_each_format(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("admin", role="admin")
    for fmt in ("gift", "moodle-xml", "xlsx"):
        at.selectbox(key="admin_export_format").set_value(fmt).run()
        at.button(key="admin_export_make").click().run()
        assert not at.exception
    keys = [b.key for b in at.get("download_button")]
    assert "admin_export_download" in keys and "admin_template" in keys
