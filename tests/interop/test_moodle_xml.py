"""Moodle XML: a file written the way Moodle's documentation shows, round trips, hostile input, fuzzing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.catalog import Catalog
from interop import moodle_xml

POINT = "crm-basics.customer-vs-consumer"

MOODLE_DOC = f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/客户管理师/{POINT}</text></category>
  </question>
  <question type="multichoice">
    <name><text>Name of question</text></name>
    <questiontext format="html"><text><![CDATA[<p>What is the answer to this question?</p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Because <b>it is</b>.</p>]]></text></generalfeedback>
    <defaultgrade>1</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <single>true</single>
    <shuffleanswers>1</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <answer fraction="100"><text>The correct answer</text><feedback><text>Correct!</text></feedback></answer>
    <answer fraction="0"><text>A distractor</text><feedback><text>Ooops!</text></feedback></answer>
    <answer fraction="0"><text>Another distractor</text></answer>
  </question>
  <question type="multichoice">
    <name><text>multi</text></name>
    <questiontext format="plain_text"><text>Which two?</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>one</text></answer>
    <answer fraction="50"><text>two</text></answer>
    <answer fraction="-100"><text>three</text></answer>
  </question>
  <question type="truefalse">
    <name><text>tf</text></name>
    <questiontext format="html"><text>The sky is blue.</text></questiontext>
    <answer fraction="100"><text>true</text><feedback><text>Yes</text></feedback></answer>
    <answer fraction="0"><text>false</text><feedback><text>No</text></feedback></answer>
  </question>
  <question type="shortanswer">
    <name><text>sa</text></name>
    <questiontext format="html"><text>Who's buried in Grant's tomb?</text></questiontext>
    <answer fraction="100"><text>Grant</text></answer>
    <answer fraction="100"><text>Ulysses S. Grant</text></answer>
    <answer fraction="50"><text>Ulysses</text></answer>
  </question>
  <question type="matching"><name><text>m</text></name><questiontext><text>Match</text></questiontext></question>
  <question type="numerical"><name><text>n</text></name><questiontext><text>2+2</text></questiontext></question>
  <question type="multianswer"><name><text>c</text></name>
    <questiontext><text>{{1:SA:=x}}</text></questiontext></question>
  <question type="essay"><name><text>e</text></name><questiontext><text>Discuss.</text></questiontext></question>
  <question type="multichoice">
    <name><text>tagged</text></name>
    <questiontext><text>Tagged?</text></questiontext>
    <single>true</single>
    <answer fraction="100"><text>yes</text></answer>
    <answer fraction="0"><text>no</text></answer>
    <tags><tag><text>service-standards.perceived-quality-dimensions</text></tag></tags>
  </question>
</quiz>
"""


def test_moodle_documentation_shapes(shipped: Catalog) -> None:
    result = moodle_xml.parse(MOODLE_DOC, known_points=set(shipped.syllabus.points))
    by_id = {q["id"]: q for q in result.questions}
    assert set(by_id) == {"imported.x0002", "multi", "tf", "tagged"}  # sa has a 50 % answer: refused
    first = by_id["imported.x0002"]  # "Name of question" is not a valid id, so one is made
    assert first["stem"] == "What is the answer to this question?" and first["explanation"] == "Because it is."
    assert first["answer"] == "A" and first["points"] == [POINT]
    assert by_id["multi"]["answer"] == ["A", "B"] and by_id["multi"]["type"] == "multiple"
    assert by_id["tf"]["answer"] is True
    assert by_id["tagged"]["points"] == ["service-standards.perceived-quality-dimensions"]
    messages = [str(p) for p in result.problems]
    for kind in ("配对题", "数值题", "完形", "问答题"):
        assert any(kind in m for m in messages), kind
    assert any("（sa）" in m and "部分得分答案（Ulysses）" in m for m in messages)
    assert any("选项反馈未导入" in m for m in messages)


def test_the_shipped_bank_survives_a_round_trip(shipped: Catalog) -> None:
    questions = list(shipped.questions.values())
    data, skipped = moodle_xml.write(questions)
    assert any("案例分析" in s for s in skipped)
    back = moodle_xml.parse(data, known_points=set(shipped.syllabus.points))
    assert not [p for p in back.problems if p.level == "error"], back.problems[:5]
    by_id = {q["id"]: q for q in back.questions}
    for q in questions:
        if q.type in {"single", "multiple", "judge"}:
            got = by_id[q.id]
            assert (got["type"], got["stem"], got["explanation"]) == (q.type, q.stem, q.explanation)
            assert got["points"] == list(q.points)
            assert got["answer"] == (list(q.answer) if q.type == "multiple" else q.answer)
            if q.type != "judge":
                assert got["options"] == list(q.options) and got["shuffle"] == q.shuffle


def test_hostile_and_broken_xml_get_a_message() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><quiz>&b;</quiz>'
    assert "XML" in str(moodle_xml.parse(bomb).problems[0])
    assert "XML" in str(moodle_xml.parse("<quiz><question").problems[0])
    assert "<quiz>" in str(moodle_xml.parse("<exam/>").problems[0])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<quiz>",
                "</quiz>",
                '<question type="multichoice">',
                '<question type="truefalse">',
                '<question type="shortanswer">',
                "</question>",
                "<answer fraction='100'>",
                "<answer fraction='x'>",
                "</answer>",
                "<text>",
                "</text>",
                "a",
                "true",
                "<single>false</single>",
                "<name>",
                "</name>",
            ]
        ),
        max_size=40,
    )
)
def test_no_input_crashes_the_parser(pieces: list[str]) -> None:
    result = moodle_xml.parse("".join(pieces), default_point=POINT)
    assert all(p.message for p in result.problems)
