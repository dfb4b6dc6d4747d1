"""Every page, for a trainee, an instructor and an admin, over a database with something on every page (answers,
handed-in exams, a class with tasks and groups, a live quiz, finished role-plays, a marked group report, a
problem report with a reply): no English words outside the allow-list, no raw values (None, nan, empty, True),
no internal ids, no ISO dates, and charts without toolbars."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from actions.feedback import answer_report, report_problem
from benchmarks.seed import seed_class
from catalog.catalog import Catalog
from classroom.accounts import Account, create_user, list_accounts
from classroom.assignments import assignments_of, create_assignment
from classroom.group_reports import submit
from classroom.groups import form_random
from store.db import Database
from store.tables import Classroom, ExamAttempt, LiveQuiz, ScenarioRun, User
from tests.visible_text import chart_problems, problems, visible_texts
from ui.routes import ROUTES, STUDY, TEACH

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = {"trainee": STUDY, "instructor": [*STUDY, *TEACH["instructor"]], "admin": [*STUDY, *TEACH["admin"]]}
# A certificate code's format, shown as the example in the verify page's input.
CODE_EXAMPLE = "CMA-000001-ABCD-EFGH-IJKL"


@dataclass(frozen=True)
class Seeded:
    url: str
    users: dict[str, int]  # role -> user id
    data: tuple[str, ...]  # usernames and codes: shown as they are
    exam_attempt: int
    finished_run: tuple[str, int]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, shipped: Catalog) -> Seeded:
    url = f"sqlite:///{tmp_path_factory.mktemp('no-english') / 'app.db'}"
    db = Database(url)
    admin = create_user(db, "head", "教务老师", "admin", "secret-pass-2026")
    teacher = create_user(db, "teacher", "王老师", "instructor", "secret-pass-2026")
    seed_class(db, shipped, 4, 20, instructor_id=admin.id, rng_seed=2)
    ids = seed_class(db, shipped, 8, 30, instructor_id=teacher.id)
    trainee_id = ids.trainee_ids[0]
    groups = form_random(db, ids.class_id, size=4, seed=1)
    create_assignment(db, shipped, ids.class_id, "report", "study-satisfaction")
    task = next(a for a in assignments_of(db, [ids.class_id]) if a.kind == "report")
    group = next(g for g in groups if any(m.id == trainee_id for m in g.members))
    submit(db, task, group, group.leader_id or trainee_id, "本组调查了三家门店的客户满意情况。" * 40)
    accounts = {a.id: a for a in list_accounts(db)}
    trainee: Account = accounts[trainee_id]
    some_question = sorted(shipped.questions)[0]
    report = report_problem(db, trainee, shipped, "question", some_question, "wrong_key", "答案好像不对")
    answer_report(db, accounts[teacher.id], report, "resolved", "已核对并改正，谢谢。")
    with db.session() as s:
        names = [u.username for u in s.scalars(select(User))]
        codes = [c.code for c in s.scalars(select(Classroom))] + [q.code for q in s.scalars(select(LiveQuiz))]
        attempt = s.scalars(
            select(ExamAttempt).where(ExamAttempt.user_id == trainee_id, ExamAttempt.submitted_at.is_not(None))
        ).first()
        run = s.scalars(select(ScenarioRun).where(ScenarioRun.user_id == trainee_id)).first()
        assert attempt is not None and run is not None
        exam_attempt, finished_run = attempt.id, (run.scenario_id, run.id)
    db.engine.dispose()
    return Seeded(
        url,
        {"trainee": trainee_id, "instructor": teacher.id, "admin": admin.id},
        (*names, *codes, CODE_EXAMPLE),
        exam_attempt,
        finished_run,
    )


def signed_in(user_id: int) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth_user_id"] = user_id
    at.session_state["auth_last_seen"] = time.time()
    return at.run()


def faults(at: AppTest, data: tuple[str, ...]) -> Iterator[str]:
    for root in (at.main, at.sidebar):
        for where, text in visible_texts(root):
            for problem in problems(text, data=data):
                yield f"{where}: {problem} in {text[:80]!r}"
        yield from chart_problems(root)


def check(at: AppTest, page: str, data: tuple[str, ...]) -> list[str]:
    assert not at.exception, (page, [e.value for e in at.exception])
    return [f"{page} {f}" for f in dict.fromkeys(faults(at, data))]


@pytest.mark.parametrize("role", ["trainee", "instructor", "admin"])
def test_every_page_speaks_chinese_and_shows_no_raw_values_or_ids(
    role: str, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CMA_DATABASE_URL", seeded.url)
    at = signed_in(seeded.users[role])
    found = check(at, "home", seeded.data)
    for key in PAGES[role]:
        at.switch_page(ROUTES[key].path).run()
        found += check(at, key, seeded.data)
    assert not found, "\n".join(found)


def test_opened_reports_speak_chinese(seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    """What is only on screen once opened: a past exam's review and a finished role-play's report."""
    monkeypatch.setenv("CMA_DATABASE_URL", seeded.url)
    at = signed_in(seeded.users["trainee"])
    at.switch_page(ROUTES["exam"].path)
    at.query_params["attempt"] = str(seeded.exam_attempt)
    at.run()
    found = check(at, "exam review", seeded.data)
    assert any("得分" in m.value or "分" in m.value for m in at.markdown) or at.success or at.error

    scenario_id, run_id = seeded.finished_run
    at.session_state["scenario_pick"] = scenario_id
    at.session_state["scenario_runs"] = {scenario_id: run_id}
    at.switch_page(ROUTES["scenario"].path).run()
    found += check(at, "role-play report", seeded.data)
    assert at.get("plotly_chart") or at.subheader, "the report is on the page"
    assert not found, "\n".join(found)


def test_the_checker_catches_what_it_must() -> None:
    """The rules themselves: each fault is found, Chinese text with allowed words passes."""
    assert problems("学员概况：None") and problems("得分 nan") and problems("队伍：empty")
    assert problems("知识点 improve_process") and problems("题目 crm-basics.q001")
    assert problems("截止 2026-11-28 14:05") and problems("Upload") and problems("Drag and drop file here")
    assert problems("23:59:59.9996") and problems("YYYY/MM/DD") and problems("下次复习 11-28 14:05")
    assert problems("3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f")
    assert not problems("导出 Excel 或 CSV；选项 A 正确；截止 2026年11月28日 14:05")
    assert not problems(":orange-background[对不起] :material/flag: 上传 .docx 文件")
    assert not problems("用户名 wang_fang", data=["wang_fang"])
