"""认证考试: the rules up front, the requirements, the final exam (theory paper + skills paper + two scenarios),
certificates."""

import streamlit as st

from actions import certify
from actions.scenarios import load_run
from certification.final import load_rules
from interop.certificate import certificate_pdf
from source import dates
from ui import text as T
from ui.auth import require
from ui.refusal import refusals
from ui.resources import catalog, database
from ui.routes import go, link
from ui.widgets.scenario_play import next_turn, transcript

account = require()
certificate_file = st.cache_data(show_spinner=False)(certificate_pdf)  # embedding the font takes seconds
cat, db = catalog(), database()
rules = load_rules()
st.title(T.NAV_CERTIFY)
final = rules.final
theory_bp = cat.blueprints.get(final.blueprint)
skills_bp = cat.blueprints.get(final.skills_blueprint or "")
if skills_bp is not None and theory_bp is not None:
    st.info(
        T.CERT_RULES_PARTS.format(
            title=rules.title,
            part_pass=min(final.theory_pass, final.skills_paper_pass, final.skills_pass),
            theory=theory_bp.title,
            theory_minutes=theory_bp.time_limit_minutes,
            skills=skills_bp.title,
            skills_minutes=skills_bp.time_limit_minutes,
        )
    )
else:
    st.info(
        T.CERT_RULES.format(
            title=rules.title,
            theory=theory_bp.title if theory_bp else final.blueprint,
            theory_pass=final.theory_pass,
            skills_pass=final.skills_pass,
        )
    )

for code, name, issued_on, theory, skills in certify.my_certificates(db, account):
    with st.container(border=True):
        st.success(T.CERT_EARNED.format(date=dates.day(issued_on), code=code))
        st.download_button(
            T.CERT_DOWNLOAD,
            certificate_file(rules.title, name, issued_on, theory, skills, code),
            f"结业证书-{code}.pdf",
            "application/pdf",
            key=f"certify_pdf_{code}",
        )

attempt = certify.current_final(db, account)
if attempt is None:
    latest = certify.latest_final(db, account)
    if latest is not None:
        last = certify.final_status(db, account, latest)
        if last.passed is False:
            last_skills = "、".join(T.CERT_PART_TODO if x is None else f"{x:g}" for x in last.skills)
            st.warning(
                T.CERT_FAILED_PARTS.format(
                    theory=T.CERT_PART_TODO if last.theory is None else f"{last.theory:g}",
                    paper=T.CERT_PART_TODO if last.paper is None else f"{last.paper:g}",
                    skills=last_skills,
                )
            )
    st.subheader(T.CERT_REQUIREMENTS)
    checks = certify.requirement_checks(db, account, cat)
    for check in checks:
        standing = T.CERT_MET if check.met else T.CERT_NOT_MET
        st.progress(
            check.progress,
            text=T.CERT_CHECK.format(state=standing, label=check.label, have=check.have, need=check.need),
        )
    ready = all(c.met for c in checks)
    if not ready:
        st.caption(T.CERT_NOT_READY)
    if st.button(T.CERT_START, type="primary", key="certify_start", disabled=not ready):
        with refusals():
            certify.start_final(db, account, cat)
            st.rerun()
    st.stop()

state = certify.final_status(db, account, attempt)
st.subheader(T.CERT_THEORY)
if state.theory is None:
    st.write(T.CERT_THEORY_TODO)
    link("exam", label=T.CERT_THEORY_GO, icon="➡️")
else:
    st.metric(T.CERT_THEORY_SCORE, f"{state.theory:g}")

if skills_bp is not None:
    st.subheader(T.CERT_SKILLS_PAPER)
    if state.paper is not None:
        st.metric(T.CERT_SKILLS_PAPER_SCORE, f"{state.paper:g}")
    elif state.paper_pending:
        st.info(T.CERT_SKILLS_PAPER_PENDING)
    elif state.paper_attempt_id is not None:
        link("exam", label=T.CERT_SKILLS_PAPER_GO, icon="➡️")
    elif state.theory is None:
        st.caption(T.CERT_SKILLS_PAPER_TODO)
    elif st.button(T.CERT_SKILLS_PAPER_START, type="primary", key=f"certify_paper_{attempt}"):
        with refusals():
            certify.start_final_skills_paper(db, account, cat, attempt)
            go("exam")

st.subheader(T.CERT_ROLEPLAYS if skills_bp is not None else T.CERT_SKILLS)
tabs = st.tabs([cat.scenarios[s].title if s in cat.scenarios else s for s in state.scenario_ids])
for index, (tab, sid) in enumerate(zip(tabs, state.scenario_ids, strict=True)):
    with tab:
        if state.skills[index] is not None:
            st.metric(T.CERT_SKILL_SCORE, f"{state.skills[index]:g}")
            continue
        if sid not in cat.scenarios:
            st.error(T.CERT_MISSING)
            continue
        scenario = cat.scenarios[sid]
        st.caption(scenario.brief)
        if not st.toggle(
            T.CERT_SKILL_BEGIN, key=f"certify_open_{attempt}_{index}", value=state.run_ids[index] is not None
        ):
            continue
        run_id = certify.final_scenario_run(db, account, attempt, index)
        run = load_run(db, account, cat, run_id)
        transcript(run)
        if not run.finished:
            next_turn(db, account, cat, run_id, run, f"certify_{attempt}_{index}", hints=False, final=True)
