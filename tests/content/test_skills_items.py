"""The written skills items (quizzes/banks/skills.yaml): a scheme a trainee's own words can meet, and no sure
marks for copying the material or listing keywords."""

from __future__ import annotations

from collections import Counter

import pytest

from catalog.catalog import Catalog
from quizzes.models import SkillItem
from quizzes.scoring import grade_skill

GENERIC = "我认为这个问题很重要，我们应该认真对待，努力做好各项工作，不断提高自己的水平，为公司的发展贡献力量。"


@pytest.fixture(scope="module")
def items(shipped: Catalog) -> list[SkillItem]:
    return [q for q in shipped.questions.values() if isinstance(q, SkillItem)]


def test_sixty_items_in_the_three_written_forms(items: list[SkillItem]) -> None:
    forms = Counter(q.form for q in items)
    assert forms["short"] >= 20 and forms["case"] >= 25 and forms["design"] >= 15, forms


def test_every_marking_point_has_several_phrasings_none_taken_from_the_material(items: list[SkillItem]) -> None:
    for q in items:
        material = (q.case or "") + q.stem
        for point in q.marking:
            assert 3 <= len(point.any) <= 10, (q.id, point.label)
            assert [p for p in point.any if p in material] == [], (q.id, point.label)


def test_the_reference_answer_earns_full_marks_in_any_order(items: list[SkillItem]) -> None:
    """Graded twice, the second time after every item's phrases are known to the segmenter."""
    for _ in range(2):
        short = [q.id for q in items if grade_skill(q, q.answer, q.score).score != q.score]
        assert short == []


def test_copying_the_material_or_writing_stock_text_earns_no_sure_marks(items: list[SkillItem]) -> None:
    for q in items:
        copied = grade_skill(q, (q.case or "") + q.stem, q.score)
        assert copied.score is None or copied.score < q.score / 2, (q.id, copied.score)
        assert grade_skill(q, GENERIC, q.score).score == 0, q.id


def test_a_keyword_list_is_not_a_sure_answer_to_a_case_or_design_item(items: list[SkillItem]) -> None:
    for q in items:
        if q.form != "short":
            keywords = "，".join(p.any[0] for p in q.marking)
            assert grade_skill(q, keywords, q.score).score is None, q.id
