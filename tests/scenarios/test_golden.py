"""Every shipped scenario's golden transcripts land in their score range and ending."""

from __future__ import annotations

import pytest

from catalog.catalog import ContentRoots, load_catalog
from scenarios.runner import build_engine, replay

CATALOG = load_catalog(ContentRoots.shipped())
CASES = [(sid, ex.name) for sid, sc in CATALOG.scenarios.items() for ex in sc.examples]


def test_every_scenario_ships_good_middling_and_poor_transcripts() -> None:
    for scenario in CATALOG.scenarios.values():
        assert {"good", "middling", "poor"} <= {e.name for e in scenario.examples}, scenario.id


@pytest.mark.parametrize(("scenario_id", "example"), CASES)
def test_golden_transcript(scenario_id: str, example: str) -> None:
    scenario = CATALOG.scenarios[scenario_id]
    ex = next(e for e in scenario.examples if e.name == example)
    run = replay(scenario, build_engine(scenario, CATALOG.library), list(ex.turns))
    assert run.result is not None, f"{example} did not reach an ending (stuck at {run.node})"
    low, high = ex.score
    assert low <= run.result.total <= high, (run.result.total, [f.rule for f in run.result.fired])
    if ex.ending:
        assert run.result.ending == ex.ending


def test_main_paths_have_eight_turns_mostly_free_text() -> None:
    for scenario in CATALOG.scenarios.values():
        good = next(e for e in scenario.examples if e.name == "good")
        run = replay(scenario, build_engine(scenario, CATALOG.library), list(good.turns))
        assert len(run.turns) >= 8, scenario.id
        modes = [scenario.nodes[t.node].turn.mode for t in run.turns]  # type: ignore[union-attr]
        assert modes.count("text") * 2 >= len(modes), scenario.id


def test_examples_end_and_use_every_answer() -> None:
    for scenario in CATALOG.scenarios.values():
        for ex in scenario.examples:
            run = replay(scenario, build_engine(scenario, CATALOG.library), list(ex.turns))
            assert run.finished, (scenario.id, ex.name)
            assert len(run.turns) == len(ex.turns), (scenario.id, ex.name, "unused answers")


def test_the_library_has_ten_complaints_and_six_crises() -> None:
    kinds = [s.kind for s in CATALOG.scenarios.values()]
    assert kinds.count("complaint") >= 10
    assert kinds.count("crisis") >= 6
