"""The certification path: requirements, a final exam of a theory paper, a written skills paper and two
scenarios, and signed certificates that anyone can verify."""

from __future__ import annotations

import os
import random
import secrets
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from grading.signing import check, make_code, parse_code
from progress.figures import Figures, figures
from quizzes import exam
from scenarios.sessions import start_run
from source import dates
from source.models import ContentModel, check_schema_version
from source.yamlsource import parse_yaml, read_text
from store.db import Database
from store.tables import Certificate, CertificationAttempt, ExamAttempt, ScenarioRun, Setting, User, utcnow

if TYPE_CHECKING:  # the course container is above the domains: named for types only
    from catalog.catalog import Catalog

RULES_FILE = Path(__file__).with_name("certification.yaml")
SECRET_KEY = "certificate_secret"


class Requirements(ContentModel):
    """What a trainee must have done before the final exam."""

    sections_read: float = Field(ge=0, le=1, description="Share of sections marked read")
    practice_answers: int = Field(ge=0, description="Practice answers given")
    practice_accuracy: float = Field(ge=0, le=1, description="Share of practice answers right")
    mock_exam_passed: bool = Field(description="A passed mock exam is needed")


class FinalExam(ContentModel):
    """The final exam: a theory paper, a written skills paper, one complaint and one crisis scenario."""

    blueprint: str = Field(description="Blueprint of the theory paper")
    theory_pass: float = Field(gt=0, le=100, description="Theory score needed")
    skills_blueprint: str | None = Field(default=None, description="Blueprint of the written skills paper")
    skills_paper_pass: float = Field(default=60, gt=0, le=100, description="Skills-paper score needed")
    complaint_scenarios: tuple[str, ...] = Field(min_length=1, description="Pool for the complaint scenario")
    crisis_scenarios: tuple[str, ...] = Field(min_length=1, description="Pool for the crisis scenario")
    skills_pass: float = Field(gt=0, le=100, description="Score needed in each scenario")


class Rules(ContentModel):
    """The certification rules file."""

    schema_version: int = Field(description="Schema version")
    title: str = Field(description="Name of the certification")
    requirements: Requirements
    final: FinalExam

    _v = field_validator("schema_version")(check_schema_version)


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    """The certification rules, read once."""
    return Rules.model_validate(parse_yaml(read_text(path, path.name), path.name).data)


def rule_problems(rules: Rules, catalog: Catalog) -> list[str]:
    """Names in the rules that the course does not have."""
    problems = []
    if rules.final.blueprint not in catalog.blueprints:
        problems.append(f"certification.yaml: final.blueprint: 未知的蓝图 {rules.final.blueprint}")
    skills = rules.final.skills_blueprint
    if skills is not None and skills not in catalog.blueprints:
        problems.append(f"certification.yaml: final.skills_blueprint: 未知的蓝图 {skills}")
    for pool in ("complaint_scenarios", "crisis_scenarios"):
        for sid in getattr(rules.final, pool):
            if sid not in catalog.scenarios:
                problems.append(f"certification.yaml: final.{pool}: 未知的情景 {sid}")
    return problems


class CertificationError(ValueError):
    """A certification step that cannot be taken, with a message in Chinese."""


@dataclass(frozen=True)
class Check:
    """One requirement: what it asks, where the trainee stands, whether it is met."""

    label: str
    have: str
    need: str
    met: bool
    progress: float


