"""Instructors' overrides of the rule engine's verdicts on a run's turns: stored per run, turn and rule, applied
by the engine's own total so the report lines still sum to the total, and collected per rule (with the reply
behind each) as material for improving concepts and rules and as labelled utterances for the engine's tests."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select

from grading.engine import GAMING_FACTORS, GAMING_LABELS, Entry, Missed, Need, Result, ScoreLine, TurnReport
from grading.library import Library
from grading.matcher import ConceptMatcher
from scenarios.runner import Run
from store.db import Database
from store.tables import RuleOverride, ScenarioRun, ScenarioTurn, utcnow

NEED, AVOID, FAULT = "need", "avoid", "fault"
CATEGORY = "override"
MAX_COMMENT = 500  # the category of exported utterances in the engine's labelled set


class OverrideError(ValueError):
    """An override that cannot be made; the message says why, in Chinese."""


@dataclass(frozen=True)
class Verdict:
    """One rule the engine judged on one turn: what it is, the concepts behind it, and whether it fired."""

    turn: int
    rule: str  # node:i for a need, node:avoid:j for a fault of this line, a concept id for a fault anywhere
    kind: str  # need | avoid | fault
    label: str
    fired: bool  # the engine's verdict
    acts: tuple[str, ...]  # concepts any of which makes it fire
    found: tuple[str, ...]  # of those, the ones the reader found in the reply
    points: float  # what the rule is worth when it fires (raw points of a need, points off for a fault)


@dataclass(frozen=True)
class Override:
    """An instructor's verdict on a rule for a turn."""

    turn: int
    rule: str
    fired: bool
    comment: str
    concepts: tuple[str, ...] = ()
    label: str = ""


@dataclass(frozen=True)
class OverriddenLine(ScoreLine):
    """A report line whose verdict an instructor changed: the comment, and whether it now fires."""

    override: str = ""
    overridden_to: bool = False


def verdicts(run: Run, turn: int) -> list[Verdict]:
    """Every rule that can be overridden on a free-text turn, with the engine's verdict; none on a choice."""
    if not 0 <= turn < len(run.turns):
        return []
    facts = run.turns[turn]
    node = run.scenario.nodes[facts.node].turn
    if node is None or node.mode != "text":
        return []
    reading = facts.reading
    said = set(reading.said) if reading is not None else set(facts.said)
    mine = [e for e in run.entries if e.turn == turn]
    out: list[Verdict] = []
    for i, exp in enumerate(node.expects):
        rule = f"{facts.node}:{i}"
        fired = any(e.rule == rule and e.kind == "credit" and e.raw > 0 for e in mine)
        found = tuple(a for a in exp.acts if a in said)
        out.append(Verdict(turn, rule, NEED, exp.need, fired, exp.acts, found, exp.score))
    for j, avoid in enumerate(node.avoid):
        rule = f"{facts.node}:avoid:{j}"
        fired = any(e.rule == rule and e.kind == "penalty" for e in mine)
        found = tuple(a for a in avoid.acts if a in said)
        out.append(Verdict(turn, rule, AVOID, avoid.label, fired, avoid.acts, found, avoid.score))
    for name, concept in run.engine.concepts.items():
        if concept.penalty is None:
            continue
        fired = any(e.rule == name and e.kind == "penalty" for e in mine)
        found = (name,) if name in said else ()
        out.append(Verdict(turn, name, FAULT, concept.label, fired, (name,), found, concept.penalty.score))
    return out


def verdict(run: Run, turn: int, rule: str) -> Verdict | None:
    """The engine's verdict on one rule of one turn, or None when there is no such rule there."""
    return next((v for v in verdicts(run, turn) if v.rule == rule), None)


def concepts_for(v: Verdict, fired: bool, concept: str | None) -> tuple[str, ...]:
    """The concepts an override labels: the one the reply did (fired), or the ones wrongly read (not fired)."""
    if fired == v.fired:
        raise OverrideError("与系统原来的判定相同，无需更正；要恢复系统判定，请撤销更正")
    if not fired:
        return v.found or v.acts
    if concept is None and len(v.acts) == 1:
        concept = v.acts[0]
    if concept not in v.acts:
        raise OverrideError("请选择学员的回答做到的是哪一项")
    return (concept,)


