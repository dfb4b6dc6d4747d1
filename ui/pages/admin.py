"""管理: content problems, coverage of the syllabus, and accounts."""

import streamlit as st

from classroom.accounts import ROLES, AccountError, create_user, list_accounts, set_role
from ui import text as T
from ui.auth import require
from ui.resources import catalog, database

require("admin")
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
st.dataframe(
    [
        {
            C["point"]: f"{pid} {cat.syllabus.points[pid].title}",
            **{C[k]: v[k] for k in ("sections", "questions", "scenarios")},
        }
        for pid, v in stats["points"].items()
    ],
    hide_index=True,
    width="stretch",
    height=300,
)

st.subheader(T.ADMIN_USERS)
with st.form("admin_create_user", clear_on_submit=True):
    st.markdown(f"**{T.ADMIN_CREATE}**")
    username = st.text_input(T.USERNAME, max_chars=32)
    name = st.text_input(T.DISPLAY_NAME, max_chars=32)
    role = st.selectbox(T.ADMIN_ROLE, ROLES, format_func=lambda r: T.ROLE_LABELS[r])
    password = st.text_input(T.PASSWORD, type="password", max_chars=128)
    if st.form_submit_button(T.ADMIN_CREATE):
        try:
            created = create_user(db, username, name, role, password)
            st.success(T.ADMIN_CREATED.format(username=created.username))
        except AccountError as exc:
            st.error(str(exc))
st.dataframe(
    [
        {
            T.USERNAME: a.username,
            T.DISPLAY_NAME: a.display_name,
            T.ADMIN_ROLE: T.ROLE_LABELS[a.role],
            T.DEMO_BADGE: "✔" if a.is_demo else "",
        }
        for a in list_accounts(db)
    ],
    hide_index=True,
    width="stretch",
)

everyone = {a.id: a for a in list_accounts(db)}
with st.form("admin_set_role"):
    st.markdown(f"**{T.ADMIN_SET_ROLE}**")
    who = st.selectbox(
        T.USERNAME, list(everyone), format_func=lambda i: f"{everyone[i].username}（{everyone[i].display_name}）"
    )
    new_role = st.selectbox(T.ADMIN_ROLE, ROLES, format_func=lambda r: T.ROLE_LABELS[r])
    if st.form_submit_button(T.ADMIN_SET_ROLE):
        try:
            changed = set_role(db, who, new_role)
            st.success(T.ADMIN_ROLE_SET.format(username=changed.username, role=T.ROLE_LABELS[changed.role]))
        except AccountError as exc:
            st.error(str(exc))
