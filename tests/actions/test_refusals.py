"""Every action refuses whoever may not do it, at the core, and a refusal writes nothing: a signed-out caller
(actor None) always, a trainee where the action is not theirs, an instructor of another class."""

from __future__ import annotations

import contextlib
import importlib
import inspect
import pkgutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import actions
from actions import (
    account,
    admin,
    banks,
    certify,
    classes,
    feedback,
    live,
    overrides,
    reports,
    roleplay,
    scenarios,
    sign_in,
    study,
    teaching,
    versions,
)
from actions.refusals import Invalid, LimitReached, NotAllowed, NotFound, Refusal
from classroom.accounts import Account
from interop.banks import import_file
from interop.common import ImportResult
from store.db import Database
from tests.actions.conftest import BLUEPRINT, SCENARIO, School, counts

Call = Callable[[Database, School, Account | None], Any]
NONE, TRAINEE, STRANGER, OTHER = "none", "t2", "t_b", "teacher_b"  # t2 is in class A, t_b in class B only


GIFT_FILE = "::Q1::客户投诉应当先倾听。{T}\n".encode()


def checked(w: School) -> ImportResult:
    """A bank file read the way an admin's check reads it (no access check: the saving is under test)."""
    return import_file("q.gift", GIFT_FILE, w.course, next(iter(w.course.syllabus.points)))


def roster() -> bytes:
    return "用户名,姓名\nnew_one,新学员\n".encode()


ADMIN_ONLY = (NONE, TRAINEE, STRANGER, OTHER, "teacher_a")  # question versions: admins only


def _single(w: School) -> str:
    return next(q.id for q in w.course.questions.values() if q.type == "single")


