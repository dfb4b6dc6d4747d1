"""题目版本 on the admin page: pick a question, edit it as a new version, regrade after a key change (with the
before/after counts in a confirm dialog), retire or restore it, see its history, export the app's edits."""

from __future__ import annotations

from typing import Any

import streamlit as st

from actions.refusals import Stale
from actions.versions import (
    edit_question,
    export_question_edits,
    preview_regrade,
    question_history,
    regrade_question,
    restore_question,
    retire_question,
)
from catalog.catalog import Catalog
from classroom.accounts import Account
from quizzes.models import LETTERS, AnyQuestion
from quizzes.versions import REGRADABLE, Version
from source import dates
from store.db import Database
from ui import text as T
from ui.names import question_name, shorten
from ui.refusal import refusals
from ui.resources import versions_changed

FLASH = "versions_flash"
REGRADING = "versions_regrading"
MATCHES = 200  # questions listed in the picker at once


def _local(at: Any) -> str:
    return dates.day_time(at) if at is not None else T.VERSIONS_NO_VALUE


def _key_text(content: dict[str, Any]) -> str:
    answer = content.get("answer")
    if content.get("type") == "judge":
        return T.VERSIONS_JUDGE[bool(answer)]
    if content.get("type") == "fill":
        return " | ".join("；".join(blank) for blank in answer or [])
    if isinstance(answer, list):
        return "、".join(answer)
    if isinstance(answer, str):
        return answer if len(answer) <= 30 else f"{answer[:30]}…"
    return T.VERSIONS_NO_VALUE


def _pick(cat: Catalog) -> str | None:
    words = st.text_input(T.VERSIONS_SEARCH, key="versions_search").strip()
    ids = [q.id for q in cat.questions.values() if not words or words in q.id or words in q.stem][:MATCHES]
    if not ids:
        st.info(T.VERSIONS_NONE_FOUND)
        return None

    def label(qid: str) -> str:
        return f"{question_name(cat, qid)}  {shorten(cat.questions[qid].stem, 40)}"

    picked: str = st.selectbox(T.VERSIONS_PICK, ids, key="versions_pick", format_func=label)
    return picked


def _changes(question: AnyQuestion, served: Version) -> dict[str, Any] | None:
    """The edit form; the changed fields when it is submitted."""
    data = served.content
    kind = data["type"]
    with st.form(f"versions_form_{question.id}_{served.number}"):
        values: dict[str, Any] = {"stem": st.text_area(T.VERSIONS_STEM, data["stem"], height=120)}
        if kind == "case":
            st.caption(T.VERSIONS_CASE_NOTE)
        if "options" in data:
            lines = st.text_area(T.VERSIONS_OPTIONS, "\n".join(data["options"]), height=150)
            values["options"] = [x.strip() for x in lines.splitlines() if x.strip()]
        if kind == "single":
            letters = list(LETTERS)
            values["answer"] = st.selectbox(T.VERSIONS_KEY_SINGLE, letters, index=letters.index(data["answer"]))
        elif kind == "multiple":
            values["answer"] = st.multiselect(T.VERSIONS_KEY_MULTIPLE, list(LETTERS), default=list(data["answer"]))
        elif kind == "judge":
            values["answer"] = st.radio(
                T.VERSIONS_KEY_JUDGE,
                [True, False],
                index=0 if data["answer"] else 1,
                format_func=T.VERSIONS_JUDGE.__getitem__,
            )
        elif kind == "fill":
            text = st.text_area(T.VERSIONS_KEY_FILL, "\n".join("；".join(b) for b in data["answer"]))
            values["answer"] = [
                [a.strip() for a in line.replace(";", "；").split("；") if a.strip()]
                for line in text.splitlines()
                if line.strip()
            ]
        elif isinstance(data.get("answer"), str):
            values["answer"] = st.text_area(T.VERSIONS_KEY_TEXT, data["answer"], height=120)
        values["explanation"] = st.text_area(T.VERSIONS_EXPLANATION, data["explanation"], height=150)
        values["difficulty"] = st.selectbox(
            T.VERSIONS_DIFFICULTY,
            [1, 2, 3],
            index=int(data["difficulty"]) - 1,
            format_func=T.VERSIONS_LEVELS.__getitem__,
        )
        if not st.form_submit_button(T.VERSIONS_SAVE):
            return None
    if kind == "multiple" and sorted(values["answer"]) == sorted(data["answer"]):
        values["answer"] = data["answer"]
    return {k: v for k, v in values.items() if v != data.get(k)}


