"""题库模板.xlsx: round trip of the shipped bank, a row-by-row report, fuzzing."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from catalog.catalog import Catalog
from interop import xlsx


def workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(xlsx.HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_template_has_the_header_and_instructions() -> None:
    book = load_workbook(io.BytesIO(xlsx.template()))
    assert [c.value for c in book["题库"][1]] == xlsx.HEADER
    assert book["填写说明"].max_row == len(xlsx.INSTRUCTIONS) + 1


def test_the_shipped_bank_survives_a_round_trip(shipped: Catalog) -> None:
    questions = list(shipped.questions.values())
    data, skipped = xlsx.write(questions)
    assert len([s for s in skipped if "未导出）" not in s and "导回时" not in s]) == sum(
        q.type in ("case", "skill")
        for q in questions  # one row cannot hold a case or a marking scheme
    )
    back = xlsx.parse(data, known_points=set(shipped.syllabus.points))
    assert not back.problems, back.problems[:5]
    by_id = {q["id"]: q for q in back.questions}
    for q in questions:
        if q.type in ("case", "skill"):
            continue
        original = q.model_dump(mode="json")
        got = by_id[q.id]
        for key in ("type", "stem", "explanation", "points", "difficulty", "answer"):
            assert got[key] == original[key], (q.id, key)
        if q.type == "short":
            assert [(g["label"], g["any"], g.get("weight", 1.0)) for g in got["rubric"]] == [
                (g["label"], g["any"], g["weight"]) for g in original["rubric"]
            ]


def test_bad_rows_are_reported_by_number_and_good_rows_kept(shipped: Catalog) -> None:
    point = "crm-basics.customer-vs-consumer"
    data = workbook(
        [
            ["my.q1", "单选", "哪一个对？", "甲", "乙", None, None, None, None, "B", "因为乙对。", point, 1, None],
            ["my.q2", "问答", "讨论。", None, None, None, None, None, None, "略", "略略", point, 2, None],
            ["my.q3", "单选", "哪一个对？", "甲", "乙", None, None, None, None, "E", "因为乙对。", point, 1, None],
            ["My Q4", "判断", "对吗？", None, None, None, None, None, None, "对", "是的是的", point, 2, None],
            ["my.q5", "判断", "对吗？", None, None, None, None, None, None, "也许", "是的是的", point, 2, None],
            [
                "my.q6",
                "填空",
                "客户创造了____。",
                None,
                None,
                None,
                None,
                None,
                None,
                "市场/需求",
                "客户即市场。",
                "x.y",
                2,
                None,
            ],
            [
                "my.q7",
                "简答",
                "谈谈服务。",
                None,
                None,
                None,
                None,
                None,
                None,
                "要共情",
                "先处理心情。",
                point,
                7,
                None,
            ],
            [
                "my.q8",
                "简答",
                "谈谈服务。",
                None,
                None,
                None,
                None,
                None,
                None,
                "要共情",
                "先处理心情。",
                point,
                2,
                "共情",
            ],
            [None] * 14,
        ]
    )
    result = xlsx.parse(data, known_points=set(shipped.syllabus.points))
    assert [q["id"] for q in result.questions] == ["my.q1", "imported.r0005"]
    report = [str(p) for p in result.problems]
    assert report[0].startswith("第 3 行：[错误] “评分要点”列") and "问答" in report[0]
    assert report[1] == "第 4 行：[错误] 题目：答案 E 不是有效的选项字母"
    assert report[2].startswith("第 5 行：[提示] “编号”列的“My Q4”不是有效编号")
    assert report[3] == "第 6 行：[错误] “答案”列：判断题填 对 或 错，不认识“也许”"
    assert report[4] == "第 7 行：[错误] 未知的知识点编号：x.y"
    assert report[5].startswith("第 8 行：[错误] “难度”列：不认识“7”")
    assert report[6].startswith("第 9 行：[错误] “评分要点”列")
    assert len(report) == 7


def test_files_that_are_not_workbooks_get_a_message() -> None:
    assert "无法读取" in str(xlsx.parse(b"PK\x03\x04 not really").problems[0])
    assert "表头" in str(xlsx.parse(_no_header()).problems[0])


def _no_header() -> bytes:
    book = Workbook()
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.none(),
                st.text(max_size=20),
                st.integers(-5, 9),
                st.sampled_from(["单选", "多选", "判断", "填空", "简答", "A", "AB", "对"]),
            ),
            min_size=14,
            max_size=14,
        ),
        max_size=6,
    )
)
def test_no_rows_crash_the_reader(rows: list[list[object]]) -> None:
    try:
        data = workbook(rows)
    except Exception:  # openpyxl refuses some control characters; that is not our reader's concern
        return
    result = xlsx.parse(data)
    assert all(p.message for p in result.problems)
