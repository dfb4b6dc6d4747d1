"""One way to show a refused action: its kind (or the rule's own words) in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from actions.refusals import LimitReached, Refusal, Stale
from ui import text as T


def message(exc: Refusal) -> str:
    """The Chinese message of a refusal: the rule's own words when it has them, else the kind's."""
    if exc.detail:
        return exc.detail
    for kind in type(exc).__mro__:
        if kind.__name__ in T.REFUSALS:
            return T.REFUSALS[kind.__name__]
    return T.REFUSALS["Refusal"]


def show(exc: Refusal) -> None:
    """Draw a refusal: a warning for a used-up limit or an out-of-date screen, an error otherwise."""
    (st.warning if isinstance(exc, Stale | LimitReached) else st.error)(message(exc))


@contextmanager
def refusals() -> Iterator[None]:
    """Run page code that calls an action; a refusal is drawn as its message instead of an exception."""
    try:
        yield
    except Refusal as exc:
        show(exc)
