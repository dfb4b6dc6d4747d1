"""The served catalogue's check for app edits: at most one read per STAMP_SECONDS per process, and at once after
an edit made in this process."""

from __future__ import annotations

import pytest

from ui import resources


def test_the_edits_stamp_is_read_once_per_interval_and_again_after_a_local_edit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[int] = []
    clock = [1000.0]
    monkeypatch.setattr(resources, "_database", lambda url: url)
    monkeypatch.setattr(resources, "stamp", lambda db: reads.append(1) or len(reads))
    monkeypatch.setattr(resources.time, "monotonic", lambda: clock[0])
    resources.versions_changed()
    assert resources._edits("sqlite:///a.db") == 1
    clock[0] += resources.STAMP_SECONDS - 1
    assert resources._edits("sqlite:///a.db") == 1 and len(reads) == 1  # within the interval: no read
    resources.versions_changed()  # an edit written in this process
    assert resources._edits("sqlite:///a.db") == 2
    clock[0] += resources.STAMP_SECONDS + 1
    assert resources._edits("sqlite:///a.db") == 3  # another replica's edit shows after the interval
    resources.versions_changed()
