"""A real app server on a free port and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_app(database_url: str, port: int) -> subprocess.Popen[bytes]:
    """`streamlit run serve.py` (the app plus its sign-in cookie routes) on a port, over a database."""
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.headless=true", f"--server.port={port}",
         "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"],
        cwd=ROOT, env={**os.environ, "CMA_DATABASE_URL": database_url},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def wait_healthy(url: str, seconds: float = 60) -> bool:
    """Whether the app at url answers its health check within the time."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


@pytest.fixture(scope="session")
def server_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The database the browser tests' server uses, for tests that set up data directly."""
    return f"sqlite:///{tmp_path_factory.mktemp('browser') / 'app.db'}"


@pytest.fixture(scope="session")
def server(server_database_url: str) -> Iterator[str]:
    """Start `streamlit run serve.py` (the app plus its sign-in cookie routes) with demo accounts."""
    env = {**os.environ, "CMA_DATABASE_URL": server_database_url}
    subprocess.run([sys.executable, "-m", "catalog.cli", "init", "--demo"], cwd=ROOT, env=env, check=True)
    port = _free_port()
    proc = start_app(server_database_url, port)
    url = f"http://127.0.0.1:{port}"
    if not wait_healthy(url):
        proc.kill()
        pytest.fail("streamlit did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: apt-get install -y chromium fonts-noto-cjk")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


ARTIFACTS = Path(os.environ.get("CMA_TEST_ARTIFACTS", ROOT / "test-artifacts"))


@pytest.fixture(autouse=True)
def _contexts_before(request: pytest.FixtureRequest) -> None:
    """Remember the browser contexts open before a browser test, so a failure saves only the test's own pages."""
    if "browser" in request.fixturenames:
        request.node.contexts_before = list(request.getfixturevalue("browser").contexts)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """When a browser test fails, save a screenshot of every page it still has open to test-artifacts/<test>/."""
    report = yield
    browser = getattr(item, "funcargs", {}).get("browser")
    if report.failed and browser is not None and call.when in {"call", "setup"}:
        folder = ARTIFACTS / "".join(c if c.isalnum() or c in "-_." else "_" for c in item.name)
        folder.mkdir(parents=True, exist_ok=True)
        saved = []
        before = getattr(item, "contexts_before", [])
        for n, context in enumerate(c for c in browser.contexts if c not in before):
            for m, page in enumerate(context.pages):
                path = folder / f"context{n}-page{m}.png"
                try:
                    page.screenshot(path=str(path), full_page=True, timeout=10000)
                    saved.append(str(path))
                except Exception as exc:
                    saved.append(f"{path}: not saved ({exc.__class__.__name__})")
            context.close()  # the failed test never reached its own close
        report.sections.append(("screenshots", "\n".join(saved) or "no open page"))
    return report
