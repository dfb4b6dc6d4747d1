"""Scoring of objective and keyword-rubric answers, with malformed answers kept apart as invalid."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from rapidfuzz import fuzz

from grading.matcher import ConceptMatcher
from grading.text import normalise, squeeze
from quizzes.models import (
    AnyQuestion,
    CaseAnalysis,
    ChoiceBase,
    Fill,
    Judge,
    MarkingPoint,
    MultipleChoice,
    ShortAnswer,
    SingleChoice,
    SkillItem,
)

Status = Literal["correct", "partial", "wrong", "invalid", "review"]
SHORT_AUTO_ACCEPT = 0.8
SHORT_MIN_CHARS = 4
# Skill items: when the keyword rubric is sure of its score (see _skill).
SKILL_MIN_HANZI = 10  # fewer Chinese characters than this says nothing: surely zero
SKILL_SHORT_HANZI = 60  # an answer that finds no point and is shorter than this is surely zero
SKILL_STUFFING = 0.5  # rubric phrases covering this share of the answer make it a keyword list
SKILL_COPY = 90  # rapidfuzz partial_ratio against the case or stem from which the answer counts as copied
HANZI = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Score:
    """A graded answer: score is None when a person must grade it; invalid answers cost nothing."""

    status: Status
    score: float | None
    possible: float
    message: str = ""
    matched: tuple[str, ...] = ()
    parts: tuple[Score, ...] = field(default=())
    suggested: float | None = None  # the rubric's own score when it leaves the decision to a person

    @property
    def fraction(self) -> float | None:
        """Score as a part of 1, or None."""
        if self.score is None or self.possible == 0:
            return None
        return self.score / self.possible

    def to_dict(self) -> dict[str, Any]:
        """Plain data for storage."""
        return {
            "status": self.status,
            "score": self.score,
            "possible": self.possible,
            "message": self.message,
            "matched": list(self.matched),
            "parts": [p.to_dict() for p in self.parts],
            "suggested": self.suggested,
        }


def invalid(possible: float, message: str) -> Score:
    """An answer in the wrong format: not wrong, just not gradable."""
    return Score("invalid", None, possible, message)


def grade(question: AnyQuestion, response: Any, possible: float = 1.0) -> Score:
    """Grade one response against its question, scaled to `possible` (the grader comes from the type registry)."""
    from quizzes.kinds import kind_of  # the registry imports this module's graders

    return kind_of(question).grade(question, response, possible)


def _letters(question: ChoiceBase, response: Any) -> list[str] | None:
    items = [response] if isinstance(response, str) else response
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        return None
    letters = [i.strip().upper() for i in items]
    if not letters or not all(question.letter_ok(x) for x in letters):
        return None
    return letters


def grade_single(q: SingleChoice, response: Any, possible: float) -> Score:
    letters = _letters(q, response)
    if letters is None or len(letters) != 1:
        return invalid(possible, "请选择一个选项")
    ok = letters[0] == q.answer
    return Score("correct" if ok else "wrong", possible if ok else 0.0, possible)


def grade_multiple(q: MultipleChoice, response: Any, possible: float) -> Score:
    letters = _letters(q, response)
    if letters is None:
        return invalid(possible, "请至少选择一个选项")
    if len(letters) < 2 and q.scoring == "all_or_nothing":
        return invalid(possible, "多选题至少要选两个选项")
    ok = set(letters) == set(q.answer)
    if q.scoring == "all_or_nothing" or ok:
        # As in the national exam: any missing or extra option scores nothing.
        return Score("correct" if ok else "wrong", possible if ok else 0.0, possible)
    weights = q.option_weights()
    fraction = min(1.0, max(0.0, sum(weights[x] for x in set(letters))))
    return Score("partial" if fraction > 0 else "wrong", round(possible * fraction, 2), possible)


def grade_judge(q: Judge, response: Any, possible: float) -> Score:
    if not isinstance(response, bool):
        return invalid(possible, "请判断对或错")
    ok = response == q.answer
    return Score("correct" if ok else "wrong", possible if ok else 0.0, possible)


def grade_fill(q: Fill, response: Any, possible: float) -> Score:
    if isinstance(response, str):
        response = [response]
    if not isinstance(response, list | tuple) or not all(isinstance(r, str) for r in response):
        return invalid(possible, "请在每个空中填写文字")
    if len(response) != len(q.answer) or any(not squeeze(r) for r in response):
        return invalid(possible, f"本题有 {len(q.answer)} 个空，请全部填写")
    hits = sum(
        squeeze(given) in {squeeze(a) for a in accepted} for given, accepted in zip(response, q.answer, strict=True)
    )
    score = possible * hits / len(q.answer)
    status: Status = "correct" if hits == len(q.answer) else "partial" if hits else "wrong"
    return Score(status, score, possible)


def grade_short(q: ShortAnswer, response: Any, possible: float) -> Score:
    if not isinstance(response, str) or not squeeze(response):
        return invalid(possible, "请写下你的回答")
    text = squeeze(response)
    total = sum(g.weight for g in q.rubric)
    matched = [g for g in q.rubric if any(squeeze(p) in text for p in g.any)]
    fraction = sum(g.weight for g in matched) / total
    labels = tuple(g.label for g in matched)
    if len(text) < SHORT_MIN_CHARS or fraction >= SHORT_AUTO_ACCEPT or not matched:
        status: Status = "correct" if fraction >= SHORT_AUTO_ACCEPT else "partial" if matched else "wrong"
        return Score(status, round(possible * fraction, 2), possible, "", labels)
    # Partly matched free text: the rubric is unsure, so an instructor decides.
    return Score("review", None, possible, f"关键词命中约 {fraction:.0%},待教师评分", labels)


def grade_case(q: CaseAnalysis, response: Any, possible: float) -> Score:
    if not isinstance(response, dict):
        return invalid(possible, "请回答案例下的每个小题")
    each = possible / len(q.questions)
    parts = tuple(grade(sub, response.get(sub.id), each) for sub in q.questions)
    if any(p.status == "invalid" for p in parts):
        return Score("invalid", None, possible, "案例中还有小题未作答或格式不对", parts=parts)
    if any(p.score is None for p in parts):
        return Score("review", None, possible, "含待教师评分的小题", parts=parts)
    score = sum(p.score or 0.0 for p in parts)
    status: Status = "correct" if score >= possible - 1e-9 else "partial" if score > 0 else "wrong"
    return Score(status, score, possible, parts=parts)


@lru_cache(maxsize=1024)
def _marking_matcher(marking: tuple[MarkingPoint, ...]) -> ConceptMatcher:
    """A matcher whose concepts are the marking points, named by their index."""
    return ConceptMatcher({str(i): m.any for i, m in enumerate(marking)})


def hanzi_count(text: str) -> int:
    """Number of Chinese characters in a text."""
    return len(HANZI.findall(text))


def grade_skill(q: SkillItem, response: Any, possible: float) -> Score:
    """Mark a written skills answer point by point with the keyword rubric, negation-aware.

    Each marking point is found (a phrase said, not negated), negated (its phrases appear only under a negator)
    or missed. The rubric is SURE, and scores, only when every point is found in a genuine answer (full marks),
    or when the answer says nothing (under SKILL_MIN_HANZI characters) or finds no point while being short
    (under SKILL_SHORT_HANZI): zero. It is UNSURE, and returns None with its suggestion for an instructor, when
    some but not all points are found, a point is only negated, a long answer finds no point (it may say it in
    other words), the answer is mostly rubric phrases (a keyword list, in a case or design item), it copies the
    case or the stem, or (case and design items) its own words never touch the case: stock text that would fit
    any case, whatever rubric phrases it contains."""
    if not isinstance(response, str) or not squeeze(response):
        return invalid(possible, "请写下你的回答")
    scale = possible / q.score
    length = hanzi_count(response)
    mentions = _marking_matcher(q.marking).mentions(response)
    parts: list[Score] = []
    found_score, covered, reasons = 0.0, 0, []
    for i, point in enumerate(q.marking):
        said = list(dict.fromkeys(m.phrase for m in mentions if m.concept == str(i) and not m.negated))
        denied = [m.phrase for m in mentions if m.concept == str(i) and m.negated]
        worth = round(point.score * scale, 2)
        if said:
            found_score += point.score
            covered += sum(hanzi_count(p) for p in said)
            parts.append(Score("correct", worth, worth, point.label, tuple(said)))
        elif denied:
            reasons.append(f"“{point.label}”只以否定的说法出现")
            parts.append(Score("review", None, worth, point.label, tuple(denied)))
        else:
            parts.append(Score("wrong", 0.0, worth, point.label))
    suggested = round(found_score * scale, 2)
    labels = tuple(p.message for p in parts if p.status == "correct")
    if length < SKILL_MIN_HANZI:
        zeroed = tuple(Score("wrong", 0.0, p.possible, p.message, p.matched) for p in parts)
        return Score("wrong", 0.0, possible, "回答过短，没有说清任何要点", (), zeroed)
    found = sum(p.status == "correct" for p in parts)
    if 0 < found < len(parts):
        reasons.append(f"命中 {found}/{len(parts)} 个要点")
    if found == 0 and not reasons and length >= SKILL_SHORT_HANZI:
        reasons.append("回答较长但没有命中要点，可能换了说法")
    if found and q.form != "short" and covered >= SKILL_STUFFING * length:
        reasons.append("回答主要由关键词堆砌")
    if found and q.case and not _touches_case(response, q):
        reasons.append("回答没有结合案例")
    answer, source = squeeze(response), squeeze((q.case or "") + q.stem)
    if length >= 20 and len(answer) <= len(source) and fuzz.partial_ratio(answer, source) >= SKILL_COPY:
        reasons.append("回答大段照抄题目")
    if reasons:
        message = "；".join(reasons) + "，待教师评分"
        return Score("review", None, possible, message, labels, tuple(parts), suggested)
    status: Status = "correct" if found == len(parts) else "wrong"
    return Score(status, suggested, possible, "", labels, tuple(parts))


# Words any answer about customer service may use; they do not show that an answer is about this case.
GENERIC_WORDS = frozenset(
    [
        "客户",
        "顾客",
        "企业",
        "公司",
        "员工",
        "服务",
        "问题",
        "情况",
        "工作",
        "管理",
        "部门",
        "我们",
        "他们",
        "你们",
        "进行",
        "需要",
        "没有",
        "一个",
        "这个",
        "那个",
        "已经",
        "因为",
        "所以",
        "如果",
        "可以",
        "应该",
        "应当",
        "如何",
        "怎样",
        "什么",
        "处理",
        "方案",
        "措施",
        "要求",
        "时候",
        "时间",
        "出现",
        "发生",
        "提出",
        "认为",
        "通过",
        "作为",
        "对于",
        "以及",
        "并且",
        "同时",
        "他的",
        "她的",
        "自己",
        "大家",
        "其中",
        "之后",
        "之前",
        "一些",
        "这些",
        "那些",
        "今后",
        "现在",
        "目前",
        "表示",
        "希望",
        "情绪",
        "满意",
        "意见",
        "投诉",
        "事情",
        "建立",
        "准备",
        "完善",
        "加强",
        "提高",
        "制定",
        "改进",
        "落实",
        "开展",
        "做好",
        "机制",
        "制度",
        "流程",
        "标准",
        "培训",
        "沟通",
        "责任",
        "危机",
        "应对",
        "负责",
        "相关",
        "人员",
        "方面",
        "活动",
        "信息",
        "质量",
        "产品",
        "水平",
        "能力",
        "关系",
        "影响",
        "结果",
        "原因",
        "经验",
        "记录",
        "及时",
        "认真",
        "真诚",
        "积极",
        "主动",
    ]
)
MIN_COPIED_RUN = 8  # characters; a run this long taken verbatim from the question counts as copied


def _touches_case(response: str, q: SkillItem) -> bool:
    """Whether the answer's own words (verbatim runs from the case or stem removed) name something of the case."""
    from difflib import SequenceMatcher

    from grading.text import segment

    answer, source = normalise(response), normalise((q.case or "") + q.stem)
    blocks = SequenceMatcher(None, answer, source, autojunk=False).get_matching_blocks()
    own = list(answer)
    for block in blocks:
        if block.size >= MIN_COPIED_RUN:
            own[block.a : block.a + block.size] = [" "] * block.size
    phrases = {normalise(p) for m in q.marking for p in m.any}
    terms = {t for t in segment(q.case or "") if hanzi_count(t) >= 2 and t not in GENERIC_WORDS and t not in phrases}
    text = "".join(own)
    return any(t in text for t in terms)
