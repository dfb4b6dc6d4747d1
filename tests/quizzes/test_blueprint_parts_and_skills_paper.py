"""Blueprint parts restricted to modules and skill forms, the difficulty mix, and the skills paper end to end:
autosave, a pending paper, per-point marking by an instructor, and the certification final around it."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from pydantic import ValidationError

from catalog.catalog import Catalog
from certification import final as cert
from classroom.manual import GradingError, grade_exam_skill, pending
from quizzes import exam
from quizzes.models import Blueprint, Judge
from store.db import Database
from store.tables import User

MODULE_OF = {"a.p": "mod-a", "b.p": "mod-b"}


def judges(module_point: str, levels: list[int], prefix: str) -> dict[str, Judge]:
    return {
        f"{prefix}{i:03d}": Judge(
            type="judge",
            id=f"{prefix}{i:03d}",
            stem="题干",
            answer=True,
            explanation="说明",
            points=(module_point,),
            difficulty=level,
        )
        for i, level in enumerate(levels)
    }


def blueprint(**extra: object) -> Blueprint:
    data: dict[str, object] = {
        "schema_version": 1,
        "id": "t",
        "title": "测试",
        "time_limit_minutes": 10,
        "total": 20,
        "pass_mark": 12,
        "parts": [{"title": "一", "type": "judge", "count": 20, "score_each": 1}],
        "module_weights": {"mod-a": 1},
    }
    data.update(extra)
    return Blueprint.model_validate(data)


def test_the_draw_meets_the_difficulty_mix_when_the_pool_allows() -> None:
    pool = judges("a.p", [1] * 40 + [2] * 40 + [3] * 40, "a")
    bp = blueprint(difficulty_mix={1: 0.3, 2: 0.5, 3: 0.2})
    for seed in range(20):
        paper = exam.draw(bp, dict(pool), MODULE_OF, seed)
        assert Counter(pool[p.question_id].difficulty for p in paper) == {1: 6, 2: 10, 3: 4}
    assert exam.draw(bp, dict(pool), MODULE_OF, 5) == exam.draw(bp, dict(pool), MODULE_OF, 5)


def test_the_draw_comes_as_close_as_a_thin_pool_allows() -> None:
    pool = judges("a.p", [1] * 30 + [2] * 30 + [3] * 2, "a")
    paper = exam.draw(blueprint(difficulty_mix={1: 0.3, 2: 0.5, 3: 0.2}), pool, MODULE_OF, 3)
    levels = Counter(pool[p.question_id].difficulty for p in paper)
    assert levels[3] == 2 and levels[1] + levels[2] == 18 and levels[2] >= 10


def test_without_a_mix_the_draw_ignores_difficulty_but_keeps_its_modules() -> None:
    pool = judges("a.p", [1] * 30, "a") | judges("b.p", [3] * 30, "b")
    paper = exam.draw(blueprint(), pool, MODULE_OF, 1)
    assert {pool[p.question_id].points[0] for p in paper} == {"a.p"}  # mod-b has no weight: never drawn


def test_a_part_restricted_to_modules_draws_only_from_them() -> None:
    pool = judges("a.p", [2] * 30, "a") | judges("b.p", [2] * 30, "b")
    parts = [
        {"title": "一、职业道德", "type": "judge", "count": 5, "score_each": 1, "modules": ["mod-b"]},
        {"title": "二、判断题", "type": "judge", "count": 15, "score_each": 1},
    ]
    paper = exam.draw(blueprint(parts=parts), pool, MODULE_OF, 9)
    assert all(p.question_id.startswith("b") for p in paper if p.part == 0)
    assert all(p.question_id.startswith("a") for p in paper if p.part == 1)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"difficulty_mix": {1: 0.5, 4: 0.5}}, "1、2、3"),
        ({"difficulty_mix": {1: 0.5, 2: 0.2}}, "之和须为 1"),
        ({"parts": [{"title": "一", "type": "judge", "count": 20, "score_each": 1, "forms": ["case"]}]}, "forms"),
    ],
)
def test_bad_blueprints_are_refused(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        blueprint(**extra)


def test_a_part_naming_an_unknown_module_is_reported(fixture_catalog: Catalog) -> None:
    found = [p for p in fixture_catalog.problems if p.file.endswith("part-unknown-module.yaml")]
    assert [(p.line, p.field) for p in found] == [(8, "parts.0.modules")]
    assert "part-unknown-module" not in fixture_catalog.blueprints


def test_skill_parts_draw_their_forms(fixture_catalog: Catalog) -> None:
    bp = fixture_catalog.blueprints["skills-paper"]
    for seed in range(10):
        paper = exam.draw(bp, fixture_catalog.questions, fixture_catalog.syllabus.module_of, seed)
        forms = [(p.part, fixture_catalog.questions[p.question_id].form) for p in paper]  # type: ignore[union-attr]
        assert sorted(forms) == [(0, "short"), (0, "short"), (1, "case"), (1, "case"), (2, "design")]
        assert sum(p.score for p in paper) == 100


def person(db: Database, name: str = "skills_trainee") -> int:
    with db.session() as s:
        user = User(username=name, display_name="林芳", role="trainee", password_hash="x")
        s.add(user)
        s.flush()
        return user.id


def full_answer(q: Any) -> str:
    """An answer naming every marking point in sentences and speaking of the case (a prepared candidate's)."""
    about = f"针对{(q.case or '')[:7]}的情况，" if q.case else ""
    points = "。".join(
        f"第{i + 1}点，我们应当做到{m.any[0]}，并落实到每一位员工的日常工作里" for i, m in enumerate(q.marking)
    )
    return about + points + "。"


def test_a_skills_paper_waits_for_an_instructor_then_shows_its_result(db: Database, fixture_catalog: Catalog) -> None:
    bp = fixture_catalog.blueprints["skills-paper"]
    uid = person(db)
    questions, module_of = fixture_catalog.questions, fixture_catalog.syllabus.module_of
    attempt = exam.start(db, uid, bp, questions, module_of, seed=4)
    paper = exam.load(db, uid, attempt).paper
    first, *rest = paper
    one_point = questions[first.question_id].marking[0].any[0]  # type: ignore[union-attr]
    half = f"我认为首先要做到{one_point}，其余的事情交给主管按照公司的规定去处理，尽量让大家满意。"
    exam.save_answer(db, uid, attempt, first.question_id, half)
    for item in rest:
        exam.save_answer(db, uid, attempt, item.question_id, full_answer(questions[item.question_id]))
    view = exam.submit(db, uid, attempt, bp, questions, module_of)
    assert view.passed is None and view.breakdown is not None and view.breakdown["pending"] == 1
    assert view.score == sum(i.score for i in rest)  # the sure items are scored, the unsure one waits
    (waiting,) = pending(db, [uid])
    assert waiting.question_id == first.question_id and len(waiting.marking) == len(
        questions[first.question_id].marking  # type: ignore[union-attr]
    )
    assert waiting.suggested is not None and 0 < waiting.suggested < first.score
    with pytest.raises(GradingError):
        grade_exam_skill(db, attempt, first.question_id, [99.0] * len(waiting.marking), bp.pass_mark)
    with pytest.raises(GradingError):
        grade_exam_skill(db, attempt, first.question_id, [0.0], bp.pass_mark)
    marks = [float(p["possible"]) for p in waiting.marking]
    total = grade_exam_skill(db, attempt, first.question_id, marks, bp.pass_mark)
    view = exam.load(db, uid, attempt)
    assert total == 100 and view.passed is True and view.breakdown is not None
    assert view.breakdown["pending"] == 0 and view.breakdown["items"][first.question_id]["point_marks"] == marks
    assert pending(db, [uid]) == []


def test_the_final_takes_the_skills_paper_after_the_theory_paper(db: Database, fixture_catalog: Catalog) -> None:
    rules = cert.Rules.model_validate(
        {
            "schema_version": 1,
            "title": "结业认证",
            "requirements": {
                "sections_read": 0,
                "practice_answers": 0,
                "practice_accuracy": 0,
                "mock_exam_passed": False,
            },
            "final": {
                "blueprint": "starter-mock",
                "theory_pass": 60,
                "skills_blueprint": "skills-paper",
                "skills_paper_pass": 60,
                "complaint_scenarios": ["late-birthday-cake"],
                "crisis_scenarios": ["late-birthday-cake"],
                "skills_pass": 60,
            },
        }
    )
    assert cert.rule_problems(rules, fixture_catalog) == []
    uid = person(db)
    final = cert.start_final(db, fixture_catalog, rules, uid, seed=2)
    with pytest.raises(cert.CertificationError, match="理论"):
        cert.start_skills_paper(db, fixture_catalog, rules, uid, final)
    state = cert.status(db, rules, uid, final)
    questions, module_of = fixture_catalog.questions, fixture_catalog.syllabus.module_of
    theory_bp = fixture_catalog.blueprints["starter-mock"]
    for item in exam.load(db, uid, state.exam_attempt_id).paper:
        q = questions[item.question_id]
        exam.save_answer(db, uid, state.exam_attempt_id, q.id, list(q.answer) if q.type == "multiple" else q.answer)  # type: ignore[union-attr]
    exam.submit(db, uid, state.exam_attempt_id, theory_bp, questions, module_of)
    paper_id = cert.start_skills_paper(db, fixture_catalog, rules, uid, final)
    assert cert.start_skills_paper(db, fixture_catalog, rules, uid, final) == paper_id  # once
    state = cert.status(db, rules, uid, final)
    assert state.theory == 100 and state.paper is None and state.paper_attempt_id == paper_id
    skills_bp = fixture_catalog.blueprints["skills-paper"]
    for item in exam.load(db, uid, paper_id).paper:
        exam.save_answer(db, uid, paper_id, item.question_id, "这个问题我不太清楚。")
    exam.submit(db, uid, paper_id, skills_bp, questions, module_of)
    state = cert.status(db, rules, uid, final)
    assert state.paper == 0 and state.passed is None  # the role-plays are still to come
    later = exam.start(db, uid, skills_bp, questions, module_of, seed=8)  # a later mock of the paper does not count
    assert cert.status(db, rules, uid, final).paper_attempt_id == paper_id != later


def test_a_skill_part_draws_only_items_worth_its_score(fixture_catalog: Catalog) -> None:
    bp = fixture_catalog.blueprints["skills-paper"]
    design = bp.parts[2]
    module_of = fixture_catalog.syllabus.module_of
    assert sum(map(len, exam.part_pool(bp, design, fixture_catalog.questions, module_of).values())) == 2
    other = design.model_copy(update={"score_each": 30.0})
    assert exam.part_pool(bp, other, fixture_catalog.questions, module_of) == {}
