"""The syllabus: modules and their knowledge points."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from source.models import ContentModel, check_schema_version
from source.yamlsource import parse_yaml, read_text, validate

SYLLABUS_FILE = Path(__file__).with_name("syllabus.yaml")


class Point(ContentModel):
    """A knowledge point (鉴定要素)."""

    id: str = Field(description="Stable id, '<module>.<slug>'")
    title: str = Field(description="Chinese title of the point")
    depth: Literal["full", "outline"] = Field(description="'outline' when the source gives only a heading")


class Module(ContentModel):
    """A syllabus module grouping knowledge points."""

    id: str = Field(description="Module id")
    title: str = Field(description="Chinese title")
    points: tuple[Point, ...] = Field(description="Knowledge points of the module")


class Syllabus(ContentModel):
    """All modules of the qualification."""

    schema_version: int = Field(description="Schema version of this file")
    modules: tuple[Module, ...] = Field(description="Modules in teaching order")

    _v = field_validator("schema_version")(check_schema_version)

    @cached_property
    def points(self) -> dict[str, Point]:
        """Every point by id."""
        return {p.id: p for m in self.modules for p in m.points}

    @cached_property
    def module_of(self) -> dict[str, str]:
        """Module id of each point id."""
        return {p.id: m.id for m in self.modules for p in m.points}

    @cached_property
    def module_titles(self) -> dict[str, str]:
        """Title of each module by id."""
        return {m.id: m.title for m in self.modules}

    def module(self, module_id: str) -> Module | None:
        """The module with this id, if any."""
        return next((m for m in self.modules if m.id == module_id), None)


def load_syllabus(path: Path = SYLLABUS_FILE) -> Syllabus:
    """Load and validate the syllabus file."""
    doc = parse_yaml(read_text(path, path.name), path.name)
    return validate(Syllabus, doc, path.name)
