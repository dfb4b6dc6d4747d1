"""Certification: requirements, the final exam (theory + two scenarios), signed certificates and verification."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from typer.testing import CliRunner

from catalog.catalog import Catalog
from catalog.cli import app
from classroom.manual import grade_exam_skill, pending
from courseware.progress import mark
from grading.signing import make_code, parse_code
from interop.certificate import certificate_pdf
from quizzes import certification as cert
from quizzes import exam
from quizzes.practice import answer_question
from scenarios.runner import build_engine
from scenarios.sessions import load_run, play_turn
from store.db import Database
from store.tables import Certificate, User

RULES = cert.load_rules()


def key_of(q: Any) -> Any:
    """A full-marks response to an objective question."""
    if q.type == "multiple":
        return list(q.answer)
    if q.type == "fill":
        return [alternatives[0] for alternatives in q.answer]
    return q.answer


def trainee(db: Database) -> int:
    with db.session() as s:
        user = User(username="cert_trainee", display_name="陈晓", role="trainee", password_hash="x")
        s.add(user)
        s.flush()
        return user.id


def meet_requirements(db: Database, shipped: Catalog, uid: int) -> None:
    for sid in list(shipped.sections)[: int(len(shipped.sections) * 0.8) + 1]:
        mark(db, uid, sid, "done")
    objective = [q for q in shipped.questions.values() if q.type in {"single", "judge"}][:100]
    for q in objective:
        answer_question(db, uid, q, key_of(q), "practice")
    take_exam(db, shipped, uid, "starter-mock")


def take_exam(db: Database, shipped: Catalog, uid: int, blueprint: str, attempt: int | None = None) -> float:
    bp = shipped.blueprints[blueprint]
    module_of = shipped.syllabus.module_of
    attempt = attempt or exam.start(db, uid, bp, shipped.questions, module_of, seed=3)
    for item in exam.load(db, uid, attempt).paper:
        q = shipped.questions[item.question_id]
        if q.type != "case" and q.type != "short":
            exam.save_answer(db, uid, attempt, q.id, key_of(q))
    return exam.submit(db, uid, attempt, bp, shipped.questions, module_of).score or 0


def test_rules_name_only_what_the_course_has(shipped: Catalog) -> None:
    assert cert.rule_problems(RULES, shipped) == []


def test_requirements_are_checked_before_the_final(db: Database, shipped: Catalog) -> None:
    uid = trainee(db)
    assert not any(c.met for c in cert.requirement_checks(db, shipped, RULES, uid))
    with pytest.raises(cert.CertificationError, match="要求"):
        cert.start_final(db, shipped, RULES, uid)
    meet_requirements(db, shipped, uid)
    assert all(c.met for c in cert.requirement_checks(db, shipped, RULES, uid))


def test_a_passed_final_issues_a_certificate_that_verifies(db: Database, shipped: Catalog) -> None:
    uid = trainee(db)
    meet_requirements(db, shipped, uid)
    attempt = cert.start_final(db, shipped, RULES, uid, seed=21)
    with pytest.raises(cert.CertificationError, match="未完成"):
        cert.start_final(db, shipped, RULES, uid)
    state = cert.status(db, RULES, uid, attempt)
    assert state.passed is None and state.theory is None
    assert state.scenario_ids[0] in RULES.final.complaint_scenarios
    assert state.scenario_ids[1] in RULES.final.crisis_scenarios

    take_exam(db, shipped, uid, RULES.final.blueprint, state.exam_attempt_id)
    assert RULES.final.skills_blueprint is not None
    paper = cert.start_skills_paper(db, shipped, RULES, uid, attempt)
    take_exam(db, shipped, uid, RULES.final.skills_blueprint, paper)  # the reference answers
    for item in pending(db, [uid]):  # what the rubric was unsure of, an instructor marks
        grade_exam_skill(db, item.ref, item.question_id, [float(p["possible"]) for p in item.marking], 60)
    assert cert.status(db, RULES, uid, attempt).paper == 100
    for index, sid in enumerate(state.scenario_ids):
        scenario = shipped.scenarios[sid]
        run_id = cert.scenario_run(db, uid, attempt, index)
        assert cert.scenario_run(db, uid, attempt, index) == run_id
        run = load_run(db, uid, run_id, scenario, build_engine(scenario, shipped.library))
        good = next(e for e in scenario.examples if e.name == "good")
        for response in good.turns:
            if run.finished:
                break
            play_turn(db, uid, run_id, run, response)
    state = cert.status(db, RULES, uid, attempt)
    assert state.passed is True and state.theory is not None and state.theory >= 60
    assert state.certificate_code is not None
    assert cert.status(db, RULES, uid, attempt).certificate_code == state.certificate_code  # issued once
    found = cert.verify(db, state.certificate_code.lower().replace("-", " - "))
    assert found is not None and found.name == "陈晓" and found.theory == round(state.theory, 1)
    assert cert.current_final(db, uid) is None

    result = CliRunner().invoke(app, ["verify", state.certificate_code], env={"CMA_DATABASE_URL": str(db.engine.url)})
    assert result.exit_code == 0 and "证书有效：陈晓" in result.output

    with db.session() as s:  # a record edited behind the platform's back no longer verifies
        row = s.scalar(select(Certificate))
        assert row is not None
        row.theory = 99
    assert cert.verify(db, state.certificate_code) is None
    assert CliRunner().invoke(app, ["verify", "CMA-1"], env={"CMA_DATABASE_URL": str(db.engine.url)}).exit_code == 1

    pdf = certificate_pdf(RULES.title, "陈晓", found.issued_on, found.theory, found.skills, state.certificate_code)
    assert pdf.startswith(b"%PDF") and b"/FontFile3" in pdf


def test_codes_are_parsed_leniently_and_forged_ones_fail(db: Database) -> None:
    code = make_code(b"k" * 32, 7, "payload")
    assert parse_code(code) is not None and parse_code(code.lower()) == parse_code(code)
    assert parse_code("CMA-000007-0000-0000-0000") is None  # 0 is not base32
    assert parse_code("") is None and parse_code("x" * 10_000) is None
    assert cert.verify(db, code) is None  # no such certificate
    assert cert.secret_key(db) == cert.secret_key(db)  # made once, then kept


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_no_text_crashes_the_code_parser(text: str) -> None:
    parsed = parse_code(text)
    assert parsed is None or len(parsed[1]) == 12
