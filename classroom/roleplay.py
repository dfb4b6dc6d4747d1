"""Group role-play: a customer with a hidden brief, an agent whose turns the engine scores, observers who score
with the rubric; the two scores are combined."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from classroom.groups import get_group
from scenarios.models import Line, Scenario
from scenarios.runner import TRAINEE
from scenarios.sessions import start_run
from store.db import Database
from store.tables import ObserverScore, RolePlay, ScenarioRun

ENGINE_WEIGHT = 0.6
SCALE = (1, 5)
MAX_COMMENT = 500


class RolePlayError(ValueError):
    """A role-play problem, with a message in Chinese."""


@dataclass(frozen=True)
class RolePlayInfo:
    """A role-play with its roles, run and scores."""

    id: int
    team_id: int
    scenario_id: str
    customer_id: int
    agent_id: int
    run_id: int
    created_at: datetime
    engine_total: float | None
    observer_total: float | None
    observers: int

    def role_of(self, user_id: int) -> str:
        """customer, agent or observer."""
        if user_id == self.customer_id:
            return "customer"
        if user_id == self.agent_id:
            return "agent"
        return "observer"

    @property
    def combined(self) -> float | None:
        """Engine and observers weighted 60:40; the engine alone when nobody observed; None until the run ends."""
        if self.engine_total is None:
            return None
        if self.observer_total is None:
            return self.engine_total
        return round(ENGINE_WEIGHT * self.engine_total + (1 - ENGINE_WEIGHT) * self.observer_total, 1)


def customer_lines(transcript: Sequence[Line]) -> list[str]:
    """What the customer side has said since the agent last spoke: the customer player's next lines."""
    out: list[str] = []
    for line in transcript:
        out = [] if line.speaker == TRAINEE else [*out, f"{line.speaker}：{line.text}"]
    return out


def observer_percent(scores: dict[str, int], rubric: dict[str, float]) -> float:
    """One observer's 1-5 marks as a weighted percentage over the rubric."""
    low, high = SCALE
    total = sum(rubric.values())
    return round(100 * sum(w * (scores[d] - low) / (high - low) for d, w in rubric.items()) / total, 1)


def start_role_play(db: Database, scenario: Scenario, team_id: int, customer_id: int, agent_id: int) -> RolePlayInfo:
    """Open a role-play for a group: the agent's answers go into a scenario run of their own."""
    group = get_group(db, team_id)
    if group is None:
        raise RolePlayError("找不到这个小组")
    if customer_id == agent_id:
        raise RolePlayError("顾客和客服须由两名不同的组员扮演")
    if not (group.has(customer_id) and group.has(agent_id)):
        raise RolePlayError("顾客和客服都须是本组成员")
    with db.session() as s:  # the run and the role-play are written together
        run_id = start_run(db, agent_id, scenario.id)
        row = RolePlay(
            team_id=team_id, scenario_id=scenario.id, customer_id=customer_id, agent_id=agent_id, run_id=run_id
        )
        s.add(row)
        s.flush()
        role_play_id = row.id
    return role_play(db, role_play_id, {scenario.id: scenario})


def _info(s: object, row: RolePlay, scenarios: dict[str, Scenario]) -> RolePlayInfo:
    run = s.get(ScenarioRun, row.run_id)  # type: ignore[attr-defined]
    marks = list(s.scalars(select(ObserverScore).where(ObserverScore.role_play_id == row.id)))  # type: ignore[attr-defined]
    scenario = scenarios.get(row.scenario_id)
    percents = [observer_percent(m.scores, scenario.rubric) for m in marks if scenario is not None]
    return RolePlayInfo(
        row.id,
        row.team_id,
        row.scenario_id,
        row.customer_id,
        row.agent_id,
        row.run_id,
        row.created_at,
        run.total if run is not None and run.finished_at is not None else None,
        round(sum(percents) / len(percents), 1) if percents else None,
        len(marks),
    )


def role_play(db: Database, role_play_id: int, scenarios: dict[str, Scenario]) -> RolePlayInfo:
    """One role-play with its current scores."""
    with db.session() as s:
        row = s.get(RolePlay, role_play_id)
        if row is None:
            raise RolePlayError("找不到这次演练")
        return _info(s, row, scenarios)


def role_plays_of(db: Database, team_ids: list[int], scenarios: dict[str, Scenario]) -> list[RolePlayInfo]:
    """Role-plays of these groups, newest first."""
    if not team_ids:
        return []
    with db.session() as s:
        rows = s.scalars(select(RolePlay).where(RolePlay.team_id.in_(team_ids)).order_by(RolePlay.id.desc()))
        return [_info(s, r, scenarios) for r in rows]


def score_as_observer(
    db: Database, info: RolePlayInfo, scenario: Scenario, observer_id: int, scores: dict[str, int], comment: str = ""
) -> None:
    """Store an observer's marks (1-5 on every rubric dimension); an observer may revise them."""
    group = get_group(db, info.team_id)
    if group is None or not group.has(observer_id) or info.role_of(observer_id) != "observer":
        raise RolePlayError("只有本组的观察员可以评分")
    low, high = SCALE
    if set(scores) != set(scenario.rubric):
        raise RolePlayError("请为每个评分维度打分")
    if any(not isinstance(v, int) or not low <= v <= high for v in scores.values()):
        raise RolePlayError(f"每项分数须为 {low}~{high} 的整数")
    comment = comment.strip()[:MAX_COMMENT]
    for _ in range(2):
        try:
            with db.session() as s:
                row = s.scalar(
                    select(ObserverScore).where(
                        ObserverScore.role_play_id == info.id, ObserverScore.observer_id == observer_id
                    )
                )
                if row is None:
                    s.add(ObserverScore(role_play_id=info.id, observer_id=observer_id, scores=scores, comment=comment))
                else:
                    row.scores, row.comment = scores, comment
            return
        except IntegrityError:
            continue  # the first marks of this observer were stored by another window: update them
    raise RolePlayError("评分没有保存，请再提交一次")


def observer_marks(db: Database, role_play_id: int) -> list[tuple[int, dict[str, int], str]]:
    """Every observer's marks and comment."""
    with db.session() as s:
        rows = s.scalars(select(ObserverScore).where(ObserverScore.role_play_id == role_play_id))
        return [(r.observer_id, dict(r.scores), r.comment) for r in rows]
