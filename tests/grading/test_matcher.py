"""Concept matching on word boundaries, with negation handled."""

from __future__ import annotations

import pytest

from grading.library import load_library
from grading.matcher import ConceptMatcher


@pytest.fixture(scope="module")
def matcher() -> ConceptMatcher:
    library = load_library()
    return ConceptMatcher({k: c.phrases for k, c in library.concepts.items()})


@pytest.mark.parametrize(
    ("text", "concept", "expected"),
    [
        ("非常抱歉给您添麻烦了", "apology", True),
        ("我们不会道歉", "apology", False),
        ("我们绝不道歉。", "apology", False),
        ("不好意思,让您久等了", "apology", True),
        ("这不是我们的责任", "take_responsibility", False),
        ("这不是我们的责任", "deny_responsibility", True),
        ("这是我们的责任,我们负责到底", "take_responsibility", True),
        ("我们不得不说,对不起", "apology", True),
        ("我们不能不道歉", "apology", True),
        ("没有核实之前我不能说", "verify_facts", False),
        ("我马上帮您核实一下", "verify_facts", True),
        ("ＦＵＬＬ　ＷＩＤＴＨ:非常抱歉!", "apology", True),
    ],
)
def test_concepts_and_negation(matcher: ConceptMatcher, text: str, concept: str, expected: bool) -> None:
    assert (concept in matcher.said(text)) is expected


def test_negation_does_not_cross_a_clause(matcher: ConceptMatcher) -> None:
    assert "apology" in matcher.said("这不是借口,我们向您道歉")


def test_evidence_lists_the_phrases(matcher: ConceptMatcher) -> None:
    said = matcher.said("对不起,给您添麻烦了")
    assert said["apology"] == ["对不起", "给您添麻烦了"]


def test_nothing_to_announce_is_no_announcement(matcher: ConceptMatcher) -> None:
    assert "public_statement" not in matcher.said("没什么可公告的")
    assert "public_statement" in matcher.said("我们马上发布公告")


def test_negation_stops_at_the_copula(matcher: ConceptMatcher) -> None:
    assert "take_responsibility" in matcher.said("前两次没有解决好是我们的问题")
    assert "take_responsibility" not in matcher.said("这不是我们的问题")
