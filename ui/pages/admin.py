"""管理: content problems, coverage of the syllabus, and accounts."""

import streamlit as st

from actions.admin import all_accounts, change_role, create_account, reset_password
from actions.banks import UPLOAD_SUFFIXES, check_bank_file, export_bank, save_bank_file
from catalog.catalog import ContentRoots
from classroom.accounts import ROLES
from interop.banks import EXPORT_SUFFIX, FORMATS
from interop.xlsx import template
from ui import look
from ui import text as T
from ui.auth import require
from ui.look import dataframe
from ui.names import point_name
from ui.refusal import refusals
from ui.resources import catalog, database, reload_catalog
from ui.widgets import question_versions

account = require("admin")
blank_template = st.cache_data(show_spinner=False)(template)
cat, db = catalog(), database()
st.title(T.NAV_ADMIN)

st.subheader(T.ADMIN_CONTENT)
if cat.problems:
    st.error(T.ADMIN_CONTENT_BAD.format(n=len(cat.problems)))
    st.code("\n".join(str(p) for p in cat.problems), language=None)
else:
    st.success(T.ADMIN_CONTENT_OK.format(files=cat.files))

st.subheader(T.ADMIN_COVERAGE)

stats = cat.stats()
C = T.ADMIN_COVERAGE_COLUMNS


def module_title(point_id: str) -> str:
    """The title of the module a knowledge point belongs to (ids stay out of sight)."""
    return cat.syllabus.module_titles.get(cat.syllabus.module_of.get(point_id, ""), "")


dataframe(
    [
        {
            C["module"]: module_title(pid),
            C["point"]: cat.syllabus.points[pid].title,
            **{C[k]: v[k] for k in ("sections", "questions", "scenarios")},
        }
        for pid, v in stats["points"].items()
    ],
    hide_index=True,
    width="stretch",
    height=300,
)

st.subheader(T.ADMIN_BANKS)
export_col, import_col = st.columns(2)
with export_col:
    st.markdown(f"**{T.ADMIN_EXPORT}**")
    fmt = st.selectbox(T.ADMIN_FORMAT, FORMATS, key="admin_export_format", format_func=T.ADMIN_FORMATS.__getitem__)
    if st.button(T.ADMIN_EXPORT_MAKE, key="admin_export_make"):
        with refusals():
            st.session_state["admin_export"] = (fmt, *export_bank(db, account, cat, fmt))
    made = st.session_state.get("admin_export")
    if made and made[0] == fmt:
        _, data, notes = made
        st.download_button(
            T.ADMIN_EXPORT_DOWNLOAD, data, f"客户管理师题库{EXPORT_SUFFIX[fmt]}", key="admin_export_download"
        )
        if notes:
            with st.expander(T.ADMIN_EXPORT_NOTES.format(n=len(notes))):
                st.text("\n".join(notes))
    st.download_button(T.ADMIN_TEMPLATE, blank_template(), "题库模板.xlsx", key="admin_template")
