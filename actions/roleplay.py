"""Group role-play: the instructor opens one for a group; the customer, the agent and the observers of the
group play and score it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from actions._guard import Actor, action, in_class, session, teacher_of, who
from actions.refusals import NotAllowed, NotFound
from classroom import roleplay
from classroom.groups import group_of
from classroom.roleplay import RolePlayInfo
from store.db import Database
from store.tables import RolePlay, Team, TeamMember

if TYPE_CHECKING:
    from catalog.catalog import Catalog


@action
def start_role_play(
    db: Database,
    actor: Actor,
    course: Catalog,
    class_id: int,
    team_id: int,
    scenario_id: str,
    customer_id: int,
    agent_id: int,
) -> RolePlayInfo:
    """Open a role-play for a group of a class the actor teaches: the run and the role-play in one go."""
    teacher_of(db, actor, class_id)
    team = session(db).get(Team, team_id)
    scenario = course.scenarios.get(scenario_id)
    if team is None or team.class_id != class_id or scenario is None:
        raise NotFound()
    return roleplay.start_role_play(db, scenario, team_id, customer_id, agent_id)


@action
def class_role_plays(db: Database, actor: Actor, course: Catalog, class_id: int) -> list[RolePlayInfo]:
    """Every role-play of the groups of a class the actor teaches, newest first."""
    teacher_of(db, actor, class_id)
    teams = list(session(db).scalars(select(Team.id).where(Team.class_id == class_id)))
    return roleplay.role_plays_of(db, teams, course.scenarios)


@action
def my_role_plays(db: Database, actor: Actor, course: Catalog, class_id: int) -> list[RolePlayInfo]:
    """The role-plays of the actor's group in a class."""
    me, _row = in_class(db, actor, class_id)
    group = group_of(db, class_id, me.id)
    return roleplay.role_plays_of(db, [group.id], course.scenarios) if group else []


def _play(db: Database, actor: Actor, role_play_id: int) -> tuple[RolePlay, Team]:
    """The role-play, when the actor is in its group or teaches its class."""
    me = who(db, actor)
    row = session(db).get(RolePlay, role_play_id)
    team = session(db).get(Team, row.team_id) if row is not None else None
    if row is None or team is None:
        raise NotFound()
    member = session(db).scalar(select(TeamMember.id).where(TeamMember.team_id == team.id, TeamMember.user_id == me.id))
    if member is None:
        teacher_of(db, actor, team.class_id)
    return row, team


@action
def role_play_info(db: Database, actor: Actor, course: Catalog, role_play_id: int) -> RolePlayInfo:
    """A role-play of the actor's group (or of a class they teach) with its current scores."""
    _play(db, actor, role_play_id)
    return roleplay.role_play(db, role_play_id, course.scenarios)


@action
def mark_role_play(
    db: Database, actor: Actor, course: Catalog, role_play_id: int, scores: dict[str, int], comment: str = ""
) -> None:
    """An observer's 1-5 marks on every rubric dimension (revisable); stored, or refused, never dropped."""
    me = who(db, actor)
    row, _team = _play(db, actor, role_play_id)
    scenario = course.scenarios.get(row.scenario_id)
    if scenario is None:
        raise NotFound()
    info = roleplay.role_play(db, role_play_id, course.scenarios)
    if info.role_of(me.id) != "observer" or not session(db).scalar(
        select(TeamMember.id).where(TeamMember.team_id == row.team_id, TeamMember.user_id == me.id)
    ):
        raise NotAllowed()
    roleplay.score_as_observer(db, info, scenario, me.id, scores, comment)


@action
def my_observer_marks(db: Database, actor: Actor, role_play_id: int) -> tuple[dict[str, int], str] | None:
    """The actor's own marks and comment on a role-play, if any."""
    me = who(db, actor)
    _play(db, actor, role_play_id)
    return next(((m, c) for o, m, c in roleplay.observer_marks(db, role_play_id) if o == me.id), None)
