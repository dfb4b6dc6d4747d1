"""Question versions: edits made in the app over the shipped bank, retire and restore, and regrading past
answers and exam attempts after a key change.

The shipped YAML is version 1. The first edit stores the shipped content as version 1 and the edit as version 2;
each later edit adds one. Every stored row keeps the hash of the shipped question it was written over: when the
bank file itself changes later (a new release), the bank wins and is served as the next version number."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizzes.exam import verdict
from quizzes.models import LETTERS, AnyQuestion, Bank, ChoiceBase, Question
from quizzes.scoring import grade
from store.tables import (
    Answer,
    CertificationAttempt,
    ContentSnapshot,
    ExamAnswer,
    ExamAttempt,
    QuestionEvent,
    QuestionVersion,
    User,
)

_QUESTION: TypeAdapter[AnyQuestion] = TypeAdapter(Question)
EDITABLE = ("stem", "options", "answer", "explanation", "difficulty")
REGRADABLE = frozenset({"single", "multiple", "judge", "fill"})  # types with a key a regrade can apply
FIELD_LABELS = {"stem": "题干", "options": "选项", "answer": "答案", "explanation": "解析", "difficulty": "难度"}
EXPORT_BANK_ID = "app-edits"


class VersionError(ValueError):
    """An edit, retire or regrade that breaks a rule; message in Chinese."""


class StaleVersion(Exception):
    """The question changed since the form was opened (another admin saved first)."""


def content_hash(data: Mapping[str, Any]) -> str:
    """A stable hash of a question's content."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def as_data(question: AnyQuestion) -> dict[str, Any]:
    """A question as plain data, in the bank's schema (id and type first, as the banks write them)."""
    data = question.model_dump(mode="json")
    return {"id": data.pop("id"), "type": data.pop("type"), **data}


def question_hash(question: AnyQuestion) -> str:
    """The hash of a question's content."""
    return content_hash(as_data(question))


def parse(data: Mapping[str, Any]) -> AnyQuestion | None:
    """A stored content as a question; None when it no longer validates."""
    try:
        return _QUESTION.validate_python(dict(data))
    except ValidationError:
        return None


@dataclass(frozen=True)
class Version:
    """One version of a question; `stored` is False for the shipped content not (yet) kept in the database."""

    number: int
    content: dict[str, Any]
    source: str  # bank | app
    stored: bool
    author: str = ""
    created_at: datetime | None = None

    @property
    def question(self) -> AnyQuestion | None:
        """The content as a question."""
        return parse(self.content)


@dataclass(frozen=True)
class Lineage:
    """A question's versions, the one served, whether it is retired and whether the bank changed after an edit."""

    question_id: str
    versions: tuple[Version, ...]
    served: Version
    retired: bool
    shipped_changed: bool

    def at(self, number: int) -> AnyQuestion | None:
        """The question as it was at a version (the served one when that version is unknown)."""
        found = next((v for v in self.versions if v.number == number), None)
        return (found or self.served).question


def _served(shipped: AnyQuestion, rows: list[QuestionVersion]) -> tuple[Version, bool]:
    """The version served over these stored rows: the newest, unless the bank changed since it was written."""
    if not rows:
        return Version(1, as_data(shipped), "bank", stored=False), False
    newest, h = rows[-1], question_hash(shipped)
    if h in {newest.base_hash, newest.content_hash} and parse(newest.content) is not None:
        return Version(newest.version, newest.content, newest.source, stored=True), False
    return Version(newest.version + 1, as_data(shipped), "bank", stored=False), True


def _retired_ids(s: Session, question_ids: Iterable[str] | None = None) -> set[str]:
    query = select(QuestionEvent.question_id, QuestionEvent.kind).where(QuestionEvent.kind.in_(("retire", "restore")))
    if question_ids is not None:
        query = query.where(QuestionEvent.question_id.in_(list(question_ids)))
    state: dict[str, bool] = {}
    for qid, kind in s.execute(query.order_by(QuestionEvent.id)):
        state[qid] = kind == "retire"
    return {q for q, retired in state.items() if retired}


def lineage(s: Session, shipped: AnyQuestion) -> Lineage:
    """A question's versions as stored, with the shipped content where it is served."""
    rows = list(
        s.scalars(
            select(QuestionVersion).where(QuestionVersion.question_id == shipped.id).order_by(QuestionVersion.version)
        )
    )
    names = dict(s.execute(select(User.id, User.display_name).where(User.id.in_({r.author_id for r in rows}))).all())
    versions = [
        Version(r.version, r.content, r.source, True, names.get(r.author_id, "") if r.author_id else "", r.created_at)
        for r in rows
    ]
    served, changed = _served(shipped, rows)
    if not served.stored:
        versions.append(served)
    return Lineage(shipped.id, tuple(versions), served, shipped.id in _retired_ids(s, [shipped.id]), changed)


