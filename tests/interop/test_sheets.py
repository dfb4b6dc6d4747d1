"""Spreadsheets laid out the way exam-prep platforms' import templates are: read as the cells show."""

from __future__ import annotations

import datetime
import io
import re

from openpyxl import Workbook, load_workbook

from catalog.catalog import Catalog
from interop import xlsx
from interop.banks import import_file
from quizzes.models import SingleChoice

POINT = "crm-basics.customer-vs-consumer"


def _book(rows: list[list[object]], formats: dict[str, str] | None = None, merge: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_synonym_headers_any_order_words_for_difficulty_and_shown_values() -> None:
    data = _book(
        [
            ["试题类型", "题目", "A", "B", "C", "正确答案", "答案解析", "难易度"],
            ["单选题", "满意度达到多少算达标？", 0.95, 0.9, 0.8, "A", "达标线为 95%。", "易"],
            ["判断题", "2018 年 9 月 26 日起施行，对吗？", None, None, None, "对", "是那天起施行。", "困难"],
            ["填空题", "常用的协议族是____。", None, None, None, "TCP/IP", "协议族即 TCP/IP。", "一般"],
        ],
        {"C2": "0%", "D2": "0%", "E2": "0%"},
    )
    result = xlsx.parse(data, {POINT}, default_point=POINT)
    assert [str(p) for p in result.errors] == []
    single, judge, fill = result.questions
    assert single["options"] == ["95%", "90%", "80%"] and single["difficulty"] == 1
    assert judge["difficulty"] == 3 and judge["points"] == [POINT]
    assert fill["answer"] == [["TCP/IP"]] and fill["difficulty"] == 2


def test_dates_read_as_shown() -> None:
    data = _book(
        [
            ["题型", "题干", "选项A", "选项B", "答案", "解析"],
            ["单选", "哪天施行？", datetime.datetime(2018, 9, 26), "另一天", "A", "那天施行。"],
        ],
        {"C2": "yyyy/m/d"},
    )
    result = xlsx.parse(data, {POINT}, default_point=POINT)
    assert result.questions[0]["options"][0] == "2018/9/26"


def test_type_variants_and_alternatives_by_documented_separator() -> None:
    data = _book(
        [
            ["题型", "题干", "选项A", "选项B", "选项C", "答案", "解析", "评分要点"],
            ["不定项", "哪些对？", "甲", "乙", "丙", "AB", "甲乙对。", None],
            [
                "问答题",
                "谈谈服务。",
                None,
                None,
                None,
                "先处理心情。",
                "先心情后事情。",
                "共情[2]:共情/体谅；致歉:抱歉",
            ],
            ["填空", "客户创造了____。", None, None, None, "市场；需求", "客户即市场。", None],
        ]
    )
    result = xlsx.parse(data, {POINT}, default_point=POINT)
    multiple, short, fill = result.questions
    assert multiple["type"] == "multiple" and multiple["answer"] == ["A", "B"]
    assert short["type"] == "short" and short["rubric"][0] == {"label": "共情", "any": ["共情", "体谅"], "weight": 2.0}
    assert fill["answer"] == [["市场", "需求"]]


def test_merged_type_cells_fill_every_row() -> None:
    data = _book(
        [["题型", "题干", "答案", "解析"], ["判断", "甲对吗？", "对", "甲对。"], [None, "乙对吗？", "错", "乙错。"]],
        merge="A2:A3",
    )
    result = xlsx.parse(data, {POINT}, default_point=POINT)
    assert [q["answer"] for q in result.questions] == [True, False]


def test_gb18030_csv_and_xls_and_messages_in_chinese(shipped: Catalog) -> None:
    csv_text = "题型,题干,答案,解析,知识点\n判断,顾客就是客户吗？,错,两者不同。,\n单选,哪个？,Z,因为。,\n"
    result = import_file("bank.csv", csv_text.encode("gb18030"), shipped, POINT)
    assert [q["answer"] for q in result.questions] == [False]
    messages = [str(p) for p in result.problems]
    assert any(m.startswith("第 3 行") and "“答案”列" in m for m in messages), messages
    assert all(not any(w in m for w in ("should", "Field", "Value error", "Input")) for m in messages)
    broken = import_file("bank.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, shipped)
    assert [p.level for p in broken.problems] == ["error"] and "无法读取旧版 .xls" in str(broken.problems[0])


def test_pydantic_messages_are_chinese() -> None:
    data = _book([["题型", "题干", "答案", "解析"], ["判断", "甲", "对", "甲对。"]])
    result = xlsx.parse(data, {POINT}, default_point=POINT)
    assert str(result.problems[-1]) == "第 2 行：[错误] 题干：太短（至少 2 个字）"


def test_exported_cells_are_text_never_formulas() -> None:
    q = SingleChoice(
        id="t.q1",
        type="single",
        stem="=1+1 算什么？",
        options=("=SUM(A1:A2)", "@x"),
        answer="A",
        explanation="公式不是答案。",
        points=(POINT,),
    )
    data, _ = xlsx.write([q])
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet["C2"].value == "=1+1 算什么？" and sheet["C2"].data_type == "s"
    assert sheet["D2"].data_type == "s"
    back = xlsx.parse(data, {POINT})
    assert back.questions[0]["stem"] == "=1+1 算什么？"


def _xls(
    rows: list[list[object]], styles: dict[tuple[int, int], str] | None = None, merge: tuple[int, ...] = ()
) -> bytes:
    """An old Excel (.xls, BIFF8) book written by xlwt, the way Excel 97-2003 stores it."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("题库")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if merge and (r, c) != (merge[0], merge[2]) and merge[0] <= r <= merge[1] and merge[2] <= c <= merge[3]:
                continue
            fmt = (styles or {}).get((r, c))
            style = xlwt.easyxf(num_format_str=fmt) if fmt else xlwt.Style.default_style
            if merge and (r, c) == (merge[0], merge[2]):
                sheet.write_merge(*merge, value, style)
            elif value is not None:
                sheet.write(r, c, value, style)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_old_excel_xls_is_read_as_the_cells_show(shipped: Catalog) -> None:
    data = _xls(
        [
            ["试题类型", "题目", "A", "B", "C", "正确答案", "答案解析", "难易度", "知识点"],
            ["单选题", "满意度达到多少算达标？", 0.95, 0.9, 0.8, "A", "达标线为 95%。", "易", POINT],
            ["单选", "哪天施行？", datetime.datetime(2018, 9, 26), "另一天", "再一天", "A", "那天施行。", 2, None],
            ["判断题", "客户就是消费者吗？", None, None, None, "错", "两者不同。", 3, None],
            [None, "客户包括内部客户吗？", None, None, None, "对", "包括。", 1, None],
            ["填空题", "常用的协议族是____。", None, None, None, "TCP/IP", "协议族即 TCP/IP。", "一般", None],
            ["多选", "哪些对？", "甲", "乙", 12315, "AB", "甲乙对。", 2, None],
        ],
        {(1, 2): "0%", (1, 3): "0%", (1, 4): "0%", (2, 2): "yyyy/m/d"},
        merge=(3, 4, 0, 0),
    )
    assert data[:8] == xlsx.OLE_MAGIC
    result = import_file("旧题库.xls", data, shipped, POINT)
    assert [str(p) for p in result.errors] == []
    single, dated, judge, judge2, fill, multiple = result.questions
    assert single["options"] == ["95%", "90%", "80%"] and single["difficulty"] == 1
    assert dated["options"][0] == "2018/9/26" and dated["difficulty"] == 2
    assert judge["answer"] is False and judge["difficulty"] == 3
    assert judge2["type"] == "judge" and judge2["answer"] is True  # merged 题型 cell
    assert fill["answer"] == [["TCP/IP"]]
    assert multiple["options"] == ["甲", "乙", "12315"] and multiple["answer"] == ["A", "B"]
    assert all(q["points"] == [POINT] for q in result.questions)


def test_xls_named_xlsx_and_garbage_named_xls_are_handled(shipped: Catalog) -> None:
    data = _xls([["题型", "题干", "答案", "解析"], ["判断", "甲对吗？", "对", "甲对。"]])
    assert [q["answer"] for q in import_file("改了扩展名.xlsx", data, shipped, POINT).questions] == [True]
    modern = _book([["题型", "题干", "答案", "解析"], ["判断", "乙对吗？", "错", "乙错。"]])
    assert [q["answer"] for q in import_file("改了扩展名.xls", modern, shipped, POINT).questions] == [False]
    for junk in (b"", b"PK\x03\x04not a zip", bytes(range(256)) * 10):
        result = import_file("x.xls", junk, shipped, POINT)
        assert result.questions == [] and result.errors, junk[:10]
        for problem in result.problems:  # Chinese, naming products only: no exception names or library text
            assert set(re.findall(r"[A-Za-z]{3,}", str(problem))) <= {"xlsx", "xls", "docx", "Excel", "Office"}
