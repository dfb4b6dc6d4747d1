"""The shipped course: valid, written anew, typeset in Chinese punctuation, no near-duplicate questions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from catalog.catalog import PACKAGE_ROOT, Catalog
from catalog.punctuation import half_width_spots
from catalog.syllabus import load_syllabus

SEEDCOPY = PACKAGE_ROOT.parent / "shared" / "tools" / "seedcopy.py"
CONTENT_FILES = sorted(
    [
        *PACKAGE_ROOT.glob("courseware/content/*.md"),
        *PACKAGE_ROOT.glob("courseware/content/*.yaml"),
        *PACKAGE_ROOT.glob("quizzes/*/*.yaml"),
        *PACKAGE_ROOT.glob("scenarios/library/*.yaml"),
        PACKAGE_ROOT / "grading" / "library.yaml",
    ]
)


def test_shipped_content_has_no_problems(shipped: Catalog) -> None:
    assert [str(p) for p in shipped.problems] == []
    assert shipped.chapters
    assert shipped.questions
    assert shipped.blueprints
    assert shipped.scenarios


def test_every_question_explains_its_answer(shipped: Catalog) -> None:
    short = [q.id for q in shipped.questions.values() if len(q.explanation) < 10]
    assert short == []


def test_no_near_duplicate_questions(shipped: Catalog) -> None:
    stems = [(q.id, getattr(q, "case", q.stem)) for q in shipped.questions.values()]
    pairs = [(a, b) for i, (a, sa) in enumerate(stems) for b, sb in stems[i + 1 :] if fuzz.ratio(sa, sb) >= 90]
    assert pairs == []


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.name)
def test_chinese_text_uses_full_width_punctuation(path: Path) -> None:
    assert half_width_spots(path.read_text(encoding="utf-8")) == [], "run: cma tidy " + str(path)


@pytest.mark.skipif(not SEEDCOPY.exists(), reason="source documents are not beside the project")
def test_no_passage_is_copied_from_the_sources() -> None:
    result = subprocess.run(
        [sys.executable, str(SEEDCOPY), "--repo", str(PACKAGE_ROOT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_section_checks_and_scenarios_link_back(shipped: Catalog) -> None:
    for section in shipped.sections.values():
        assert any(shipped.questions_by_point.get(p) for p in section.points), section.id
    for scenario in shipped.scenarios.values():
        assert all(s in shipped.sections for s in scenario.sections)


def test_single_choice_keys_are_balanced(shipped: Catalog) -> None:
    from collections import Counter

    keys = Counter(q.answer for q in shipped.questions.values() if q.type == "single")  # type: ignore[union-attr]
    total = sum(keys.values())
    assert total >= 20
    assert max(keys.values()) / total <= 0.35, keys


def test_choice_explanations_do_not_name_letters_that_shuffling_would_change(shipped: Catalog) -> None:
    import re

    from quizzes.models import ChoiceBase

    letter = re.compile(r"(?<![A-Za-z0-9])[A-H](?![A-Za-z0-9])")
    named = [
        q.id
        for q in shipped.questions.values()
        if isinstance(q, ChoiceBase) and q.shuffle and letter.search(q.explanation)
    ]
    assert named == []


def test_options_like_all_of_the_above_are_not_shuffled(shipped: Catalog) -> None:
    from quizzes.models import ChoiceBase

    loose = [
        q.id
        for q in shipped.questions.values()
        if isinstance(q, ChoiceBase) and q.shuffle and any(o.startswith("以上") for o in q.options)
    ]
    assert loose == []


# Every point of every module must have at least three questions.
BANKED_MODULES = [m.id for m in load_syllabus().modules]


@pytest.mark.parametrize("module", BANKED_MODULES)
def test_every_point_of_a_banked_module_has_three_questions(shipped: Catalog, module: str) -> None:
    found = shipped.syllabus.module(module)
    assert found is not None
    thin = [p.id for p in found.points if len(shipped.questions_by_point.get(p.id, [])) < 3]
    assert thin == []


def test_every_shipped_blueprint_can_be_drawn(shipped: Catalog) -> None:
    from quizzes.exam import draw

    for bp in shipped.blueprints.values():
        paper = draw(bp, shipped.questions, shipped.syllabus.module_of, seed=2026)
        assert sum(item.score for item in paper) == bp.total
        assert len(paper) == sum(part.count for part in bp.parts)


def test_the_bank_holds_at_least_800_questions_of_every_type(shipped: Catalog) -> None:
    from collections import Counter

    from quizzes.kinds import KINDS

    assert len(shipped.questions) >= 800
    types = Counter(q.type for q in shipped.questions.values())
    assert {"single", "multiple", "judge", "fill", "short", "case"} <= set(types) <= set(KINDS)


# Every point of every module is taught by at least one section.
TAUGHT_MODULES = [m.id for m in load_syllabus().modules]


@pytest.mark.parametrize("module", TAUGHT_MODULES)
def test_every_point_of_a_taught_module_has_a_section(shipped: Catalog, module: str) -> None:
    found = shipped.syllabus.module(module)
    assert found is not None
    untaught = [p.id for p in found.points if not shipped.sections_by_point.get(p.id)]
    assert untaught == []
