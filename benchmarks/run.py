"""Speed figures, printed as JSON. Every timing is a median with its spread (min, max) over >= 3 runs; page
figures are also given as ratios to a signed-in blank page drawn through the same frame in the same run.

Pages run through app.py in AppTest with one script cache for every run (as the server keeps compiled pages),
once with an empty database and once with a seeded class (benchmarks/seed.py: 60 trainees, 12,000 answers,
assignments, a live quiz, finished scenario runs and exams). SQL statements per rerun are counted.

usage: python benchmarks/run.py --json [--repeat N] [--full] [--no-browser] [--no-postgres] [--pages-only]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, event  # noqa: E402

from ui import text as T  # noqa: E402
from ui.routes import ROUTES, STUDY, TEACH, Route  # noqa: E402

BLANK = "bench_blank"
BLANK_PATH = "benchmarks/blank_page.py"
STUDY_PAGES = [p for p in STUDY if p != "verify"]
TEACH_PAGES = list(TEACH["admin"])


# --- measuring ----------------------------------------------------------------------------------------------


class Statements:
    """Counts SQL statements sent by any engine of this process."""

    def __init__(self) -> None:
        self.count = 0
        event.listen(Engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: object) -> None:
        self.count += 1


STATEMENTS = Statements()


def spread(values: list[float], digits: int = 1) -> dict[str, float]:
    """Median, min and max."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": len(values),
    }


