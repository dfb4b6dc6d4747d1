"""Classes as the instructor runs them and trainees join them: classes, roster, assignments, groups."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from actions._guard import (
    TEACHERS,
    Actor,
    action,
    in_class,
    is_member,
    remember_classes,
    role,
    session,
    teacher_of,
    who,
)
from actions.refusals import NotFound
from classroom import assignments, classes, groups
from classroom.accounts import Account
from classroom.assignments import AssignmentInfo, Kind
from classroom.classes import ClassInfo, RosterReport
from classroom.groups import Group
from store.db import Database
from store.tables import Assignment, Team

if TYPE_CHECKING:
    from catalog.catalog import Catalog


@action
def my_classes(db: Database, actor: Actor) -> list[ClassInfo]:
    """The classes the actor teaches (every class for an admin) or belongs to."""
    found = classes.classes_of(db, who(db, actor))
    remember_classes(db, found)
    return found


@action
def get_class(db: Database, actor: Actor, class_id: int) -> ClassInfo:
    """One class the actor teaches or belongs to."""
    me, _row = in_class(db, actor, class_id)
    return classes.get_class(db, me, class_id)


@action
def create_class(db: Database, actor: Actor, name: str) -> ClassInfo:
    """A new class taught by the actor, with a fresh join code."""
    me = role(db, actor, *TEACHERS)
    return classes.create_class(db, me.id, name)


@action
def join_class(db: Database, actor: Actor, code: str) -> ClassInfo:
    """Join the class with this code (joining twice changes nothing)."""
    return classes.join_class(db, who(db, actor).id, code)


@action
def class_members(db: Database, actor: Actor, class_id: int) -> list[Account]:
    """The trainees of a class the actor teaches."""
    teacher_of(db, actor, class_id)
    return classes.members(db, class_id)


@action
def import_roster(db: Database, actor: Actor, class_id: int, filename: str, data: bytes) -> RosterReport:
    """Add the trainees listed in a CSV or Excel file to a class the actor teaches, creating missing accounts;
    all of it or, on a failure, none of it."""
    teacher_of(db, actor, class_id)
    return classes.import_roster(db, class_id, filename, data)


@action
def remove_member(db: Database, actor: Actor, class_id: int, user_id: int) -> None:
    """Take a trainee out of a class the actor teaches."""
    teacher_of(db, actor, class_id)
    if not is_member(db, class_id, user_id):
        raise NotFound()
    classes.remove_member(db, class_id, user_id)


@action
def assign(
    db: Database,
    actor: Actor,
    course: Catalog,
    class_id: int,
    kind: Kind,
    target: str,
    *,
    due_at: datetime | None = None,
    max_attempts: int | None = None,
    goal: int | None = None,
) -> AssignmentInfo:
    """Set work for a class the actor teaches."""
    teacher_of(db, actor, class_id)
    return assignments.create_assignment(
        db, course, class_id, kind, target, due_at=due_at, max_attempts=max_attempts, goal=goal
    )


@action
def delete_assignment(db: Database, actor: Actor, class_id: int, assignment_id: int) -> None:
    """Remove an assignment of a class the actor teaches."""
    teacher_of(db, actor, class_id)
    row = session(db).get(Assignment, assignment_id)
    if row is None or row.class_id != class_id:
        raise NotFound()
    assignments.delete_assignment(db, class_id, assignment_id)


@action
def class_assignments(db: Database, actor: Actor, class_id: int) -> list[AssignmentInfo]:
    """Assignments of a class the actor teaches or belongs to, oldest first."""
    in_class(db, actor, class_id)
    return assignments.assignments_of(db, [class_id])


def _team(db: Database, class_id: int, team_id: int) -> Team:
    team = session(db).get(Team, team_id)
    if team is None or team.class_id != class_id:
        raise NotFound()
    return team


@action
def form_groups(db: Database, actor: Actor, class_id: int, size: int = 5, seed: int | None = None) -> list[Group]:
    """Replace a class's groups with random ones of about `size` (4-6) members."""
    teacher_of(db, actor, class_id)
    return groups.form_random(db, class_id, size, seed)


@action
def create_group(db: Database, actor: Actor, class_id: int, name: str) -> int:
    """An empty group in a class the actor teaches."""
    teacher_of(db, actor, class_id)
    return groups.create_group(db, class_id, name)


@action
def place_in_group(db: Database, actor: Actor, class_id: int, team_id: int, user_id: int) -> None:
    """Move a trainee of the class into one of its groups."""
    teacher_of(db, actor, class_id)
    _team(db, class_id, team_id)
    groups.place(db, class_id, team_id, user_id)


@action
def set_group_leader(db: Database, actor: Actor, class_id: int, team_id: int, user_id: int) -> None:
    """Make a member of one of the class's groups its leader."""
    teacher_of(db, actor, class_id)
    _team(db, class_id, team_id)
    groups.set_leader(db, team_id, user_id)


@action
def class_groups(db: Database, actor: Actor, class_id: int) -> list[Group]:
    """The groups of a class the actor teaches, with their members."""
    teacher_of(db, actor, class_id)
    return groups.groups_of(db, class_id)


@action
def my_group(db: Database, actor: Actor, class_id: int) -> Group | None:
    """The actor's group in a class they belong to (None for a teacher, who is in no group)."""
    me, _row = in_class(db, actor, class_id)
    return groups.group_of(db, class_id, me.id)
