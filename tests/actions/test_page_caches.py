"""Figures kept between reruns: a write shows on the next call, nothing crosses from one instructor's scope to
another's, the cache is bounded; the teacher's trainee list reads only the trainees taught; a trainee's
drill-down reads every run in a fixed number of statements."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from actions import _cache
from actions.scenarios import load_run, load_runs
from actions.teaching import class_dashboard, item_statistics, trainee_summaries
from benchmarks.seed import finished_runs, seed_class
from catalog.catalog import Catalog
from classroom import accounts
from classroom.accounts import create_user, get_account
from store.db import Database
from store.tables import Answer


@contextmanager
def statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def one(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", one)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", one)


def add_answer(db: Database, uid: int, qid: str) -> None:
    with db.session() as s:
        s.add(
            Answer(user_id=uid, question_id=qid, mode="practice", response="A", status="correct", score=1, possible=1)
        )


def test_kept_figures_are_read_again_after_a_write_and_after_some_seconds(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _cache.forget()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert _cache.kept(db, "k", compute) == 1
    assert _cache.kept(db, "k", compute) == 1  # nothing written: kept
    create_user(db, "someone", "某人", "trainee", "secret-pass-2026")  # any committed write here
    assert _cache.kept(db, "k", compute) == 2
    with db.session() as s:  # a read-only transaction is no write
        s.scalar(Answer.__table__.select().limit(1))
    assert _cache.kept(db, "k", compute) == 2
    clock = [_cache.time.monotonic() + 100.0]
    monkeypatch.setattr(_cache.time, "monotonic", lambda: clock[0])
    assert _cache.kept(db, "k", compute) == 3  # kept long ago: computed anew
    clock[0] += _cache.FRESH_SECONDS - 0.1
    assert _cache.kept(db, "k", compute) == 3
    clock[0] += 0.2  # a write on another replica is seen within FRESH_SECONDS
    assert _cache.kept(db, "k", compute) == 4


def test_a_rolled_back_write_keeps_the_figures_and_the_cache_is_bounded(db: Database, tmp_path: Path) -> None:
    _cache.forget()
    counter: Callable[[], object] = object  # a new object on every call
    uid = create_user(db, "rolled", "某人", "trainee", "secret-pass-2026").id
    first = _cache.kept(db, "x", counter)
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Answer(user_id=uid, question_id="q", mode="practice", response="A", status="wrong", score=0, possible=1))
        s.flush()
        raise RuntimeError
    assert _cache.kept(db, "x", counter) is first  # nothing was committed
    other = Database(f"sqlite:///{tmp_path / 'other.db'}")
    assert _cache.kept(other, "x", counter) is not first  # one key, two databases: two entries
    for n in range(_cache.MAX_ENTRIES * 2):
        _cache.kept(db, ("many", n), counter)
    assert _cache.size() == _cache.MAX_ENTRIES


def test_the_class_dashboard_shows_a_new_answer_on_the_next_call(tmp_path: Path, shipped: Catalog) -> None:
    url = f"sqlite:///{tmp_path / 'dash.db'}"
    db = Database(url)
    admin = create_user(db, "teacher", "老师", "admin", "secret-pass-2026")
    seeded = seed_class(db, shipped, 3, 5, instructor_id=admin.id)
    me = get_account(db, admin.id)
    uid = seeded.trainee_ids[0]
    before = class_dashboard(db, me, shipped, seeded.class_id).answered[uid]
    assert class_dashboard(db, me, shipped, seeded.class_id).answered[uid] == before  # kept
    add_answer(Database(url), uid, next(iter(shipped.questions)))  # written through another engine object
    assert class_dashboard(db, me, shipped, seeded.class_id).answered[uid] == before + 1


def test_one_instructors_kept_statistics_never_reach_another(tmp_path: Path, shipped: Catalog) -> None:
    db = Database(f"sqlite:///{tmp_path / 'two.db'}")
    a = create_user(db, "teacher_a", "甲老师", "instructor", "secret-pass-2026")
    b = create_user(db, "teacher_b", "乙老师", "instructor", "secret-pass-2026")
    seed_class(db, shipped, 4, 30, instructor_id=a.id, rng_seed=1)
    seed_class(db, shipped, 2, 3, instructor_id=b.id, rng_seed=2)
    stats_a = item_statistics(db, get_account(db, a.id), shipped)
    stats_b = item_statistics(db, get_account(db, b.id), shipped)
    assert sum(s.respondents for s in stats_a) > sum(s.respondents for s in stats_b)
    assert max(s.respondents for s in stats_b) <= 2  # only b's two trainees, not a's kept figures
    names_b = {r.username for r in trainee_summaries(db, get_account(db, b.id), shipped)}
    names_a = {r.username for r in trainee_summaries(db, get_account(db, a.id), shipped)}
    assert len(names_b) == 2 and len(names_a) == 4 and not names_a & names_b


def test_the_trainee_list_reads_only_the_taught_trainees(
    tmp_path: Path, shipped: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'list.db'}")
    me = create_user(db, "teacher_c", "丙老师", "instructor", "secret-pass-2026")
    seed_class(db, shipped, 3, 2, instructor_id=me.id)
    account = get_account(db, me.id)
    built: list[int] = []
    real = accounts.account_of
    monkeypatch.setattr(accounts, "account_of", lambda u: built.append(u.id) or real(u))

    def one_call() -> int:
        built.clear()
        with statements() as seen:
            rows = trainee_summaries(db, account, shipped)
        assert len(rows) == 3 and len(built) == 3  # no other trainee's row is read
        return len(seen)

    few = one_call()
    other = create_user(db, "other_t", "别班老师", "instructor", "secret-pass-2026")
    seed_class(db, shipped, 20, 2, instructor_id=other.id)
    assert one_call() == few  # 20 more trainees elsewhere: the same statements


def _finished_runs(db: Database, shipped: Catalog, uid: int, n: int) -> list[int]:
    return finished_runs(db, shipped, [uid], n)


def test_a_drill_down_reads_any_number_of_runs_in_the_same_statements(tmp_path: Path, shipped: Catalog) -> None:
    db = Database(f"sqlite:///{tmp_path / 'runs.db'}")
    me = create_user(db, "teacher_d", "丁老师", "instructor", "secret-pass-2026")
    seeded = seed_class(db, shipped, 2, 1, instructor_id=me.id)
    account = get_account(db, me.id)
    uid = seeded.trainee_ids[1]
    one = _finished_runs(db, shipped, uid, 1)
    with statements() as seen:
        load_runs(db, account, shipped, one)
    few = len(seen)
    many = one + _finished_runs(db, shipped, uid, 5)
    with statements() as seen:
        loaded = load_runs(db, account, shipped, many)
    assert len(seen) == few
    for run_id in many:  # the same runs as one at a time
        alone = load_run(db, account, shipped, run_id)
        got = loaded[run_id]
        assert not isinstance(got, Exception)
        assert got.result is not None and alone.result is not None
        assert got.result.to_dict() == alone.result.to_dict()
        assert [t.text for t in got.turns] == [t.text for t in alone.turns]


def test_a_transaction_that_wrote_reads_its_own_data_not_a_kept_value(db: Database) -> None:
    _cache.forget()
    uid = create_user(db, "own_reads", "某人", "trainee", "secret-pass-2026").id

    def answers() -> int:
        with db.session() as s:
            return int(s.query(Answer).filter(Answer.user_id == uid).count())

    assert _cache.kept(db, "own", answers) == 0
    with db.session() as s:
        s.add(Answer(user_id=uid, question_id="q", mode="practice", response="A", status="wrong", score=0, possible=1))
        s.flush()
        assert _cache.kept(db, "own", answers) == 1  # not the kept 0: this transaction wrote
    assert _cache.kept(db, "own", answers) == 1  # committed: the kept 0 is stale
