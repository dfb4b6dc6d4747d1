"""A study plan toward the exam date: the daily goal, what to do today, the pace, and the streak of days that
met the minimum. Pure functions over plain records; days are calendar days in the trainee's time zone."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from source import dates

# The minimum that makes a day count for the streak (any one of the three):
MIN_QUESTIONS = 10  # different questions answered in practice or section checks ...
MIN_MINUTES = 10  # ... with at least this much answering time,
MIN_CHECK_QUESTIONS = 3  # or a section finished and at least this many questions answered,
MIN_EXAM_ITEMS = 10  # or a mock exam handed in with at least this many items answered.
MAX_SECONDS_PER_ANSWER = 300  # a question left open longer counts for this much time only

GOAL_LIMITS = {"sections": 10, "questions": 300, "reviews": 300}


def local_zone() -> tzinfo:
    """The trainee's calendar: the school's time zone (CMA_TIMEZONE, Asia/Shanghai by default)."""
    return dates.zone()


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day of an aware moment in the zone."""
    return moment.astimezone(zone).date()


@dataclass(frozen=True)
class Goal:
    """What the trainee means to do each day: new sections to read, new questions, reviews due."""

    sections: int = 1
    questions: int = 20
    reviews: int = 20

    def problem(self) -> str | None:
        """Why the goal cannot be kept, in Chinese; None when it is fine."""
        values = {"sections": self.sections, "questions": self.questions, "reviews": self.reviews}
        if any(v < 0 or v > GOAL_LIMITS[k] for k, v in values.items()):
            return "每日目标超出范围：小节 0～10 节，新题 0～300 道，复习 0～300 道"
        if not any(values.values()):
            return "每日目标不能全部为 0"
        return None


@dataclass(frozen=True)
class Work:
    """What was done on one day. Questions are counted once per day however often they were answered."""

    day: date
    sections: int = 0  # sections finished (first time)
    new_questions: int = 0  # questions answered for the first time ever
    reviews: int = 0  # questions answered again, first answered on an earlier day
    seconds: float = 0.0  # answering time, each answer capped
    exam_items: int = 0  # items answered on mock exams handed in that day

    @property
    def questions(self) -> int:
        """Different questions answered in practice and section checks."""
        return self.new_questions + self.reviews

    @property
    def meets_minimum(self) -> bool:
        """Whether the day counts for the streak."""
        return (
            (self.questions >= MIN_QUESTIONS and self.seconds >= MIN_MINUTES * 60)
            or (self.sections >= 1 and self.questions >= MIN_CHECK_QUESTIONS)
            or self.exam_items >= MIN_EXAM_ITEMS
        )


@dataclass(frozen=True)
class AnswerEvent:
    """One stored answer, as the plan needs it."""

    question_id: str
    mode: str  # practice | check | exam
    seconds: float | None
    at: datetime


def work_by_day(answers: Iterable[AnswerEvent], sections_done: Iterable[datetime], zone: tzinfo) -> dict[date, Work]:
    """Each local day's work. An answer is a review when its question was answered on an earlier day."""
    first_day: dict[str, date] = {}
    seen: dict[date, dict[str, bool]] = {}  # day -> question -> is review
    seconds: dict[date, float] = {}
    exam_items: dict[date, set[str]] = {}
    for a in sorted(answers, key=lambda a: a.at):
        day = local_day(a.at, zone)
        earlier = first_day.setdefault(a.question_id, day) < day
        if a.mode == "exam":
            exam_items.setdefault(day, set()).add(a.question_id)
            continue
        seen.setdefault(day, {}).setdefault(a.question_id, earlier)
        seconds[day] = seconds.get(day, 0.0) + min(max(a.seconds or 0.0, 0.0), MAX_SECONDS_PER_ANSWER)
    read: dict[date, int] = {}
    for moment in sections_done:
        day = local_day(moment, zone)
        read[day] = read.get(day, 0) + 1
    out = {}
    for day in set(seen) | set(read) | set(exam_items):
        questions = seen.get(day, {})
        reviews = sum(questions.values())
        out[day] = Work(
            day,
            sections=read.get(day, 0),
            new_questions=len(questions) - reviews,
            reviews=reviews,
            seconds=seconds.get(day, 0.0),
            exam_items=len(exam_items.get(day, set())),
        )
    return out


