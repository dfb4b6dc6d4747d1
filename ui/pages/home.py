"""首页: welcome, resume reading, what the course holds, and one's own figures."""

import streamlit as st

from classroom.assignments import tasks_of
from courseware.progress import DONE, last_section, statuses
from quizzes.exam import history
from quizzes.practice import answers_of
from scenarios.sessions import runs_of
from ui import text as T
from ui.auth import require
from ui.resources import catalog, database

account = require()
cat, db = catalog(), database()

st.title(T.HOME_WELCOME.format(name=account.display_name))
st.caption(T.TAGLINE)
if cat.problems:
    st.warning(T.HOME_PROBLEMS.format(n=len(cat.problems)))

resume = last_section(db, account.id)
target: str | None
if resume in cat.sections:
    label = T.HOME_RESUME.format(title=cat.sections[resume].title)
    target = resume
elif cat.chapters:
    label, target = T.HOME_START, cat.chapters[0].sections[0].id
else:
    label, target = "", None
if target and st.button(label, type="primary", key="home_resume"):
    st.session_state["learn_section"] = target
    st.switch_page("ui/pages/learn.py")

pending = [t for t in tasks_of(db, cat, account.id) if t.status != "done"]
if pending:
    late = sum(t.status == "late" for t in pending)
    dated = sorted(t.assignment.due_at for t in pending if t.assignment.due_at is not None)
    next_due = T.HOME_TASKS_DUE.format(due=dated[0].astimezone().strftime("%m-%d %H:%M")) if dated else ""
    st.info(T.HOME_TASKS.format(n=len(pending), late=late, next_due=next_due))
    if st.button(T.NAV_TASKS, key="home_to_tasks", icon=":material/task_alt:"):
        st.switch_page("ui/pages/tasks.py")

answers = answers_of(db, account.id)
correct = sum(1 for a in answers if a.correct)
done = sum(1 for s in statuses(db, account.id).values() if s == DONE)
cols = st.columns(5)
cols[0].metric(T.METRIC_READ, f"{done}/{len(cat.sections)}")
cols[1].metric(T.METRIC_ANSWERED, len(answers))
cols[2].metric(T.METRIC_ACCURACY, f"{correct / len(answers):.0%}" if answers else "—")
cols[3].metric(T.METRIC_EXAMS, len(history(db, account.id)))
cols[4].metric(T.METRIC_RUNS, sum(1 for r in runs_of(db, account.id) if r.finished))

st.divider()
targets = {
    "learn": "ui/pages/learn.py",
    "practice": "ui/pages/practice.py",
    "exam": "ui/pages/exam.py",
    "scenario": "ui/pages/scenario.py",
}
for column, (key, (title, blurb)) in zip(st.columns(4), T.HOME_CARDS.items(), strict=True):
    with column.container(border=True):
        st.subheader(title)
        st.write(blurb)
        st.page_link(targets[key], label=title, icon="➡️")
st.caption(
    T.HOME_STATS.format(
        chapters=len(cat.chapters),
        sections=len(cat.sections),
        questions=len(cat.questions),
        scenarios=len(cat.scenarios),
    )
)
