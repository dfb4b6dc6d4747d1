"""Fast trainee rows for classroom tests (argon2 hashing is deliberately slow)."""

from __future__ import annotations

from classroom.classes import add_member, create_class
from store.db import Database
from store.tables import User


def make_users(db: Database, n: int, prefix: str = "t", role: str = "trainee") -> list[int]:
    """Insert n accounts that cannot sign in and return their ids."""
    with db.session() as s:
        users = [
            User(username=f"{prefix}{i:03d}", display_name=f"学员{i}", role=role, password_hash="x") for i in range(n)
        ]
        s.add_all(users)
        s.flush()
        return [u.id for u in users]


def make_class(db: Database, n: int) -> tuple[int, int, list[int]]:
    """An instructor, a class and n trainees in it."""
    (teacher,) = make_users(db, 1, "teacher", "instructor")
    info = create_class(db, teacher, "2026 春季班")
    ids = make_users(db, n)
    for uid in ids:
        add_member(db, info.id, uid)
    return teacher, info.id, ids
