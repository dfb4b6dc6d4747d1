"""题库模板.xlsx: one question per row; read with a row-by-row report, written for export and as a blank template."""

from __future__ import annotations

import csv
import datetime
import io
import re
from typing import Any

import xlrd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from interop.common import MAX_IMPORT_BYTES, NO_EXPLANATION, ImportResult, question_id
from quizzes.kinds import export_problem
from quizzes.models import AnyQuestion
from store.archives import ArchiveRejected, check_archive

LETTERS = "ABCDEFGH"
HEADER = [
    *("编号", "题型", "题干"),
    *(f"选项{c}" for c in LETTERS[:6]),
    *("答案", "解析", "知识点", "难度", "评分要点", "名称"),
]
TYPES = {
    **dict.fromkeys(["单选", "单选题", "单项选择", "单项选择题", "单择题", "选择题", "single"], "single"),
    **dict.fromkeys(["多选", "多选题", "多项选择", "多项选择题", "multiple"], "multiple"),
    **dict.fromkeys(["不定项", "不定项选择", "不定项选择题", "不定项题"], "indefinite"),
    **dict.fromkeys(["判断", "判断题", "是非题", "对错题", "judge"], "judge"),
    **dict.fromkeys(["填空", "填空题", "fill"], "fill"),
    **dict.fromkeys(["简答", "简答题", "问答", "问答题", "主观题", "论述题", "short"], "short"),
}
TYPE_NAMES = {"single": "单选", "multiple": "多选", "judge": "判断", "fill": "填空", "short": "简答"}
TRUE_WORDS = {"对", "正确", "√", "T", "TRUE", "是", "Y", "A"}
FALSE_WORDS = {"错", "错误", "×", "F", "FALSE", "否", "N", "B"}
DIFFICULTY_WORDS = {
    **dict.fromkeys(["1", "易", "简单", "容易", "较易", "低", "初级", "1.0"], 1),
    **dict.fromkeys(["2", "中", "一般", "中等", "适中", "普通", "2.0"], 2),
    **dict.fromkeys(["3", "难", "困难", "较难", "高", "高级", "3.0"], 3),
}
# Header names as exam-prep platforms' templates spell them, mapped to ours.
SYNONYMS = {
    "编号": ["编号", "题号", "试题编号", "题目编号", "id", "序号"],
    "题型": ["题型", "试题类型", "题目类型", "类型", "题类"],
    "题干": ["题干", "题目", "试题", "题目内容", "试题内容", "问题", "试题题干", "题目题干"],
    "答案": ["答案", "正确答案", "标准答案", "参考答案", "试题答案"],
    "解析": ["解析", "答案解析", "试题解析", "题目解析", "解释", "解答"],
    "知识点": ["知识点", "知识点编号", "考点"],
    "章节": ["章节", "章", "所属章节", "分类", "题目分类"],
    "难度": ["难度", "难易度", "难易程度", "试题难度", "难度等级"],
    "评分要点": ["评分要点", "关键词", "评分关键词", "得分点"],
    "名称": ["名称", "题目名称", "试题名称", "标题", "题名"],
}
OPTION_HEADER = re.compile(r"^选项\s*([A-Ha-h])$|^([A-Ha-h])\s*选项$|^([A-Ha-h])$")
BLANK_SEPARATOR = re.compile(r"[|｜]")
ALTERNATIVE_SEPARATOR = re.compile(r"[;；]")
INSTRUCTIONS = [
    ("编号", "小写字母、数字、点和连字符，例如 my-bank.q001；留空时自动编号"),
    ("题型", "单选、多选、不定项、判断、填空、简答/问答（案例分析题请用 YAML 题库编写）"),
    ("题干", "填空题用 ____（四个下划线）标出每个空"),
    ("选项A~F", "单选、多选题至少两个选项"),
    (
        "答案",
        "单选填字母（C）；多选填字母（ABD）；判断填 对/错；"
        "填空各空用 | 分隔，同一空的几种答法用 ; 分隔（TCP/IP 这样的斜杠不拆分）；简答填参考答案",
    ),
    ("解析", "讲清为什么，必填"),
    ("知识点", "知识点编号，多个用逗号分隔，例如 crm-basics.customer-vs-consumer；留空时用导入时指定的默认知识点"),
    ("难度", "1/易/简单（识记）、2/中/一般（理解）、3/难/困难（应用），默认 2"),
    ("评分要点", "仅简答题：要点名:关键词1/关键词2；要点名2[权重]:关键词3（权重默认 1）"),
    ("名称", "可选：题目在其他系统中的名称（如 Moodle 的题目名称），导出时写回"),
    ("表头", "表头按列名识别，列的顺序不限；也认 试题类型、题目、正确答案、答案解析、难易度 等常见写法"),
]


