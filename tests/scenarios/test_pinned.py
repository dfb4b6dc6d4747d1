"""A scenario's choice options are read once when its engine is built; those readings equal fresh ones."""

from __future__ import annotations

from catalog.catalog import ContentRoots, load_catalog
from grading.text import forget
from scenarios.runner import build_engine


def test_pinned_choice_readings_equal_fresh_ones() -> None:
    cat = load_catalog(ContentRoots.shipped())
    for sc in cat.scenarios.values():
        engine = build_engine(sc, cat.library)
        options = [c.text for n in sc.nodes.values() if n.turn is not None for c in n.turn.choices]
        pinned = [engine.matcher.read(t) for t in options]
        engine.matcher._pinned.clear()
        engine.matcher.forget()
        forget()
        assert [engine.matcher.read(t) for t in options] == pinned
