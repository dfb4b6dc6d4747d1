"""Exam integrity as a cunning trainee would probe it: practising the items of an open paper, continuing the
final's scenario with hints, unticking an answer, and content edited under a running paper or run."""

from __future__ import annotations

import pytest

from actions import certify, scenarios, study
from actions.refusals import Invalid, NotAllowed
from catalog.catalog import Catalog
from quizzes import exam
from quizzes.modes import Mode, Scope
from store.db import Database
from tests.actions.conftest import School


def _paper(db: Database, school: School) -> list[str]:
    return [item.question_id for item in exam.load(db, school.t1.id, school.attempt).paper]


def test_an_open_papers_items_are_hidden_from_every_practice_mode(db: Database, school: School) -> None:
    on_paper = set(_paper(db, school))
    for mode in Mode:
        pool = study.practice_pool(db, school.t1, school.course, mode, Scope.ALL, None, 7)
        assert not on_paper & set(pool), mode
    assert study.hidden_during_exam(db, school.t1) >= on_paper
    qid = next(iter(on_paper))
    with pytest.raises(NotAllowed):
        study.answer_question(db, school.t1, school.course, qid, "A", "practice")
    # another trainee, with no open paper, practises them as usual
    assert on_paper & set(study.practice_pool(db, school.t2, school.course, Mode.SEQUENTIAL))


def test_after_submitting_the_items_come_back(db: Database, school: School) -> None:
    on_paper = set(_paper(db, school))
    study.submit_exam(db, school.t1, school.course, school.attempt)
    for pending in list(study.hidden_during_exam(db, school.t1)):  # the final's theory paper is still open
        on_paper.discard(pending)
    assert on_paper <= set(study.practice_pool(db, school.t1, school.course, Mode.SEQUENTIAL))


def test_the_finals_scenario_is_played_only_on_the_certification_page(db: Database, school: School) -> None:
    run_id = certify.final_scenario_run(db, school.t1, school.final, 0)
    assert run_id not in {r.id for r in scenarios.my_runs(db, school.t1, school.course)}
    with pytest.raises(NotAllowed) as refused:
        scenarios.play_turn(db, school.t1, school.course, run_id, "您好，很抱歉让您久等了。", 0)
    assert "认证考试" in refused.value.detail
    with pytest.raises(NotAllowed):  # and a practice run is not a final's
        scenarios.play_turn(db, school.t1, school.course, school.run, "您好。", 0, final=True)


def test_unticking_every_box_is_saved(db: Database, school: School) -> None:
    qid = _paper(db, school)[0]
    study.save_exam_answer(db, school.t1, school.attempt, qid, ["A", "B"])
    study.save_exam_answer(db, school.t1, school.attempt, qid, [])
    assert qid not in study.load_exam(db, school.t1, school.attempt).answers


def test_a_running_paper_keeps_its_questions_when_the_bank_changes(db: Database, school: School) -> None:
    view = study.load_exam(db, school.t1, school.attempt)
    for item in view.paper:
        q = school.course.questions[item.question_id]
        study.save_exam_answer(db, school.t1, school.attempt, q.id, getattr(q, "answer", None))
    first = view.paper[0].question_id
    changed = dict(school.course.questions)
    del changed[first]  # the question was deleted from the bank meanwhile
    second = view.paper[1].question_id
    changed[second] = changed[second].model_copy(update={"stem": "改过的题干。"})
    course = _with_questions(school.course, changed)
    done = study.submit_exam(db, school.t1, course, school.attempt)
    assert done.score == 100  # graded as drawn, the deleted question included
    assert done.question(second, course.questions).stem != "改过的题干。"  # type: ignore[union-attr]


def _with_questions(course: Catalog, questions: dict) -> Catalog:  # type: ignore[type-arg]
    clone = Catalog(course.syllabus, course.library)
    clone.__dict__.update({k: v for k, v in course.__dict__.items() if k != "questions"})
    clone.questions = questions
    return clone


def test_a_run_whose_scenario_changed_ends_cleanly(db: Database, school: School) -> None:
    run_id = scenarios.start_run(db, school.t2, school.course, "late-birthday-cake")
    scenario = school.course.scenarios["late-birthday-cake"]
    edited = dict(school.course.scenarios)
    edited["late-birthday-cake"] = scenario.model_copy(update={"title": scenario.title + "（修订）"})
    course = _with_questions(school.course, school.course.questions)
    course.scenarios = edited
    with pytest.raises(Invalid) as refused:
        scenarios.load_run(db, school.t2, course, run_id)
    assert "更新" in refused.value.detail
    summary = next(r for r in scenarios.my_runs(db, school.t2, course) if r.id == run_id)
    assert summary.finished  # no longer offered to resume


def test_two_tabs_autosaving_one_question_at_once(db: Database, school: School) -> None:
    import threading

    from actions.refusals import Stale

    qid = _paper(db, school)[1]
    for trial in range(5):
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def save(letter: str, gate: threading.Barrier = barrier, sink: list[BaseException] = errors) -> None:
            gate.wait()
            try:
                study.save_exam_answer(db, school.t1, school.attempt, qid, letter)
            except Stale:
                pass  # told to reload: acceptable
            except BaseException as exc:  # anything else is a defect
                sink.append(exc)

        threads = [threading.Thread(target=save, args=(x,)) for x in ("A", "B")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, (trial, errors)
        assert study.load_exam(db, school.t1, school.attempt).answers[qid] in ("A", "B")
