"""Scenario model: state, nodes, turns, transitions, endings, rules and golden transcripts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from grading.library import Concept
from grading.rules import Condition, Rule
from source.models import ContentModel, check_points, check_schema_version


class Variable(ContentModel):
    """A state variable such as the customer's emotion."""

    label: str = Field(description="Chinese name")
    initial: float = Field(description="Starting value")
    min: float = Field(default=0, description="Lower bound")
    max: float = Field(default=100, description="Upper bound")


class Line(ContentModel):
    """Something a character says or an event the trainee sees."""

    speaker: str = Field(description="Who speaks; '事件' for events")
    text: str = Field(min_length=1, description="What is said")


class Choice(ContentModel):
    """A ready-made answer; its text is scored like free text."""

    text: str = Field(min_length=1, description="The answer")


class Turn(ContentModel):
    """The trainee's move at a node."""

    mode: Literal["text", "choice"] = Field(description="Free text or a choice")
    prompt: str = Field(description="What the trainee should do")
    minutes: float = Field(default=2, ge=0, description="Simulated minutes the turn takes")
    hint: str = Field(default="", description="Optional hint, hidden unless asked for")
    model_answer: str = Field(description="A model answer shown in the report")
    choices: tuple[Choice, ...] = Field(default=(), description="Options when mode is choice")

    @model_validator(mode="after")
    def _choices(self) -> Turn:
        if self.mode == "choice" and len(self.choices) < 2:
            raise ValueError("选择题回合至少要有两个选项")
        if self.mode == "text" and self.choices:
            raise ValueError("自由作答回合不能有选项")
        return self


class Transition(ContentModel):
    """Go to a node, when the condition holds (no condition: always)."""

    goto: str = Field(description="Target node id")
    when: Condition | None = Field(default=None, description="Condition on this turn and the state")


class Ending(ContentModel):
    """An ending with its debrief."""

    title: str = Field(description="Ending title")
    tone: Literal["good", "mixed", "bad"] = Field(description="How it went")
    debrief: str = Field(min_length=2, description="What the trainee should learn from it")


class Node(ContentModel):
    """A step of the scenario."""

    say: tuple[Line, ...] = Field(default=(), description="Lines shown on arrival")
    state: dict[str, float] = Field(default_factory=dict, description="State change on arrival")
    turn: Turn | None = Field(default=None, description="The trainee's move")
    next: tuple[Transition, ...] = Field(default=(), description="Transitions, first match wins")
    ending: Ending | None = Field(default=None, description="Set on ending nodes")

    @model_validator(mode="after")
    def _shape(self) -> Node:
        if self.ending is not None and (self.turn is not None or self.next):
            raise ValueError("结局节点不能再有回合或跳转")
        if self.ending is None and not self.next:
            raise ValueError("非结局节点必须有 next 跳转(否则是死路)")
        if self.next and self.next[-1].when is not None:
            raise ValueError("最后一个跳转不能带条件,否则可能无路可走")
        return self


class Example(ContentModel):
    """A golden transcript and the score range it must get."""

    name: str = Field(description="good / middling / poor or another label")
    turns: tuple[str | int, ...] = Field(min_length=1, description="Free text, or a choice number from 1")
    score: tuple[float, float] = Field(description="[min, max] total score")
    ending: str | None = Field(default=None, description="Ending node it must reach")


class Scenario(ContentModel):
    """A role-play scenario."""

    schema_version: int = Field(description="Schema version")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Scenario id")
    title: str = Field(description="Title")
    kind: Literal["complaint", "crisis"] = Field(description="Complaint or crisis")
    summary: str = Field(description="One line for the list")
    brief: str = Field(description="What the trainee knows at the start")
    roles: dict[str, str] = Field(description="Role -> who plays it, e.g. customer: 王女士")
    points: tuple[str, ...] = Field(min_length=1, description="Knowledge points practised")
    sections: tuple[str, ...] = Field(default=(), description="Chapter sections to reread")
    state: dict[str, Variable] = Field(description="State variables")
    concepts: dict[str, Concept] = Field(default_factory=dict, description="Concepts of this scenario")
    rubric: dict[str, float] = Field(min_length=1, description="Dimension -> weight")
    rules: tuple[Rule, ...] = Field(min_length=1, description="Scoring rules")
    start: str = Field(description="First node")
    nodes: dict[str, Node] = Field(min_length=2, description="Nodes by id")
    examples: tuple[Example, ...] = Field(default=(), description="Golden transcripts")

    _v = field_validator("schema_version")(check_schema_version)
    _p = field_validator("points")(check_points)

    @property
    def endings(self) -> dict[str, Ending]:
        """Ending nodes by id."""
        return {k: n.ending for k, n in self.nodes.items() if n.ending is not None}
