"""Speed and memory figures, printed as JSON. Timings are medians; ratios compare with a baseline of the same run.

usage: python benchmarks/run.py --json
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = [
    "home",
    "learn",
    "practice",
    "exam",
    "scenario",
    "progress",
    "instructor",
    "admin",
    "tasks",
    "classroom",
    "classes",
    "activities",
    "certify",
    "verify",
]


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of `action` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def signed_in_app(db_url: str):  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    from classroom.accounts import create_user
    from store.db import Database

    db = Database(db_url)
    account = create_user(db, f"bench_{time.time_ns()}", "基准", "admin", "bench-password")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["auth_user_id"] = account.id
    at.session_state["auth_last_seen"] = time.time()
    return at.run()


def rerun_figures(db_url: str, repeat: int) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    empty = AppTest.from_string("import streamlit as st\nst.write('x')\n")
    empty.run()
    out = {"empty_app": median_ms(empty.run, repeat)}
    at = signed_in_app(db_url)
    for page in PAGES:
        at.switch_page(f"ui/pages/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
        out[page] = median_ms(at.run, repeat)
    return out


def generated_course(folder: Path, questions: int, per_file: int = 1000) -> Path:
    """A course of `questions` generated single-choice questions."""
    import yaml

    from catalog.syllabus import load_syllabus

    points = list(load_syllabus().points)
    (folder / "banks").mkdir(parents=True)
    for f in range(0, questions, per_file):
        items = [
            {
                "id": f"gen.q{n:06d}",
                "type": "single",
                "stem": f"第 {n} 道生成题目,用于测量加载速度。",
                "options": ["甲", "乙", "丙", "丁"],
                "answer": "ABCD"[n % 4],
                "explanation": "生成题目的解析文字。",
                "points": [points[n % len(points)]],
            }
            for n in range(f, min(f + per_file, questions))
        ]
        bank = {"schema_version": 1, "id": f"gen-{f}", "title": "生成题库", "questions": items}
        (folder / "banks" / f"gen-{f:06d}.yaml").write_text(yaml.safe_dump(bank, allow_unicode=True), "utf-8")
    return folder


def catalog_figures(course: Path) -> dict[str, float]:
    from catalog.catalog import ContentRoots, load_catalog

    shipped = median_ms(lambda: load_catalog(ContentRoots.shipped()), 5)
    big = median_ms(lambda: load_catalog(ContentRoots.under(course)), 2)
    return {"shipped": shipped, "generated_20000_questions": big}


def grade_exam_100q_ms(course: Path) -> float:
    """Scoring a 100-question paper (draw excluded)."""
    from catalog.catalog import ContentRoots, load_catalog
    from quizzes.exam import PaperItem, score_paper

    cat = load_catalog(ContentRoots.under(course))
    ids = list(cat.questions)[:100]
    paper = [PaperItem(qid, 0, 1.0) for qid in ids]
    answers = dict.fromkeys(ids, "A")
    return median_ms(lambda: score_paper(paper, answers, cat.questions, cat.syllabus.module_of), 50)


def practice_rerun_at_scale_ms(course: Path, db_url: str, repeat: int) -> dict[str, float]:
    """Practice page rerun with the shipped course and with 20,000 generated questions."""
    out = {}
    for label, content in (("shipped", None), ("generated_20000_questions", str(course))):
        if content:
            os.environ["CMA_CONTENT_DIR"] = content
        at = signed_in_app(db_url)
        at.switch_page("ui/pages/practice.py").run()
        assert not at.exception, [e.value for e in at.exception]
        out[label] = median_ms(at.run, repeat)
    os.environ.pop("CMA_CONTENT_DIR", None)
    return out


def rule_engine_figures(repeat_runs: int = 200) -> dict[str, float]:
    """Scenario turns scored per second (matching, rules, transitions), replaying every golden transcript."""
    from catalog.catalog import ContentRoots, load_catalog
    from scenarios.runner import build_engine, replay

    cat = load_catalog(ContentRoots.shipped())
    cases = [(sc, build_engine(sc, cat.library), list(ex.turns)) for sc in cat.scenarios.values() for ex in sc.examples]
    for sc, engine, turns in cases:  # warm up jieba and the rule cache
        replay(sc, engine, turns)
    turns_played = 0
    start = time.perf_counter()
    for _ in range(repeat_runs):
        for sc, engine, turns in cases:
            run = replay(sc, engine, turns)
            turns_played += len(run.turns)
    elapsed = time.perf_counter() - start
    return {"rule_engine_turns_per_s": round(turns_played / elapsed), "turns_measured": turns_played}


def session_memory_mb(db_url: str, sessions: int = 5) -> float:
    """Python heap growth per signed-in session that has visited every page."""
    keep = [signed_in_app(db_url)]  # warm caches (catalogue, jieba, engine) outside the measurement
    for page in PAGES:
        keep[0].switch_page(f"ui/pages/{page}.py").run()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(sessions):
        at = signed_in_app(db_url)
        for page in PAGES:
            at.switch_page(f"ui/pages/{page}.py").run()
        keep.append(at)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return round((after - before) / sessions / 2**20, 2)


def concurrent_answers(db_url: str) -> dict[str, object]:
    from benchmarks.concurrency import simulate
    from catalog.catalog import ContentRoots, load_catalog
    from store.db import Database

    return simulate(Database(db_url), load_catalog(ContentRoots.shipped()))


def class_dashboard_ms(db_url: str, trainees: int = 60, answers_each: int = 200) -> dict[str, float]:
    """The class dashboard's figures for a class of 60 with 200 answers each (12,000 answers)."""
    import random

    from catalog.catalog import ContentRoots, load_catalog
    from classroom.assignments import create_assignment
    from classroom.classes import add_member, create_class
    from classroom.dashboard import class_view
    from store.db import Database
    from store.tables import Answer, User

    db = Database(db_url)
    cat = load_catalog(ContentRoots.shipped())
    qids = list(cat.questions)
    rng = random.Random(1)
    with db.session() as s:
        teacher = User(username=f"dash_t_{time.time_ns()}", display_name="教师", role="instructor", password_hash="x")
        users = [
            User(username=f"dash_{time.time_ns()}_{i}", display_name=f"学员{i}", role="trainee", password_hash="x")
            for i in range(trainees)
        ]
        s.add_all([teacher, *users])
        s.flush()
        ids, teacher_id = [u.id for u in users], teacher.id
        s.add_all(
            Answer(
                user_id=u,
                question_id=rng.choice(qids),
                mode="practice",
                response="A",
                status="correct",
                score=1.0,
                possible=1.0,
            )
            for u in ids
            for _ in range(answers_each)
        )
    info = create_class(db, teacher_id, "基准班")
    for u in ids:
        add_member(db, info.id, u)
    for kind, target in (("chapter", cat.chapters[0].id), ("practice", cat.chapters[1].id), ("exam", "starter-mock")):
        create_assignment(db, cat, info.id, kind, target)
    return {
        "trainees": trainees,
        "answers": trainees * answers_each,
        "ms": median_ms(lambda: class_view(db, cat, info.id), 5),
    }


