"""The group report assignments of the practical-training guide and their 开头/正文/结尾 rubric."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    """One rubric line: the part of the report, what it asks, its points."""

    id: str
    part: str
    label: str
    points: int


@dataclass(frozen=True)
class Template:
    """A report assignment from the practical-training guide."""

    id: str
    title: str
    task: str
    topic_terms: tuple[str, ...]


RUBRIC: tuple[Criterion, ...] = (
    Criterion("thesis", "开头", "提出问题，论点明确", 10),
    Criterion("concepts", "开头", "概念准确，判断符合实际", 10),
    Criterion("on_topic", "正文", "紧扣主题", 10),
    Criterion("order", "正文", "言之有序：层次分明", 15),
    Criterion("reasoning", "正文", "言之有理：分析合乎逻辑", 10),
    Criterion("evidence", "正文", "言之有据：有理论与调查资料", 15),
    Criterion("conclusion", "结尾", "归纳出结论", 10),
    Criterion("advice", "结尾", "观点与建议鲜明", 10),
    Criterion("concise", "结尾", "结论概括、简短", 10),
)

TEMPLATES: dict[str, Template] = {
    "survey-crm": Template(
        "survey-crm",
        "实训1：××企业客户关系管理调查报告",
        "选择一家企业访问调查，了解其客户关系管理的现状，分析问题并提出改进对策；小组分工撰写，由一人统稿后提交。",
        ("客户关系管理", "客户关系", "客户"),
    ),
    "study-satisfaction": Template(
        "study-satisfaction",
        "实训4：××企业客户满意管理研究报告",
        "选择一家企业访问调查，研究它用哪些方法实施客户满意管理，总结经验与不足；小组分工撰写，由一人统稿后提交。",
        ("客户满意", "满意度", "客户"),
    ),
}