# action name -> (how to call it on class A's things, who must be refused)
CASES: dict[str, tuple[Call, tuple[str, ...]]] = {
    # the actor's own study: only a signed-out caller has no "own"
    "my_figures": (lambda db, w, a: study.my_figures(db, a, w.course), (NONE,)),
    "my_answers": (lambda db, w, a: study.my_answers(db, a), (NONE,)),
    "practice_pool": (lambda db, w, a: study.practice_pool(db, a, w.course, study.Mode.SEQUENTIAL), (NONE,)),
    "hidden_during_exam": (lambda db, w, a: study.hidden_during_exam(db, a), (NONE,)),
    "my_tasks": (lambda db, w, a: study.my_tasks(db, a, w.course), (NONE,)),
    "mark_section": (
        lambda db, w, a: study.mark_section(db, a, w.course, next(iter(w.course.sections)), "done"),
        (NONE,),
    ),
    "my_section_statuses": (lambda db, w, a: study.my_section_statuses(db, a), (NONE,)),
    "my_last_section": (lambda db, w, a: study.my_last_section(db, a), (NONE,)),
    "answer_question": (
        lambda db, w, a: study.answer_question(db, a, w.course, next(iter(w.course.questions)), "A"),
        (NONE,),
    ),
    "toggle_favorite": (lambda db, w, a: study.toggle_favorite(db, a, next(iter(w.course.questions))), (NONE,)),
    "my_favorites": (lambda db, w, a: study.my_favorites(db, a), (NONE,)),
    "my_wrong_book": (lambda db, w, a: study.my_wrong_book(db, a), (NONE,)),
    "my_due_reviews": (lambda db, w, a: study.my_due_reviews(db, a), (NONE,)),
    "my_next_review": (lambda db, w, a: study.my_next_review(db, a), (NONE,)),
    "my_exam_date": (lambda db, w, a: study.my_exam_date(db, a), (NONE,)),
    "set_my_exam_date": (lambda db, w, a: study.set_my_exam_date(db, a, date(2027, 1, 1)), (NONE,)),
    "my_study_plan": (lambda db, w, a: study.my_study_plan(db, a, w.course), (NONE,)),
    "set_study_plan": (lambda db, w, a: study.set_study_plan(db, a, date(2027, 1, 1), 2, 20, 20), (NONE,)),
    "my_exam_trend": (lambda db, w, a: study.my_exam_trend(db, a, w.course), (NONE,)),
    "my_position": (lambda db, w, a: study.my_position(db, a, "seq"), (NONE,)),
    "save_my_position": (lambda db, w, a: study.save_my_position(db, a, "seq", 3), (NONE,)),
    "exam_attempts_left": (lambda db, w, a: study.exam_attempts_left(db, a, w.course, BLUEPRINT), (NONE,)),
    "start_exam": (lambda db, w, a: study.start_exam(db, a, w.course, BLUEPRINT), (NONE,)),
    "open_exam": (lambda db, w, a: study.open_exam(db, a), (NONE,)),
    "exam_history": (lambda db, w, a: study.exam_history(db, a), (NONE,)),
    # the actor's own things, reached by id: nobody else's
    "load_exam": (lambda db, w, a: study.load_exam(db, a, w.attempt), (NONE, TRAINEE, OTHER, "teacher_a")),
    "save_exam_answer": (
        lambda db, w, a: study.save_exam_answer(db, a, w.attempt, next(iter(w.course.questions)), "A"),
        (NONE, TRAINEE, OTHER, "teacher_a"),
    ),
    "flag_exam_item": (
        lambda db, w, a: study.flag_exam_item(
            db, a, w.attempt, study.exam.load(db, w.t1.id, w.attempt).paper[0].question_id, True
        ),
        (NONE, TRAINEE, OTHER, "teacher_a"),
    ),
    "submit_exam": (
        lambda db, w, a: study.submit_exam(db, a, w.course, w.attempt),
        (NONE, TRAINEE, OTHER, "teacher_a"),
    ),
    "scenario_attempts_left": (lambda db, w, a: scenarios.scenario_attempts_left(db, a, w.course, SCENARIO), (NONE,)),
    "start_run": (lambda db, w, a: scenarios.start_run(db, a, w.course, SCENARIO), (NONE,)),
    "my_runs": (lambda db, w, a: scenarios.my_runs(db, a, w.course), (NONE,)),
    "load_run": (lambda db, w, a: scenarios.load_run(db, a, w.course, w.run), (NONE, TRAINEE, STRANGER, OTHER)),
    "load_runs": (
        lambda db, w, a: scenarios.load_runs(db, a, w.course, [w.run]),
        (NONE, TRAINEE, STRANGER, OTHER),
    ),
    "play_turn": (
        lambda db, w, a: scenarios.play_turn(db, a, w.course, w.run, "非常抱歉，我马上为您查询。", 0),
        (NONE, TRAINEE, OTHER, "teacher_a"),
    ),
    # certification
    "requirement_checks": (lambda db, w, a: certify.requirement_checks(db, a, w.course), (NONE,)),
    "my_certificates": (lambda db, w, a: certify.my_certificates(db, a), (NONE,)),
    "current_final": (lambda db, w, a: certify.current_final(db, a), (NONE,)),
    "latest_final": (lambda db, w, a: certify.latest_final(db, a), (NONE,)),
    "start_final": (lambda db, w, a: certify.start_final(db, a, w.course), (NONE, TRAINEE, OTHER)),  # not ready
    "final_status": (lambda db, w, a: certify.final_status(db, a, w.final), (NONE, TRAINEE, OTHER, "teacher_a")),
    "final_scenario_run": (
        lambda db, w, a: certify.final_scenario_run(db, a, w.final, 0),
        (NONE, TRAINEE, OTHER, "teacher_a"),
    ),
    "verify_certificate": (lambda db, w, a: certify.verify_certificate(db, a, "CMA-000001-AAAA-BBBB-CCCC"), ()),
    # signing in: open to everyone (the school already has its admin, so set-up is refused to all)
    "sign_in_page": (lambda db, w, a: sign_in.sign_in_page(db, a), ()),
    "sign_in": (lambda db, w, a: sign_in.sign_in(db, a, w.t1.username, "secret-pass-2026"), ()),
    "sign_in_with_identity": (lambda db, w, a: sign_in.sign_in_with_identity(db, a, "", None, None), ()),
    "set_up_first_admin": (
        lambda db, w, a: sign_in.set_up_first_admin(db, a, "second_admin", "第二位", "a-long-pass-phrase-2026"),
        (NONE, TRAINEE, STRANGER, OTHER, "teacher_a", "admin"),
    ),
    # classes
    "my_classes": (lambda db, w, a: classes.my_classes(db, a), (NONE,)),
    "get_class": (lambda db, w, a: classes.get_class(db, a, w.class_a), (NONE, STRANGER, OTHER)),
    "create_class": (lambda db, w, a: classes.create_class(db, a, "新班"), (NONE, TRAINEE)),
    "join_class": (lambda db, w, a: classes.join_class(db, a, w.code_a), (NONE,)),
    "class_members": (lambda db, w, a: classes.class_members(db, a, w.class_a), (NONE, TRAINEE, OTHER)),
    "import_roster": (
        lambda db, w, a: classes.import_roster(db, a, w.class_a, "名单.csv", roster()),
        (NONE, TRAINEE, OTHER),
    ),
    "remove_member": (lambda db, w, a: classes.remove_member(db, a, w.class_a, w.t3.id), (NONE, TRAINEE, OTHER)),
    "assign": (
        lambda db, w, a: classes.assign(db, a, w.course, w.class_a, "scenario", SCENARIO),
        (NONE, TRAINEE, OTHER),
    ),
    "delete_assignment": (
        lambda db, w, a: classes.delete_assignment(db, a, w.class_a, w.exam_task),
        (NONE, TRAINEE, OTHER),
    ),
    "class_assignments": (lambda db, w, a: classes.class_assignments(db, a, w.class_a), (NONE, STRANGER, OTHER)),
    "form_groups": (lambda db, w, a: classes.form_groups(db, a, w.class_a, 4, 1), (NONE, TRAINEE, OTHER)),
    "create_group": (lambda db, w, a: classes.create_group(db, a, w.class_a, "二组"), (NONE, TRAINEE, OTHER)),
    "place_in_group": (
        lambda db, w, a: classes.place_in_group(db, a, w.class_a, w.team, w.t3.id),
        (NONE, TRAINEE, OTHER),
    ),
    "set_group_leader": (
        lambda db, w, a: classes.set_group_leader(db, a, w.class_a, w.team, w.t3.id),
        (NONE, TRAINEE, OTHER),
    ),
    "class_groups": (lambda db, w, a: classes.class_groups(db, a, w.class_a), (NONE, TRAINEE, OTHER)),
    "my_group": (lambda db, w, a: classes.my_group(db, a, w.class_a), (NONE, STRANGER, OTHER)),
    # teaching
    "trainee_summaries": (lambda db, w, a: teaching.trainee_summaries(db, a, w.course), (NONE, TRAINEE)),
    "trainee_mastery": (lambda db, w, a: teaching.trainee_mastery(db, a, w.course, w.t1.id), (NONE, TRAINEE, OTHER)),
    "trainee_exams": (lambda db, w, a: teaching.trainee_exams(db, a, w.t1.id), (NONE, TRAINEE, OTHER)),
    "trainee_runs": (lambda db, w, a: teaching.trainee_runs(db, a, w.t1.id), (NONE, TRAINEE, OTHER)),
    "item_statistics": (lambda db, w, a: teaching.item_statistics(db, a, w.course), (NONE, TRAINEE)),
    "analyse_items": (lambda db, w, a: teaching.analyse_items(db, a, w.course, w.class_a), (NONE, TRAINEE, OTHER)),
    "class_answer_grid": (
        lambda db, w, a: teaching.class_answer_grid(db, a, w.course, w.class_a),
        (NONE, TRAINEE, OTHER),
    ),
    "class_exam_grid": (
        lambda db, w, a: teaching.class_exam_grid(db, a, w.class_a, BLUEPRINT),
        (NONE, TRAINEE, OTHER),
    ),
    "class_dashboard": (lambda db, w, a: teaching.class_dashboard(db, a, w.course, w.class_a), (NONE, TRAINEE, OTHER)),
    "pending_grading": (lambda db, w, a: teaching.pending_grading(db, a, w.class_a), (NONE, TRAINEE, OTHER)),
    "grade_skill_manually": (
        lambda db, w, a: teaching.grade_skill_manually(db, a, w.course, w.class_a, w.attempt, "x", [1.0]),
        (NONE, TRAINEE, OTHER),
    ),
    "start_final_skills_paper": (
        lambda db, w, a: certify.start_final_skills_paper(db, a, w.course, w.final),
        (NONE, TRAINEE, OTHER),
    ),
    "grade_manually": (
        lambda db, w, a: teaching.grade_manually(
            db, a, w.course, w.class_a, "practice", w.answer, _answer_question(db, w), 1.0
        ),
        (NONE, TRAINEE, OTHER),
    ),
    # live quizzes
    "create_live_quiz": (
        lambda db, w, a: live.create_live_quiz(db, a, w.course, w.class_a, "测", w.course.chapters[0].id, 3),
        (NONE, TRAINEE, OTHER),
    ),
    "class_live_quizzes": (lambda db, w, a: live.class_live_quizzes(db, a, w.class_a), (NONE, TRAINEE, OTHER)),
    "live_state": (lambda db, w, a: live.live_state(db, a, w.quiz), (NONE, STRANGER, OTHER)),
    "push_live_question": (lambda db, w, a: live.push_live_question(db, a, w.quiz, -1), (NONE, TRAINEE, OTHER)),
    "finish_live_quiz": (lambda db, w, a: live.finish_live_quiz(db, a, w.quiz), (NONE, TRAINEE, OTHER)),
    "live_boards": (lambda db, w, a: live.live_boards(db, a, w.quiz), (NONE, STRANGER, OTHER)),
    "live_view": (lambda db, w, a: live.live_view(db, a, w.quiz), (NONE, STRANGER, OTHER)),
    "join_live_quiz": (lambda db, w, a: live.join_live_quiz(db, a, w.quiz_code), (NONE, STRANGER, OTHER)),
    "my_live_quiz": (lambda db, w, a: live.my_live_quiz(db, a), (NONE,)),
    "answer_live": (
        lambda db, w, a: live.answer_live(db, a, w.course, w.quiz, next(iter(w.course.questions)), "A"),
        (NONE, STRANGER, OTHER),
    ),
    "my_live_answer": (lambda db, w, a: live.my_live_answer(db, a, w.quiz, "q"), (NONE,)),
    "my_live_answers": (lambda db, w, a: live.my_live_answers(db, a, w.quiz), (NONE,)),
    # role-play
    "start_role_play": (
        lambda db, w, a: roleplay.start_role_play(db, a, w.course, w.class_a, w.team, SCENARIO, w.t3.id, w.t2.id),
        (NONE, TRAINEE, OTHER),
    ),
    "class_role_plays": (
        lambda db, w, a: roleplay.class_role_plays(db, a, w.course, w.class_a),
        (NONE, TRAINEE, OTHER),
    ),
    "my_role_plays": (lambda db, w, a: roleplay.my_role_plays(db, a, w.course, w.class_a), (NONE, STRANGER, OTHER)),
    "role_play_info": (lambda db, w, a: roleplay.role_play_info(db, a, w.course, w.role_play), (NONE, STRANGER, OTHER)),
    "mark_role_play": (
        lambda db, w, a: roleplay.mark_role_play(db, a, w.course, w.role_play, _full_marks(w), "好"),
        (NONE, STRANGER, OTHER, TRAINEE, "t1", "teacher_a"),  # t2 is the customer, t1 the agent
    ),
    "my_observer_marks": (lambda db, w, a: roleplay.my_observer_marks(db, a, w.role_play), (NONE, STRANGER, OTHER)),
    # group reports
    "submit_report": (
        lambda db, w, a: reports.submit_report(db, a, w.class_a, w.report_task, "开头正文结尾" * 20),
        (NONE, STRANGER, OTHER, TRAINEE),  # t2 is not the leader
    ),
    "my_group_report": (
        lambda db, w, a: reports.my_group_report(db, a, w.class_a, w.report_task),
        (NONE, STRANGER, OTHER),
    ),
    "class_reports": (lambda db, w, a: reports.class_reports(db, a, w.class_a, w.report_task), (NONE, TRAINEE, OTHER)),
    "mark_report": (
        lambda db, w, a: reports.mark_report(db, a, w.class_a, w.submission, _report_marks(), "好"),
        (NONE, TRAINEE, OTHER),
    ),
    # accounts
    "all_accounts": (lambda db, w, a: admin.all_accounts(db, a), (NONE, TRAINEE, OTHER)),
    "create_account": (
        lambda db, w, a: admin.create_account(db, a, "someone", "某人", "instructor", "long-password"),
        (NONE, TRAINEE, OTHER),
    ),
    "change_role": (lambda db, w, a: admin.change_role(db, a, w.t2.id, "admin"), (NONE, TRAINEE, OTHER)),
    "reset_password": (
        lambda db, w, a: admin.reset_password(db, a, w.t2.id, "a-new-phrase-for-t2"),
        (NONE, TRAINEE, OTHER),
    ),
    # question banks in and out
    "export_bank": (lambda db, w, a: banks.export_bank(db, a, w.course, "gift"), (NONE, TRAINEE, OTHER)),
    "check_bank_file": (
        lambda db, w, a: banks.check_bank_file(db, a, w.course, "q.gift", GIFT_FILE),
        (NONE, TRAINEE, OTHER),
    ),
    "save_bank_file": (
        lambda db, w, a: banks.save_bank_file(db, a, Path(tempfile.mkdtemp()), "q.gift", checked(w), "导入"),
        (NONE, TRAINEE, OTHER),
    ),
    # problem reports
    "report_problem": (
        lambda db, w, a: feedback.report_problem(db, a, w.course, "turn", SCENARIO, "unfair", "判错了", w.run, 0),
        (NONE, TRAINEE, OTHER, "teacher_a"),  # only the run's trainee reports its lines
    ),
    "my_reports": (lambda db, w, a: feedback.my_reports(db, a), (NONE,)),
    "problem_queue": (lambda db, w, a: feedback.problem_queue(db, a, w.course, w.class_a), (NONE, TRAINEE, OTHER)),
    "answer_report": (
        lambda db, w, a: feedback.answer_report(db, a, _report(db, w), "resolved", "已改正答案"),
        (NONE, TRAINEE, OTHER),  # teacher_b does not teach t1
    ),
    # instructors' overrides of the rule engine: only who teaches the run's trainee (t1), or an admin
    "review_run": (
        lambda db, w, a: overrides.review_run(db, a, w.course, w.run),
        (NONE, TRAINEE, STRANGER, OTHER, "t1"),
    ),
    "override_rule": (
        lambda db, w, a: overrides.override_rule(db, a, w.course, w.run, 0, "opening:0", False, "不算道歉"),
        (NONE, TRAINEE, STRANGER, OTHER, "t1"),
    ),
    "remove_override": (
        lambda db, w, a: overrides.remove_override(db, a, w.course, w.run, 0, "opening:0"),
        (NONE, TRAINEE, STRANGER, OTHER, "t1"),
    ),
    # one's own account
    "change_password": (lambda db, w, a: account.change_password(db, a, "not-the-old-one", "a-new-phrase-26"), (NONE,)),
    "sign_out_everywhere": (lambda db, w, a: account.sign_out_everywhere(db, a), (NONE,)),
    # question versions
    "question_history": (lambda db, w, a: versions.question_history(db, a, w.course, _single(w)), ADMIN_ONLY),
    "edit_question": (
        lambda db, w, a: versions.edit_question(db, a, w.course, _single(w), 1, {"difficulty": 3}),
        ADMIN_ONLY,
    ),
    "preview_regrade": (lambda db, w, a: versions.preview_regrade(db, a, w.course, _single(w), 1), ADMIN_ONLY),
    "regrade_question": (lambda db, w, a: versions.regrade_question(db, a, w.course, _single(w), 1), ADMIN_ONLY),
    "retire_question": (lambda db, w, a: versions.retire_question(db, a, w.course, _single(w)), ADMIN_ONLY),
    "restore_question": (lambda db, w, a: versions.restore_question(db, a, w.course, _single(w)), ADMIN_ONLY),
    "export_question_edits": (lambda db, w, a: versions.export_question_edits(db, a, w.course), ADMIN_ONLY),
}

