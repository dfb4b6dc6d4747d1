"""教师 page: an instructor changes a rule's verdict on a trainee's turn, sees the run re-totalled with the
reason in the report, and takes the change back."""

from __future__ import annotations

from catalog.catalog import ContentRoots, load_catalog
from classroom.accounts import create_user, list_accounts
from classroom.classes import add_member, create_class
from scenarios.runner import build_engine
from scenarios.sessions import load_run, play_turn, runs_of, start_run
from store.db import Database
from tests.ui.conftest import Open

CATALOG = load_catalog(ContentRoots.shipped())
SCENARIO = "late-birthday-cake"


def test_instructor_overrides_a_verdict_and_removes_it(open_page: Open, app_db: Database) -> None:
    at = open_page("instructor", role="instructor", username="teacher_o")
    teacher = next(a for a in list_accounts(app_db) if a.username == "teacher_o")
    info = create_class(app_db, teacher.id, "早班")
    trainee = create_user(app_db, "sun_mei", "孙梅", "trainee", "secret-pass-2026")
    add_member(app_db, info.id, trainee.id)
    scenario = CATALOG.scenarios[SCENARIO]
    run_id = start_run(app_db, trainee.id, SCENARIO)
    run = load_run(app_db, trainee.id, run_id, scenario, build_engine(scenario, CATALOG.library))
    for answer in next(e for e in scenario.examples if e.name == "middling").turns:
        play_turn(app_db, trainee.id, run_id, run, answer)
    assert run.result is not None
    engine_total = run.result.total
    at.run()
    at.selectbox(key="instructor_drill").set_value(trainee.id).run()
    assert not at.exception
    at.toggle(key=f"ovr_{run_id}_open").set_value(True).run()
    turn = at.selectbox(key=f"ovr_{run_id}_turn")
    assert turn.options[0].startswith("第 1 轮：")
    assert len(turn.options) == 5  # the free-text turns; the three choices have nothing to override
    rule = at.selectbox(key=f"ovr_{run_id}_rule_0")
    shown = rule.options
    assert "客户需要：体谅孩子生日会被耽误的着急（系统判定：没做到）" in shown
    assert not any("opening" in o or "rude" in o or "None" in o for o in shown)  # labels, never ids
    rule.set_value("opening:1").run()
    at.text_input(key=f"ovr_{run_id}_comment_0_opening:1").input("“急坏了”就是体谅")
    at.button(key=f"ovr_{run_id}_submit_0_opening:1").click().run()
    assert not at.exception
    assert any(s.value == "已改判，总分已重新计算。" for s in at.success)
    new_total = runs_of(app_db, trainee.id)[0].total
    assert new_total is not None and new_total > engine_total
    assert any("教师更正（改为做到）：“急坏了”就是体谅" in c.value for c in at.caption)
    assert any(f"{new_total:g}" in e.label for e in at.expander)
    assert any("已改为：做到" in o for o in at.selectbox(key=f"ovr_{run_id}_rule_0").options)
    at.button(key=f"ovr_{run_id}_remove_0_opening:1").click().run()
    assert not at.exception
    assert any(s.value == "已撤销，恢复系统的判定。" for s in at.success)
    assert runs_of(app_db, trainee.id)[0].total == engine_total
    assert not any("教师更正" in c.value for c in at.caption)


def test_a_reason_is_required(open_page: Open, app_db: Database) -> None:
    at = open_page("instructor", role="admin", username="admin_o")
    trainee = create_user(app_db, "zhou_yi", "周一", "trainee", "secret-pass-2026")
    scenario = CATALOG.scenarios[SCENARIO]
    run_id = start_run(app_db, trainee.id, SCENARIO)
    run = load_run(app_db, trainee.id, run_id, scenario, build_engine(scenario, CATALOG.library))
    for answer in next(e for e in scenario.examples if e.name == "middling").turns:
        play_turn(app_db, trainee.id, run_id, run, answer)
    teacher = next(a for a in list_accounts(app_db) if a.username == "admin_o")
    info = create_class(app_db, teacher.id, "周末班")
    add_member(app_db, info.id, trainee.id)
    at.run()
    at.selectbox(key="instructor_drill").set_value(trainee.id).run()
    at.toggle(key=f"ovr_{run_id}_open").set_value(True).run()
    at.button(key=f"ovr_{run_id}_submit_0_opening:0").click().run()  # the first rule: 道歉, which the engine saw
    assert not at.exception
    assert any(e.value == "请写明更正的理由" for e in at.error)


def test_the_trainee_sees_the_corrected_total_and_the_reason_in_their_report(open_page: Open, app_db: Database) -> None:
    from actions.overrides import override_rule
    from classroom.accounts import get_account

    at = open_page(None, role="trainee", username="wu_di")
    trainee = next(a for a in list_accounts(app_db) if a.username == "wu_di")
    teacher = create_user(app_db, "teacher_w", "吴老师", "instructor", "secret-pass-2026")
    info = create_class(app_db, teacher.id, "夜班")
    add_member(app_db, info.id, trainee.id)
    scenario = CATALOG.scenarios[SCENARIO]
    run_id = start_run(app_db, trainee.id, SCENARIO)
    run = load_run(app_db, trainee.id, run_id, scenario, build_engine(scenario, CATALOG.library))
    for answer in next(e for e in scenario.examples if e.name == "middling").turns:
        play_turn(app_db, trainee.id, run_id, run, answer)
    result = override_rule(app_db, get_account(app_db, teacher.id), CATALOG, run_id, 0, "opening:0", False, "太轻")
    at.session_state["scenario_pick"] = SCENARIO
    at.session_state["scenario_runs"] = {SCENARIO: run_id}
    at = open_page("scenario", at=at)
    assert at.metric[0].value == f"{result.total:g}"
    assert any(c.value == "教师更正（改为没做到）：太轻" for c in at.caption)
    assert any(m.value == f"**各项合计 {result.total:g} 分（即总分）**" for m in at.markdown)  # lines reconcile
