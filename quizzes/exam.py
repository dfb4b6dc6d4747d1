"""Mock exams: reproducible draw from a blueprint, server-side deadline, autosave, resume and scoring."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizzes.models import AnyQuestion, Blueprint, BlueprintPart, Question
from quizzes.scoring import grade
from quizzes.tracking import record_result
from store.db import Database
from store.tables import Answer, ContentSnapshot, ExamAnswer, ExamAttempt, ExamFlag, utcnow

_QUESTION: TypeAdapter[AnyQuestion] = TypeAdapter(Question)


class ExamError(ValueError):
    """An exam cannot be drawn or an action is not allowed; message in Chinese."""


@dataclass(frozen=True)
class PaperItem:
    """One question on a paper."""

    question_id: str
    part: int
    score: float


def draw(
    blueprint: Blueprint, questions: dict[str, AnyQuestion], module_of: dict[str, str], seed: int
) -> list[PaperItem]:
    """Draw a paper: per part, questions of its type (and modules, forms) spread over modules by weight and over
    difficulty by the blueprint's mix as far as the pool allows. Same seed, same paper."""
    rng = random.Random(seed)
    used: set[str] = set()
    paper: list[PaperItem] = []
    ordered = sorted(questions)
    for index, part in enumerate(blueprint.parts):
        pool = part_pool(blueprint, part, questions, module_of, used, ordered)
        available = sum(len(v) for v in pool.values())
        if available < part.count:
            raise ExamError(f"“{part.title}”需要 {part.count} 道题，题库中只有 {available} 道")
        weights = (
            {m: blueprint.module_weights.get(m, 1.0) or 1.0 for m in part.modules}
            if part.modules
            else blueprint.module_weights
        )
        quotas = _quotas(weights, part.count)
        if blueprint.difficulty_mix:
            level_of = {qid: questions[qid].difficulty for qids in pool.values() for qid in qids}
            chosen = _by_difficulty(
                rng, pool, quotas, part.count, _quotas(blueprint.difficulty_mix, part.count), level_of
            )
        else:
            chosen = []
            for module, quota in quotas.items():
                candidates = pool.get(module, [])
                chosen += rng.sample(candidates, min(quota, len(candidates)))
            rest = sorted(set().union(*pool.values()) - set(chosen))
            chosen += rng.sample(rest, part.count - len(chosen))
        rng.shuffle(chosen)
        used.update(chosen)
        paper += [PaperItem(qid, index, part.score_each) for qid in chosen]
    return paper


def part_pool(
    blueprint: Blueprint,
    part: BlueprintPart,
    questions: dict[str, AnyQuestion],
    module_of: dict[str, str],
    used: set[str] | None = None,
    ordered: list[str] | None = None,
) -> dict[str, list[str]]:
    """Question ids a part may draw, by module: its type, its modules (else the blueprint's weighted modules),
    its skill forms, and for skill items the part's score. `ordered` is sorted(questions), passed in when drawing
    many parts."""
    modules = set(part.modules) or {m for m, w in blueprint.module_weights.items() if w > 0}
    pool: dict[str, list[str]] = {}
    for qid in ordered if ordered is not None else sorted(questions):
        q = questions[qid]
        if q.type != part.type or (used and qid in used):
            continue
        module = module_of.get(q.points[0], "")
        if module not in modules:
            continue
        if part.forms and (q.type != "skill" or q.form not in part.forms):
            continue
        if q.type == "skill" and q.score != part.score_each:
            continue  # the marking scheme shown after the paper must add up to the item's score on it
        pool.setdefault(module, []).append(qid)
    return pool


def _by_difficulty(
    rng: random.Random,
    pool: dict[str, list[str]],
    quotas: dict[str, int],
    count: int,
    targets: dict[int, int],
    level_of: dict[str, int],
) -> list[str]:
    """Pick `count` ids meeting the module quotas, each pick taking the difficulty furthest below its target."""
    left: dict[str, dict[int, list[str]]] = {}
    for module, ids in pool.items():
        for qid in ids:
            left.setdefault(module, {}).setdefault(level_of[qid], []).append(qid)
    taken = dict.fromkeys(targets, 0)
    chosen: list[str] = []

    def pick(module: str) -> None:
        levels = sorted(level for level, ids in left[module].items() if ids)
        need = max(targets.get(level, 0) - taken.get(level, 0) for level in levels)
        level = rng.choice([x for x in levels if targets.get(x, 0) - taken.get(x, 0) == need])
        ids = left[module][level]
        chosen.append(ids.pop(rng.randrange(len(ids))))
        taken[level] = taken.get(level, 0) + 1

    remaining = {m: min(q, len(pool.get(m, []))) for m, q in quotas.items() if m in left}
    while any(remaining.values()):
        for module in sorted(remaining):
            if remaining[module]:
                pick(module)
                remaining[module] -= 1
    while len(chosen) < count:
        pick(rng.choice(sorted(m for m, levels in left.items() if any(levels.values()))))
    return chosen


