"""Content YAML is read into exactly the data PyYAML's safe loader gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from source.problems import ContentError
from source.yamlsource import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = [
    "a: &x [1, 2]\nb: *x\n",
    "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "a: yes\nb: 1.5\nc: 2026-01-01\nd: null\ne: !!str 12\nf: 0x1f\ng: '1'\nh: ~\ni: 1_000\n",
    "- 题目\n- {id: q1, options: [甲, 乙]}\n- !!binary aGk=\n",
    "key: |\n  多行\n  文本\n",
]


@pytest.mark.parametrize("text", DOCS)
def test_documents_read_as_pyyaml_reads_them(text: str) -> None:
    assert parse_yaml(text, "x.yaml").data == yaml.load(text, Loader=yaml.CSafeLoader)


def test_shipped_content_reads_as_pyyaml_reads_it() -> None:
    files = [*ROOT.glob("quizzes/banks/*.yaml"), *ROOT.glob("scenarios/library/*.yaml"), ROOT / "grading/library.yaml"]
    assert files
    for path in files:
        text = path.read_text("utf-8")
        assert parse_yaml(text, path.name).data == yaml.load(text, Loader=yaml.CSafeLoader), path


def test_an_unhashable_key_is_a_located_problem() -> None:
    with pytest.raises(ContentError):
        parse_yaml("? [1, 2]\n: x\n", "x.yaml")


# Texts where a YAML 1.2 reader and PyYAML (YAML 1.1) can disagree: each must read exactly as PyYAML reads it.
DISAGREEING = [
    "a: yes\nb: on\nc: NO\nd: y\n",
    "k: 1:20\nj: 1:20.5\n",
    "k: 2018-09-26\n",
    "k: 2001-12-14\n  21:59:43.10\nj: '2001-12-14 21:59:43.10'\n",
    "k: 1.5e3\nj: 1e3\ni: 1.5e+3\n",
    "k: 017\nj: 0o17\ni: 0b11\nh: 0x1F\n",
    "k: -.5\nj: +.5\ni: .5\nh: 5.\n",
    "k: 1_000\nj: 1_0.5\n",
    "k: '12315'\nj: 12315\n",
    'k: "24"\nt: 第 24 小时\nu: 在 24\n',
    "k: \"24\"\nl: [24, '24']\n",
    "k: '0.10'\nm: {a: 0.10}\n",
    "k: =\n",
    "<<: {a: 1}\nb: 2\n",
    "k: !!str 12\nj: !!int '12'\n",
    "\ufeffk: v\n",
    "k: |\n  line\u2028x\n",
    'k: "a\\u2028b"\n',
    "---\nk: v\n---\nj: w\n",
    "%YAML 1.1\n---\nk: v\n",
    "k: .inf\nj: -.INF\ni: .NaN\n",
    "k: null\nj: ~\ni:\nh: Null\n",
    "k: 'yes'\nj: \"no\"\n",
    "- 'on'\n- off\n",
    "k: [a, 'b', \"c\", 1, 2.5, true]\n",
    "k: >\n  折叠\n  文本\n\n  新段\n",
    'k: "双引号\\t转义\\n换行"\n',
    "k: v # 注释\nj: 'it''s'\n",
]


def _pyyaml(text: str) -> object:
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return "error"


def _ours(text: str) -> object:
    try:
        return parse_yaml(text, "x.yaml").data
    except ContentError:
        return "error"


@pytest.mark.parametrize("text", DISAGREEING)
def test_texts_read_differently_by_yaml_12_read_as_pyyaml_reads_them(text: str) -> None:
    expected = _pyyaml(text)
    got = _ours(text)
    assert repr(got) == repr(expected)  # repr: nan is not equal to itself
    assert type(got) is type(expected)
    if isinstance(expected, dict):
        assert {k: type(v) for k, v in got.items()} == {k: type(v) for k, v in expected.items()}  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["'1': a\n1: b\n", "true: a\n'true': b\n", "a: 1\n'a': 2\n"])
def test_keys_written_alike_are_duplicates_whatever_their_type(text: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "x.yaml")
    assert [p.line for p in caught.value.problems] == [2]


def test_a_duplicate_key_is_reported_with_its_line_by_the_fast_reader_too() -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml("questions:\n  - id: a\n    stem: x\n    stem: y\n", "x.yaml")
    assert [(p.line, p.field) for p in caught.value.problems] == [(4, "stem")]


def test_lines_of_a_fast_read_document_are_found_when_asked() -> None:
    doc = parse_yaml("id: b\nquestions:\n  - id: q1\n    stem: 题干\n  - id: q2\n    stem: 另一题\n", "x.yaml")
    assert doc.line_of(["questions", 1, "stem"]) == 6
    assert doc.with_data({"questions": []}).line_of(["questions", 0, "id"]) == 3
