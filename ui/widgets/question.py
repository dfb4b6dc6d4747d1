"""Draw a question's answer input and its feedback; choice options appear in a per-attempt order."""

from __future__ import annotations

import random
from typing import Any

import streamlit as st

from catalog.catalog import Catalog
from courseware.render import to_html
from quizzes.kinds import key_letters, kind_of
from quizzes.models import LETTERS, AnyQuestion
from quizzes.scoring import Score
from quizzes.shuffle import option_order, to_bank_letters, to_displayed_letters
from ui import text as T
from ui.routes import go
from ui.widgets.report_problem import report_widget

MAX_ANSWER_CHARS = 2000
SKILL_ANSWER_CHARS = 2000  # the rule engine reads at most this many characters (grading.text.MAX_TEXT)


def session_seed() -> int:
    """A random seed kept for this browser session: option order changes per session, not per rerun."""
    return int(st.session_state.setdefault("question_seed", random.SystemRandom().randrange(1, 2**31)))


def response_input(q: Any, key: str, initial: Any = None, seed: int = 0) -> Any:
    """Draw the input the question's type registers and return the response in the bank's letters."""
    st.markdown(f"**{type_label(q)}** {q.stem}")
    widget = kind_of(q).widget
    if widget == "single":
        order = option_order(q, seed)
        labels = _labels(q, order)
        before = to_displayed_letters([initial], order) if isinstance(initial, str) else []
        index = LETTERS.index(before[0]) if before else None
        picked = st.radio(T.TYPE_LABELS[q.type], labels, index=index, key=key, label_visibility="collapsed")
        return None if picked is None else to_bank_letters([picked[0]], order)[0]
    if widget == "multiple":
        st.caption(scoring_note(q))
        order = option_order(q, seed)
        ticked = set(to_displayed_letters(list(initial or []), order))
        letters = [
            LETTERS[i]
            for i, label in enumerate(_labels(q, order))
            if st.checkbox(label, value=LETTERS[i] in ticked, key=f"{key}_{i}")
        ]
        return sorted(to_bank_letters(letters, order)) or None
    if widget == "judge":
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
    if widget == "blanks":
        given = list(initial or []) + [""] * len(q.answer)
        return [
            st.text_input(T.FILL_BLANK.format(n=i + 1), value=given[i], key=f"{key}_{i}", max_chars=100)
            for i in range(len(q.answer))
        ]
    if widget in {"text", "skill"}:
        if widget == "skill":
            if q.case:
                st.info(q.case)
            st.caption(T.SKILL_POINTS_NOTE.format(score=q.score, n=len(q.marking)))
        return st.text_area(
            T.SHORT_PLACEHOLDER,
            value=initial or "",
            key=key,
            max_chars=SKILL_ANSWER_CHARS if widget == "skill" else MAX_ANSWER_CHARS,
            height=260 if widget == "skill" else None,
            label_visibility="collapsed",
            placeholder=T.SHORT_PLACEHOLDER,
        )
    st.info(q.case)
    answers = dict(initial or {})
    for sub in q.questions:
        answers[sub.id] = response_input(sub, f"{key}_{sub.id}", answers.get(sub.id), seed)
    return answers


def type_label(q: Any) -> str:
    """The Chinese name of the question's type (the form for a skill item)."""
    return T.SKILL_FORM_LABELS[q.form] if q.type == "skill" else T.TYPE_LABELS[q.type]


def scoring_note(q: Any) -> str:
    """How a multiple-choice item is scored, said before answering."""
    return T.SCORING_ALL_OR_NOTHING if q.scoring == "all_or_nothing" else T.SCORING_PARTIAL


def show_question(q: Any, seed: int = 0) -> None:
    """The question as text, options in the attempt's order (for 背题模式 and reviews)."""
    st.markdown(f"**{type_label(q)}** {q.stem}")
    widget = kind_of(q).widget
    if kind_of(q).options:
        for label in _labels(q, option_order(q, seed)):
            st.markdown(label)
    if widget == "multiple":
        st.caption(scoring_note(q))
    if widget in {"case", "skill"} and q.case:
        st.info(q.case)
    if widget == "case":
        for sub in q.questions:
            show_question(sub, seed)


def _labels(q: Any, order: list[int]) -> list[str]:
    return [f"{LETTERS[i]}. {q.options[bank]}" for i, bank in enumerate(order)]


def key_text(q: Any, seed: int = 0) -> str:
    """The correct answer in words, with the letters as shown on screen."""
    widget = kind_of(q).widget
    if kind_of(q).options:
        return "".join(to_displayed_letters(key_letters(q), option_order(q, seed)))
    if widget == "judge":
        return T.JUDGE_TRUE if q.answer else T.JUDGE_FALSE
    if widget == "blanks":
        return T.LIST_SEPARATOR.join("/".join(a) for a in q.answer)
    if widget == "case":
        return T.LIST_SEPARATOR.join(f"({i + 1}){key_text(s, seed)}" for i, s in enumerate(q.questions))
    return str(q.answer)


