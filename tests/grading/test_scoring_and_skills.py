"""Multiple-choice scoring rules (all-or-nothing, Moodle-style partial) and the point-by-point skill rubric."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from catalog.catalog import Catalog
from interop import moodle_xml
from quizzes.models import MultipleChoice, SkillItem
from quizzes.scoring import SKILL_SHORT_HANZI, grade

POINTS = ("crm-basics.customer-vs-consumer",)


def multi(**extra: object) -> MultipleChoice:
    return MultipleChoice.model_validate(
        {
            "type": "multiple",
            "id": "t.m",
            "stem": "题干",
            "options": ["甲", "乙", "丙", "丁"],
            "answer": ["A", "B", "C"],
            "explanation": "说明",
            "points": POINTS,
            **extra,
        }
    )


def test_all_or_nothing_is_the_default_and_gives_nothing_for_a_partly_right_answer() -> None:
    q = multi()
    assert q.scoring == "all_or_nothing"
    assert grade(q, ["A", "B"], 2).score == 0.0  # 少选
    assert grade(q, ["A", "B", "C", "D"], 2).score == 0.0  # 多选
    assert grade(q, ["A", "B", "D"], 2).score == 0.0  # 错选
    assert grade(q, ["C", "B", "A"], 2).score == 2.0


def test_partial_without_weights_credits_each_key_and_zeroes_any_wrong_tick() -> None:
    q = multi(scoring="partial")
    assert grade(q, ["A", "B"], 3).score == 2.0
    assert grade(q, ["A"], 3).score == 1.0  # one tick is an answer under partial scoring
    assert grade(q, ["A", "B", "D"], 3).score == 0.0
    assert grade(q, ["A", "B", "C", "D"], 3).status == "wrong"  # ticking everything earns nothing
    assert grade(q, ["A", "B", "C"], 3).status == "correct"


def test_partial_with_moodle_weights_sums_the_ticked_options_clamped_to_zero() -> None:
    q = multi(answer=["A", "B"], scoring="partial", weights={"A": 0.5, "B": 0.5, "C": -0.5})
    assert grade(q, ["A"], 1).score == 0.5
    assert grade(q, ["A", "C"], 1).score == 0.0
    assert grade(q, ["A", "B", "C"], 1).score == 0.5
    assert grade(q, ["C", "D"], 1).score == 0.0
    assert grade(q, ["A", "B", "D"], 1).score == 1.0  # D weighs 0, as an option without a fraction in Moodle


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"weights": {"A": 0.5, "B": 0.5}}, "partial"),
        ({"scoring": "partial", "weights": {"A": 0.5, "B": 0.5}}, "正好是答案"),
        ({"scoring": "partial", "weights": {"A": 0.3, "B": 0.3, "C": 0.3}}, "之和须为 1"),
        ({"scoring": "partial", "weights": {"A": 0.5, "B": 0.25, "C": 0.25, "E": -1}}, "不是有效的选项字母"),
        ({"scoring": "partial", "weights": {"A": 0.5, "B": 0.25, "C": 0.25, "D": -2}}, "-1 与 1"),
    ],
)
def test_bad_weights_are_refused(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        multi(**extra)


def test_a_moodle_multichoice_imports_with_its_own_fractions_and_scores_as_moodle_would() -> None:
    doc = """<quiz><question type="multichoice"><name><text>m.one</text></name>
      <questiontext format="plain_text"><text>哪两项？</text></questiontext><single>false</single>
      <answer fraction="50"><text>一</text></answer><answer fraction="50"><text>二</text></answer>
      <answer fraction="-50"><text>三</text></answer><answer fraction="0"><text>四</text></answer>
    </question></quiz>"""
    result = moodle_xml.parse(doc, default_point=POINTS[0])
    (data,) = result.questions
    assert data["scoring"] == "partial" and data["weights"] == {"A": 0.5, "B": 0.5, "C": -0.5}
    q = MultipleChoice.model_validate(data)
    assert grade(q, ["A"]).score == 0.5 and grade(q, ["A", "C"]).score == 0.0 and grade(q, ["A", "D"]).score == 0.5
    written, notes = moodle_xml.write([q])
    assert b'fraction="-50"' in written and not any("全对" in n for n in notes)
    again = moodle_xml.parse(written, default_point=POINTS[0]).questions[0]
    assert again["weights"] == data["weights"]


# ------------------------------------------------------------------ skill items


def skill(fixture_catalog: Catalog, qid: str) -> SkillItem:
    q = fixture_catalog.questions[qid]
    assert isinstance(q, SkillItem)
    return q


def test_a_skill_item_needs_a_case_unless_it_is_short_and_a_matching_total() -> None:
    base = {
        "type": "skill",
        "id": "s.x",
        "points": POINTS,
        "stem": "题干",
        "score": 6,
        "answer": "参考答案",
        "explanation": "说明",
        "marking": [{"label": f"要点{i}", "score": 2, "any": [f"词{i}"]} for i in range(3)],
    }
    SkillItem.model_validate({**base, "form": "short"})
    with pytest.raises(ValidationError, match="须有 case"):
        SkillItem.model_validate({**base, "form": "case"})
    with pytest.raises(ValidationError, match="不应有 case"):
        SkillItem.model_validate({**base, "form": "short", "case": "案例"})
    with pytest.raises(ValidationError, match="不符"):
        SkillItem.model_validate({**base, "form": "short", "score": 7})
    with pytest.raises(ValidationError):
        SkillItem.model_validate({**base, "form": "short", "marking": base["marking"][:2], "score": 4})  # type: ignore[index]


def test_a_skill_score_mismatch_is_reported_with_file_and_line(fixture_catalog: Catalog) -> None:
    found = [p for p in fixture_catalog.problems if p.file.endswith("skill-score-mismatch.yaml")]
    assert found and found[0].line == 5 and "不符" in found[0].message
    assert "fixture.skill-mismatch" not in fixture_catalog.questions


def test_an_answer_that_makes_every_point_is_scored_full_without_a_person(fixture_catalog: Catalog) -> None:
    q = skill(fixture_catalog, "skills.f004")
    text = (
        "我会先向客户诚恳道歉，说明蛋糕晚到确实是我们的失误；然后耐心倾听客户的感受，不打断他；"
        "接着主动提出退款并赠送一个小蛋糕作为补偿；过两天再打电话回访，同时改进配送排班，避免再次延误。"
    )
    result = grade(q, text, 20)
    assert result.status == "correct" and result.score == 20
    assert [p.status for p in result.parts] == ["correct"] * 4


def test_a_negated_point_is_not_credited_and_goes_to_an_instructor(fixture_catalog: Catalog) -> None:
    q = skill(fixture_catalog, "skills.f004")
    text = (
        "这次延误是快递的原因，我们不会道歉。我会耐心倾听客户的感受，给客户退款作为补偿，并在事后回访，改进配送流程。"
    )
    result = grade(q, text, 20)
    assert result.score is None and result.status == "review"
    assert result.parts[0].status == "review" and "否定" in result.message
    assert result.suggested == 15


def test_partly_found_points_are_unsure_with_the_rubric_suggestion(fixture_catalog: Catalog) -> None:
    q = skill(fixture_catalog, "skills.f004")
    text = "我会先向客户道歉，然后认真地把这件事情记录下来，交给店长按照公司的规定去处理，尽量让客户满意。"
    result = grade(q, text, 10)
    assert result.score is None and result.suggested == 2.5
    assert [p.status for p in result.parts] == ["correct", "wrong", "wrong", "wrong"]


def test_what_the_rubric_is_sure_is_zero(fixture_catalog: Catalog) -> None:
    q = skill(fixture_catalog, "skills.f004")
    assert grade(q, "不知道", 20).score == 0.0  # says nothing
    assert grade(q, "道歉", 20).score == 0.0  # a bare word is not an answer
    short_and_off = "我觉得应该让客户自己想办法，这件事情和门店关系不大。"
    assert grade(q, short_and_off, 20).score == 0.0
    assert grade(q, "", 20).status == "invalid" and grade(q, None, 20).status == "invalid"


def test_a_long_answer_without_a_hit_may_say_it_in_other_words(fixture_catalog: Catalog) -> None:
    q = skill(fixture_catalog, "skills.f004")
    text = "面对这位情绪激动的客户，" * 3 + "我会站在他的角度体会他的失望，承认门店的失误，给出弥补办法，之后持续跟进。"
    from quizzes.scoring import hanzi_count

    assert hanzi_count(text) >= SKILL_SHORT_HANZI
    result = grade(q, text, 20)
    assert result.score is None and "换了说法" in result.message


def test_gaming_answers_are_not_scored_automatically(fixture_catalog: Catalog) -> None:
    q = skill(fixture_catalog, "skills.f004")
    keyword_list = "道歉、倾听、补偿、回访、改进、对不起、赔偿"
    result = grade(q, keyword_list, 20)
    assert result.score is None and "堆砌" in result.message
    copied = q.case or ""
    assert grade(q, copied, 20).score is None


def test_stock_text_that_fits_any_case_is_not_marked_full_automatically(fixture_catalog: Catalog) -> None:
    from quizzes.itemstats import GENERIC_ANSWER

    q = skill(fixture_catalog, "skills.f004")
    for text in (GENERIC_ANSWER, GENERIC_ANSWER + (q.case or ""), (q.case or "") + GENERIC_ANSWER):
        result = grade(q, text, 20)
        assert result.score is None and "没有结合案例" in result.message
    own = "蛋糕晚到毁了聚会，" + GENERIC_ANSWER  # the same stock text, but about this case
    assert grade(q, own, 20).score == 20


def test_a_short_item_answered_with_the_right_terms_is_scored(fixture_catalog: Catalog) -> None:
    q = skill(fixture_catalog, "skills.f002")
    result = grade(q, "5S 原则：承担责任、真诚沟通、速度第一、系统运行、权威证实。", 10)
    assert result.status == "correct" and result.score == 10
