"""Print a paper exam and its key from a blueprint and a seed."""

from __future__ import annotations

import streamlit as st

from catalog.catalog import Catalog
from interop.paper import lines_for, to_docx, to_pdf
from quizzes.exam import ExamError
from ui import text as T


def paper_form(cat: Catalog) -> None:
    """Blueprint and seed in, four downloads out (paper and key, PDF and Word)."""
    st.subheader(T.PAPER)
    st.caption(T.PAPER_HELP)
    p1, p2 = st.columns(2)
    paper_bp = p1.selectbox(
        T.EXAM_CHOOSE, list(cat.blueprints), key="instructor_paper_bp", format_func=lambda b: cat.blueprints[b].title
    )
    paper_seed = int(p2.number_input(T.PAPER_SEED, 1, 999_999, 1, key="instructor_paper_seed"))
    if st.button(T.PAPER_MAKE, key="instructor_paper_make"):
        with st.spinner(T.PAPER_MAKING):
            try:
                made = {}
                for with_key in (False, True):
                    lines = lines_for(
                        cat.blueprints[paper_bp], cat.questions, cat.syllabus.module_of, paper_seed, with_key
                    )
                    made[with_key] = (to_pdf(lines), to_docx(lines))
                st.session_state["instructor_paper"] = (paper_bp, paper_seed, made)
            except ExamError as exc:
                st.error(T.EXAM_CANNOT_DRAW.format(reason=exc))
    ready = st.session_state.get("instructor_paper")
    if ready and ready[:2] == (paper_bp, paper_seed):
        columns = st.columns(4)
        for n, (with_key, kind) in enumerate(((False, "pdf"), (False, "docx"), (True, "pdf"), (True, "docx"))):
            data = ready[2][with_key][0 if kind == "pdf" else 1]
            label = T.PAPER_KEY if with_key else T.PAPER_SHEET
            columns[n].download_button(
                f"{label}（{kind.upper()}）",
                data,
                f"{paper_bp}-{paper_seed}-{label}.{kind}",
                key=f"instructor_paper_{int(with_key)}_{kind}",
            )
