"""题库模板.xlsx: one question per row; read with a row-by-row report, written for export and as a blank template."""

from __future__ import annotations

import io
import re
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from interop.common import MAX_IMPORT_BYTES, ImportResult, question_id
from quizzes.kinds import export_problem
from quizzes.models import AnyQuestion

LETTERS = "ABCDEFGH"
HEADER = ["编号", "题型", "题干", *(f"选项{c}" for c in LETTERS[:6]), "答案", "解析", "知识点", "难度", "评分要点"]
TYPES = {
    "单选": "single",
    "单选题": "single",
    "多选": "multiple",
    "多选题": "multiple",
    "判断": "judge",
    "判断题": "judge",
    "填空": "fill",
    "填空题": "fill",
    "简答": "short",
    "简答题": "short",
}
TYPE_NAMES = {"single": "单选", "multiple": "多选", "judge": "判断", "fill": "填空", "short": "简答"}
TRUE_WORDS = {"对", "正确", "√", "T", "TRUE", "是", "Y"}
FALSE_WORDS = {"错", "错误", "×", "F", "FALSE", "否", "N"}
INSTRUCTIONS = [
    ("编号", "小写字母、数字、点和连字符，例如 my-bank.q001；留空时自动编号"),
    ("题型", "单选、多选、判断、填空、简答（案例分析题请用 YAML 题库编写）"),
    ("题干", "填空题用 ____（四个下划线）标出每个空"),
    ("选项A~F", "单选、多选题至少两个选项"),
    (
        "答案",
        "单选填字母（C）；多选填字母（ABD）；判断填 对/错；"
        "填空各空用 | 分隔，同一空的几种答法用 / 分隔；简答填参考答案",
    ),
    ("解析", "讲清为什么，必填"),
    ("知识点", "知识点编号，多个用逗号分隔，例如 crm-basics.customer-vs-consumer"),
    ("难度", "1（识记）、2（理解）、3（应用），默认 2"),
    ("评分要点", "仅简答题：要点名:关键词1/关键词2；要点名2:关键词3"),
]


def _cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


def parse(data: bytes, known_points: set[str] | None = None, result: ImportResult | None = None) -> ImportResult:
    """Read the first sheet of a workbook in the template's layout; every bad row is reported by number."""
    result = result or ImportResult()
    if len(data) > MAX_IMPORT_BYTES:
        result.problem("文件", "error", "文件过大（上限 5 MB）")
        return result
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as exc:
        result.problem("文件", "error", f"无法读取 Excel 文件（{type(exc).__name__}），请使用 .xlsx 格式")
        return result
    rows = sheet.iter_rows(values_only=True)
    header = [_cell(c) for c in next(rows, ())]
    missing = [h for h in ("题型", "题干", "答案", "解析", "知识点") if h not in header]
    if missing:
        result.problem("第 1 行", "error", f"表头缺少：{'、'.join(missing)}（请使用题库模板）")
        return result
    col = {name: header.index(name) for name in header if name}
    total = max(1, (sheet.max_row or 2) - 1)
    for number, raw in enumerate(rows, start=2):
        result.progress(number - 1, total)
        row = {name: _cell(raw[i]) if i < len(raw) else "" for name, i in col.items()}
        if not any(row.values()):
            continue
        where = f"第 {number} 行"
        try:
            data_row = _question(row, number)
        except ValueError as exc:
            result.problem(where, "error", str(exc))
            continue
        result.add(where, data_row, known_points)
    return result