def response_text(q: Any, response: Any, seed: int = 0) -> str:
    """A stored response in words, with the letters as shown on screen."""
    if response is None or response in ([], ""):
        return T.EXAM_UNANSWERED
    widget = kind_of(q).widget
    if kind_of(q).options:
        letters = [response] if isinstance(response, str) else list(response)
        return "".join(to_displayed_letters(letters, option_order(q, seed)))
    if widget == "judge" and isinstance(response, bool):
        return T.JUDGE_TRUE if response else T.JUDGE_FALSE
    if isinstance(response, list):
        return T.LIST_SEPARATOR.join(map(str, response))
    if isinstance(response, dict) and widget == "case":
        return T.LIST_SEPARATOR.join(response_text(s, response.get(s.id), seed) for s in q.questions)
    return str(response)


def show_marking(q: Any, result: dict[str, Any] | None) -> None:
    """A skill item's marking scheme with the points the answer was found to make or miss."""
    parts = (result or {}).get("parts") or []
    marks = (result or {}).get("point_marks")
    rows = []
    for i, point in enumerate(q.marking):
        part = parts[i] if i < len(parts) else {}
        state = {"correct": T.SKILL_FOUND, "review": T.SKILL_UNSURE}.get(part.get("status", ""), T.SKILL_MISSED)
        row = {
            T.SKILL_COL_POINT: point.label,
            T.SKILL_COL_SCORE: f"{point.score:g}",
            T.SKILL_COL_STATE: state,
            T.SKILL_COL_WORDS: T.LIST_SEPARATOR.join(part.get("matched", [])),
        }
        if marks is not None and i < len(marks):
            row[T.SKILL_COL_MARK] = f"{marks[i]:g}"
        rows.append(row)
    st.markdown(f"**{T.SKILL_SCHEME}**")
    st.dataframe(rows, hide_index=True)
    with st.expander(T.SKILL_MODEL_ANSWER):
        st.html(to_html(q.answer))


def show_feedback(
    q: AnyQuestion | Any,
    score: Score,
    catalog: Catalog,
    key: str,
    seed: int = 0,
    response: Any = None,
    report: bool = False,
) -> None:
    """Result, the options marked 对/错 with the key highlighted, the rubric points found and missed,
    key, explanation, and a link back to the section that teaches the point."""
    message = {"correct": st.success, "partial": st.warning, "wrong": st.error, "review": st.info}[score.status]
    label = {
        "correct": T.RESULT_CORRECT,
        "partial": T.RESULT_PARTIAL,
        "wrong": T.RESULT_WRONG,
        "review": T.RESULT_REVIEW,
    }[score.status]
    message(T.RESULT_WITH_MESSAGE.format(label=label, message=score.message) if score.message else label)
    if kind_of(q).widget == "skill":
        show_marking(q, score.to_dict())
    show_marked_options(q, response, seed)
    show_rubric(q, score)
    show_key(q, catalog, key, seed, expanded=score.status != "correct", reread=True, report=report)


def show_key(q: Any, catalog: Catalog, key: str, seed: int, expanded: bool, reread: bool, report: bool = False) -> None:
    """The key and the explanation, with a link to reread the section of the question's first point, and
    报错 when asked."""
    if kind_of(q).widget != "skill":
        st.markdown(T.CORRECT_ANSWER.format(answer=key_text(q, seed)))
    with st.expander(T.EXPLANATION, expanded=expanded):
        st.html(to_html(q.explanation))
        if reread:
            reread_link(q, catalog, key)
    if report:
        report_widget("question", q.id, key)


def reread_link(q: Any, catalog: Catalog, key: str) -> None:
    """重读：<section title>, opening the section that teaches the question's first point."""
    section = catalog.reread_section(q)
    if section is not None and st.button(T.REREAD.format(title=section.title), key=f"{key}_reread_{section.id}"):
        go("learn", section=section.id)


def show_marked_options(q: Any, response: Any, seed: int) -> None:
    """Each option as shown, the chosen ones marked 对 or 错 in words and colour, the key highlighted."""
    if getattr(q, "type", "") not in ("single", "multiple") or response in (None, "", []):
        return
    key = {q.answer} if q.type == "single" else set(q.answer)
    chosen = {response} if isinstance(response, str) else set(response)
    order = option_order(q, seed)
    lines = []
    for shown, bank in zip(_labels(q, order), order, strict=True):
        letter = LETTERS[bank]
        if letter in chosen:
            mark = T.OPTION_CHOSEN_RIGHT if letter in key else T.OPTION_CHOSEN_WRONG
            colour = "green" if letter in key else "red"
            lines.append(f":{colour}[**{shown}　{mark}**]")
        elif letter in key:
            lines.append(f":green[**{shown}　{T.OPTION_KEY}**]")
        else:
            lines.append(shown)
    st.markdown("  \n".join(lines))


def show_rubric(q: Any, score: Score) -> None:
    """For a short answer: the rubric points the answer named and those it missed."""
    if getattr(q, "type", "") != "short":
        return
    found = [g.label for g in q.rubric if g.label in score.matched]
    missed = [g.label for g in q.rubric if g.label not in score.matched]
    if found:
        st.markdown(T.RUBRIC_FOUND.format(points="、".join(found)))
    if missed:
        st.markdown(T.RUBRIC_MISSED.format(points="、".join(missed)))