def requirement_checks(
    db: Database, catalog: Catalog, rules: Rules, user_id: int, mine: Figures | None = None
) -> list[Check]:
    """Every requirement with the trainee's standing (`mine`: the trainee's figures, when already read)."""
    req = rules.requirements
    if mine is None:
        mine = figures(db, user_id, catalog.sections)
    share = mine.sections_read / len(catalog.sections) if catalog.sections else 0.0
    answered, accuracy, passed = mine.answers, mine.accuracy or 0.0, mine.exams_passed > 0
    checks = [
        Check(
            "阅读课程小节",
            f"{share:.0%}",
            f"{req.sections_read:.0%}",
            share >= req.sections_read,
            min(1.0, share / req.sections_read) if req.sections_read else 1.0,
        ),
        Check(
            "练习答题数",
            str(answered),
            str(req.practice_answers),
            answered >= req.practice_answers,
            min(1.0, answered / req.practice_answers) if req.practice_answers else 1.0,
        ),
        Check(
            "练习正确率",
            f"{accuracy:.0%}",
            f"{req.practice_accuracy:.0%}",
            accuracy >= req.practice_accuracy,
            min(1.0, accuracy / req.practice_accuracy) if req.practice_accuracy else 1.0,
        ),
    ]
    if req.mock_exam_passed:
        checks.append(
            Check("通过一次模拟考试", "已通过" if passed else "未通过", "通过", passed, 1.0 if passed else 0.0)
        )
    return checks


@dataclass(frozen=True)
class FinalStatus:
    """Where a final exam stands."""

    attempt_id: int
    exam_attempt_id: int
    scenario_ids: tuple[str, ...]
    run_ids: tuple[int | None, ...]
    theory: float | None  # None until the paper is handed in
    skills: tuple[float | None, ...]  # None until a scenario is finished
    passed: bool | None  # None until every part is done
    certificate_code: str | None
    paper: float | None = None  # the written skills paper; None until handed in and fully marked
    paper_attempt_id: int | None = None  # None until the skills paper is started
    paper_pending: bool = False  # handed in, waiting for an instructor


def start_final(db: Database, catalog: Catalog, rules: Rules, user_id: int, seed: int | None = None) -> int:
    """Open a final exam when the requirements are met: draw the paper and one scenario of each kind."""
    if not all(c.met for c in requirement_checks(db, catalog, rules, user_id)):
        raise CertificationError("还没有达到参加认证考试的要求")
    if current_final(db, user_id) is not None:
        raise CertificationError("你有一场未完成的认证考试")
    if exam.open_attempt(db, user_id) is not None:
        raise CertificationError("请先交卷正在进行的模拟考试")
    seed = seed if seed is not None else random.SystemRandom().randrange(1, 2**31)
    rng = random.Random(seed)
    complaints = [s for s in rules.final.complaint_scenarios if s in catalog.scenarios]
    crises = [s for s in rules.final.crisis_scenarios if s in catalog.scenarios]
    if not complaints or not crises or rules.final.blueprint not in catalog.blueprints:
        raise CertificationError("认证考试的内容不完整，请联系管理员")
    scenario_ids = [rng.choice(complaints), rng.choice(crises)]
    bp = catalog.blueprints[rules.final.blueprint]
    with db.session() as s:  # the paper and the final exam are written together
        exam_id = exam.start(
            db, user_id, bp, catalog.served_questions, catalog.syllabus.module_of, seed, catalog.versions
        )
        row = CertificationAttempt(
            user_id=user_id, exam_attempt_id=exam_id, scenario_ids=scenario_ids, run_ids=[None, None]
        )
        s.add(row)
        s.flush()
        return row.id


def final_run_ids(db: Database, user_id: int) -> frozenset[int]:
    """Scenario runs that belong to the user's final exams: they are played only on the certification page."""
    with db.session() as s:
        lists = s.scalars(select(CertificationAttempt.run_ids).where(CertificationAttempt.user_id == user_id)).all()
    return frozenset(run for runs in lists for run in runs if run is not None)


def current_final(db: Database, user_id: int) -> int | None:
    """The trainee's unfinished final exam."""
    with db.session() as s:
        return s.scalar(
            select(CertificationAttempt.id).where(
                CertificationAttempt.user_id == user_id, CertificationAttempt.finished_at.is_(None)
            )
        )