def _need_line(run: Run, turn: int, rule: str) -> tuple[str, str]:
    node, index = rule.split(":")
    t = run.scenario.nodes[node].turn
    assert t is not None
    exp = t.expects[int(index)]
    return exp.need, exp.better


def apply(run: Run, overrides: Iterable[Override]) -> Result:
    """The finished run's result with the instructors' verdicts in place of the engine's, totalled by the
    engine's own total (the lines still sum to the total). The conversation stays as it was played: the
    customer's reactions, the path and the checks over the whole run are not replayed."""
    assert run.result is not None
    entries: list[Entry] = list(run.entries)
    notes: list[tuple[str, bool] | None] = [None] * len(entries)
    missed: list[Missed] = list(run.missed)
    reports: list[TurnReport] = list(run.reports)
    for o in overrides:
        v = verdict(run, o.turn, o.rule)
        if v is None or v.fired == o.fired:
            continue  # the engine agrees now, or the rule is gone: nothing to change
        report = reports[o.turn]
        if v.kind == NEED:
            k = next(k for k, e in enumerate(entries) if e.turn == o.turn and e.rule == o.rule and e.kind == "credit")
            e = entries[k]
            # a need met by override earns what a met need earns on this turn: a gaming turn keeps its discount
            factor = min((GAMING_FACTORS[f] for f, label in GAMING_LABELS.items() if label in report.flags), default=1)
            raw = e.possible * factor if o.fired else 0.0
            feedback = f"只计 {round(factor * 100)}%：{'；'.join(report.flags)}" if o.fired and factor < 1 else ""
            entries[k] = replace(e, raw=raw, feedback=feedback, words=e.words if o.fired else ())
            notes[k] = (o.comment, o.fired)
            need, better = _need_line(run, o.turn, o.rule)
            index = int(o.rule.split(":")[1])
            needs = list(report.needs)
            if index < len(needs):
                needs[index] = Need(needs[index].need, o.fired, needs[index].words if o.fired else (), better)
            reports[o.turn] = replace(report, needs=tuple(needs))
            if o.fired:
                gone = next((m for m in missed if m.rule == o.rule), None)
                if gone is not None:
                    missed.remove(gone)
            else:
                missed.append(Missed(o.rule, f"{need}。可以这样说：{better}", (e.dimension,), e.knowledge))
            continue
        if o.fired:
            entry = _penalty(run, v, o.turn)
            at = max((k for k, e in enumerate(entries) if e.turn == o.turn), default=len(entries) - 1) + 1
            entries.insert(at, entry)
            notes.insert(at, (o.comment, True))
            reports[o.turn] = replace(report, faults=(*report.faults, v.label))
        else:  # the fault's lines stay, at no cost and without its cap, so the report shows what changed
            for k, e in enumerate(entries):
                if e.turn == o.turn and e.rule == o.rule and e.kind == "penalty":
                    entries[k] = replace(e, raw=0.0, cap=None)
                    notes[k] = (o.comment, False)
            reports[o.turn] = replace(report, faults=tuple(f for f in report.faults if f != v.label))
    result = run.engine.total(entries, missed, reports, run.result.ending)
    lines: list[ScoreLine] = []
    for k, line in enumerate(result.lines):
        note = notes[k] if k < len(notes) else None
        lines.append(line if note is None else OverriddenLine(**vars(line), override=note[0], overridden_to=note[1]))
    return replace(result, lines=tuple(lines))


def _penalty(run: Run, v: Verdict, turn: int) -> Entry:
    if v.kind == FAULT:
        concept = run.engine.concepts[v.rule]
        assert concept.penalty is not None
        p = concept.penalty
        return Entry(turn, "penalty", v.label, p.score, 0.0, p.dimension, (), "", (), v.rule, p.cap)
    node, _, index = v.rule.split(":")
    t = run.scenario.nodes[node].turn
    assert t is not None
    a = t.avoid[int(index)]
    return Entry(turn, "penalty", a.label, a.score, 0.0, a.dimension, (), "", a.points, v.rule, a.cap)


