"""证书查验: anyone, signed in or not, checks a certificate's code."""

import streamlit as st

from actions.certify import verify_certificate
from source import dates
from ui import text as T
from ui.auth import current_account
from ui.resources import database

st.title(T.NAV_VERIFY)
st.caption(T.VERIFY_HELP)
with st.form("verify_form"):
    code = st.text_input(T.VERIFY_CODE, max_chars=64, placeholder="CMA-000001-ABCD-EFGH-IJKL")
    sent = st.form_submit_button(T.VERIFY_SUBMIT, type="primary")
if sent:
    found = verify_certificate(database(), current_account(), code)
    if found is None:
        st.error(T.VERIFY_BAD)
    else:
        skills = "、".join(f"{x:g}" for x in found.skills)
        message = T.VERIFY_OK.format(
            name=found.name, date=dates.day(found.issued_on), theory=found.theory, skills=skills
        )
        (st.warning if found.revoked else st.success)(message + (T.VERIFY_REVOKED if found.revoked else ""))
