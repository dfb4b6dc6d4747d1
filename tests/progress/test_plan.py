"""Study plan: the streak's minimum, gap days, today not yet done, the local midnight, the pace."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from progress.plan import (
    AnswerEvent,
    Goal,
    Work,
    pace,
    plan_today,
    streak,
    work_by_day,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 28)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment of a Shanghai calendar day, stored in UTC as the database does."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


def practice(day: date, n: int, seconds: float = 70, hour: int = 20, prefix: str = "q") -> list[AnswerEvent]:
    return [AnswerEvent(f"{prefix}{i}", "practice", seconds, at(day, hour, i % 60)) for i in range(n)]


def counted_days(events: list[AnswerEvent], sections: list[datetime] | None = None) -> list[date]:
    work = work_by_day(events, sections or [], SHANGHAI)
    return sorted(d for d, w in work.items() if w.meets_minimum)


def test_a_day_with_one_question_does_not_count() -> None:
    assert counted_days(practice(TODAY, 1, seconds=900)) == []


def test_ten_quick_clicks_do_not_count_but_ten_real_answers_do() -> None:
    assert counted_days(practice(TODAY, 10, seconds=3)) == []  # 30 seconds in all
    assert counted_days(practice(TODAY, 10, seconds=60)) == [TODAY]


def test_answering_one_question_ten_times_is_one_question() -> None:
    same = [AnswerEvent("q1", "practice", 120, at(TODAY, 9, i)) for i in range(10)]
    work = work_by_day(same, [], SHANGHAI)[TODAY]
    assert work.questions == 1 and not work.meets_minimum


def test_a_question_left_open_counts_for_five_minutes_at_most() -> None:
    events = [*practice(TODAY, 9, seconds=5), AnswerEvent("long", "practice", 3600, at(TODAY, 21))]
    work = work_by_day(events, [], SHANGHAI)[TODAY]
    assert work.seconds == 9 * 5 + 300
    assert not work.meets_minimum


def test_a_section_read_with_its_check_counts_and_a_section_alone_does_not() -> None:
    assert counted_days([], [at(TODAY, 10)]) == []
    check = [AnswerEvent(f"c{i}", "check", None, at(TODAY, 10, 30 + i)) for i in range(3)]
    assert counted_days(check, [at(TODAY, 10)]) == [TODAY]


def test_a_mock_exam_with_ten_items_answered_counts() -> None:
    exam = [AnswerEvent(f"e{i}", "exam", None, at(TODAY, 15)) for i in range(10)]
    assert counted_days(exam) == [TODAY]
    assert counted_days(exam[:3]) == []


def test_streak_counts_days_in_a_row_and_a_gap_breaks_it() -> None:
    days = [TODAY - timedelta(days=d) for d in (0, 1, 2, 4, 5)]
    assert streak(days, TODAY) == 3


def test_today_not_yet_done_does_not_break_the_streak() -> None:
    days = [TODAY - timedelta(days=d) for d in (1, 2, 3)]
    assert streak(days, TODAY) == 3
    assert streak(days, TODAY + timedelta(days=1)) == 0  # a whole day missed does


def test_no_days_no_streak() -> None:
    assert streak([], TODAY) == 0


def test_answers_either_side_of_local_midnight_fall_on_two_days() -> None:
    # 23:50 and 00:10 Shanghai time are 15:50 and 16:10 UTC of the same UTC day
    late = [AnswerEvent(f"a{i}", "practice", 70, at(TODAY - timedelta(days=1), 23, 50)) for i in range(10)]
    early = [AnswerEvent(f"b{i}", "practice", 70, at(TODAY, 0, 10)) for i in range(10)]
    assert {e.at.date() for e in late + early} == {TODAY - timedelta(days=1)}  # one UTC day
    assert counted_days(late + early) == [TODAY - timedelta(days=1), TODAY]
    assert streak(counted_days(late + early), TODAY) == 2


def test_a_utc_day_boundary_inside_the_local_day_keeps_one_day() -> None:
    # 07:50 and 08:10 Shanghai are 23:50 and 00:10 UTC: two UTC days, one local day
    events = [AnswerEvent(f"m{i}", "practice", 70, at(TODAY, 7, 50)) for i in range(5)]
    events += [AnswerEvent(f"n{i}", "practice", 70, at(TODAY, 8, 10)) for i in range(5)]
    assert len({e.at.date() for e in events}) == 2
    assert counted_days(events) == [TODAY]


def test_reviews_are_questions_first_answered_on_an_earlier_day() -> None:
    events = practice(TODAY - timedelta(days=3), 4) + practice(TODAY, 6)  # q0..q3 again, q4, q5 new
    work = work_by_day(events, [], SHANGHAI)[TODAY]
    assert (work.reviews, work.new_questions) == (4, 2)


def test_plan_lists_the_next_unread_sections_in_syllabus_order() -> None:
    order = ["s1", "s2", "s3", "s4", "s5"]
    today = plan_today(Goal(2, 20, 10), order, ["s1", "s3"], {}, 4, None, TODAY)
    assert today.next_sections == ["s2", "s4"]
    assert today.reviews_target == 4  # only four are due
    assert today.done == 0.0
    assert today.days_left is None and today.pace is None


def test_plan_progress_counts_each_part_up_to_its_target() -> None:
    work = {TODAY: Work(TODAY, sections=1, new_questions=50, reviews=0, seconds=3000)}
    today = plan_today(Goal(1, 20, 10), ["s1", "s2"], ["s1"], work, 10, None, TODAY)
    assert today.next_sections == []  # today's section is read
    assert today.done == (1 + 20 + 0) / (1 + 20 + 10)


def test_pace_reaches_the_syllabus_or_says_what_it_would_take() -> None:
    exam = TODAY + timedelta(days=10)
    ok = pace(remaining=20, goal_sections=2, read_today=0, today=TODAY, exam_date=exam)
    assert ok.on_track and ok.finish_on == TODAY + timedelta(days=9) and ok.per_day_needed == 2
    short = pace(remaining=40, goal_sections=2, read_today=0, today=TODAY, exam_date=exam)
    assert not short.on_track and short.per_day_needed == 4 and short.finish_on == TODAY + timedelta(days=19)
    never = pace(remaining=5, goal_sections=0, read_today=0, today=TODAY, exam_date=exam)
    assert not never.on_track and never.finish_on is None
    done = pace(remaining=0, goal_sections=1, read_today=0, today=TODAY, exam_date=exam)
    assert done.on_track


def test_plan_days_left_and_past_exam_dates() -> None:
    order = [f"s{i}" for i in range(30)]
    soon = plan_today(Goal(3, 20, 10), order, [], {}, 0, TODAY + timedelta(days=10), TODAY)
    assert soon.days_left == 10 and soon.pace is not None and soon.pace.on_track
    past = plan_today(Goal(3, 20, 10), order, [], {}, 0, TODAY - timedelta(days=1), TODAY)
    assert past.days_left == -1 and past.pace is None


def test_plan_streak_and_today_flag() -> None:
    work = work_by_day(practice(TODAY - timedelta(days=1), 12) + practice(TODAY - timedelta(days=2), 12), [], SHANGHAI)
    today = plan_today(Goal(), ["s1"], [], work, 0, None, TODAY)
    assert today.streak == 2 and not today.counts_today


def test_goal_limits() -> None:
    assert Goal(1, 20, 20).problem() is None
    assert Goal(0, 0, 0).problem() is not None
    assert Goal(-1, 20, 20).problem() is not None
    assert Goal(1, 301, 20).problem() is not None
