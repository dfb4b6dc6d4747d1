"""The second opinion on faults and acts: read without scikit-learn exactly as trained, no fault on any right reply
of the course, each verdict shown by a clause of the reply, never a second count of what the reader found, and no
act where the reader recognised its words as refused, conditional or someone else's."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import grading.matcher as matcher_module
import grading.second_opinion as second_opinion
from catalog.catalog import ContentRoots, load_catalog
from grading.engine import MODEL_NOTE
from grading.matcher import MODEL, ConceptMatcher
from grading.second_opinion import CONCEPTS, FAULTS, THRESHOLDS, Verdict, probabilities, verdicts
from grading.text import normalise
from scenarios.checks import play
from scenarios.runner import Run, build_engine
from tests.grading.labelled import matcher as shared_matcher
from tests.grading.labelled import utterances

GOLDEN = Path(__file__).with_name("second_opinion_golden.json")
CATALOG = load_catalog(ContentRoots.shipped())


def test_the_pure_reading_gives_the_probabilities_scikit_learn_gave_when_trained() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden) >= 50
    for row in golden:
        got = probabilities(row["text"])
        for concept in CONCEPTS:
            assert got[concept] == pytest.approx(row[concept], abs=1e-5), (row["text"], concept)


def _right_replies() -> list[tuple[str, str]]:
    """Every reply a scenario holds up as right or acceptable: model answers, better phrasings, options that earn
    points, and the turns of the good and middling transcripts (the middling ones are not in the training data)."""
    out = []
    for sid, s in sorted(CATALOG.scenarios.items()):
        for ex in s.examples:
            if ex.name in ("good", "middling"):
                out += [(f"{sid}:{ex.name}", t) for t in ex.turns if isinstance(t, str)]
        for node in s.nodes.values():
            if node.turn is not None:
                out.append((f"{sid}:model", node.turn.model_answer))
                out += [(f"{sid}:better", e.better) for e in node.turn.expects]
                out += [(f"{sid}:option", c.text) for c in node.turn.choices if c.score > 0]
    return [(where, t) for where, t in out if t]


def test_no_right_reply_of_the_course_is_called_a_fault() -> None:
    for where, text in _right_replies():
        found = [v.concept for v in verdicts(normalise(text), [(0, len(normalise(text)), 0)]) if v.concept in FAULTS]
        assert found == [], (where, text)


def _fake(verdict: Verdict) -> object:
    """A model that always gives this verdict (where it is wanted), as verdicts() does."""
    return lambda text, clauses, wanted=None: [verdict] if wanted is None or verdict.concept in wanted else []


def test_unseen_rude_wording_is_found_and_shown_by_its_clause() -> None:
    text = "这种问题小学生都会处理，您还要我教？"
    assert text not in {u.text for u in utterances()}, "the example must not be training data"
    reading = shared_matcher().read(text)
    found = [m for m in reading.mentions if m.via == MODEL]
    assert [m.concept for m in found] == ["rude"]
    assert found[0].phrase in normalise(text) and found[0].phrase in ("这种问题小学生都会处理", "您还要我教")
    assert reading.said["rude"] == [found[0].phrase]


def test_the_model_never_counts_a_fault_the_reader_already_found() -> None:
    for u in utterances():
        reading = shared_matcher().read(u.text)
        by_phrase = {m.concept for m in reading.mentions if m.via != MODEL and not m.negated}
        by_model = {m.concept for m in reading.mentions if m.via == MODEL}
        assert not by_phrase & by_model, u.text


def test_a_push_elsewhere_is_information_when_the_reply_takes_the_matter_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher_module, "verdicts", _fake(Verdict("deny_responsibility", 0.95, 0)))
    m = ConceptMatcher({"deny_responsibility": ["不归我们管"], "solution": ["给您换"], "timeline": ["马上"]})
    assert "deny_responsibility" not in m.said("这个归厂家，我马上给您换一台。")
    assert "deny_responsibility" in m.said("这个归厂家，您自己去问。")


def test_a_fault_the_scenario_does_not_know_is_not_added(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher_module, "verdicts", _fake(Verdict("sarcasm", 0.99, 0)))
    m = ConceptMatcher({"rude": ["滚"], "apology": ["抱歉"]})
    assert m.said("抱歉，请稍等。") == {"apology": ["抱歉"]}


def test_a_rude_run_in_words_no_phrase_names_is_capped_at_40() -> None:
    """Every free-text answer is the node's model answer followed by a put-down that only the model recognises;
    every choice is the best option."""
    remarks = ["这种问题小学生都会处理，您还要我教？", "您这智商，我也是服了，这点事都要问三遍。"]

    def answer(run: Run) -> str:
        turn = run.scenario.nodes[run.node].turn
        assert turn is not None
        return turn.model_answer + remarks[len(run.turns) % 2]

    for sid, s in sorted(CATALOG.scenarios.items()):
        run = play(s, build_engine(s, CATALOG.library), answer)
        assert run.result is not None and run.result.total <= 40, (sid, run.result)


def test_the_evidence_is_explained_in_the_report() -> None:
    s = CATALOG.scenarios["angry-caller"]
    run = Run(s, build_engine(s, CATALOG.library))
    while s.nodes[run.node].turn is not None and s.nodes[run.node].turn.mode != "text":  # type: ignore[union-attr]
        run.answer(1)
    run.answer("这种问题小学生都会处理，您还要我教？")
    lines = [e for e in run.entries if e.kind == "penalty" and e.rule == "rude"]
    assert lines and lines[0].feedback == MODEL_NOTE and lines[0].words[0] in "这种问题小学生都会处理，您还要我教？"


def test_a_model_file_for_other_concepts_is_refused_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "second_opinion.tsv.gz"
    bad.write_bytes(gzip.compress("# concepts\trude\tcheek\n# intercept\t0\t0\n好\t1.0\t0.1\t0.2\n".encode()))
    monkeypatch.setattr(second_opinion, "MODEL_FILE", bad)
    second_opinion._model.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"second_opinion\.tsv\.gz"):
            probabilities("好")
    finally:
        monkeypatch.undo()
        second_opinion._model.cache_clear()


def test_thresholds_cover_every_concept_and_stay_strict() -> None:
    assert set(THRESHOLDS) == set(CONCEPTS)
    assert all(0.7 <= t < 1 for t in THRESHOLDS.values())


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_every_n_gram_of_a_text_is_numbered_as_the_model_numbers_it(text: str) -> None:
    keys = second_opinion._keys(text).tolist()
    grams = [text[i : i + n] for n in (1, 2, 3) for i in range(len(text) - n + 1)]
    assert keys == [second_opinion._key(g) for g in grams]
    assert len(set(keys)) == len(set(grams))


def _act_verdict(concept: str) -> object:
    return _fake(Verdict(concept, 0.99, 0))


@pytest.mark.parametrize(
    "text",
    [
        "补偿是不可能的。",  # refused
        "如果查出来是我们的问题，我们会补偿。",  # conditional
        "同事说过要给您补偿。",  # someone else's words
        "补偿？",  # asked back
    ],
)
def test_an_act_the_reader_saw_and_judged_is_never_overruled(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher_module, "verdicts", _act_verdict("compensation"))
    reading = shared_matcher()._read_text(normalise(text))
    assert "compensation" not in reading.said, (text, reading.mentions)


def test_an_act_in_new_words_is_credited_with_its_clause_and_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher_module, "verdicts", _act_verdict("compensation"))
    reading = shared_matcher()._read_text(normalise("这顿饭我请了，下回来还给您留靠窗的位子。"))
    assert reading.said["compensation"] == ["这顿饭我请了"] and "compensation" in reading.by_model


def test_a_keyword_list_earns_no_act_on_the_model_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher_module, "verdicts", _act_verdict("customer_first"))
    reading = shared_matcher()._read_text(normalise("对不起 抱歉 理解 我们的责任 马上核实 补偿 回访"))
    assert reading.list_like and "customer_first" not in reading.said


def test_the_report_says_when_an_act_was_judged_from_the_whole_reply(monkeypatch: pytest.MonkeyPatch) -> None:
    s = CATALOG.scenarios["angry-caller"]
    run = Run(s, build_engine(s, CATALOG.library))
    turn = s.nodes[run.node].turn
    assert turn is not None and turn.mode == "text" and len(turn.expects) >= 2
    judged, other = turn.expects[0], turn.expects[1]
    act = judged.acts[0]
    assert act not in other.acts
    monkeypatch.setattr(matcher_module, "verdicts", _act_verdict(act))
    run.answer("这件事交给我。")
    credits = {e.label: e for e in run.entries if e.kind == "credit"}
    assert credits[judged.need].raw > 0 and MODEL_NOTE in credits[judged.need].feedback
    assert MODEL_NOTE not in credits[other.need].feedback


def test_unseen_good_wording_earns_its_acts() -> None:
    """A practical reply in words of its own (no apology, no stock phrase) earns the acts it does."""
    reading = shared_matcher().read("师傅下午两点前到，把漏水的管子换掉，换好后我打电话问您还漏不漏。")
    assert {"timeline", "solution", "follow_up"} <= set(reading.said), reading.mentions
