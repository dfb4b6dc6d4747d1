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
