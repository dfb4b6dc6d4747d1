"""我的账号 and the admin's password reset, as the pages drive them."""

from __future__ import annotations

import pytest

from classroom.accounts import AccountError, authenticate, list_accounts
from store.db import Database
from tests.ui.conftest import Open, by_label


def _press(at, label: str):  # type: ignore[no-untyped-def]
    return at.button[[b.label for b in at.button].index(label)].click().run()


def test_trainee_changes_password_with_the_old_one(open_page: Open, app_db: Database) -> None:
    at = open_page("account", role="trainee", username="changer")
    by_label(at.text_input, "原密码").input("secret-pass-2026")
    by_label(at.text_input, "新密码").input("12345678")
    by_label(at.text_input, "再次输入新密码").input("12345678")
    _press(at, "修改密码")
    assert "至少 12" in at.error[0].value
    by_label(at.text_input, "新密码").input("晚上先复习两章然后再做练习题")
    by_label(at.text_input, "再次输入新密码").input("晚上先复习两章然后再做练习题")
    _press(at, "修改密码")
    assert at.success[0].value.startswith("密码已修改")
    assert authenticate(app_db, "changer", "晚上先复习两章然后再做练习题").username == "changer"
    with pytest.raises(AccountError):
        authenticate(app_db, "changer", "secret-pass-2026")


def test_sign_out_everywhere_returns_to_sign_in(open_page: Open) -> None:
    open_page(None, role="admin")  # set-up is done, so the sign-in form shows
    at = open_page("account", role="trainee")
    _press(at, "退出所有设备")
    assert [t.value for t in at.title] == ["客户管理师实训平台"]
    assert any(b.label == "登录" for b in at.button)


def test_admin_resets_a_password_and_keeps_the_fields_on_a_mistake(open_page: Open, app_db: Database) -> None:
    at = open_page("admin", role="admin")
    by_label(at.text_input, "用户名").input("new_person")
    by_label(at.text_input, "姓名").input("新人")
    by_label(at.text_input, "密码").input("short")
    _press(at, "新建账号")
    assert "至少 12" in at.error[0].value
    assert by_label(at.text_input, "用户名").value == "new_person"  # nothing retyped
    open_page(None, role="trainee", username="forgetful")
    at = open_page("admin", role="admin")
    forgetful = next(a for a in list_accounts(app_db) if a.username == "forgetful")
    at.selectbox(key="admin_reset_who").set_value(forgetful.id)
    by_label(at.text_input, "新密码").input("reset-by-the-admin-26")
    _press(at, "重置密码")
    assert "已为" in at.success[-1].value
    assert authenticate(app_db, "forgetful", "reset-by-the-admin-26").id == forgetful.id
