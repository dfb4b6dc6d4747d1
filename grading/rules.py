"""Rule data model (all/any/not trees over a fixed vocabulary) and its evaluation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from pydantic import Field, field_validator, model_validator

from source.models import ContentModel, check_points

if TYPE_CHECKING:  # imported when first compiled: building its parser costs about a second at start-up
    import rule_engine

    from grading.matcher import Reading  # jieba and pypinyin: not needed to load the course


class Condition(ContentModel):
    """One node of a condition tree; exactly one kind of test per node."""

    all: tuple[Condition, ...] | None = Field(default=None, description="Every sub-condition holds")
    any: tuple[Condition, ...] | None = Field(default=None, description="At least one sub-condition holds")
    not_: Condition | None = Field(default=None, alias="not", description="The sub-condition does not hold")
    said: str | None = Field(default=None, description="Concept affirmed (this turn; the whole run at the end)")
    not_said: str | None = Field(default=None, description="Concept never affirmed in the run so far")
    before: tuple[str, str] | None = Field(
        default=None, description="[A, B]: both were said, A first (earlier turn, or earlier in the same turn)"
    )
    state: str | None = Field(default=None, description="Expression over state variables, e.g. 'emotion > 70'")
    within_turns: int | None = Field(default=None, ge=1, description="Only in the first N trainee turns")
    within_minutes: int | None = Field(default=None, ge=0, description="Only up to N simulated minutes")
    node: str | None = Field(default=None, description="Only in a turn at this node")
    fired: str | None = Field(default=None, description="Another rule has fired")

    model_config = ContentModel.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = [self.all, self.any, self.not_, self.said, self.not_said, self.before, self.state, self.fired]
        given = sum(t is not None for t in tests)
        if given != 1:
            raise ValueError("一个条件只能有且只有一种判断（said/not_said/before/state/fired/all/any/not）")
        windowed = self.within_turns is not None or self.within_minutes is not None or self.node is not None
        if windowed and self.said is None and self.not_said is None and self.before is None:
            raise ValueError("within_turns / within_minutes / node 只能与 said / not_said / before 一起使用")
        return self

    def concepts(self) -> set[str]:
        """Concept names the tree refers to."""
        names = {n for n in (self.said, self.not_said) if n}
        if self.before:
            names |= set(self.before)
        for child in self.children():
            names |= child.concepts()
        return names

    def expressions(self) -> list[str]:
        """State expressions the tree refers to."""
        out = [self.state] if self.state else []
        for child in self.children():
            out += child.expressions()
        return out

    def rule_refs(self) -> set[str]:
        """Rule ids the tree refers to."""
        out = {self.fired} if self.fired else set()
        for child in self.children():
            out |= child.rule_refs()
        return out

    def children(self) -> tuple[Condition, ...]:
        """Direct sub-conditions."""
        return (self.all or ()) + (self.any or ()) + ((self.not_,) if self.not_ else ())


class Effect(ContentModel):
    """What a fired end-of-run check does."""

    score: dict[str, float] = Field(default_factory=dict, description="Points per rubric dimension (raw)")
    feedback: str = Field(default="", description="Shown in the report when the check holds")


class Rule(ContentModel):
    """A check over the whole run, made when an ending is reached (or asked about by a transition)."""

    id: str = Field(description="Rule id, unique within the scenario")
    label: str = Field(description="Chinese name shown in the report")
    when: Condition = Field(description="Condition tree over the whole run")
    then: Effect = Field(description="Effect when it holds")
    miss: str = Field(default="", description="Shown as a missed opportunity when a scoring check does not hold")
    points: tuple[str, ...] = Field(default=(), description="Knowledge points the rule applies")

    _p = field_validator("points")(check_points)


class Expect(ContentModel):
    """What a good reply to this customer line does: one of these acts, worth points."""

    acts: tuple[str, ...] = Field(min_length=1, description="Concepts, any of which meets the need")
    need: str = Field(min_length=2, description="What the customer needs here, in Chinese")
    score: float = Field(gt=0, description="Raw points when met")
    dimension: str = Field(description="Rubric dimension")
    better: str = Field(min_length=2, description="A better phrasing, shown when the need was missed")
    state: dict[str, float] | None = Field(default=None, description="Change of state when met (default: the acts')")
    points: tuple[str, ...] = Field(default=(), description="Knowledge points")

    _p = field_validator("points")(check_points)


class Avoid(ContentModel):
    """What a reply to this customer line must not do, on top of the faults penalised everywhere."""

    acts: tuple[str, ...] = Field(min_length=1, description="Concepts, any of which commits the fault")
    label: str = Field(min_length=2, description="Chinese description of the fault")
    score: float = Field(lt=0, description="Points off the total (out of 100), every time")
    dimension: str = Field(description="Rubric dimension")
    state: dict[str, float] = Field(default_factory=dict, description="Change of state when committed")
    cap: float | None = Field(default=None, ge=0, le=100, description="The total cannot exceed this after it")
    points: tuple[str, ...] = Field(default=(), description="Knowledge points")

    _p = field_validator("points")(check_points)


@dataclass(frozen=True)
class TurnFacts:
    """What the engine knows about one trainee turn."""

    index: int
    node: str
    minutes: float
    text: str
    said: dict[str, list[str]]
    positions: dict[str, int]
    reading: Reading | None = None


@dataclass(frozen=True)
class View:
    """What a condition is evaluated against: the turns so far, the turn in focus, state, fired rules."""

    turns: tuple[TurnFacts, ...]
    current: TurnFacts | None
    state: dict[str, float]
    fired: frozenset[str]


@cache
def compile_expression(expression: str, variables: tuple[str, ...]) -> rule_engine.Rule:
    """Compile a state expression; unknown names or bad syntax raise rule_engine errors."""
    import rule_engine  # see the import at the top

    types = dict.fromkeys(variables, rule_engine.DataType.FLOAT)
    context = rule_engine.Context(type_resolver=rule_engine.type_resolver_from_dict(types))
    return rule_engine.Rule(expression, context=context)


@lru_cache(maxsize=4096)
def _state_holds(expression: str, state: tuple[tuple[str, float], ...]) -> bool:
    """Whether a state expression holds for these values (kept: runs pass through the same states)."""
    variables = tuple(name for name, _ in state)
    values = {k: Decimal(str(v)) for k, v in state}
    return bool(compile_expression(expression, variables).matches(values))


def holds(c: Condition, view: View) -> tuple[bool, list[str]]:
    """Whether the condition holds, with the words that show it."""
    if c.all is not None:
        words: list[str] = []
        for child in c.all:
            ok, w = holds(child, view)
            if not ok:
                return False, []
            words += w
        return True, words
    if c.any is not None:
        for child in c.any:
            ok, w = holds(child, view)
            if ok:
                return True, w
        return False, []
    if c.not_ is not None:
        return not holds(c.not_, view)[0], []
    if c.state is not None:
        return _state_holds(c.state, tuple(sorted(view.state.items()))), []
    if c.fired is not None:
        return c.fired in view.fired, []
    scope = _scope(c, view)
    if c.said is not None:
        words = [w for t in scope for w in t.said.get(c.said, [])]
        return bool(words), words
    if c.not_said is not None:
        return all(c.not_said not in t.said for t in scope), []
    assert c.before is not None
    return _before(c.before, scope)


def _in_window(c: Condition, t: TurnFacts) -> bool:
    return (
        (c.within_turns is None or t.index < c.within_turns)
        and (c.within_minutes is None or t.minutes <= c.within_minutes)
        and (c.node is None or t.node == c.node)
    )


def _scope(c: Condition, view: View) -> tuple[TurnFacts, ...]:
    """Turns a concept test looks at: `said` the turn in focus (the whole run at the end); others the run."""
    turns = (view.current,) if view.current is not None and c.said is not None else view.turns
    return tuple(t for t in turns if _in_window(c, t))


def _before(pair: tuple[str, str], turns: tuple[TurnFacts, ...]) -> tuple[bool, list[str]]:
    """Both concepts were said, and A's first mention came before B's first mention."""
    first, second = pair
    where: dict[str, tuple[int, int]] = {}
    words: list[str] = []
    for t in turns:
        for name in (first, second):
            if name in t.said and name not in where:
                where[name] = (t.index, t.positions[name])
                words += t.said[name]
    if first not in where or second not in where:
        return False, []
    return where[first] < where[second], words