def gift_source(questions: int) -> str:
    """A GIFT file of single, weighted multiple and true/false questions, every name unique."""
    kinds = (
        "::q{n}::第 {n} 题，哪一项对？ {{=甲 ~乙 ~丙 ####因为甲对。}}",
        "::q{n}::第 {n} 题，哪几项对？ {{~%50%甲 ~%50%乙 ~%-100%丙 ####甲和乙都对。}}",
        "::q{n}::第 {n} 题说得对吗？ {{TRUE ####是对的。}}",
    )
    return "\n\n".join(kinds[n % 3].format(n=n) for n in range(questions)) + "\n"


def import_seconds(questions: int) -> float:
    """Seconds to read and validate a GIFT file of this many questions (best of 3)."""
    from interop import gift

    source = gift_source(questions)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        result = gift.parse(source, "crm-basics.customer-vs-consumer")
        best = min(best, time.perf_counter() - start)
        assert len(result.questions) == questions
    return round(best, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print JSON (the only output format)")
    parser.add_argument("--repeat", type=int, default=15, help="reruns per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db_url = f"sqlite:///{tmp / 'bench.db'}"
        os.environ["CMA_DATABASE_URL"] = db_url
        course = generated_course(tmp / "generated", 20_000)
        rerun = rerun_figures(db_url, args.repeat)
        practice = practice_rerun_at_scale_ms(course, db_url, args.repeat)
        figures = {
            "rerun_ms": rerun,
            "rerun_ratio_to_empty_app": {k: round(v / rerun["empty_app"], 1) for k, v in rerun.items()},
            "practice_rerun_ms": practice,
            "practice_rerun_ratio_20000_to_shipped": round(
                practice["generated_20000_questions"] / practice["shipped"], 2
            ),
            "catalog_load_ms": catalog_figures(course),
            "grade_exam_100q_ms": grade_exam_100q_ms(course),
            "import_20000_questions_s": import_seconds(20_000),
            **rule_engine_figures(),
            "session_memory_mb": session_memory_mb(db_url),
            "concurrent_answers": concurrent_answers(db_url),
            "class_dashboard": class_dashboard_ms(db_url),
            "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        }
    print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
