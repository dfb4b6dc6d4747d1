"""AppTest helpers: a fresh database per test and a signed-in session of a given role."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from classroom.accounts import Role, create_user
from store.db import Database

APP = str(Path(__file__).resolve().parents[2] / "app.py")
Open = Callable[..., AppTest]


@pytest.fixture
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Point the app at a fresh database file."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("CMA_DATABASE_URL", url)
    return Database(url)


@pytest.fixture
def open_page(app_db: Database) -> Open:
    """Open a page as a signed-in user of the given role."""

    accounts: dict[str, int] = {}

    def opener(page: str | None, role: Role = "trainee", username: str = "", at: AppTest | None = None) -> AppTest:
        """A new browser session (or `at`) on `page`; the same username reuses the same account."""
        if at is None:
            name = username or f"{role}_user"
            if name not in accounts:
                accounts[name] = create_user(app_db, name, f"测试{role}", role, "secret-pass-2026").id
            at = AppTest.from_file(APP, default_timeout=30)
            at.session_state["auth_user_id"] = accounts[name]
            at.session_state["auth_last_seen"] = time.time()
            at.run()
        if page:
            at.switch_page(f"ui/pages/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return opener


@pytest.fixture
def open_page_file(app_db: Database) -> Callable[[str, Role], AppTest]:
    """Run one page file directly (bypassing navigation), as a user of the role."""

    def opener(page: str, role: Role) -> AppTest:
        account = create_user(app_db, f"direct_{role}", f"直接{role}", role, "secret-pass-2026")
        at = AppTest.from_file(str(Path(APP).parent / "ui" / "pages" / f"{page}.py"), default_timeout=30)
        at.session_state["auth_user_id"] = account.id
        at.session_state["auth_last_seen"] = time.time()
        return at.run()

    return opener


def choose(radio, text: str):  # type: ignore[no-untyped-def]
    """Pick the option whose text (after the shown letter) is `text`, whatever order it is shown in."""
    return radio.set_value(next(o for o in radio.options if o.split(". ", 1)[-1] == text))


def by_label(widgets, label: str):  # type: ignore[no-untyped-def]
    """The widget with this label (forms keep their widgets unkeyed)."""
    return next(w for w in widgets if w.label == label)
