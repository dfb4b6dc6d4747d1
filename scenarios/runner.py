"""Play a scenario: a deterministic state machine fed by trainee answers, scored turn by turn."""

from __future__ import annotations

from dataclasses import dataclass, field

from grading.engine import Engine, Entry, Missed, Result, TurnReport
from grading.library import Library
from grading.rules import TurnFacts, View, holds
from grading.text import MAX_TEXT, squeeze
from scenarios.models import Line, Node, Scenario

MINUTES = "minutes"
TRAINEE = "学员"
EVENT = "事件"


def build_engine(scenario: Scenario, library: Library) -> Engine:
    """The rule engine for one scenario: shared concepts plus the scenario's own; its choice options read once."""
    engine = Engine.build(library, scenario.concepts, scenario.rules, scenario.rubric)
    engine.matcher.pin(c.text for n in scenario.nodes.values() if n.turn is not None for c in n.turn.choices)
    return engine


class InvalidAnswer(ValueError):
    """An answer that cannot be played (empty, too long, no such choice); it costs nothing."""


@dataclass(frozen=True)
class TurnOutcome:
    """What one answer did: its report, the state after it, and what the customer says next."""

    facts: TurnFacts
    report: TurnReport
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
    reports: list[TurnReport] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    missed: list[Missed] = field(default_factory=list)
    transcript: list[Line] = field(default_factory=list)
    meters: list[dict[str, float]] = field(default_factory=list)
    result: Result | None = None

    def __post_init__(self) -> None:
        self.state = {k: v.initial for k, v in self.scenario.state.items()}
        self.state[MINUTES] = 0.0
        self.meters.append(dict(self.state))
        self.transcript.extend(self._arrive(self.scenario.start, None))

    @property
    def finished(self) -> bool:
        """Whether an ending has been reached."""
        return self.result is not None

    def _view(self, current: TurnFacts | None, fired: frozenset[str] = frozenset()) -> View:
        return View(tuple(self.turns), current, dict(self.state), fired)

    def _held(self) -> frozenset[str]:
        """Run checks that hold now, so transitions and the report are decided by the same facts."""
        return frozenset(self.engine.checks(self._view(None))[2])

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
                entries, missed, _ = self.engine.checks(self._view(None))
                self.entries.extend(entries)
                self.missed.extend(missed)
                self.result = self.engine.total(self.entries, self.missed, self.reports, node_id)
                return lines
            if node.turn is not None:
                return lines
            node_id = self._next(node, facts)
        raise RuntimeError("scenario loops without a turn")  # excluded by validation

    def _next(self, node: Node, facts: TurnFacts | None) -> str:
        needs_checks = any(t.when is not None and t.when.rule_refs() for t in node.next)
        view = self._view(facts, self._held() if needs_checks else frozenset())
        for t in node.next:
            if t.when is None or holds(t.when, view)[0]:
                return t.goto
        return node.next[-1].goto

    def _customer_line(self) -> str:
        return next((line.text for line in reversed(self.transcript) if line.speaker != TRAINEE), "")

    def answer(self, response: str | int) -> TurnOutcome:
        """Play one answer: free text, or a choice number counted from 1."""
        if self.finished:
            raise InvalidAnswer("本次演练已经结束")
        node = self.scenario.nodes[self.node]
        turn = node.turn
        assert turn is not None
        text = self.text_of(response)
        self.state[MINUTES] += turn.minutes
        facts = self.engine.facts(text, len(self.turns), self.node, self.state[MINUTES])
        customer = self._customer_line()
        goto: str | None = None
        reply: tuple[Line, ...] = ()
        if turn.mode == "choice":
            picked = int(str(response).strip()) - 1
            options = [(c.text, c.score, c.dimension, dict(c.state), c.feedback) for c in turn.choices]
            scored = self.engine.score_choice(facts, picked, options, customer)
            choice = turn.choices[picked]
            goto = choice.goto
            if choice.reply:
                reply = (Line(speaker=self._customer_name(), text=choice.reply),)
        else:
            earlier = [t.text for t in self.turns]
            models = [n.turn.model_answer for n in self.scenario.nodes.values() if n.turn is not None]
            flags = self.engine.flags(facts.reading, earlier, models, turn.topic)  # type: ignore[arg-type]
            scored = self.engine.score_text(facts, turn.expects, turn.avoid, flags, customer)
            facts = self.engine.discount(facts, flags)
        self.turns.append(facts)
        self.reports.append(scored.report)
        self.entries.extend(scored.entries)
        self.missed.extend(scored.missed)
        self._change(scored.state)
        self.meters.append(dict(self.state))
        self.transcript.append(Line.model_construct(speaker=TRAINEE, text=text))  # checked by text_of
        if not reply:
            reply = self._reaction(facts, scored.state.get("emotion", 0.0))
        self.transcript.extend(reply)
        lines = self._arrive(goto or self._next(node, facts), facts)
        self.transcript.extend(lines)
        return TurnOutcome(facts, scored.report, dict(self.state), (*reply, *lines))

    def _reaction(self, facts: TurnFacts, emotion_change: float) -> tuple[Line, ...]:
        """The customer's first reaction whose mood matches how the meter moved and whose condition holds."""
        turn = self.scenario.nodes[self.node].turn
        assert turn is not None
        mood = "calmer" if emotion_change < 0 else "angrier"
        view = self._view(facts)
        for r in turn.reactions:
            if r.mood == mood and (r.when is None or holds(r.when, view)[0]):
                return r.say
        return ()

    def _customer_name(self) -> str:
        speakers = [line.speaker for n in self.scenario.nodes.values() for line in n.say if line.speaker != EVENT]
        return speakers[0] if speakers else "客户"

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
