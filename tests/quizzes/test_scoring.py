"""Objective grading: right, wrong, partial, and malformed answers kept apart as invalid."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from catalog.catalog import Catalog
from quizzes.models import CaseAnalysis, Fill, Judge, MultipleChoice, ShortAnswer, SingleChoice
from quizzes.scoring import grade

POINTS = ("crm-basics.customer-vs-consumer",)
SINGLE = SingleChoice(
    type="single",
    id="t.s",
    stem="题干",
    options=("甲", "乙", "丙", "丁"),
    answer="B",
    explanation="说明",
    points=POINTS,
)
MULTI = MultipleChoice(
    type="multiple",
    id="t.m",
    stem="题干",
    options=("甲", "乙", "丙", "丁"),
    answer=("A", "C"),
    explanation="说明",
    points=POINTS,
)
JUDGE = Judge(type="judge", id="t.j", stem="题干", answer=False, explanation="说明", points=POINTS)
FILL = Fill(
    type="fill",
    id="t.f",
    stem="客户创造了____,顾客包括____购买者。",
    answer=(("市场",), ("潜在", "潜在的")),
    explanation="说明",
    points=POINTS,
)


def test_single_choice() -> None:
    assert grade(SINGLE, "B").status == "correct"
    assert grade(SINGLE, "b ").score == 1.0
    assert grade(SINGLE, "A").score == 0.0


def test_multiple_choice_needs_exactly_the_key() -> None:
    assert grade(MULTI, ["C", "A"]).status == "correct"
    assert grade(MULTI, ["A", "B", "C"]).status == "wrong"
    assert grade(MULTI, ["A", "B"]).score == 0.0


def test_judge_and_fill() -> None:
    assert grade(JUDGE, False).status == "correct"
    assert grade(JUDGE, True).status == "wrong"
    assert grade(FILL, ["市场", "潜在的"]).status == "correct"
    half = grade(FILL, ["市场", "现有"])
    assert half.status == "partial"
    assert half.score == 0.5
    assert grade(FILL, [" 市 场 ", "潜在"]).status == "correct"


def test_score_scales_to_possible() -> None:
    assert grade(SINGLE, "B", possible=5).score == 5
    assert grade(MULTI, ["A", "C"], possible=10).fraction == 1.0


def test_malformed_answers_are_invalid_not_wrong() -> None:
    for question, response in [
        (SINGLE, "Z"),
        (SINGLE, None),
        (SINGLE, ["A", "B"]),
        (MULTI, ["A"]),
        (MULTI, "AC!"),
        (JUDGE, "对"),
        (FILL, ["市场"]),
        (FILL, ["市场", "  "]),
    ]:
        result = grade(question, response)
        assert result.status == "invalid", (question.id, response)
        assert result.score is None
        assert result.message


SHORT = ShortAnswer(
    type="short",
    id="t.short",
    stem="写出五个层次。",
    answer="核心利益…",
    explanation="说明",
    points=POINTS,
    rubric=(
        {"label": "核心", "any": ("核心利益",)},
        {"label": "基础", "any": ("基础产品",)},
        {"label": "期望", "any": ("期望产品",)},
        {"label": "附加", "any": ("附加产品",)},
        {"label": "潜在", "any": ("潜在产品",)},
    ),
)


def test_short_answer_full_match_is_scored_automatically() -> None:
    result = grade(SHORT, "核心利益、基础产品、期望产品、附加产品、潜在产品")
    assert result.status == "correct"
    assert result.score == 1.0


def test_short_answer_with_nothing_matched_scores_zero() -> None:
    result = grade(SHORT, "我觉得客户很重要,要好好服务客户。")
    assert result.status == "wrong"
    assert result.score == 0


def test_short_answer_partly_matched_goes_to_an_instructor() -> None:
    result = grade(SHORT, "核心利益和期望产品最重要,其余的我记不清了")
    assert result.status == "review"
    assert result.score is None
    assert set(result.matched) == {"核心", "期望"}


def test_case_analysis_grades_each_sub_question(shipped: Catalog) -> None:
    case = shipped.questions["crm-basics.q013"]
    assert isinstance(case, CaseAnalysis)
    both = grade(case, {"crm-basics.q013.a": "B", "crm-basics.q013.b": "D"}, possible=4)
    assert both.status == "correct"
    assert both.score == 4
    one = grade(case, {"crm-basics.q013.a": "B", "crm-basics.q013.b": "A"}, possible=4)
    assert (one.status, one.score) == ("partial", 2)
    assert grade(case, {"crm-basics.q013.a": "B"}).status == "invalid"


ANY_RESPONSE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)


@given(ANY_RESPONSE)
def test_any_response_gets_a_verdict_and_never_crashes(response: Any) -> None:
    for question in (SINGLE, MULTI, JUDGE, FILL, SHORT):
        result = grade(question, response, possible=2)
        assert result.status in {"correct", "partial", "wrong", "invalid", "review"}
        if result.score is not None:
            assert 0 <= result.score <= 2


@given(st.lists(st.sampled_from("ABCD"), min_size=2, max_size=4, unique=True))
def test_multiple_choice_order_does_not_matter(letters: list[str]) -> None:
    assert grade(MULTI, letters).status == grade(MULTI, list(reversed(letters))).status