def _decimals(fmt: str) -> int:
    match = re.search(r"\.(0+)", fmt)
    return len(match.group(1)) if match else 0


def _date_text(value: datetime.datetime | datetime.date | datetime.time, fmt: str) -> str:
    """A date or time as its number format shows it (the common Chinese and ISO formats)."""
    fmt = re.sub(r"\[[^\]]*\]|[\\\"]", "", fmt.split(";", maxsplit=1)[0])
    if isinstance(value, datetime.time):
        value = datetime.datetime.combine(datetime.date(1900, 1, 1), value)
    elif not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    tokens = [
        ("yyyy", f"{value.year:04d}"),
        ("yy", f"{value.year % 100:02d}"),
        ("mm:", f"{value.minute:02d}:"),
        (":mm", f":{value.minute:02d}"),
        ("mm", f"{value.month:02d}"),
        ("m", str(value.month)),
        ("dd", f"{value.day:02d}"),
        ("d", str(value.day)),
        ("hh", f"{value.hour:02d}"),
        ("h", str(value.hour)),
        ("ss", f"{value.second:02d}"),
    ]
    out, i, low = [], 0, fmt.lower()
    if not re.search(r"[ymdhs]", low):
        return value.strftime("%Y-%m-%d")
    while i < len(low):
        for token, text in tokens:
            if low.startswith(token, i):
                out.append(text)
                i += len(token)
                break
        else:
            out.append(fmt[i])
            i += 1
    return "".join(out).strip()


def shown(value: Any, fmt: str = "General") -> str:
    """A cell's value as Excel shows it under its number format (percent, dates, decimals, text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return _date_text(value, fmt or "yyyy-mm-dd")
    if isinstance(value, (int, float)):
        fmt = (fmt or "General").split(";")[0]
        if "%" in fmt:
            return f"{value * 100:.{_decimals(fmt)}f}%"
        if fmt in {"General", "@"}:
            return f"{value:.11g}" if isinstance(value, float) else str(value)
        return f"{value:,.{_decimals(fmt)}f}" if "," in fmt else f"{value:.{_decimals(fmt)}f}"
    return str(value).strip()


def _canonical(header: str) -> str | None:
    name = re.sub(r"[\s*＊（(].*$", "", header.strip()) or header.strip()
    match = OPTION_HEADER.match(name)
    if match:
        return "选项" + next(g for g in match.groups() if g).upper()
    for key, names in SYNONYMS.items():
        if name.lower() in names:
            return key
    return None


def _sheet_rows(data: bytes, result: ImportResult) -> list[list[str]] | None:
    """The first sheet as the text every cell shows, merged cells filled from their first cell."""
    try:
        check_archive(data)  # entry count, inflated size and ratio, before openpyxl sees the file
    except ArchiveRejected as exc:
        result.problem("文件", "error", str(exc))
        return None
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:
        result.problem("文件", "error", "无法读取 Excel 文件（文件已损坏或不是 Excel 文件），请使用 .xlsx 或 .xls 格式")
        return None
    sheet = book.worksheets[0]
    rows = [[shown(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]
    for merged in sheet.merged_cells.ranges:
        first = shown(
            sheet.cell(merged.min_row, merged.min_col).value, sheet.cell(merged.min_row, merged.min_col).number_format
        )
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if r - 1 < len(rows) and c - 1 < len(rows[r - 1]):
                    rows[r - 1][c - 1] = first
    return rows


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Excel (.xls) and other compound documents


def _xls_rows(data: bytes, result: ImportResult) -> list[list[str]] | None:
    """The first sheet of an old Excel (.xls) book as the text every cell shows, merged cells filled."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
        sheet = book.sheet_by_index(0)
    except Exception:
        unreadable = "无法读取旧版 .xls 文件（文件已损坏或不是 Excel 文件），可在 Excel 中另存为 .xlsx 后再试"
        result.problem("文件", "error", unreadable)
        return None

    def text(r: int, c: int) -> str:
        cell = sheet.cell(r, c)
        fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None else None
        fmt_str = fmt.format_str if fmt is not None else "General"
        if cell.ctype == xlrd.XL_CELL_DATE:
            try:
                return shown(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode), fmt_str)
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                return shown(cell.value, "General")
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return shown(bool(cell.value))
        if cell.ctype == xlrd.XL_CELL_ERROR:
            return str(xlrd.error_text_from_code.get(cell.value, "#ERR"))
        if cell.ctype == xlrd.XL_CELL_NUMBER:
            value = cell.value
            return shown(int(value) if value.is_integer() and fmt_str in {"General", "@", "0"} else value, fmt_str)
        return shown(cell.value)

    rows = [[text(r, c) for c in range(sheet.row_len(r))] for r in range(sheet.nrows)]
    for rlo, rhi, clo, chi in sheet.merged_cells:
        first = text(rlo, clo)
        for r in range(rlo, min(rhi, len(rows))):
            for c in range(clo, min(chi, len(rows[r]))):
                rows[r][c] = first
    return rows