with import_col:
    st.markdown(f"**{T.ADMIN_IMPORT}**")
    upload = look.upload(T.ADMIN_IMPORT_FILE, list(UPLOAD_SUFFIXES), key="admin_import_file")
    points = list(cat.syllabus.points)
    # "No point" is an option of its own, not None: a select box whose chosen value is None shows its English
    # placeholder instead of the option's text.
    chosen_point = st.selectbox(
        T.ADMIN_IMPORT_POINT,
        ["", *points],
        key="admin_import_point",
        format_func=lambda p: point_name(cat, p) if p else T.ADMIN_IMPORT_NO_POINT,
    )
    point = chosen_point or None
    if upload is not None and st.button(T.ADMIN_IMPORT_CHECK, key="admin_import_check"):
        bar = st.progress(0.0, text=T.ADMIN_IMPORT_READING)
        with refusals():
            result = check_bank_file(
                db,
                account,
                cat,
                upload.name,
                upload.getvalue(),
                point,
                lambda x: bar.progress(x, T.ADMIN_IMPORT_READING),
            )
            done = T.ADMIN_IMPORT_DONE.format(n=len(result.questions), problems=len(result.problems))
            bar.progress(1.0, text=done)
            st.session_state["admin_import"] = (upload.name, result)
    checked = st.session_state.get("admin_import")
    if checked:
        name, result = checked
        if result.problems:
            st.warning(T.ADMIN_IMPORT_PROBLEMS.format(n=len(result.problems)))
            st.code("\n".join(str(p) for p in result.problems), language=None)
        if result.questions:
            st.caption(T.BANK_PREVIEW)
            dataframe(
                [
                    {
                        T.BANK_COL_TITLE: q.get("title", ""),
                        T.BANK_COL_ID: q["id"],
                        T.BANK_COL_TYPE: T.TYPE_LABELS.get(q["type"], ""),
                        T.BANK_COL_STEM: q["stem"][:80],
                    }
                    for q in result.questions
                ],
                hide_index=True,
                width="stretch",
            )
        if result.questions and st.button(T.ADMIN_IMPORT_SAVE.format(n=len(result.questions)), key="admin_import_save"):
            with refusals():
                title = T.ADMIN_IMPORT_TITLE.format(name=name)
                target = save_bank_file(db, account, ContentRoots.from_env().banks, name, result, title)
                del st.session_state["admin_import"]
                reload_catalog()
                st.success(T.ADMIN_IMPORT_SAVED.format(n=len(result.questions), file=target.name))

st.subheader(T.ADMIN_USERS)
with st.form("admin_create_user"):
    st.markdown(f"**{T.ADMIN_CREATE}**")
    username = st.text_input(T.USERNAME, max_chars=32)
    name = st.text_input(T.DISPLAY_NAME, max_chars=32)
    role = st.selectbox(T.ADMIN_ROLE, ROLES, format_func=lambda r: T.ROLE_LABELS[r])
    password = st.text_input(T.PASSWORD, type="password", max_chars=128, help=T.PASSWORD_RULES)
    if st.form_submit_button(T.ADMIN_CREATE):
        with refusals():
            created = create_account(db, account, username, name, role, password)
            st.success(T.ADMIN_CREATED.format(username=created.username))
dataframe(
    [
        {
            T.USERNAME: a.username,
            T.DISPLAY_NAME: a.display_name,
            T.ADMIN_ROLE: T.ROLE_LABELS[a.role],
            T.DEMO_BADGE: T.YES if a.is_demo else "",
        }
        for a in all_accounts(db, account)
    ],
    hide_index=True,
    width="stretch",
)

everyone = {a.id: a for a in all_accounts(db, account)}
with st.form("admin_set_role"):
    st.markdown(f"**{T.ADMIN_SET_ROLE}**")
    who = st.selectbox(
        T.USERNAME, list(everyone), format_func=lambda i: f"{everyone[i].username}（{everyone[i].display_name}）"
    )
    new_role = st.selectbox(T.ADMIN_ROLE, ROLES, format_func=lambda r: T.ROLE_LABELS[r])
    if st.form_submit_button(T.ADMIN_SET_ROLE):
        with refusals():
            changed = change_role(db, account, who, new_role)
            st.success(T.ADMIN_ROLE_SET.format(username=changed.username, role=T.ROLE_LABELS[changed.role]))

with st.form("admin_reset_password"):
    st.markdown(f"**{T.ADMIN_RESET_TITLE}**")
    reset_who = st.selectbox(
        T.ADMIN_RESET_WHO,
        list(everyone),
        format_func=lambda i: f"{everyone[i].username}（{everyone[i].display_name}）",
        key="admin_reset_who",
    )
    new_password = st.text_input(T.ADMIN_RESET_NEW, type="password", max_chars=128, help=T.PASSWORD_RULES)
    if st.form_submit_button(T.ADMIN_RESET_SUBMIT):
        with refusals():
            reset = reset_password(db, account, reset_who, new_password)
            st.success(T.ADMIN_RESET_DONE.format(name=reset.display_name))

question_versions.draw(db, account, cat)
