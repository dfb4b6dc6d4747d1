"""Practice pools and option shuffling with the key remapped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from catalog.catalog import Catalog, ContentRoots, load_catalog
from quizzes.models import MultipleChoice, SingleChoice
from quizzes.modes import Mode, Scope, build_pool
from quizzes.scoring import grade
from quizzes.shuffle import option_order, to_bank_letters, to_displayed_letters

CATALOG = load_catalog(ContentRoots.shipped())
CHOICES = [q for q in CATALOG.questions.values() if isinstance(q, SingleChoice | MultipleChoice)]


def test_scopes_and_orders(shipped: Catalog) -> None:
    everything = build_pool(Mode.SEQUENTIAL, shipped)
    assert everything == list(shipped.questions)
    shuffled = build_pool(Mode.RANDOM, shipped, seed=3)
    assert sorted(shuffled) == sorted(everything)
    assert shuffled == build_pool(Mode.RANDOM, shipped, seed=3)
    assert shuffled != everything
    module = build_pool(Mode.SEQUENTIAL, shipped, Scope.MODULE, "service-delivery")
    assert module
    assert all(shipped.syllabus.module_of[shipped.questions[q].points[0]] == "service-delivery" for q in module)
    chapter = build_pool(Mode.SEQUENTIAL, shipped, Scope.CHAPTER, "service-delivery-01-crisis")
    assert "service-delivery.q001" in chapter
    assert "crm-basics.q001" not in chapter
    point = build_pool(Mode.MEMORIZE, shipped, Scope.POINT, "crm-basics.customer-value-five-levels")
    assert point == shipped.questions_by_point["crm-basics.customer-value-five-levels"]


def test_tracked_pools_drop_questions_no_longer_in_the_bank(shipped: Catalog) -> None:
    assert build_pool(Mode.WRONG, shipped, wrong=["gone", "crm-basics.q001"]) == ["crm-basics.q001"]
    assert build_pool(Mode.FAVORITE, shipped, favorites=[]) == []
    assert build_pool(Mode.REVIEW, shipped, due=["crm-basics.q002"]) == ["crm-basics.q002"]


@given(st.sampled_from(CHOICES), st.integers(min_value=0, max_value=10**9))
def test_picking_the_shown_key_is_always_correct(question: SingleChoice | MultipleChoice, seed: int) -> None:
    order = option_order(question, seed)
    assert sorted(order) == list(range(len(question.options)))
    key = [question.answer] if isinstance(question, SingleChoice) else list(question.answer)
    shown = to_displayed_letters(key, order)
    picked = to_bank_letters(shown, order)
    response = picked[0] if isinstance(question, SingleChoice) else picked
    assert grade(question, response).status == "correct"


def test_options_keep_their_order_when_shuffle_is_off(shipped: Catalog) -> None:
    fixed = shipped.questions["service-delivery.q012"]
    assert isinstance(fixed, SingleChoice)
    assert not fixed.shuffle
    assert option_order(fixed, 12345) == [0, 1, 2, 3]


def test_order_differs_between_attempts() -> None:
    q = CATALOG.questions["crm-basics.q001"]
    assert isinstance(q, SingleChoice)
    assert len({tuple(option_order(q, s)) for s in range(20)}) > 1
