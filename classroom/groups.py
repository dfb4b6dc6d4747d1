"""Groups of a class (4-6 trainees with a leader), formed at random or by hand."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import delete, select

from classroom.accounts import Account, account_of
from classroom.classes import members
from store.db import Database
from store.tables import ReportSubmission, RolePlay, Team, TeamMember, User

MIN_SIZE, MAX_SIZE = 4, 6


class GroupError(ValueError):
    """A grouping problem, with a message in Chinese."""


@dataclass(frozen=True)
class Group:
    """A group with its members and leader."""

    id: int
    class_id: int
    name: str
    leader_id: int | None
    members: tuple[Account, ...]

    def has(self, user_id: int) -> bool:
        """Whether the trainee is in this group."""
        return any(m.id == user_id for m in self.members)


def split(ids: list[int], size: int, seed: int | None = None) -> list[list[int]]:
    """Shuffle and cut into groups of about `size`, none smaller than MIN_SIZE when it can be helped."""
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise GroupError(f"每组人数须在 {MIN_SIZE}~{MAX_SIZE} 之间")
    shuffled = list(ids)
    random.Random(seed).shuffle(shuffled)
    n = len(shuffled)
    fitting = [c for c in range(1, n + 1) if MIN_SIZE <= n / c <= MAX_SIZE]
    count = min(fitting, key=lambda c: abs(n / c - size)) if fitting else max(1, round(n / size))
    return [shuffled[i::count] for i in range(count)]


def form_random(db: Database, class_id: int, size: int = 5, seed: int | None = None) -> list[Group]:
    """Replace the class's groups with random ones; the first member of each leads it."""
    ids = [m.id for m in members(db, class_id)]
    if len(ids) < 2:
        raise GroupError("班级人数太少，无法分组")
    parts = split(ids, size, seed)
    with db.session() as s:
        team_ids = list(s.scalars(select(Team.id).where(Team.class_id == class_id)))
        used = s.scalar(select(RolePlay.id).where(RolePlay.team_id.in_(team_ids))) or s.scalar(
            select(ReportSubmission.id).where(ReportSubmission.team_id.in_(team_ids))
        )
        if used:
            raise GroupError("已有小组提交了报告或完成了演练，不能重新随机分组；请手动调整成员")
        s.execute(delete(Team).where(Team.class_id == class_id))
        for n, part in enumerate(parts, start=1):
            team = Team(class_id=class_id, name=f"第{n}组", leader_id=part[0])
            s.add(team)
            s.flush()
            s.add_all(TeamMember(team_id=team.id, class_id=class_id, user_id=uid) for uid in part)
    return groups_of(db, class_id)


def create_group(db: Database, class_id: int, name: str) -> int:
    """An empty group, to fill by hand."""
    name = name.strip()
    if not 1 <= len(name) <= 32:
        raise GroupError("组名须为 1~32 个字符")
    with db.session() as s:
        if s.scalar(select(Team).where(Team.class_id == class_id, Team.name == name)):
            raise GroupError("已有同名小组")
        team = Team(class_id=class_id, name=name)
        s.add(team)
        s.flush()
        return team.id


def place(db: Database, class_id: int, team_id: int, user_id: int) -> None:
    """Move a trainee of the class into a group (out of any other)."""
    if user_id not in {m.id for m in members(db, class_id)}:
        raise GroupError("该学员不在本班")
    with db.session() as s:
        team = s.get(Team, team_id)
        if team is None or team.class_id != class_id:
            raise GroupError("找不到这个小组")
        s.execute(delete(TeamMember).where(TeamMember.class_id == class_id, TeamMember.user_id == user_id))
        for other in s.scalars(select(Team).where(Team.class_id == class_id, Team.leader_id == user_id)):
            other.leader_id = None
        s.add(TeamMember(team_id=team_id, class_id=class_id, user_id=user_id))


def set_leader(db: Database, team_id: int, user_id: int) -> None:
    """Make a member the group's leader."""
    with db.session() as s:
        team = s.get(Team, team_id)
        member = s.scalar(select(TeamMember).where(TeamMember.team_id == team_id, TeamMember.user_id == user_id))
        if team is None or member is None:
            raise GroupError("组长必须是本组成员")
        team.leader_id = user_id


def groups_of(db: Database, class_id: int) -> list[Group]:
    """The groups of a class with their members."""
    with db.session() as s:
        teams = list(s.scalars(select(Team).where(Team.class_id == class_id).order_by(Team.id)))
        out = []
        for team in teams:
            users = s.scalars(
                select(User)
                .join(TeamMember, TeamMember.user_id == User.id)
                .where(TeamMember.team_id == team.id)
                .order_by(User.username)
            )
            out.append(Group(team.id, class_id, team.name, team.leader_id, tuple(account_of(u) for u in users)))
        return out


def group_of(db: Database, class_id: int, user_id: int) -> Group | None:
    """The trainee's group in a class."""
    return next((g for g in groups_of(db, class_id) if g.has(user_id)), None)


def get_group(db: Database, team_id: int) -> Group | None:
    """A group by id."""
    with db.session() as s:
        team = s.get(Team, team_id)
        class_id = team.class_id if team else None
    if class_id is None:
        return None
    return next(g for g in groups_of(db, class_id) if g.id == team_id)