def streak(counted: Iterable[date], today: date) -> int:
    """Days in a row that met the minimum, ending today; today not yet done does not break it (the run then
    ends yesterday)."""
    days = set(counted)
    cursor = today if today in days else today - timedelta(days=1)
    n = 0
    while cursor in days:
        n += 1
        cursor -= timedelta(days=1)
    return n


@dataclass(frozen=True)
class Pace:
    """Whether the daily section goal reads the whole syllabus before the exam."""

    study_days: int  # days left to study, today included, the exam day not
    remaining: int  # sections not yet read
    per_day_needed: int  # sections a day that would be enough (0 when nothing remains)
    finish_on: date | None  # the day the last section is read at the goal's pace; None when never
    on_track: bool


def pace(remaining: int, goal_sections: int, read_today: int, today: date, exam_date: date) -> Pace:
    """The pace from today to the day before the exam, counting what is still open of today's goal."""
    study_days = max(0, (exam_date - today).days)
    if remaining <= 0:
        return Pace(study_days, 0, 0, today, True)
    per_day_needed = math.ceil(remaining / study_days) if study_days else remaining
    left_today = max(0, goal_sections - read_today)
    finish_on: date | None = None
    if remaining <= left_today:
        finish_on = today
    elif goal_sections > 0:
        finish_on = today + timedelta(days=math.ceil((remaining - left_today) / goal_sections))
    on_track = finish_on is not None and finish_on < exam_date
    return Pace(study_days, remaining, per_day_needed, finish_on, on_track)


@dataclass(frozen=True)
class Today:
    """What to do today and how far it is done."""

    day: date
    goal: Goal
    next_sections: list[str]  # the next unread sections in syllabus order still to read today
    work: Work
    reviews_due: int  # due now in the review queue
    exam_date: date | None
    days_left: int | None  # calendar days until the exam date
    pace: Pace | None
    streak: int
    counts_today: bool  # today already met the minimum

    @property
    def sections_target(self) -> int:
        """Sections to read today (fewer when the syllabus has fewer left)."""
        return min(self.goal.sections, self.work.sections + len(self.next_sections))

    @property
    def reviews_target(self) -> int:
        """Reviews to do today: the goal, or fewer when fewer are due."""
        return min(self.goal.reviews, self.work.reviews + self.reviews_due)

    @property
    def done(self) -> float:
        """Share of today's goal done, 0 to 1 (each part counted up to its target)."""
        parts = [
            (self.work.sections, self.sections_target),
            (self.work.new_questions, self.goal.questions),
            (self.work.reviews, self.reviews_target),
        ]
        wanted = sum(t for _, t in parts)
        if not wanted:
            return 1.0
        return sum(min(d, t) for d, t in parts) / wanted


def plan_today(
    goal: Goal,
    syllabus_order: Sequence[str],
    read: Iterable[str],
    work: dict[date, Work],
    reviews_due: int,
    exam_date: date | None,
    today: date,
) -> Today:
    """Today's plan from the goal, the sections in syllabus order, those read, each day's work and the queue."""
    read_ids = set(read)
    unread = [s for s in syllabus_order if s not in read_ids]
    mine = work.get(today, Work(today))
    next_sections = unread[: max(0, goal.sections - mine.sections)]
    days_left = None if exam_date is None else (exam_date - today).days
    on_pace = None
    if exam_date is not None and exam_date >= today:
        on_pace = pace(len(unread), goal.sections, mine.sections, today, exam_date)
    counted = [d for d, w in work.items() if w.meets_minimum and d <= today]
    return Today(
        today,
        goal,
        next_sections,
        mine,
        reviews_due,
        exam_date,
        days_left,
        on_pace,
        streak(counted, today),
        mine.meets_minimum,
    )
