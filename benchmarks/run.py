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

from ui.routes import ROUTES, STUDY, TEACH  # noqa: E402

PAGES = [*STUDY, *TEACH["admin"]]  # every page a signed-in admin reaches, from the route table


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
        at.switch_page(ROUTES[page].path).run()
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
        at.switch_page(ROUTES["practice"].path).run()
        assert not at.exception, [e.value for e in at.exception]
        out[label] = median_ms(at.run, repeat)
    os.environ.pop("CMA_CONTENT_DIR", None)
    return out


# Pieces of agent replies by kind; joined (seeded) into a fixed set of replies of about 200 characters.
REPLY_PARTS: dict[str, tuple[str, ...]] = {
    "good": (
        "您好，非常抱歉让您久等了，", "这件事给您添了很多麻烦，", "换作是我也会很着急，",
        "我先帮您核实一下具体情况，", "经过核实，确实是我们这边的失误，", "我们会在三个工作日内把多扣的费用原路退还，",
        "另外再给您一张代金券表示歉意，", "处理结果出来后我第一时间给您回电，",
        "这是我的工号，您有任何问题都可以直接找我，", "我已经把情况反馈给了主管，",
        "我们会整改相关流程，避免再出现这样的情况。", "请问您方便留一个联系电话吗？",
        "如果您还有其他不满意的地方，请告诉我。", "师傅明天上午就能上门，", "谢谢您的耐心和理解。",
        "孩子的生日会被耽误了，我们真的很过意不去，", "您的资金安全是第一位的，", "我们已经安排专人跟进，",
        "今天下班前一定给您一个明确的答复，", "这不是您的问题，",
    ),
    "gaming": (
        "对不起 抱歉 理解 ", "我们的责任 马上核实 ", "补偿 退款 回访 ", "道歉、赔偿、换货、维修、",
        "非常抱歉非常抱歉，",
        "给您添麻烦了给您添麻烦了，", "感谢 理解 核实 整改 ", "承担责任 立即处理 跟进 ",
    ),
    "rude": (
        "对不起，我没空听你废话，", "行行行，是我们的责任，满意了吧？", "是快递的问题，跟我们门店没关系，",
        "您自己没看说明书吧，", "补偿是不可能的，", "道歉有用的话还要警察干嘛？", "呵呵，您爱投诉就投诉，",
        "如果是我们的问题，我们会道歉，", "别在这儿嚷嚷了，",
    ),
    "off_topic": (
        "上个月公司年会上抽奖，", "同事说食堂的红烧肉很好吃，", "周末我们打算去爬山，", "天气预报说明天有雨，",
        "主持人在台上向大家道歉说来晚了，", "老板说要核实一下年终奖名单，", "后来大家还聊到补偿性休假，",
        "晚上回家看了一场球赛，",
    ),
}  # fmt: skip


def replies(count: int, length: int = 200, seed: int = 7, kinds: tuple[str, ...] = ("good",)) -> list[str]:
    """Distinct free-text replies of about `length` characters, of the given kinds in turn."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(count):
        parts = REPLY_PARTS[kinds[i % len(kinds)]]
        text = ""
        while len(text) < length:
            text += rng.choice(parts)
        out.append(f"{text[:length]}（{i}）")
    return out


def rule_engine_figures(count: int = 1200, runs: int = 3) -> dict[str, object]:
    """Free-text turns scored per second on one core by a warm engine: a fixed set of `count` replies of about 200
    characters (good, gaming, rude and off-topic in turn) played through every scenario's free-text nodes
    (reading, needs, faults, gaming checks, reactions and transitions; the best option at choices, whose time
    counts but which are not counted as turns). Median of `runs` runs, on processor time of this one thread
    (other users of the machine do not slow it) and on the wall clock; the reply cache is emptied before each run,
    so every reply is read afresh."""
    from catalog.catalog import ContentRoots, load_catalog
    from scenarios.checks import play
    from scenarios.runner import build_engine

    kinds = tuple(REPLY_PARTS)
    cat = load_catalog(ContentRoots.shipped())
    engines = {sid: build_engine(sc, cat.library) for sid, sc in cat.scenarios.items()}
    warm = iter(replies(len(engines) * 12, seed=3, kinds=kinds))
    for sid, sc in cat.scenarios.items():  # warm up: slip tables, lexicon, pinyin, automata
        play(sc, engines[sid], lambda run: next(warm, "好的。"))
    fixed = replies(count + 100, seed=11, kinds=kinds)
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
            source[0], fed[0] = iter(fixed), 0
            wall, cpu = time.perf_counter(), time.thread_time()
            while fed[0] < count:
                for sid, sc in cat.scenarios.items():
                    play(sc, engines[sid], text_for)
            cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
            turns = fed[0]
            cpu_rates.append(turns / cpu)
            wall_rates.append(turns / wall)
    finally:
        if pinned:
            os.sched_setaffinity(0, cpus)
    return {
        "rule_engine_turns_per_s": round(statistics.median(cpu_rates)),
        "rule_engine_turns_per_s_runs": [round(r) for r in cpu_rates],
        "rule_engine_turns_per_s_wall": round(statistics.median(wall_rates)),
        "rule_engine_turns_measured": turns,
        "rule_engine_reply_chars": round(statistics.mean(len(t) for t in fixed)),
    }


def scenario_report_rerun_ms(db_url: str, repeat: int) -> float:
    """Rerun of the scenario page showing the report of a finished run (replay, scoring and drawing)."""
    from catalog.catalog import ContentRoots, load_catalog

    scenario = load_catalog(ContentRoots.shipped()).scenarios["late-birthday-cake"]
    at = signed_in_app(db_url)
    at.switch_page(ROUTES["scenario"].path).run()
    at.selectbox(key="scenario_pick").set_value("late-birthday-cake").run()
    at.button(key="scenario_start").click().run()
    for answer in next(e for e in scenario.examples if e.name == "good").turns:
        if isinstance(answer, int):
            at.radio[0].set_value(answer)
        else:
            at.text_area[0].input(answer)
        at.button[[b.label for b in at.button].index("发送")].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.header and at.header[0].value == "演练报告"
    return median_ms(at.run, repeat)


def session_memory_mb(db_url: str, sessions: int = 5) -> float:
    """Python heap growth per signed-in session that has visited every page."""
    keep = [signed_in_app(db_url)]  # warm caches (catalogue, jieba, engine) outside the measurement
    for page in PAGES:
        keep[0].switch_page(ROUTES[page].path).run()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(sessions):
        at = signed_in_app(db_url)
        for page in PAGES:
            at.switch_page(ROUTES[page].path).run()
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
            **rule_engine_figures(),
            "scenario_report_rerun_ms": scenario_report_rerun_ms(db_url, args.repeat),
            "session_memory_mb": session_memory_mb(db_url),
            "concurrent_answers": concurrent_answers(db_url),
            "class_dashboard": class_dashboard_ms(db_url),
            "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        }
    print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
