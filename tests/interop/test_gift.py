"""GIFT: the examples of Moodle's own documentation, round trips of the shipped bank, and fuzzing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.catalog import Catalog
from interop import gift

POINT = "crm-basics.customer-vs-consumer"

# Written the way Moodle's GIFT documentation shows them.
MOODLE_DOC = """// true-false
::Q1:: 1+1=2 {T}

// multiple choice with specified feedback for right and wrong answers
::Q2:: What's between orange and green in the spectrum?
{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }

// fill-in-the-blank
::Q3:: Two plus {=two =2} equals four.

// matching
::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }

// math range question
::Q5:: What is a number from 1 to 5? {#3:2}

// multiple numeric answers with partial credit and feedback
::Q7:: When was Ulysses S. Grant born? {#
         =1822:0      # Correct! Full credit.
         =%50%1822:2  # He was born in 1822. Half credit for being close.
}

// essay
::Q8:: How are you? {}

$CATEGORY: $course$/客户管理师/crm-basics.customer-vs-consumer

::Q9:: What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant
   ~%50%Grant's wife
   ~%-100%Grant's father
####Grant and his wife share the tomb.}

::Q10:: Escaped \\{braces\\} and a colon\\: here {=yes ~no}
"""


def test_moodle_documentation_examples() -> None:
    result = gift.parse(MOODLE_DOC, default_point=POINT)
    by_id = {q["id"]: q for q in result.questions}
    assert set(by_id) == {"q1", "q2", "q3", "q9", "q10"}
    assert by_id["q1"]["type"] == "judge" and by_id["q1"]["answer"] is True
    assert by_id["q2"]["type"] == "single" and by_id["q2"]["options"] == ["yellow", "red", "blue"]
    assert by_id["q2"]["answer"] == "A" and by_id["q2"]["explanation"] == "right; good!"
    assert by_id["q3"] == {
        **by_id["q3"],
        "type": "fill",
        "stem": "Two plus ____ equals four.",
        "answer": [["two", "2"]],
    }
    assert by_id["q9"]["type"] == "multiple" and by_id["q9"]["answer"] == ["B", "C"]
    assert by_id["q9"]["explanation"] == "Grant and his wife share the tomb."
    assert by_id["q10"]["stem"] == "Escaped {braces} and a colon: here"
    unsupported = {p.where: p.message for p in result.problems if p.level == "unsupported"}
    assert any("配对" in m for m in unsupported.values())
    assert sum("数值" in m for m in unsupported.values()) == 2
    assert any("问答题" in m for m in unsupported.values())
    assert any("选项反馈" in p.message for p in result.problems if p.level == "warning")


def test_a_question_without_a_knowledge_point_is_an_error_with_its_line() -> None:
    result = gift.parse("::a:: 对吗？{T}\n")
    assert [str(p) for p in result.problems] == ["第 1 行（a）：[错误] 没有知识点编号：请用分类名、标签或 --point 指定"]


def test_the_shipped_bank_survives_a_round_trip(shipped: Catalog) -> None:
    questions = list(shipped.questions.values())
    text, skipped = gift.write(questions)
    assert any("案例分析" in s for s in skipped) and any("简答" in s for s in skipped)
    back = gift.parse(text, known_points=set(shipped.syllabus.points))
    assert not [p for p in back.problems if p.level == "error"], back.problems[:5]
    by_id = {q["id"]: q for q in back.questions}
    compared = 0
    for q in questions:
        if q.type in {"single", "multiple", "judge"} or (q.type == "fill" and len(q.answer) == 1):
            got = by_id[q.id]
            assert got["type"] == q.type and got["points"] == [q.points[0]], q.id
            assert got["explanation"] == q.explanation
            expected = list(q.answer) if q.type == "multiple" else q.answer
            if q.type == "fill":
                expected = [list(q.answer[0])]
            assert got["answer"] == expected, q.id
            if q.type in {"single", "multiple"}:
                assert got["options"] == list(q.options) and got["stem"] == q.stem
            compared += 1
    assert compared > 700


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}=~#%:$\\/-> \nTFab中文1.")), max_size=200))
def test_no_input_crashes_the_parser(text: str) -> None:
    result = gift.parse(text, default_point=POINT)
    assert all(p.message for p in result.problems)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_no_unicode_input_crashes_the_parser(text: str) -> None:
    gift.parse(text, default_point=POINT)
