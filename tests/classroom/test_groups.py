"""Groups of 4-6 with a leader, random or by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classroom.groups import GroupError, create_group, form_random, group_of, place, set_leader, split
from store.db import Database
from tests.classroom.helpers import make_class


@given(st.integers(min_value=8, max_value=120), st.integers(min_value=4, max_value=6))
def test_split_keeps_everyone_once_in_groups_of_four_to_six(n: int, size: int) -> None:
    parts = split(list(range(n)), size, seed=1)
    assert sorted(x for p in parts for x in p) == list(range(n))
    assert all(4 <= len(p) <= 6 for p in parts), [len(p) for p in parts]


def test_random_groups_are_reproducible_and_each_has_a_leader(db: Database) -> None:
    _, class_id, ids = make_class(db, 23)
    groups = form_random(db, class_id, size=5, seed=3)
    assert len(groups) == 5
    assert all(g.leader_id is not None and g.has(g.leader_id) for g in groups)
    first = [[m.id for m in g.members] for g in groups]
    assert [[m.id for m in g.members] for g in form_random(db, class_id, size=5, seed=3)] == first
    assert sorted(m.id for g in groups for m in g.members) == sorted(ids)


def test_moving_a_trainee_by_hand(db: Database) -> None:
    _, class_id, _ids = make_class(db, 8)
    groups = form_random(db, class_id, size=4, seed=1)
    mover = groups[0].leader_id
    assert mover is not None
    place(db, class_id, groups[1].id, mover)
    assert group_of(db, class_id, mover).id == groups[1].id  # type: ignore[union-attr]
    set_leader(db, groups[1].id, mover)
    with pytest.raises(GroupError, match="组长"):
        set_leader(db, groups[0].id, mover)
    extra = create_group(db, class_id, "机动组")
    with pytest.raises(GroupError, match="同名"):
        create_group(db, class_id, "机动组")
    with pytest.raises(GroupError, match="不在本班"):
        place(db, class_id, extra, 99999)


def test_a_trainee_taken_out_of_the_class_leaves_their_group_and_its_lead(db: Database) -> None:
    from classroom.classes import remove_member
    from classroom.groups import groups_of

    _, class_id, ids = make_class(db, 8)
    groups = form_random(db, class_id, size=4, seed=3)
    leader = groups[0].leader_id
    assert leader is not None
    remove_member(db, class_id, leader)
    after = groups_of(db, class_id)
    assert all(not g.has(leader) for g in after)
    assert after[0].leader_id is None and len(after[0].members) == len(groups[0].members) - 1
    assert group_of(db, class_id, leader) is None
    assert sum(len(g.members) for g in after) == len(ids) - 1
