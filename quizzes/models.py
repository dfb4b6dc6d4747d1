"""Question, bank and exam-blueprint models."""

from __future__ import annotations

import string
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from source.models import ContentModel, check_points, check_schema_version

LETTERS = string.ascii_uppercase[:8]

QuestionType = Literal["single", "multiple", "judge", "fill", "short", "case", "skill"]
SkillForm = Literal["short", "case", "design"]
Scoring = Literal["all_or_nothing", "partial"]
DIFFICULTY_LEVELS = (1, 2, 3)


class QuestionBase(ContentModel):
    """Fields every question has."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$", description="Stable id, unique across banks")
    title: str | None = Field(
        default=None,
        min_length=1,
        max_length=255,
        description="The name the question had in another system (a Moodle name), kept for listings and export",
    )
    stem: str = Field(min_length=2, description="Question text")
    explanation: str = Field(min_length=2, description="解析: teaches why the answer is right")
    points: tuple[str, ...] = Field(min_length=1, description="Knowledge-point ids tested")
    difficulty: int = Field(
        default=2,
        ge=1,
        le=3,
        description="1 recall a stated fact; 2 understand, distinguish, order; 3 apply to a case, calculate, judge",
    )

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
    """多选题.

    scoring `all_or_nothing` (default, as in the national exam: 多选、少选、错选均不得分): exactly the keyed options
    earn the score. `partial` (as Moodle's multichoice): the score is the sum of the weights of the ticked options,
    clamped to 0..1. Weights are Moodle's answer fractions divided by 100; without `weights`, each keyed option
    weighs 1/k and each other option -1, so any wrong tick scores nothing while a missing one costs its share."""

    type: Literal["multiple"]
    answer: tuple[str, ...] = Field(min_length=2, description="Letters of all correct options")
    scoring: Scoring = Field(default="all_or_nothing", description="all_or_nothing (national exam) or partial")
    weights: dict[str, float] | None = Field(
        default=None, description="partial only: weight per option letter, -1..1 (Moodle fraction / 100); missing = 0"
    )

    @model_validator(mode="after")
    def _key(self) -> MultipleChoice:
        bad = [a for a in self.answer if not self.letter_ok(a)]
        if bad:
            raise ValueError(f"答案 {', '.join(bad)} 不是有效的选项字母")
        if len(set(self.answer)) != len(self.answer):
            raise ValueError("答案字母有重复")
        if self.weights is not None:
            if self.scoring != "partial":
                raise ValueError("只有 scoring: partial 的多选题可以给 weights")
            unknown = [k for k in self.weights if not self.letter_ok(k)]
            if unknown:
                raise ValueError(f"weights 中 {', '.join(unknown)} 不是有效的选项字母")
            if any(not -1 <= w <= 1 for w in self.weights.values()):
                raise ValueError("weights 的每一项须在 -1 与 1 之间")
            positive = sorted(k for k, w in self.weights.items() if w > 0)
            if positive != sorted(self.answer):
                raise ValueError("weights 中为正的选项必须正好是答案中的选项")
            if abs(sum(w for w in self.weights.values() if w > 0) - 1) > 0.01:
                raise ValueError("weights 中正权重之和须为 1（全选对得满分）")
        return self

    def option_weights(self) -> dict[str, float]:
        """Weight of every option letter under partial scoring."""
        if self.weights is not None:
            return {LETTERS[i]: self.weights.get(LETTERS[i], 0.0) for i in range(len(self.options))}
        share = 1 / len(self.answer)
        return {LETTERS[i]: share if LETTERS[i] in self.answer else -1.0 for i in range(len(self.options))}


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


class MarkingPoint(ContentModel):
    """评分要点: one point of a skill item's marking scheme, earned when any phrase is said (not negated)."""

    label: str = Field(min_length=2, description="What the point asks for, shown in feedback")
    score: float = Field(gt=0, description="分值 of the point")
    any: tuple[str, ...] = Field(min_length=1, description="Phrases that show the point")


class SkillItem(QuestionBase):
    """专业能力题 (skills paper): 简答 short, 案例分析 case or 方案设计 design, marked point by point."""

    type: Literal["skill"]
    form: SkillForm = Field(description="short 简答 | case 案例分析 | design 方案设计")
    case: str | None = Field(default=None, description="Case text; required for case and design, absent for short")
    score: float = Field(gt=0, description="Full marks; equals the sum of the marking scores")
    marking: tuple[MarkingPoint, ...] = Field(min_length=3, max_length=8, description="评分要点, 3-8 points")
    answer: str = Field(min_length=2, description="参考答案")

    @model_validator(mode="after")
    def _scheme(self) -> SkillItem:
        if self.form == "short" and self.case is not None:
            raise ValueError("简答题（form: short）不应有 case")
        if self.form != "short" and not (self.case or "").strip():
            raise ValueError("案例分析题和方案设计题须有 case")
        total = sum(m.score for m in self.marking)
        if abs(total - self.score) > 1e-6:
            raise ValueError(f"评分要点分值合计 {total:g}，与 score {self.score:g} 不符")
        return self


Question = Annotated[
    SingleChoice | MultipleChoice | Judge | Fill | ShortAnswer | CaseAnalysis | SkillItem, Field(discriminator="type")
]
AnyQuestion = SingleChoice | MultipleChoice | Judge | Fill | ShortAnswer | CaseAnalysis | SkillItem


class Bank(ContentModel):
    """A question bank file."""

    schema_version: int = Field(description="Schema version of the bank format")
    id: str = Field(description="Bank id")
    title: str = Field(description="Bank title")
    questions: tuple[Question, ...] = Field(min_length=1, description="Questions")

    _v = field_validator("schema_version")(check_schema_version)


class BlueprintPart(ContentModel):
    """One part of an exam: a question type, how many, the score of each, and optionally which modules or forms."""

    type: QuestionType = Field(description="Question type")
    count: int = Field(ge=1, description="Number of questions")
    score_each: float = Field(gt=0, description="Score of each question")
    title: str = Field(description="Part heading, e.g. 一、单项选择题")
    modules: tuple[str, ...] = Field(
        default=(), description="Draw only from these modules (by the question's first point); empty = any"
    )
    forms: tuple[SkillForm, ...] = Field(default=(), description="skill parts only: draw only these forms")

    @model_validator(mode="after")
    def _forms(self) -> BlueprintPart:
        if self.forms and self.type != "skill":
            raise ValueError("只有专业能力题（type: skill）的部分可以限定 forms")
        return self


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
    difficulty_mix: dict[int, float] | None = Field(
        default=None, description="Share of questions per difficulty 1-3, honoured as far as each pool allows"
    )

    _v = field_validator("schema_version")(check_schema_version)

    @field_validator("difficulty_mix")
    @classmethod
    def _mix(cls, mix: dict[int, float] | None) -> dict[int, float] | None:
        if mix is None:
            return None
        if any(level not in DIFFICULTY_LEVELS for level in mix) or any(w < 0 for w in mix.values()):
            raise ValueError("difficulty_mix 的键须为 1、2、3，值为非负数")
        if abs(sum(mix.values()) - 1) > 0.01:
            raise ValueError("difficulty_mix 各项之和须为 1")
        return mix

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
