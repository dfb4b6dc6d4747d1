"""Item analysis on a generated class: a good item is not flagged, a planted bad item is, with its reasons."""

from __future__ import annotations

import random

from quizzes.item_analysis import (
    DEAD_DISTRACTOR,
    DISTRACTOR_BEATS_KEY,
    FLAG_TOO_EASY,
    NEGATIVE_DISCRIMINATION,
    analyse,
    responses_of,
)
from quizzes.models import SingleChoice
from quizzes.practice import answer_question
from store.db import Database
from store.tables import User


def create_user(db: Database, username: str, name: str) -> int:
    """A trainee row (no password hashing: forty of them would slow the test down)."""
    with db.session() as s:
        user = User(username=username, display_name=name, role="trainee", password_hash="-")
        s.add(user)
        s.flush()
        return user.id


def question(qid: str, answer: str = "A") -> SingleChoice:
    return SingleChoice(
        id=qid,
        type="single",
        stem="客户投诉首先应当做什么？",
        options=("倾听并确认问题", "立即反驳", "转给别人", "挂断电话"),
        answer=answer,
        explanation="先倾听，再处理。",
        points=("complaints.listen",),
    )


def generated_class(db: Database) -> dict[str, SingleChoice]:
    """Forty trainees of spread ability answer eight sound items, one item keyed wrong (the best pick B) and one
    that everybody gets right."""
    rng = random.Random(7)
    good = [question(f"q.good{i}") for i in range(8)]
    bad = question("q.bad")  # the key says A, but the strong trainees answer B
    easy = question("q.easy")
    for n in range(40):
        uid = create_user(db, f"t{n:02d}", f"学员{n}")
        ability = n / 39
        for i, q in enumerate(good):
            right = ability + rng.gauss(0, 0.15) > 0.2 + 0.07 * i  # item i is a little harder than item i-1
            answer_question(db, uid, q, "A" if right else rng.choice("BC"), "practice", seconds=20 + n)
        picks_b = ability + rng.gauss(0, 0.15) > 0.5
        answer_question(db, uid, bad, "B" if picks_b else rng.choice("AC"), "practice", seconds=35)
        answer_question(db, uid, easy, "A", "practice", seconds=5)
    return {q.id: q for q in [*good, bad, easy]}


def test_planted_bad_item_is_flagged_and_good_items_are_not(db: Database) -> None:
    questions = generated_class(db)
    items = {i.question_id: i for i in analyse(responses_of(db), questions)}
    bad = items["q.bad"]
    codes = {f.code for f in bad.flags}
    assert NEGATIVE_DISCRIMINATION in codes
    assert any(f.code == DISTRACTOR_BEATS_KEY and f.option == "B" for f in bad.flags)
    assert any(f.code == DEAD_DISTRACTOR and f.option == "D" for f in bad.flags)  # nobody picks 挂断电话
    assert bad.discrimination is not None and bad.discrimination < 0
    assert bad.upper_shares["B"] > bad.upper_shares["A"]
    assert bad.respondents == 40
    for qid in [f"q.good{i}" for i in range(8)]:
        good = items[qid]
        assert good.discrimination is not None and good.discrimination > 0.2, qid
        assert not {NEGATIVE_DISCRIMINATION, DISTRACTOR_BEATS_KEY} & {f.code for f in good.flags}, qid
    easy = items["q.easy"]
    assert FLAG_TOO_EASY in {f.code for f in easy.flags}
    assert easy.facility == 1.0 and easy.median_seconds == 5.0
    assert abs(sum(bad.option_shares.values()) - 1.0) < 1e-6


def test_only_first_answers_count_and_small_groups_are_not_flagged(db: Database) -> None:
    q = question("q.one")
    uids = [create_user(db, f"user{n}", f"学员{n}") for n in range(4)]
    for uid in uids:
        answer_question(db, uid, q, "B", "practice")
        answer_question(db, uid, q, "A", "practice")  # a retry after seeing the key does not count
    (item,) = analyse(responses_of(db), {q.id: q})
    assert item.facility == 0.0 and item.respondents == 4
    assert item.flags == ()  # four respondents are too few to judge
    assert item.discrimination is None


def test_scope_to_a_class_and_unknown_questions_are_skipped(db: Database) -> None:
    questions = generated_class(db)
    some = list(range(1, 11))
    rows = responses_of(db, user_ids=some, question_ids=["q.bad"])
    assert {r.question_id for r in rows} == {"q.bad"} and len(rows) == 10
    assert analyse(rows, {"other": questions["q.easy"]}) == []
