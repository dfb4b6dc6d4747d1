"""Moodle XML: read and write the question types both sides share.

Shared: multichoice (single and multiple answer, partial credit by fraction), truefalse, shortanswer (one blank of
our fill type), categories, general feedback, tags (knowledge-point ids), essays written with the model answer as
grader information. Not shared, and reported when met: matching, numerical, calculated, cloze (multianswer),
drag-and-drop, descriptions, essays on import (no rubric), per-answer feedback on import."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from interop.common import (
    NO_EXPLANATION,
    ImportResult,
    has_media,
    looks_html,
    moodle_answer,
    partial_scoring,
    plain_text,
    question_id,
    shared_types,
    short_answers,
    strip_format,
)
from quizzes.models import AnyQuestion

LETTERS = "ABCDEFGH"
DIFFICULTY_TAG = "difficulty:"
UNSUPPORTED = {
    "matching": "配对题",
    "numerical": "数值题",
    "calculated": "计算题",
    "calculatedsimple": "计算题",
    "calculatedmulti": "计算题",
    "multianswer": "完形（Cloze）题",
    "ddwtos": "拖放题",
    "ddmarker": "拖放题",
    "ddimageortext": "拖放题",
    "gapselect": "下拉选词题",
    "randomsamatch": "随机配对题",
    "description": "说明文字",
}


def _text(node: Element | None, path: str = "text") -> str:
    if node is None:
        return ""
    found = node.find(path)
    return (found.text or "") if found is not None else ""


def _rich(node: Element | None) -> str:
    if node is None:
        return ""
    text = strip_format(_text(node))[0]
    return plain_text(text, node.get("format", "html") in {"html", "moodle_auto_format"} or looks_html(text))


def _plain(node: Element, tag: str) -> str:
    found = node.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _media(node: Element) -> list[str]:
    """What in a question Moodle would show as media: attached files, images, audio, @@PLUGINFILE@@ links."""
    found = []
    if node.findall(".//file"):
        found.append("附件文件")
    if any(has_media(t.text or "") for t in node.iter("text")):
        found.append("图片或音视频")
    return found


def parse(
    source: bytes | str,
    default_point: str | None = None,
    known_points: set[str] | None = None,
    result: ImportResult | None = None,
) -> ImportResult:
    """Read a Moodle XML file; every question is validated, every loss reported with its position."""
    result = result or ImportResult()
    try:
        root = ElementTree.fromstring(source)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:
        result.problem("文件", "error", f"不是有效的 XML：{exc}")
        return result
    if root.tag != "quiz":
        result.problem("文件", "error", "根元素应为 <quiz>")
        return result
    category_point: str | None = None
    nodes = root.findall("question")
    for number, node in enumerate(nodes, start=1):
        result.progress(number, len(nodes))
        kind = node.get("type", "")
        name = _text(node.find("name")).strip()
        where = f"第 {number} 题" + (f"（{name}）" if name else "")
        if kind == "category":
            last = _text(node.find("category")).strip().rstrip("/").split("/")[-1].strip()
            category_point = last if known_points is None or last in known_points else None
            continue
        if kind in UNSUPPORTED:
            result.problem(where, "unsupported", f"{UNSUPPORTED[kind]}（{kind}）不受支持，已跳过")
            continue
        media = _media(node)
        if media:
            result.problem(where, "unsupported", f"题目含{'、'.join(media)}，本平台无法显示，已跳过")
            continue
        if any(looks_html(t.text or "") for t in node.iter("text")):
            result.problem(where, "warning", "HTML 已转为纯文本")
        try:
            qid = question_id(_plain(node, "idnumber") or name, f"imported.x{number:04d}")
            data = _question(node, kind, where, result, qid)
        except (ValueError, TypeError) as exc:
            result.problem(where, "error", str(exc))
            continue
        if data is None:
            continue
        if name:
            data["title"] = " ".join(name.split())
        tags = [_text(t).strip() for t in node.findall("tags/tag")]
        levels = [t.removeprefix(DIFFICULTY_TAG) for t in tags if t.startswith(DIFFICULTY_TAG)]
        if levels and levels[0] in {"1", "2", "3"}:
            data["difficulty"] = int(levels[0])
        tags = [t for t in tags if not t.startswith(DIFFICULTY_TAG)]
        tagged = [t for t in tags if known_points is None or t in known_points]
        if known_points is None:
            tagged = [t for t in tagged if "." in t]
        other = [t for t in tags if t not in tagged]
        if other:
            result.problem(where, "warning", f"标签 {'、'.join(other)} 不是知识点编号，未导入")
        point = category_point or default_point
        data["points"] = tagged or ([point] if point else [])
        result.add(where, data, known_points)
    return result


def _answers(node: Element) -> list[tuple[str, float, str]]:
    out = []
    for answer in node.findall("answer"):
        fraction = float(answer.get("fraction", "0"))
        is_html = answer.get("format", "moodle_auto_format") == "html"
        out.append((plain_text(_text(answer), is_html), fraction, _rich(answer.find("feedback"))))
    return out


def _question(node: Element, kind: str, where: str, result: ImportResult, qid: str) -> dict[str, Any] | None:
    stem = _rich(node.find("questiontext"))
    explanation = _rich(node.find("generalfeedback"))
    answers = _answers(node)
    if not explanation:
        explanation = next((f for _, w, f in answers if w >= 100 and f), "")
        if explanation:
            result.problem(where, "warning", "没有总体反馈，已用正确答案的反馈作为解析")
    dropped = [f"{t}：{f}" for t, _, f in answers if f and f != explanation]
    if dropped:
        result.problem(where, "warning", "以下选项反馈未导入（本平台每题一条解析）：" + "；".join(dropped))
    if not explanation:
        result.problem(where, "warning", "没有解析，已填入待补充的提示")
    explanation = explanation or NO_EXPLANATION
    base: dict[str, Any] = {"id": qid, "stem": stem, "explanation": explanation}
    shuffle = _text(node, "shuffleanswers").strip() not in {"0", "false"}
    if kind == "truefalse":
        right = [t.strip().lower() for t, w, _ in answers if w >= 100]
        if len(right) != 1 or right[0] not in {"true", "false"}:
            raise ValueError("判断题需要 true 或 false 之一得满分")
        return {**base, "type": "judge", "answer": right[0] == "true"}
    if kind == "shortanswer":
        accepted = [t for t, w, _ in answers if w >= 100]
        partial = [t for t, w, _ in answers if 0 < w < 100]
        if partial:
            result.problem(where, "unsupported", f"填空题的部分得分答案（{'、'.join(partial)}）无法表示，已跳过")
            return None
        if not accepted:
            raise ValueError("填空题需要至少一个得满分的答案")
        exact = short_answers(accepted)
        if isinstance(exact, str):
            result.problem(where, "unsupported", exact)
            return None
        if _text(node, "usecase").strip() == "1":
            result.problem(where, "warning", "原题区分大小写；本平台填空判分不区分大小写")
        blank = stem if "____" in stem else f"{stem}____"
        return {**base, "type": "fill", "stem": blank, "answer": [exact]}
    if kind == "multichoice":
        # Moodle's default is a single-answer question.
        single = _text(node, "single").strip().lower() not in {"false", "0"}
        scoring = [i for i, (_, w, _) in enumerate(answers) if w > 0]
        options = [t for t, _, _ in answers]
        fractions = ", ".join(f"{LETTERS[i]} {w:g}%" for i, (_, w, _) in enumerate(answers) if w)
        if single:
            top = [i for i, (_, w, _) in enumerate(answers) if w >= 100]
            if len(top) != 1:
                raise ValueError("单选题需要恰好一个得满分（fraction=100）的选项")
            if len(scoring) > 1 or any(w < 0 for _, w, _ in answers):
                result.problem(
                    where, "unsupported", f"单选题含部分得分或扣分选项（{fractions}），本平台单选题只有对错，已跳过"
                )
                return None
            return {**base, "type": "single", "options": options, "answer": LETTERS[top[0]], "shuffle": shuffle}
        if len(scoring) < 2:
            raise ValueError("多选题至少要有两个得分选项")
        if abs(sum(answers[i][1] for i in scoring) - 100) > 1:
            result.problem(where, "unsupported", f"多选题得分选项的百分比之和不是 100（{fractions}），已跳过")
            return None
        result.problem(where, "warning", "多选题按选项权重部分得分，与 Moodle 一致")
        return {
            **base,
            "type": "multiple",
            "options": options,
            "answer": [LETTERS[i] for i in scoring],
            "shuffle": shuffle,
            **partial_scoring([w for _, w, _ in answers]),
        }
    if kind == "essay":
        result.problem(where, "unsupported", "问答题（essay）没有评分要点，无法自动评分，已跳过")
        return None
    result.problem(where, "unsupported", f"未知题型 {kind or '（空）'}，已跳过")
    return None


# ---------------------------------------------------------------- writing


def _sub(parent: Element, tag: str, text: str, **attrs: str) -> Element:
    node = SubElement(parent, tag, attrs)
    SubElement(node, "text").text = text
    return node


def write(questions: list[AnyQuestion], category: str = "客户管理师") -> tuple[bytes, list[str]]:
    """A Moodle XML file for the questions, a category per knowledge point; and what could not be written."""
    quiz = Element("quiz")
    skipped: list[str] = []
    for q, starts in shared_types(questions, "Moodle XML", skipped):
        if starts:
            cat = SubElement(quiz, "question", {"type": "category"})
            _sub(cat, "category", f"$course$/{category}/{starts}")
        _write_one(quiz, q, skipped)
    body = tostring(quiz, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8"), skipped


def _write_one(quiz: Element, q: AnyQuestion, notes: list[str]) -> None:
    kind = {"single": "multichoice", "multiple": "multichoice", "judge": "truefalse", "fill": "shortanswer"}.get(
        q.type, "essay"
    )
    node = SubElement(quiz, "question", {"type": kind})
    _sub(node, "name", q.title or q.id)
    _sub(node, "questiontext", q.stem, format="plain_text")
    _sub(node, "generalfeedback", q.explanation, format="plain_text")
    SubElement(node, "defaultgrade").text = "1"
    SubElement(node, "idnumber").text = q.id
    if q.type == "single":
        SubElement(node, "single").text = "true"
        SubElement(node, "shuffleanswers").text = "1" if q.shuffle else "0"
        SubElement(node, "answernumbering").text = "ABCD"
        for i, option in enumerate(q.options):
            fraction = "100" if LETTERS[i] == q.answer else "0"
            _sub(node, "answer", option, fraction=fraction, format="plain_text")
    elif q.type == "multiple":
        SubElement(node, "single").text = "false"
        SubElement(node, "shuffleanswers").text = "1" if q.shuffle else "0"
        SubElement(node, "answernumbering").text = "ABCD"
        if q.scoring == "all_or_nothing":
            notes.append(f"{q.id}：多选题按全对才得分，Moodle 的多选题只能按选项部分得分表示")
        weights = q.option_weights()
        for i, option in enumerate(q.options):
            fraction = f"{round(100 * weights[LETTERS[i]], 5):g}"
            _sub(node, "answer", option, fraction=fraction, format="plain_text")
    elif q.type == "judge":
        _sub(node, "answer", "true", fraction="100" if q.answer else "0")
        _sub(node, "answer", "false", fraction="0" if q.answer else "100")
    elif q.type == "fill":
        SubElement(node, "usecase").text = "0"
        for accepted in q.answer[0]:
            _sub(node, "answer", moodle_answer(accepted), fraction="100", format="plain_text")
    else:
        assert q.type == "short"
        notes.append(f"{q.id}：简答题的关键词评分要点无法自动评分，已导出为问答题（参考答案与要点写入评分说明）")
        labels = "；".join(f"{g.label}（{'/'.join(g.any)}）" for g in q.rubric)
        _sub(node, "graderinfo", f"参考答案：{q.answer}\n评分要点：{labels}", format="plain_text")
        SubElement(node, "responseformat").text = "plain"
    tags = SubElement(node, "tags")
    for point in q.points:
        _sub(tags, "tag", point)
    _sub(tags, "tag", f"{DIFFICULTY_TAG}{q.difficulty}")
