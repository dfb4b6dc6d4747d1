"""Import cases built the way Moodle's own importer tests are: one construct each, with its expected result."""

from __future__ import annotations

from interop import gift, moodle_xml

POINT = "crm-basics.customer-vs-consumer"


def _gift(text: str) -> tuple[list[dict], list[str]]:
    result = gift.parse(text, POINT)
    return result.questions, [str(p) for p in result.problems]


def test_single_choice_with_a_half_credit_distractor_is_refused_not_rekeyed() -> None:
    questions, messages = _gift("::Q1:: Pick {~wrong#no ~%50%half credit answer#half =full credit answer#yes}\n")
    assert questions == []
    assert any("第 1 行（Q1）" in m and "部分得分" in m and "B 50%" in m for m in messages)


def test_frog_with_half_and_zero_credit_is_refused() -> None:
    questions, messages = _gift("::Frog:: Which animal? {=Frog ~%50%Cat ~%0%Dog}\n")
    assert questions == [] and any("（Frog）" in m and "已跳过" in m for m in messages)


def test_weighted_multiple_answer_keeps_weights_and_partial_scoring() -> None:
    questions, messages = _gift("::Mul:: Pick two {~%50%alpha ~%50%beta ~%-100%gamma ####both alpha and beta}\n")
    q = questions[0]
    assert q["type"] == "multiple" and q["answer"] == ["A", "B"]
    assert q["scoring"] == "partial" and q["weights"] == {"A": 0.5, "B": 0.5, "C": -1.0}
    assert q["explanation"] == "both alpha and beta"
    assert any("按选项权重部分得分" in m for m in messages)


def test_weights_not_summing_to_full_credit_are_refused() -> None:
    questions, messages = _gift("::W:: Pick {~%50%a ~%25%b ~%0%c}\n")
    assert questions == [] and any("之和不是 100" in m for m in messages)


def test_explanation_never_comes_from_a_wrong_answers_feedback() -> None:
    questions, messages = _gift("::E:: Colour? {~red#wrong, it is yellow =yellow ~blue#wrong again}\n")
    assert questions[0]["explanation"] != "wrong, it is yellow"
    assert any("wrong, it is yellow" in m and "未导入" in m for m in messages)


def test_format_tags_are_stripped_and_reported() -> None:
    questions, messages = _gift("::F:: [markdown]Which colour? {~[plain]blue =[plain]red ####[markdown]Red it is.}\n")
    q = questions[0]
    assert q["stem"].startswith("Which colour?") and q["options"] == ["blue", "red"]
    assert q["explanation"] == "Red it is."
    assert any("[markdown]" in m for m in messages) and any("[plain]" in m for m in messages)


def test_html_is_converted_with_a_notice() -> None:
    questions, messages = _gift("::H:: [html]<p>Is <b>this</b> &amp; that right?</p> {T ####<i>Yes</i> it is.}\n")
    assert questions[0]["stem"] == "Is this & that right?"
    assert any("HTML" in m for m in messages)


def test_same_names_get_unique_ids_and_both_are_kept() -> None:
    questions, messages = _gift("::q8:: One plus one is two {T}\n\n::q8:: Two plus two is five {F}\n")
    assert [q["id"] for q in questions] == ["q8", "q8-2"]
    assert any("第 3 行（q8）" in m and "q8-2" in m for m in messages)


def test_gift_image_is_refused_per_question() -> None:
    questions, messages = _gift('::I:: [html]<img src="@@PLUGINFILE@@/cat.png"> What is this? {=cat ~dog}\n')
    assert questions == [] and any("（I）" in m and "图片" in m for m in messages)


def test_escaped_specials_in_options() -> None:
    questions, _ = _gift(r"::S:: Which is a pair? {=a\=b ~c\~d ~e\#f ~\{g\}}" + "\n")
    assert questions[0]["options"] == ["a=b", "c~d", "e#f", "{g}"]


XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?><quiz>'


def _xml_bytes(data: bytes) -> tuple[list[dict], list[str]]:
    result = moodle_xml.parse(data, POINT)
    return result.questions, [str(p) for p in result.problems]


def _xml(body: str) -> tuple[list[dict], list[str]]:
    result = moodle_xml.parse(XML_HEAD + body + "</quiz>", POINT)
    return result.questions, [str(p) for p in result.problems]


def test_multichoice_without_single_is_single_as_in_moodle() -> None:
    questions, _ = _xml(
        '<question type="multichoice"><name><text>m1</text></name>'
        "<questiontext><text>Pick one</text></questiontext>"
        '<answer fraction="100"><text>yes</text></answer><answer fraction="0"><text>no</text></answer></question>'
    )
    assert questions[0]["type"] == "single" and questions[0]["answer"] == "A"


def test_multichoice_single_zero_is_multiple() -> None:
    questions, _ = _xml(
        '<question type="multichoice"><name><text>m2</text></name>'
        "<questiontext><text>Pick two</text></questiontext><single>0</single>"
        '<answer fraction="50"><text>a</text></answer><answer fraction="50"><text>b</text></answer>'
        '<answer fraction="-50"><text>c</text></answer></question>'
    )
    q = questions[0]
    assert q["type"] == "multiple" and q["weights"] == {"A": 0.5, "B": 0.5, "C": -0.5}


