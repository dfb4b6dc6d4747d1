"""The course as served: the shipped catalogue with the question versions edited in the app laid over it."""

from __future__ import annotations

import dataclasses

from catalog.catalog import Catalog
from quizzes import versions
from store.db import Database


def with_versions(db: Database, base: Catalog) -> Catalog:
    """A new catalogue serving the newest version of every edited question, with retired ids marked; `base`
    (the shipped course) is not changed. Questions stay in bank order."""
    shipped = base.shipped_questions if base.shipped_questions is not None else base.questions
    with db.session() as s:
        over = versions.overlay(s, shipped)
    if not over.questions and not over.versions and not over.retired:
        return base
    questions = {qid: over.questions.get(qid, q) for qid, q in shipped.items()}
    return dataclasses.replace(
        base, questions=questions, versions=over.versions, retired=over.retired, shipped_questions=shipped
    )


def stamp(db: Database) -> int:
    """Changes whenever a question is edited, retired or restored: the key of the served catalogue."""
    with db.session() as s:
        return versions.stamp(s)


def edited_yaml(db: Database, course: Catalog) -> str:
    """The app's edits as a bank file in the shipped banks' schema."""
    shipped = course.shipped_questions if course.shipped_questions is not None else course.questions
    with db.session() as s:
        over = versions.overlay(s, shipped)
    edited = [over.questions[q] for q in sorted(over.edited) if q in over.questions]
    return versions.export_yaml(edited, over.retired, course.question_bank)
