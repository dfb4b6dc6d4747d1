"""Scenario model: state, nodes, turns, transitions, endings, rules and golden transcripts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from grading.library import Concept
from grading.rules import Avoid, Condition, Expect, Rule
from source.models import ContentModel, check_points

SCENARIO_VERSION = 2
METERS = ("emotion", "trust")


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
    """A ready-made answer with its own score and effect on the customer."""

    text: str = Field(min_length=1, description="The answer")
    score: float = Field(description="Raw points; the best option scores most, every other option 0 or less")
    dimension: str = Field(description="Rubric dimension")
    feedback: str = Field(min_length=2, description="Why this option is right or wrong (shown in the report)")
    state: dict[str, float] = Field(default_factory=dict, description="Change of state when chosen")
    reply: str = Field(default="", description="What the customer says to it (else a reaction of the node)")
    goto: str | None = Field(default=None, description="Node to go to (else the node's transitions)")


class Reaction(ContentModel):
    """What the customer says right after a reply, by how the reply moved the emotion meter."""

    mood: Literal["calmer", "angrier"] = Field(description="calmer: emotion went down; angrier: it went up")
    when: Condition | None = Field(default=None, description="Further condition on this turn and the state")
    say: tuple[Line, ...] = Field(min_length=1, description="The customer's lines")


class Turn(ContentModel):
    """The trainee's move at a node."""

    mode: Literal["text", "choice"] = Field(description="Free text or a choice")
    prompt: str = Field(description="What the trainee should do")
    minutes: float = Field(default=2, ge=0, description="Simulated minutes the turn takes")
    hint: str = Field(default="", description="Optional hint, hidden unless asked for")
    model_answer: str = Field(description="A model answer shown in the report")
    topic: tuple[str, ...] = Field(default=(), description="Words a reply on this customer line mentions")
    expects: tuple[Expect, ...] = Field(default=(), description="What a good reply to this line does")
    avoid: tuple[Avoid, ...] = Field(default=(), description="What a reply to this line must not do")
    choices: tuple[Choice, ...] = Field(default=(), description="Options when mode is choice")
    reactions: tuple[Reaction, ...] = Field(default=(), description="The customer's reactions to the reply")

    @model_validator(mode="after")
    def _choices(self) -> Turn:
        if self.mode == "choice" and len(self.choices) < 2:
            raise ValueError("选择题回合至少要有两个选项")
        if self.mode == "text" and self.choices:
            raise ValueError("自由作答回合不能有选项")
        if self.mode == "text" and not self.expects:
            raise ValueError("自由作答回合必须写明 expects（好的回答要做到什么）")
        if self.mode == "text" and not self.topic:
            raise ValueError("自由作答回合必须写明 topic（回应这句话会提到的词）")
        if self.mode == "text" and {r.mood for r in self.reactions} != {"calmer", "angrier"}:
            raise ValueError("自由作答回合至少要有两种反应：calmer（缓和）和 angrier（更生气）")
        if self.mode == "choice":
            best = max(c.score for c in self.choices)
            if best <= 0 or sum(c.score == best for c in self.choices) != 1:
                raise ValueError("选择题回合必须有且只有一个得分最高（且大于 0）的选项")
            if any(c.score > 0 for c in self.choices if c.score != best):
                raise ValueError("选择题回合中，最佳选项之外的选项得分必须为 0 或负数")
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
    """A golden transcript and the score range it must get; gaming transcripts must stay low."""

    name: str = Field(description="good / middling / poor, or a name for a gaming transcript")
    gaming: bool = Field(default=False, description="A transcript that games the engine (<= 40, 30 below good)")
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
    rules: tuple[Rule, ...] = Field(default=(), description="Checks over the whole run, made at the end")
    start: str = Field(description="First node")
    nodes: dict[str, Node] = Field(min_length=2, description="Nodes by id")
    examples: tuple[Example, ...] = Field(default=(), description="Golden transcripts")

    _p = field_validator("points")(check_points)

    @field_validator("schema_version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value != SCENARIO_VERSION:
            raise ValueError(
                f"schema_version 应为 {SCENARIO_VERSION}（按 scenarios/AUTHORING.md 改写），实际为 {value}"
            )
        return value

    @field_validator("state")
    @classmethod
    def _meters(cls, value: dict[str, Variable]) -> dict[str, Variable]:
        missing = [m for m in METERS if m not in value]
        if missing:
            raise ValueError(f"状态变量必须包括 {', '.join(missing)}（客户情绪与信任）")
        return value

    @property
    def endings(self) -> dict[str, Ending]:
        """Ending nodes by id."""
        return {k: n.ending for k, n in self.nodes.items() if n.ending is not None}
