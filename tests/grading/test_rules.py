"""Rule conditions: concepts in a turn or the run, order, timing, state expressions and other rules."""

from __future__ import annotations

import pytest
import rule_engine

from grading.rules import Condition, TurnFacts, View, compile_expression, holds


def turn(index: int, minutes: float, said: dict[str, list[str]], positions: dict[str, int] | None = None) -> TurnFacts:
    return TurnFacts(index, "n", minutes, "", said, positions or dict.fromkeys(said, 0))


T0 = turn(0, 5, {"apology": ["抱歉"]})
T1 = turn(1, 30, {"explanation": ["原因是"], "apology": ["对不起"]}, {"explanation": 0, "apology": 5})
T2 = turn(2, 1500, {"public_statement": ["声明"]})


def view(current: TurnFacts | None, state: dict[str, float] | None = None, fired: frozenset[str] = frozenset()) -> View:
    turns = tuple(t for t in (T0, T1, T2) if current is None or t.index <= current.index)
    return View(turns, current, state or {"emotion": 50.0, "minutes": 0.0}, fired)


def c(**kwargs: object) -> Condition:
    return Condition.model_validate(kwargs)


def test_said_looks_at_the_turn_in_focus_or_the_whole_run_at_the_end() -> None:
    assert holds(c(said="apology"), view(T0))[0]
    assert not holds(c(said="public_statement"), view(T1))[0]
    assert holds(c(said="public_statement"), view(None))[0]


def test_within_turns_and_minutes() -> None:
    assert holds(c(said="apology", within_turns=1), view(T0))[0]
    assert not holds(c(said="apology", within_turns=1), view(T1))[0]
    assert not holds(c(said="public_statement", within_minutes=1440), view(None))[0]
    assert holds(c(said="apology", within_minutes=1440), view(None))[0]


def test_before_needs_the_first_concept_first() -> None:
    assert holds(c(before=["apology", "explanation"]), view(None))[0]
    assert holds(c(before=["explanation", "public_statement"]), view(None))[0]
    assert not holds(c(before=["verify_facts", "apology"]), view(None))[0]


def test_not_said_and_trees() -> None:
    assert holds(c(not_said="rude"), view(None))[0]
    assert holds(c(all=[{"said": "apology"}, {"not": {"said": "rude"}}]), view(T0))[0]
    assert holds(c(any=[{"said": "rude"}, {"said": "apology"}]), view(T0))[0]


def test_state_expressions_and_fired_rules() -> None:
    assert holds(c(state="emotion <= 50 and minutes >= 0"), view(T0))[0]
    assert not holds(c(state="emotion > 70"), view(T0))[0]
    assert holds(c(fired="apology-first"), view(T0, fired=frozenset({"apology-first"})))[0]
    assert not holds(c(fired="apology-first"), view(T0))[0]


def test_expressions_are_parsed_not_evaluated_as_python() -> None:
    with pytest.raises(rule_engine.errors.EngineError):
        compile_expression("__import__('os').system('true')", ("emotion",))
    with pytest.raises(rule_engine.errors.SymbolResolutionError):
        compile_expression("anger > 1", ("emotion",))


def test_a_condition_has_exactly_one_test() -> None:
    with pytest.raises(ValueError, match="只能有且只有一种判断"):
        c(said="apology", not_said="rude")
    with pytest.raises(ValueError, match="只能与"):
        c(state="emotion > 1", within_turns=2)


def test_an_order_rule_holds_only_when_both_parts_happened() -> None:
    only_first = turn(0, 1, {"apology": ["抱歉"]})
    v = View((only_first,), None, {"emotion": 50.0, "minutes": 0.0}, frozenset())
    assert not holds(c(before=["apology", "explanation"]), v)[0]
    only_second = turn(0, 1, {"explanation": ["原因是"]})
    v = View((only_second,), None, {"emotion": 50.0, "minutes": 0.0}, frozenset())
    assert not holds(c(before=["apology", "explanation"]), v)[0]
    assert not holds(c(before=["verify_facts", "apology"]), view(None))[0]
