"""Chapter and section models."""

from __future__ import annotations

from pydantic import Field, field_validator

from source.models import ContentModel, check_points, check_schema_version

CHARS_PER_MINUTE = 400


class SectionMeta(ContentModel):
    """Front-matter entry of one section."""

    points: tuple[str, ...] = Field(min_length=1, description="Knowledge-point ids the section teaches")

    _p = field_validator("points")(check_points)


class ChapterMeta(ContentModel):
    """Front matter of a chapter file."""

    schema_version: int = Field(description="Schema version of the chapter format")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Chapter id")
    module: str = Field(description="Syllabus module id")
    order: int = Field(ge=0, description="Position of the chapter within its module")
    title: str = Field(min_length=1, description="Chapter title")
    summary: str = Field(default="", description="One-paragraph overview")
    sections: dict[str, SectionMeta] = Field(description="Section id -> metadata, in body order")

    _v = field_validator("schema_version")(check_schema_version)


class Section(ContentModel):
    """One section of a chapter: the unit a trainee reads and marks done."""

    id: str = Field(description="Section id, unique across the course")
    chapter_id: str = Field(description="Owning chapter")
    title: str = Field(description="Section title")
    points: tuple[str, ...] = Field(description="Knowledge points taught")
    body: str = Field(description="Markdown body")
    line: int = Field(description="Line of the section heading in its file")

    @property
    def reading_minutes(self) -> int:
        """Estimated reading time in whole minutes (at least one)."""
        return max(1, round(len(self.body) / CHARS_PER_MINUTE))


class Chapter(ContentModel):
    """A chapter: ordered sections within a syllabus module."""

    id: str
    module: str
    order: int
    title: str
    summary: str
    intro: str
    sections: tuple[Section, ...]
    file: str


class GlossaryTerm(ContentModel):
    """One entry of the 术语表."""

    term: str = Field(min_length=1, description="The term")
    english: str = Field(default="", description="English name, if the field uses one")
    definition: str = Field(min_length=4, description="A short definition in Chinese")
    points: tuple[str, ...] = Field(min_length=1, description="Knowledge points where it is taught")

    _p = field_validator("points")(check_points)


class Glossary(ContentModel):
    """The course glossary."""

    schema_version: int = Field(description="Schema version")
    terms: tuple[GlossaryTerm, ...] = Field(min_length=1, description="Entries")

    _v = field_validator("schema_version")(check_schema_version)
