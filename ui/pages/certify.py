"""认证考试: the rules up front, the requirements, the final exam (theory paper + skills paper + two scenarios),
certificates."""

import streamlit as st

from interop.certificate import certificate_pdf
from quizzes import certification as cert
from scenarios.sessions import load_run
from ui import text as T
from ui.auth import require
from ui.resources import catalog, database, scenario_engine
from ui.widgets.scenario_play import next_turn, transcript

account = require()
certificate_file = st.cache_data(show_spinner=False)(certificate_pdf)  # embedding the font takes seconds
cat, db = catalog(), database()
rules = cert.load_rules()
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

for code, name, issued_on, theory, skills in cert.certificates_of(db, account.id):
    with st.container(border=True):
        st.success(T.CERT_EARNED.format(date=issued_on.isoformat(), code=code))
        st.download_button(
            T.CERT_DOWNLOAD,
            certificate_file(rules.title, name, issued_on, theory, skills, code),
            f"结业证书-{code}.pdf",
            "application/pdf",
            key=f"certify_pdf_{code}",
        )

attempt = cert.current_final(db, account.id)
if attempt is None:
    latest = cert.latest_final(db, account.id)
    if latest is not None:
        last = cert.status(db, rules, account.id, latest)
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
    checks = cert.requirement_checks(db, cat, rules, account.id)
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
        try:
            cert.start_final(db, cat, rules, account.id)
            st.rerun()
        except cert.CertificationError as exc:
            st.error(str(exc))
    st.stop()

state = cert.status(db, rules, account.id, attempt)
st.subheader(T.CERT_THEORY)
if state.theory is None:
    st.write(T.CERT_THEORY_TODO)
    st.page_link("ui/pages/exam.py", label=T.CERT_THEORY_GO, icon="➡️")
else:
    st.metric(T.CERT_THEORY_SCORE, f"{state.theory:g}")

if skills_bp is not None:
    st.subheader(T.CERT_SKILLS_PAPER)
    if state.paper is not None:
        st.metric(T.CERT_SKILLS_PAPER_SCORE, f"{state.paper:g}")
    elif state.paper_pending:
        st.info(T.CERT_SKILLS_PAPER_PENDING)
    elif state.paper_attempt_id is not None:
        st.page_link("ui/pages/exam.py", label=T.CERT_SKILLS_PAPER_GO, icon="➡️")
    elif state.theory is None:
        st.caption(T.CERT_SKILLS_PAPER_TODO)
    elif st.button(T.CERT_SKILLS_PAPER_START, type="primary", key=f"certify_paper_{attempt}"):
        try:
            cert.start_skills_paper(db, cat, rules, account.id, attempt)
            st.switch_page("ui/pages/exam.py")
        except cert.CertificationError as exc:
            st.error(str(exc))

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
        run_id = cert.scenario_run(db, account.id, attempt, index)
        run = load_run(db, account.id, run_id, scenario, scenario_engine(sid))
        transcript(run)
        if not run.finished:
            next_turn(db, account.id, run_id, run, f"certify_{attempt}_{index}", cat.questions_by_point, hints=False)
