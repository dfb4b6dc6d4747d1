"""The trigger test skips a pattern only where it cannot match: shapes found with and without it are the same."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grading import shapes as shapes_module
from grading.shapes import shapes
from grading.text import normalise
from grading.triggers import triggers
from tests.grading.labelled import utterances


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("ab", {frozenset(["ab"])}),
        ("(?:x|yz)w", {frozenset(["x", "yz"]), frozenset("w")}),
        ("还是我(?:是)?", {frozenset(["还是我"])}),
        ("(?i)ab", set()),
        ("a?b", {frozenset("b")}),
        ("[甲乙]+丙*", {frozenset("甲乙")}),
        ("(?<=前)后", {frozenset("后")}),
        ("[^a]", set()),
        ("(a|)b", {frozenset("b")}),
    ],
)
def test_triggers_are_read_from_the_parse_tree(pattern: str, expected: set[frozenset[str]]) -> None:
    assert set(triggers(pattern)) == expected


def _plain(text: str) -> list[object]:
    """Every pattern run on the whole text, no trigger consulted."""
    found = [m for c, p, _, soft in shapes_module._COMPILED for m in shapes_module._matches(text, c, p, soft)]
    return sorted(found)


def test_every_labelled_reply_gives_the_same_shapes_with_and_without_triggers() -> None:
    texts = [normalise(u.text) for u in utterances()]
    assert [shapes(t) for t in texts] == [_plain(t) for t in texts]


# Text made of the characters the patterns are written in, so that near-matches are common.
_ALPHABET = "".join(
    sorted({ch for _, p, _, _ in shapes_module._COMPILED for ch in p.pattern if "\u4e00" <= ch <= "\u9fff"})
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "，。？！ ", min_size=1, max_size=40))
def test_random_text_gives_the_same_shapes_with_and_without_triggers(text: str) -> None:
    assert shapes(text) == _plain(text)


# Text made of whole trigger words and pattern characters, so that words of two or more characters occur often.
_WORDS = sorted({w for _, _, needs, _ in shapes_module._COMPILED for need in needs for w in need if len(w) > 1})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(list(_ALPHABET + "，。？您你是"))), max_size=30))
def test_text_of_trigger_words_gives_the_same_shapes_with_and_without_triggers(parts: list[str]) -> None:
    text = "".join(parts)
    assert shapes(text) == _plain(text)
