"""Option order per attempt: a seeded permutation, with answers mapped back to the bank's letters."""

from __future__ import annotations

import random

from quizzes.models import LETTERS, ChoiceBase


def option_order(question: ChoiceBase, seed: int) -> list[int]:
    """Display position -> index of the option in the bank. Same question and seed, same order."""
    order = list(range(len(question.options)))
    if question.shuffle:
        random.Random(f"{seed}:{question.id}").shuffle(order)
    return order


def to_bank_letters(displayed: list[str], order: list[int]) -> list[str]:
    """Letters the trainee picked on screen -> letters of the bank's key."""
    return [LETTERS[order[LETTERS.index(d)]] for d in displayed if d in LETTERS[: len(order)]]


def to_displayed_letters(bank: list[str], order: list[int]) -> list[str]:
    """Letters of the bank -> the letters shown on screen, sorted."""
    return sorted(LETTERS[order.index(LETTERS.index(b))] for b in bank if b in LETTERS[: len(order)])