def scenario_run(db: Database, user_id: int, attempt_id: int, index: int) -> int:
    """The run of the final's n-th scenario, started on first use."""
    with db.session() as s:
        row = s.get(CertificationAttempt, attempt_id)
        if row is None or row.user_id != user_id:
            raise CertificationError("找不到这场认证考试")
        runs = list(row.run_ids)
        if runs[index] is None:
            runs[index] = start_run(db, user_id, row.scenario_ids[index])
            row.run_ids = runs
        return int(runs[index])


def status(db: Database, rules: Rules, user_id: int, attempt_id: int) -> FinalStatus:
    """Scores so far; when every part is done, the verdict is stored and a certificate issued on a pass."""
    with db.session() as s:
        row = s.get(CertificationAttempt, attempt_id)
        if row is None or row.user_id != user_id:
            raise CertificationError("找不到这场认证考试")
        paper = s.get(ExamAttempt, row.exam_attempt_id)
        theory = paper.score if paper is not None and paper.submitted_at is not None else None
        skills: list[float | None] = []
        for run_id in row.run_ids:
            run = s.get(ScenarioRun, run_id) if run_id is not None else None
            skills.append(run.total if run is not None and run.finished_at is not None else None)
        written = _skills_paper(s, rules, row)
        paper_done = rules.final.skills_blueprint is None or written.score is not None
        if row.finished_at is None and theory is not None and paper_done and all(x is not None for x in skills):
            row.passed = (
                theory >= rules.final.theory_pass
                and (written.score is None or written.score >= rules.final.skills_paper_pass)
                and all(x is not None and x >= rules.final.skills_pass for x in skills)
            )
            row.finished_at = utcnow()
        passed, scenario_ids, run_ids, exam_id = (
            row.passed,
            tuple(row.scenario_ids),
            tuple(row.run_ids),
            row.exam_attempt_id,
        )
    code = issue(db, user_id, attempt_id, theory or 0, [x or 0 for x in skills]) if passed else None
    return FinalStatus(
        attempt_id,
        exam_id,
        scenario_ids,
        run_ids,
        theory,
        tuple(skills),
        passed,
        code,
        written.score,
        written.attempt_id,
        written.pending,
    )


# ------------------------------------------------------------ the written skills paper of a final


@dataclass(frozen=True)
class _Written:
    attempt_id: int | None
    score: float | None  # None until handed in and every item marked
    pending: bool


def _skills_paper(s: Any, rules: Rules, row: CertificationAttempt) -> _Written:
    """The final's skills paper: the first attempt of the skills blueprint this trainee opened after the
    final's theory paper (started from the certification page; a later mock of the same paper does not count)."""
    blueprint = rules.final.skills_blueprint
    if blueprint is None:
        return _Written(None, None, False)
    paper = s.scalar(
        select(ExamAttempt)
        .where(
            ExamAttempt.user_id == row.user_id,
            ExamAttempt.blueprint_id == blueprint,
            ExamAttempt.id > row.exam_attempt_id,
        )
        .order_by(ExamAttempt.id)
        .limit(1)
    )
    if paper is None:
        return _Written(None, None, False)
    if paper.submitted_at is None:
        return _Written(paper.id, None, False)
    if paper.passed is None:  # 待教师评分
        return _Written(paper.id, None, True)
    return _Written(paper.id, paper.score, False)


def start_skills_paper(db: Database, catalog: Catalog, rules: Rules, user_id: int, attempt_id: int) -> int:
    """Open the final's written skills paper once its theory paper is handed in; returns the exam attempt."""
    blueprint = rules.final.skills_blueprint
    if blueprint is None or blueprint not in catalog.blueprints:
        raise CertificationError("认证考试的内容不完整，请联系管理员")
    with db.session() as s:
        row = s.get(CertificationAttempt, attempt_id)
        if row is None or row.user_id != user_id or row.finished_at is not None:
            raise CertificationError("找不到这场认证考试")
        theory = s.get(ExamAttempt, row.exam_attempt_id)
        if theory is None or theory.submitted_at is None:
            raise CertificationError("请先交卷理论知识试卷")
        written = _skills_paper(s, rules, row)
        if written.attempt_id is not None:
            return written.attempt_id
    if exam.open_attempt(db, user_id) is not None:
        raise CertificationError("请先交卷正在进行的模拟考试")
    bp = catalog.blueprints[blueprint]
    return exam.start(db, user_id, bp, catalog.served_questions, catalog.syllabus.module_of, None, catalog.versions)


