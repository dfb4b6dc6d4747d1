"""Question versions (issue 18): an edit is a new version, answers keep the version they were given on, a key
change regrades past answers and exam attempts with before/after counts and an audit row, retire/restore keeps
history, and the app's edits export as a bank file the loader reads back. On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from actions import study, versions
from actions.refusals import Invalid, Stale
from catalog.catalog import Catalog, ContentRoots, load_catalog
from catalog.versions import with_versions
from classroom.accounts import Account, get_account
from quizzes import exam
from quizzes.models import LETTERS, SingleChoice
from quizzes.modes import Mode, build_pool
from store.db import Database
from store.tables import Answer, CertificationAttempt, ContentSnapshot, ExamAttempt, QuestionEvent, QuestionVersion
from tests.classroom.helpers import make_users

BLUEPRINT = "starter-mock"


def _accounts(db: Database, n: int, prefix: str, role: str = "trainee") -> list[Account]:
    found = [get_account(db, uid) for uid in make_users(db, n, prefix, role)]
    assert all(found)
    return [a for a in found if a is not None]


def _single(course: Catalog, skip: int = 0) -> SingleChoice:
    found = [q for q in course.questions.values() if isinstance(q, SingleChoice)]
    return found[skip]


def _other(q: SingleChoice) -> str:
    return next(x for x in LETTERS[: len(q.options)] if x != q.answer)


def _rows(db: Database, model: Any, **where: Any) -> int:
    with db.session() as s:
        query = select(func.count()).select_from(model)
        for k, v in where.items():
            query = query.where(getattr(model, k) == v)
        return int(s.scalar(query) or 0)


def test_an_edit_is_a_new_version_served_over_the_bank_and_answers_keep_their_version(
    db: Database, shipped: Catalog
) -> None:
    (admin,) = _accounts(db, 1, "admin", "admin")
    (trainee,) = _accounts(db, 1, "t")
    q = _single(shipped)
    study.answer_question(db, trainee, shipped, q.id, q.answer)
    edited = versions.edit_question(db, admin, shipped, q.id, 1, {"stem": q.stem + "（修订）", "difficulty": 3})
    assert edited.version == 2 and not edited.key_changed
    served = with_versions(db, shipped)
    assert served.questions[q.id].stem.endswith("（修订）") and served.questions[q.id].difficulty == 3
    assert served.version_of(q.id) == 2 and shipped.version_of(q.id) == 1
    assert shipped.questions[q.id].stem == q.stem  # the loaded bank itself is untouched
    assert list(served.questions) == list(shipped.questions)  # bank order kept
    study.answer_question(db, trainee, served, q.id, q.answer)
    with db.session() as s:
        given = list(s.scalars(select(Answer.question_version).where(Answer.question_id == q.id).order_by(Answer.id)))
    assert given == [1, 2]
    history = versions.question_history(db, admin, served, q.id)
    assert [(v.number, v.source) for v in history.lineage.versions] == [(1, "bank"), (2, "app")]
    assert history.lineage.versions[0].content["stem"] == q.stem  # version 1 is the shipped text, kept
    assert history.lineage.versions[1].author == "学员0"  # make_users names every account 学员N
    assert [e.kind for e in history.events] == ["edit"]
    assert history.events[0].detail["fields"] == ["difficulty", "stem"]


def test_a_key_change_regrades_practice_answers_with_counts_once(db: Database, shipped: Catalog) -> None:
    (admin,) = _accounts(db, 1, "admin", "admin")
    trainees = _accounts(db, 6, "t")
    q = _single(shipped, 3)
    new_key = _other(q)
    third = next(x for x in LETTERS[: len(q.options)] if x not in {q.answer, new_key})
    for t in trainees[:4]:  # four chose what will become the key
        study.answer_question(db, t, shipped, q.id, new_key)
    study.answer_question(db, trainees[4], shipped, q.id, q.answer)  # right, will become wrong
    study.answer_question(db, trainees[5], shipped, q.id, third)  # wrong either way
    with db.session() as s:  # rows written before versions existed have no version: they count as version 1
        for row in s.scalars(select(Answer).where(Answer.user_id.in_([t.id for t in trainees[:2]]))):
            row.question_version = None
    edited = versions.edit_question(db, admin, shipped, q.id, 1, {"answer": new_key})
    assert edited.key_changed
    served = with_versions(db, shipped)
    preview = versions.preview_regrade(db, admin, served, q.id, 2)
    assert (preview.answers, preview.wrong_to_right, preview.right_to_wrong, preview.changed) == (6, 4, 1, 5)
    assert _rows(db, QuestionEvent, kind="regrade") == 0  # the preview wrote nothing
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Answer.status == "correct", Answer.question_id == q.id)) == 1
    done = versions.regrade_question(db, admin, served, q.id, 2)
    assert done.to_dict() == preview.to_dict()
    with db.session() as s:
        rows = {r.user_id: r for r in s.scalars(select(Answer).where(Answer.question_id == q.id))}
        audit = s.scalars(select(QuestionEvent).where(QuestionEvent.kind == "regrade")).one()
    assert [rows[t.id].status for t in trainees] == ["correct"] * 4 + ["wrong", "wrong"]
    assert [rows[t.id].question_version for t in trainees] == [None, None, 1, 1, 1, 1]  # kept as given
    assert all(r.graded_version == 2 for r in rows.values())  # scored by version 2 now
    assert rows[trainees[0].id].score == rows[trainees[0].id].possible
    assert (audit.author_id, audit.from_version, audit.to_version) == (admin.id, 1, 2)
    assert audit.detail["wrong_to_right"] == 4 and audit.detail["right_to_wrong"] == 1
    again = versions.regrade_question(db, admin, served, q.id, 2)  # idempotent: nothing left, no second audit row
    assert again.answers == 0 and again.changed == 0
    assert _rows(db, QuestionEvent, kind="regrade") == 1
    assert versions.preview_regrade(db, admin, served, q.id, 2).answers == 0


def test_a_regrade_follows_options_that_moved_and_keeps_manual_marks(db: Database, shipped: Catalog) -> None:
    (admin,) = _accounts(db, 1, "admin", "admin")
    a, b = _accounts(db, 2, "t")
    q = next(x for x in shipped.questions.values() if isinstance(x, SingleChoice) and len(x.options) % 2 == 0)
    study.answer_question(db, a, shipped, q.id, q.answer)
    study.answer_question(db, b, shipped, q.id, q.answer)
    with db.session() as s:  # b's answer was marked by an instructor: the mark stands
        row = s.scalars(select(Answer).where(Answer.user_id == b.id)).one()
        row.manual_score = 0.5
    options = list(reversed(q.options))  # the same options, in the opposite order: the key moves with its text
    key = LETTERS[options.index(q.options[LETTERS.index(q.answer)])]
    edited = versions.edit_question(db, admin, shipped, q.id, 1, {"options": options, "answer": key})
    assert not edited.key_changed and key != q.answer  # the same option is the key, under another letter
    counts = versions.regrade_question(db, admin, with_versions(db, shipped), q.id, 2)
    assert (counts.answers, counts.wrong_to_right, counts.right_to_wrong) == (1, 0, 0)  # a's answer is still right
    with db.session() as s:
        assert s.scalars(select(Answer.status).where(Answer.user_id == a.id)).one() == "correct"


def _sit(db: Database, course: Catalog, user: Account, target: str, target_response: Any, others: float) -> int:
    """A handed-in starter-mock attempt with `target` answered as given and other items answered right until
    they are worth `others` points."""
    bp = course.blueprints[BLUEPRINT]
    attempt = exam.start(db, user.id, bp, course.served_questions, course.syllabus.module_of, 7, course.versions)
    view = exam.load(db, user.id, attempt)
    assert target in {p.question_id for p in view.paper}
    earned = 0.0
    for item in view.paper:
        q = course.questions[item.question_id]
        if item.question_id == target:
            exam.save_answer(db, user.id, attempt, target, target_response)
        elif earned + item.score <= others:
            answer = list(q.answer) if q.type == "multiple" else q.answer  # type: ignore[union-attr]
            exam.save_answer(db, user.id, attempt, item.question_id, answer)
            earned += item.score
    assert earned == others
    exam.submit(db, user.id, attempt, bp, course.questions, course.syllabus.module_of)
    return attempt


def test_exam_attempts_flip_pass_and_fail_when_the_key_changes(db: Database, shipped: Catalog) -> None:
    (admin,) = _accounts(db, 1, "admin", "admin")
    right, wrong, blank = _accounts(db, 3, "t")
    bp = shipped.blueprints[BLUEPRINT]
    paper = exam.draw(bp, shipped.questions, shipped.syllabus.module_of, 7)
    target = next(p for p in paper if p.question_id and shipped.questions[p.question_id].type == "single")
    q = shipped.questions[target.question_id]
    assert isinstance(q, SingleChoice)
    new_key = _other(q)
    passing = bp.pass_mark - target.score
    a = _sit(db, shipped, right, q.id, q.answer, passing)  # 60: passes on the old key
    b = _sit(db, shipped, wrong, q.id, new_key, passing)  # 58: fails on the old key
    c = _sit(db, shipped, blank, q.id, None, 20)  # unanswered: unchanged
    with db.session() as s:
        before = {x.id: (x.score, x.passed) for x in s.scalars(select(ExamAttempt))}
        old = s.scalars(select(ContentSnapshot).where(ContentSnapshot.owner_id == b)).one()
        old.versions = None  # a paper drawn before versions existed: its items count as version 1
        s.add(CertificationAttempt(user_id=right.id, exam_attempt_id=a, scenario_ids=[], run_ids=[]))
    assert before[a] == (60, True) and before[b] == (58, False)
    versions.edit_question(db, admin, shipped, q.id, 1, {"answer": new_key})
    served = with_versions(db, shipped)
    preview = versions.preview_regrade(db, admin, served, q.id, 2)
    assert (preview.attempts, preview.attempts_changed, preview.fail_to_pass, preview.pass_to_fail) == (3, 2, 1, 1)
    assert preview.answers == 2  # the two answered items were also stored as answers of mode exam
    assert preview.finals == 1  # a's paper is a certification's theory paper: the admin is told
    versions.regrade_question(db, admin, served, q.id, 2)
    with db.session() as s:
        after = {x.id: (x.score, x.passed, x.breakdown) for x in s.scalars(select(ExamAttempt))}
        snap = s.scalars(select(ContentSnapshot).where(ContentSnapshot.owner_id == a)).one()
    assert after[a][:2] == (58, False) and after[b][:2] == (60, True) and after[c][:2] == before[c]
    item = after[b][2]["items"][q.id]
    assert item["status"] == "correct" and item["graded_version"] == 2
    module = after[b][2]["modules"][item["module"]]
    assert module["score"] <= module["possible"]
    assert snap.versions[q.id] == 1 and snap.content[q.id]["answer"] == new_key  # given on 1; review shows the key
    again = versions.regrade_question(db, admin, served, q.id, 2)
    assert again.attempts == 0 and again.answers == 0


def test_two_admins_editing_at_once_one_wins_the_other_is_stale(db: Database, shipped: Catalog) -> None:
    first, second = _accounts(db, 2, "admin", "admin")
    q = _single(shipped, 7)
    versions.edit_question(db, first, shipped, q.id, 1, {"stem": q.stem + "（甲）"})
    with pytest.raises(Stale):  # the form of the second admin still showed version 1
        versions.edit_question(db, second, shipped, q.id, 1, {"stem": q.stem + "（乙）"})
    assert _rows(db, QuestionVersion, question_id=q.id) == 2
    r = _single(shipped, 8)
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def edit(who: Account, text: str) -> None:
        start.wait()
        try:
            versions.edit_question(db, who, shipped, r.id, 1, {"stem": r.stem + text})
            outcomes.append("saved")
        except Stale:
            outcomes.append("stale")

    threads = [threading.Thread(target=edit, args=(w, t)) for w, t in ((first, "（甲）"), (second, "（乙）"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["saved", "stale"]
    assert _rows(db, QuestionVersion, question_id=r.id) == 2  # version 1 (the bank) and one edit


def test_bad_edits_are_refused_and_write_nothing(db: Database, shipped: Catalog) -> None:
    (admin,) = _accounts(db, 1, "admin", "admin")
    q = _single(shipped, 9)
    judge = next(x for x in shipped.questions.values() if x.type == "judge")
    bad: list[tuple[str, dict[str, Any], str]] = [
        (q.id, {"answer": "H"}, "不是有效的选项字母"),  # a letter past the options
        (q.id, {"answer": LETTERS[len(q.options) - 1], "options": list(q.options[:2])}, "选项字母"),
        (q.id, {"options": [q.options[0]]}, "选项须有"),
        (q.id, {"options": [q.options[0], q.options[0]]}, "选项有重复"),
        (q.id, {"stem": ""}, "题干"),
        (q.id, {"difficulty": 7}, "难度"),
        (q.id, {"id": "other"}, "只能修改"),
        (q.id, {"stem": q.stem}, "没有改动"),
        (judge.id, {"options": ["对", "错"]}, "没有选项"),
    ]
    for qid, changes, words in bad:
        with pytest.raises(Invalid) as caught:
            versions.edit_question(db, admin, shipped, qid, 1, changes)
        assert words in caught.value.detail, (changes, caught.value.detail)
        assert all("rror" not in part for part in caught.value.detail.split())  # no English error text
    assert _rows(db, QuestionVersion) == 0 and _rows(db, QuestionEvent) == 0
    short = next(x for x in shipped.questions.values() if x.type == "short")
    versions.edit_question(db, admin, shipped, short.id, 1, {"explanation": short.explanation + "另见第二节。"})
    with pytest.raises(Invalid):  # no key to regrade by
        versions.preview_regrade(db, admin, with_versions(db, shipped), short.id, 2)


def test_a_retired_question_is_not_served_but_keeps_its_history(db: Database, shipped: Catalog) -> None:
    (admin,) = _accounts(db, 1, "admin", "admin")
    (trainee,) = _accounts(db, 1, "t")
    bp = shipped.blueprints[BLUEPRINT]
    q = shipped.questions[exam.draw(bp, shipped.questions, shipped.syllabus.module_of, 11)[0].question_id]
    study.answer_question(db, trainee, shipped, q.id, None if q.type != "judge" else True)
    versions.retire_question(db, admin, shipped, q.id)
    with pytest.raises(Invalid):
        versions.retire_question(db, admin, shipped, q.id)  # already retired
    served = with_versions(db, shipped)
    assert q.id in served.retired and q.id in served.questions  # still there for history and old papers
    assert q.id not in build_pool(Mode.SEQUENTIAL, served)
    assert q.id not in build_pool(Mode.WRONG, served, wrong=[q.id])
    assert all(q.id not in ids for ids in served.questions_by_point.values())  # section checks, practice by point
    assert q.id not in {p.question_id for p in exam.draw(bp, served.served_questions, served.syllabus.module_of, 11)}
    with pytest.raises(Invalid):
        study.answer_question(db, trainee, served, q.id, True)
    with pytest.raises(Invalid) as caught:
        versions.edit_question(db, admin, served, q.id, 1, {"difficulty": 1 if q.difficulty != 1 else 2})
    assert "停用" in caught.value.detail
    attempt = study.start_exam(db, trainee, served, BLUEPRINT, seed=11)
    assert q.id not in {p.question_id for p in study.load_exam(db, trainee, attempt).paper}
    versions.restore_question(db, admin, served, q.id)
    again = with_versions(db, shipped)
    assert q.id not in again.retired and q.id in build_pool(Mode.SEQUENTIAL, again)
    kinds = [e.kind for e in versions.question_history(db, admin, again, q.id).events]
    assert kinds == ["retire", "restore"]


def test_a_changed_bank_file_wins_over_an_older_app_edit(db: Database, shipped: Catalog) -> None:
    (admin,) = _accounts(db, 1, "admin", "admin")
    q = _single(shipped, 11)
    versions.edit_question(db, admin, shipped, q.id, 1, {"stem": q.stem + "（应用内）"})
    assert with_versions(db, shipped).questions[q.id].stem.endswith("（应用内）")
    released = q.model_copy(update={"stem": q.stem + "（新版题库）"})  # the next release changed the bank file
    newer = dataclasses.replace(shipped, questions={**shipped.questions, q.id: released})
    served = with_versions(db, newer)
    assert served.questions[q.id].stem.endswith("（新版题库）") and served.version_of(q.id) == 3
    history = versions.question_history(db, admin, served, q.id)
    assert history.lineage.shipped_changed and history.lineage.served.number == 3
    assert versions.edit_question(db, admin, newer, q.id, 3, {"difficulty": 1 if q.difficulty != 1 else 3}).version == 4
    with db.session() as s:
        kept = list(
            s.execute(select(QuestionVersion.version, QuestionVersion.source).order_by(QuestionVersion.version))
        )
    assert [tuple(k) for k in kept] == [(1, "bank"), (2, "app"), (3, "bank"), (4, "app")]
    merged = dataclasses.replace(
        shipped, questions={**shipped.questions, q.id: with_versions(db, newer).questions[q.id]}
    )
    assert with_versions(db, merged).version_of(q.id) == 4  # the edit merged into the bank: nothing new


def test_the_exported_edits_load_back_with_the_bank_loader(db: Database, shipped: Catalog, tmp_path: Path) -> None:
    (admin,) = _accounts(db, 1, "admin", "admin")
    with pytest.raises(Invalid):
        versions.export_question_edits(db, admin, shipped)  # nothing edited yet
    q, r = _single(shipped, 12), _single(shipped, 13)
    versions.edit_question(db, admin, shipped, q.id, 1, {"answer": _other(q), "stem": "：冒号开头、含 # 号的题干？"})
    versions.edit_question(
        db, admin, shipped, r.id, 1, {"explanation": r.explanation + "\n第二段：'引号' 与 \"双引号\"。"}
    )
    versions.retire_question(db, admin, shipped, r.id)
    text = versions.export_question_edits(db, admin, with_versions(db, shipped))
    assert r.id in text.splitlines()[-1] or "已停用" in text
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "app-edits.yaml").write_text(text, encoding="utf-8")
    loaded = load_catalog(dataclasses.replace(ContentRoots.shipped(), banks=banks), cache=False)
    assert [p for p in loaded.problems if "app-edits" in p.file] == []
    served = with_versions(db, shipped)
    assert set(loaded.questions) == {q.id, r.id}
    assert loaded.questions[q.id] == served.questions[q.id] and loaded.questions[r.id] == served.questions[r.id]


def test_live_quiz_answers_keep_the_version_they_were_given_on(db: Database, shipped: Catalog) -> None:
    from actions import live as live_actions
    from classroom import live
    from classroom.classes import add_member, create_class
    from store.tables import LiveAnswer

    (admin,) = _accounts(db, 1, "admin", "admin")
    (teacher,) = _accounts(db, 1, "teach", "instructor")
    first, second = _accounts(db, 2, "t")
    q = _single(shipped, 3)
    room = create_class(db, teacher.id, "版本班")
    for who in (first, second):
        add_member(db, room.id, who.id)
    before = live.create_quiz(db, room.id, "改前", [q])
    live.join(db, first.id, before.code)
    live.advance(db, before.id)
    live_actions.answer_live(db, first, shipped, before.id, q.id, q.answer)
    versions.edit_question(db, admin, shipped, q.id, 1, {"explanation": "新的解析。"})
    served = with_versions(db, shipped)
    after = live.create_quiz(db, room.id, "改后", [served.questions[q.id]])
    live.join(db, second.id, after.code)
    live.advance(db, after.id)
    live_actions.answer_live(db, second, served, after.id, q.id, q.answer)
    with db.session() as s:
        given = dict(s.execute(select(LiveAnswer.user_id, LiveAnswer.question_version)).all())
    assert given == {first.id: 1, second.id: 2}
