"""Sign-in page: first-run admin set-up, sign-in, throttled failures, demo hint."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from classroom.accounts import create_user, ensure_demo_accounts
from store.db import Database
from tests.ui.conftest import APP


def test_first_run_offers_admin_setup(app_db: Database) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert "创建管理员" in at.subheader[0].value
    at.text_input[0].input("chief")
    at.text_input[1].input("<b>校长</b>")
    at.text_input[2].input("long-enough-pw")
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == "你好\uff0c<b>校长</b>\uff01"
    at.switch_page("ui/pages/admin.py").run()
    assert at.title[0].value == "管理"
    assert not at.error


def test_sign_in_and_wrong_password(app_db: Database) -> None:
    create_user(app_db, "chief", "校长", "admin", "long-enough-pw")
    create_user(app_db, "li_lei", "李雷", "trainee", "secret-pass-2026")
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.text_input[0].input("li_lei")
    at.text_input[1].input("wrong")
    at.button[0].click().run()
    assert "不正确" in at.error[0].value
    at.text_input[1].input("secret-pass-2026")
    at.button[0].click().run()
    assert at.title[0].value.startswith("你好")


def test_empty_form_gets_a_message(app_db: Database) -> None:
    create_user(app_db, "chief", "校长", "admin", "long-enough-pw")
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.button[0].click().run()
    assert at.error[0].value == "请填写用户名和密码"


def test_demo_accounts_are_announced(app_db: Database) -> None:
    ensure_demo_accounts(app_db)
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert "演示账号" in at.info[0].value
    assert "demo_trainee" in at.info[0].value


def test_single_sign_on_button_appears_only_when_configured(app_db) -> None:  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    from classroom.accounts import create_user
    from tests.ui.conftest import APP

    create_user(app_db, "root_admin", "管理员", "admin", "secret-pass-2026")
    plain = AppTest.from_file(APP, default_timeout=30).run()
    assert not [b for b in plain.button if b.key == "signin_sso"]
    sso = AppTest.from_file(APP, default_timeout=30)
    sso.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "cma",
        "client_secret": "secret",
        "server_metadata_url": "https://sso.example.edu/.well-known/openid-configuration",
    }
    sso.run()
    assert [b.label for b in sso.button if b.key == "signin_sso"] == ["使用单位账号登录"]