def test_audio_question_is_refused_with_its_name() -> None:
    questions, messages = _xml(
        '<question type="multichoice"><name><text>lang</text></name>'
        '<questiontext format="html"><text><![CDATA[<p>What language is being spoken?</p>'
        '<audio src="@@PLUGINFILE@@/a.mp3"></audio>]]></text><file name="a.mp3" encoding="base64">AAAA</file>'
        '</questiontext><answer fraction="100"><text>French</text></answer>'
        '<answer fraction="0"><text>German</text></answer></question>'
    )
    assert questions == [] and any("（lang）" in m and "附件文件" in m for m in messages)


def test_xml_single_with_partial_fraction_is_refused() -> None:
    questions, messages = _xml(
        '<question type="multichoice"><name><text>p</text></name><questiontext><text>Pick</text></questiontext>'
        '<answer fraction="100"><text>a</text></answer><answer fraction="50"><text>b</text></answer></question>'
    )
    assert questions == [] and any("部分得分" in m for m in messages)


def test_xml_names_made_unique() -> None:
    q = (
        '<question type="truefalse"><name><text>Q8</text></name><questiontext><text>Right?</text></questiontext>'
        '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>'
        "</question>"
    )
    questions, _ = _xml(q + q)
    assert [x["id"] for x in questions] == ["q8", "q8-2"]


# --- names kept as titles ------------------------------------------------------------------------------------


def test_gift_names_are_kept_as_titles_and_written_back() -> None:
    from pydantic import TypeAdapter

    from quizzes.models import Question

    questions, _ = _gift(
        "::Q8:: One plus one is two {T}\n\n::Q8:: Two plus two is five {F}\n\n"
        "::客户 类型 \\: 第1题:: 内部客户也是客户吗？ {T}\n\n::q9:: 已是编号的名称 {T}\n\nNo name here {T}\n"
    )
    assert [q["id"] for q in questions] == ["q8", "q8-2", "imported.q0003", "q9", "imported.q0005"]
    assert [q.get("title") for q in questions] == ["Q8", "Q8", "客户 类型 : 第1题", None, None]
    models = [TypeAdapter(Question).validate_python(q) for q in questions]
    text, notes = gift.write(models)
    assert text.count("::Q8::") == 2 and "::客户 类型 \\: 第1题::" in text and "::q9::" in text
    assert any(n.startswith("q8-2：") and "编号" in n for n in notes)
    again, _ = _gift(text)
    assert [(q["id"], q.get("title")) for q in again] == [(m.id, m.title) for m in models]


def test_xml_names_are_titles_and_the_idnumber_keeps_the_id() -> None:
    from pydantic import TypeAdapter

    from quizzes.models import Question

    q = (
        '<question type="truefalse"><name><text>  Q8  第一题 </text></name>'
        "<questiontext><text>Right?</text></questiontext>"
        '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>'
        "</question>"
    )
    questions, _ = _xml(q + q.replace("Right?", "Wrong?"))
    assert [x.get("title") for x in questions] == ["Q8 第一题", "Q8 第一题"]
    models = [TypeAdapter(Question).validate_python(x) for x in questions]
    data, _ = moodle_xml.write(models)
    back, _ = _xml_bytes(data)
    assert [(x["id"], x.get("title")) for x in back] == [(m.id, m.title) for m in models]


def test_sheet_name_column_round_trips() -> None:
    from pydantic import TypeAdapter

    from interop import xlsx
    from quizzes.models import Question

    model = TypeAdapter(Question).validate_python(
        {
            "id": "a.b",
            "title": "Moodle 名称 1",
            "type": "judge",
            "stem": "甲对吗？",
            "answer": True,
            "explanation": "甲对。",
            "points": [POINT],
        }
    )
    data, _ = xlsx.write([model])
    back = xlsx.parse(data, {POINT})
    assert back.questions[0]["title"] == "Moodle 名称 1" and back.questions[0]["id"] == "a.b"


# --- short answers: Moodle's wildcard and case ------------------------------------------------------------------


def test_gift_short_answer_wildcard_is_refused_not_taken_literally() -> None:
    questions, messages = _gift("::W:: 首都是哪里？ {=北京* =Beijing}\n")
    assert questions == [] and any("（W）" in m and "通配符" in m for m in messages)


def test_xml_short_answer_wildcard_refused_and_case_sensitivity_reported() -> None:
    wild = (
        '<question type="shortanswer"><name><text>w</text></name><questiontext><text>首都是哪里？</text>'
        '</questiontext><answer fraction="100"><text>*京</text></answer></question>'
    )
    case = (
        '<question type="shortanswer"><name><text>c</text></name><questiontext><text>首都的英文？</text>'
        '</questiontext><usecase>1</usecase><answer fraction="100"><text>Beijing</text></answer></question>'
    )
    questions, messages = _xml(wild + case)
    assert [q["id"] for q in questions] == ["c"]
    assert any("（w）" in m and "通配符" in m for m in messages)
    assert any("（c）" in m and "区分大小写" in m for m in messages)


def test_a_literal_asterisk_in_an_accepted_answer_survives_both_moodle_formats() -> None:
    from pydantic import TypeAdapter

    from quizzes.models import Question

    q = TypeAdapter(Question).validate_python(
        {
            "id": "star.q1",
            "type": "fill",
            "stem": "乘号在程序里写作____。",
            "answer": [["*", "星号"]],
            "explanation": "程序里用星号表示乘。",
            "points": [POINT],
        }
    )
    text, _ = gift.write([q])
    data, _ = moodle_xml.write([q])
    assert "\\\\*" in text and "\\*" in data.decode()
    for back in (gift.parse(text, POINT), moodle_xml.parse(data, POINT)):
        assert [x["answer"] for x in back.questions] == [[["*", "星号"]]]
