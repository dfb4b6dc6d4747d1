"""GIFT, Moodle's text format for questions: read and write the types both sides share.

Shared: single choice (=right ~wrong), multiple choice with partial credit (~%50%), true/false, short answer
(=a =b, one blank of our fill type), categories ($CATEGORY:), general feedback (####) and per-answer feedback.
Not shared, and reported when met: matching (->), numerical (#), essays without a rubric, case questions,
fill questions with several blanks, per-answer feedback on import (our questions carry one explanation)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from interop.common import (
    NO_EXPLANATION,
    ImportResult,
    has_media,
    moodle_answer,
    partial_scoring,
    plain_text,
    question_id,
    shared_types,
    short_answers,
    strip_format,
)
from quizzes.models import AnyQuestion

SPECIAL = "~=#{}:"
LETTERS = "ABCDEFGH"
# Grades Moodle accepts for answers (percent).
MOODLE_GRADES = (
    100,
    90,
    83.33333,
    80,
    75,
    70,
    66.66667,
    60,
    50,
    40,
    33.33333,
    30,
    25,
    20,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10,
    5,
)
FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
TRUE_WORDS, FALSE_WORDS = {"T", "TRUE"}, {"F", "FALSE"}


def escape(text: str) -> str:
    """Escape GIFT's special characters (Moodle's own set: \\ ~ = # { } : and new lines)."""
    text = text.replace("\\", "\\\\")
    for ch in SPECIAL:
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", "\\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text, flags=re.DOTALL)


