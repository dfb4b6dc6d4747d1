"""Shared pydantic bases and validators for content models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo

SCHEMA_VERSION = 1


class ContentModel(BaseModel):
    """Immutable content object; unknown fields are rejected so typos surface. Validators are built on first
    use, so a course read back from the warm cache does not pay for building them."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def check_points(ids: list[str], info: ValidationInfo) -> list[str]:
    """Reject knowledge-point ids that the syllabus does not define."""
    known: Any = (info.context or {}).get("points")
    if known is not None:
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise ValueError(f"知识点编号不在大纲中: {', '.join(unknown)}")
    return ids


def check_schema_version(value: int) -> int:
    """Accept only the schema version this code reads."""
    if value != SCHEMA_VERSION:
        raise ValueError(f"schema_version 应为 {SCHEMA_VERSION},实际为 {value}")
    return value