# --- storage ---------------------------------------------------------------------------------------------


def overrides_of(db: Database, run_id: int) -> list[Override]:
    """The overrides stored for a run, in the order they were made."""
    with db.session() as s:
        rows = s.scalars(select(RuleOverride).where(RuleOverride.run_id == run_id).order_by(RuleOverride.id))
        return [Override(r.turn, r.rule, r.fired, r.comment, tuple(r.concepts), r.label) for r in rows]


def overrides_of_runs(db: Database, run_ids: Iterable[int]) -> dict[int, list[Override]]:
    """The overrides stored for several runs in one query, each run's in the order they were made."""
    ids = sorted(set(run_ids))
    out: dict[int, list[Override]] = {i: [] for i in ids}
    if not ids:
        return out
    with db.session() as s:
        rows = s.scalars(select(RuleOverride).where(RuleOverride.run_id.in_(ids)).order_by(RuleOverride.id))
        for r in rows:
            out[r.run_id].append(Override(r.turn, r.rule, r.fired, r.comment, tuple(r.concepts), r.label))
    return out


def save(
    db: Database, run_id: int, instructor_id: int, v: Verdict, fired: bool, comment: str, concept: str | None
) -> None:
    """Store an override; a later one on the same run, turn and rule replaces the earlier."""
    comment = comment.strip()
    if not comment:
        raise OverrideError("请写明更正的理由")
    if len(comment) > MAX_COMMENT:
        raise OverrideError(f"理由请控制在 {MAX_COMMENT} 字以内")
    concepts = concepts_for(v, fired, concept)
    with db.session() as s:
        row = s.scalar(
            select(RuleOverride).where(
                RuleOverride.run_id == run_id, RuleOverride.turn == v.turn, RuleOverride.rule == v.rule
            )
        )
        if row is None:
            row = RuleOverride(run_id=run_id, turn=v.turn, rule=v.rule)
            s.add(row)
        row.fired = fired
        row.concepts = list(concepts)
        row.label = v.label
        row.comment = comment
        row.instructor_id = instructor_id
        row.created_at = utcnow()
        s.flush()


def remove(db: Database, run_id: int, turn: int, rule: str) -> bool:
    """Remove an override; whether there was one."""
    with db.session() as s:
        row = s.scalar(
            select(RuleOverride).where(
                RuleOverride.run_id == run_id, RuleOverride.turn == turn, RuleOverride.rule == rule
            )
        )
        if row is None:
            return False
        s.delete(row)
        s.flush()
        return True


def overridden(stored: dict[str, Any] | None) -> bool:
    """Whether a run's stored result carries instructors' overrides (every applied override marks a line)."""
    return any("override" in line for line in (stored or {}).get("lines", ()))


def store_total(db: Database, run_id: int, result: Result) -> None:
    """Write a re-totalled result on the run, so every list and board shows the corrected total."""
    with db.session() as s:
        row = s.get(ScenarioRun, run_id)
        assert row is not None
        row.total = result.total
        row.result = result.to_dict()


# --- collection ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Collected:
    """One stored override with the reply it was made on."""

    scenario_id: str
    run_id: int
    turn: int
    rule: str
    label: str
    fired: bool
    concepts: tuple[str, ...]
    comment: str
    text: str


@dataclass
class RuleTally:
    """How often one rule of a scenario was overridden, each way, and the replies behind it."""

    scenario_id: str
    rule: str
    label: str
    to_fired: int = 0
    to_not_fired: int = 0
    items: list[Collected] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Overrides of this rule."""
        return self.to_fired + self.to_not_fired


def collect(db: Database, scenario_id: str | None = None) -> list[Collected]:
    """Every override with its turn's text, optionally of one scenario."""
    query = (
        select(RuleOverride, ScenarioRun.scenario_id, ScenarioTurn.text)
        .join(ScenarioRun, ScenarioRun.id == RuleOverride.run_id)
        .join(ScenarioTurn, (ScenarioTurn.run_id == RuleOverride.run_id) & (ScenarioTurn.idx == RuleOverride.turn))
        .order_by(RuleOverride.id)
    )
    if scenario_id is not None:
        query = query.where(ScenarioRun.scenario_id == scenario_id)
    with db.session() as s:
        return [
            Collected(sid, o.run_id, o.turn, o.rule, o.label, o.fired, tuple(o.concepts), o.comment, text)
            for o, sid, text in s.execute(query)
        ]


