"""Figures that take long to compute and change only when data changes, kept for a few seconds per process.

An entry is used again only while no transaction that wrote has committed in this process since it was made
(any write here is seen on the next rerun) and for at most FRESH_SECONDS (a write made by another replica over
the same database is seen within that time). Keys name the data an entry was computed from (a class, a set of
trainees), never the account that asked: callers run their access checks first, on every call. The cache holds
at most MAX_ENTRIES entries, the least recently used leaving first."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar

from progress.figures import Figures, figures
from quizzes import item_analysis
from store.db import Database

if TYPE_CHECKING:
    from catalog.catalog import Catalog

T = TypeVar("T")
FRESH_SECONDS = 5.0
MAX_ENTRIES = 512  # a class of 60 keeps about 7 small entries per trainee

_entries: OrderedDict[Hashable, tuple[int, float, object]] = OrderedDict()
_lock = threading.Lock()


def kept(db: Database, key: Hashable, compute: Callable[[], T]) -> T:
    """The value computed for `key` over this database since the last write in this process and within
    FRESH_SECONDS; else compute it (reading the database) and keep it."""
    key = (db.engine.url.render_as_string(hide_password=True), key)
    stamp, now = db.stamp(), time.monotonic()
    if stamp is None:  # this transaction wrote: what it reads is not for others
        return compute()
    with _lock:
        found = _entries.get(key)
        if found is not None and found[0] == stamp and now - found[1] <= FRESH_SECONDS:
            _entries.move_to_end(key)
            return found[2]  # type: ignore[return-value]
    value = compute()
    with _lock:
        _entries[key] = (stamp, now, value)
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def forget() -> None:
    """Drop every entry (tests; a bank import)."""
    with _lock:
        _entries.clear()


def size() -> int:
    """How many entries are kept."""
    with _lock:
        return len(_entries)


def own_figures(db: Database, user_id: int, course: Catalog) -> Figures:
    """One trainee's figures (sections of this course read, answers, accuracy, exams, runs), kept like the rest;
    the caller has checked that the actor may see them."""
    return kept(db, ("my_figures", user_id, id(course)), lambda: figures(db, user_id, course.sections))


def analysed(db: Database, course: Catalog, ids: list[int] | None) -> tuple[item_analysis.ItemAnalysis, ...]:
    """Item analysis over the first answers of these trainees (everyone's for None), kept while data is
    unchanged; the caller has checked that the actor may see them."""
    scope = None if ids is None else frozenset(ids)
    return kept(
        db,
        ("item_analysis", scope, id(course)),
        lambda: tuple(item_analysis.analyse(item_analysis.responses_of(db, user_ids=ids), course.questions)),
    )
