"""首页: welcome, resume reading, what the course holds, and one's own figures."""

import streamlit as st

from actions.feedback import my_reports
from actions.study import my_figures, my_last_section, my_study_plan, my_tasks
from source import dates
from ui import text as T
from ui.auth import require
from ui.resources import catalog, database
from ui.routes import go, link
from ui.widgets.study_plan import plan_settings, today_panel

account = require()
cat, db = catalog(), database()

st.title(T.HOME_WELCOME.format(name=account.display_name))
st.caption(T.TAGLINE)
if cat.problems:
    st.warning(T.HOME_PROBLEMS.format(n=len(cat.problems)))

resume = my_last_section(db, account)
target: str | None
if resume in cat.sections:
    label = T.HOME_RESUME.format(title=cat.sections[resume].title)
    target = resume
elif cat.chapters:
    label, target = T.HOME_START, cat.chapters[0].sections[0].id
else:
    label, target = "", None
if target and st.button(label, type="primary", key="home_resume"):
    go("learn", section=target)

today = my_study_plan(db, account, cat)
today_panel(today, cat)
plan_settings(db, account, today)

pending = [t for t in my_tasks(db, account, cat) if t.status != "done"]
if pending:
    late = sum(t.status == "late" for t in pending)
    dated = sorted(t.assignment.due_at for t in pending if t.assignment.due_at is not None)
    next_due = T.HOME_TASKS_DUE.format(due=dates.short_day_time(dated[0])) if dated else ""
    st.info(T.HOME_TASKS.format(n=len(pending), late=late, next_due=next_due))
    if st.button(T.NAV_TASKS, key="home_to_tasks", icon=":material/task_alt:"):
        go("tasks")

replies = [r for r in my_reports(db, account) if r.status != "open"][:5]
if replies:
    with st.container(border=True):
        st.markdown(f"**{T.FEEDBACK_HOME_TITLE}**")
        for r in replies:
            item = cat.questions[r.item_id].stem if r.item_id in cat.questions else ""
            if r.item_id in cat.scenarios:
                item = cat.scenarios[r.item_id].title
            st.write(
                T.FEEDBACK_HOME_LINE.format(
                    when=dates.month_day(r.handled_at or r.created_at),
                    item=item[:30],
                    category=T.FEEDBACK_CATEGORIES.get(r.category, ""),
                    status=T.FEEDBACK_STATUS.get(r.status, ""),
                    reply=r.reply,
                )
            )

mine = my_figures(db, account, cat)
cols = st.columns(5)
cols[0].metric(T.METRIC_READ, f"{mine.sections_read}/{len(cat.sections)}")
cols[1].metric(T.METRIC_ANSWERED, mine.answers)
cols[2].metric(T.METRIC_ACCURACY, "—" if mine.accuracy is None else f"{mine.accuracy:.0%}")
cols[3].metric(T.METRIC_EXAMS, mine.exams)
cols[4].metric(T.METRIC_RUNS, mine.runs)

st.divider()
for column, (key, (title, blurb)) in zip(st.columns(4), T.HOME_CARDS.items(), strict=True):
    with column.container(border=True):
        st.subheader(title)
        st.write(blurb)
        link(key, label=title, icon="➡️")
st.caption(
    T.HOME_STATS.format(
        chapters=len(cat.chapters),
        sections=len(cat.sections),
        questions=len(cat.questions),
        scenarios=len(cat.scenarios),
    )
)
