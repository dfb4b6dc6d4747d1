"""QTI 2.1 export: every item checked against the QTI 2.1 item structure (element order, declarations, templates)."""

from __future__ import annotations

import io
import zipfile

from defusedxml import ElementTree

from catalog.catalog import Catalog
from interop import qti

NS = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
# QTI 2.1 assessmentItem content model, in order.
ORDER = [
    "responseDeclaration",
    "outcomeDeclaration",
    "templateDeclaration",
    "stylesheet",
    "itemBody",
    "responseProcessing",
    "modalFeedback",
]


def test_shipped_bank_as_qti_package(shipped: Catalog) -> None:
    questions = list(shipped.questions.values())
    data, notes = qti.write(questions)
    package = zipfile.ZipFile(io.BytesIO(data))
    manifest = ElementTree.fromstring(package.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    hrefs = [r.get("href") for r in manifest.iter(f"{CP}resource")]
    assert all(r.get("type") == "imsqti_item_xmlv2p1" for r in manifest.iter(f"{CP}resource"))
    written = {q.id for q in questions if q.type in {"single", "multiple", "judge", "fill", "short"}}
    assert len(hrefs) == len(written)
    for q in questions:
        if q.id not in written:
            assert any(n.startswith(q.id + "：") and "未导出" in n for n in notes), q.id
            continue
        item = ElementTree.fromstring(package.read(f"items/{q.id}.xml"))
        assert item.tag == f"{NS}assessmentItem" and item.get("identifier") == q.id
        assert item.get("adaptive") == "false" and item.get("timeDependent") == "false"
        tags = [child.tag.removeprefix(NS) for child in item]
        assert tags == sorted(tags, key=ORDER.index), (q.id, tags)
        assert tags.count("itemBody") == 1
        declared = {d.get("identifier") for d in item.iter(f"{NS}responseDeclaration")}
        used = {i.get("responseIdentifier") for i in item.find(f"{NS}itemBody").iter() if i.get("responseIdentifier")}
        assert used == declared, q.id
        right = [v.text for v in item.iter(f"{NS}value") if v.text and v.text != "0"]
        if q.type == "single":
            assert right == [q.answer]
            choices = [c.text for c in item.iter(f"{NS}simpleChoice")]
            assert choices == list(q.options)
            assert item.find(f"{NS}itemBody/{NS}choiceInteraction").get("maxChoices") == "1"
        if q.type == "multiple":
            assert right == list(q.answer)
            processing = item.find(f"{NS}responseProcessing").get("template")
            if q.scoring == "partial":
                assert processing.endswith("map_response")
                entries = {e.get("mapKey"): float(e.get("mappedValue")) for e in item.iter(f"{NS}mapEntry")}
                assert entries == q.option_weights()
            else:
                assert processing.endswith("match_correct")  # 多选、少选、错选均不得分
        if q.type == "judge":
            assert right == ["A" if q.answer else "B"]
        if q.type == "fill":
            keys = [e.get("mapKey") for e in item.iter(f"{NS}mapEntry")]
            assert keys == [a for blank in q.answer for a in blank]
        assert item.find(f"{NS}modalFeedback").text == q.explanation


def test_text_with_markup_stays_text() -> None:
    from quizzes.models import SingleChoice

    q = SingleChoice(
        id="t.q1",
        type="single",
        stem="<b>a</b> & b ]]>",
        options=("x < y", "=SUM(A1)"),
        answer="A",
        explanation="因为 x 小于 y。",
        points=("crm-basics.customer-vs-consumer",),
    )
    data, _ = qti.write([q])
    item = ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("items/t.q1.xml"))
    assert item.find(f"{NS}itemBody/{NS}choiceInteraction/{NS}prompt").text == "<b>a</b> & b ]]>"
