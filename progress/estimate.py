"""How likely the next exam is passed, judged from the most recent mock exam results."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

MIN_EXAMS = 3  # fewer results say too little to estimate anything
RECENT = 5  # the estimate looks at this many latest results
MIN_SPREAD = 5.0  # points: two papers differ at least this much for the same knowledge


@dataclass(frozen=True)
class TrendPoint:
    """One handed-in mock exam on a 0-100 scale, with its pass line on the same scale."""

    at: datetime
    score: float
    pass_line: float
    blueprint_id: str


@dataclass(frozen=True)
class PassEstimate:
    """The estimate from the latest results; `chance` is None when there are fewer than MIN_EXAMS."""

    used: int  # results the estimate looked at
    mean: float | None  # their mean score (0-100)
    spread: float | None  # their standard deviation, in points (None below two results)
    chance: float | None  # probability of reaching the pass line next time, 0-1

    @property
    def needed(self) -> int:
        """More results needed before an estimate is given."""
        return max(0, MIN_EXAMS - self.used)

    @property
    def shown_percent(self) -> int | None:
        """The chance as a round percentage, never 0 or 100 (a few papers cannot make anything certain)."""
        if self.chance is None:
            return None
        return int(min(95, max(5, 5 * round(self.chance * 20))))


def pass_estimate(points: Sequence[TrendPoint], recent: int = RECENT) -> PassEstimate:
    """Estimate from the latest `recent` results (oldest first in `points`): the next score is taken as normally
    distributed around their mean, with their spread (at least MIN_SPREAD) widened for the small number of
    results, and compared with the pass line. Results of papers with different pass lines are compared by
    their distance to their own pass line."""
    latest = list(points)[-recent:]
    if not latest:
        return PassEstimate(0, None, None, None)
    scores = [p.score for p in latest]
    margins = [p.score - p.pass_line for p in latest]
    mean = statistics.fmean(scores)
    spread = statistics.stdev(scores) if len(scores) >= 2 else None
    if len(latest) < MIN_EXAMS:
        return PassEstimate(len(latest), mean, spread, None)
    sd = max(statistics.stdev(margins), MIN_SPREAD) * (1 + 1 / len(latest)) ** 0.5
    chance = 1 - statistics.NormalDist(statistics.fmean(margins), sd).cdf(0)
    return PassEstimate(len(latest), mean, spread, chance)


def trend_points(
    attempts: Sequence[tuple[datetime, float | None, bool | None, str]],
    scales: dict[str, tuple[float, float]],
) -> list[TrendPoint]:
    """Handed-in attempts (started at, score, passed, blueprint id) as trend points, oldest first; attempts
    still waiting for a person's score and those of unknown papers are left out. `scales` maps a blueprint id
    to its (total, pass mark)."""
    out = []
    for when, score, passed, blueprint_id in sorted(attempts, key=lambda a: a[0]):
        if score is None or passed is None or blueprint_id not in scales:
            continue
        total, pass_mark = scales[blueprint_id]
        if total <= 0:
            continue
        out.append(TrendPoint(when, 100 * score / total, 100 * pass_mark / total, blueprint_id))
    return out


@dataclass(frozen=True)
class Trend:
    """The score trend and the estimate drawn from it."""

    points: list[TrendPoint]
    estimate: PassEstimate


def trend_of(
    attempts: Sequence[tuple[datetime, float | None, bool | None, str]], scales: dict[str, tuple[float, float]]
) -> Trend:
    """Trend points and the pass estimate from handed-in attempts."""
    found = trend_points(attempts, scales)
    return Trend(found, pass_estimate(found))
