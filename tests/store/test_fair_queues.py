"""Writers and transactions served in the order they came: no answer of a class waits while later ones pass."""

from __future__ import annotations

import threading
import time

from store.db import _FairGate, _FairLock


def _arrive_in_order(count: int, enter: object, leave: object) -> list[int]:
    """Threads that queue one after another (a holder keeps the lock until all are waiting); the order served."""
    served: list[int] = []
    queued = threading.Semaphore(0)

    def worker(n: int) -> None:
        queued.release()
        enter()  # type: ignore[operator]
        served.append(n)
        time.sleep(0.001)
        leave()  # type: ignore[operator]

    enter()  # type: ignore[operator]
    threads = []
    for n in range(count):
        t = threading.Thread(target=worker, args=(n,))
        t.start()
        queued.acquire()
        time.sleep(0.005)  # the thread is now blocked in enter()
        threads.append(t)
    leave()  # type: ignore[operator]
    for t in threads:
        t.join(5)
    return served


def test_write_lock_serves_waiting_threads_first_come_first_served() -> None:
    lock = _FairLock()
    assert _arrive_in_order(12, lock.acquire, lock.release) == list(range(12))


def test_write_lock_is_reentrant_in_one_thread() -> None:
    lock = _FairLock()
    lock.acquire()
    lock.acquire()  # a second session of the same thread writing
    lock.release()
    other: list[bool] = []
    t = threading.Thread(target=lambda: (lock.acquire(), other.append(True), lock.release()))
    t.start()
    time.sleep(0.02)
    assert other == []  # still held once
    lock.release()
    t.join(2)
    assert other == [True]


def test_gate_serves_in_order_and_never_more_than_its_slots() -> None:
    gate = _FairGate(1)
    assert _arrive_in_order(10, gate.__enter__, lambda: gate.__exit__(None, None, None)) == list(range(10))
    gate = _FairGate(3)
    inside, most = [0], [0]
    guard = threading.Lock()

    def work() -> None:
        with gate:
            with guard:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.002)
            with guard:
                inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert most[0] == 3 and inside[0] == 0
