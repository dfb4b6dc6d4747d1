"""Group role-play: roles checked, observers score with the rubric, the engine and observers combined."""

from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from classroom.groups import form_random
from classroom.roleplay import (
    RolePlayError,
    observer_percent,
    role_play,
    score_as_observer,
    start_role_play,
)
from scenarios.runner import build_engine
from scenarios.sessions import load_run, play_turn
from store.db import Database
from tests.classroom.helpers import make_class

SCENARIO = "angry-caller"


def test_observer_percent_weights_the_rubric() -> None:
    rubric = {"a": 0.5, "b": 0.5}
    assert observer_percent({"a": 5, "b": 5}, rubric) == 100
    assert observer_percent({"a": 1, "b": 5}, rubric) == 50
    assert observer_percent({"a": 1, "b": 1}, rubric) == 0


def test_a_role_play_combines_engine_and_observers(db: Database, shipped: Catalog) -> None:
    _, class_id, _ = make_class(db, 5)
    (group,) = form_random(db, class_id, size=5, seed=1)
    customer, agent, *observers = [m.id for m in group.members]
    scenario = shipped.scenarios[SCENARIO]
    info = start_role_play(db, scenario, group.id, customer, agent)
    assert (info.role_of(customer), info.role_of(agent), info.role_of(observers[0])) == (
        "customer",
        "agent",
        "observer",
    )
    assert info.combined is None  # nothing until the agent finishes

    engine = build_engine(scenario, shipped.library)
    run = load_run(db, agent, info.run_id, scenario, engine)
    for response in scenario.examples[0].turns:
        if run.finished:
            break
        play_turn(db, agent, info.run_id, run, response)
    info = role_play(db, info.id, shipped.scenarios)
    assert info.engine_total is not None and info.combined == info.engine_total

    top = dict.fromkeys(scenario.rubric, 5)
    low = dict.fromkeys(scenario.rubric, 1)
    score_as_observer(db, info, scenario, observers[0], top, "共情到位")
    score_as_observer(db, info, scenario, observers[1], low)
    score_as_observer(db, info, scenario, observers[1], top)  # revised, not added
    info = role_play(db, info.id, shipped.scenarios)
    assert info.observers == 2 and info.observer_total == 100
    assert info.combined == round(0.6 * info.engine_total + 40, 1)


def test_only_observers_of_the_group_score_and_every_dimension_is_needed(db: Database, shipped: Catalog) -> None:
    _, class_id, _ = make_class(db, 8)
    first, second = form_random(db, class_id, size=4, seed=1)
    scenario = shipped.scenarios[SCENARIO]
    a, b, c, _ = [m.id for m in first.members]
    with pytest.raises(RolePlayError, match="不同"):
        start_role_play(db, scenario, first.id, a, a)
    with pytest.raises(RolePlayError, match="本组"):
        start_role_play(db, scenario, first.id, a, second.members[0].id)
    info = start_role_play(db, scenario, first.id, a, b)
    marks = dict.fromkeys(scenario.rubric, 3)
    for who in (a, b, second.members[0].id):
        with pytest.raises(RolePlayError, match="观察员"):
            score_as_observer(db, info, scenario, who, marks)
    with pytest.raises(RolePlayError, match="每个评分维度"):
        score_as_observer(db, info, scenario, c, {"empathy": 3})
    with pytest.raises(RolePlayError, match="整数"):
        score_as_observer(db, info, scenario, c, dict.fromkeys(scenario.rubric, 9))


def test_the_customer_player_sees_only_the_lines_since_the_agent_spoke() -> None:
    from classroom.roleplay import customer_lines
    from scenarios.models import Line
    from scenarios.runner import TRAINEE

    lines = [Line(speaker="客户", text="早"), Line(speaker=TRAINEE, text="您好"), Line(speaker="客户", text="我要投诉")]
    assert customer_lines(lines) == ["客户：我要投诉"]
    assert customer_lines(lines[:2]) == []
