"""Group reports: the group leader hands one in; the instructor marks it on the rubric."""

from __future__ import annotations

from actions._guard import Actor, action, in_class, session, teacher_of
from actions.refusals import NotAllowed, NotFound
from classroom import group_reports
from classroom.assignments import AssignmentInfo, assignments_of
from classroom.group_reports import SubmissionView
from classroom.groups import group_of
from store.db import Database
from store.tables import Assignment, ReportSubmission


def _report_task(db: Database, class_id: int, assignment_id: int) -> AssignmentInfo:
    task = next((a for a in assignments_of(db, [class_id]) if a.id == assignment_id), None)
    if task is None or task.kind != "report":
        raise NotFound()
    return task


@action
def submit_report(
    db: Database, actor: Actor, class_id: int, assignment_id: int, text: str, filename: str | None = None
) -> SubmissionView:
    """Hand in (or replace) the actor's group's report; only the leader, or anyone in a group without one."""
    me, _row = in_class(db, actor, class_id)
    task = _report_task(db, class_id, assignment_id)
    group = group_of(db, class_id, me.id)
    if group is None:
        raise NotAllowed()
    return group_reports.submit(db, task, group, me.id, text, filename)


@action
def my_group_report(db: Database, actor: Actor, class_id: int, assignment_id: int) -> SubmissionView | None:
    """The current report of the actor's group for a report assignment."""
    me, _row = in_class(db, actor, class_id)
    _report_task(db, class_id, assignment_id)
    group = group_of(db, class_id, me.id)
    return group_reports.submission(db, assignment_id, group.id) if group else None


@action
def class_reports(db: Database, actor: Actor, class_id: int, assignment_id: int) -> list[SubmissionView]:
    """Every group's report for a report assignment of a class the actor teaches."""
    teacher_of(db, actor, class_id)
    _report_task(db, class_id, assignment_id)
    return group_reports.submissions(db, assignment_id)


@action
def mark_report(
    db: Database, actor: Actor, class_id: int, submission_id: int, marks: dict[str, float], feedback: str = ""
) -> SubmissionView:
    """Points per rubric criterion and feedback on a report of a class the actor teaches."""
    teacher_of(db, actor, class_id)
    row = session(db).get(ReportSubmission, submission_id)
    task = session(db).get(Assignment, row.assignment_id) if row is not None else None
    if task is None or task.class_id != class_id:
        raise NotFound()
    return group_reports.mark(db, submission_id, dict(marks), feedback)
