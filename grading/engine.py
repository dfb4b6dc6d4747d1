"""The rule engine: turns free text into concept facts, fires rules and scores a run on rubric dimensions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from grading.matcher import ConceptMatcher
from grading.rules import Rule, TurnFacts, View, holds


@dataclass(frozen=True)
class Firing:
    """A rule that fired, with the turn and words that caused it."""

    rule: str
    turn: int | None
    words: tuple[str, ...]
    score: dict[str, float]
    feedback: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class Missed:
    """A scoring rule that never fired: a missed opportunity."""

    rule: str
    feedback: str
    dimensions: tuple[str, ...]
    points: tuple[str, ...]


@dataclass(frozen=True)
class DimensionScore:
    """Score on one rubric dimension, as a part of 1."""

    name: str
    label: str
    weight: float
    earned: float
    possible: float

    @property
    def fraction(self) -> float:
        """Earned over possible, clamped to 0..1."""
        return 0.0 if self.possible <= 0 else max(0.0, min(1.0, self.earned / self.possible))


@dataclass(frozen=True)
class Result:
    """The outcome of a run: total out of 100, dimensions, fired and missed rules."""

    total: float
    dimensions: tuple[DimensionScore, ...]
    fired: tuple[Firing, ...]
    missed: tuple[Missed, ...]
    ending: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for storage and export."""
        return {
            "total": self.total,
            "ending": self.ending,
            "dimensions": {
                d.name: {"label": d.label, "weight": d.weight, "fraction": round(d.fraction, 4)}
                for d in self.dimensions
            },
            "fired": [f.__dict__ for f in self.fired],
            "missed": [m.__dict__ for m in self.missed],
        }


@dataclass
class Engine:
    """Scores turns against rules over a fixed concept vocabulary and rubric."""

    rules: tuple[Rule, ...]
    concepts: dict[str, tuple[str, ...]]
    rubric: dict[str, tuple[str, float]]  # name -> (label, weight)
    matcher: ConceptMatcher = field(init=False)

    def __post_init__(self) -> None:
        self.matcher = ConceptMatcher(self.concepts)

    def facts(self, text: str, index: int, node: str, minutes: float) -> TurnFacts:
        """What one turn says, as concepts with evidence."""
        said, first = self.matcher.read(text)
        return TurnFacts(index, node, minutes, text, said, first)

    def fire(self, view: View, at: str) -> list[Firing]:
        """Rules of kind `at` that hold now and have not fired before."""
        out = []
        fired = set(view.fired)
        for rule in self.rules:
            if rule.at != at or rule.id in fired:
                continue
            current = View(view.turns, view.current, view.state, frozenset(fired))
            ok, words = holds(rule.when, current)
            if ok:
                fired.add(rule.id)
                turn = view.current.index if view.current is not None else None
                out.append(
                    Firing(
                        rule.id,
                        turn,
                        tuple(dict.fromkeys(words)),
                        dict(rule.then.score),
                        rule.then.feedback,
                        rule.points,
                    )
                )
        return out

    def score(self, firings: list[Firing], ending: str | None = None) -> Result:
        """Total and per-dimension scores from the rules that fired."""
        fired_ids = {f.rule for f in firings}
        dims = []
        for name, (label, weight) in self.rubric.items():
            possible = sum(max(0.0, r.then.score.get(name, 0.0)) for r in self.rules)
            earned = sum(f.score.get(name, 0.0) for f in firings)
            dims.append(DimensionScore(name, label, weight, earned, possible))
        weights = sum(d.weight for d in dims) or 1.0
        total = round(100 * sum(d.weight * d.fraction for d in dims) / weights, 1)
        missed = tuple(
            Missed(r.id, r.miss, tuple(k for k, v in r.then.score.items() if v > 0), r.points)
            for r in self.rules
            if r.id not in fired_ids and any(v > 0 for v in r.then.score.values())
        )
        return Result(total, tuple(dims), tuple(firings), missed, ending)
