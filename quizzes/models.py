"""Question, bank and exam-blueprint models."""

from __future__ import annotations

import string
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from source.models import ContentModel, check_points, check_schema_version

LETTERS = string.ascii_uppercase[:8]

QuestionType = Literal["single", "multiple", "judge", "fill", "short", "case"]


class QuestionBase(ContentModel):
    """Fields every question has."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$", description="Stable id, unique across banks")
    stem: str = Field(min_length=2, description="Question text")
    explanation: str = Field(min_length=2, description="解析: teaches why the answer is right")
    points: tuple[str, ...] = Field(min_length=1, description="Knowledge-point ids tested")
    difficulty: int = Field(default=2, ge=1, le=5, description="1 easy .. 5 hard")

    _p = field_validator("points")(check_points)


class ChoiceBase(QuestionBase):
    """A question with lettered options."""

    options: tuple[str, ...] = Field(min_length=2, max_length=8, description="Options, lettered A, B, ...")
    shuffle: bool = Field(default=True, description="Shuffle options per attempt; false for '以上都…' options")

    @field_validator("options")
    @classmethod
    def _distinct(cls, options: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(options)) != len(options):
            raise ValueError("选项有重复")
        return options

    def letter_ok(self, letter: str) -> bool:
        """Whether a letter names one of the options."""
        return letter in LETTERS[: len(self.options)]


class SingleChoice(ChoiceBase):
    """单选题."""

    type: Literal["single"]
    answer: str = Field(description="Letter of the correct option")

    @model_validator(mode="after")
    def _key(self) -> SingleChoice:
        if not self.letter_ok(self.answer):
            raise ValueError(f"答案 {self.answer} 不是有效的选项字母")
        return self


class MultipleChoice(ChoiceBase):
    """多选题: every correct option and no other earns the score."""

    type: Literal["multiple"]
    answer: tuple[str, ...] = Field(min_length=2, description="Letters of all correct options")

    @model_validator(mode="after")
    def _key(self) -> MultipleChoice:
        bad = [a for a in self.answer if not self.letter_ok(a)]
        if bad:
            raise ValueError(f"答案 {', '.join(bad)} 不是有效的选项字母")
        if len(set(self.answer)) != len(self.answer):
            raise ValueError("答案字母有重复")
        return self


class Judge(QuestionBase):
    """判断题."""

    type: Literal["judge"]
    answer: bool = Field(description="true if the statement is right")


class Fill(QuestionBase):
    """填空题: one list of accepted answers per blank (marked ____ in the stem)."""

    type: Literal["fill"]
    answer: tuple[tuple[str, ...], ...] = Field(min_length=1, description="Accepted answers per blank")

    @model_validator(mode="after")
    def _blanks(self) -> Fill:
        blanks = self.stem.count("____")
        if blanks != len(self.answer):
            raise ValueError(f"题干有 {blanks} 个空（____），答案给了 {len(self.answer)} 组")
        return self


class KeywordGroup(ContentModel):
    """A rubric item: any of these phrases earns its weight."""

    any: tuple[str, ...] = Field(min_length=1, description="Synonymous phrases")
    weight: float = Field(default=1.0, gt=0, description="Share of the score")
    label: str = Field(description="What the item checks, shown in feedback")


class ShortAnswer(QuestionBase):
    """简答题, scored by a keyword rubric; unsure results go to an instructor."""

    type: Literal["short"]
    answer: str = Field(min_length=2, description="Model answer shown after submitting")
    rubric: tuple[KeywordGroup, ...] = Field(min_length=1, description="Keyword rubric")


SubQuestion = Annotated[SingleChoice | MultipleChoice | Judge | ShortAnswer, Field(discriminator="type")]


class CaseAnalysis(QuestionBase):
    """案例分析题: a case text with sub-questions."""

    type: Literal["case"]
    case: str = Field(min_length=10, description="The case text")
    questions: tuple[SubQuestion, ...] = Field(min_length=1, description="Sub-questions")


Question = Annotated[
    SingleChoice | MultipleChoice | Judge | Fill | ShortAnswer | CaseAnalysis, Field(discriminator="type")
]
AnyQuestion = SingleChoice | MultipleChoice | Judge | Fill | ShortAnswer | CaseAnalysis


class Bank(ContentModel):
    """A question bank file."""

    schema_version: int = Field(description="Schema version of the bank format")
    id: str = Field(description="Bank id")
    title: str = Field(description="Bank title")
    questions: tuple[Question, ...] = Field(min_length=1, description="Questions")

    _v = field_validator("schema_version")(check_schema_version)


class BlueprintPart(ContentModel):
    """One part of an exam: a question type, how many, and the score of each."""

    type: QuestionType = Field(description="Question type")
    count: int = Field(ge=1, description="Number of questions")
    score_each: float = Field(gt=0, description="Score of each question")
    title: str = Field(description="Part heading, e.g. 一、单项选择题")


class Blueprint(ContentModel):
    """An exam blueprint: parts, module weights, time limit and pass mark."""

    schema_version: int = Field(description="Schema version of the blueprint format")
    id: str = Field(description="Blueprint id")
    title: str = Field(description="Exam title")
    description: str = Field(default="", description="Shown before the exam starts")
    time_limit_minutes: int = Field(ge=1, le=600, description="Time limit")
    pass_mark: float = Field(default=60, description="Score needed to pass")
    total: float = Field(default=100, description="Full marks")
    parts: tuple[BlueprintPart, ...] = Field(min_length=1, description="Exam parts in order")
    module_weights: dict[str, float] = Field(description="Share of questions per syllabus module")

    _v = field_validator("schema_version")(check_schema_version)

    @model_validator(mode="after")
    def _sums(self) -> Blueprint:
        total = sum(p.count * p.score_each for p in self.parts)
        if abs(total - self.total) > 1e-6:
            raise ValueError(f"各部分分值合计 {total:g}，与总分 {self.total:g} 不符")
        if not 0 < self.pass_mark <= self.total:
            raise ValueError("及格线必须在 0 与总分之间")
        if not self.module_weights or any(w < 0 for w in self.module_weights.values()):
            raise ValueError("模块权重必须为非负数且至少一项")
        return self
