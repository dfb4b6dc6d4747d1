"""The study plan on 首页: what to do today toward the daily goal, the pace to the exam, the streak, and the
form that sets the exam date and the goal."""

from __future__ import annotations

from datetime import date

import streamlit as st

from actions._guard import Actor
from actions.study import set_study_plan
from catalog.catalog import Catalog
from progress import plan
from progress.plan import Today
from source import dates
from store.db import Database
from ui import look
from ui import text as T
from ui.refusal import refusals
from ui.routes import go


def cn_date(day: date) -> str:
    """A date as 2026年11月28日."""
    return dates.day(day)


def exam_line(today: Today) -> str:
    """Days left to the exam, or what to do about the date."""
    if today.exam_date is None or today.days_left is None:
        return T.PLAN_NO_EXAM
    when = cn_date(today.exam_date)
    if today.days_left > 0:
        return T.PLAN_EXAM_DAYS.format(days=today.days_left, date=when)
    if today.days_left == 0:
        return T.PLAN_EXAM_TODAY.format(date=when)
    return T.PLAN_EXAM_PAST.format(date=when)


def today_panel(today: Today, cat: Catalog) -> None:
    """What to do today, how much of it is done, the pace and the streak."""
    with st.container(border=True):
        st.subheader(T.PLAN_TITLE, anchor=False)
        st.caption(exam_line(today))
        st.progress(today.done, text=T.PLAN_DONE.format(percent=round(100 * today.done)))
        work, goal = today.work, today.goal
        if today.sections_target or today.next_sections:
            st.markdown(
                T.PLAN_SECTIONS.format(done=min(work.sections, today.sections_target), target=today.sections_target)
            )
        elif goal.sections:
            st.markdown(T.PLAN_SECTIONS_ALL_READ)
        for sid in today.next_sections:
            if sid in cat.sections and st.button(
                T.PLAN_READ_SECTION.format(title=cat.sections[sid].title),
                key=f"plan_read_{sid}",
                icon=":material/menu_book:",
            ):
                go("learn", section=sid)
        if goal.questions:
            st.markdown(T.PLAN_QUESTIONS.format(done=min(work.new_questions, goal.questions), target=goal.questions))
            if work.new_questions < goal.questions and st.button(
                T.PLAN_TO_QUESTIONS, key="plan_to_questions", icon=":material/edit_note:"
            ):
                go("practice", mode="sequential")
        if goal.reviews:
            st.markdown(
                T.PLAN_REVIEWS.format(
                    done=min(work.reviews, today.reviews_target), target=today.reviews_target, due=today.reviews_due
                )
            )
            if today.reviews_due and st.button(T.PLAN_TO_REVIEWS, key="plan_to_reviews", icon=":material/replay:"):
                go("practice", mode="review")
        pace = today.pace
        if pace is not None and pace.study_days > 0:
            if pace.remaining == 0:
                st.success(T.PLAN_PACE_ALL_READ)
            elif pace.on_track and pace.finish_on is not None:
                st.success(T.PLAN_PACE_OK.format(per_day=goal.sections, finish=cn_date(pace.finish_on)))
            elif goal.sections == 0:
                st.warning(T.PLAN_PACE_NONE.format(remaining=pace.remaining))
            else:
                st.warning(
                    T.PLAN_PACE_SHORT.format(
                        per_day=goal.sections,
                        remaining=pace.remaining,
                        days=pace.study_days,
                        needed=pace.per_day_needed,
                    )
                )
        streak = T.PLAN_STREAK.format(n=today.streak) if today.streak else T.PLAN_STREAK_NONE
        status = T.PLAN_TODAY_COUNTS if today.counts_today else T.PLAN_TODAY_NOT_YET
        st.markdown(f"**{streak}** · {status}")
        st.caption(
            T.PLAN_STREAK_RULE.format(
                questions=plan.MIN_QUESTIONS,
                minutes=plan.MIN_MINUTES,
                check=plan.MIN_CHECK_QUESTIONS,
                exam=plan.MIN_EXAM_ITEMS,
            )
        )


def plan_settings(db: Database, account: Actor, today: Today) -> None:
    """The form that sets the exam date and the daily goal."""
    with st.expander(T.PLAN_SETTINGS, expanded=False), st.form("plan_form"):
        chosen = look.pick_day(T.PLAN_EXAM_DATE, today.exam_date, key="plan_exam_date")
        limits = plan.GOAL_LIMITS
        sections = st.number_input(
            T.PLAN_GOAL_SECTIONS, 0, limits["sections"], today.goal.sections, 1, key="plan_sections"
        )
        questions = st.number_input(
            T.PLAN_GOAL_QUESTIONS, 0, limits["questions"], today.goal.questions, 5, key="plan_questions"
        )
        reviews = st.number_input(T.PLAN_GOAL_REVIEWS, 0, limits["reviews"], today.goal.reviews, 5, key="plan_reviews")
        if st.form_submit_button(T.PLAN_SAVE, type="primary"):
            with refusals():
                set_study_plan(db, account, chosen, int(sections), int(questions), int(reviews))
                st.toast(T.PLAN_SAVED)
                st.rerun()
