"""QTI 2.1 content package (for Canvas, Blackboard and Moodle's QTI importers): one assessmentItem per question and
an imsmanifest.xml listing them. No maintained Python writer for QTI 2.1 exists, so this is a small one checked in
tests against the QTI 2.1 item structure."""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from quizzes.models import AnyQuestion

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
LETTERS = "ABCDEFGH"
register_namespace("", QTI_NS)
register_namespace("xsi", XSI)


def _q(tag: str) -> str:
    return f"{{{QTI_NS}}}{tag}"


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


def _choices(body: Element, q: AnyQuestion, labels: list[str], max_choices: int) -> None:
    shuffle = getattr(q, "shuffle", False)
    interaction = SubElement(
        body,
        _q("choiceInteraction"),
        responseIdentifier="RESPONSE",
        shuffle="true" if shuffle else "false",
        maxChoices=str(max_choices),
    )
    SubElement(interaction, _q("prompt")).text = q.stem
    for letter, text in zip(LETTERS, labels, strict=False):
        SubElement(interaction, _q("simpleChoice"), identifier=letter).text = text


def item_xml(q: AnyQuestion, notes: list[str]) -> bytes | None:
    """One question as a QTI 2.1 assessmentItem, or None (with a note) when QTI cannot score it."""
    item = Element(
        _q("assessmentItem"),
        {
            "identifier": q.id,
            "title": q.title or q.stem[:60],
            "adaptive": "false",
            "timeDependent": "false",
            f"{{{XSI}}}schemaLocation": f"{QTI_NS} {QTI_XSD}",
        },
    )
    template = "match_correct"
    if q.type == "single":
        _response(item, "single", "identifier", [q.answer])
    elif q.type == "multiple":
        decl = _response(item, "multiple", "identifier", list(q.answer))
        if q.scoring == "partial":
            mapping = SubElement(decl, _q("mapping"), lowerBound="0", upperBound="1", defaultValue="0")
            for letter, weight in q.option_weights().items():
                SubElement(mapping, _q("mapEntry"), mapKey=letter, mappedValue=f"{weight:g}")
            template = "map_response"
    elif q.type == "judge":
        _response(item, "single", "identifier", ["A" if q.answer else "B"])
    elif q.type == "fill":
        for n, blank in enumerate(q.answer, start=1):
            decl = _response(item, "single", "string", [blank[0]], f"RESPONSE{n}")
            mapping = SubElement(decl, _q("mapping"), defaultValue="0")
            for accepted in blank:
                SubElement(mapping, _q("mapEntry"), mapKey=accepted, mappedValue=f"{1 / len(q.answer):g}")
        template = "map_response" if len(q.answer) == 1 else ""
    elif q.type == "short":
        SubElement(item, _q("responseDeclaration"), identifier="RESPONSE", cardinality="single", baseType="string")
        template = ""
        notes.append(f"{q.id}：简答题在 QTI 中为人工评分的问答题，关键词评分要点与参考答案未导出")
    else:
        notes.append(f"{q.id}：{'案例分析题' if q.type == 'case' else '专业能力题'}在 QTI 中没有对应题型，未导出")
        return None
    _outcome(item)
    body = SubElement(item, _q("itemBody"))
    if q.type in {"single", "multiple"}:
        _choices(body, q, list(q.options), 1 if q.type == "single" else 0)
    elif q.type == "judge":
        _choices(body, q, ["正确", "错误"], 1)
    elif q.type == "fill":
        para = SubElement(body, _q("p"))
        pieces = q.stem.split("____")
        para.text = pieces[0]
        for n, rest in enumerate(pieces[1:], start=1):
            entry = SubElement(para, _q("textEntryInteraction"), responseIdentifier=f"RESPONSE{n}", expectedLength="20")
            entry.tail = rest
    else:
        assert q.type == "short"
        SubElement(
            SubElement(body, _q("extendedTextInteraction"), responseIdentifier="RESPONSE"), _q("prompt")
        ).text = q.stem
    if template:
        SubElement(item, _q("responseProcessing"), template=TEMPLATES + template)
    elif q.type == "fill":
        _sum_blanks(item, len(q.answer))
    # The explanation: FEEDBACK is never set to EXPLANATION, so showHide="hide" shows it after answering.
    feedback = SubElement(
        item, _q("modalFeedback"), outcomeIdentifier="FEEDBACK", showHide="hide", identifier="EXPLANATION"
    )
    feedback.text = q.explanation
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(item, encoding="unicode")).encode("utf-8")


def _sum_blanks(item: Element, blanks: int) -> None:
    """SCORE = the sum of every blank's mapped value."""
    processing = SubElement(item, _q("responseProcessing"))
    setter = SubElement(processing, _q("setOutcomeValue"), identifier="SCORE")
    total = SubElement(setter, _q("sum"))
    for n in range(1, blanks + 1):
        SubElement(total, _q("mapResponse"), identifier=f"RESPONSE{n}")


def _manifest(files: list[tuple[AnyQuestion, str]]) -> bytes:
    register_namespace("", CP_NS)
    manifest = Element(f"{{{CP_NS}}}manifest", identifier="cma-question-bank")
    SubElement(manifest, f"{{{CP_NS}}}organizations")
    resources = SubElement(manifest, f"{{{CP_NS}}}resources")
    for q, name in files:
        res = SubElement(
            resources, f"{{{CP_NS}}}resource", identifier=f"res-{q.id}", type="imsqti_item_xmlv2p1", href=name
        )
        SubElement(res, f"{{{CP_NS}}}file", href=name)
    text = tostring(manifest, encoding="unicode")
    register_namespace("", QTI_NS)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text).encode("utf-8")


def write(questions: list[AnyQuestion]) -> tuple[bytes, list[str]]:
    """A QTI 2.1 content package (zip) with the questions; and what could not be carried."""
    notes: list[str] = []
    files: list[tuple[AnyQuestion, str]] = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for q in questions:
            data = item_xml(q, notes)
            if data is None:
                continue
            name = f"items/{q.id}.xml"
            package.writestr(name, data)
            files.append((q, name))
            if q.difficulty != 2:
                notes.append(f"{q.id}：QTI 题目没有难度字段（难度 {q.difficulty} 未导出）")
            if len(q.points) > 0:
                notes.append(f"{q.id}：QTI 题目没有知识点字段（{'、'.join(q.points)} 未导出）")
        package.writestr("imsmanifest.xml", _manifest(files))
    return out.getvalue(), notes
