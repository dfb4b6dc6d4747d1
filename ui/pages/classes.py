"""班级管理: classes and join codes, roster import, assignments, and groups."""

from datetime import UTC, datetime, time, timedelta

import streamlit as st

from actions import classes as act
from actions.teaching import class_dashboard
from classroom.assignments import KINDS
from classroom.report_templates import TEMPLATES
from source import dates
from ui import look
from ui import text as T
from ui.auth import require
from ui.look import dataframe
from ui.refusal import refusals
from ui.resources import catalog, database
from ui.widgets.class_picker import pick_class, remember
from ui.widgets.confirm import ask, confirmed, person_label


def due_text(when: datetime) -> str:
    """A due time in the school's time zone, written the Chinese way."""
    return dates.day_time(when)


account = require("instructor", "admin")
cat, db = catalog(), database()
st.title(T.NAV_CLASSES)

with st.expander(T.CLASS_CREATE, expanded=False), st.form("classes_create", clear_on_submit=True):
    name = st.text_input(T.CLASS_NAME, max_chars=64)
    if st.form_submit_button(T.CLASS_CREATE, type="primary"):
        with refusals():
            created = act.create_class(db, account, name)
            remember(created.id)
            st.success(T.CLASS_CREATED.format(name=created.name, code=created.code))

info = pick_class(db, account, "classes_pick")
if info is None:
    st.info(T.CLASS_NONE_INSTRUCTOR)
    st.stop()
st.markdown(T.CLASS_CODE.format(code=info.code))
roster_tab, assign_tab, group_tab = st.tabs([T.ROSTER, T.ASSIGN, T.GROUPS])

with roster_tab:
    upload = look.upload(T.ROSTER_IMPORT, ["csv", "xlsx"], key="classes_roster", help=T.ROSTER_HELP)
    if upload is not None and st.session_state.get("classes_roster_done") != (info.id, upload.file_id):
        with refusals():
            st.session_state["classes_roster_report"] = act.import_roster(
                db, account, info.id, upload.name, upload.getvalue()
            )
            st.session_state["classes_roster_done"] = (info.id, upload.file_id)
    report = st.session_state.get("classes_roster_report")
    if report is not None:
        if report.created:
            st.success(T.ROSTER_CREATED.format(n=len(report.created)))
            dataframe([{T.USERNAME: u, T.PASSWORD: p} for u, p in report.created], hide_index=True, width="stretch")
        st.caption(f"{T.ROSTER_ADDED.format(n=len(report.added))} · {T.ROSTER_ALREADY.format(n=len(report.already))}")
        if report.errors:
            st.warning(T.ROSTER_ERRORS.format(n=len(report.errors)) + T.LIST_SEPARATOR.join(report.errors))
    in_class = act.class_members(db, account, info.id)
    if not in_class:
        st.info(T.ROSTER_EMPTY)
    else:
        dataframe(
            [{T.USERNAME: p.username, T.DISPLAY_NAME: p.display_name} for p in in_class],
            hide_index=True,
            width="stretch",
        )
        by_id = {p.id: p for p in in_class}
        col1, col2 = st.columns([3, 1])
        gone = col1.selectbox(
            T.GROUP_TRAINEE, list(by_id), key="classes_remove_pick", format_func=lambda i: person_label(by_id[i])
        )
        if col2.button(T.ROSTER_REMOVE, key="classes_remove"):
            ask("classes_remove", gone)
        if confirmed("classes_remove", gone, T.ROSTER_REMOVE_CONFIRM.format(who=person_label(by_id[gone]))):
            with refusals():
                act.remove_member(db, account, info.id, gone)
                st.rerun()

