"""Instructors' overrides: applied by the engine's own total, stored once per run, turn and rule, collected
per rule with the reply behind them, exported as labelled utterances."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from catalog.catalog import Catalog
from classroom.accounts import create_user
from scenarios import overrides as ov
from scenarios.runner import Run, build_engine, replay
from scenarios.sessions import load_run, play_turn, start_run
from store.db import Database
from store.tables import RuleOverride, ScenarioRun
from tests.grading.labelled import FILE

SCENARIO = "late-birthday-cake"


def middling(shipped: Catalog) -> Run:
    scenario = shipped.scenarios[SCENARIO]
    example = next(e for e in scenario.examples if e.name == "middling")
    return replay(scenario, build_engine(scenario, shipped.library), list(example.turns))


def line(result: object, turn: int, rule: str) -> ov.ScoreLine:
    return next(x for x in result.lines if x.turn == turn and x.rule == rule)  # type: ignore[attr-defined]


def test_no_override_gives_the_engines_result_exactly(shipped: Catalog) -> None:
    run = middling(shipped)
    assert ov.apply(run, []) == run.result


def test_a_missed_need_overridden_to_met_adds_exactly_its_points(shipped: Catalog) -> None:
    run = middling(shipped)
    assert run.result is not None
    v = ov.verdict(run, 0, "opening:1")
    assert v is not None and not v.fired and v.label == "体谅孩子生日会被耽误的着急"
    before = line(run.result, 0, "opening:1")
    result = ov.apply(run, [ov.Override(0, "opening:1", True, "“急坏了”就是体谅", ("empathy",))])
    after = line(result, 0, "opening:1")
    assert before.points == 0 and after.points == before.possible > 0
    assert result.total == pytest.approx(run.result.total + before.possible)
    assert result.total == pytest.approx(sum(x.points for x in result.lines))  # the lines still reconcile
    assert isinstance(after, ov.OverriddenLine) and after.override == "“急坏了”就是体谅" and after.overridden_to
    assert result.turns[0].needs[1].met
    assert not any(m.rule == "opening:1" for m in result.missed)
    assert sum(d.earned for d in result.dimensions) == pytest.approx(sum(x.points for x in result.lines))


def test_a_met_need_overridden_to_missed_loses_exactly_its_points(shipped: Catalog) -> None:
    run = middling(shipped)
    assert run.result is not None
    before = line(run.result, 0, "opening:0")
    assert before.points > 0
    result = ov.apply(run, [ov.Override(0, "opening:0", False, "“不好意思”太轻，不算道歉", ("apology",))])
    assert line(result, 0, "opening:0").points == 0
    assert result.total == pytest.approx(run.result.total - before.points)
    assert not result.turns[0].needs[0].met
    assert any(m.rule == "opening:0" for m in result.missed)


def test_a_fault_overridden_to_committed_costs_its_penalty_and_its_cap(shipped: Catalog) -> None:
    run = middling(shipped)
    assert run.result is not None
    penalty = shipped.library.concepts["sarcasm"].penalty
    assert penalty is not None
    result = ov.apply(run, [ov.Override(2, "sarcasm", True, "语气敷衍", ("sarcasm",))])
    added = line(result, 2, "sarcasm")
    assert added.points == penalty.score and isinstance(added, ov.OverriddenLine)
    expected = run.result.total + penalty.score
    if penalty.cap is not None:
        expected = min(expected, penalty.cap)
    assert result.total == pytest.approx(max(0.0, expected))
    assert "讽刺敷衍" in result.turns[2].faults
    # and taken back: the engine's total again
    assert ov.apply(run, []).total == run.result.total


def test_a_fault_overridden_to_not_committed_gives_its_points_back(shipped: Catalog) -> None:
    scenario = shipped.scenarios[SCENARIO]
    poor = next(e for e in scenario.examples if e.name == "poor")
    run = replay(scenario, build_engine(scenario, shipped.library), list(poor.turns))
    assert run.result is not None
    v = next(v for v in ov.verdicts(run, 0) if v.kind == ov.FAULT and v.fired)  # 这不是我们的责任……
    result = ov.apply(run, [ov.Override(0, v.rule, False, "其实是在说明情况", (v.rule,))])
    gone = [x for x in result.lines if x.turn == 0 and x.rule == v.rule]
    assert gone and all(x.points == 0 and isinstance(x, ov.OverriddenLine) for x in gone)
    lost = sum(x.points for x in run.result.lines if x.turn == 0 and x.rule == v.rule)
    assert lost < 0

    def scored(r: object) -> float:  # the lines before a cap or the floor of 0
        return sum(x.points for x in r.lines if x.kind not in ("cap", "floor"))  # type: ignore[attr-defined]

    assert scored(result) == pytest.approx(scored(run.result) - lost)
    assert result.total == pytest.approx(sum(x.points for x in result.lines))
    assert v.label not in result.turns[0].faults


def test_choice_turns_have_no_verdicts_to_override(shipped: Catalog) -> None:
    run = middling(shipped)
    assert ov.verdicts(run, 1) == []  # the second turn is a choice
    assert ov.verdicts(run, 99) == []


def test_an_override_must_change_the_verdict_and_name_what_was_done(shipped: Catalog) -> None:
    run = middling(shipped)
    met = ov.verdict(run, 0, "opening:0")
    several = ov.verdict(run, 5, "review:1")
    assert met is not None and several is not None and len(several.acts) == 2
    with pytest.raises(ov.OverrideError):
        ov.concepts_for(met, True, None)  # the engine said so already
    with pytest.raises(ov.OverrideError):
        ov.concepts_for(several, True, None)  # which of the two acts?
    assert ov.concepts_for(several, True, "compensation") == ("compensation",)
    assert ov.concepts_for(met, False, None) == ("apology",)


def played(db: Database, shipped: Catalog) -> tuple[int, int, Run]:
    scenario = shipped.scenarios[SCENARIO]
    engine = build_engine(scenario, shipped.library)
    user = create_user(db, "player", "演练者", "trainee", "secret-pass-2026")
    teacher = create_user(db, "teacher", "老师", "instructor", "secret-pass-2026")
    run_id = start_run(db, user.id, SCENARIO)
    run = load_run(db, user.id, run_id, scenario, engine)
    for answer in next(e for e in scenario.examples if e.name == "middling").turns:
        play_turn(db, user.id, run_id, run, answer)
    return run_id, teacher.id, run


def test_stored_once_per_run_turn_and_rule_replaced_removed_and_retotalled(db: Database, shipped: Catalog) -> None:
    run_id, teacher, run = played(db, shipped)
    assert run.result is not None
    v = ov.verdict(run, 0, "opening:1")
    assert v is not None
    with pytest.raises(ov.OverrideError):
        ov.save(db, run_id, teacher, v, True, "   ", None)  # a reason is required
    ov.save(db, run_id, teacher, v, True, "第一次", None)
    ov.save(db, run_id, teacher, v, True, "改了理由", None)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(RuleOverride)) == 1
    stored = ov.overrides_of(db, run_id)
    assert [(o.turn, o.rule, o.fired, o.comment, o.concepts) for o in stored] == [
        (0, "opening:1", True, "改了理由", ("empathy",))
    ]
    result = ov.apply(run, stored)
    ov.store_total(db, run_id, result)
    with db.session() as s:
        row = s.get(ScenarioRun, run_id)
        assert row is not None and row.total == result.total != run.result.total
    assert ov.remove(db, run_id, 0, "opening:1")
    assert not ov.remove(db, run_id, 0, "opening:1")
    assert ov.apply(run, ov.overrides_of(db, run_id)).total == run.result.total


def test_collected_per_rule_with_replies_and_exported_as_labelled_utterances(db: Database, shipped: Catalog) -> None:
    run_id, teacher, run = played(db, shipped)
    first = ov.verdict(run, 0, "opening:1")
    second = ov.verdict(run, 0, "opening:0")
    assert first is not None and second is not None
    ov.save(db, run_id, teacher, first, True, "体谅到了", None)
    ov.save(db, run_id, teacher, second, False, "不算道歉", None)
    items = ov.collect(db)
    assert {c.text for c in items} == {run.turns[0].text}
    assert ov.collect(db, "another-scenario") == []
    table = ov.tally(items)
    assert list(table) == [SCENARIO]
    assert {(t.rule, t.to_fired, t.to_not_fired) for t in table[SCENARIO]} == {
        ("opening:1", 1, 0),
        ("opening:0", 0, 1),
    }
    rows, left = ov.labelled(items, shipped.library)
    assert left == [] and len(rows) == 1
    row = rows[0]
    assert "empathy" in row.concepts and "apology" not in row.concepts
    assert row.present == ("empathy",) and row.absent == ("apology",)
    text = ov.labelled_file(rows)
    data = [x for x in text.splitlines() if x and not x.startswith("#")]
    category, reply, labels = (p.strip() for p in data[0].split("|"))
    assert category == ov.CATEGORY and reply == run.turns[0].text and set(labels.split()) == set(row.concepts)
    assert "体谅到了" in text and "不算道歉" in text


def test_an_exported_file_dropped_next_to_the_labelled_set_is_read_with_it(
    db: Database, shipped: Catalog, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.grading import labelled

    run_id, teacher, run = played(db, shipped)
    v = ov.verdict(run, 0, "opening:1")
    assert v is not None
    ov.save(db, run_id, teacher, v, True, "体谅到了", None)
    rows, _ = ov.labelled(ov.collect(db), shipped.library)
    folder = tmp_path / "set"  # type: ignore[operator]
    folder.mkdir()
    (folder / FILE.name).write_text(FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "utterances-overrides.txt").write_text(ov.labelled_file(rows), encoding="utf-8")
    monkeypatch.setattr(labelled, "FILE", folder / FILE.name)
    items = labelled.utterances()
    extra = [u for u in items if u.category == ov.CATEGORY]
    assert len(extra) == 1 and extra[0].text == run.turns[0].text and "empathy" in extra[0].concepts
    assert len(items) == len({u.text for u in items})


def test_replies_instructors_disagree_on_or_with_a_scenarios_own_concepts_are_left_out(shipped: Catalog) -> None:
    def item(run_id: int, fired: bool, concepts: tuple[str, ...], text: str = "我帮您查一下。") -> ov.Collected:
        return ov.Collected(SCENARIO, run_id, 0, "opening:0", "道歉", fired, concepts, "理由", text)

    agree = [item(1, True, ("apology",), "我这边先查。"), item(2, True, ("apology",), "我这边先查。")]
    disagree = [item(3, True, ("apology",)), item(4, False, ("apology",))]
    local = [item(5, True, ("a_concept_of_one_scenario",), "另一句。")]
    rows, left = ov.labelled([*agree, *disagree, *local], shipped.library)
    assert [r.text for r in rows] == ["我这边先查。"] and "apology" in rows[0].concepts
    assert {c.run_id for c in left} == {3, 4, 5}


def test_a_need_met_by_override_on_a_keyword_list_keeps_the_turns_discount(shipped: Catalog) -> None:
    scenario = shipped.scenarios[SCENARIO]
    example = next(e for e in scenario.examples if e.name == "middling")
    run = replay(
        scenario, build_engine(scenario, shipped.library), ["抱歉 对不起 查询 订单 补偿 退款", *example.turns[1:]]
    )
    assert run.result is not None and run.reports[0].flags  # read as a list of keywords
    credited = line(run.result, 0, "opening:0")
    assert 0 < credited.points < credited.possible
    result = ov.apply(run, [ov.Override(0, "opening:1", True, "有体谅的意思", ("empathy",))])
    after = line(result, 0, "opening:1")
    assert after.points == pytest.approx(round(after.possible * 0.15, 1), abs=0.1)  # not the full points
    assert after.feedback.startswith("只计 15%")
