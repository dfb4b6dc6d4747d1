"""The whole shipped bank against the item-writing standard (quizzes/banks/README.md), and blind test-wise
strategies against every shipped blueprint with the real draw: a candidate who knows nothing must fail."""

from __future__ import annotations

import statistics
from collections import Counter

from rapidfuzz import fuzz, process

from catalog.catalog import Catalog
from grading.text import squeeze
from quizzes.itemstats import CUE_WORDS, bank_figures, has_cue, key_is_unique_longest, play_strategies
from quizzes.models import LETTERS, Judge, MultipleChoice, SingleChoice, SkillItem
from quizzes.scoring import hanzi_count

PAPERS = 1000
ETHICS = "professional-ethics"


def test_every_question_states_its_difficulty(shipped: Catalog) -> None:
    unset = [q.id for q in shipped.questions.values() if "difficulty" not in q.model_fields_set]
    assert unset == [], f"{len(unset)} questions without difficulty, e.g. {unset[:5]}"
    assert {q.difficulty for q in shipped.questions.values()} <= {1, 2, 3}


def test_few_multiple_choice_items_key_every_option(shipped: Catalog) -> None:
    multiple = [q for q in shipped.questions.values() if isinstance(q, MultipleChoice)]
    all_keyed = sum(len(q.answer) == len(q.options) for q in multiple)
    assert all_keyed / len(multiple) <= 0.25, f"{all_keyed} of {len(multiple)} key every option"


def test_the_omitted_option_is_not_always_in_the_same_place(shipped: Catalog) -> None:
    """Each position's share of the wrong options is within 0.6-1.4 times what an even spread gives."""
    observed: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    for q in shipped.questions.values():
        if isinstance(q, MultipleChoice):
            n = len(q.options)
            wrong = [LETTERS[i] for i in range(n) if LETTERS[i] not in q.answer]
            observed.update(wrong)
            for i in range(n):
                expected[LETTERS[i]] += len(wrong) / n
    assert sum(observed.values()) >= 40
    ratios = {p: round(observed[p] / expected[p], 2) for p in "ABCD"}
    assert all(0.6 <= r <= 1.4 for r in ratios.values()), ratios


def test_judge_items_are_about_half_true(shipped: Catalog) -> None:
    judge = [q for q in shipped.questions.values() if isinstance(q, Judge)]
    share = sum(q.answer for q in judge) / len(judge)
    assert 0.4 <= share <= 0.6, f"{share:.0%} true"


def test_absolute_words_do_not_mark_false_judge_items(shipped: Catalog) -> None:
    """Items with a cue word are about as often true as false, and no single cue word leans hard one way."""
    judge = [q for q in shipped.questions.values() if isinstance(q, Judge)]
    cued = [q for q in judge if has_cue(q.stem)]
    if len(cued) >= 10:
        share = sum(q.answer for q in cued) / len(cued)
        assert 0.35 <= share <= 0.65, f"{len(cued)} items with a cue word, {share:.0%} true"
    for cue in CUE_WORDS:
        true = sum(cue in q.stem for q in judge if q.answer)
        false = sum(cue in q.stem for q in judge if not q.answer)
        assert abs(true - false) <= max(3, (true + false) // 2), f"{cue}: {true} true, {false} false"


def test_the_key_is_seldom_the_unique_longest_option(shipped: Catalog) -> None:
    single = [q for q in shipped.questions.values() if isinstance(q, SingleChoice)]
    longest = sum(key_is_unique_longest(q) for q in single)
    assert longest / len(single) <= 0.30, f"{longest} of {len(single)}"


def test_no_all_or_none_of_the_above_options(shipped: Catalog) -> None:
    found = [
        q.id
        for q in shipped.questions.values()
        if isinstance(q, SingleChoice | MultipleChoice)
        and any(o.startswith(("以上都", "以上全", "以上均", "都对", "都不对", "以上皆")) for o in q.options)
    ]
    assert found == []


def test_no_two_items_say_the_same_thing(shipped: Catalog) -> None:
    """Near-duplicates over the whole bank: stems (with the case text) compared by rapidfuzz."""
    ids = list(shipped.questions)
    texts = [squeeze((getattr(q, "case", None) or "") + q.stem) for q in shipped.questions.values()]
    scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=90, workers=2)
    pairs = [(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids)) if scores[i][j]]
    assert pairs == [], f"{len(pairs)} near-duplicate pairs, e.g. {pairs[:5]}"


