"""The runner: deterministic, explains every point, rejects unplayable answers without cost."""

from __future__ import annotations

import pytest

from catalog.catalog import Catalog, ContentRoots, load_catalog
from scenarios.runner import InvalidAnswer, Run, build_engine, replay

CATALOG = load_catalog(ContentRoots.shipped())
EXAMPLES = {e.name: list(e.turns) for e in CATALOG.scenarios["late-birthday-cake"].examples}
GOOD = EXAMPLES["good"]


@pytest.fixture
def run(shipped: Catalog) -> Run:
    scenario = shipped.scenarios["late-birthday-cake"]
    return Run(scenario, build_engine(scenario, shipped.library))


def test_same_answers_same_result(shipped: Catalog) -> None:
    scenario = shipped.scenarios["late-birthday-cake"]
    first = replay(scenario, build_engine(scenario, shipped.library), GOOD)
    second = replay(scenario, build_engine(scenario, shipped.library), GOOD)
    assert first.result is not None
    assert second.result is not None
    assert first.result.to_dict() == second.result.to_dict()


def test_each_fired_rule_names_turn_and_words(run: Run) -> None:
    outcome = run.answer(GOOD[0])
    fired = {f.rule: f for f in outcome.firings}
    assert fired["apology-first-turn"].turn == 0
    assert "抱歉" in fired["apology-first-turn"].words
    assert "换作是我" in fired["empathy"].words
    assert outcome.state["emotion"] < 75


def test_missed_opportunities_are_listed(run: Run) -> None:
    for answer in EXAMPLES["middling"]:
        run.answer(answer)
    assert run.result is not None
    missed = {m.rule for m in run.result.missed}
    assert "apology-first-turn" in missed
    assert all(m.feedback for m in run.result.missed)


def test_blame_shifting_lowers_the_score_and_raises_emotion(run: Run) -> None:
    outcome = run.answer("这不是我们的责任,您找配送站去。")
    assert "shift-blame" in {f.rule for f in outcome.firings}
    assert run.state["emotion"] > 75
    assert run.node == "furious"


@pytest.mark.parametrize("bad", ["", "   ", "字" * 2001, 3])
def test_unplayable_text_answers_cost_nothing(run: Run, bad: object) -> None:
    with pytest.raises(InvalidAnswer):
        run.answer(bad)  # type: ignore[arg-type]
    assert run.turns == []
    assert run.node == "opening"


def test_choice_out_of_range_is_invalid(run: Run) -> None:
    run.answer(GOOD[0])
    with pytest.raises(InvalidAnswer):
        run.answer(7)
    with pytest.raises(InvalidAnswer):
        run.answer("随便")
    run.answer("1")
    assert run.node == "remedy"


def test_dimension_scores_stay_between_zero_and_one(shipped: Catalog) -> None:
    scenario = shipped.scenarios["late-birthday-cake"]
    run = replay(scenario, build_engine(scenario, shipped.library), ["你自己的问题,爱买不买", "随便你"])
    assert run.result is not None
    assert all(0 <= d.fraction <= 1 for d in run.result.dimensions)
    assert run.result.total == 0
