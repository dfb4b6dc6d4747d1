"""管理 → 题目版本: edit a question as a new version, regrade after a key change through the confirm dialog with
its counts, retire and restore, the history, and the YAML export."""

from __future__ import annotations

from sqlalchemy import select

from catalog.catalog import ContentRoots, load_catalog
from quizzes.models import LETTERS, SingleChoice
from quizzes.practice import answer_question
from store.db import Database
from store.tables import Answer, QuestionEvent
from tests.classroom.helpers import make_users
from tests.ui.conftest import Open, by_label


def _button(at, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def test_an_admin_edits_the_key_regrades_and_retires(open_page: Open, app_db: Database) -> None:
    course = load_catalog(ContentRoots.shipped())
    q = next(x for x in course.questions.values() if isinstance(x, SingleChoice) and x.id.endswith("q001"))
    new_key = next(x for x in LETTERS[: len(q.options)] if x != q.answer)
    trainees = make_users(app_db, 3, "t")
    for uid in trainees[:2]:
        answer_question(app_db, uid, q, new_key, "practice")
    answer_question(app_db, trainees[2], q, q.answer, "practice")

    at = open_page("admin", role="admin")
    at.text_input(key="versions_search").input(q.id).run()
    assert any("当前为第 1 版" in m.value for m in at.markdown)
    by_label(at.selectbox, "答案").set_value(new_key)
    _button(at, "保存为新版本").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("已保存为第 2 版" in s.value and "重新评分" in s.value for s in at.success)
    shown = " ".join(str(m.value) for m in at.markdown)  # the dialog opened by itself, with the counts
    assert "按旧版本评分的作答 3 条：由错变对 2 条，由对变错 1 条" in shown
    _button(at, "确认重新评分").click().run()
    assert any(s.value == "已重新评分：作答 3 条，考试 0 场。" for s in at.success)
    with app_db.session() as s:
        assert sorted(s.scalars(select(Answer.status))) == ["correct", "correct", "wrong"]
        audit = s.scalars(select(QuestionEvent).where(QuestionEvent.kind == "regrade")).one()
    assert audit.to_version == 2
    tables = [df.value for df in at.dataframe]
    history = next(t for t in tables if "来源" in t.columns)
    assert list(history["版本"]) == [2, 1] and list(history["来源"]) == ["应用内修改", "题库文件"]
    events = next(t for t in tables if "操作" in t.columns)
    assert list(events["操作"]) == ["重新评分", "修改"]
    assert "错→对 2" in events["说明"].iloc[0]

    _button(at, "停用这道题").click().run()
    assert any("已停用" in w.value for w in at.warning)
    assert not [b for b in at.button if b.label == "保存为新版本"]  # a retired question is not edited
    _button(at, "恢复这道题").click().run()
    assert not any("已停用" in w.value for w in at.warning)

    _button(at, "导出应用内修改的题目（题库文件格式）").click().run()
    assert not at.exception
    assert at.get("download_button")


def test_a_second_admin_with_an_old_form_is_told_it_is_stale(open_page: Open, app_db: Database) -> None:
    course = load_catalog(ContentRoots.shipped())
    q = next(x for x in course.questions.values() if isinstance(x, SingleChoice))
    first = open_page("admin", role="admin", username="admin_one")
    second = open_page("admin", role="admin", username="admin_two")
    for at in (first, second):
        at.text_input(key="versions_search").input(q.id).run()
    by_label(first.text_area, "题干").input(q.stem + "（甲改）")
    _button(first, "保存为新版本").click().run()
    assert any("已保存为第 2 版" in s.value for s in first.success)
    by_label(second.text_area, "题干").input(q.stem + "（乙改）")
    _button(second, "保存为新版本").click().run()
    assert any("刚被别人修改过" in w.value for w in second.warning)
    second.run()
    assert any("当前为第 2 版" in m.value for m in second.markdown)
    assert by_label(second.text_area, "题干").value == q.stem + "（甲改）"
