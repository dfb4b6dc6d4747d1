"""The shared concept and rubric-dimension library of the rule engine."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator

from source.models import ContentModel, check_schema_version
from source.yamlsource import parse_yaml, read_text, validate

LIBRARY_FILE = Path(__file__).with_name("library.yaml")


class Concept(ContentModel):
    """A named group of synonymous phrases."""

    label: str = Field(description="Chinese name shown in reports")
    phrases: tuple[str, ...] = Field(min_length=1, description="Phrases that express the concept")


class Dimension(ContentModel):
    """A rubric dimension scenarios score on."""

    label: str = Field(description="Chinese name")
    description: str = Field(description="What the dimension rewards, from the chapters")


class Library(ContentModel):
    """Concepts and dimensions shared by every scenario."""

    schema_version: int = Field(description="Schema version")
    concepts: dict[str, Concept] = Field(description="Concepts by name")
    dimensions: dict[str, Dimension] = Field(description="Rubric dimensions by name")

    _v = field_validator("schema_version")(check_schema_version)


def load_library(path: Path = LIBRARY_FILE) -> Library:
    """Load the shared library."""
    doc = parse_yaml(read_text(path, path.name), path.name)
    return validate(Library, doc, path.name)
