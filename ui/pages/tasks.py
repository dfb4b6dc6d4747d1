"""我的任务: join a class with its code, and see every assignment with its status."""

from collections.abc import Callable

import streamlit as st

from actions.classes import join_class, my_classes
from actions.study import my_tasks
from source import dates
from ui import text as T
from ui.auth import require
from ui.refusal import refusals
from ui.resources import catalog, database
from ui.routes import go

account = require()


def first_section(chapter_id: str) -> dict[str, str]:
    chapter = cat.chapter(chapter_id)
    return {"section": chapter.sections[0].id} if chapter and chapter.sections else {}


# Where each kind of task is done (a route), and what that page should show first.
GO_PAGE = {"chapter": "learn", "practice": "practice", "exam": "exam", "scenario": "scenario", "report": "classroom"}
GO_SHOW: dict[str, Callable[[str], dict[str, str]]] = {
    "chapter": first_section,
    "practice": lambda t: {"mode": "sequential", "scope": "chapter", "chapter": t},
    "exam": lambda t: {"blueprint": t},
    "scenario": lambda t: {"scenario": t},
    "report": lambda t: {},
}
cat, db = catalog(), database()
st.title(T.NAV_TASKS)

with st.form("tasks_join", clear_on_submit=True):
    st.markdown(f"**{T.JOIN_CLASS}**")
    code = st.text_input(T.JOIN_CODE, max_chars=16)
    if st.form_submit_button(T.JOIN_SUBMIT):
        with refusals():
            st.success(T.JOINED.format(name=join_class(db, account, code).name))

mine = my_classes(db, account) if account.role == "trainee" else []
if account.role == "trainee" and not mine:
    st.info(T.NO_CLASS)
    st.stop()
if mine:
    st.caption(T.MY_CLASSES.format(names="、".join(c.name for c in mine)))

tasks = my_tasks(db, account, cat)
if not tasks:
    st.info(T.NO_TASKS)
    st.stop()

order = {"late": 0, "doing": 1, "todo": 2, "done": 3}
for task in sorted(tasks, key=lambda t: (order[t.status], t.assignment.due_at is None, t.assignment.due_at)):
    a = task.assignment
    with st.container(border=True):
        st.markdown(
            T.TASK_LINE.format(
                icon=T.STATUS_ICONS[task.status],
                title=a.title,
                kind=T.KIND_LABELS[a.kind],
                status=T.STATUS_LABELS[task.status],
            )
        )
        due = T.TASK_DUE.format(due=dates.day_time(a.due_at)) if a.due_at else T.TASK_NO_DUE
        details = [due, T.TASK_PROGRESS.format(done=task.done, needed=task.needed)]
        if task.best is not None:
            details.append(T.TASK_BEST.format(best=task.best))
        if task.attempts_left is not None:
            details.append(T.ATTEMPTS_LEFT.format(n=task.attempts_left))
        st.caption(" · ".join(details))
        st.progress(task.done / task.needed)
        if task.status != "done" and st.button(T.TASK_GO, key=f"tasks_go_{a.id}"):
            go(GO_PAGE[a.kind], **GO_SHOW[a.kind](a.target))
