"""A large import grows linearly: 20,000 questions take about 10 times as long as 2,000 (quadratic would be 100).
Measured in CPU time with the garbage collector paused, best of three, so a busy machine does not decide it."""

from __future__ import annotations

import gc
import time

from benchmarks.run import gift_source
from interop import gift, moodle_xml

POINT = "crm-basics.customer-vs-consumer"


def _best(action: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            action()  # type: ignore[operator]
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


LIMIT = 30  # linear gives about 10, quadratic about 100


def test_gift_import_has_no_quadratic_growth() -> None:
    small, large = gift_source(2_000), gift_source(20_000)
    assert len(gift.parse(large, POINT).questions) == 20_000
    ratio = _best(lambda: gift.parse(large, POINT)) / _best(lambda: gift.parse(small, POINT))
    assert ratio < LIMIT, ratio


def _xml(questions: int) -> str:
    one = (
        '<question type="truefalse"><name><text>q{n}</text></name><questiontext><text>第 {n} 题对吗？</text>'
        "</questiontext><generalfeedback><text>是对的。</text></generalfeedback>"
        '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>'
    )
    return "<quiz>" + "".join(one.format(n=n) for n in range(questions)) + "</quiz>"


def test_xml_import_has_no_quadratic_growth_and_same_names_stay_apart() -> None:
    small, large = _xml(2_000), _xml(20_000)
    ratio = _best(lambda: moodle_xml.parse(large, POINT)) / _best(lambda: moodle_xml.parse(small, POINT))
    assert ratio < LIMIT, ratio
    same = "<quiz>" + _xml(3).removeprefix("<quiz>").removesuffix("</quiz>").replace("q1", "q0").replace("q2", "q0")
    assert [q["id"] for q in moodle_xml.parse(same + "</quiz>", POINT).questions] == ["q0", "q0-2", "q0-3"]
