"""Draw a question's answer input and its feedback."""

from __future__ import annotations

from typing import Any

import streamlit as st

from catalog.catalog import Catalog
from courseware.render import to_html
from grading.objective import Score
from quizzes.models import (
    LETTERS,
    AnyQuestion,
    CaseAnalysis,
    ChoiceBase,
    Fill,
    Judge,
    MultipleChoice,
    ShortAnswer,
    SingleChoice,
)
from ui import text as T

MAX_ANSWER_CHARS = 2000


def response_input(q: AnyQuestion | Any, key: str, initial: Any = None) -> Any:
    """Draw the input for a question and return the response as entered (None when empty)."""
    st.markdown(f"**{T.TYPE_LABELS[q.type]}** {q.stem}")
    if isinstance(q, SingleChoice):
        labels = _options(q)
        index = LETTERS.index(initial) if isinstance(initial, str) and initial in LETTERS[: len(labels)] else None
        picked = st.radio(T.TYPE_LABELS[q.type], labels, index=index, key=key, label_visibility="collapsed")
        return None if picked is None else picked[0]
    if isinstance(q, MultipleChoice):
        chosen = set(initial or [])
        out = [
            LETTERS[i]
            for i, label in enumerate(_options(q))
            if st.checkbox(label, value=LETTERS[i] in chosen, key=f"{key}_{i}")
        ]
        return out or None
    if isinstance(q, Judge):
        index = None if initial is None else (0 if initial else 1)
        picked = st.radio(
            T.TYPE_LABELS[q.type],
            [T.JUDGE_TRUE, T.JUDGE_FALSE],
            index=index,
            key=key,
            horizontal=True,
            label_visibility="collapsed",
        )
        return None if picked is None else picked == T.JUDGE_TRUE
    if isinstance(q, Fill):
        given = list(initial or []) + [""] * len(q.answer)
        return [
            st.text_input(T.FILL_BLANK.format(n=i + 1), value=given[i], key=f"{key}_{i}", max_chars=100)
            for i in range(len(q.answer))
        ]
    if isinstance(q, ShortAnswer):
        return st.text_area(
            T.SHORT_PLACEHOLDER,
            value=initial or "",
            key=key,
            max_chars=MAX_ANSWER_CHARS,
            label_visibility="collapsed",
            placeholder=T.SHORT_PLACEHOLDER,
        )
    assert isinstance(q, CaseAnalysis)
    st.info(q.case)
    answers = dict(initial or {})
    for sub in q.questions:
        answers[sub.id] = response_input(sub, f"{key}_{sub.id}", answers.get(sub.id))
    return answers


def _options(q: ChoiceBase) -> list[str]:
    return [f"{LETTERS[i]}. {text}" for i, text in enumerate(q.options)]


def key_text(q: AnyQuestion | Any) -> str:
    """The correct answer in words."""
    if isinstance(q, SingleChoice):
        return q.answer
    if isinstance(q, MultipleChoice):
        return "".join(sorted(q.answer))
    if isinstance(q, Judge):
        return T.JUDGE_TRUE if q.answer else T.JUDGE_FALSE
    if isinstance(q, Fill):
        return T.LIST_SEPARATOR.join("/".join(a) for a in q.answer)
    if isinstance(q, ShortAnswer):
        return q.answer
    assert isinstance(q, CaseAnalysis)
    return T.LIST_SEPARATOR.join(f"({i + 1}){key_text(s)}" for i, s in enumerate(q.questions))


def response_text(q: AnyQuestion | Any, response: Any) -> str:
    """A stored response in words."""
    if response is None or response in ([], ""):
        return T.EXAM_UNANSWERED
    if isinstance(q, Judge) and isinstance(response, bool):
        return T.JUDGE_TRUE if response else T.JUDGE_FALSE
    if isinstance(response, list):
        return "".join(response) if isinstance(q, MultipleChoice) else T.LIST_SEPARATOR.join(map(str, response))
    if isinstance(response, dict):
        return T.LIST_SEPARATOR.join(str(v) for v in response.values())
    return str(response)


def show_feedback(q: AnyQuestion | Any, score: Score, catalog: Catalog, key: str) -> None:
    """Result, key, explanation, and a link back to the section that teaches the point."""
    message = {
        "correct": st.success,
        "partial": st.warning,
        "wrong": st.error,
        "review": st.info,
    }[score.status]
    label = {
        "correct": T.RESULT_CORRECT,
        "partial": T.RESULT_PARTIAL,
        "wrong": T.RESULT_WRONG,
        "review": T.RESULT_REVIEW,
    }[score.status]
    message(T.RESULT_WITH_MESSAGE.format(label=label, message=score.message) if score.message else label)
    st.markdown(T.CORRECT_ANSWER.format(answer=key_text(q)))
    with st.expander(T.EXPLANATION, expanded=score.status != "correct"):
        st.html(to_html(q.explanation))
    if score.status != "correct":
        for point in q.points[:2]:
            for section_id in catalog.sections_by_point.get(point, [])[:1]:
                section = catalog.sections[section_id]
                if st.button(T.REREAD.format(title=section.title), key=f"{key}_reread_{section_id}"):
                    st.session_state["learn_section"] = section_id
                    st.switch_page("ui/pages/learn.py")
