"""validate names a node without expectations, an unreachable ending, a loop without a turn, and a scenario whose
gaming transcripts are not below its bands."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from catalog.catalog import ContentRoots, load_catalog
from scenarios.checks import check_scenario, check_transcripts
from scenarios.models import Scenario
from source.yamlsource import parse_yaml

CATALOG = load_catalog(ContentRoots.shipped())
SOURCE = Path(__file__).resolve().parents[2] / "scenarios" / "library" / "late-birthday-cake.yaml"
BASE: dict[str, Any] = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def problems(doc: dict[str, Any]) -> list[str]:
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    located = parse_yaml(text, "x.yaml")
    scenario = Scenario.model_validate(doc)
    found = [f"{p.field}: {p.message}" for p in check_scenario(scenario, CATALOG.library, located, "x.yaml")]
    if found:  # as in validate: transcripts are played only for scenarios that load
        return found
    return found + [".".join(map(str, w)) + ": " + m for w, m in check_transcripts(scenario, CATALOG.library)]


def test_the_shipped_file_is_clean() -> None:
    assert problems(copy.deepcopy(BASE)) == []


def test_a_free_text_node_without_expectations_is_refused() -> None:
    doc = copy.deepcopy(BASE)
    del doc["nodes"]["opening"]["turn"]["expects"]
    with pytest.raises(ValidationError, match="expects"):
        Scenario.model_validate(doc)


def test_a_free_text_node_with_one_kind_of_reaction_is_refused() -> None:
    doc = copy.deepcopy(BASE)
    reactions = doc["nodes"]["opening"]["turn"]["reactions"]
    doc["nodes"]["opening"]["turn"]["reactions"] = [r for r in reactions if r["mood"] == "calmer"]
    with pytest.raises(ValidationError, match="calmer"):
        Scenario.model_validate(doc)


def test_an_unreachable_ending_is_reported() -> None:
    doc = copy.deepcopy(BASE)
    doc["nodes"]["ending-extra"] = {"ending": {"title": "另一个结局", "tone": "mixed", "debrief": "无人到达"}}
    found = problems(doc)
    assert any("ending-extra" in p and "无法到达" in p for p in found), found


def test_a_loop_without_a_turn_is_reported() -> None:
    doc = copy.deepcopy(BASE)
    doc["nodes"]["loop-a"] = {"say": [{"speaker": "事件", "text": "甲"}], "next": [{"goto": "loop-b"}]}
    doc["nodes"]["loop-b"] = {"say": [{"speaker": "事件", "text": "乙"}], "next": [{"goto": "loop-a"}]}
    doc["nodes"]["opening"]["next"].insert(0, {"when": {"said": "sarcasm"}, "goto": "loop-a"})
    found = problems(doc)
    assert any("没有回合的循环" in p for p in found), found


def test_gaming_transcripts_not_below_the_bands_are_reported() -> None:
    doc = copy.deepcopy(BASE)
    good = next(e for e in doc["examples"] if e["name"] == "good")
    middling = next(e for e in doc["examples"] if e["name"] == "middling")
    good["turns"], good["score"], good["ending"] = middling["turns"], [0, 100], None
    found = problems(doc)
    assert any("钻空子" in p for p in found), found


def test_a_golden_outside_its_band_is_reported() -> None:
    doc = copy.deepcopy(BASE)
    next(e for e in doc["examples"] if e["name"] == "poor")["score"] = [50, 60]
    assert any("poor" in p and "不在" in p for p in problems(doc))
