"""Item analysis that acts: per question facility, discrimination, option shares and time, and flags for
items that look wrong (a bad key, a dead distractor, an item too easy or too hard)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from quizzes.models import LETTERS, AnyQuestion, ChoiceBase
from store.db import Database
from store.tables import Answer

MIN_RESPONDENTS = 5  # below this no discrimination and no flag but facility
GROUP_SHARE = 0.27  # upper and lower groups: the best and the weakest 27 % by rest score
LOW_DISCRIMINATION = 0.1
TOO_EASY = 0.95
TOO_HARD = 0.2

# Flag codes; pages turn them into Chinese reasons.
NEGATIVE_DISCRIMINATION = "negative_discrimination"
LOW_DISCRIMINATION_FLAG = "low_discrimination"
DEAD_DISTRACTOR = "dead_distractor"
DISTRACTOR_BEATS_KEY = "distractor_beats_key"
FLAG_TOO_EASY = "too_easy"
FLAG_TOO_HARD = "too_hard"


@dataclass(frozen=True)
class Response:
    """A trainee's first answer to a question: what they chose, the fraction of marks, the time."""

    user_id: int
    question_id: str
    response: Any
    fraction: float
    seconds: float | None


@dataclass(frozen=True)
class Flag:
    """Why an item looks dubious: a code and, for distractor flags, the option letter."""

    code: str
    option: str = ""


@dataclass(frozen=True)
class ItemAnalysis:
    """Classical statistics of one question and its flags."""

    question_id: str
    respondents: int
    facility: float
    discrimination: float | None  # point-biserial against the rest score
    upper_lower: float | None  # facility of the upper 27 % minus that of the lower 27 %
    option_shares: dict[str, float] = field(default_factory=dict)  # letter -> share of respondents choosing it
    upper_shares: dict[str, float] = field(default_factory=dict)  # the same among the upper group
    median_seconds: float | None = None
    flags: tuple[Flag, ...] = ()


def responses_of(
    db: Database, user_ids: list[int] | None = None, question_ids: Iterable[str] | None = None
) -> list[Response]:
    """Each trainee's first graded answer to each question, in one query whatever the number of trainees."""
    query = select(
        Answer.user_id,
        Answer.question_id,
        Answer.response,
        Answer.score,
        Answer.manual_score,
        Answer.possible,
        Answer.seconds,
    ).order_by(Answer.id)
    if user_ids is not None:
        query = query.where(Answer.user_id.in_(user_ids))
    if question_ids is not None:
        query = query.where(Answer.question_id.in_(list(question_ids)))
    seen: set[tuple[int, str]] = set()
    out = []
    with db.session() as s:
        for uid, qid, response, score, manual, possible, seconds in s.execute(query):
            value = manual if manual is not None else score
            if value is None or not possible or (uid, qid) in seen:
                continue
            seen.add((uid, qid))
            out.append(Response(uid, qid, response, value / possible, seconds))
    return out


def chosen_letters(response: Any) -> set[str]:
    """The option letters a stored choice response names."""
    if isinstance(response, str):
        return {response}
    if isinstance(response, list | tuple):
        return {r for r in response if isinstance(r, str)}
    return set()


def analyse(responses: list[Response], questions: dict[str, AnyQuestion]) -> list[ItemAnalysis]:
    """Statistics and flags of every question that has answers, by question id."""
    by_user: dict[int, dict[str, Response]] = defaultdict(dict)
    for r in responses:
        if r.question_id in questions:
            by_user[r.user_id].setdefault(r.question_id, r)
    totals = {u: sum(a.fraction for a in answers.values()) for u, answers in by_user.items()}
    counts = {u: len(answers) for u, answers in by_user.items()}
    by_question: dict[str, list[tuple[Response, float]]] = defaultdict(list)
    for u, answers in by_user.items():
        for qid, a in answers.items():
            others = counts[u] - 1
            rest = (totals[u] - a.fraction) / others if others else 0.0
            by_question[qid].append((a, rest))
    return [_item(questions[qid], rows) for qid, rows in sorted(by_question.items())]


def _item(question: AnyQuestion, rows: list[tuple[Response, float]]) -> ItemAnalysis:
    n = len(rows)
    scores = [a.fraction for a, _ in rows]
    facility = sum(scores) / n
    rests = [rest for _, rest in rows]
    discrimination = _correlation(scores, rests) if n >= MIN_RESPONDENTS else None
    ordered = sorted(rows, key=lambda row: row[1])
    size = max(1, round(n * GROUP_SHARE))
    lower, upper = ordered[:size], ordered[-size:]
    upper_lower = None
    if n >= MIN_RESPONDENTS:
        upper_lower = round(_mean([a.fraction for a, _ in upper]) - _mean([a.fraction for a, _ in lower]), 3)
    shares: dict[str, float] = {}
    upper_shares: dict[str, float] = {}
    if isinstance(question, ChoiceBase):
        letters = LETTERS[: len(question.options)]
        shares = _shares(letters, [a for a, _ in rows])
        upper_shares = _shares(letters, [a for a, _ in upper])
    times = [a.seconds for a, _ in rows if a.seconds is not None]
    item = ItemAnalysis(
        question_id=question.id,
        respondents=n,
        facility=round(facility, 3),
        discrimination=discrimination,
        upper_lower=upper_lower,
        option_shares=shares,
        upper_shares=upper_shares,
        median_seconds=round(statistics.median(times), 1) if times else None,
    )
    return ItemAnalysis(**{**item.__dict__, "flags": tuple(flags_of(question, item))})


def flags_of(question: AnyQuestion, item: ItemAnalysis) -> list[Flag]:
    """The reasons an item looks dubious; none until enough trainees answered it."""
    if item.respondents < MIN_RESPONDENTS:
        return []
    out = []
    index = item.discrimination if item.discrimination is not None else item.upper_lower
    if index is not None and index < 0:
        out.append(Flag(NEGATIVE_DISCRIMINATION))
    elif index is not None and index < LOW_DISCRIMINATION:
        out.append(Flag(LOW_DISCRIMINATION_FLAG))
    keys = key_letters(question)
    for letter, share in item.option_shares.items():
        if letter in keys:
            continue
        if share == 0:
            out.append(Flag(DEAD_DISTRACTOR, letter))
        if item.upper_shares.get(letter, 0.0) > max((item.upper_shares.get(k, 0.0) for k in keys), default=0.0):
            out.append(Flag(DISTRACTOR_BEATS_KEY, letter))
    if item.facility > TOO_EASY:
        out.append(Flag(FLAG_TOO_EASY))
    elif item.facility < TOO_HARD:
        out.append(Flag(FLAG_TOO_HARD))
    return out


def key_letters(question: AnyQuestion) -> set[str]:
    """The letters of a choice question's correct options."""
    answer = getattr(question, "answer", None)
    return chosen_letters(answer) if isinstance(question, ChoiceBase) else set()


def _shares(letters: str, answers: list[Response]) -> dict[str, float]:
    picked: dict[str, int] = dict.fromkeys(letters, 0)
    for a in answers:
        for letter in chosen_letters(a.response):
            if letter in picked:
                picked[letter] += 1
    return {k: round(v / len(answers), 3) if answers else 0.0 for k, v in picked.items()}


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _correlation(xs: list[float], ys: list[float]) -> float | None:
    if len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    return round(statistics.correlation(xs, ys), 3)