def _split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """Split at unescaped marks: [(mark, text after it)], the first with mark ''."""
    parts: list[tuple[str, str]] = []
    mark, buf, i = "", [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            buf.append(text[i : i + 2])
            i += 2
            continue
        if ch in marks:
            parts.append((mark, "".join(buf)))
            mark, buf = ch, []
        else:
            buf.append(ch)
        i += 1
    parts.append((mark, "".join(buf)))
    return parts


def _find_unescaped(text: str, ch: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == ch:
            return i
        i += 1
    return -1


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Block:
    """One question's text and the line it starts on."""

    line: int
    text: str


def _blocks(source: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.rstrip()
        if line.lstrip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append(_Block(start, "\n".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append(_Block(start, "\n".join(current)))
    return blocks


def _weight(item: str) -> tuple[float | None, str]:
    match = re.match(r"^%(-?\d+(?:\.\d+)?)%", item)
    if match:
        return float(match.group(1)), item[match.end() :]
    return None, item


def parse(
    source: str,
    default_point: str | None = None,
    known_points: set[str] | None = None,
    result: ImportResult | None = None,
) -> ImportResult:
    """Read GIFT text; every question is validated, every loss reported with its line."""
    result = result or ImportResult()
    category_point: str | None = None
    seen = 0
    blocks = _blocks(source.replace("\r\n", "\n"))
    for done, block in enumerate(blocks, start=1):
        result.progress(done, len(blocks))
        where = f"第 {block.line} 行"
        text = block.text.strip()
        if text.startswith("$CATEGORY:"):
            last = text.split(":", 1)[1].strip().rstrip("/").split("/")[-1].strip()
            category_point = last if known_points is None or last in known_points else None
            if known_points is not None and category_point is None and last:
                result.problem(where, "warning", f"分类“{last}”不是知识点编号，其下题目需用 --point 指定知识点")
            continue
        seen += 1
        point = category_point or default_point
        if text.startswith("::"):
            end = text.find("::", 2)
            if end > 0:
                where += f"（{_unescape(text[2:end]).strip()}）"
        try:
            data = _question(text, where, result, f"imported.q{seen:04d}")
        except ValueError as exc:
            result.problem(where, "error", str(exc))
            continue
        if data is None:
            continue
        data["points"] = [point] if point else []
        result.add(where, data, known_points)
    return result


def _question(text: str, where: str, result: ImportResult, fallback_id: str) -> dict[str, Any] | None:
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise ValueError("题目名称缺少结尾的 ::")
        title, text = text[2:end].strip(), text[end + 2 :].strip()
    is_html = False
    fmt = FORMAT.match(text)
    if fmt:
        is_html = fmt.group(1).lower() in {"html", "moodle"}
        text = text[fmt.end() :]
        result.problem(where, "warning", f"题干的格式标记 [{fmt.group(1).lower()}] 已去掉")
        if is_html:
            result.problem(where, "warning", "HTML 格式已转为纯文本")
    if has_media(text):
        result.problem(where, "unsupported", "题目含图片或音视频（或 @@PLUGINFILE@@ 文件），本平台无法显示，已跳过")
        return None
    open_at = _find_unescaped(text, "{")
    if open_at < 0:
        result.problem(where, "unsupported", "没有答案部分 {…}（说明文字或不支持的格式），已跳过")
        return None
    close_at = _find_unescaped(text, "}", open_at)
    if close_at < 0:
        raise ValueError("答案部分缺少右花括号 }")
    before_raw, after_raw = _unescape(text[:open_at]), _unescape(text[close_at + 1 :])
    before, after = plain_text(before_raw, is_html), after_raw.strip()
    body = text[open_at + 1 : close_at].strip()
    general = ""
    if "####" in body:
        body, general = body.split("####", 1)
        general, tag = strip_format(general.strip())
        general = _unescape(general)
        if tag:
            result.problem(where, "warning", f"总体反馈的格式标记 [{tag}] 已去掉")
        general = plain_text(general, is_html or tag in {"html", "moodle"})
        body = body.strip()
    qid = question_id(title, fallback_id)
    base: dict[str, Any] = {"id": qid, "title": _unescape(title)}

    def stem(blank: str) -> str:
        # Missing-word form: the answer block sits inside the sentence.
        if after:
            return plain_text(f"{before_raw.lstrip()}{blank}{after_raw.rstrip()}", is_html)
        return f"{before}{blank}" if blank == "____" else before

    if not body:
        result.problem(where, "unsupported", "问答题（essay）没有评分要点，无法自动评分，已跳过")
        return None
    if body.startswith("#"):
        result.problem(where, "unsupported", "数值题（#）不受支持，已跳过")
        return None
    first_word = re.split(r"[#\s]", body, maxsplit=1)[0].upper()
    if first_word in TRUE_WORDS | FALSE_WORDS:
        if len(_split_unescaped(body, "#")) > 1:
            result.problem(where, "warning", "判断题的答案反馈未导入（本平台每题一条解析）")
        return {
            **base,
            "type": "judge",
            "stem": stem(""),
            "answer": first_word in TRUE_WORDS,
            "explanation": general or NO_EXPLANATION,
        }
    items = [(m, t) for m, t in _split_unescaped(body, "=~") if m]
    if not items:
        raise ValueError("答案部分无法识别")
    if any("->" in t for _, t in items):
        result.problem(where, "unsupported", "配对题（->）不受支持，已跳过")
        return None
    options: list[tuple[str, float, str]] = []  # text, weight (percent), feedback
    for mark, item in items:
        weight, rest = _weight(item.strip())
        pieces = _split_unescaped(rest, "#")
        raw_answer, tag = strip_format(pieces[0][1].strip())
        raw_answer = _unescape(raw_answer).strip()
        if tag:
            result.problem(where, "warning", f"选项的格式标记 [{tag}] 已去掉")
        answer_text = plain_text(raw_answer, is_html or tag in {"html", "moodle"})
        feedback = " ".join(strip_format(_unescape(t).strip())[0] for _, t in pieces[1:]).strip()
        options.append((answer_text, 100.0 if mark == "=" and weight is None else (weight or 0.0), feedback))
    if any(has_media(o) for o, _, _ in options):
        result.problem(where, "unsupported", "选项中有图片或音视频，本平台无法显示，已跳过")
        return None
    if not general:
        # Only the fully correct answer's feedback can explain the question.
        general = next((f for _, w, f in options if w >= 100 and f), "")
        if general:
            result.problem(where, "warning", "没有总体反馈，已用正确答案的反馈作为解析")
    dropped = [f"{o}：{f}" for o, w, f in options if f and f != general]
    if dropped:
        result.problem(where, "warning", "以下选项反馈未导入（本平台每题一条解析）：" + "；".join(dropped))
    explanation = general or NO_EXPLANATION
    if explanation == NO_EXPLANATION:
        result.problem(where, "warning", "没有解析，已填入待补充的提示")
    if all(mark == "=" for mark, _ in items):
        partial = [o for o, w, _ in options if w < 100]
        if partial:
            result.problem(where, "unsupported", f"填空题的部分得分答案（{'、'.join(partial)}）无法表示，已跳过")
            return None
        accepted = short_answers([o[0] for o in options])
        if isinstance(accepted, str):
            result.problem(where, "unsupported", accepted)
            return None
        return {
            **base,
            "type": "fill",
            "stem": stem("____"),
            "answer": [accepted],
            "explanation": explanation,
        }
    letters = ", ".join(f"{LETTERS[i]} {w:g}%" for i, (_, w, _) in enumerate(options) if w)
    if any(mark == "=" for mark, _ in items):
        # Moodle: an answer marked = makes a single-answer question.
        full = [i for i, (_, w, _) in enumerate(options) if w >= 100]
        if any(0 < w < 100 for _, w, _ in options) or any(w < 0 for _, w, _ in options):
            result.problem(
                where, "unsupported", f"单选题含部分得分或扣分选项（{letters}），本平台单选题只有对错，已跳过"
            )
            return None
        if len(full) != 1:
            raise ValueError("单选题需要且只能有一个正确答案（=）")
        return {
            **base,
            "type": "single",
            "stem": stem("（ ）"),
            "options": [o[0] for o in options],
            "answer": LETTERS[full[0]],
            "explanation": explanation,
        }
    right = [i for i, (_, w, _) in enumerate(options) if w > 0]
    if len(right) < 2:
        result.problem(where, "unsupported", f"多选题只有 {len(right)} 个得分选项（{letters or '无'}），已跳过")
        return None
    if abs(sum(w for _, w, _ in options if w > 0) - 100) > 1:
        result.problem(where, "unsupported", f"多选题得分选项的百分比之和不是 100（{letters}），已跳过")
        return None
    result.problem(where, "warning", "多选题按选项权重部分得分，与 Moodle 一致")
    return {
        **base,
        "type": "multiple",
        "stem": stem("（ ）"),
        "options": [o[0] for o in options],
        "answer": [LETTERS[i] for i in right],
        "explanation": explanation,
        **partial_scoring([w for _, w, _ in options]),
    }


# ---------------------------------------------------------------- writing


def _grade(fraction: float) -> str:
    if abs(fraction) < 0.025:
        return "0"
    value = min(MOODLE_GRADES, key=lambda g: abs(g - 100 * abs(fraction)))
    return f"{-value if fraction < 0 else value:g}"


def write(questions: list[AnyQuestion], category: str = "客户管理师") -> tuple[str, list[str]]:
    """GIFT text for the questions, grouped by knowledge point as categories; and what could not be written."""
    out: list[str] = []
    skipped: list[str] = []
    for q, starts in shared_types(questions, "GIFT", skipped):
        if starts:
            out.append(f"$CATEGORY: $course$/{category}/{starts}\n")
        out.append(_write_one(q, skipped))
    return "\n".join(out), skipped


def _option(mark: str, text: str, weight: str | None = None) -> str:
    """One answer: an explicit weight when the text starts with % and a [plain] marker when it starts with [,
    so that Moodle reads neither as a weight nor as a format."""
    body = escape(text)
    if text.startswith("["):
        body = "[plain]" + body
    if weight is None and text.startswith("%"):
        weight = "100" if mark == "=" else "0"
    return mark + (f"%{weight}%" if weight is not None else "") + body


def _lost(q: AnyQuestion, notes: list[str]) -> None:
    """Attributes GIFT has no place for."""
    lost = []
    if len(q.points) > 1:
        lost.append(f"其余知识点 {'、'.join(q.points[1:])}")
    if q.difficulty != 2:
        lost.append(f"难度 {q.difficulty}")
    if q.type in {"single", "multiple"} and not q.shuffle:
        lost.append("不打乱选项")
    if lost:
        notes.append(f"{q.id}：GIFT 无法表示{'、'.join(lost)}（Moodle XML 可保留）")


def _write_one(q: AnyQuestion, notes: list[str]) -> str:
    _lost(q, notes)
    title = f"::{escape(q.title or q.id)}::[plain]"
    if q.title:
        notes.append(f"{q.id}：GIFT 只有题目名称，写为“{q.title}”，编号 {q.id} 未导出（Moodle XML 可保留）")
    feedback = f"####{escape(q.explanation)}"
    if q.type == "single":
        opts = " ".join(_option("=" if LETTERS[i] == q.answer else "~", o) for i, o in enumerate(q.options))
        return f"{title}{escape(q.stem)} {{{opts} {feedback}}}\n"
    if q.type == "multiple":
        weights = q.option_weights()
        if q.scoring == "all_or_nothing":
            notes.append(f"{q.id}：多选题按全对才得分，GIFT 中只能按选项部分得分表示（错选扣完，漏选按比例得分）")
        grades = [_grade(weights[LETTERS[i]]) for i in range(len(q.options))]
        moved = [
            f"{LETTERS[i]} {weights[LETTERS[i]]:g}→{g}%"
            for i, g in enumerate(grades)
            if abs(float(g) / 100 - weights[LETTERS[i]]) > 1e-4
        ]
        if moved:
            notes.append(f"{q.id}：权重取 Moodle 可用的最近值：{'、'.join(moved)}")
        opts = " ".join(_option("~", o, grades[i]) for i, o in enumerate(q.options))
        return f"{title}{escape(q.stem)} {{{opts} {feedback}}}\n"
    if q.type == "judge":
        return f"{title}{escape(q.stem)} {{{'TRUE' if q.answer else 'FALSE'} {feedback}}}\n"
    if q.type == "fill":
        before, _, after = q.stem.partition("____")
        opts = " ".join(_option("=", moodle_answer(a)) for a in q.answer[0])
        return f"{title}{escape(before)}{{{opts} {feedback}}}{escape(after)}\n"
    assert q.type == "short"
    notes.append(f"{q.id}：简答题的评分要点无法用 GIFT 表示，已导出为问答题（参考答案写入总体反馈）")
    return f"{title}{escape(q.stem)} {{####{escape(q.explanation + ' 参考答案：' + q.answer)}}}\n"
