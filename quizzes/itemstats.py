"""Item-writing figures of a bank (key balance, length cue, cue words, explanation length) and blind test-wise
strategies played against every blueprint with the real draw: a candidate who knows nothing must fail."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from quizzes.exam import PaperItem, draw
from quizzes.models import LETTERS, AnyQuestion, Blueprint, Judge, MultipleChoice, SingleChoice, SkillItem
from quizzes.scoring import grade, hanzi_count
from quizzes.shuffle import option_order, to_bank_letters

# Words that make a statement absolute; a test-wise candidate marks such judge items 错.
CUE_WORDS = (
    "只需",
    "只要",
    "完全",
    "唯一",
    "无需",
    "一定",
    "绝对",
    "所有",
    "总是",
    "从不",
    "必须",
    "全部",
    "任何",
    "都不",
    "根本",
)
CHOICE_TYPES = ("single", "multiple", "judge")
# A generic answer a candidate could write for any written item without knowing the case.
GENERIC_ANSWER = (
    "首先要真诚地向客户道歉，认真倾听客户的意见，了解客户的需求，第一时间回应并承担责任。"
    "其次要与客户及时沟通，提出解决方案和补偿措施，做好记录。"
    "最后要进行回访，总结经验，改进流程，加强员工培训，完善制度，建立监督和考核机制，提高客户满意度。"
)
SPACE = re.compile(r"\s+")


def has_cue(text: str) -> bool:
    """Whether a statement contains an absolute word."""
    return any(cue in text for cue in CUE_WORDS)


def key_is_unique_longest(q: SingleChoice) -> bool:
    """Whether the key is the single longest option (a length cue)."""
    lengths = [len(o) for o in q.options]
    key = lengths[LETTERS.index(q.answer)]
    return key == max(lengths) and lengths.count(key) == 1


def bank_figures(questions: Iterable[AnyQuestion]) -> dict[str, Any]:
    """Item-writing figures of these questions (top-level questions; case sub-questions are not counted)."""
    qs = list(questions)
    by_type = Counter(q.type for q in qs)
    by_difficulty: dict[str, dict[str, int]] = {}
    for q in qs:
        level = str(q.difficulty) if "difficulty" in q.model_fields_set else "unset"
        row = by_difficulty.setdefault(q.type, {})
        row[level] = row.get(level, 0) + 1
    multiple = [q for q in qs if isinstance(q, MultipleChoice)]
    omitted: Counter[str] = Counter()
    for q in multiple:
        omitted.update(LETTERS[i] for i in range(len(q.options)) if LETTERS[i] not in q.answer)
    judge = [q for q in qs if isinstance(q, Judge)]
    cued = [q for q in judge if has_cue(q.stem)]
    single = [q for q in qs if isinstance(q, SingleChoice)]
    explanations = [hanzi_count(q.explanation) for q in qs if q.type in CHOICE_TYPES]
    return {
        "questions_by_type": dict(sorted(by_type.items())),
        "questions_by_difficulty": by_difficulty,
        "multiple_all_keyed_share": _share(sum(len(q.answer) == len(q.options) for q in multiple), len(multiple)),
        "multiple_omitted_positions": dict(sorted(omitted.items())),
        "judge_true_share": _share(sum(q.answer for q in judge), len(judge)),
        "judge_cue_items": {"true": sum(q.answer for q in cued), "false": sum(not q.answer for q in cued)},
        "single_longest_key_share": _share(sum(key_is_unique_longest(q) for q in single), len(single)),
        "single_key_letters": dict(sorted(Counter(q.answer for q in single).items())),
        "choice_explanation_median_hanzi": statistics.median(explanations) if explanations else 0,
    }


def _share(part: float, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


# ------------------------------------------------------------------ blind strategies

Strategy = Callable[[Any, list[int]], Any]  # (question, displayed order of its options) -> response


def _by_length(q: Any, order: list[int], longest: bool) -> str:
    shown = [q.options[i] for i in order]
    pick = (max if longest else min)(range(len(shown)), key=lambda i: len(shown[i]))  # first shown on ties
    return LETTERS[order[pick]]


def _all_but(q: Any, order: list[int], which: str) -> list[str]:
    shown = [q.options[i] for i in order]
    if which in ("shortest", "longest"):
        drop = (min if which == "shortest" else max)(range(len(shown)), key=lambda i: len(shown[i]))
    else:
        drop = LETTERS.index(which)
    return [LETTERS[order[i]] for i in range(len(shown)) if i != drop]


def _fixed_letter(q: Any, order: list[int], letter: str) -> str:
    shown = LETTERS.index(letter) if LETTERS.index(letter) < len(order) else len(order) - 1
    return to_bank_letters([LETTERS[shown]], order)[0]


def strategies() -> dict[str, dict[str, Strategy]]:
    """Test-wise answers by question type, none using knowledge of the content; options as displayed."""
    single: dict[str, Strategy] = {
        "longest": lambda q, o: _by_length(q, o, True),
        "shortest": lambda q, o: _by_length(q, o, False),
    }
    for letter in "ABCD":
        single[f"always {letter}"] = partial(_fixed_letter, letter=letter)
    multiple: dict[str, Strategy] = {
        "tick all": lambda q, o: list(LETTERS[: len(o)]),
        "all but shortest": lambda q, o: _all_but(q, o, "shortest"),
        "all but longest": lambda q, o: _all_but(q, o, "longest"),
    }
    for letter in "ABCDE":
        multiple[f"all but {letter}"] = partial(_all_but, which=letter)
    judge: dict[str, Strategy] = {
        "always true": lambda q, o: True,
        "always false": lambda q, o: False,
        "absolute words false": lambda q, o: not has_cue(q.stem),
    }
    skill: dict[str, Strategy] = {
        "copy the question": lambda q, o: (q.case or "") + q.stem,
        "generic service words": lambda q, o: GENERIC_ANSWER,
        "the case, then generic words": lambda q, o: (q.case or "") + GENERIC_ANSWER,
    }
    return {"single": single, "multiple": multiple, "judge": judge, "skill": skill}


@dataclass(frozen=True)
class StrategyResult:
    """How blind strategies fare on one blueprint over many seeded papers."""

    blueprint: str
    papers: int
    by_type: dict[str, dict[str, float]]  # type -> strategy -> mean score earned on that type per paper
    best: dict[str, str]  # type -> the strategy with the highest mean
    mean: float  # mean paper score playing the best strategy of every type
    pass_rate: float  # share of papers that strategy passes

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "papers": self.papers,
            "best": self.best,
            "mean": round(self.mean, 2),
            "pass_rate": round(self.pass_rate, 4),
            "by_type": {t: {k: round(v, 2) for k, v in d.items()} for t, d in self.by_type.items()},
        }


def play_strategies(
    blueprint: Blueprint,
    questions: dict[str, AnyQuestion],
    module_of: dict[str, str],
    papers: int = 1000,
    first_seed: int = 1,
) -> StrategyResult:
    """Draw `papers` papers (seeds first_seed..) and score every blind strategy on each with the real grader.

    An item the grader leaves to a person (a skill answer it is unsure of) counts its suggested score."""
    plays = strategies()
    per_paper: list[dict[str, dict[str, float]]] = []
    fixed: dict[tuple[str, str], float] = {}  # answers that do not depend on the seed are graded once
    for seed in range(first_seed, first_seed + papers):
        paper = draw(blueprint, questions, module_of, seed)
        earned: dict[str, dict[str, float]] = {}
        for item in paper:
            q = questions[item.question_id]
            order = option_order(q, seed) if isinstance(q, SingleChoice | MultipleChoice) else []
            for name, play in plays.get(q.type, {}).items():
                row = earned.setdefault(q.type, {})
                row[name] = row.get(name, 0.0) + _score(q, play(q, order), name, item, fixed)
        per_paper.append(earned)
    types = sorted({t for p in per_paper for t in p})
    by_type = {
        t: {name: statistics.fmean(p.get(t, {}).get(name, 0.0) for p in per_paper) for name in plays[t]} for t in types
    }
    best = {t: max(by_type[t], key=lambda n: (by_type[t][n], n)) for t in types}
    totals = [sum(p.get(t, {}).get(best[t], 0.0) for t in types) for p in per_paper]
    return StrategyResult(
        blueprint.id,
        papers,
        by_type,
        best,
        statistics.fmean(totals) if totals else 0.0,
        sum(x >= blueprint.pass_mark - 1e-9 for x in totals) / len(totals) if totals else 0.0,
    )


def _score(q: AnyQuestion, response: Any, name: str, item: PaperItem, fixed: dict[tuple[str, str], float]) -> float:
    if isinstance(q, SkillItem | Judge):  # the response does not depend on the paper: grade once
        if (q.id, name) not in fixed:
            result = grade(q, response, 1.0)
            fixed[(q.id, name)] = result.score if result.score is not None else (result.suggested or 0.0)
        return fixed[(q.id, name)] * item.score
    result = grade(q, response, item.score)
    return result.score or 0.0
