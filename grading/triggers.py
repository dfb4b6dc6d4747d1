"""Words a pattern cannot match without: a cheap test that skips most patterns on most texts.

Read from the pattern's own parse tree, so the test can never drift from the pattern: an item of the pattern's
top-level sequence that must match (a run of literals, a class of literals, a group or alternation whose every
branch has such an item, a repeat of at least one) gives the strings one of which must occur in any match.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The standard library's own regular-expression parser (private modules, not typed).
_p: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

# Characters in nearly every reply: a set of them says little.
_COMMON = frozenset("您你我们是的了不没有在就都也还这那个一他她")


def _weight(words: frozenset[str]) -> int:
    """How often one of these words is likely in a reply (lower is rarer): common characters count most."""
    return sum(10 if set(w) <= _COMMON else 3 if len(w) == 1 else 1 for w in words)


def _item(op: Any, av: Any) -> frozenset[str] | None:
    """Strings one of which this item must match, or None when it may match nothing or anything."""
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
            words = _sequence(branch)
            if words is None:
                return None
            out |= words
        return frozenset(out)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, _, body = av
        return _sequence(body) if low >= 1 else None
    return None  # anchors, look-arounds, back-references, any character, categories


def _sequence(seq: Any) -> frozenset[str] | None:
    """The most telling required set among the items of a sequence (None if no item is required)."""
    best: frozenset[str] | None = None
    for words in _required(seq):
        if best is None or _weight(words) < _weight(best):
            best = words
    return best


def _required(seq: Any) -> list[frozenset[str]]:
    """Every required set among the items of a sequence; adjacent literals make one word ("还是我")."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in seq:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset(["".join(run)]))
            run = []
        if (words := _item(op, av)) is not None:
            out.append(words)
    if run:
        out.append(frozenset(["".join(run)]))
    return out


def triggers(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of strings, the most telling first: every match of the pattern contains one string of each set."""
    parsed = _p.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return ()  # literals would have to be read without case: no trigger is given
    return tuple(sorted(set(_required(parsed)), key=lambda s: (_weight(s), sorted(s))))


def compile_with_triggers(pattern: str) -> tuple[re.Pattern[str], tuple[frozenset[str], ...]]:
    """The compiled pattern and its triggers."""
    return re.compile(pattern), triggers(pattern)
