"""内容反馈: trainees' problem reports and the questions item analysis flags, listed in one table; the item picked
shows its statistics, chart and a reply the reporter sees on 首页."""

import plotly.graph_objects as go
import streamlit as st

from actions.classes import my_classes
from actions.feedback import QueueItem, answer_report, problem_queue
from quizzes.item_analysis import ItemAnalysis
from ui import text as T
from ui.auth import require
from ui.look import chart, dataframe, figure
from ui.names import shorten
from ui.refusal import refusals
from ui.resources import catalog, database
from ui.widgets.question import key_text, show_question

account = require("instructor", "admin")
cat, db = catalog(), database()
st.title(T.FEEDBACK_PAGE_TITLE)
st.caption(T.FEEDBACK_PAGE_INTRO)

classes = {c.id: c.name for c in my_classes(db, account)}
scope = st.selectbox(
    T.FEEDBACK_SCOPE,
    [0, *classes],
    format_func=lambda i: classes.get(i, T.FEEDBACK_SCOPE_ALL),
    key="feedback_scope",
)
queue = problem_queue(db, account, cat, scope or None)
if not queue:
    st.info(T.FEEDBACK_EMPTY)
    st.stop()


def number(value: float | None, fmt: str = "{:.2f}") -> str:
    return T.FEEDBACK_NO_VALUE if value is None else fmt.format(value)


def stats(a: ItemAnalysis) -> None:
    st.caption(
        T.FEEDBACK_STATS.format(
            n=a.respondents,
            facility=a.facility,
            disc=number(a.discrimination),
            ul=number(a.upper_lower),
            sec=number(a.median_seconds, "{:g} 秒"),
        )
    )
    for flag in a.flags:
        st.warning(T.FEEDBACK_FLAGS[flag.code].format(option=flag.option))
    if a.option_shares:
        letters = tuple(a.option_shares)
        shares = tuple(a.option_shares[k] for k in letters)
        upper = tuple(a.upper_shares.get(k, 0.0) for k in letters)

        def shares_figure() -> go.Figure:
            fig = go.Figure(
                [
                    go.Bar(name=T.FEEDBACK_CHART_ALL, x=list(letters), y=list(shares)),
                    go.Bar(name=T.FEEDBACK_CHART_UPPER, x=list(letters), y=list(upper)),
                ]
            )
            fig.update_layout(
                barmode="group",
                height=260,
                margin={"t": 10, "b": 10},
                xaxis_title=T.FEEDBACK_CHART_OPTION,
                yaxis={"title": T.FEEDBACK_CHART_SHARE, "tickformat": ".0%"},
            )
            return fig

        chart(figure(("feedback_shares", letters, shares, upper), shares_figure), key=f"feedback_chart_{a.question_id}")


def title_of(item: QueueItem) -> str:
    if item.kind == "question":
        q = cat.questions.get(item.item_id)
        return T.FEEDBACK_ITEM_QUESTION.format(title=shorten(q.stem, 40) if q else "")
    sc = cat.scenarios.get(item.item_id)
    return T.FEEDBACK_ITEM_TURN.format(title=sc.title if sc else "")


def label_of(item: QueueItem) -> str:
    return T.FEEDBACK_REPORTS.format(n=len(item.reports)) if item.reports else T.FEEDBACK_FLAGGED


# The whole queue as one table, then one item at a time: a class flags many questions, each with its chart.
titles = [title_of(item) for item in queue]
dataframe(
    [
        {
            T.FEEDBACK_TABLE_ITEM: title,
            T.FEEDBACK_TABLE_REPORTS: len(item.reports),
            T.FEEDBACK_TABLE_FLAGS: len(item.analysis.flags) if item.analysis is not None else 0,
            T.FEEDBACK_TABLE_RESPONDENTS: item.analysis.respondents if item.analysis is not None else 0,
        }
        for item, title in zip(queue, titles, strict=True)
    ]
)
# Picked by a stable key, so a report arriving meanwhile does not swap the item under the reply being written.
keys = [f"{item.kind}:{item.item_id}" for item in queue]
labels = {
    key: T.FEEDBACK_PICK_LABEL.format(n=i + 1, title=title, label=label_of(item))
    for i, (key, item, title) in enumerate(zip(keys, queue, titles, strict=True))
}
after_reply = st.session_state.pop("feedback_after_reply", None)
if after_reply is not None:  # the item replied to, or the one that took its place if it left the queue
    replied, following = after_reply
    st.session_state["feedback_item"] = replied if replied in labels else following
if st.session_state.get("feedback_item") not in labels:
    st.session_state.pop("feedback_item", None)
picked = st.selectbox(T.FEEDBACK_PICK, keys, format_func=labels.__getitem__, key="feedback_item")
at = keys.index(picked) if picked in labels else 0
item = queue[at]
st.subheader(f"{titles[at]} · {label_of(item)}")
q = cat.questions.get(item.item_id) if item.kind == "question" else None
if q is not None:
    show_question(q)
    st.caption(T.CORRECT_ANSWER.format(answer=key_text(q)))
if item.analysis is not None:
    stats(item.analysis)
for r in item.reports:
    st.divider()
    st.write(
        T.FEEDBACK_REPORT_LINE.format(
            who=r.reporter, category=T.FEEDBACK_CATEGORIES.get(r.category, ""), note=r.note or "—"
        )
    )
    if r.turn_text:
        st.caption(T.FEEDBACK_TURN_LINE.format(text=r.turn_text))
    with st.form(f"feedback_reply_{r.id}"):
        decision = st.radio(
            T.FEEDBACK_DECISION,
            list(T.FEEDBACK_DECISIONS),
            format_func=T.FEEDBACK_DECISIONS.__getitem__,
            horizontal=True,
        )
        reply = st.text_area(T.FEEDBACK_REPLY, max_chars=500)
        if st.form_submit_button(T.FEEDBACK_REPLY_SUBMIT):
            with refusals():
                answer_report(db, account, r.id, decision, reply)
                st.success(T.FEEDBACK_REPLIED)
                following = keys[at + 1] if at + 1 < len(keys) else keys[at - 1] if at > 0 else None
                st.session_state["feedback_after_reply"] = (keys[at], following)
                st.rerun()