def latest_final(db: Database, user_id: int) -> int | None:
    """The trainee's most recent final exam."""
    with db.session() as s:
        return s.scalar(
            select(CertificationAttempt.id)
            .where(CertificationAttempt.user_id == user_id)
            .order_by(CertificationAttempt.id.desc())
        )


# ------------------------------------------------------------ certificates and codes


def secret_key(db: Database) -> bytes:
    """CMA_SECRET_KEY, else a random key created once and kept with the data."""
    configured = os.environ.get("CMA_SECRET_KEY")
    if configured:
        return configured.encode("utf-8")
    with db.session() as s:
        row = s.get(Setting, SECRET_KEY)
        if row is not None:
            return bytes.fromhex(row.value)
    try:
        with db.session() as s:
            s.add(Setting(key=SECRET_KEY, value=secrets.token_hex(32)))
    except IntegrityError:
        pass  # another process made it first
    with db.session() as s:
        row = s.get(Setting, SECRET_KEY)
        assert row is not None
        return bytes.fromhex(row.value)


def _payload(cert: Certificate) -> str:
    skills = ",".join(f"{x:g}" for x in cert.skills)
    return f"{cert.id}|{cert.user_id}|{cert.name}|{cert.issued_on.isoformat()}|{cert.theory:g}|{skills}"


def issue(db: Database, user_id: int, attempt_id: int, theory: float, skills: list[float]) -> str:
    """The certificate of a passed final exam (issued once) and its verification code."""
    key = secret_key(db)
    try:
        with db.session() as s:
            cert = s.scalar(select(Certificate).where(Certificate.attempt_id == attempt_id))
            if cert is None:
                user = s.get(User, user_id)
                assert user is not None
                cert = Certificate(
                    user_id=user_id,
                    attempt_id=attempt_id,
                    name=user.display_name,
                    issued_on=dates.today(),
                    theory=round(theory, 1),
                    skills=[round(x, 1) for x in skills],
                )
                s.add(cert)
                s.flush()
                cert.code = make_code(key, cert.id, _payload(cert))
            return cert.code
    except IntegrityError:
        with db.session() as s:
            cert = s.scalar(select(Certificate).where(Certificate.attempt_id == attempt_id))
            assert cert is not None
            return cert.code


@dataclass(frozen=True)
class Verified:
    """What a valid code proves."""

    name: str
    issued_on: date
    theory: float
    skills: tuple[float, ...]
    revoked: bool


def verify(db: Database, code: str) -> Verified | None:
    """The certificate behind a code, when the code is genuine and matches what is stored; else None."""
    parsed = parse_code(code)
    if parsed is None:
        return None
    serial, signed = parsed
    with db.session() as s:
        cert = s.get(Certificate, serial)
        if cert is None or not check(secret_key(db), signed, _payload(cert)):
            return None
        return Verified(cert.name, cert.issued_on, cert.theory, tuple(cert.skills), cert.revoked)


def certificates_of(db: Database, user_id: int) -> list[tuple[str, str, date, float, tuple[float, ...]]]:
    """(code, name, date, theory, skills) of the trainee's certificates, newest first."""
    with db.session() as s:
        rows = s.scalars(select(Certificate).where(Certificate.user_id == user_id).order_by(Certificate.id.desc()))
        return [(c.code, c.name, c.issued_on, c.theory, tuple(c.skills)) for c in rows]
