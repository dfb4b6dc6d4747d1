"""The command line: validate exits non-zero on problems; stats prints the coverage JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from catalog.cli import app
from catalog.syllabus import load_syllabus
from tests.conftest import FIXTURE_COURSE

runner = CliRunner()


def test_validate_passes_on_the_shipped_course() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "检查通过" in result.output


def test_validate_lists_each_problem_and_fails() -> None:
    result = runner.invoke(app, ["validate", "--content", str(FIXTURE_COURSE)])
    assert result.exit_code == 1
    assert "unknown-point.yaml:10: questions.0.points: " in result.output
    assert "unknown-goto.yaml:128: nodes.opening.next.1.goto: " in result.output


def test_stats_json_has_the_documented_shape() -> None:
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert {"points", "questions", "scenarios", "chapters"} <= set(data)
    assert set(data["points"]) == set(load_syllabus().points)  # every syllabus point, none extra
    assert set(next(iter(data["points"].values()))) == {"sections", "questions", "scenarios"}


def test_init_creates_demo_accounts(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CMA_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    result = runner.invoke(app, ["init", "--demo"])
    assert result.exit_code == 0, result.output
    assert "demo_trainee" in result.output


def test_tidy_fixes_punctuation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    md = tmp_path / "a.md"
    md.write_text("客户,顾客:谁?", encoding="utf-8")
    runner.invoke(app, ["tidy", str(md)])
    assert md.read_text(encoding="utf-8") == "客户\uff0c顾客\uff1a谁\uff1f"


def test_export_every_format_and_the_template(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    gift = runner.invoke(app, ["export", "--format", "gift", "--bank", "crm-basics-customers"])
    assert gift.exit_code == 0 and "::crm-basics.q001::" in gift.output
    xml_file = tmp_path / "bank.xml"
    result = runner.invoke(app, ["export", "--format", "moodle-xml", "--out", str(xml_file)])
    assert result.exit_code == 0 and xml_file.read_bytes().startswith(b"<?xml")
    assert runner.invoke(app, ["export", "--format", "xlsx"]).exit_code == 2  # needs --out
    assert runner.invoke(app, ["export", "--format", "pdf"]).exit_code == 2
    template = tmp_path / "题库模板.xlsx"
    assert runner.invoke(app, ["template", "--out", str(template)]).exit_code == 0
    assert load_workbook(template)["题库"]["A1"].value == "编号"


def test_import_writes_a_valid_bank_and_reports_problems(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "extra.gift"
    source.write_text(
        "::extra.q1:: 客户投诉时，第一步应当先安抚情绪。{T####先处理心情，再处理事情。}\n\n"
        "::extra.q2:: 配对 {=a -> b =c -> d}\n\n"
        "::crm-basics.q001:: 重复的编号 {T}\n",
        encoding="utf-8",
    )
    out = tmp_path / "extra.yaml"
    result = runner.invoke(
        app, ["import", str(source), "--point", "crm-basics.customer-vs-consumer", "--out", str(out)]
    )
    assert result.exit_code == 1, result.output  # written, but with problems to read
    assert "第 3 行（extra.q2）：[不支持] 配对题" in result.output
    assert "crm-basics.q001：[错误] 题库中已有同编号的题目" in result.output
    assert "已导入 1 道题" in result.output
    import yaml

    from quizzes.models import Bank

    bank = Bank.model_validate(yaml.safe_load(out.read_text(encoding="utf-8")))
    assert [q.id for q in bank.questions] == ["extra.q1"]
    again = runner.invoke(app, ["import", str(source), "--point", "crm-basics.customer-vs-consumer", "--out", str(out)])
    assert again.exit_code == 2 and "已存在" in again.output


def test_paper_writes_pdf_and_word_for_paper_and_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["paper", "--blueprint", "starter-mock", "--seed", "7", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "starter-mock-7-参考答案.docx",
        "starter-mock-7-参考答案.pdf",
        "starter-mock-7-试卷.docx",
        "starter-mock-7-试卷.pdf",
    ]
    assert runner.invoke(app, ["paper", "--blueprint", "nope", "--seed", "1"]).exit_code == 2


def test_stats_json_reports_item_figures_and_blind_strategies_per_blueprint() -> None:
    result = runner.invoke(app, ["stats", "--json", "--papers", "5"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert sum(data["questions_by_type"].values()) == data["questions"]
    assert {
        "questions_by_difficulty",
        "multiple_all_keyed_share",
        "judge_true_share",
        "single_longest_key_share",
        "choice_explanation_median_hanzi",
    } <= set(data)
    assert set(data["blind_strategies"]) >= {"skills-paper", "starter-mock"}
    for found in data["blind_strategies"].values():
        assert "error" in found or ({"pass_rate", "mean", "best", "papers"} <= set(found) and found["papers"] == 5)


def test_overrides_prints_the_most_overridden_rules_with_replies_and_exports_them(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from catalog.catalog import ContentRoots, load_catalog
    from classroom.accounts import create_user
    from scenarios import overrides as core
    from scenarios.runner import build_engine
    from scenarios.sessions import load_run, play_turn, start_run
    from store.db import Database

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("CMA_DATABASE_URL", url)
    db = Database(url)
    course = load_catalog(ContentRoots.shipped())
    scenario = course.scenarios["late-birthday-cake"]
    engine = build_engine(scenario, course.library)
    teacher = create_user(db, "teacher", "老师", "instructor", "secret-pass-2026").id
    replies = ["不好意思，我帮您查询一下订单。", "对不住啊，我查一下订单。", "抱歉，我查下订单。"]
    for n, first in enumerate(replies):
        user = create_user(db, f"trainee{n}", f"学员{n}", "trainee", "secret-pass-2026").id
        run_id = start_run(db, user, scenario.id)
        run = load_run(db, user, run_id, scenario, engine)
        middling = next(e for e in scenario.examples if e.name == "middling")
        for answer in [first, *middling.turns[1:]]:
            play_turn(db, user, run_id, run, answer)
        empathy = core.verdict(run, 0, "opening:1")
        assert empathy is not None and not empathy.fired
        core.save(db, run_id, teacher, empathy, True, f"理由{n}", None)
        if n == 0:
            solution = core.verdict(run, 2, "remedy:0")
            assert solution is not None and solution.fired
            core.save(db, run_id, teacher, solution, False, "只说了查，没有办法", None)
    result = runner.invoke(app, ["overrides"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "迟到的生日蛋糕" in out
    first_rule = out.index("体谅孩子生日会被耽误的着急")
    assert first_rule < out.index("给出让蛋糕尽快送到的办法")  # the most often overridden rule comes first
    assert "3 次，改为做到 3 次，改为没做到 0 次" in out
    for n, reply in enumerate(replies):
        assert reply in out and f"理由{n}" in out
    assert "只说了查，没有办法" in out
    assert "还没有教师更正过评分" in runner.invoke(app, ["overrides", "--scenario", "viral-video"]).output
    target = tmp_path / "utterances-overrides.txt"
    exported = runner.invoke(app, ["overrides", "--export", str(target)])
    assert exported.exit_code == 0 and "已导出 4 条标注语句" in exported.output
    rows = [x.split("|") for x in target.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    by_text = {text.strip(): set(labels.split()) for _, text, labels in rows}
    remedy = middling.turns[2]
    assert set(by_text) == {*replies, remedy}
    assert all("empathy" in by_text[r] for r in replies)
    assert "solution" not in by_text[remedy]