def _counts_lines(counts: Any) -> list[str]:
    if not counts.answers and not counts.attempts:
        return [T.VERSIONS_REGRADE_NOTHING]
    return [
        T.VERSIONS_REGRADE_ANSWERS.format(
            n=counts.answers, up=counts.wrong_to_right, down=counts.right_to_wrong, other=counts.other_changes
        ),
        T.VERSIONS_REGRADE_ATTEMPTS.format(
            n=counts.attempts, changed=counts.attempts_changed, up=counts.fail_to_pass, down=counts.pass_to_fail
        ),
        *([T.VERSIONS_REGRADE_FINALS.format(n=counts.finals)] if counts.finals else []),
    ]


def _close() -> None:
    st.session_state.pop(REGRADING, None)


def _regrade_dialog(db: Database, account: Account, cat: Catalog, question_id: str, version: int) -> None:
    @st.dialog(T.VERSIONS_REGRADE_TITLE, on_dismiss=_close)
    def confirm() -> None:
        with refusals():
            counts = preview_regrade(db, account, cat, question_id, version)
            for line in _counts_lines(counts):
                st.write(line)
            st.caption(T.VERSIONS_REGRADE_NOTE)
            go, back = st.columns(2)
            if go.button(
                T.VERSIONS_REGRADE_GO,
                type="primary",
                key="versions_regrade_go",
                disabled=not (counts.answers or counts.attempts),
                width="stretch",
            ):
                done = regrade_question(db, account, cat, question_id, version)
                versions_changed()
                st.session_state[FLASH] = T.VERSIONS_REGRADED.format(n=done.answers, m=done.attempts)
                _close()
                st.rerun()
            if back.button(T.VERSIONS_REGRADE_BACK, key="versions_regrade_back", width="stretch"):
                _close()
                st.rerun()

    confirm()


def _history_tables(history: Any) -> None:
    cols, ecols = T.VERSIONS_COLUMNS, T.VERSIONS_EVENT_COLUMNS
    st.markdown(f"**{T.VERSIONS_HISTORY}**")
    st.dataframe(
        [
            {
                cols["number"]: v.number,
                cols["source"]: T.VERSIONS_SOURCES.get(v.source, T.VERSIONS_NO_VALUE),
                cols["author"]: v.author or T.VERSIONS_NO_VALUE,
                cols["at"]: _local(v.created_at),
                cols["key"]: _key_text(v.content),
            }
            for v in reversed(history.lineage.versions)
        ],
        hide_index=True,
        width="stretch",
        key="versions_history_table",
    )
    if not history.events:
        return
    st.markdown(f"**{T.VERSIONS_EVENTS}**")
    rows = []
    for e in reversed(history.events):
        if e.kind == "edit":
            names = "、".join(T.VERSIONS_FIELD_NAMES.get(f, f) for f in e.detail.get("fields", []))
            detail = T.VERSIONS_EVENT_FIELDS.format(fields=names) if names else ""
        elif e.kind == "regrade":
            d = e.detail
            detail = T.VERSIONS_EVENT_COUNTS.format(
                answers=d.get("answers", 0),
                up=d.get("wrong_to_right", 0),
                down=d.get("right_to_wrong", 0),
                attempts=d.get("attempts", 0),
                pup=d.get("fail_to_pass", 0),
                pdown=d.get("pass_to_fail", 0),
            )
        else:
            detail = ""
        span = f"{e.from_version} → {e.to_version}" if e.from_version != e.to_version else str(e.to_version)
        rows.append(
            {
                ecols["at"]: _local(e.created_at),
                ecols["kind"]: T.VERSIONS_EVENT_KINDS.get(e.kind, T.VERSIONS_NO_VALUE),
                ecols["author"]: e.author or T.VERSIONS_NO_VALUE,
                ecols["versions"]: span,
                ecols["detail"]: detail or T.VERSIONS_NO_VALUE,
            }
        )
    st.dataframe(rows, hide_index=True, width="stretch", key="versions_events_table")


