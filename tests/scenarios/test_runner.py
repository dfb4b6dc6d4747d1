"""The runner: per-turn scoring in context, penalties every time, choices that cost, a customer who reacts."""

from __future__ import annotations

import re

import pytest

from catalog.catalog import Catalog, ContentRoots, load_catalog
from scenarios.runner import InvalidAnswer, Run, build_engine, replay

CATALOG = load_catalog(ContentRoots.shipped())
CAKE = CATALOG.scenarios["late-birthday-cake"]
EXAMPLES = {e.name: list(e.turns) for e in CAKE.examples}
GOOD = EXAMPLES["good"]
ASCII_ID = re.compile(r"[a-z]+[_-][a-z]+")


def play(scenario_id: str, turns: list[str | int]) -> Run:
    s = CATALOG.scenarios[scenario_id]
    return replay(s, build_engine(s, CATALOG.library), turns)


@pytest.fixture
def run(shipped: Catalog) -> Run:
    scenario = shipped.scenarios["late-birthday-cake"]
    return Run(scenario, build_engine(scenario, shipped.library))


def test_same_answers_same_result() -> None:
    first, second = play("late-birthday-cake", GOOD), play("late-birthday-cake", GOOD)
    assert first.result is not None and second.result is not None
    assert first.result.to_dict() == second.result.to_dict()


def test_a_turn_earns_credit_for_what_the_customer_line_needs_with_its_words(run: Run) -> None:
    outcome = run.answer(GOOD[0])
    met = {n.need: n for n in outcome.report.needs}
    assert met["为蛋糕迟到、耽误生日会道歉"].met
    assert "对不起" in met["为蛋糕迟到、耽误生日会道歉"].words
    assert outcome.state["emotion"] < 75
    assert outcome.lines[0].text.startswith("（语气缓了一点）")  # the calmer reaction


def test_acts_the_line_does_not_need_earn_nothing(run: Run) -> None:
    outcome = run.answer("王女士，我们会在官方微博发布声明，并请第三方检测机构调查结果，接受监督。")
    assert not any(n.met for n in outcome.report.needs)
    assert outcome.state["emotion"] > 75


def test_the_total_is_the_sum_of_the_lines_for_every_transcript() -> None:
    for sid, s in CATALOG.scenarios.items():
        for ex in s.examples:
            result = play(sid, list(ex.turns)).result
            assert result is not None
            assert result.total == pytest.approx(round(sum(line.points for line in result.lines), 1)), (sid, ex.name)
            assert 0 <= result.total <= 100


def test_report_shows_chinese_labels_never_ids() -> None:
    for sid, s in CATALOG.scenarios.items():
        for ex in s.examples:
            result = play(sid, list(ex.turns)).result
            assert result is not None
            shown = [line.label for line in result.lines] + [line.feedback for line in result.lines]
            shown += [m.feedback for m in result.missed]
            shown += [n.need + n.better for t in result.turns for n in t.needs] + [
                d for t in result.turns for d in t.did
            ]
            for text in shown:
                assert not ASCII_ID.search(text), (sid, text)


def test_missed_needs_say_what_was_needed_and_a_better_phrasing() -> None:
    result = play("late-birthday-cake", EXAMPLES["middling"]).result
    assert result is not None
    assert result.missed
    assert all("可以这样说" in m.feedback or "更好的选择" in m.feedback or m.feedback for m in result.missed)
    assert any(not n.met and n.better for t in result.turns for n in t.needs)


def test_blame_lowers_the_score_angers_the_customer_and_changes_the_path(run: Run) -> None:
    outcome = run.answer("这不是我们的责任，您找配送站去。")
    assert "推卸责任" in outcome.report.faults
    assert run.state["emotion"] > 75
    assert run.node == "furious"
    assert "我在你们家订的蛋糕" in outcome.lines[0].text  # the reaction to blame


def test_a_rude_or_blaming_run_cannot_score_above_40() -> None:
    for sid, s in CATALOG.scenarios.items():
        good = list(next(e for e in s.examples if e.name == "good").turns)
        for bad in ("对不起，我没空听你废话。", "是您自己没看清楚，跟我们没关系。"):
            turns = list(good)
            last_text = max(i for i, t in enumerate(turns) if isinstance(t, str))
            turns[last_text] = f"{turns[last_text]}{bad}"
            result = play(sid, turns).result
            assert result is not None
            assert result.total <= 40, (sid, bad, result.total)


def test_every_penalty_counts_each_time() -> None:
    from scenarios.checks import play as play_best

    s = CATALOG.scenarios["angry-caller"]
    blame = "是您自己的问题，您自己没看清楚。"

    def fines(texts: list[str]) -> int:
        run = play_best(s, build_engine(s, CATALOG.library), lambda r: texts[min(len(r.turns), len(texts) - 1)])
        assert run.result is not None
        return sum(1 for line in run.result.lines if line.kind == "penalty")

    assert fines([blame, blame, "好的。"]) > fines([blame, "好的。"]) > fines(["好的。"])


def test_every_wrong_option_costs() -> None:
    for sid, s in CATALOG.scenarios.items():
        good = list(next(e for e in s.examples if e.name == "good").turns)
        base = play(sid, good)
        assert base.result is not None
        for i, facts in enumerate(base.turns):
            turn = s.nodes[facts.node].turn
            assert turn is not None
            if turn.mode != "choice":
                continue
            for option in range(1, len(turn.choices) + 1):
                if option == good[i]:
                    continue
                changed = list(good)
                changed[i] = option
                try:
                    result = play(sid, changed).result
                except InvalidAnswer:
                    continue  # the wrong option changed the path; later answers no longer fit
                total = result.total if result is not None else 0.0
                assert total < base.result.total, (sid, facts.node, option)


def test_a_wrong_choice_can_change_the_story() -> None:
    run = play("angry-caller", [GOOD_ANGRY[0], GOOD_ANGRY[1], 3])
    assert run.result is not None and run.result.ending == "ending-complaint"
    assert any("新加坡" in line.text for line in run.transcript)


GOOD_ANGRY = list(next(e for e in CATALOG.scenarios["angry-caller"].examples if e.name == "good").turns)


def test_the_ending_and_the_report_are_decided_by_the_same_facts() -> None:
    s = CATALOG.scenarios["customer-data-leak"]
    good = play("customer-data-leak", list(next(e for e in s.examples if e.name == "good").turns))
    assert good.result is not None and good.result.ending == "ending-trust"
    assert any(line.rule == "statement-24h" and line.points > 0 for line in good.result.lines)
    assert "statement-24h" not in {m.rule for m in good.result.missed}


@pytest.mark.parametrize("bad", ["", "   ", "字" * 2001, 3])
def test_unplayable_text_answers_cost_nothing(run: Run, bad: object) -> None:
    with pytest.raises(InvalidAnswer):
        run.answer(bad)  # type: ignore[arg-type]
    assert run.turns == []
    assert run.node == "opening"


def test_choice_out_of_range_is_invalid(run: Run) -> None:
    run.answer(GOOD[0])
    with pytest.raises(InvalidAnswer):
        run.answer(7)
    with pytest.raises(InvalidAnswer):
        run.answer("随便")
    run.answer("1")
    assert run.node == "remedy"


def test_dimension_scores_stay_between_zero_and_one() -> None:
    result = play("late-birthday-cake", ["你自己的问题,爱买不买", "随便你"]).result
    assert result is not None
    assert all(0 <= d.fraction <= 1 for d in result.dimensions)
    assert result.total == 0
