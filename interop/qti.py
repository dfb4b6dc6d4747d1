"""QTI 2.1 content package (for Canvas, Blackboard and Moodle's QTI importers): one assessmentItem per question and
an imsmanifest.xml listing them. No maintained Python writer for QTI 2.1 exists, so this is a small one; the tests
validate every item against a schema that encodes the IMS QTI 2.1 item rules it uses (tests/interop/schemas) and,
when an operator provides them, against the official IMS schemas.

What the official schemas require and the writer guarantees: response identifiers are xs:ID and interaction
identifiers NCNames; item titles are xs:normalizedString (no tab or line break); labels at most 256 characters;
map keys xs:normalizedString; manifest and resource identifiers xs:ID (unique NCNames); no character XML 1.0 forbids.
Every change this makes to a question is returned as a note naming the question."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from quizzes.models import AnyQuestion

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
LETTERS = "ABCDEFGH"
MANIFEST_ID = "cma-question-bank"
LABEL_MAX = 256  # String256.Type
TITLE_FROM_STEM = 60
ID_MAX = 100  # identifiers name the zip's files; file systems allow 255 bytes
register_namespace("", QTI_NS)
register_namespace("xsi", XSI)

# Characters XML 1.0 does not allow (C0 controls but tab, LF, CR; lone surrogates; U+FFFE, U+FFFF).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"[\t\n\r]+")
# Stricter than NCName on purpose: ASCII only, as LMS importers use identifiers in file names and URLs.
_SAFE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9_.-]+")


def _q(tag: str) -> str:
    return f"{{{QTI_NS}}}{tag}"


def _number(value: float) -> str:
    """An xs:double literal without losing precision (1/3 stays 0.3333333333333333, so three blanks sum to 1)."""
    return repr(float(value))


@dataclass
class _Changes:
    """What writing one question changed, gathered per kind and turned into notes."""

    qid: str
    controls: list[str] = field(default_factory=list)
    returns: list[str] = field(default_factory=list)
    flattened: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)

    def text(self, value: str, where: str) -> str:
        """Element content: characters XML forbids dropped; CR written as LF (what any XML reader would see)."""
        clean = _ILLEGAL.sub("", value)
        if clean != value:
            self.controls.append(where)
        if "\r" in clean:
            clean = clean.replace("\r\n", "\n").replace("\r", "\n")
            self.returns.append(where)
        return clean

    def flat(self, value: str, where: str, note: bool = True) -> str:
        """An xs:normalizedString attribute: no tab, LF or CR (each run written as one space)."""
        clean = _ILLEGAL.sub("", value)
        if clean != value and note:
            self.controls.append(where)
        flat = _BREAKS.sub(" ", clean)
        if flat != clean and note:
            self.flattened.append(where)
        return flat

    def notes(self) -> list[str]:
        out = [f"{self.qid}：{n}" for n in self.other]
        if self.controls:
            out.append(f"{self.qid}：{'、'.join(self.controls)}中有 XML 不允许的控制字符，已删除")
        if self.returns:
            out.append(f"{self.qid}：{'、'.join(self.returns)}中的回车符按 XML 的规定写为换行")
        if self.flattened:
            out.append(f"{self.qid}：{'、'.join(self.flattened)}中的换行或制表符在 QTI 属性中只能写为空格")
        return out


def item_identifier(question_id: str) -> str:
    """A QTI/CP identifier for a question id: the id itself when it is a safe NCName of at most ID_MAX characters,
    otherwise an ASCII form of it (cut to 64 characters) with a short hash of the original, so that different ids
    never map to the same identifier."""
    if _SAFE_ID.fullmatch(question_id) and len(question_id) <= ID_MAX:
        return question_id
    slug = _UNSAFE_ID_CHARS.sub("_", question_id).strip("_")[:64]
    if not _SAFE_ID.fullmatch(slug):
        slug = f"q_{slug}"
    digest = hashlib.sha1(question_id.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()[:8]
    return f"{slug}-{digest}"


def _identifiers(questions: list[AnyQuestion]) -> list[str]:
    """Unique identifiers in order; also unique ignoring case, as the zip's file names are items/<identifier>.xml."""
    taken: set[str] = set()
    out: list[str] = []
    for q in questions:
        ident = item_identifier(q.id)
        base, n = ident, 1
        while ident.lower() in taken or ident.lower() == MANIFEST_ID:
            n += 1
            ident = f"{base}-{n}"
        taken.add(ident.lower())
        out.append(ident)
    return out