@dataclass(frozen=True)
class Overlay:
    """What the app serves over the shipped bank: replaced questions, version numbers other than 1, retired ids."""

    questions: dict[str, AnyQuestion] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)
    retired: frozenset[str] = frozenset()
    edited: frozenset[str] = frozenset()  # ids whose served content is an edit made in the app


def overlay(s: Session, shipped: Mapping[str, AnyQuestion]) -> Overlay:
    """The served versions of every question with stored versions, and the retired ids (two statements)."""
    rows: dict[str, list[QuestionVersion]] = {}
    for row in s.scalars(select(QuestionVersion).order_by(QuestionVersion.question_id, QuestionVersion.version)):
        rows.setdefault(row.question_id, []).append(row)
    questions: dict[str, AnyQuestion] = {}
    versions: dict[str, int] = {}
    edited: set[str] = set()
    for qid, kept in rows.items():
        if qid not in shipped:
            continue  # removed from the bank: its history stays, nothing is served
        served, _changed = _served(shipped[qid], kept)
        versions[qid] = served.number
        if served.stored:
            question = served.question
            if question is not None:
                questions[qid] = question
            if served.source == "app":
                edited.add(qid)
    retired = frozenset(q for q in _retired_ids(s) if q in shipped)
    return Overlay(questions, {q: n for q, n in versions.items() if n != 1}, retired, frozenset(edited))


def stamp(s: Session) -> int:
    """Changes whenever a version or a retire/restore is written (every such write adds an event)."""
    return int(s.scalar(select(func.coalesce(func.max(QuestionEvent.id), 0))) or 0)


# ------------------------------------------------------------ edit, retire, restore


def _chinese(exc: ValidationError) -> str:
    messages = []
    for error in exc.errors():
        where = next((FIELD_LABELS[str(p)] for p in error["loc"] if str(p) in FIELD_LABELS), "")
        if error["type"] == "value_error":
            messages.append(str(error["msg"]).removeprefix("Value error, "))
        elif where == "选项" and error["type"] in {"too_short", "too_long"}:
            messages.append("选项须有 2~8 个")
        elif where == "难度":
            messages.append("难度须为 1、2 或 3")
        elif where:
            messages.append(f"{where}填写不符合要求")
        else:
            messages.append("题目内容不完整")
    return "；".join(dict.fromkeys(messages))


def edit(s: Session, shipped: AnyQuestion, base_version: int, changes: Mapping[str, Any], author_id: int) -> int:
    """Store a new version made of the served one with these changes; returns its number. Refused when the
    question changed since `base_version` was shown (StaleVersion), when it is retired, or when the result is
    not a valid question or the same as before."""
    unknown = [k for k in changes if k not in EDITABLE]
    if unknown:
        raise VersionError("只能修改题干、选项、答案、解析和难度")
    line = lineage(s, shipped)
    if line.retired:
        raise VersionError("这道题已停用，请先恢复再修改")
    if base_version != line.served.number:
        raise StaleVersion()
    current = line.served.content
    if "options" in changes and "options" not in current:
        raise VersionError("这种题型没有选项")
    try:
        new = _QUESTION.validate_python({**current, **changes})
    except ValidationError as exc:
        raise VersionError(_chinese(exc)) from exc
    data = as_data(new)
    if new.id != shipped.id or new.type != shipped.type:
        raise VersionError("不能修改题目编号或题型")
    if content_hash(data) == content_hash(current):
        raise VersionError("内容没有改动")
    base = question_hash(shipped)
    number = line.served.number
    if not line.served.stored:  # keep the shipped content the old answers were given on
        s.add(_row(shipped.id, number, "bank", line.served.content, base, None))
    s.add(_row(shipped.id, number + 1, "app", data, base, author_id))
    s.add(
        QuestionEvent(
            question_id=shipped.id,
            kind="edit",
            author_id=author_id,
            from_version=number,
            to_version=number + 1,
            detail={"fields": sorted(k for k in changes if current.get(k) != data.get(k))},
        )
    )
    s.flush()  # two editors at once: the second meets the unique (question, version) here
    return number + 1


def _row(qid: str, number: int, source: str, data: dict[str, Any], base: str, author: int | None) -> QuestionVersion:
    return QuestionVersion(
        question_id=qid,
        version=number,
        source=source,
        content=data,
        content_hash=content_hash(data),
        base_hash=base,
        author_id=author,
    )


def set_retired(s: Session, shipped: AnyQuestion, retired: bool, author_id: int) -> None:
    """Retire a question (no longer served in new practice or exams; its history stays) or restore it."""
    line = lineage(s, shipped)
    if line.retired == retired:
        raise VersionError("这道题已经停用" if retired else "这道题没有停用")
    s.add(
        QuestionEvent(
            question_id=shipped.id,
            kind="retire" if retired else "restore",
            author_id=author_id,
            from_version=line.served.number,
            to_version=line.served.number,
            detail={},
        )
    )


