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