def _response(
    item: Element, cardinality: str, base_type: str, correct: list[str], identifier: str = "RESPONSE"
) -> Element:
    decl = SubElement(
        item, _q("responseDeclaration"), identifier=identifier, cardinality=cardinality, baseType=base_type
    )
    right = SubElement(decl, _q("correctResponse"))
    for value in correct:
        SubElement(right, _q("value")).text = value
    return decl


def _outcome(item: Element) -> None:
    decl = SubElement(item, _q("outcomeDeclaration"), identifier="SCORE", cardinality="single", baseType="float")
    SubElement(SubElement(decl, _q("defaultValue")), _q("value")).text = "0"
    SubElement(item, _q("outcomeDeclaration"), identifier="FEEDBACK", cardinality="single", baseType="identifier")


def _choices(body: Element, stem: str, labels: list[str], shuffle: bool, max_choices: int) -> None:
    interaction = SubElement(
        body,
        _q("choiceInteraction"),
        responseIdentifier="RESPONSE",
        shuffle="true" if shuffle else "false",
        maxChoices=str(max_choices),
    )
    SubElement(interaction, _q("prompt")).text = stem
    for letter, text in zip(LETTERS, labels, strict=False):
        SubElement(interaction, _q("simpleChoice"), identifier=letter).text = text


def _fill_keys(q: AnyQuestion, changes: _Changes) -> list[list[str]]:
    """Accepted answers per blank as map keys (xs:normalizedString), each key once. The mapping ignores case, as the
    project's own grading does; answers differing only in case stay as they are in the bank."""
    assert q.type == "fill"
    blanks: list[list[str]] = []
    for n, accepted in enumerate(q.answer, start=1):
        keys: list[str] = []
        for answer in accepted:
            shown = _ILLEGAL.sub("", answer).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
            key = changes.flat(answer, f"第 {n} 空的答案“{shown}”")
            if key in keys:
                changes.other.append(f"第 {n} 空的答案“{key}”写了两次（在 QTI 中相同），只写一次")
                continue
            keys.append(key)
        blanks.append(keys)
    return blanks


def _title(q: AnyQuestion, changes: _Changes, identifier: str) -> str:
    """The question's name, else the start of its stem, else its identifier (the title is required)."""
    title = changes.flat(q.title, "名称") if q.title else ""
    if not title.strip():
        title = changes.flat(q.stem, "", note=False).strip()[:TITLE_FROM_STEM].strip()
    return title or identifier


