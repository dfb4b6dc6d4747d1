"""Practice modes: which questions, in what order."""

from __future__ import annotations

import random
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the course container is above the domains: named for types only
    from catalog.catalog import Catalog


class Mode(StrEnum):
    """How a trainee practises."""

    SEQUENTIAL = "sequential"  # 顺序练习, resumes where it stopped
    RANDOM = "random"  # 随机练习
    MEMORIZE = "memorize"  # 背题模式: answer and explanation shown at once
    WRONG = "wrong"  # 错题本
    FAVORITE = "favorite"  # 收藏
    REVIEW = "review"  # 智能复习 (FSRS)


class Scope(StrEnum):
    """Which part of the bank the first three modes draw from."""

    ALL = "all"
    MODULE = "module"
    CHAPTER = "chapter"
    POINT = "point"


SCOPED = (Mode.SEQUENTIAL, Mode.RANDOM, Mode.MEMORIZE)


def scoped_pool(catalog: Catalog, scope: Scope, value: str | None = None) -> list[str]:
    """Question ids of a scope, in bank order; retired questions are left out."""
    return [q for q in _scoped(catalog, scope, value) if q not in catalog.retired]


def _scoped(catalog: Catalog, scope: Scope, value: str | None) -> list[str]:
    if scope is Scope.MODULE:
        return [q.id for q in catalog.questions.values() if catalog.syllabus.module_of.get(q.points[0]) == value]
    if scope is Scope.CHAPTER:
        chapter = catalog.chapter(value or "")
        taught = {p for s in chapter.sections for p in s.points} if chapter else set()
        return [q.id for q in catalog.questions.values() if taught & set(q.points)]
    if scope is Scope.POINT:
        return list(catalog.questions_by_point.get(value or "", []))
    return list(catalog.questions)


def build_pool(
    mode: Mode,
    catalog: Catalog,
    scope: Scope = Scope.ALL,
    value: str | None = None,
    *,
    seed: int = 0,
    wrong: list[str] | None = None,
    favorites: list[str] | None = None,
    due: list[str] | None = None,
) -> list[str]:
    """The ordered question ids to practise; ids no longer in the bank or retired are dropped."""
    if mode is Mode.WRONG:
        ids = wrong or []
    elif mode is Mode.FAVORITE:
        ids = favorites or []
    elif mode is Mode.REVIEW:
        ids = due or []
    else:
        ids = scoped_pool(catalog, scope, value)
        if mode is Mode.RANDOM:
            random.Random(seed).shuffle(ids)
    return [i for i in ids if i in catalog.questions and i not in catalog.retired]


def scope_key(mode: Mode, scope: Scope, value: str | None) -> str:
    """Key under which a sequential position is stored."""
    return f"{mode}:{scope}:{value or ''}"