def _question(row: dict[str, str], number: int) -> dict[str, Any]:
    kind = TYPES.get(row.get("题型", ""))
    if kind is None:
        raise ValueError(f"题型：不认识“{row.get('题型', '')}”，应为 单选/多选/判断/填空/简答")
    difficulty = row.get("难度") or "2"
    if not re.fullmatch(r"[1-3](\.0)?", difficulty):
        raise ValueError("难度：应为 1~3 的整数（1 识记，2 理解，3 应用）")
    data: dict[str, Any] = {
        "id": question_id(row.get("编号", ""), f"imported.r{number:04d}"),
        "type": kind,
        "stem": row.get("题干", ""),
        "explanation": row.get("解析", ""),
        "points": [p for p in re.split(r"[,，、;；\s]+", row.get("知识点", "")) if p],
        "difficulty": int(float(difficulty)),
    }
    if row.get("编号") and data["id"] != row["编号"].strip().lower():
        raise ValueError("编号：只能用小写字母、数字、点和连字符")
    answer = row.get("答案", "")
    if not answer:
        raise ValueError("答案：不能为空")
    options = [row.get(f"选项{c}", "") for c in LETTERS[:6]]
    options = options[: max((i + 1 for i, o in enumerate(options) if o), default=0)]
    if kind in {"single", "multiple"}:
        if any(not o for o in options):
            raise ValueError("选项：中间不能有空选项")
        data["options"] = options
        letters = [c for c in answer.upper() if c in LETTERS]
        if len(letters) != len(re.sub(r"[\s,，、]", "", answer)):
            raise ValueError(f"答案：“{answer}”应只含选项字母")
        data["answer"] = letters[0] if kind == "single" and len(letters) == 1 else letters
        if kind == "single" and len(letters) != 1:
            raise ValueError("答案：单选题只能有一个字母")
    elif kind == "judge":
        word = answer.upper()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise ValueError("答案：判断题填 对 或 错")
        data["answer"] = word in TRUE_WORDS
    elif kind == "fill":
        data["answer"] = [[a.strip() for a in blank.split("/") if a.strip()] for blank in answer.split("|")]
    else:
        data["answer"] = answer
        groups = []
        for item in re.split(r"[;；\n]+", row.get("评分要点", "")):
            if not item.strip():
                continue
            label, sep, words = item.partition(":") if ":" in item else item.partition("：")
            if not sep:
                raise ValueError(f"评分要点：“{item}”应写成 要点名:关键词1/关键词2")
            groups.append({"label": label.strip(), "any": [w.strip() for w in words.split("/") if w.strip()]})
        if not groups:
            raise ValueError("评分要点：简答题至少要有一条")
        data["rubric"] = groups
    return data


def _style_header(sheet: Worksheet) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJKLMN", (22, 8, 50, 18, 18, 18, 18, 12, 12, 14, 50, 36, 6, 40), strict=True):
        sheet.column_dimensions[letter].width = width


def _row(q: AnyQuestion) -> list[Any]:
    options = list(q.options) if q.type in {"single", "multiple"} else []
    options += [""] * (6 - len(options))
    rubric = ""
    if q.type == "single":
        answer: Any = q.answer
    elif q.type == "multiple":
        answer = "".join(q.answer)
    elif q.type == "judge":
        answer = "对" if q.answer else "错"
    elif q.type == "fill":
        answer = "|".join("/".join(blank) for blank in q.answer)
    else:
        assert q.type == "short"
        answer = q.answer
        rubric = "；".join(f"{g.label}:{'/'.join(g.any)}" for g in q.rubric)
    return [
        q.id,
        TYPE_NAMES[q.type],
        q.stem,
        *options[:6],
        answer,
        q.explanation,
        ",".join(q.points),
        q.difficulty,
        rubric,
    ]


def write(questions: list[AnyQuestion]) -> tuple[bytes, list[str]]:
    """A workbook in the template's layout with the questions; and what could not be written."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "题库"
    sheet.append(HEADER)
    skipped = []
    for q in questions:
        problem = export_problem(q, "xlsx")
        if problem:
            skipped.append(f"{q.id}：{problem}，未导出")
        elif q.type in {"single", "multiple"} and len(q.options) > 6:
            skipped.append(f"{q.id}：选项超过 6 个，未导出")
        else:
            sheet.append(_row(q))
    _style_header(sheet)
    notes = book.create_sheet("填写说明")
    notes.append(["列", "怎么填"])
    for item in INSTRUCTIONS:
        notes.append(list(item))
    notes.column_dimensions["A"].width = 12
    notes.column_dimensions["B"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), skipped


def template() -> bytes:
    """The empty 题库模板.xlsx."""
    return write([])[0]