# Who may do each action on class A's things (checked to succeed, so the refusals are not a broken call).
ALLOWED = {
    "load_exam": "t1",
    "save_exam_answer": "t1",
    "submit_exam": "t1",
    "load_run": "teacher_a",
    "load_runs": "teacher_a",
    "play_turn": "t1",
    "final_status": "t1",
    "final_scenario_run": "t1",
    "get_class": "t2",
    "create_class": "teacher_b",
    "class_members": "teacher_a",
    "import_roster": "teacher_a",
    "remove_member": "admin",
    "assign": "teacher_a",
    "delete_assignment": "teacher_a",
    "class_assignments": "t2",
    "form_groups": "teacher_a",
    "create_group": "teacher_a",
    "place_in_group": "teacher_a",
    "set_group_leader": "admin",
    "class_groups": "teacher_a",
    "my_group": "t2",
    "trainee_summaries": "teacher_b",
    "trainee_mastery": "teacher_a",
    "trainee_exams": "admin",
    "trainee_runs": "teacher_a",
    "item_statistics": "teacher_b",
    "class_dashboard": "teacher_a",
    "pending_grading": "teacher_a",
    "grade_manually": "teacher_a",
    "create_live_quiz": "teacher_a",
    "class_live_quizzes": "teacher_a",
    "live_state": "t2",
    "push_live_question": "teacher_a",
    "finish_live_quiz": "teacher_a",
    "live_boards": "t2",
    "live_view": "t2",
    "join_live_quiz": "t2",
    "answer_live": "t1",
    "start_role_play": "teacher_a",
    "class_role_plays": "teacher_a",
    "my_role_plays": "t2",
    "role_play_info": "t2",
    "mark_role_play": "t3",
    "my_observer_marks": "t3",
    "submit_report": "t1",
    "my_group_report": "t2",
    "class_reports": "teacher_a",
    "mark_report": "teacher_a",
    "all_accounts": "admin",
    "create_account": "admin",
    "change_role": "admin",
    "reset_password": "admin",
    "export_bank": "admin",
    "check_bank_file": "admin",
    "save_bank_file": "admin",
    "change_password": "t1",
    "answer_report": "teacher_a",
    "problem_queue": "teacher_a",
    "sign_out_everywhere": "t1",
    "review_run": "teacher_a",
    "override_rule": "teacher_a",
    "remove_override": "admin",
    "question_history": "admin",
    "edit_question": "admin",
    "preview_regrade": "admin",
    "regrade_question": "admin",
    "retire_question": "admin",
    "restore_question": "admin",
    "export_question_edits": "admin",
}