def _quotas(weights: Mapping[Any, float], count: int) -> dict[Any, int]:
    """Split `count` over keys by weight, largest remainder first."""
    total = sum(weights.values()) or 1.0
    exact = {m: count * w / total for m, w in weights.items()}
    quotas = {m: int(v) for m, v in exact.items()}
    for m in sorted(exact, key=lambda m: (quotas[m] - exact[m], str(m)))[: count - sum(quotas.values())]:
        quotas[m] += 1
    return quotas


@dataclass(frozen=True)
class AttemptView:
    """An exam attempt as the page sees it."""

    id: int
    blueprint_id: str
    paper: list[PaperItem]
    answers: dict[str, Any]
    deadline: datetime
    submitted: bool
    score: float | None
    passed: bool | None
    breakdown: dict[str, Any] | None
    started_at: datetime
    seed: int
    questions: dict[str, AnyQuestion] = field(default_factory=dict)  # as on the day the paper was drawn
    flags: frozenset[str] = frozenset()  # items flagged (标记) for another look, kept with the attempt

    def question(self, question_id: str, current: dict[str, AnyQuestion]) -> AnyQuestion | None:
        """A paper's question as it was drawn (later edits of the bank do not change a running paper)."""
        return self.questions.get(question_id) or current.get(question_id)

    def seconds_left(self, now: datetime | None = None) -> int:
        """Seconds until the deadline, never negative."""
        return max(0, int((self.deadline - (now or utcnow())).total_seconds()))


def start(
    db: Database,
    user_id: int,
    blueprint: Blueprint,
    questions: dict[str, AnyQuestion],
    module_of: dict[str, str],
    seed: int | None = None,
    versions: Mapping[str, int] | None = None,
) -> int:
    """Draw a paper and open an attempt; the deadline is kept on the server. The paper's questions are kept as
    drawn, with the version of each (`versions`, 1 when not given)."""
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2**31)
    paper = draw(blueprint, questions, module_of, seed)
    now = utcnow()
    with db.session() as s:
        attempt = ExamAttempt(
            user_id=user_id,
            blueprint_id=blueprint.id,
            seed=seed,
            paper=[[p.question_id, p.part, p.score] for p in paper],
            started_at=now,
            deadline_at=now + timedelta(minutes=blueprint.time_limit_minutes),
        )
        s.add(attempt)
        s.flush()
        content = {p.question_id: questions[p.question_id].model_dump(mode="json") for p in paper}
        given = {p.question_id: (versions or {}).get(p.question_id, 1) for p in paper}
        s.add(ContentSnapshot(kind="exam", owner_id=attempt.id, content=content, versions=given))
        return attempt.id


def _questions_of(row: ContentSnapshot | None) -> dict[str, AnyQuestion]:
    """The questions of a paper as drawn; an item that no longer validates is left to the current bank."""
    out: dict[str, AnyQuestion] = {}
    for qid, data in (row.content if row is not None else {}).items():
        try:
            out[qid] = _QUESTION.validate_python(data)
        except ValidationError:
            continue
    return out


def _views(s: Any, attempts: Sequence[ExamAttempt]) -> list[AttemptView]:
    """Views of several attempts in a fixed number of queries (answers, snapshots, flags)."""
    ids = [a.id for a in attempts]
    if not ids:
        return []
    answers: dict[int, dict[str, Any]] = {i: {} for i in ids}
    for row in s.scalars(select(ExamAnswer).where(ExamAnswer.attempt_id.in_(ids))):
        answers[row.attempt_id][row.question_id] = row.response
    snapshots = {
        row.owner_id: row
        for row in s.scalars(
            select(ContentSnapshot).where(ContentSnapshot.kind == "exam", ContentSnapshot.owner_id.in_(ids))
        )
    }
    flags: dict[int, set[str]] = {i: set() for i in ids}
    for attempt_id, question_id in s.execute(
        select(ExamFlag.attempt_id, ExamFlag.question_id).where(ExamFlag.attempt_id.in_(ids))
    ):
        flags[attempt_id].add(question_id)
    return [
        AttemptView(
            attempt.id,
            attempt.blueprint_id,
            [PaperItem(q, int(p), float(sc)) for q, p, sc in attempt.paper],
            answers[attempt.id],
            attempt.deadline_at,
            attempt.submitted_at is not None,
            attempt.score,
            attempt.passed,
            attempt.breakdown,
            attempt.started_at,
            attempt.seed,
            _questions_of(snapshots.get(attempt.id)),
            frozenset(flags[attempt.id]),
        )
        for attempt in attempts
    ]


