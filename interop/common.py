"""What every importer returns: questions ready for a bank file, and every problem with where it is."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml
from pydantic import TypeAdapter, ValidationError

from quizzes.kinds import export_problem
from quizzes.models import AnyQuestion, Bank, Question

Level = Literal["error", "unsupported", "warning"]
LEVEL_LABELS = {"error": "错误", "unsupported": "不支持", "warning": "提示"}
NO_EXPLANATION = "（导入的题目没有解析，请补充。）"
MAX_IMPORT_BYTES = 5_000_000
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_question = TypeAdapter(Question)
FIELD_LABELS = {
    "id": "编号",
    "stem": "题干",
    "explanation": "解析",
    "points": "知识点",
    "difficulty": "难度",
    "options": "选项",
    "answer": "答案",
    "rubric": "评分要点",
    "label": "评分要点名称",
    "any": "评分关键词",
    "weight": "评分要点权重",
    "weights": "选项权重",
    "type": "题型",
}


def chinese_message(error: Any) -> str:
    """A validation error in Chinese: the model's own messages are Chinese; the library's are translated."""
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    known = {
        "missing": "缺少此项",
        "string_too_short": f"太短（至少 {ctx.get('min_length', '')} 个字）",
        "string_too_long": f"太长（至多 {ctx.get('max_length', '')} 个字）",
        "too_short": f"至少需要 {ctx.get('min_length', '')} 项",
        "too_long": f"至多 {ctx.get('max_length', '')} 项",
        "string_pattern_mismatch": "格式不对（只能用小写字母、数字、点和连字符）",
        "greater_than_equal": f"不能小于 {ctx.get('ge', '')}",
        "less_than_equal": f"不能大于 {ctx.get('le', '')}",
        "greater_than": f"须大于 {ctx.get('gt', '')}",
        "int_parsing": "应为整数",
        "float_parsing": "应为数字",
        "bool_parsing": "应为 对 或 错",
        "string_type": "应为文字",
        "extra_forbidden": "多余的内容",
    }
    return known.get(kind, "内容不符合要求")


@dataclass(frozen=True)
class ImportProblem:
    """One problem: where (a line, row or question), how bad, and what."""

    where: str
    level: Level
    message: str

    def __str__(self) -> str:
        return f"{self.where}：[{LEVEL_LABELS[self.level]}] {self.message}"


@dataclass
class ImportResult:
    """Questions that passed validation (as plain data), and everything that did not or was lost."""

    questions: list[dict[str, Any]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    on_progress: Callable[[float], object] | None = None
    ids: set[str] = field(default_factory=set)

    def progress(self, done: int, total: int) -> None:
        """Tell the caller how far the reading has got (0..1)."""
        if self.on_progress is not None and total:
            self.on_progress(min(1.0, done / total))

    def problem(self, where: str, level: Level, message: str) -> None:
        """Note a problem."""
        self.problems.append(ImportProblem(where, level, message))

    @property
    def errors(self) -> list[ImportProblem]:
        """Problems that kept a question out."""
        return [p for p in self.problems if p.level != "warning"]

    def add(self, where: str, data: dict[str, Any], known_points: set[str] | None = None) -> None:
        """Validate one question with the bank's own model and keep it, or report why not."""
        if not data.get("points"):
            self.problem(where, "error", "没有知识点编号：请用分类名、标签或 --point 指定")
            return
        if known_points is not None:
            unknown = [p for p in data["points"] if p not in known_points]
            if unknown:
                self.problem(where, "error", f"未知的知识点编号：{'、'.join(unknown)}")
                return
        if data["id"] in self.ids:
            base, n = data["id"], 2
            while f"{base}-{n}" in self.ids:
                n += 1
            data["id"] = f"{base}-{n}"
            self.problem(where, "warning", f"编号与前面的题目重复，已改为 {data['id']}")
        title = (data.get("title") or "").strip()
        if not title or title == data["id"]:
            data.pop("title", None)  # the name is the id: nothing more to keep
        else:
            data["title"] = title[:255]
        try:
            _question.validate_python(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            parts = [str(p) for p in first["loc"][1:] if not str(p).isdigit()]
            loc = FIELD_LABELS.get(parts[-1], parts[-1]) if parts else "题目"
            self.problem(where, "error", f"{loc}：{chinese_message(first)}")
            return
        self.ids.add(data["id"])
        self.questions.append(data)


def question_id(raw: str, fallback: str) -> str:
    """A bank id from a name: kept when it is already a valid id, else the fallback."""
    candidate = raw.strip().lower()
    return candidate if ID_PATTERN.match(candidate) and len(candidate) <= 120 else fallback


MEDIA = re.compile(r"@@PLUGINFILE@@|<(img|audio|video|source|object|embed|iframe)\b", re.IGNORECASE)
FORMAT_TAG = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)


