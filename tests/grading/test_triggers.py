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
        ("ab", {frozenset("a"), frozenset("b")}),
        ("(?:x|yz)w", {frozenset("xy"), frozenset("w")}),
        ("a?b", {frozenset("b")}),
        ("[甲乙]+丙*", {frozenset("甲乙")}),
        ("(?<=前)后", {frozenset("后")}),
        ("[^a]", set()),
        ("(a|)b", {frozenset("b")}),
    ],
)
def test_triggers_are_read_from_the_parse_tree(pattern: str, expected: set[frozenset[str]]) -> None:
    assert set(triggers(pattern)) == expected


def _unfiltered(text: str, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    with monkeypatch.context() as m:
        m.setattr(shapes_module, "_COMPILED", tuple((c, p, (), soft) for c, p, _, soft in shapes_module._COMPILED))
        return list(shapes(text))


def test_every_labelled_reply_gives_the_same_shapes_with_and_without_triggers(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [normalise(u.text) for u in utterances()]
    assert [shapes(t) for t in texts] == [_unfiltered(t, monkeypatch) for t in texts]


# Text made of the characters the patterns are written in, so that near-matches are common.
_ALPHABET = "".join(
    sorted({ch for _, p, _, _ in shapes_module._COMPILED for ch in p.pattern if "\u4e00" <= ch <= "\u9fff"})
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "，。？！ ", min_size=1, max_size=40))
def test_random_text_gives_the_same_shapes_with_and_without_triggers(text: str) -> None:
    with pytest.MonkeyPatch.context() as m:
        expected = shapes(text)
        m.setattr(shapes_module, "_COMPILED", tuple((c, p, (), soft) for c, p, _, soft in shapes_module._COMPILED))
        assert shapes(text) == expected
