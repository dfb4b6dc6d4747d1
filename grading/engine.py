"""The rule engine: reads a turn, scores it against what the customer's line needs, and totals a run.

Every point is a line of the report: a need met (or a wrong choice, or a check over the run) earns points,
every fault costs points each time it is committed, and a cap or floor is a line of its own, so the total is
the sum of the lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from grading.library import Concept, Library
from grading.matcher import MODEL, ConceptMatcher, Mention, Reading
from grading.rules import Avoid, Expect, Rule, TurnFacts, View, holds
from grading.text import PUNCT, squeeze

# How much of a turn's credit survives when it games the engine.
GAMING_FACTORS = {"list": 0.15, "repeat": 0.2, "copy": 0.2, "off_topic": 0.25}
GAMING_LABELS = {
    "list": "像一串关键词，没有完整的句子",
    "repeat": "和前面的回答几乎一样",
    "copy": "照搬参考答案",
    "off_topic": "没有回应客户这句话说的事",
}
# A fault or an act no phrase or sentence shape names, found from the words of the whole reply
# (grading/second_opinion.py).
MODEL_NOTE = "没有对应的固定说法，按整句用词判断，依据是最能说明问题的一句"
SIMILAR_TO_EARLIER = 80
SIMILAR_TO_MODEL = 85
MIN_COMPARE = 8
PER_TURN_REPEATS = 2
UNANSWERED = {"emotion": 6.0, "trust": -4.0}
BRUSHED_OFF = {"emotion": 5.0, "trust": -3.0}
WRONG_CHOICE = {"emotion": 8.0, "trust": -6.0}
RIGHT_CHOICE = {"emotion": -6.0, "trust": 5.0}
DEFAULT_EFFECT = {"emotion": -4.0, "trust": 3.0}


@dataclass(frozen=True)
class ScoreLine:
    """One line of the report: points earned or lost, with the turn and the words behind them."""

    turn: int | None
    kind: str  # credit | choice | penalty | check | cap | floor
    label: str
    points: float
    possible: float
    dimension: str
    words: tuple[str, ...] = ()
    feedback: str = ""
    knowledge: tuple[str, ...] = ()
    rule: str = ""


@dataclass(frozen=True)
class Need:
    """One thing the customer's line needed, whether the reply did it, and a better phrasing."""

    need: str
    met: bool
    words: tuple[str, ...]
    better: str


@dataclass(frozen=True)
class TurnReport:
    """What one turn was about and what it did."""

    index: int
    node: str
    customer: str
    reply: str
    needs: tuple[Need, ...]
    did: tuple[str, ...]
    faults: tuple[str, ...]
    flags: tuple[str, ...]
    emotion: float
    trust: float


@dataclass(frozen=True)
class Missed:
    """A need not met or a check that did not hold: a missed opportunity."""

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
class Entry:
    """A line before scaling: credits in raw points, penalties already out of 100."""

    turn: int | None
    kind: str
    label: str
    raw: float
    possible: float
    dimension: str
    words: tuple[str, ...] = ()
    feedback: str = ""
    knowledge: tuple[str, ...] = ()
    rule: str = ""
    cap: float | None = None


@dataclass(frozen=True)
class TurnScore:
    """What one answer earned and did to the customer's state."""

    entries: tuple[Entry, ...]
    missed: tuple[Missed, ...]
    state: dict[str, float]
    report: TurnReport