def _view(s: Any, attempt: ExamAttempt) -> AttemptView:
    return _views(s, [attempt])[0]


def load(db: Database, user_id: int, attempt_id: int) -> AttemptView:
    """An attempt of this user; another user's attempt is not found."""
    with db.session() as s:
        attempt = s.get(ExamAttempt, attempt_id)
        if attempt is None or attempt.user_id != user_id:
            raise ExamError("找不到这场考试")
        return _view(s, attempt)


def open_paper_questions(db: Database, user_id: int) -> frozenset[str]:
    """Questions on the user's unsubmitted papers (mock exams and the certification's theory paper): hidden
    from every practice mode until the paper is handed in."""
    with db.session() as s:
        papers = s.scalars(
            select(ExamAttempt.paper).where(ExamAttempt.user_id == user_id, ExamAttempt.submitted_at.is_(None))
        ).all()
    return frozenset(item[0] for paper in papers for item in paper)


def open_attempt(db: Database, user_id: int) -> int | None:
    """The user's unsubmitted attempt, to resume after a closed tab or restart."""
    with db.session() as s:
        return s.scalar(
            select(ExamAttempt.id)
            .where(ExamAttempt.user_id == user_id, ExamAttempt.submitted_at.is_(None))
            .order_by(ExamAttempt.id.desc())
            .limit(1)
        )


def save_answer(db: Database, user_id: int, attempt_id: int, question_id: str, response: Any) -> None:
    """Autosave one answer; refused after submission or past the deadline."""
    with db.session() as s:
        attempt = s.get(ExamAttempt, attempt_id)
        if attempt is None or attempt.user_id != user_id:
            raise ExamError("找不到这场考试")
        if attempt.submitted_at is not None:
            raise ExamError("试卷已经提交，不能再修改")
        if utcnow() > attempt.deadline_at:
            raise ExamError("考试时间已到，答案未保存；请交卷")
        if question_id not in {q for q, _p, _s in attempt.paper}:
            raise ExamError("这道题不在本场试卷中")
        row = s.scalar(
            select(ExamAnswer).where(ExamAnswer.attempt_id == attempt_id, ExamAnswer.question_id == question_id)
        )
        if response in (None, "", [], ()):  # the answer was cleared: nothing is graded for this item
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(ExamAnswer(attempt_id=attempt_id, question_id=question_id, response=response))
        else:
            row.response = response
            row.updated_at = utcnow()


def set_flag(db: Database, user_id: int, attempt_id: int, question_id: str, flagged: bool) -> frozenset[str]:
    """Flag or unflag one item of an open attempt (setting the state, not toggling it, so two windows agree);
    returns the attempt's flags now. Refused after submission."""
    with db.session() as s:
        attempt = s.get(ExamAttempt, attempt_id)
        if attempt is None or attempt.user_id != user_id:
            raise ExamError("找不到这场考试")
        if attempt.submitted_at is not None:
            raise ExamError("试卷已经提交，不能再标记")
        if question_id not in {q for q, _p, _s in attempt.paper}:
            raise ExamError("这道题不在本场试卷中")
        row = s.scalar(select(ExamFlag).where(ExamFlag.attempt_id == attempt_id, ExamFlag.question_id == question_id))
        if flagged and row is None:
            s.add(ExamFlag(attempt_id=attempt_id, question_id=question_id))
            s.flush()
        elif not flagged and row is not None:
            s.delete(row)
            s.flush()
        return frozenset(s.scalars(select(ExamFlag.question_id).where(ExamFlag.attempt_id == attempt_id)))


