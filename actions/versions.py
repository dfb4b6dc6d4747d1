"""Question versions, as an admin manages them: edit, regrade after a key change, retire, restore, export.

Only admins act here. Instructors see a wrong key through 报错 and item analysis and ask an admin: an edit
changes the question for every class, and a regrade rewrites scores of trainees the instructor does not teach."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from actions._guard import Actor, action, role, session
from actions.refusals import Invalid, NotFound, Stale
from catalog.versions import edited_yaml
from quizzes import versions
from quizzes.models import AnyQuestion
from quizzes.versions import Event, Lineage, RegradeCounts, StaleVersion, VersionError
from store.db import Database

if TYPE_CHECKING:
    from catalog.catalog import Catalog


@dataclass(frozen=True)
class History:
    """A question's versions (oldest first), what was done to it, and whether it is retired."""

    lineage: Lineage
    events: list[Event]


@dataclass(frozen=True)
class Edited:
    """A saved edit: the new version, and whether its key changed (then a regrade is offered)."""

    version: int
    key_changed: bool


def _shipped(course: Catalog, question_id: str) -> AnyQuestion:
    found = course.shipped_question(question_id)
    if found is None:
        raise NotFound()
    return found


def _pass_marks(course: Catalog) -> dict[str, float]:
    return {bp_id: bp.pass_mark for bp_id, bp in course.blueprints.items()}


def _run(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except StaleVersion as exc:
        raise Stale() from exc
    except VersionError as exc:
        raise Invalid(str(exc)) from exc


@action
def question_history(db: Database, actor: Actor, course: Catalog, question_id: str) -> History:
    """The versions of a question and who did what to it."""
    role(db, actor, "admin")
    shipped = _shipped(course, question_id)
    s = session(db)
    return History(versions.lineage(s, shipped), versions.events(s, question_id))


@action
def edit_question(
    db: Database, actor: Actor, course: Catalog, question_id: str, base_version: int, changes: dict[str, Any]
) -> Edited:
    """Save the edited stem, options, key, explanation or difficulty as a new version. `base_version` is the
    version the form showed: when someone saved another version since, the edit is refused (Stale)."""
    me = role(db, actor, "admin")
    shipped = _shipped(course, question_id)
    s = session(db)
    before = versions.lineage(s, shipped).served.question
    number: int = _run(versions.edit, s, shipped, base_version, changes, me.id)
    after = versions.lineage(s, shipped).served.question
    return Edited(number, versions.key_of(before) != versions.key_of(after))


@action
def preview_regrade(db: Database, actor: Actor, course: Catalog, question_id: str, version: int) -> RegradeCounts:
    """How many past answers and exam attempts would change if scored by the key of `version`; writes nothing."""
    me = role(db, actor, "admin")
    shipped = _shipped(course, question_id)
    counts: RegradeCounts = _run(
        versions.regrade, session(db), shipped, version, _pass_marks(course), me.id, apply=False
    )
    return counts


@action
def regrade_question(db: Database, actor: Actor, course: Catalog, question_id: str, version: int) -> RegradeCounts:
    """Score past answers and exam attempts again by the key of `version` (the newest), in one transaction,
    with an audit row naming the admin; a second run finds nothing left to do."""
    me = role(db, actor, "admin")
    shipped = _shipped(course, question_id)
    counts: RegradeCounts = _run(
        versions.regrade, session(db), shipped, version, _pass_marks(course), me.id, apply=True
    )
    return counts


@action
def retire_question(db: Database, actor: Actor, course: Catalog, question_id: str) -> None:
    """Stop serving a question in new practice, papers and quizzes; its versions and past answers stay."""
    me = role(db, actor, "admin")
    _run(versions.set_retired, session(db), _shipped(course, question_id), True, me.id)


@action
def restore_question(db: Database, actor: Actor, course: Catalog, question_id: str) -> None:
    """Serve a retired question again, at its newest version."""
    me = role(db, actor, "admin")
    _run(versions.set_retired, session(db), _shipped(course, question_id), False, me.id)


@action
def export_question_edits(db: Database, actor: Actor, course: Catalog) -> str:
    """The questions edited in the app as YAML in the bank's schema, to merge into the shipped bank."""
    role(db, actor, "admin")
    text: str = _run(edited_yaml, db, course)
    return text