def strip_format(text: str) -> tuple[str, str | None]:
    """A leading GIFT format tag removed: the text and the tag's name (lower case) or None."""
    match = FORMAT_TAG.match(text)
    if not match:
        return text, None
    return text[match.end() :], match.group(1).lower()


WILDCARD = re.compile(r"(?<!\\)\*")


def short_answers(accepted: list[str]) -> list[str] | str:
    """Moodle short answers as our accepted answers: `\\*` is a literal asterisk; a bare `*` is Moodle's wildcard
    (any text), which exact matching cannot do, so the reason for refusing is returned instead."""
    wild = [a for a in accepted if WILDCARD.search(a)]
    if wild:
        return f"填空答案含通配符 *（{'、'.join(wild)}），本平台按原文精确比对，无法表示，已跳过"
    return [a.replace("\\*", "*") for a in accepted]


def moodle_answer(text: str) -> str:
    """An accepted answer written for Moodle: an asterisk escaped so it is not read as a wildcard."""
    return text.replace("*", "\\*")


def has_media(text: str) -> bool:
    """Whether HTML text shows an image, audio or video or links a Moodle file."""
    return bool(MEDIA.search(text))


def looks_html(text: str) -> bool:
    """Whether text carries HTML tags or entities."""
    return bool(re.search(r"<[a-zA-Z/][^>]*>|&[a-zA-Z#][a-zA-Z0-9]*;", text))


def plain_text(text: str, is_html: bool) -> str:
    """Question text as plain text; HTML tags dropped and entities decoded."""
    if is_html:
        text = re.sub(r"<br\s*/?>|</p>", "\n", text, flags=re.IGNORECASE)
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(text)
    return re.sub(r"[ \t]+\n", "\n", text).strip()


def bank_yaml(result: ImportResult, bank_id: str, title: str) -> str:
    """A bank file for the imported questions, checked against the bank model before it is returned."""
    doc = {"schema_version": 1, "id": bank_id, "title": title, "questions": result.questions}
    Bank.model_validate(doc)
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)


def as_data(question: AnyQuestion) -> dict[str, Any]:
    """A question as plain data (for writers and round trips)."""
    return question.model_dump(mode="json", exclude_defaults=False)


def shared_types(
    questions: list[AnyQuestion], fmt: str, skipped: list[str]
) -> Iterator[tuple[AnyQuestion, str | None]]:
    """The questions a Moodle format can hold, each with its knowledge point when a new category starts;
    the rest are noted in `skipped`."""
    current = None
    for q in questions:
        problem = export_problem(q, "gift" if fmt == "GIFT" else "moodle-xml")
        if problem:
            skipped.append(f"{q.id}：{problem}，未导出")
            continue
        starts = q.points[0] if q.points[0] != current else None
        current = q.points[0]
        yield q, starts


def partial_scoring(fractions: list[float]) -> dict[str, Any]:
    """Fields of a multiple-choice item scored as Moodle scores it: the options' fractions (percent) as weights."""
    letters = "ABCDEFGH"
    weights = {letters[i]: round(f / 100, 5) for i, f in enumerate(fractions) if f}
    return {"scoring": "partial", "weights": weights}