@dataclass(frozen=True)
class Event:
    """One line of a question's history."""

    kind: str
    author: str
    from_version: int | None
    to_version: int | None
    detail: dict[str, Any]
    created_at: datetime


def events(s: Session, question_id: str) -> list[Event]:
    """What was done to a question, oldest first."""
    query = (
        select(QuestionEvent, User.display_name)
        .outerjoin(User, User.id == QuestionEvent.author_id)
        .where(QuestionEvent.question_id == question_id)
        .order_by(QuestionEvent.id)
    )
    return [
        Event(e.kind, name or "", e.from_version, e.to_version, dict(e.detail or {}), e.created_at)
        for e, name in s.execute(query)
    ]


# ------------------------------------------------------------ regrade


def key_of(question: AnyQuestion | None) -> Any:
    """What decides the score of an objective question: its key (and multiple-choice scoring)."""
    if question is None or question.type not in REGRADABLE:
        return None
    data = as_data(question)
    if isinstance(question, ChoiceBase):  # by the options' text: reordering the options changes no key
        text = dict(zip(LETTERS, question.options, strict=False))
        answer = data["answer"] if isinstance(data["answer"], list) else [data["answer"]]
        weights = {text[k]: w for k, w in (data.get("weights") or {}).items()}
        return (sorted(text[a] for a in answer), data.get("scoring"), sorted(weights.items()))
    return (data["answer"], data.get("scoring"), data.get("weights"))


def translate(old: AnyQuestion | None, new: AnyQuestion, response: Any) -> Any:
    """A choice response given on `old` in the letters of `new`: an option is found by its text, else kept at
    its place (an option reworded in place)."""
    if not isinstance(old, ChoiceBase) or not isinstance(new, ChoiceBase) or old.type != new.type:
        return response
    old_options, new_options = old.options, new.options

    def one(letter: Any) -> Any:
        if not isinstance(letter, str) or letter.strip().upper() not in LETTERS[: len(old_options)]:
            return letter
        text = old_options[LETTERS.index(letter.strip().upper())]
        return LETTERS[new_options.index(text)] if text in new_options else letter

    if isinstance(response, list | tuple):
        return [one(x) for x in response]
    return one(response)


@dataclass
class RegradeCounts:
    """Before/after counts of a regrade: practice answers (all modes) and handed-in exam attempts."""

    answers: int = 0  # answers scored on an older version
    wrong_to_right: int = 0
    right_to_wrong: int = 0
    other_changes: int = 0  # partial credit moved without crossing right/wrong
    attempts: int = 0  # handed-in exam attempts with the question, scored on an older version
    attempts_changed: int = 0  # whose total changed
    fail_to_pass: int = 0
    pass_to_fail: int = 0
    finals: int = 0  # of those attempts, theory papers of a certification (its verdict and certificate stay)

    @property
    def changed(self) -> int:
        """Answers whose score changes."""
        return self.wrong_to_right + self.right_to_wrong + self.other_changes

    def to_dict(self) -> dict[str, int]:
        """Plain data for the audit row."""
        return {k: int(v) for k, v in self.__dict__.items()}


def _moved(counts: RegradeCounts, old_status: str, new_status: str, old_score: float, new_score: float) -> None:
    if old_status != "correct" and new_status == "correct":
        counts.wrong_to_right += 1
    elif old_status == "correct" and new_status != "correct":
        counts.right_to_wrong += 1
    elif abs(old_score - new_score) > 1e-9:
        counts.other_changes += 1


def regrade(
    s: Session,
    shipped: AnyQuestion,
    to_version: int,
    pass_marks: Mapping[str, float],
    author_id: int,
    *,
    apply: bool,
) -> RegradeCounts:
    """Score again, with the key of `to_version` (the served version), every answer and handed-in exam item of
    the question scored on an older version. Without `apply` nothing is written (the preview); with it the
    answers, the exam items, their attempts' totals and pass marks change together and an audit row is written.
    Answers and items an instructor marked by hand keep their mark. Running it again finds nothing to do."""
    line = lineage(s, shipped)
    if to_version != line.served.number:
        raise StaleVersion()
    new = line.served.question
    if new is None or new.type not in REGRADABLE:
        raise VersionError("只有单选、多选、判断和填空题可以按新答案重新评分")
    counts = RegradeCounts()
    given = func.coalesce(Answer.graded_version, Answer.question_version, 1)
    rows = s.scalars(
        select(Answer)
        .where(Answer.question_id == shipped.id, Answer.manual_score.is_(None), given < to_version)
        .order_by(Answer.id)
    ).all()
    for row in rows:
        counts.answers += 1
        old_q = line.at(row.graded_version or row.question_version or 1)
        result = grade(new, translate(old_q, new, row.response), row.possible)
        status = result.status if result.status != "invalid" else "wrong"
        score = result.score or 0.0
        _moved(counts, row.status, status, row.score or 0.0, score)
        if apply:
            row.status, row.score, row.graded_version = status, score, to_version
    _regrade_attempts(s, line, new, to_version, pass_marks, counts, apply)
    if apply and (counts.answers or counts.attempts):
        s.add(
            QuestionEvent(
                question_id=shipped.id,
                kind="regrade",
                author_id=author_id,
                from_version=to_version - 1,
                to_version=to_version,
                detail=counts.to_dict(),
            )
        )
    return counts


