"""Draw a question's answer input and its feedback; choice options appear in a per-attempt order."""

from __future__ import annotations

import random
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
from quizzes.shuffle import option_order, to_bank_letters, to_displayed_letters
from ui import text as T
from ui.routes import go
from ui.widgets.report_problem import report_widget

MAX_ANSWER_CHARS = 2000


def session_seed() -> int:
    """A random seed kept for this browser session: option order changes per session, not per rerun."""
    return int(st.session_state.setdefault("question_seed", random.SystemRandom().randrange(1, 2**31)))


def response_input(q: AnyQuestion | Any, key: str, initial: Any = None, seed: int = 0) -> Any:
    """Draw the input and return the response in the bank's letters (None when empty)."""
    st.markdown(f"**{T.TYPE_LABELS[q.type]}** {q.stem}")
    if isinstance(q, SingleChoice):
        order = option_order(q, seed)
        labels = _labels(q, order)
        before = to_displayed_letters([initial], order) if isinstance(initial, str) else []
        index = LETTERS.index(before[0]) if before else None
        picked = st.radio(T.TYPE_LABELS[q.type], labels, index=index, key=key, label_visibility="collapsed")
        return None if picked is None else to_bank_letters([picked[0]], order)[0]
    if isinstance(q, MultipleChoice):
        order = option_order(q, seed)
        ticked = set(to_displayed_letters(list(initial or []), order))
        letters = [
            LETTERS[i]
            for i, label in enumerate(_labels(q, order))
            if st.checkbox(label, value=LETTERS[i] in ticked, key=f"{key}_{i}")
        ]
        return sorted(to_bank_letters(letters, order)) or None
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
        answers[sub.id] = response_input(sub, f"{key}_{sub.id}", answers.get(sub.id), seed)
    return answers


def show_question(q: AnyQuestion | Any, seed: int = 0) -> None:
    """The question as text, options in the attempt's order (for 背题模式 and reviews)."""
    st.markdown(f"**{T.TYPE_LABELS[q.type]}** {q.stem}")
    if isinstance(q, ChoiceBase):
        for label in _labels(q, option_order(q, seed)):
            st.markdown(label)
    if isinstance(q, CaseAnalysis):
        st.info(q.case)
        for sub in q.questions:
            show_question(sub, seed)


def _labels(q: ChoiceBase, order: list[int]) -> list[str]:
    return [f"{LETTERS[i]}. {q.options[bank]}" for i, bank in enumerate(order)]


def key_text(q: AnyQuestion | Any, seed: int = 0) -> str:
    """The correct answer in words, with the letters as shown on screen."""
    if isinstance(q, SingleChoice | MultipleChoice):
        key = [q.answer] if isinstance(q, SingleChoice) else list(q.answer)
        order = option_order(q, seed)
        return "".join(to_displayed_letters(key, order))
    if isinstance(q, Judge):
        return T.JUDGE_TRUE if q.answer else T.JUDGE_FALSE
    if isinstance(q, Fill):
        return T.LIST_SEPARATOR.join("/".join(a) for a in q.answer)
    if isinstance(q, ShortAnswer):
        return q.answer
    assert isinstance(q, CaseAnalysis)
    return T.LIST_SEPARATOR.join(f"({i + 1}){key_text(s, seed)}" for i, s in enumerate(q.questions))


def response_text(q: AnyQuestion | Any, response: Any, seed: int = 0) -> str:
    """A stored response in words, with the letters as shown on screen."""
    if response is None or response in ([], ""):
        return T.EXAM_UNANSWERED
    if isinstance(q, SingleChoice | MultipleChoice):
        letters = [response] if isinstance(response, str) else list(response)
        return "".join(to_displayed_letters(letters, option_order(q, seed)))
    if isinstance(q, Judge) and isinstance(response, bool):
        return T.JUDGE_TRUE if response else T.JUDGE_FALSE
    if isinstance(response, list):
        return T.LIST_SEPARATOR.join(map(str, response))
    if isinstance(response, dict) and isinstance(q, CaseAnalysis):
        return T.LIST_SEPARATOR.join(response_text(s, response.get(s.id), seed) for s in q.questions)
    return str(response)


def show_feedback(
    q: AnyQuestion | Any, score: Score, catalog: Catalog, key: str, seed: int = 0, report: bool = False
) -> None:
    """Result, key, explanation, and a link back to the section that teaches the point."""
    message = {"correct": st.success, "partial": st.warning, "wrong": st.error, "review": st.info}[score.status]
    label = {
        "correct": T.RESULT_CORRECT,
        "partial": T.RESULT_PARTIAL,
        "wrong": T.RESULT_WRONG,
        "review": T.RESULT_REVIEW,
    }[score.status]
    message(T.RESULT_WITH_MESSAGE.format(label=label, message=score.message) if score.message else label)
    show_key(q, catalog, key, seed, expanded=score.status != "correct", reread=score.status != "correct", report=report)


def show_key(
    q: AnyQuestion | Any, catalog: Catalog, key: str, seed: int, expanded: bool, reread: bool, report: bool = False
) -> None:
    """The key and the explanation, with a link to reread the section when asked, and 报错 when asked."""
    st.markdown(T.CORRECT_ANSWER.format(answer=key_text(q, seed)))
    with st.expander(T.EXPLANATION, expanded=expanded):
        st.html(to_html(q.explanation))
    if reread:
        for point in q.points[:2]:
            for section_id in catalog.sections_by_point.get(point, [])[:1]:
                section = catalog.sections[section_id]
                if st.button(T.REREAD.format(title=section.title), key=f"{key}_reread_{section_id}"):
                    go("learn", section=section_id)
    if report:
        report_widget("question", q.id, key)