def test_choice_explanations_teach(shipped: Catalog) -> None:
    lengths = [
        hanzi_count(q.explanation) for q in shipped.questions.values() if q.type in ("single", "multiple", "judge")
    ]
    assert statistics.median(lengths) >= 60, f"median {statistics.median(lengths)} hanzi"


def test_every_point_has_enough_questions(shipped: Catalog) -> None:
    thin = []
    for pid, point in shipped.syllabus.points.items():
        need = 6 if point.depth == "full" else 3
        have = len(shipped.questions_by_point.get(pid, []))
        if have < need:
            thin.append(f"{pid} {have}/{need}")
    assert thin == [], f"{len(thin)} points under the minimum: {thin[:10]}"


def test_the_bank_is_exam_sized(shipped: Catalog) -> None:
    questions = list(shipped.questions.values())
    ethics = [q for q in questions if shipped.syllabus.module_of.get(q.points[0]) == ETHICS and q.type != "skill"]
    skills = [q for q in questions if isinstance(q, SkillItem)]
    assert len(questions) >= 1200
    assert len(ethics) >= 40
    assert len(skills) >= 60
    assert {q.form for q in skills} == {"short", "case", "design"}


def test_each_skill_part_has_a_varied_pool(shipped: Catalog) -> None:
    """A skill part draws items of its forms whose own score is the part's score (so the marking scheme shown adds
    up); there must be at least three times as many as a paper takes."""
    from quizzes.exam import part_pool

    for bp in shipped.blueprints.values():
        for part in bp.parts:
            if part.type == "skill":
                pool = part_pool(bp, part, shipped.questions, shipped.syllabus.module_of)
                assert sum(len(v) for v in pool.values()) >= 3 * part.count, f"{bp.id} {part.title}"


def test_the_national_paper_opens_with_professional_ethics(shipped: Catalog) -> None:
    bp = shipped.blueprints["national-theory"]
    assert bp.parts[0].modules == (ETHICS,) and bp.total == 100
    assert bp.difficulty_mix is not None


def test_bank_figures_agree_with_the_tests(shipped: Catalog) -> None:
    figures = bank_figures(shipped.questions.values())
    assert sum(figures["questions_by_type"].values()) == len(shipped.questions)
    assert "unset" not in {level for row in figures["questions_by_difficulty"].values() for level in row}


def test_a_candidate_who_knows_nothing_fails_every_blueprint(shipped: Catalog) -> None:
    """The best blind strategy per type (always 对/错, absolute words 错; longest, shortest, a fixed letter; tick
    all, all but one; copy the question, write generic service words, or both) over 1,000 seeded papers of every
    shipped blueprint, drawn as the exam page draws them."""
    assert {"national-theory", "starter-mock", "skills-paper"} <= set(shipped.blueprints)
    beaten = {}
    for bp in shipped.blueprints.values():
        result = play_strategies(bp, shipped.questions, shipped.syllabus.module_of, PAPERS)
        if not (result.pass_rate < 0.01 and result.mean < 45):
            beaten[bp.id] = result.to_dict()
    assert beaten == {}


def test_the_difficulty_mix_is_met_on_shipped_papers(shipped: Catalog) -> None:
    from quizzes.exam import draw

    bp = shipped.blueprints["national-theory"]
    assert bp.difficulty_mix is not None
    levels: Counter[int] = Counter()
    for seed in range(50):
        levels.update(
            shipped.questions[p.question_id].difficulty
            for p in draw(bp, shipped.questions, shipped.syllabus.module_of, seed)
        )
    total = sum(levels.values())
    for level, share in bp.difficulty_mix.items():
        assert abs(levels[level] / total - share) <= 0.05, (level, levels)