@dataclass(frozen=True)
class Result:
    """The outcome of a run: total out of 100 (the sum of the lines), dimensions, lines, turns, missed."""

    total: float
    dimensions: tuple[DimensionScore, ...]
    lines: tuple[ScoreLine, ...]
    missed: tuple[Missed, ...]
    ending: str | None = None
    turns: tuple[TurnReport, ...] = field(default=())

    @property
    def fired(self) -> tuple[ScoreLine, ...]:
        """Lines that earned or cost points."""
        return tuple(line for line in self.lines if line.points != 0)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for storage and export."""
        return {
            "total": self.total,
            "ending": self.ending,
            "dimensions": {
                d.name: {"label": d.label, "weight": d.weight, "fraction": round(d.fraction, 4)}
                for d in self.dimensions
            },
            "lines": [asdict(line) for line in self.lines],
            "missed": [asdict(m) for m in self.missed],
            "turns": [asdict(t) for t in self.turns],
        }


@lru_cache(maxsize=4096)
def _flat(text: str) -> str:
    return squeeze(text)


def _add(total: dict[str, float], change: Mapping[str, float], factor: float = 1.0) -> None:
    for k, v in change.items():
        total[k] = total.get(k, 0.0) + v * factor


@dataclass
class Engine:
    """Scores turns of one scenario over its concept vocabulary, faults, checks and rubric."""

    concepts: dict[str, Concept]
    rules: tuple[Rule, ...]
    rubric: dict[str, tuple[str, float]]  # name -> (label, weight)
    local: frozenset[str] = frozenset()  # the scenario's own concepts: saying one shows the reply is on topic
    matcher: ConceptMatcher = field(init=False)
    _penalised: tuple[str, ...] = field(init=False, default=())

    @classmethod
    def build(
        cls,
        library: Library,
        local: Mapping[str, Concept],
        rules: Iterable[Rule],
        rubric: Mapping[str, float],
    ) -> Engine:
        """An engine for the library's concepts plus a scenario's own."""
        concepts = {**library.concepts, **local}
        dims = {k: (library.dimensions[k].label if k in library.dimensions else k, w) for k, w in rubric.items()}
        return cls(concepts, tuple(rules), dims, frozenset(local))

    def __post_init__(self) -> None:
        self._penalised = tuple(k for k, c in self.concepts.items() if c.penalty is not None)
        self.matcher = ConceptMatcher(
            {k: c.phrases for k, c in self.concepts.items()},
            [k for k, c in self.concepts.items() if c.kind == "fault"],
            [k for k, c in self.concepts.items() if c.ask_ok],
            [k for k in self.concepts if k not in self.local],
        )

    def _effect(self, concept: str) -> dict[str, float]:
        return self.concepts[concept].effect or DEFAULT_EFFECT

    def label(self, concept: str) -> str:
        """The Chinese name of a concept."""
        c = self.concepts.get(concept)
        return c.label if c is not None else concept

    def facts(self, text: str, index: int, node: str, minutes: float) -> TurnFacts:
        """What one turn says, as affirmed concepts with evidence."""
        reading = self.matcher.read(text)
        return TurnFacts(index, node, minutes, text, reading.said, reading.positions, reading)

    def flags(
        self, reading: Reading, earlier: Iterable[str], models: Iterable[str], topic: Iterable[str]
    ) -> tuple[str, ...]:
        """How a reply games the engine: a keyword list, a repeat, a copied model answer, off the topic."""
        out = []
        if reading.list_like:
            out.append("list")
        mine = PUNCT.sub("", reading.text)  # the reading's text is normalised already
        if len(mine) >= MIN_COMPARE:
            if any(fuzz.ratio(mine, _flat(e), score_cutoff=SIMILAR_TO_EARLIER) for e in earlier):
                out.append("repeat")
            if any(fuzz.ratio(mine, _flat(m), score_cutoff=SIMILAR_TO_MODEL) for m in models):
                out.append("copy")
        words = [w for w in topic if w]
        if words and not any(w in reading.text for w in words) and not (self.local & set(reading.said)):
            out.append("off_topic")
        return tuple(out)

    def discount(self, facts: TurnFacts, flags: tuple[str, ...]) -> TurnFacts:
        """A gaming turn's acts do not count for checks over the run or transitions; its faults still do."""
        if not flags:
            return facts
        said = {k: v for k, v in facts.said.items() if self.concepts[k].kind == "fault"}
        positions = {k: v for k, v in facts.positions.items() if k in said}
        return TurnFacts(facts.index, facts.node, facts.minutes, facts.text, said, positions, facts.reading)

    def score_text(
        self,
        facts: TurnFacts,
        expects: Iterable[Expect],
        avoids: Iterable[Avoid],
        flags: tuple[str, ...],
        customer: str,
    ) -> TurnScore:
        """Credit for each need of the customer's line the reply meets, and a penalty for every fault."""
        reading = facts.reading
        assert reading is not None
        factor = min((GAMING_FACTORS[f] for f in flags), default=1.0)
        note = "；".join(GAMING_LABELS[f] for f in flags)
        entries: list[Entry] = []
        missed: list[Missed] = []
        needs: list[Need] = []
        change: dict[str, float] = {}
        met_any = False
        for i, exp in enumerate(expects):
            acts = [a for a in exp.acts if a in facts.said]
            words = tuple(w for a in acts for w in facts.said[a])
            feedback = f"只计 {round(factor * 100)}%：{note}" if acts and factor < 1 else ""
            if acts and all(a in reading.by_model for a in acts):
                feedback = "；".join(x for x in (MODEL_NOTE, feedback) if x)
            rule = f"{facts.node}:{i}"
            entries.append(
                Entry(facts.index, "credit", exp.need, exp.score * factor if acts else 0.0, exp.score,
                      exp.dimension, words, feedback, exp.points, rule)
            )  # fmt: skip
            needs.append(Need(exp.need, bool(acts), words, exp.better))
            if acts:
                met_any = True
                _add(change, exp.state if exp.state is not None else self._effect(acts[0]), factor)
            else:
                missed.append(Missed(rule, f"{exp.need}。可以这样说：{exp.better}", (exp.dimension,), exp.points))
        faults: list[str] = []
        committed: dict[str, list[Mention]] = {}
        for m in reading.mentions:
            if m.concept in self._penalised and not m.negated:
                committed.setdefault(m.concept, []).append(m)
        for name in self._penalised:
            concept = self.concepts[name]
            assert concept.penalty is not None
            for m in committed.get(name, ())[:PER_TURN_REPEATS]:
                faults.append(concept.label)
                note = MODEL_NOTE if m.via == MODEL else ""
                entries.append(
                    Entry(facts.index, "penalty", concept.label, concept.penalty.score, 0.0,
                          concept.penalty.dimension, (m.phrase,), note, (), name, concept.penalty.cap)
                )  # fmt: skip
                _add(change, concept.effect)
        for j, avoid in enumerate(avoids):
            acts = [a for a in avoid.acts if a in facts.said]
            if acts:
                faults.append(avoid.label)
                words = tuple(w for a in acts for w in facts.said[a])
                entries.append(
                    Entry(facts.index, "penalty", avoid.label, avoid.score, 0.0, avoid.dimension, words, "",
                          avoid.points, f"{facts.node}:avoid:{j}", avoid.cap)
                )  # fmt: skip
                _add(change, avoid.state)
        if flags:
            _add(change, BRUSHED_OFF)
        if not met_any:
            _add(change, UNANSWERED)
        change = _moving(change)
        did = tuple(
            f"{self.label(k)}（{'、'.join(v)}）" for k, v in facts.said.items() if self.concepts[k].kind == "act"
        )
        report = TurnReport(
            facts.index, facts.node, customer, facts.text, tuple(needs), did, tuple(faults),
            tuple(GAMING_LABELS[f] for f in flags), change.get("emotion", 0.0), change.get("trust", 0.0),
        )  # fmt: skip
        return TurnScore(tuple(entries), tuple(missed), change, report)

    def score_choice(
        self,
        facts: TurnFacts,
        picked: int,
        options: list[tuple[str, float, str, dict[str, float], str]],
        customer: str,
    ) -> TurnScore:
        """A chosen option earns its own score (a wrong one nothing or less) and has its own effect on state.

        options: (text, score, dimension, state, feedback) for each option.
        """
        text, score, dimension, state, feedback = options[picked]
        best = max(range(len(options)), key=lambda i: options[i][1])
        possible = options[best][1]
        right = picked == best
        entry = Entry(facts.index, "choice", feedback or text, score, possible, dimension, (text,), "", (),
                      f"{facts.node}:choice")  # fmt: skip
        change = dict(state) if state else dict(RIGHT_CHOICE if right else WRONG_CHOICE)
        change = _moving(change)
        missed = () if right else (Missed(f"{facts.node}:choice", f"更好的选择：{options[best][0]}", (dimension,), ()),)
        need = Need("选出最恰当的做法", right, (text,), options[best][0])
        report = TurnReport(
            facts.index, facts.node, customer, text, (need,), (), () if score >= 0 else (feedback or text,), (),
            change.get("emotion", 0.0), change.get("trust", 0.0),
        )  # fmt: skip
        return TurnScore((entry,), missed, change, report)

    def checks(self, view: View) -> tuple[list[Entry], list[Missed], set[str]]:
        """Checks over the whole run: the lines they earn, the ones missed, and the ids that hold."""
        entries: list[Entry] = []
        missed: list[Missed] = []
        held: set[str] = set()
        for rule in self.rules:
            ok, words = holds(rule.when, view)
            positive = {k: v for k, v in rule.then.score.items() if v > 0}
            if ok:
                held.add(rule.id)
            for dim, value in rule.then.score.items():
                entries.append(
                    Entry(None, "check", rule.label, value if ok else 0.0, max(0.0, value), dim,
                          tuple(dict.fromkeys(words)), rule.then.feedback if ok else rule.miss, rule.points, rule.id)
                )  # fmt: skip
            if not ok and positive:
                missed.append(Missed(rule.id, rule.miss or rule.label, tuple(positive), rule.points))
        return entries, missed, held

    def total(self, entries: list[Entry], missed: list[Missed], turns: list[TurnReport], ending: str | None) -> Result:
        """Scale credits to 100, add penalties, then a cap and a floor as lines of their own."""
        possible = sum(e.possible for e in entries if e.kind != "penalty")
        scale = 100.0 / possible if possible > 0 else 0.0
        lines: list[ScoreLine] = []
        for e in entries:
            fixed = e.kind == "penalty"
            points = round(e.raw if fixed else e.raw * scale, 1)
            lines.append(
                ScoreLine(e.turn, e.kind, e.label, points, round(e.possible * scale, 1), e.dimension, e.words,
                          e.feedback, e.knowledge, e.rule)
            )  # fmt: skip
        subtotal = round(sum(line.points for line in lines), 1)
        caps = [e.cap for e in entries if e.cap is not None]
        if caps and subtotal > min(caps):
            cap = min(caps)
            lines.append(
                ScoreLine(None, "cap", f"出现失礼、指责或推诿，总分最高 {cap:g} 分", round(cap - subtotal, 1), 0.0, "")
            )
        elif subtotal > 100:
            lines.append(ScoreLine(None, "cap", "总分最高 100 分", round(100 - subtotal, 1), 0.0, ""))
        subtotal = round(sum(line.points for line in lines), 1)
        if subtotal < 0:
            lines.append(ScoreLine(None, "floor", "总分最低 0 分", round(-subtotal, 1), 0.0, ""))
        total = round(sum(line.points for line in lines), 1) + 0.0
        dims = []
        for name, (label, weight) in self.rubric.items():
            earned = sum(line.points for line in lines if line.dimension == name)
            top = sum(line.possible for line in lines if line.dimension == name)
            dims.append(DimensionScore(name, label, weight, earned, top))
        return Result(total, tuple(dims), tuple(lines), tuple(missed), ending, tuple(turns))


def _moving(change: dict[str, float]) -> dict[str, float]:
    """Every turn moves both meters: a calmer customer trusts a little more, an angrier one a little less."""
    out = {k: round(v, 1) for k, v in change.items()}
    emotion = out.get("emotion", 0.0)
    if emotion == 0:
        emotion = out["emotion"] = -2.0 if out.get("trust", 0.0) > 0 else 3.0
    if out.get("trust", 0.0) == 0:
        out["trust"] = 2.0 if emotion < 0 else -2.0
    return out
