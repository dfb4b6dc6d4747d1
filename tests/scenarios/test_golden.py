"""Every scenario file: golden transcripts in their bands and endings, gaming transcripts far below good.

Parametrised over the files in scenarios/library, so a scenario added or converted later is covered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from catalog.catalog import ContentRoots, load_catalog
from scenarios.checks import GAMING_GAP, GAMING_MAX, check_transcripts, gaming_scores, play
from scenarios.runner import Run, build_engine, replay

LIBRARY = Path(__file__).resolve().parents[2] / "scenarios" / "library"
FILES = sorted(p.stem for p in LIBRARY.glob("*.yaml"))
CATALOG = load_catalog(ContentRoots.shipped())


def scenario(file: str):  # type: ignore[no-untyped-def]
    assert file in CATALOG.scenarios, [str(p) for p in CATALOG.problems if file in p.file]
    return CATALOG.scenarios[file]


@pytest.mark.parametrize("file", FILES)
def test_the_scenario_loads_and_ships_good_middling_and_poor(file: str) -> None:
    s = scenario(file)
    assert {"good", "middling", "poor"} <= {e.name for e in s.examples}


@pytest.mark.parametrize("file", FILES)
def test_goldens_land_in_their_bands_and_every_ending_is_reached(file: str) -> None:
    s = scenario(file)
    assert check_transcripts(s, CATALOG.library) == []


@pytest.mark.parametrize("file", FILES)
def test_gaming_transcripts_score_low_and_far_below_good(file: str) -> None:
    s = scenario(file)
    good = next(e for e in s.examples if e.name == "good")
    good_total = replay(s, build_engine(s, CATALOG.library), list(good.turns)).result.total  # type: ignore[union-attr]
    scores = gaming_scores(s, CATALOG.library)
    assert len(scores) >= 6
    for name, total in scores.items():
        assert total <= GAMING_MAX, (name, total)
        assert total <= good_total - GAMING_GAP, (name, total, good_total)


# Gaming strategies beyond the six every scenario ships: traditional characters, keywords split by commas or into
# short sentences, five polished stock replies taken in turn (no two alike, so the repeat check alone misses them),
# each node's own model answer, the customer's line echoed back, rudeness and blame without any polite word, a model
# answer with keywords appended, and English.
STOCK = (
    "非常抱歉给您带来不便，我完全理解您的心情，这是我们的责任，我马上为您核实并给出补偿方案。",
    "真的很对不起，您的感受我能理解，问题出在我们这边，我这就去查清楚，一定给您一个满意的补偿。",
    "给您添麻烦了，实在抱歉，换成是我也会着急，我们承担责任，立刻核实情况，后续安排补偿和回访。",
    "抱歉让您久等了，理解您的不满，是我们工作没做好，我马上核查，并按规定给予补偿，之后再回访您。",
    "对您造成的困扰我们深表歉意，我们理解您，责任在我们，我会第一时间核实，补偿方案稍后告诉您。",
)
MORE_GAMING: dict[str, Callable[[Run], str]] = {
    "繁体关键词": lambda run: "對不起 抱歉 理解您 我們的責任 馬上核實 補償 回訪 第一時間 解決方案 感謝",
    "逗号隔开的关键词": lambda run: "对不起，抱歉，理解您，我们的责任，马上核实，补偿，回访，第一时间，解决方案，感谢",
    "短句堆砌": lambda run: "对不起。非常理解您。这是我们的责任。我马上核实。我们会补偿您。我们会回访。",
    "轮换五段套话": lambda run: STOCK[len(run.turns) % len(STOCK)],
    "本节点参考答案": lambda run: run.scenario.nodes[run.node].turn.model_answer,  # type: ignore[union-attr]
    "复述客户的话": lambda run: run._customer_line() or "好的",
    "不带客气话的粗鲁": lambda run: "你烦不烦啊，爱去哪投诉就去哪投诉，我们这儿就这规矩。",
    "指责客户": lambda run: "这是您自己操作不当造成的，您当时应该先看清楚说明再用。",
    "参考答案加关键词": lambda run: (
        run.scenario.nodes[run.node].turn.model_answer + "对不起 理解 核实 补偿 回访"  # type: ignore[union-attr]
    ),
    "英文": lambda run: "Sorry, I understand, we will verify and compensate you.",
    "同一句套话": lambda run: STOCK[0],
    "一句短套话": lambda run: "抱歉，我马上核实并给您补偿。",
}


@pytest.mark.parametrize("file", FILES)
def test_more_gaming_strategies_score_low_too(file: str) -> None:
    s = scenario(file)
    engine = build_engine(s, CATALOG.library)
    good = next(e for e in s.examples if e.name == "good")
    good_total = replay(s, engine, list(good.turns)).result.total  # type: ignore[union-attr]
    for name, strategy in MORE_GAMING.items():
        total = play(s, engine, strategy).result.total  # type: ignore[union-attr]
        assert total <= GAMING_MAX, (name, total)
        assert total <= good_total - GAMING_GAP, (name, total, good_total)


@pytest.mark.parametrize("file", FILES)
def test_main_path_has_eight_turns_mostly_free_text(file: str) -> None:
    s = scenario(file)
    good = next(e for e in s.examples if e.name == "good")
    run = replay(s, build_engine(s, CATALOG.library), list(good.turns))
    assert len(run.turns) >= 8
    modes = [s.nodes[t.node].turn.mode for t in run.turns]  # type: ignore[union-attr]
    assert modes.count("text") * 2 >= len(modes)


@pytest.mark.parametrize("file", FILES)
def test_the_customer_reacts_and_the_meters_move_every_turn(file: str) -> None:
    s = scenario(file)
    for ex in s.examples:
        run = replay(s, build_engine(s, CATALOG.library), list(ex.turns))
        for before, after in zip(run.meters, run.meters[1:], strict=False):
            assert before["minutes"] != after["minutes"] or before != after
        for report in run.reports:
            assert report.emotion != 0 and report.trust != 0, (ex.name, report.node)


def test_the_library_has_ten_complaints_and_six_crises() -> None:
    kinds = [s.kind for s in CATALOG.scenarios.values()]
    assert kinds.count("complaint") >= 10
    assert kinds.count("crisis") >= 6
