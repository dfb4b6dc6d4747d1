"""Reading progress is saved and the last section is offered for resuming."""

from __future__ import annotations

from classroom.accounts import create_user
from courseware.progress import DONE, OPENED, last_section, mark, statuses
from store.db import Database


def test_progress_is_saved_and_restored(db: Database) -> None:
    user = create_user(db, "reader", "读者", "trainee", "secret-pass-2026")
    assert last_section(db, user.id) is None
    mark(db, user.id, "customer-vs-consumer", OPENED)
    mark(db, user.id, "customer-vs-consumer", DONE)
    mark(db, user.id, "crisis-5s", OPENED)
    mark(db, user.id, "customer-vs-consumer", OPENED)
    again = Database(str(db.engine.url))
    assert statuses(again, user.id) == {"customer-vs-consumer": DONE, "crisis-5s": OPENED}
    assert last_section(again, user.id) == "customer-vs-consumer"