def submit(
    db: Database,
    user_id: int,
    attempt_id: int,
    blueprint: Blueprint,
    questions: dict[str, AnyQuestion],
    module_of: dict[str, str],
) -> AttemptView:
    """Grade the saved answers, store score, pass flag and per-module breakdown. Idempotent."""
    with db.session() as s:
        attempt = s.get(ExamAttempt, attempt_id)
        if attempt is None or attempt.user_id != user_id:
            raise ExamError("找不到这场考试")
        if attempt.submitted_at is None:
            view = _view(s, attempt)
            as_drawn = {**questions, **view.questions}  # the paper is graded as it was drawn
            attempt.breakdown = score_paper(view.paper, view.answers, as_drawn, module_of)
            attempt.score = attempt.breakdown["score"]
            attempt.passed = verdict(attempt.breakdown, blueprint.pass_mark)
            attempt.submitted_at = utcnow()
            given = s.scalar(
                select(ContentSnapshot.versions).where(
                    ContentSnapshot.kind == "exam", ContentSnapshot.owner_id == attempt.id
                )
            )
            record_mistakes(s, user_id, attempt.breakdown, view.answers, given or {})
        return _view(s, attempt)


def score_paper(
    paper: list[PaperItem], answers: dict[str, Any], questions: dict[str, AnyQuestion], module_of: dict[str, str]
) -> dict[str, Any]:
    """Score every item; unanswered or invalid items score zero in an exam. Items the grader is unsure of
    (status review) score zero until an instructor marks them; `pending` counts them."""
    items: dict[str, Any] = {}
    modules: dict[str, list[float]] = {}
    total = 0.0
    for item in paper:
        q = questions.get(item.question_id)
        if q is None:
            continue
        result = grade(q, answers.get(item.question_id), item.score)
        earned = result.score or 0.0
        total += earned
        module = module_of.get(q.points[0], "")
        entry: dict[str, Any] = {"status": result.status, "score": earned, "possible": item.score, "module": module}
        if result.status == "review":
            entry["suggested"] = result.suggested
        if q.type == "skill":
            entry["parts"] = [p.to_dict() for p in result.parts]
            entry["message"] = result.message
        items[item.question_id] = entry
        m = modules.setdefault(module, [0.0, 0.0])
        m[0] += earned
        m[1] += item.score
    return {
        "score": round(total, 2),
        "items": items,
        "modules": {k: {"score": v[0], "possible": v[1]} for k, v in modules.items()},
        "pending": pending_count(items),
    }


def pending_count(items: dict[str, Any]) -> int:
    """Items of a scored paper still waiting for an instructor."""
    return sum(1 for v in items.values() if v.get("status") == "review" and not v.get("manual"))


def verdict(breakdown: dict[str, Any], pass_mark: float) -> bool | None:
    """Pass or fail; None (待教师评分) while an item waits for an instructor."""
    if pending_count(breakdown.get("items", {})):
        return None
    return float(breakdown.get("score", 0.0)) >= pass_mark


def history(db: Database, user_id: int) -> list[AttemptView]:
    """Submitted attempts, newest first."""
    with db.session() as s:
        rows = s.scalars(
            select(ExamAttempt)
            .where(ExamAttempt.user_id == user_id, ExamAttempt.submitted_at.is_not(None))
            .order_by(ExamAttempt.id.desc())
        ).all()
        return _views(s, rows)


def scores(db: Database, user_id: int) -> list[tuple[datetime, float | None, bool | None, str]]:
    """(started, score, passed, blueprint) of the submitted attempts, newest first, in one light query."""
    with db.session() as s:
        rows = s.execute(
            select(ExamAttempt.started_at, ExamAttempt.score, ExamAttempt.passed, ExamAttempt.blueprint_id)
            .where(ExamAttempt.user_id == user_id, ExamAttempt.submitted_at.is_not(None))
            .order_by(ExamAttempt.id.desc())
        ).all()
    return [(started, score, passed, blueprint) for started, score, passed, blueprint in rows]


def record_mistakes(
    s: Session,
    user_id: int,
    breakdown: dict[str, Any],
    answers: dict[str, Any],
    versions: Mapping[str, int] | None = None,
) -> None:
    """Once, at hand-in: each graded item updates the wrong book and the review queue as a practice answer
    would (an unanswered item counts as wrong), and each answered item is stored as an answer of mode exam."""
    for question_id, item in breakdown.get("items", {}).items():
        status = item["status"] if question_id in answers else "wrong"
        if status not in {"correct", "wrong", "partial"}:
            continue  # waiting for a person to grade it
        record_result(s, user_id, question_id, status)
        if question_id in answers:
            s.add(
                Answer(
                    user_id=user_id,
                    question_id=question_id,
                    mode="exam",
                    response=answers[question_id],
                    status=status,
                    score=item["score"],
                    possible=item["possible"],
                    question_version=(versions or {}).get(question_id),
                )
            )
