"""Leaderboard rows for a live quiz, as a table."""

from __future__ import annotations

from typing import Any

from classroom.live import Standing
from ui import text as T


def board_rows(rows: list[Standing]) -> list[dict[str, object]]:
    """Rank, name, points, right answers and answers, one dict per row."""
    cols = T.LIVE_BOARD_COLUMNS
    return [
        {
            cols["rank"]: n,
            cols["name"]: r.name,
            cols["points"]: r.points,
            cols["correct"]: r.correct,
            cols["answered"]: r.answered,
        }
        for n, r in enumerate(rows, start=1)
    ]


def score_text(value: float | None) -> str:
    """A score, or a dash when there is none yet."""
    return "—" if value is None else f"{value:g}"


def show_board(where: Any, rows: list[Standing], empty: str) -> None:
    """A leaderboard as a table, or a sentence saying why it is empty (never an empty grid)."""
    if rows:
        where.dataframe(board_rows(rows), hide_index=True, width="stretch")
    else:
        where.caption(empty)
