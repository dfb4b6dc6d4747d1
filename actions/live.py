"""Live classroom quizzes: the instructor creates one and pushes its questions; trainees of the class join
with its code and answer the question on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from actions._guard import Actor, action, in_class, session, teacher_of, who
from actions.refusals import NotFound, Stale
from classroom import live
from classroom.live import LiveState, Standing, Submitted
from store.db import Database
from store.tables import LiveAnswer, LiveQuiz

if TYPE_CHECKING:
    from catalog.catalog import Catalog


def _quiz(db: Database, quiz_id: int) -> LiveQuiz:
    row = session(db).get(LiveQuiz, quiz_id)
    if row is None:
        raise NotFound()
    return row


@action
def create_live_quiz(
    db: Database, actor: Actor, course: Catalog, class_id: int, title: str, chapter_id: str, count: int
) -> LiveState:
    """A live quiz for a class the actor teaches, over objective questions on a chapter."""
    teacher_of(db, actor, class_id)
    if course.chapter(chapter_id) is None:
        raise NotFound()
    return live.create_quiz(db, class_id, title, live.chapter_questions(course, chapter_id, count))


@action
def class_live_quizzes(db: Database, actor: Actor, class_id: int) -> list[LiveState]:
    """The live quizzes of a class the actor teaches, newest first."""
    teacher_of(db, actor, class_id)
    return live.quizzes_of_class(db, class_id)


@action
def live_state(db: Database, actor: Actor, quiz_id: int) -> LiveState:
    """Where a live quiz of the actor's class stands."""
    in_class(db, actor, _quiz(db, quiz_id).class_id)
    return live.state(db, quiz_id)


@action
def push_live_question(db: Database, actor: Actor, quiz_id: int, current: int) -> LiveState:
    """Show the next question on every screen (or end after the last). `current` is the question the
    instructor's screen showed: a second click from another window does not skip a question."""
    row = _quiz(db, quiz_id)
    teacher_of(db, actor, row.class_id)
    if row.current != current:
        raise Stale()
    return live.advance(db, quiz_id)


@action
def finish_live_quiz(db: Database, actor: Actor, quiz_id: int) -> LiveState:
    """End a live quiz of a class the actor teaches."""
    teacher_of(db, actor, _quiz(db, quiz_id).class_id)
    return live.finish(db, quiz_id)


@action
def live_boards(db: Database, actor: Actor, quiz_id: int) -> tuple[list[Standing], list[Standing]]:
    """The individual and the group leaderboards of a live quiz of the actor's class."""
    in_class(db, actor, _quiz(db, quiz_id).class_id)
    return live.leaderboard(db, quiz_id), live.team_leaderboard(db, quiz_id)


@action
def live_view(db: Database, actor: Actor, quiz_id: int) -> tuple[LiveState, list[Standing], list[Standing]]:
    """Where a live quiz of the actor's class stands and both its leaderboards, in one transaction."""
    quiz = _quiz(db, quiz_id)  # held: the session keeps it for the reads below instead of reading it again
    in_class(db, actor, quiz.class_id)
    view = live.state(db, quiz_id), live.leaderboard(db, quiz_id), live.team_leaderboard(db, quiz_id)
    del quiz
    return view


@action
def join_live_quiz(db: Database, actor: Actor, code: str) -> LiveState:
    """Join a live quiz of one of the actor's classes by its code."""
    return live.join(db, who(db, actor).id, code)


@action
def my_live_quiz(db: Database, actor: Actor) -> int | None:
    """The newest running quiz the actor joined, so a new session finds it without the code."""
    return live.joined_running(db, who(db, actor).id)


@action
def answer_live(
    db: Database, actor: Actor, course: Catalog, quiz_id: int, question_id: str, response: Any
) -> Submitted:
    """The actor's answer to the question on screen; the first answer counts, once."""
    me = who(db, actor)
    in_class(db, actor, _quiz(db, quiz_id).class_id)
    question = course.questions.get(question_id)
    if question is None:
        raise NotFound()
    return live.answer(db, me.id, quiz_id, question, response, version=course.version_of(question_id))


@action
def my_live_answer(db: Database, actor: Actor, quiz_id: int, question_id: str) -> LiveAnswer | None:
    """The actor's stored answer to a question of a live quiz."""
    return live.my_answer(db, who(db, actor).id, quiz_id, question_id)


@action
def my_live_answers(db: Database, actor: Actor, quiz_id: int) -> dict[str, LiveAnswer]:
    """The actor's own answers in a live quiz, by question (for the answers and explanations afterwards)."""
    return live.my_answers(db, who(db, actor).id, quiz_id)