def timed_ms(action: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of `action` in milliseconds."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


# --- pages --------------------------------------------------------------------------------------------------


def share_script_cache() -> None:
    """One compiled-script cache for every AppTest run, as the server has (AppTest makes a new one each run)."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test
    from streamlit.testing.v1 import local_script_runner as runner

    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared  # type: ignore[attr-defined,assignment]
    runner.ScriptCache = lambda: shared  # type: ignore[attr-defined,assignment]


def add_blank_route() -> None:
    """A page that draws nothing, reachable from the frame's navigation like any study page."""
    ROUTES[BLANK] = Route(BLANK_PATH, "空白", ":material/crop_square:")
    if BLANK not in STUDY:
        STUDY.append(BLANK)


def signed_in(user_id: int):  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["auth_user_id"] = user_id
    at.session_state["auth_last_seen"] = time.time()
    return at.run()


FINISHED_SCENARIO = "scenario_finished"  # the scenario page showing a finished run's report


def page_figures(
    user_id: int, pages: list[str], repeat: int, finished_run: tuple[str, int] | None = None
) -> dict[str, dict[str, Any]]:
    """Rerun time and statements per rerun of each page (and of the blank page) for one signed-in user; with
    `finished_run` (scenario id, run id) also the scenario page open on that finished run's report."""
    at = signed_in(user_id)
    out: dict[str, dict[str, Any]] = {}
    extra = [FINISHED_SCENARIO] if finished_run else []
    for page in [BLANK, *pages, *extra]:
        if page == FINISHED_SCENARIO:
            assert finished_run is not None
            at.session_state["scenario_runs"] = {finished_run[0]: finished_run[1]}
            at.session_state["scenario_pick"] = finished_run[0]
            at.switch_page(ROUTES["scenario"].path).run()
            assert not at.exception, (page, [e.value for e in at.exception])
            assert any(h.value == T.SCENARIO_REPORT for h in at.header), "the finished run's report is shown"
        else:
            at.switch_page(ROUTES[page].path).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        at.run()  # warm: first render of a page fills caches
        before = STATEMENTS.count
        at.run()
        statements = STATEMENTS.count - before
        times = timed_ms(at.run, repeat)
        assert not at.exception, (page, [e.value for e in at.exception])
        out[page] = {"ms": spread(times), "statements": statements}
    blank = out[BLANK]["ms"]["median"]
    for figures in out.values():
        figures["ratio_to_blank"] = round(figures["ms"]["median"] / blank, 2)
    return out


def pages_empty(db_url: str, repeat: int) -> dict[str, Any]:
    """Every page for a fresh admin on an empty database."""
    from classroom.accounts import create_user
    from store.db import Database

    admin = create_user(Database(db_url), f"bench_{time.time_ns()}", "基准", "admin", "bench-password-1")
    return page_figures(admin.id, [*STUDY_PAGES, *TEACH_PAGES], repeat)


def pages_seeded(db_url: str, repeat: int, trainees: int = 60) -> dict[str, Any]:
    """Study pages as a seeded trainee, teaching pages as the admin who teaches the seeded class."""
    from sqlalchemy import select

    from benchmarks.seed import seed_class
    from catalog.catalog import ContentRoots, load_catalog
    from classroom.accounts import create_user
    from store.db import Database
    from store.tables import ScenarioRun

    db = Database(db_url)
    admin = create_user(db, f"bench_t_{time.time_ns()}", "基准教师", "admin", "bench-password-1")
    seeded = seed_class(db, load_catalog(ContentRoots.shipped()), trainees, 200, instructor_id=admin.id)
    trainee = seeded.trainee_ids[0]
    with db.session() as s:
        finished = s.execute(
            select(ScenarioRun.scenario_id, ScenarioRun.id).where(
                ScenarioRun.user_id == trainee, ScenarioRun.finished_at.is_not(None)
            )
        ).first()
    assert finished is not None, "the seeded trainee has a finished scenario run"
    return {
        "trainees": trainees,
        "answers": trainees * 200,
        "as_trainee": page_figures(trainee, STUDY_PAGES, repeat, (finished[0], finished[1])),
        "as_instructor": page_figures(admin.id, TEACH_PAGES, repeat),
    }


# --- catalogue ----------------------------------------------------------------------------------------------


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
                "stem": f"第 {n} 道生成题目，用于测量加载速度。",
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


LOAD_ONE = """
import sys, time
start = time.perf_counter()
from catalog.catalog import ContentRoots, load_catalog
from pathlib import Path
imported = time.perf_counter()
roots = ContentRoots.shipped() if sys.argv[1] == "shipped" else ContentRoots.under(Path(sys.argv[1]))
cat = load_catalog(roots)
end = time.perf_counter()
print((end - start) * 1000, time.process_time() * 1000, (end - imported) * 1000, len(cat.questions))
"""


def load_in_fresh_process(course: str, data_dir: Path) -> tuple[float, float, float]:
    """Milliseconds from a fresh interpreter's first import of the catalogue to a loaded course: wall clock, the
    CPU time of the process (interpreter start included; what the load costs on a machine busy with others), and
    the wall clock of the load alone (after the program's modules are imported, as in a running server)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CMA_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", LOAD_ONE, course], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    )
    wall, cpu, load, _ = done.stdout.split()
    return float(wall), float(cpu), float(load)


def catalog_figures(tmp: Path, sizes: list[int], runs: int) -> dict[str, Any]:
    """Catalogue load in a fresh process: cold (no cache under the data dir) and warm (cache written by a
    previous load), for the shipped course and generated courses."""
    out: dict[str, Any] = {}
    courses = {"shipped": "shipped"}
    for size in sizes:
        courses[f"generated_{size}_questions"] = str(generated_course(tmp / f"gen{size}", size))
    for label, course in courses.items():
        cold, warm = [], []
        for _ in range(runs):
            data_dir = tmp / f"data-{label}"
            shutil.rmtree(data_dir, ignore_errors=True)
            data_dir.mkdir()
            cold.append(load_in_fresh_process(course, data_dir))
            warm.append(load_in_fresh_process(course, data_dir))
        out[label] = {
            "cold_ms": spread([w for w, _, _ in cold], 0),
            "warm_ms": spread([w for w, _, _ in warm], 0),
            "cold_cpu_ms": spread([c for _, c, _ in cold], 0),
            "warm_cpu_ms": spread([c for _, c, _ in warm], 0),
            # the load alone, modules already imported (what a running server pays on a reload)
            "cold_load_ms": spread([x for _, _, x in cold], 0),
            "warm_load_ms": spread([x for _, _, x in warm], 0),
        }
    if len(sizes) > 1:  # growth: time per 1,000 questions at each size, relative to the smallest size
        first = f"generated_{sizes[0]}_questions"
        for size in sizes[1:]:
            label = f"generated_{size}_questions"
            for kind in ("cold_cpu_ms", "warm_cpu_ms"):
                ratio = (out[label][kind]["median"] / size) / (out[first][kind]["median"] / sizes[0])
                out[label][f"{kind}_per_question_vs_{sizes[0]}"] = round(ratio, 2)
    return out


# --- concurrency --------------------------------------------------------------------------------------------


def concurrent_answers(make_db: Callable[[], Any], runs: int) -> dict[str, Any]:
    """60 trainees answering at once (10 practice answers and 2 live taps each), `runs` times on fresh data."""
    from benchmarks.concurrency import simulate
    from catalog.catalog import ContentRoots, load_catalog

    cat = load_catalog(ContentRoots.shipped())
    results = [simulate(make_db(), cat) for _ in range(runs)]
    return {
        "trainees": results[0]["trainees"],
        "answers_per_run": results[0]["answers"],
        "p95_ms": spread([r["p95_ms"] for r in results]),
        "max_ms": spread([r["max_ms"] for r in results]),
        "lost": sum(r["lost"] for r in results),
        "duplicated": sum(r["duplicated"] for r in results),
    }


def postgres_answers(runs: int) -> dict[str, Any]:
    from tests.pgcluster import start_cluster

    cluster = start_cluster()
    if cluster is None:
        return {"skipped": "PostgreSQL is not installed"}
    try:
        return concurrent_answers(cluster.fresh, runs)
    finally:
        cluster.stop()


def sign_in_burst(db_url: str, people: int, runs: int) -> dict[str, Any]:
    """`people` accounts signing in at the same moment (argon2id through the worker pool)."""
    from classroom.accounts import authenticate, create_user
    from store.db import Database

    db = Database(db_url)
    tag = time.time_ns()
    names = [
        create_user(db, f"burst_{tag}_{i}", f"学员{i}", "trainee", "burst-password-9").username for i in range(people)
    ]
    p95s, totals = [], []
    for _ in range(runs):
        barrier = threading.Barrier(people)
        times: list[float] = []

        def one(name: str, barrier: threading.Barrier = barrier, times: list[float] = times) -> None:
            barrier.wait()
            began = time.perf_counter()
            authenticate(db, name, "burst-password-9")
            times.append((time.perf_counter() - began) * 1000)

        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=people) as pool:
            list(pool.map(one, names))
        totals.append((time.perf_counter() - began) * 1000)
        p95s.append(p95(times))
    return {"people": people, "p95_ms": spread(p95s, 0), "all_done_ms": spread(totals, 0)}


# --- the real server ----------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_cold_start(tmp: Path, runs: int) -> dict[str, Any]:
    """From `streamlit run serve.py` to the sign-in form rendered in Chromium, on a fresh database."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        return {"skipped": "chromium is not installed"}
    from playwright.sync_api import sync_playwright

    to_health, to_form = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        for n in range(runs):
            port = _free_port()
            env = {**os.environ, "CMA_DATABASE_URL": f"sqlite:///{tmp / f'cold{n}.db'}", "CMA_DATA_DIR": str(tmp)}
            command = [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "serve.py",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--browser.gatherUsageStats=false",
                "--server.fileWatcherType=none",
            ]
            began = time.perf_counter()
            proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                url = f"http://127.0.0.1:{port}"
                page = browser.new_page()
                while True:
                    try:
                        page.goto(url, timeout=2000)
                        break
                    except Exception:  # not listening yet
                        if time.perf_counter() - began > 60:
                            raise
                        time.sleep(0.05)
                to_health.append((time.perf_counter() - began) * 1000)
                page.locator("input").first.wait_for(timeout=60_000)  # the sign-in (or first admin) form
                to_form.append((time.perf_counter() - began) * 1000)
                page.close()
            finally:
                proc.terminate()
                proc.wait(timeout=20)
        browser.close()
    return {"to_first_response_ms": spread(to_health, 0), "to_rendered_form_ms": spread(to_form, 0)}


# --- the rest -----------------------------------------------------------------------------------------------


def engine_replies(scenarios: list[Any], count: int, length: int = 200, seed: int = 11) -> list[str]:
    """Distinct agent replies of about `length` characters: sentences of the scenarios' golden transcripts
    (good, middling and poor, every scenario's wording) drawn at random (seeded), one reply in four opening
    with a gaming, rude or off-topic text the engine must see through."""
    import random
    import re as regex

    from scenarios.checks import OFF_TOPIC, RUDE, SARCASTIC, STUFFING

    sentences = sorted(
        {
            part
            for sc in scenarios
            for ex in sc.examples
            if not ex.gaming
            for turn in ex.turns
            if isinstance(turn, str)
            for part in regex.findall(r"[^。！？!?]+[。！？!?]?", turn)
            if len(part) >= 6
        }
    )
    openings = (STUFFING, OFF_TOPIC, RUDE, SARCASTIC)
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < count:
        text = openings[len(out) // 4 % len(openings)] if len(out) % 4 == 3 else ""
        while len(text) < length - 15:
            text += rng.choice(sentences)
        text = text[: length + 15]
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def rule_engine_figures(count: int = 1500, runs: int = 3) -> dict[str, object]:
    """Free-text turns scored per second on one core by a warm engine: `count` distinct replies of about 200
    characters played through every scenario (reading, needs, faults, gaming checks, reactions, transitions and
    the report at the ending; the best option at choices, whose time counts but which are not counted as turns).
    Processor time of this process pinned to one core (other users of the machine do not slow it) and wall time,
    median of `runs` runs; every cache of readings and normalised text is emptied before each run, so every reply
    is read afresh (the choice options are read when an engine is built, on the server as here)."""
    from catalog.catalog import ContentRoots, load_catalog
    from grading.text import forget as forget_text
    from scenarios.checks import play
    from scenarios.runner import build_engine

    cat = load_catalog(ContentRoots.shipped())
    scenarios = list(cat.scenarios.values())
    engines = {sc.id: build_engine(sc, cat.library) for sc in scenarios}
    warm = iter(engine_replies(scenarios, len(engines) * 12, seed=3))
    for sc in scenarios:  # warm up: slip tables, lexicon, pinyin, automata
        play(sc, engines[sc.id], lambda run: next(warm, "好的。"))
    fixed = engine_replies(scenarios, count + 200)
    pinned = hasattr(os, "sched_getaffinity")
    cpus = os.sched_getaffinity(0) if pinned else set()
    if pinned:
        os.sched_setaffinity(0, {min(cpus)})
    cpu_rates, wall_rates = [], []
    source, fed = [iter(fixed)], [0]

    def text_for(run: object) -> str:
        fed[0] += 1
        return next(source[0])

    try:
        for _ in range(runs):
            for engine in engines.values():
                engine.matcher.forget()
            forget_text()
            source[0], fed[0] = iter(fixed), 0
            wall, cpu = time.perf_counter(), time.process_time()
            while fed[0] < count:
                for sc in scenarios:
                    play(sc, engines[sc.id], text_for)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            cpu_rates.append(fed[0] / cpu)
            wall_rates.append(fed[0] / wall)
    finally:
        if pinned:
            os.sched_setaffinity(0, cpus)
    return {
        "rule_engine_turns_per_s": round(statistics.median(cpu_rates)),
        "rule_engine_turns_per_s_runs": [round(r) for r in cpu_rates],
        "rule_engine_turns_per_s_wall": round(statistics.median(wall_rates)),
        "rule_engine_turns_measured": fed[0],
        "rule_engine_reply_chars": round(statistics.mean(len(t) for t in fixed)),
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
    parser.add_argument("--repeat", type=int, default=5, help="reruns per page, runs of the other figures (>= 3)")
    parser.add_argument("--full", action="store_true", help="also load 100,000 generated questions")
    parser.add_argument("--no-browser", action="store_true", help="skip the server cold start in Chromium")
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL figures")
    parser.add_argument("--pages-only", action="store_true", help="only the page figures (empty and seeded)")
    args = parser.parse_args()
    repeat = max(3, args.repeat)
    runs = 3
    share_script_cache()
    add_blank_route()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["CMA_DATA_DIR"] = str(tmp / "data")
        empty_url = f"sqlite:///{tmp / 'empty.db'}"
        seeded_url = f"sqlite:///{tmp / 'seeded.db'}"
        os.environ["CMA_DATABASE_URL"] = empty_url
        empty = pages_empty(empty_url, repeat)
        os.environ["CMA_DATABASE_URL"] = seeded_url
        seeded = pages_seeded(seeded_url, repeat)
        if args.pages_only:
            pages = {"pages_empty_database": empty, "pages_seeded_database": seeded}
            print(json.dumps(pages, ensure_ascii=False, indent=1))
            return
        from store.db import Database

        answers_sqlite = concurrent_answers(lambda: Database(f"sqlite:///{tmp / f'answers{time.time_ns()}.db'}"), runs)
        figures: dict[str, Any] = {
            "pages_empty_database": empty,
            "pages_seeded_database": seeded,
            "concurrent_answers_sqlite": answers_sqlite,
            "concurrent_answers_postgresql": {"skipped": "--no-postgres"}
            if args.no_postgres
            else postgres_answers(runs),
            "sign_in_burst": sign_in_burst(f"sqlite:///{tmp / 'burst.db'}", 60, runs),
            "import_20000_questions_s": import_seconds(20_000),
            "catalog_load_fresh_process": catalog_figures(tmp, [20_000, 100_000] if args.full else [20_000], runs),
            **rule_engine_figures(),
            "server_cold_start": {"skipped": "--no-browser"} if args.no_browser else server_cold_start(tmp, runs),
            "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        }
    print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
