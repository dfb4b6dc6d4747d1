"""Play a scenario: a deterministic state machine fed by trainee answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from grading.engine import Engine, Firing, Result
from grading.library import Library
from grading.rules import TurnFacts, View, holds
from grading.text import MAX_TEXT, squeeze
from scenarios.models import Line, Scenario

MINUTES = "minutes"
TRAINEE = "学员"


def build_engine(scenario: Scenario, library: Library) -> Engine:
    """The rule engine for one scenario: shared concepts plus the scenario's own."""
    concepts = {k: c.phrases for k, c in library.concepts.items()}
    concepts.update({k: c.phrases for k, c in scenario.concepts.items()})
    rubric = {k: (library.dimensions[k].label, w) for k, w in scenario.rubric.items()}
    return Engine(scenario.rules, concepts, rubric)


class InvalidAnswer(ValueError):
    """An answer that cannot be played (empty, too long, no such choice); it costs nothing."""


@dataclass(frozen=True)
class TurnOutcome:
    """What one answer did: the rules it fired, the state after it, and what the customer says next."""

    facts: TurnFacts
    firings: tuple[Firing, ...]
    state: dict[str, float]
    lines: tuple[Line, ...]


@dataclass
class Run:
    """One play-through. Feed answers with `answer`; replaying the same answers gives the same run."""

    scenario: Scenario
    engine: Engine
    node: str = ""
    state: dict[str, float] = field(default_factory=dict)
    turns: list[TurnFacts] = field(default_factory=list)
    firings: list[Firing] = field(default_factory=list)
    transcript: list[Line] = field(default_factory=list)
    result: Result | None = None

    def __post_init__(self) -> None:
        self.state = {k: v.initial for k, v in self.scenario.state.items()}
        self.state[MINUTES] = 0.0
        self.transcript.extend(self._arrive(self.scenario.start, None))

    @property
    def finished(self) -> bool:
        """Whether an ending has been reached."""
        return self.result is not None

    def _view(self, current: TurnFacts | None) -> View:
        return View(tuple(self.turns), current, dict(self.state), frozenset(f.rule for f in self.firings))

    def _change(self, deltas: dict[str, float]) -> None:
        for name, delta in deltas.items():
            var = self.scenario.state.get(name)
            value = self.state.get(name, 0.0) + delta
            self.state[name] = value if var is None else max(var.min, min(var.max, value))

    def _arrive(self, node_id: str, facts: TurnFacts | None) -> list[Line]:
        lines: list[Line] = []
        for _ in range(len(self.scenario.nodes) + 1):
            self.node = node_id
            node = self.scenario.nodes[node_id]
            self._change(node.state)
            lines.extend(node.say)
            if node.ending is not None:
                end = self.engine.fire(self._view(None), "end")
                self.firings.extend(end)
                self.result = self.engine.score(self.firings, node_id)
                return lines
            if node.turn is not None:
                return lines
            node_id = self._next(facts)
        raise RuntimeError("scenario loops without a turn")  # excluded by validation

    def _next(self, facts: TurnFacts | None) -> str:
        view = self._view(facts)
        node = self.scenario.nodes[self.node]
        for t in node.next:
            if t.when is None or holds(t.when, view)[0]:
                return t.goto
        return node.next[-1].goto

    def answer(self, response: str | int) -> TurnOutcome:
        """Play one answer: free text, or a choice number counted from 1."""
        if self.finished:
            raise InvalidAnswer("本次演练已经结束")
        turn = self.scenario.nodes[self.node].turn
        assert turn is not None
        text = self.text_of(response)
        self.state[MINUTES] += turn.minutes
        facts = self.engine.facts(text, len(self.turns), self.node, self.state[MINUTES])
        self.turns.append(facts)
        fired = self.engine.fire(self._view(facts), "turn")
        self.firings.extend(fired)
        for f in fired:
            rule = next(r for r in self.scenario.rules if r.id == f.rule)
            self._change(rule.then.state)
        self.transcript.append(Line(speaker=TRAINEE, text=text))
        lines = self._arrive(self._next(facts), facts)
        self.transcript.extend(lines)
        return TurnOutcome(facts, tuple(fired), dict(self.state), tuple(lines))

    def text_of(self, response: str | int) -> str:
        """The text a response stands for, or InvalidAnswer with a message in Chinese."""
        turn = self.scenario.nodes[self.node].turn
        assert turn is not None
        if turn.mode == "choice":
            if isinstance(response, str) and response.strip().isdigit():
                response = int(response.strip())
            if not isinstance(response, int) or isinstance(response, bool):
                raise InvalidAnswer("请选择一个选项")
            if not 1 <= response <= len(turn.choices):
                raise InvalidAnswer(f"请选择 1 到 {len(turn.choices)} 之间的选项")
            return turn.choices[response - 1].text
        if not isinstance(response, str) or not squeeze(response):
            raise InvalidAnswer("请先写下你对客户说的话")
        if len(response) > MAX_TEXT:
            raise InvalidAnswer(f"回答太长({len(response)} 字),请控制在 {MAX_TEXT} 字以内")
        return response.strip()


def replay(scenario: Scenario, engine: Engine, responses: list[str | int]) -> Run:
    """Rebuild a run from its stored answers."""
    run = Run(scenario, engine)
    for response in responses:
        if run.finished:
            break
        run.answer(response)
    return run