def tally(items: Iterable[Collected]) -> dict[str, list[RuleTally]]:
    """Per scenario, its overridden rules, most often overridden first."""
    rules: dict[tuple[str, str], RuleTally] = {}
    for c in items:
        t = rules.setdefault((c.scenario_id, c.rule), RuleTally(c.scenario_id, c.rule, c.label))
        t.label = c.label or t.label
        if c.fired:
            t.to_fired += 1
        else:
            t.to_not_fired += 1
        t.items.append(c)
    out: dict[str, list[RuleTally]] = defaultdict(list)
    for t in sorted(rules.values(), key=lambda t: (-t.count, t.rule)):
        out[t.scenario_id].append(t)
    return dict(sorted(out.items()))


def library_matcher(library: Library) -> ConceptMatcher:
    """The shared reader over the library's concepts, as the engine's labelled set is read."""
    concepts = library.concepts
    return ConceptMatcher(
        {k: c.phrases for k, c in concepts.items()},
        [k for k, c in concepts.items() if c.kind == "fault"],
        [k for k, c in concepts.items() if c.ask_ok],
    )


@dataclass(frozen=True)
class Labelled:
    """A reply labelled with every library concept it affirms: the reader's reading, corrected by instructors."""

    text: str
    concepts: tuple[str, ...]
    present: tuple[str, ...]  # concepts instructors said the reply does
    absent: tuple[str, ...]  # concepts instructors said it does not
    notes: tuple[str, ...]


def labelled(items: Iterable[Collected], library: Library) -> tuple[list[Labelled], list[Collected]]:
    """Labelled utterances from overrides, one per reply, and the overrides left out: those on a scenario's own
    concepts (the shared set knows library concepts only) or contradicted by another instructor on the same
    reply."""
    matcher = library_matcher(library)
    votes: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    notes: dict[str, list[str]] = defaultdict(list)
    left: list[Collected] = []
    behind: dict[str, list[Collected]] = defaultdict(list)
    for c in items:
        known = [k for k in c.concepts if k in library.concepts]
        if not known:
            left.append(c)
            continue
        behind[c.text].append(c)
        for k in known:
            votes[c.text][k].append(c.fired)
        notes[c.text].append(f"{c.scenario_id} · {c.label} · {'做到' if c.fired else '没有做到'} · {c.comment}")
    out: list[Labelled] = []
    for text, by_concept in votes.items():
        said = set(matcher.said(text))
        if any(len(set(vs)) > 1 for vs in by_concept.values()):
            left.extend(behind[text])  # instructors disagree on this reply: no label is honest
            continue
        present = [k for k, vs in by_concept.items() if vs[0]]
        absent = [k for k, vs in by_concept.items() if not vs[0]]
        said = (said | set(present)) - set(absent)
        out.append(
            Labelled(text, tuple(sorted(said)), tuple(sorted(present)), tuple(sorted(absent)), tuple(notes[text]))
        )
    return out, left


def labelled_file(rows: Iterable[Labelled]) -> str:
    """The utterances in the labelled set's file format (`category | reply | concepts`, `-` for none), each
    with a comment naming the scenario, the rule, the verdict and the instructor's reason."""
    lines = [
        "# Replies whose verdict instructors overrode: category | reply | concepts the reply affirms.",
        "# Exported by `cma overrides --export`; drop it next to utterances.txt as utterances-overrides.txt.",
    ]
    for r in rows:
        lines += [f"# {n}".replace("\n", " ") for n in r.notes]
        text = " ".join(r.text.replace("|", "｜").split())
        lines.append(f"{CATEGORY} | {text} | {' '.join(r.concepts) or '-'}")
    return "\n".join(lines) + "\n"
