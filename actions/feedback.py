"""Problem reports (报错/纠错): a trainee reports, instructors and admins see a queue with the item's statistics
and flags and reply; the reporter reads the reply on 首页."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from actions._cache import analysed
from actions._guard import TEACHERS, Actor, action, role, session, taught_trainees, teacher_of, who
from actions.refusals import NotAllowed, NotFound
from classroom import feedback
from classroom.feedback import ReportView
from quizzes import exam
from quizzes.item_analysis import ItemAnalysis
from store.db import Database
from store.tables import ClassMember, ScenarioRun, ScenarioTurn

if TYPE_CHECKING:
    from catalog.catalog import Catalog


@dataclass(frozen=True)
class QueueItem:
    """One question or scenario in the queue: its open reports and, for a question, its statistics and flags."""

    kind: str  # question | turn
    item_id: str
    reports: list[ReportView]
    analysis: ItemAnalysis | None


@action
def report_problem(
    db: Database,
    actor: Actor,
    course: Catalog,
    kind: feedback.Kind,
    item_id: str,
    category: str,
    note: str,
    run_id: int | None = None,
    turn: int | None = None,
) -> int:
    """Report a problem with a question, or with the score of one line of one's own role-play run."""
    me = who(db, actor)
    if kind == "question":
        if item_id not in course.questions:
            raise NotFound()
        if item_id in exam.open_paper_questions(db, me.id):
            raise NotAllowed()  # reported after the paper is handed in
    else:
        run = session(db).get(ScenarioRun, run_id) if run_id is not None else None
        if run is None or run.scenario_id != item_id:
            raise NotFound()
        if run.user_id != me.id:
            raise NotAllowed()
        said = select(ScenarioTurn.id).where(ScenarioTurn.run_id == run.id, ScenarioTurn.idx == turn)
        if session(db).scalar(said) is None:
            raise NotFound()
    return feedback.file_report(db, me.id, kind, item_id, category, note, run_id, turn)


@action
def my_reports(db: Database, actor: Actor) -> list[ReportView]:
    """The actor's own reports with their replies, newest first."""
    me = who(db, actor)
    return feedback.reports(db, user_id=me.id)


@action
def problem_queue(db: Database, actor: Actor, course: Catalog, class_id: int | None = None) -> list[QueueItem]:
    """Open reports from the trainees the actor teaches (a class, or all of them; everyone for an admin),
    grouped by item, and every question the item analysis flags; reported items first."""
    if class_id is not None:
        teacher_of(db, actor, class_id)
        ids: list[int] | None = list(
            session(db).scalars(select(ClassMember.user_id).where(ClassMember.class_id == class_id))
        )
    else:
        ids = taught_trainees(db, role(db, actor, *TEACHERS))
    grouped: dict[tuple[str, str], list[ReportView]] = {}
    for r in feedback.reports(db, reporter_ids=ids, status="open"):
        grouped.setdefault((r.kind, r.item_id), []).append(r)
    analysis = {a.question_id: a for a in analysed(db, course, ids)}
    out = [
        QueueItem(kind, item, rows, analysis.get(item) if kind == "question" else None)
        for (kind, item), rows in grouped.items()
    ]
    out.sort(key=lambda q: -len(q.reports))
    reported = {q.item_id for q in out if q.kind == "question"}
    out += [QueueItem("question", qid, [], a) for qid, a in analysis.items() if a.flags and qid not in reported]
    return out


@action
def answer_report(db: Database, actor: Actor, report_id: int, decision: str, reply: str) -> None:
    """Resolve or reject a report of a trainee the actor teaches, with a reply the trainee sees."""
    me = role(db, actor, *TEACHERS)
    owner = feedback.report_owner(db, report_id)
    if owner is None:
        raise NotFound()
    visible = taught_trainees(db, me)
    if visible is not None and owner not in visible:
        raise NotAllowed()
    feedback.handle(db, report_id, me.id, decision, reply)
