"""The shared concept and rubric-dimension library of the rule engine."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from source.models import ContentModel
from source.yamlsource import parse_yaml, read_text, validate

LIBRARY_FILE = Path(__file__).with_name("library.yaml")
LIBRARY_VERSION = 2


class Penalty(ContentModel):
    """What a fault costs each time it is committed."""

    score: float = Field(lt=0, description="Points off the total (out of 100), every time")
    dimension: str = Field(description="Rubric dimension it counts against")
    cap: float | None = Field(default=None, ge=0, le=100, description="The total cannot exceed this after it")


class Concept(ContentModel):
    """A named group of synonymous phrases: an act a reply performs, or a fault it commits."""

    label: str = Field(description="Chinese name shown in reports")
    phrases: tuple[str, ...] = Field(min_length=1, description="Phrases; 'A…B' is A then B a few characters later")
    kind: Literal["act", "fault"] = Field(default="act", description="act: earns credit; fault: costs points")
    ask_ok: bool = Field(default=False, description="Still counts when phrased as a question (an offer)")
    effect: dict[str, float] = Field(default_factory=dict, description="Default change of state when performed")
    penalty: Penalty | None = Field(default=None, description="For faults: what it costs each time")

    @model_validator(mode="after")
    def _fault_has_penalty(self) -> Concept:
        if (self.kind == "fault") != (self.penalty is not None):
            raise ValueError("fault 类概念必须有 penalty，act 类概念不能有 penalty")
        return self


class Dimension(ContentModel):
    """A rubric dimension scenarios score on."""

    label: str = Field(description="Chinese name")
    description: str = Field(description="What the dimension rewards, from the chapters")


class Library(ContentModel):
    """Concepts and dimensions shared by every scenario."""

    schema_version: int = Field(description="Schema version")
    concepts: dict[str, Concept] = Field(description="Concepts by name")
    dimensions: dict[str, Dimension] = Field(description="Rubric dimensions by name")

    @field_validator("schema_version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value != LIBRARY_VERSION:
            raise ValueError(f"schema_version 应为 {LIBRARY_VERSION},实际为 {value}")
        return value

    @property
    def faults(self) -> dict[str, Concept]:
        """Fault concepts, penalised in every turn."""
        return {k: c for k, c in self.concepts.items() if c.kind == "fault"}


def load_library(path: Path = LIBRARY_FILE) -> Library:
    """Load the shared library."""
    doc = parse_yaml(read_text(path, path.name), path.name)
    return validate(Library, doc, path.name)