# Refused by a rule of the domain (with its Chinese message) rather than by the access checks.
BY_RULE = {"start_final", "submit_report", "join_live_quiz"}


def _answer_question(db: Database, w: School) -> str:
    from store.tables import Answer

    with db.session() as s:
        row = s.get(Answer, w.answer)
        assert row is not None
        return row.question_id


def _report(db: Database, w: School) -> int:
    """The report t1 filed in the fixture (a second answer finds it handled: a domain refusal)."""
    from classroom.feedback import reports

    return reports(db, user_id=w.t1.id)[0].id


def _full_marks(w: School) -> dict[str, int]:
    return dict.fromkeys(w.course.scenarios[SCENARIO].rubric, 4)


def _report_marks() -> dict[str, float]:
    from classroom.report_templates import RUBRIC

    return {c.id: float(c.points) for c in RUBRIC}


def public_actions() -> dict[str, Callable[..., Any]]:
    """Every public function of the service layer, by name."""
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.iter_modules(actions.__path__):
        if info.name.startswith("_") or info.name == "refusals":
            continue
        module = importlib.import_module(f"actions.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("_") and fn.__module__ == module.__name__:
                assert name not in found, f"two actions named {name}"
                found[name] = fn
    return found


def test_every_action_takes_the_database_and_the_actor_first() -> None:
    lacking = []
    for name, fn in public_actions().items():
        params = list(inspect.signature(fn).parameters)
        if params[:2] != ["db", "actor"]:
            lacking.append(name)
    assert public_actions() and lacking == []


def test_every_action_is_in_the_refusal_table() -> None:
    assert set(public_actions()) == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_wrong_callers_are_refused_and_nothing_is_written(db: Database, school: School, name: str) -> None:
    call, refused = CASES[name]
    for key in refused:
        before = counts(db)
        with pytest.raises(Refusal) as caught:
            call(db, school, school.actor(key))
        if name not in BY_RULE:
            assert isinstance(caught.value, NotAllowed | NotFound), (name, key, caught.value)
        assert counts(db) == before, f"{name} refused for {key} but wrote"
    if name in ALLOWED:
        # the access checks let the caller through (at most the domain's own rules refuse)
        with contextlib.suppress(Invalid, LimitReached):
            call(db, school, school.actor(ALLOWED[name]))


# Open to a signed-out caller: checking a certificate and signing in.
PUBLIC = {"verify_certificate", "sign_in_page", "sign_in", "sign_in_with_identity", "set_up_first_admin"}


def test_a_signed_out_caller_is_not_allowed_anything_but_verifying_and_signing_in(db: Database, school: School) -> None:
    for name, (call, _refused) in CASES.items():
        if name in PUBLIC:
            continue
        with pytest.raises(NotAllowed):
            call(db, school, None)
    assert CASES["verify_certificate"][0](db, school, None) is None
    with pytest.raises(Invalid, match="用户名或密码"):  # let through to the password check (these cannot sign in)
        CASES["sign_in"][0](db, school, None)
    page = sign_in.sign_in_page(db, None)
    assert not page.needs_set_up and page.demo_usernames == ()


def test_an_instructor_sees_only_the_trainees_of_the_classes_they_teach(db: Database, school: School) -> None:
    course = school.course
    mine = {r.user_id for r in teaching.trainee_summaries(db, school.teacher_b, course)}
    assert mine == {school.t_b.id}
    theirs = {r.user_id for r in teaching.trainee_summaries(db, school.teacher_a, course)}
    assert school.t1.id in theirs and school.t_b.id not in theirs
    everyone = {r.user_id for r in teaching.trainee_summaries(db, school.admin, course)}
    assert theirs | mine <= everyone
    with pytest.raises(NotAllowed):
        teaching.trainee_mastery(db, school.teacher_b, course, school.t1.id)
    with pytest.raises(NotFound):
        teaching.trainee_mastery(db, school.admin, course, 999_999)


def test_a_demoted_account_loses_its_rights_at_once(db: Database, school: School) -> None:
    admin.change_role(db, school.admin, school.teacher_a.id, "trainee")
    with pytest.raises(NotAllowed):  # the stale Account object still says instructor
        classes.class_members(db, school.teacher_a, school.class_a)
