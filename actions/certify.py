"""Certification: the requirements, the final exam (a theory paper and two scenarios), certificates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from actions._cache import own_figures
from actions._guard import Actor, action, session, who
from actions.refusals import NotFound
from certification import final
from certification.final import Check, FinalStatus, Verified
from store.db import Database
from store.tables import CertificationAttempt

if TYPE_CHECKING:
    from catalog.catalog import Catalog


@action
def requirement_checks(db: Database, actor: Actor, course: Catalog) -> list[Check]:
    """Every requirement of the final exam with the actor's standing, for display (starting the final exam
    checks them again on fresh figures)."""
    me = who(db, actor)
    return final.requirement_checks(db, course, final.load_rules(), me.id, own_figures(db, me.id, course))


@action
def my_certificates(db: Database, actor: Actor) -> list[tuple[str, str, date, float, tuple[float, ...]]]:
    """(code, name, date, theory, skills) of the actor's certificates, newest first."""
    return final.certificates_of(db, who(db, actor).id)


@action
def current_final(db: Database, actor: Actor) -> int | None:
    """The actor's unfinished final exam."""
    return final.current_final(db, who(db, actor).id)


@action
def latest_final(db: Database, actor: Actor) -> int | None:
    """The actor's most recent final exam."""
    return final.latest_final(db, who(db, actor).id)


@action
def start_final(db: Database, actor: Actor, course: Catalog, seed: int | None = None) -> int:
    """Open the final exam when the requirements are met: the paper and both scenarios drawn at once."""
    return final.start_final(db, course, final.load_rules(), who(db, actor).id, seed)


def _own(db: Database, actor: Actor, attempt_id: int) -> int:
    me = who(db, actor)
    row = session(db).get(CertificationAttempt, attempt_id)
    if row is None or row.user_id != me.id:
        raise NotFound()
    return me.id


@action
def final_status(db: Database, actor: Actor, attempt_id: int) -> FinalStatus:
    """Where the actor's final exam stands; when every part is done the verdict is stored and, on a pass,
    the certificate issued (once), in the same transaction."""
    user_id = _own(db, actor, attempt_id)
    return final.status(db, final.load_rules(), user_id, attempt_id)


@action
def start_final_skills_paper(db: Database, actor: Actor, course: Catalog, attempt_id: int) -> int:
    """Open the final's written skills paper once its theory paper is handed in; the exam attempt's id."""
    user_id = _own(db, actor, attempt_id)
    return final.start_skills_paper(db, course, final.load_rules(), user_id, attempt_id)


@action
def final_scenario_run(db: Database, actor: Actor, attempt_id: int, index: int) -> int:
    """The run of the final's n-th scenario, started on first use."""
    user_id = _own(db, actor, attempt_id)
    if index not in (0, 1):
        raise NotFound()
    return final.scenario_run(db, user_id, attempt_id, index)


@action
def verify_certificate(db: Database, actor: Actor, code: str) -> Verified | None:
    """What a certificate code proves; anyone may check one, signed in or not (the actor may be None)."""
    return final.verify(db, code)
