"""Command line for instructors and CI: cma validate | stats --json | init | tidy | import | export | export-edits
| template | overrides."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from catalog.catalog import ContentRoots, load_catalog
from catalog.punctuation import tidy_python, to_full_width
from source import dates

app = typer.Typer(help="客户管理师实训平台 命令行工具", no_args_is_help=True, add_completion=False)

ContentOption = Annotated[
    Path | None, typer.Option("--content", help="课程目录（含 chapters/ banks/ blueprints/ scenarios/）")
]


def _roots(content: Path | None) -> ContentRoots:
    return ContentRoots.under(content) if content else ContentRoots.from_env()


@app.command()
def validate(content: ContentOption = None) -> None:
    """检查全部内容文件；有问题时逐条打印 文件：行: 字段: 说明，并以非零状态退出。"""
    from certification.final import load_rules, rule_problems
    from scenarios.checks import transcript_problems

    roots = _roots(content)
    catalog = load_catalog(roots)
    problems = [str(p) for p in catalog.problems]
    problems += [str(p) for p in transcript_problems(roots.scenarios, catalog.scenarios, catalog.library)]
    if content is None:
        problems += rule_problems(load_rules(), catalog)
    for problem in problems:
        typer.echo(problem)
    if problems:
        typer.echo(f"{len(problems)} 个问题，{catalog.files} 个文件", err=True)
        raise typer.Exit(1)
    typer.echo(f"全部 {catalog.files} 个文件检查通过")


@app.command()
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
    content: ContentOption = None,
    papers: Annotated[
        int, typer.Option("--papers", min=0, help="每个蓝图模拟多少份试卷（盲答策略），0 为不模拟")
    ] = 200,
) -> None:
    """打印知识点覆盖情况、题目编写指标和盲答策略在每个蓝图上的通过率。"""
    from quizzes.exam import ExamError
    from quizzes.itemstats import bank_figures, play_strategies

    catalog = load_catalog(_roots(content))
    data = catalog.stats()
    items = bank_figures(catalog.questions.values())
    data.update(items)
    blind: dict[str, object] = {}
    for bp in catalog.blueprints.values() if papers else ():
        try:
            blind[bp.id] = play_strategies(bp, catalog.questions, catalog.syllabus.module_of, papers).to_dict()
        except ExamError as exc:
            blind[bp.id] = {"error": str(exc)}
    data["blind_strategies"] = blind
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    untaught = [p for p, v in data["points"].items() if not v["sections"]]
    untested = [p for p, v in data["points"].items() if not v["questions"]]
    typer.echo(f"章节 {data['chapters']}，小节 {data['sections']}，题目 {data['questions']}，情景 {data['scenarios']}")
    typer.echo(
        f"未讲授的知识点 {len(untaught)} 个，未出题的知识点 {len(untested)} 个\uff08共 {len(data['points'])} 个\uff09"
    )
    typer.echo(
        f"多选题全选即对 {items['multiple_all_keyed_share']:.0%}，判断题为“对” {items['judge_true_share']:.0%}，"
        f"单选题答案是唯一最长项 {items['single_longest_key_share']:.0%}，"
        f"选择题解析中位数 {items['choice_explanation_median_hanzi']:g} 字"
    )
    for bp_id, result in blind.items():
        if isinstance(result, dict) and "pass_rate" in result:
            typer.echo(f"盲答策略 {bp_id}：平均 {result['mean']:g} 分，通过率 {result['pass_rate']:.1%}")
        elif isinstance(result, dict):
            typer.echo(f"盲答策略 {bp_id}：无法组卷（{result['error']}）")


@app.command()
def init(demo: Annotated[bool, typer.Option("--demo", help="创建演示账号")] = False) -> None:
    """建立或升级数据库；可选创建演示账号。"""
    from classroom.accounts import DEMO_PASSWORD, ensure_demo_accounts
    from store.db import Database, database_url

    db = Database()
    typer.echo(f"数据库已就绪：{database_url()}")
    if demo:
        created = ensure_demo_accounts(db)
        for account in created:
            typer.echo(f"已创建演示账号 {account.username}")
        typer.echo(f"演示账号（仅供体验）：demo_trainee / demo_instructor / demo_admin\uff0c密码 {DEMO_PASSWORD}")


@app.command()
def tidy(files: Annotated[list[Path], typer.Argument(help="要整理的 .md / .yaml / .py 文件")]) -> None:
    """把中文里的半角标点（, ; : ? ! 括号）改为全角；Python 文件只改字符串。"""
    for path in files:
        source = path.read_text(encoding="utf-8")
        fixed = tidy_python(source) if path.suffix == ".py" else to_full_width(source)
        if fixed != source:
            path.write_text(fixed, encoding="utf-8")
            typer.echo(f"已整理 {path}")


@app.command("import")
def import_bank(
    file: Annotated[Path, typer.Argument(help="GIFT（.gift/.txt）、Moodle XML（.xml）或表格（.xlsx/.csv）")],
    point: Annotated[str | None, typer.Option("--point", help="没有分类或标签的题目归入这个知识点")] = None,
    bank_id: Annotated[str | None, typer.Option("--bank-id", help="新题库编号，默认 imported-文件名")] = None,
    title: Annotated[str | None, typer.Option("--title", help="新题库标题")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="写到哪个 YAML 文件，默认题库目录")] = None,
    content: ContentOption = None,
) -> None:
    """导入题库文件：逐条报告问题，把通过校验的题目写成一个 YAML 题库。"""

    from interop.banks import import_file, imported_bank_id
    from interop.common import bank_yaml

    roots = _roots(content)
    catalog = load_catalog(roots)
    result = import_file(file.name, file.read_bytes(), catalog, point)
    for problem in result.problems:
        typer.echo(str(problem))
    if not result.questions:
        typer.echo("没有可导入的题目", err=True)
        raise typer.Exit(2)
    bank = bank_id or imported_bank_id(file.name)
    target = out or roots.banks / f"{bank}.yaml"
    if target.exists():
        typer.echo(f"{target} 已存在，请用 --out 指定新文件", err=True)
        raise typer.Exit(2)
    target.write_text(bank_yaml(result, bank, title or f"导入：{file.name}"), encoding="utf-8")
    typer.echo(f"已导入 {len(result.questions)} 道题到 {target}")
    if result.errors:
        raise typer.Exit(1)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="gift | moodle-xml | xlsx | qti")],
    out: Annotated[Path | None, typer.Option("--out", help="输出文件；gift 和 moodle-xml 可省略（打印到屏幕）")] = None,
    bank: Annotated[str | None, typer.Option("--bank", help="只导出这个题库")] = None,
    content: ContentOption = None,
) -> None:
    """导出题库为 GIFT、Moodle XML、题库模板（Excel）或 QTI 2.1 题目包；无法表示的内容逐条说明。"""
    from interop.banks import FORMATS, export

    if fmt not in FORMATS:
        typer.echo(f"未知格式 {fmt}，可选：{' | '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    catalog = load_catalog(_roots(content))
    questions = [
        q
        for qid, q in catalog.questions.items()
        if bank is None or Path(catalog.question_bank.get(qid, "")).stem == bank
    ]
    if not questions:
        typer.echo("没有可导出的题目", err=True)
        raise typer.Exit(2)
    data, notes = export(questions, fmt)
    for note in notes:
        typer.echo(note, err=True)
    if out is None:
        if fmt in {"xlsx", "qti"}:
            typer.echo(f"{fmt} 格式请用 --out 指定文件", err=True)
            raise typer.Exit(2)
        typer.echo(data.decode("utf-8"))
        return
    out.write_bytes(data)
    typer.echo(f"已导出到 {out}", err=True)


@app.command("export-edits")
def export_edits(
    out: Annotated[Path | None, typer.Option("--out", help="输出的 YAML 文件；省略时打印到屏幕")] = None,
    content: ContentOption = None,
) -> None:
    """导出在应用内修改过的题目（题库 YAML 格式，可按题目编号替换原题库中的同一道题），并列出已停用的题目。"""
    from catalog.versions import edited_yaml
    from quizzes.versions import VersionError
    from store.db import Database

    catalog = load_catalog(_roots(content))
    try:
        text = edited_yaml(Database(), catalog)
    except VersionError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    if out is None:
        typer.echo(text)
        return
    out.write_text(text, encoding="utf-8")
    typer.echo(f"已导出到 {out}", err=True)


@app.command()
def paper(
    blueprint: Annotated[str, typer.Option("--blueprint", help="考试蓝图编号")],
    seed: Annotated[int, typer.Option("--seed", help="抽题种子：相同种子得到相同试卷")],
    out: Annotated[Path, typer.Option("--out", help="输出目录")] = Path(),
    content: ContentOption = None,
) -> None:
    """按蓝图和种子生成纸质试卷与参考答案（PDF 和 Word 各一份）。"""
    from interop.paper import lines_for, to_docx, to_pdf
    from quizzes.exam import ExamError

    catalog = load_catalog(_roots(content))
    if blueprint not in catalog.blueprints:
        typer.echo(f"未知的蓝图 {blueprint}，可选：{'、'.join(catalog.blueprints)}", err=True)
        raise typer.Exit(2)
    bp = catalog.blueprints[blueprint]
    out.mkdir(parents=True, exist_ok=True)
    for with_key, label in ((False, "试卷"), (True, "参考答案")):
        try:
            lines = lines_for(bp, catalog.questions, catalog.syllabus.module_of, seed, with_key)
        except ExamError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from exc
        stem = out / f"{bp.id}-{seed}-{label}"
        stem.with_suffix(".pdf").write_bytes(to_pdf(lines))
        stem.with_suffix(".docx").write_bytes(to_docx(lines))
        typer.echo(f"已生成 {stem}.pdf 与 {stem}.docx")


@app.command()
def verify(code: Annotated[str, typer.Argument(help="证书上的查验码，例如 CMA-000001-ABCD-EFGH-IJKL")]) -> None:
    """查验证书：真实有效时打印证书内容，否则以非零状态退出。"""
    from certification.final import verify as check_code
    from store.db import Database

    found = check_code(Database(), code)
    if found is None:
        typer.echo("查验失败：查验码无效，或证书内容与记录不符")
        raise typer.Exit(1)
    skills = "、".join(f"{x:g}" for x in found.skills)
    typer.echo(f"证书有效：{found.name}，{dates.day(found.issued_on)}颁发，理论 {found.theory:g} 分，情景 {skills} 分")
    if found.revoked:
        typer.echo("注意：该证书已被撤销")
        raise typer.Exit(1)


REPLIES_SHOWN = 5


@app.command()
def overrides(
    scenario: Annotated[str | None, typer.Option("--scenario", help="只看这个情景（情景编号）")] = None,
    export_to: Annotated[Path | None, typer.Option("--export", help="把更正导出为规则引擎测试集的标注语句文件")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="每个情景列出多少条规则")] = 10,
    content: ContentOption = None,
) -> None:
    """按情景列出教师最常更正的评分规则、更正的次数和背后的回答（改进概念和规则的素材）。"""
    from scenarios import overrides as core
    from store.db import Database

    catalog = load_catalog(_roots(content))
    items = core.collect(Database(), scenario)
    if not items:
        typer.echo("还没有教师更正过评分" + (f"（情景 {scenario}）" if scenario else ""))
    for sid, rules in core.tally(items).items():
        found = catalog.scenarios.get(sid)
        title = found.title if found is not None else "（情景已删除）"
        typer.echo(f"情景：{title}（{sid}），更正 {sum(t.count for t in rules)} 次")
        for n, t in enumerate(rules[:top], 1):
            typer.echo(
                f"  {n}. {t.label}（{t.rule}）：{t.count} 次，改为做到 {t.to_fired} 次，改为没做到 {t.to_not_fired} 次"
            )
            for c in t.items[:REPLIES_SHOWN]:
                verdict = "改为做到" if c.fired else "改为没做到"
                reply = " ".join(c.text.split())
                typer.echo(f"     · {verdict}：“{reply}”——{c.comment}")
            if len(t.items) > REPLIES_SHOWN:
                typer.echo(f"     · 还有 {len(t.items) - REPLIES_SHOWN} 条")
        if len(rules) > top:
            typer.echo(f"  另有 {len(rules) - top} 条规则被更正过（--top 可调整）")
    if export_to is not None:
        rows, left = core.labelled(items, catalog.library)
        export_to.write_text(core.labelled_file(rows), encoding="utf-8")
        typer.echo(f"已导出 {len(rows)} 条标注语句到 {export_to}")
        if left:
            typer.echo(f"{len(left)} 条更正只涉及情景自己的概念或彼此矛盾，未导出（共享测试集只认词库中的概念）")


@app.command()
def template(out: Annotated[Path, typer.Option("--out", help="输出文件")] = Path("题库模板.xlsx")) -> None:
    """生成空白的题库模板（Excel）。"""
    from interop.xlsx import template as blank

    out.write_bytes(blank())
    typer.echo(f"已生成 {out}")


if __name__ == "__main__":
    app()