def item_xml(q: AnyQuestion, notes: list[str], identifier: str | None = None) -> bytes | None:
    """One question as a QTI 2.1 assessmentItem, or None (with a note) when QTI cannot score it."""
    if q.type not in {"single", "multiple", "judge", "fill", "short"}:
        notes.append(f"{q.id}：{'案例分析题' if q.type == 'case' else '专业能力题'}在 QTI 中没有对应题型，未导出")
        return None
    ident = identifier or item_identifier(q.id)
    changes = _Changes(q.id)
    attributes = {
        "identifier": ident,
        "title": _title(q, changes, ident),
        "adaptive": "false",
        "timeDependent": "false",
        f"{{{XSI}}}schemaLocation": f"{QTI_NS} {QTI_XSD}",
    }
    label = _ILLEGAL.sub("", q.id)  # String256.Type keeps white space, so only what XML forbids goes
    if ident != q.id:
        changes.other.append(
            f"编号不是 QTI 可用的标识（只能用英文字母、数字、_、-、.，以字母或 _ 开头，不超过 {ID_MAX} 个字符，"
            f"且不与其他题重复），"
            f"标识写为 {ident}，原编号写在 label 属性中"
        )
    if len(label) > LABEL_MAX:
        changes.other.append(f"编号超过 {LABEL_MAX} 个字符，label 属性只写前 {LABEL_MAX} 个字符")
    attributes["label"] = label[:LABEL_MAX]
    item = Element(_q("assessmentItem"), attributes)
    stem = changes.text(q.stem, "题干")
    template = "match_correct"
    if q.type == "single":
        _response(item, "single", "identifier", [q.answer])
    elif q.type == "multiple":
        decl = _response(item, "multiple", "identifier", list(q.answer))
        if q.scoring == "partial":
            # Moodle-style partial credit: the sum of the ticked options' weights, clamped to 0..1.
            mapping = SubElement(decl, _q("mapping"), lowerBound="0", upperBound="1", defaultValue="0")
            for letter, weight in q.option_weights().items():
                SubElement(mapping, _q("mapEntry"), mapKey=letter, mappedValue=_number(weight), caseSensitive="true")
            template = "map_response"
    elif q.type == "judge":
        _response(item, "single", "identifier", ["A" if q.answer else "B"])
    elif q.type == "fill":
        blanks = _fill_keys(q, changes)
        share = _number(1 / len(blanks))
        for n, keys in enumerate(blanks, start=1):
            decl = _response(item, "single", "string", [keys[0]], f"RESPONSE{n}")
            mapping = SubElement(decl, _q("mapping"), defaultValue="0")
            for key in keys:
                SubElement(mapping, _q("mapEntry"), mapKey=key, mappedValue=share, caseSensitive="false")
        template = "map_response" if len(blanks) == 1 else ""
    else:
        SubElement(item, _q("responseDeclaration"), identifier="RESPONSE", cardinality="single", baseType="string")
        template = ""
        changes.other.append("简答题在 QTI 中为人工评分的问答题，关键词评分要点与参考答案未导出")
    _outcome(item)
    body = SubElement(item, _q("itemBody"))
    if q.type in {"single", "multiple"}:
        options = [changes.text(o, f"选项 {LETTERS[i]}") for i, o in enumerate(q.options)]
        _choices(body, stem, options, q.shuffle, 1 if q.type == "single" else 0)
    elif q.type == "judge":
        _choices(body, stem, ["正确", "错误"], False, 1)
    elif q.type == "fill":
        para = SubElement(body, _q("p"))
        pieces = stem.split("____")
        para.text = pieces[0]
        for n, rest in enumerate(pieces[1:], start=1):
            entry = SubElement(para, _q("textEntryInteraction"), responseIdentifier=f"RESPONSE{n}", expectedLength="20")
            entry.tail = rest
    else:
        SubElement(
            SubElement(body, _q("extendedTextInteraction"), responseIdentifier="RESPONSE"), _q("prompt")
        ).text = stem
    if template:
        SubElement(item, _q("responseProcessing"), template=TEMPLATES + template)
    elif q.type == "fill":
        _sum_blanks(item, len(q.answer))
    explanation = changes.text(q.explanation, "解析")
    if explanation.strip():
        # FEEDBACK is never set to EXPLANATION, so showHide="hide" shows the explanation after answering.
        feedback = SubElement(
            item, _q("modalFeedback"), outcomeIdentifier="FEEDBACK", showHide="hide", identifier="EXPLANATION"
        )
        feedback.text = explanation
    notes.extend(changes.notes())
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(item, encoding="unicode")).encode("utf-8")


def _sum_blanks(item: Element, blanks: int) -> None:
    """SCORE = the sum of every blank's mapped value."""
    processing = SubElement(item, _q("responseProcessing"))
    setter = SubElement(processing, _q("setOutcomeValue"), identifier="SCORE")
    total = SubElement(setter, _q("sum"))
    for n in range(1, blanks + 1):
        SubElement(total, _q("mapResponse"), identifier=f"RESPONSE{n}")


def _manifest(files: list[tuple[str, str]]) -> bytes:
    """imsmanifest.xml: one resource per item file, identified res-<item identifier> (an xs:ID)."""
    register_namespace("", CP_NS)
    try:
        manifest = Element(
            f"{{{CP_NS}}}manifest", {"identifier": MANIFEST_ID, f"{{{XSI}}}schemaLocation": f"{CP_NS} {CP_XSD}"}
        )
        SubElement(manifest, f"{{{CP_NS}}}organizations")
        resources = SubElement(manifest, f"{{{CP_NS}}}resources")
        for ident, name in files:
            res = SubElement(
                resources, f"{{{CP_NS}}}resource", identifier=f"res-{ident}", type="imsqti_item_xmlv2p1", href=name
            )
            SubElement(res, f"{{{CP_NS}}}file", href=name)
        text = tostring(manifest, encoding="unicode")
    finally:
        register_namespace("", QTI_NS)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text).encode("utf-8")


def write(questions: list[AnyQuestion]) -> tuple[bytes, list[str]]:
    """A QTI 2.1 content package (zip) with the questions; and every change or loss, per question."""
    notes: list[str] = []
    files: list[tuple[str, str]] = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for q, ident in zip(questions, _identifiers(questions), strict=True):
            data = item_xml(q, notes, ident)
            if data is None:
                continue
            name = f"items/{ident}.xml"
            package.writestr(name, data)
            files.append((ident, name))
            if q.difficulty != 2:
                notes.append(f"{q.id}：QTI 题目没有难度字段（难度 {q.difficulty} 未导出）")
            if len(q.points) > 0:
                notes.append(f"{q.id}：QTI 题目没有知识点字段（{'、'.join(q.points)} 未导出）")
        package.writestr("imsmanifest.xml", _manifest(files))
    return out.getvalue(), notes