def _regrade_attempts(
    s: Session,
    line: Lineage,
    new: AnyQuestion,
    to_version: int,
    pass_marks: Mapping[str, float],
    counts: RegradeCounts,
    apply: bool,
) -> None:
    qid = line.question_id
    papers = s.execute(select(ExamAttempt.id, ExamAttempt.paper).where(ExamAttempt.submitted_at.is_not(None))).all()
    ids = [aid for aid, paper in papers if any(item[0] == qid for item in paper)]
    if not ids:
        return
    snapshots = {
        sn.owner_id: sn
        for sn in s.scalars(
            select(ContentSnapshot).where(ContentSnapshot.kind == "exam", ContentSnapshot.owner_id.in_(ids))
        )
    }
    responses: dict[int, Any] = dict(
        s.execute(
            select(ExamAnswer.attempt_id, ExamAnswer.response).where(
                ExamAnswer.attempt_id.in_(ids), ExamAnswer.question_id == qid
            )
        ).all()
    )
    finals = set(
        s.scalars(select(CertificationAttempt.exam_attempt_id).where(CertificationAttempt.exam_attempt_id.in_(ids)))
    )
    for attempt in s.scalars(select(ExamAttempt).where(ExamAttempt.id.in_(ids)).order_by(ExamAttempt.id)):
        breakdown = copy.deepcopy(attempt.breakdown or {})
        item = breakdown.get("items", {}).get(qid)
        if item is None or item.get("manual") or item.get("status") == "review":
            continue
        snap = snapshots.get(attempt.id)
        given = int(((snap.versions if snap is not None else None) or {}).get(qid, 1))
        graded = int(item.get("graded_version", given))
        if graded >= to_version:
            continue
        counts.attempts += 1
        counts.finals += attempt.id in finals
        as_drawn = parse(snap.content[qid]) if snap is not None and qid in snap.content else line.at(given)
        result = grade(new, translate(as_drawn, new, responses.get(attempt.id)), float(item["possible"]))
        old_score, new_score = float(item["score"]), result.score or 0.0
        item.update(status=result.status, score=new_score, graded_version=to_version)
        module = breakdown.get("modules", {}).get(item.get("module", ""))
        if module is not None:
            module["score"] += new_score - old_score
        breakdown["score"] = round(sum(float(v["score"]) for v in breakdown["items"].values()), 2)
        mark = pass_marks.get(attempt.blueprint_id)
        passed = verdict(breakdown, mark) if mark is not None else attempt.passed
        if abs(breakdown["score"] - (attempt.score or 0.0)) > 1e-9:
            counts.attempts_changed += 1
        if attempt.passed is False and passed is True:
            counts.fail_to_pass += 1
        elif attempt.passed is True and passed is False:
            counts.pass_to_fail += 1
        if apply:
            attempt.breakdown, attempt.score, attempt.passed = breakdown, breakdown["score"], passed
            if snap is not None:  # the review shows the key the item is now scored by
                snap.content = {**snap.content, qid: line.served.content}


# ------------------------------------------------------------ export


def export_yaml(
    edited: Iterable[AnyQuestion], retired: Iterable[str] = (), banks: Mapping[str, str] | None = None
) -> str:
    """The questions edited in the app as a bank file in the shipped banks' schema (checked against the bank
    model), each to be merged over the question of the same id; retired ids are listed in the header."""
    questions = sorted(edited, key=lambda q: q.id)
    if not questions:
        raise VersionError("应用内没有修改过的题目")
    doc = {
        "schema_version": 1,
        "id": EXPORT_BANK_ID,
        "title": "应用内修改的题目",
        "questions": [as_data(q) for q in questions],
    }
    Bank.model_validate(doc)
    header = ["# 应用内修改的题目：按题目编号替换原题库中的同一道题。"]
    for q in questions:
        if banks and q.id in banks:
            header.append(f"# {q.id}：原在 {banks[q.id]}")
    gone = sorted(retired)
    if gone:
        header.append(f"# 已停用（不再出题）：{'、'.join(gone)}")
    return "\n".join(header) + "\n" + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)
