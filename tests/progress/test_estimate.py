"""Pass estimate from recent mock exams: honest with few results."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from progress.estimate import MIN_EXAMS, TrendPoint, pass_estimate, trend_points

START = datetime(2026, 11, 1, 9, tzinfo=UTC)


def points(*scores: float, pass_line: float = 60) -> list[TrendPoint]:
    return [TrendPoint(START + timedelta(days=i), s, pass_line, "starter-mock") for i, s in enumerate(scores)]


def test_no_estimate_below_three_exams() -> None:
    assert pass_estimate([]).chance is None and pass_estimate([]).needed == MIN_EXAMS
    two = pass_estimate(points(90, 95))
    assert two.chance is None and two.needed == 1 and two.shown_percent is None
    assert two.mean == 92.5


def test_steady_scores_well_above_the_line_are_likely_but_never_certain() -> None:
    est = pass_estimate(points(88, 90, 92, 89, 91))
    assert est.chance is not None and est.chance > 0.95
    assert est.shown_percent == 95  # capped: five papers cannot make a pass certain


def test_scores_around_the_line_give_about_even_chances() -> None:
    est = pass_estimate(points(55, 65, 58, 62, 60))
    assert est.chance is not None and 0.4 < est.chance < 0.6


def test_steady_scores_below_the_line_are_unlikely() -> None:
    est = pass_estimate(points(40, 42, 38, 41, 39))
    assert est.shown_percent == 5


def test_wide_spread_lowers_confidence_for_the_same_mean() -> None:
    steady = pass_estimate(points(70, 70, 70, 70, 70))
    erratic = pass_estimate(points(40, 100, 55, 95, 60))
    assert steady.chance is not None and erratic.chance is not None
    assert steady.mean == erratic.mean == 70
    assert erratic.chance < steady.chance


def test_only_the_latest_five_count() -> None:
    early_failures_then_progress = points(20, 25, 30, 80, 82, 85, 84, 83)
    est = pass_estimate(early_failures_then_progress)
    assert est.used == 5 and est.mean == 82.8
    assert est.chance is not None and est.chance > 0.9


def test_trend_points_scale_to_100_and_skip_pending_and_unknown_papers() -> None:
    attempts = [
        (START + timedelta(days=2), 90.0, True, "big"),
        (START, 30.0, False, "starter-mock"),
        (START + timedelta(days=1), 50.0, None, "starter-mock"),  # waiting for a person's score
        (START + timedelta(days=3), 70.0, True, "gone"),
    ]
    out = trend_points(attempts, {"starter-mock": (100, 60), "big": (150, 90)})
    assert [(p.score, p.pass_line) for p in out] == [(30.0, 60.0), (60.0, 60.0)]
