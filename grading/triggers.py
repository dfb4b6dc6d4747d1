"""Characters a pattern cannot match without: a cheap test that skips most patterns on most texts.

Read from the pattern's own parse tree, so the test can never drift from the pattern: an item of the pattern's
top-level sequence that must match (a literal, a class of literals, a group or alternation whose every branch
has such an item, a repeat of at least one) gives the characters one of which must occur in any match.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The standard library's own regular-expression parser (private modules, not typed).
_p: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

# Characters in nearly every reply: a set holding one of them says little.
_COMMON = frozenset("您你我们是的了不没有在就都也还这那个一他她")


def _weight(chars: frozenset[str]) -> int:
    return sum(10 if ch in _COMMON else 1 for ch in chars)


def _item(op: Any, av: Any) -> frozenset[str] | None:
    """Characters one of which this item must match, or None when it may match nothing or anything."""
    if op is _c.LITERAL:
        return frozenset(chr(av))
    if op is _c.IN:
        if all(kind is _c.LITERAL for kind, _ in av):
            return frozenset(chr(v) for _, v in av)
        return None
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            chars = _sequence(branch)
            if chars is None:
                return None
            out |= chars
        return frozenset(out)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, _, body = av
        return _sequence(body) if low >= 1 else None
    return None  # anchors, look-arounds, back-references, any character, categories


def _sequence(seq: Any) -> frozenset[str] | None:
    """The most telling required set among the items of a sequence (None if no item is required)."""
    best: frozenset[str] | None = None
    for chars in _required(seq):
        if best is None or _weight(chars) < _weight(best):
            best = chars
    return best


def _required(seq: Any) -> list[frozenset[str]]:
    """Every required set among the items of a sequence."""
    return [chars for op, av in seq if (chars := _item(op, av)) is not None]


def triggers(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of characters: every match of the pattern contains one character of each set."""
    return tuple(sorted(set(_required(_p.parse(pattern))), key=_weight))


def compile_with_triggers(pattern: str) -> tuple[re.Pattern[str], tuple[frozenset[str], ...]]:
    """The compiled pattern and its trigger characters."""
    return re.compile(pattern), triggers(pattern)
