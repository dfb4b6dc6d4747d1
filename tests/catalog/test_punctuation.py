"""Half-width punctuation in Chinese text becomes full-width; YAML and code stay intact."""

from __future__ import annotations

import yaml

from catalog.punctuation import tidy_python, to_full_width


def test_chinese_sentences_get_full_width_marks() -> None:
    assert (
        to_full_width("你好,世界!真的吗?是:对;(括号)")
        == "你好\uff0c世界\uff01真的吗\uff1f是\uff1a对\uff1b\uff08括号\uff09"
    )


def test_yaml_structure_survives() -> None:
    text = "options: [甲, 乙]\ntext: 你这是什么态度?{a: 1}\n- {speaker: 王女士, text: 好的,谢谢}\n"
    fixed = to_full_width(text)
    assert "[甲, 乙]" in fixed
    assert "{speaker: 王女士, text: 好的\uff0c谢谢}" in fixed
    assert yaml.safe_load(to_full_width("a: [甲, 乙]\nb: 你好,世界")) == {"a": ["甲", "乙"], "b": "你好\uff0c世界"}


def test_python_code_outside_strings_is_untouched() -> None:
    source = 'x = ("演示学员", "trainee")\ny = "好的,谢谢"\n'
    assert tidy_python(source) == 'x = ("演示学员", "trainee")\ny = "好的\uff0c谢谢"\n'
