"""The warm catalogue cache: served when nothing changed, rebuilt when any content file changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalog.catalog import ContentRoots, load_catalog
from tests.conftest import FIXTURE_COURSE


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CMA_CATALOG_CACHE", str(tmp_path / "cache"))
    return Path(shutil.copytree(FIXTURE_COURSE, tmp_path / "course"))


def test_a_second_load_comes_from_the_cache(course: Path) -> None:
    first = load_catalog(ContentRoots.under(course))
    assert len(list((course.parent / "cache").glob("catalog-*.pickle"))) == 1
    again = load_catalog(ContentRoots.under(course))
    assert again is not first and again.questions.keys() == first.questions.keys()
    assert again.problems == first.problems


def test_a_changed_file_is_loaded_again(course: Path) -> None:
    before = load_catalog(ContentRoots.under(course))
    qid = next(iter(before.questions))
    bank = Path(before.question_bank[qid])
    stem = before.questions[qid].stem
    text = bank.read_text("utf-8")
    assert stem in text
    bank.write_text(text.replace(stem, stem + "（改）", 1), "utf-8")  # same mtime second, other bytes
    after = load_catalog(ContentRoots.under(course))
    assert after.questions[qid].stem == stem + "（改）"
    assert len(list((course.parent / "cache").glob("catalog-*.pickle"))) == 2


def test_an_added_or_removed_file_is_loaded_again(course: Path) -> None:
    before = load_catalog(ContentRoots.under(course))
    bank = Path(before.question_bank[next(iter(before.questions))])
    bank.rename(course / "moved.txt")
    assert len(load_catalog(ContentRoots.under(course)).questions) < len(before.questions)
    (course / "moved.txt").rename(bank)
    assert load_catalog(ContentRoots.under(course)).questions.keys() == before.questions.keys()


def test_a_broken_cache_file_is_replaced(course: Path) -> None:
    load_catalog(ContentRoots.under(course))
    (cached,) = (course.parent / "cache").glob("catalog-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert load_catalog(ContentRoots.under(course)).questions
    assert cached.read_bytes() != b"not a pickle"


WARM = """
import sys
from pathlib import Path
from catalog.catalog import ContentRoots, load_catalog
cat = load_catalog(ContentRoots.under(Path(sys.argv[1])))
heavy = sorted(m for m in ("jieba", "pypinyin", "plotly", "markdown_it", "rule_engine") if m in sys.modules)
print(len(cat.questions), len(cat.scenarios), ",".join(heavy) or "-")
"""


def test_a_warm_load_in_a_fresh_process_imports_no_rule_engine_figures_or_markdown(course: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    runs = [
        subprocess.run([sys.executable, "-c", WARM, str(course)], env=env, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    cold, warm = (r.stdout.split() for r in runs)
    assert cold[:2] == warm[:2] and int(warm[0]) > 0
    assert warm[2] == "-", warm[2]
