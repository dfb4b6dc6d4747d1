"""课堂 page: needs a class; shows the trainee's own group only."""

from __future__ import annotations

from classroom.accounts import list_accounts
from classroom.classes import add_member, create_class
from classroom.groups import form_random
from store.db import Database
from tests.ui.conftest import Open


def test_without_a_class_the_page_says_how_to_join(open_page: Open) -> None:
    at = open_page("classroom")
    assert at.info[0].value == "你还没有加入任何班级。向老师要班级码，在上方加入。"


def test_a_trainee_sees_only_their_own_group(open_page: Open, app_db: Database) -> None:
    names = ["g_a", "g_b", "g_c", "g_d", "g_e", "g_f", "g_g", "g_h"]
    sessions = [open_page(None, username=n) for n in names]
    accounts = {a.username: a for a in list_accounts(app_db)}
    open_page(None, role="instructor", username="teacher_g")
    info = create_class(app_db, next(a.id for a in list_accounts(app_db) if a.username == "teacher_g"), "班")
    for n in names:
        add_member(app_db, info.id, accounts[n].id)
    first, second = form_random(app_db, info.id, size=4, seed=9)
    at = open_page("classroom", at=sessions[names.index(first.members[0].username)])
    line = next(m.value for m in at.markdown if m.value.startswith("**第"))
    assert line.startswith(f"**{first.name}**") and second.name not in line