def _csv_rows(data: bytes, result: ImportResult) -> list[list[str]] | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        result.problem("文件", "error", "CSV 文件的编码无法识别（支持 UTF-8 和 GBK/GB18030）")
        return None
    if "\x00" in text:
        result.problem("文件", "error", "CSV 文件的编码无法识别（支持 UTF-8 和 GBK/GB18030）")
        return None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]


def parse(
    data: bytes,
    known_points: set[str] | None = None,
    result: ImportResult | None = None,
    default_point: str | None = None,
    kind: str = "xlsx",
) -> ImportResult:
    """Read the first sheet of a workbook (or a CSV file) with a header row; every bad row is reported by number
    and column."""
    result = result or ImportResult()
    if len(data) > MAX_IMPORT_BYTES:
        result.problem("文件", "error", "文件过大（上限 5 MB）")
        return result
    if data[:8] == OLE_MAGIC or (kind == "xls" and not data.startswith(b"PK")):  # by content, not by name
        rows = _xls_rows(data, result)
    else:
        rows = _csv_rows(data, result) if kind == "csv" else _sheet_rows(data, result)
    if rows is None:
        return result
    header_at = next((i for i, r in enumerate(rows[:10]) if sum(_canonical(c) is not None for c in r) >= 2), None)
    if header_at is None:
        result.problem("第 1 行", "error", "找不到表头：至少需要 题型、题干、答案 三列（列名可用常见写法）")
        return result
    col: dict[str, int] = {}
    for i, name in enumerate(rows[header_at]):
        key = _canonical(name)
        if key and key not in col:
            col[key] = i
        elif name.strip() and key is None:
            result.problem(f"第 {header_at + 1} 行", "warning", f"不认识的列“{name.strip()}”，已忽略")
    missing = [h for h in ("题型", "题干", "答案") if h not in col]
    if missing:
        result.problem(f"第 {header_at + 1} 行", "error", f"表头缺少：{'、'.join(missing)}")
        return result
    total = max(1, len(rows) - header_at - 1)
    for number, raw in enumerate(rows[header_at + 1 :], start=header_at + 2):
        result.progress(number - header_at - 1, total)
        row = {name: raw[i].strip() if i < len(raw) else "" for name, i in col.items()}
        if not any(row.values()):
            continue
        where = f"第 {number} 行"
        try:
            data_row = _question(row, number, result, where, default_point)
        except ValueError as exc:
            result.problem(where, "error", str(exc))
            continue
        result.add(where, data_row, known_points)
    return result