with assign_tab:
    kind = st.selectbox(T.ASSIGN_KIND, KINDS, key="classes_kind", format_func=T.KIND_LABELS.__getitem__)
    if kind in {"chapter", "practice"}:
        targets = {c.id: c.title for c in cat.chapters}
    elif kind == "exam":
        targets = {b.id: b.title for b in cat.blueprints.values()}
    elif kind == "scenario":
        targets = {s.id: s.title for s in cat.scenarios.values()}
    else:
        targets = {t.id: t.title for t in TEMPLATES.values()}
    with st.form("classes_assign", clear_on_submit=False):
        target = st.selectbox(T.ASSIGN_TARGET, list(targets), format_func=targets.__getitem__)
        no_due = st.checkbox(T.ASSIGN_NO_DUE, value=False)
        due_day = look.pick_day(T.ASSIGN_DUE, dates.today() + timedelta(days=7), key="classes_due")
        attempts = st.number_input(T.ASSIGN_ATTEMPTS, 0, 50, 0) if kind in {"exam", "scenario"} else 0
        goal = st.number_input(T.ASSIGN_GOAL, 1, 500, 20) if kind == "practice" else None
        if st.form_submit_button(T.ASSIGN_SUBMIT, type="primary"):
            # 23:59 of the chosen day where the school is (CMA_TIMEZONE), not where the server runs
            due = (
                None
                if no_due or due_day is None
                else datetime.combine(due_day, time(23, 59), dates.zone()).astimezone(UTC)
            )
            with refusals():
                made = act.assign(
                    db, account, cat, info.id, kind, target, due_at=due, max_attempts=attempts or None, goal=goal
                )
                st.success(T.ASSIGNED.format(title=made.title))
    st.subheader(T.ASSIGN_LIST)
    view = class_dashboard(db, account, cat, info.id)
    if not view.assignments:
        st.info(T.ASSIGN_NONE)
    else:
        C = T.ASSIGN_COLUMNS
        headers = view.headers()  # two tasks on one chapter are told apart by what to do and the date
        done = {a.id: 0 for a in view.assignments}
        for statuses in view.tasks.values():
            for s in statuses:
                done[s.assignment.id] += s.status == "done"
        dataframe(
            [
                {
                    C["title"]: headers[a.id],
                    C["kind"]: T.KIND_LABELS[a.kind],
                    C["due"]: due_text(a.due_at) if a.due_at else T.ASSIGN_NO_DUE_CELL,
                    C["attempts"]: T.ASSIGN_ATTEMPTS_CELL.format(n=a.max_attempts)
                    if a.max_attempts
                    else T.ASSIGN_UNLIMITED,
                    C["done"]: f"{done[a.id]}/{len(view.trainees)}",
                }
                for a in view.assignments
            ],
            hide_index=True,
            width="stretch",
        )
        col1, col2 = st.columns([3, 1])
        doomed = col1.selectbox(
            T.ASSIGN_LIST, list(headers), key="classes_delete_pick", format_func=headers.__getitem__
        )
        if col2.button(T.ASSIGN_DELETE, key="classes_delete"):
            ask("classes_delete", doomed)  # asked first; nothing is deleted yet
        kind = next(a.kind for a in view.assignments if a.id == doomed)
        question = T.ASSIGN_DELETE_CONFIRM.format(title=headers[doomed]) + (
            T.ASSIGN_DELETE_REPORTS if kind == "report" else T.ASSIGN_DELETE_KEEPS
        )
        if confirmed("classes_delete", doomed, question):
            with refusals():
                act.delete_assignment(db, account, info.id, doomed)
                st.session_state["classes_deleted"] = headers[doomed]
                st.rerun()
    deleted = st.session_state.pop("classes_deleted", None)
    if deleted:
        st.success(T.ASSIGN_DELETED.format(title=deleted))

with group_tab:
    col1, col2, col3 = st.columns([1, 1, 1])
    size = col1.number_input(T.GROUP_SIZE, 4, 6, 5, key="classes_group_size")
    seed = col2.number_input(T.GROUP_SEED, 0, 10_000, 0, key="classes_group_seed")
    if col3.button(T.GROUP_RANDOM, key="classes_group_random"):
        with refusals():
            st.success(T.GROUP_FORMED.format(n=len(act.form_groups(db, account, info.id, int(size), int(seed)))))
    groups = act.class_groups(db, account, info.id)
    if not groups:
        st.info(T.GROUP_NONE)
    for g in groups:
        names = [m.display_name + (T.LEADER_MARK if m.id == g.leader_id else "") for m in g.members]
        st.markdown(T.GROUP_LINE.format(name=g.name, n=len(g.members), members="、".join(names)))
    with st.form("classes_group_new", clear_on_submit=True):
        new_name = st.text_input(T.GROUP_NAME, max_chars=32)
        if st.form_submit_button(T.GROUP_NEW):
            with refusals():
                act.create_group(db, account, info.id, new_name)
                st.rerun()
    roster = {p.id: p for p in act.class_members(db, account, info.id)}
    if groups and roster:
        st.markdown(f"**{T.GROUP_MOVE}**")
        by_gid = {g.id: g for g in groups}
        c1, c2 = st.columns(2)
        who = c1.selectbox(
            T.GROUP_TRAINEE, list(roster), key="classes_move_who", format_func=lambda i: person_label(roster[i])
        )
        where = c2.selectbox(T.GROUP_TARGET, list(by_gid), key="classes_move_to", format_func=lambda i: by_gid[i].name)
        b1, b2 = st.columns(2)
        with refusals():
            if b1.button(T.GROUP_MOVE_SUBMIT, key="classes_move"):
                act.place_in_group(db, account, info.id, where, who)
                st.rerun()
            if b2.button(T.GROUP_LEADER, key="classes_leader"):
                act.set_group_leader(db, account, info.id, where, who)
                st.rerun()