def draw(db: Database, account: Account, cat: Catalog) -> None:
    """The whole 题目版本 section."""
    st.subheader(T.VERSIONS_TITLE)
    st.caption(T.VERSIONS_HELP)
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash)
    question_id = _pick(cat)
    if question_id is not None:
        _question(db, account, cat, question_id)
    if st.button(T.VERSIONS_EXPORT, key="versions_export"):
        with refusals():
            st.session_state["versions_export_text"] = export_question_edits(db, account, cat)
    made = st.session_state.get("versions_export_text")
    if made:
        st.download_button(
            T.VERSIONS_EXPORT_DOWNLOAD, made.encode("utf-8"), "应用内修改的题目.yaml", key="versions_export_download"
        )


def _question(db: Database, account: Account, cat: Catalog, question_id: str) -> None:
    history = None
    with refusals():
        history = question_history(db, account, cat, question_id)
    if history is None:
        return
    served = history.lineage.served
    st.markdown(f"**{T.VERSIONS_CURRENT.format(n=served.number)}**")
    if history.lineage.retired:
        st.warning(T.VERSIONS_RETIRED)
    if history.lineage.shipped_changed:
        st.info(T.VERSIONS_BANK_CHANGED.format(n=served.number))
    # the version this admin opened: kept until they save or are told another admin saved first
    base_key = f"versions_base_{question_id}"
    base = int(st.session_state.setdefault(base_key, served.number))
    opened = next((v for v in history.lineage.versions if v.number == base), served)
    question = served.question or cat.questions[question_id]
    if not history.lineage.retired:
        with st.expander(T.VERSIONS_EDIT, expanded=True):
            changes = _changes(question, opened)
        if changes == {}:
            st.info(T.VERSIONS_UNCHANGED)
        elif changes:
            edited = None
            with refusals():
                try:
                    edited = edit_question(db, account, cat, question_id, opened.number, changes)
                except Stale:
                    versions_changed()  # someone else's edit: serve it from the next run
                    st.session_state[base_key] = served.number  # the next run shows the newest version
                    st.warning(T.VERSIONS_STALE)
            if edited is not None:
                versions_changed()
                message = T.VERSIONS_SAVED.format(n=edited.version)
                if edited.key_changed:
                    message += T.VERSIONS_KEY_CHANGED
                    st.session_state[REGRADING] = (question_id, edited.version)
                st.session_state[FLASH] = message
                st.session_state[base_key] = edited.version
                st.rerun()
    elif base != served.number:
        st.session_state[base_key] = served.number
    retire_col, regrade_col = st.columns(2)
    if history.lineage.retired:
        if retire_col.button(T.VERSIONS_RESTORE, key="versions_restore"):
            with refusals():
                restore_question(db, account, cat, question_id)
                versions_changed()
                st.session_state[FLASH] = T.VERSIONS_RESTORED_DONE
                st.rerun()
    elif retire_col.button(T.VERSIONS_RETIRE, key="versions_retire"):
        with refusals():
            retire_question(db, account, cat, question_id)
            versions_changed()
            st.session_state[FLASH] = T.VERSIONS_RETIRED_DONE
            st.rerun()
    if (
        question.type in REGRADABLE
        and served.number > 1
        and regrade_col.button(T.VERSIONS_REGRADE, key="versions_regrade")
    ):
        st.session_state[REGRADING] = (question_id, served.number)
    pending = st.session_state.get(REGRADING)
    if pending and pending[0] == question_id:
        _regrade_dialog(db, account, cat, question_id, pending[1])
    _history_tables(history)