def _question(
    row: dict[str, str], number: int, result: ImportResult, where: str, default_point: str | None
) -> dict[str, Any]:
    type_text = re.sub(r"\s", "", row.get("题型", ""))
    kind = TYPES.get(type_text) or TYPES.get(type_text.lower())
    if kind is None:
        shown_type = type_text or "（空）"
        raise ValueError(f"“题型”列：不认识“{shown_type}”，应为 单选/多选/不定项/判断/填空/简答/问答")
    difficulty_text = row.get("难度") or "2"
    difficulty = DIFFICULTY_WORDS.get(difficulty_text.replace("星", "").strip())
    if difficulty is None:
        raise ValueError(f"“难度”列：不认识“{difficulty_text}”，应为 1~3 或 易/中/难、简单/一般/困难")
    points = [p for p in re.split(r"[,，、;；\s]+", row.get("知识点", "")) if p]
    if not points and default_point:
        points = [default_point]
        result.problem(where, "warning", f"“知识点”列为空，已用默认知识点 {default_point}")
    stem = row.get("题干", "")
    explanation = row.get("解析", "")
    if not explanation:
        explanation = NO_EXPLANATION
        result.problem(where, "warning", "“解析”列为空，已填入待补充的提示")
    data: dict[str, Any] = {
        "id": question_id(row.get("编号", ""), f"imported.r{number:04d}"),
        "stem": stem,
        "explanation": explanation,
        "points": points,
        "difficulty": difficulty,
    }
    if row.get("名称"):
        data["title"] = row["名称"]
    if row.get("编号") and data["id"] != row["编号"].strip().lower():
        result.problem(where, "warning", f"“编号”列的“{row['编号']}”不是有效编号，已改为 {data['id']}")
    answer = row.get("答案", "")
    if not answer:
        raise ValueError("“答案”列：不能为空")
    options = [row.get(f"选项{c}", "") for c in LETTERS]
    options = options[: max((i + 1 for i, o in enumerate(options) if o), default=0)]
    if kind in {"single", "multiple", "indefinite"}:
        if any(not o for o in options):
            raise ValueError("“选项”列：中间不能有空选项")
        data["options"] = options
        letters = [c for c in answer.upper() if c in LETTERS]
        if len(letters) != len(re.sub(r"[\s,，、;；]", "", answer)):
            raise ValueError(f"“答案”列：“{answer}”应只含选项字母")
        if kind == "indefinite":
            kind = "single" if len(letters) == 1 else "multiple"
            if kind == "single":
                result.problem(where, "warning", "不定项选择题只有一个正确答案，按单选题导入")
        if kind == "single" and len(letters) != 1:
            raise ValueError("“答案”列：单选题只能有一个字母")
        if kind == "multiple" and len(letters) < 2:
            raise ValueError("“答案”列：多选题至少要有两个字母")
        data["answer"] = letters[0] if kind == "single" else letters
    elif kind == "judge":
        word = answer.upper().strip()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise ValueError(f"“答案”列：判断题填 对 或 错，不认识“{answer}”")
        data["answer"] = word in TRUE_WORDS
    elif kind == "fill":
        blanks = [
            [a.strip() for a in ALTERNATIVE_SEPARATOR.split(blank) if a.strip()]
            for blank in BLANK_SEPARATOR.split(answer)
        ]
        if "____" not in stem and len(blanks) == 1:
            data["stem"] = f"{stem}____"
            result.problem(where, "warning", "“题干”列没有 ____，已在末尾加一个空")
        data["answer"] = blanks
    else:
        data["answer"] = answer
        groups = []
        for item in re.split(r"[;；\n]+", row.get("评分要点", "")):
            if not item.strip():
                continue
            label, sep, words = item.partition(":") if ":" in item else item.partition("：")
            if not sep:
                raise ValueError(f"“评分要点”列：“{item}”应写成 要点名:关键词1/关键词2")
            group: dict[str, Any] = {"label": label.strip(), "any": [w.strip() for w in words.split("/") if w.strip()]}
            weighted = re.fullmatch(r"(.*?)\s*\[(\d+(?:\.\d+)?)\]", group["label"])
            if weighted:
                group["label"], group["weight"] = weighted.group(1), float(weighted.group(2))
            groups.append(group)
        if not groups:
            raise ValueError("“评分要点”列：简答（问答）题需要评分要点才能自动评分，请写成 要点名:关键词1/关键词2")
        data["rubric"] = groups
    data["type"] = kind
    return data


def _style_header(sheet: Worksheet) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.freeze_panes = "A2"
    widths = (22, 8, 50, 18, 18, 18, 18, 12, 12, 14, 50, 36, 6, 40, 24)
    for letter, width in zip("ABCDEFGHIJKLMNO", widths, strict=True):
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
        answer = "|".join(";".join(blank) for blank in q.answer)
    else:
        assert q.type == "short"
        answer = q.answer
        rubric = "；".join(f"{g.label}{'' if g.weight == 1 else f'[{g.weight:g}]'}:{'/'.join(g.any)}" for g in q.rubric)
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
        q.title or "",
    ]


def _lost(q: AnyQuestion, notes: list[str]) -> None:
    """Parts of a question the sheet cannot carry, or could misread on the way back."""
    if q.type in {"single", "multiple"} and not q.shuffle:
        notes.append(f"{q.id}：表格没有“不打乱选项”一列（未导出）")
    if q.type == "multiple" and (q.scoring != "all_or_nothing" or q.weights):
        notes.append(f"{q.id}：表格没有计分方式一列（部分得分的计分方式与选项权重未导出）")
    if q.type == "fill" and any(
        BLANK_SEPARATOR.search(a) or ALTERNATIVE_SEPARATOR.search(a) for b in q.answer for a in b
    ):
        notes.append(f"{q.id}：填空答案含分隔符 | 或 ;，导回时会被拆开")
    if q.type == "short" and any("/" in w or ":" in w or "：" in w for g in q.rubric for w in (g.label, *g.any)):
        notes.append(f"{q.id}：评分要点含 / 或冒号，导回时会被拆开")


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
            _lost(q, skipped)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
            cell.number_format = "@"
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
