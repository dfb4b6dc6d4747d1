"""认证考试 and 证书查验 pages: rules up front, requirements, a certificate that verifies, signed-out checks."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from catalog.catalog import ContentRoots, load_catalog
from classroom.accounts import list_accounts
from quizzes import certification as cert
from store.db import Database
from tests.quizzes.test_certification import meet_requirements
from tests.ui.conftest import APP, Open, by_label

CATALOG = load_catalog(ContentRoots.shipped())


def test_rules_and_requirements_are_shown_and_start_waits_for_them(open_page: Open) -> None:
    at = open_page("certify")
    rules = at.info[0].value
    assert "四部分都及格才能获得结业证书" in rules and "专业能力" in rules and "情景演练" in rules
    assert len(at.get("progress")) == 4
    assert at.button(key="certify_start").disabled


def test_a_ready_trainee_starts_the_final_and_sees_both_parts(open_page: Open, app_db: Database) -> None:
    at = open_page("certify", username="ready")
    uid = next(a.id for a in list_accounts(app_db) if a.username == "ready")
    meet_requirements(app_db, CATALOG, uid)
    at.run()
    assert not at.button(key="certify_start").disabled
    at.button(key="certify_start").click().run()
    assert [h.value for h in at.subheader][:3] == ["一、理论知识", "二、专业能力", "三、情景演练（不提供提示）"]
    assert len(at.tabs) == 2
    at.toggle[0].set_value(True).run()
    assert not at.exception and at.get("chat_message")
    assert cert.current_final(app_db, uid) is not None


def test_anyone_can_verify_a_code_without_signing_in(app_db: Database) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page("ui/pages/verify.py").run()
    by_label(at.text_input, "查验码").input("CMA-000001-AAAA-BBBB-CCCC")
    by_label(at.button, "查验").click().run()
    assert at.error[0].value.startswith("查验失败")
