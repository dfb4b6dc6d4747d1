"""课堂活动 and 课堂 pages together: one database, several browser sessions (instructor and trainees)."""

from __future__ import annotations

from sqlalchemy import select

from catalog.catalog import ContentRoots, load_catalog
from classroom.accounts import list_accounts
from classroom.assignments import assignments_of, create_assignment
from classroom.classes import add_member, classes_of, create_class
from classroom.groups import form_random
from classroom.roleplay import role_plays_of
from store.db import Database
from store.tables import User
from tests.ui.conftest import Open, by_label

CATALOG = load_catalog(ContentRoots.shipped())
TRAINEES = ["stu_a", "stu_b", "stu_c", "stu_d"]


def setup_class(open_page: Open, app_db: Database):  # type: ignore[no-untyped-def]
    """An instructor session, four trainee sessions, one class of four in one group."""
    teacher = open_page("activities", role="instructor", username="teacher")
    sessions = {name: open_page("classroom", username=name) for name in TRAINEES}
    with app_db.session() as s:
        for user in s.scalars(select(User)):
            user.display_name = f"学员{user.username}"  # distinct names, as select boxes show names
    accounts = {a.username: a for a in list_accounts(app_db)}
    info = create_class(app_db, accounts["teacher"].id, "实训班")
    for name in TRAINEES:
        add_member(app_db, info.id, accounts[name].id)
    (group,) = form_random(app_db, info.id, size=4, seed=5)
    teacher.run()
    for at in sessions.values():
        at.run()
    return teacher, sessions, accounts, info, group


def test_trainees_are_refused_on_the_server(open_page_file) -> None:  # type: ignore[no-untyped-def]
    assert open_page_file("activities", "trainee").error[0].value == "你没有权限访问这个页面。"


def test_a_live_quiz_reaches_every_session_and_the_board_updates(open_page: Open, app_db: Database) -> None:
    teacher, sessions, _, _, group = setup_class(open_page, app_db)
    by_label(teacher.text_input, "测验名称").input("第一讲")
    by_label(teacher.number_input, "题数").set_value(2)
    by_label(teacher.button, "新建课堂测验").click().run()
    code = next(s.value for s in teacher.success).rsplit(" ", 1)[-1]
    for at in sessions.values():
        by_label(at.text_input, "输入测验码加入").input(code)
        by_label(at.button, "加入测验").click().run()
        assert any(i.value == "已加入，等待老师推送题目……" for i in at.info)
    teacher.run()
    assert "已加入 4 人" in next(m.value for m in teacher.markdown if "测验码" in m.value)

    teacher.button(key="activities_live_next").click().run()
    answered = 0
    for name, at in list(sessions.items())[:3]:
        at.run()
        assert any(c.value == "第 1 / 2 题" for c in at.caption), name
        if at.radio:
            at.radio[0].set_value(at.radio[0].options[0])
        elif at.checkbox:
            for box in at.checkbox[:2]:  # a multiple choice needs two or more
                box.check()
        else:
            for blank in at.text_input:
                if blank.label != "输入测验码加入":
                    blank.input("答案")
        by_label(at.button, "提交答案").click().run()
        assert at.success or at.error, [w.value for w in at.warning]  # right or wrong, recorded once
        answered += 1
    teacher.run()
    board = teacher.dataframe[0].value
    assert list(board["作答"]).count(1) == answered and len(board) == 4
    assert teacher.dataframe[1].value.iloc[0]["姓名"] == group.name


def test_group_role_play_customer_agent_and_observer(open_page: Open, app_db: Database) -> None:
    teacher, sessions, accounts, _, group = setup_class(open_page, app_db)
    ids = {a.id: name for name, a in accounts.items()}
    customer, agent = (m.id for m in group.members[:2])
    teacher.selectbox(key="activities_play_group").set_value(group.id).run()
    by_label(teacher.selectbox, "情景").set_value("angry-caller")
    by_label(teacher.selectbox, "扮演顾客").set_value(customer)
    by_label(teacher.selectbox, "扮演客服").set_value(agent)
    by_label(teacher.button, "开始一次小组演练").click().run()
    assert any(s.value.startswith("已开始") for s in teacher.success), [e.value for e in teacher.error]

    cust = sessions[ids[customer]].run()
    assert any("你的角色：顾客" in m.value for m in cust.markdown)
    assert cust.expander and any("你扮演" in m.value for m in cust.markdown)

    ag = sessions[ids[agent]].run()
    assert any("你的角色：客服" in m.value for m in ag.markdown)
    text_turn = next(iter(ag.text_area), None)
    if text_turn is not None:
        text_turn.input("非常抱歉让您久等了，我马上为您核实处理。")
    else:
        ag.radio[0].set_value(ag.radio[0].options[0])
    by_label(ag.button, "发送").click().run()
    assert not ag.exception

    observer = next(m.id for m in group.members[2:])
    obs = sessions[ids[observer]].run()
    assert any("你的角色：观察员" in m.value for m in obs.markdown)
    for slider in obs.slider:
        slider.set_value(4)
    by_label(obs.button, "提交评分").click().run()
    assert obs.success[0].value == "评分已保存，可随时修改。"
    (play,) = role_plays_of(app_db, [group.id], CATALOG.scenarios)
    assert play.observers == 1 and play.observer_total == 75


def test_leader_submits_a_report_and_the_instructor_marks_it(open_page: Open, app_db: Database) -> None:
    teacher, sessions, accounts, info, group = setup_class(open_page, app_db)
    create_assignment(app_db, CATALOG, info.id, "report", "study-satisfaction")
    ids = {a.id: name for name, a in accounts.items()}
    member = sessions[ids[next(m.id for m in group.members if m.id != group.leader_id)]].run()
    assert any(c.value == "小组报告由组长统稿后提交。" for c in member.caption)
    leader = sessions[ids[group.leader_id]].run()  # type: ignore[index]
    by_label(leader.text_area, "报告正文（也可上传 .docx）").input("<b>本报告</b>研究客户满意。" * 30)
    by_label(leader.button, "提交报告").click().run()
    assert leader.success[0].value.startswith("报告已提交")
    assert leader.warning[0].value.startswith("报告不足 800 字")

    teacher.run()
    for n in teacher.number_input:
        if n.key and n.key.startswith("activities_mark_"):
            n.set_value(5.0)
    by_label(teacher.button, "保存评分").click().run()
    assert any(s.value == "已保存：45 分" for s in teacher.success)
    leader.run()
    assert any(s.value == "教师评分：45 / 100" for s in leader.success)
    assert classes_of(app_db, accounts["stu_a"])


def test_leader_uploads_a_word_report(open_page: Open, app_db: Database) -> None:
    import io

    from docx import Document

    _, sessions, accounts, info, group = setup_class(open_page, app_db)
    create_assignment(app_db, CATALOG, info.id, "report", "survey-crm")
    ids = {a.id: name for name, a in accounts.items()}
    leader = sessions[ids[group.leader_id]].run()  # type: ignore[index]
    doc = Document()
    doc.add_paragraph("本报告调查客户关系管理的现状。")
    doc.add_paragraph("一、调查方法：访谈 6 人，问卷 120 份。")
    data = io.BytesIO()
    doc.save(data)
    uploader = next(u for u in leader.get("file_uploader") if u.label == "上传 Word 文件（.docx）")
    uploader.set_value(("报告.docx", data.getvalue(), "application/octet-stream"))
    by_label(leader.button, "提交报告").click().run()
    assert leader.success[0].value.startswith("报告已提交")
    from classroom.group_reports import submission

    stored = submission(app_db, next(a.id for a in assignments_of(app_db, [info.id])), group.id)
    assert stored is not None and stored.filename == "报告.docx" and "问卷 120 份" in stored.text
    uploader = next(u for u in leader.get("file_uploader") if u.label == "上传 Word 文件（.docx）")
    uploader.set_value(("坏文件.docx", b"not a zip", "application/octet-stream"))
    by_label(leader.button, "提交报告").click().run()
    assert any("无法读取这个 Word 文件" in e.value for e in leader.error), [
        (w.value) for w in [*leader.warning, *leader.success]
    ]


def test_a_trainee_who_joined_finds_the_quiz_again_in_a_new_session(open_page: Open, app_db: Database) -> None:
    from classroom import live

    _, sessions, accounts, info, _ = setup_class(open_page, app_db)
    quiz = live.create_quiz(app_db, info.id, "续接", [CATALOG.questions["crm-basics.q002"]])
    live.join(app_db, accounts["stu_a"].id, quiz.code)
    live.advance(app_db, quiz.id)
    fresh = open_page("classroom", username="stu_a")  # a new browser session, no code typed
    assert any(c.value == "第 1 / 1 题" for c in fresh.caption)
    other = sessions["stu_b"].run()  # has not joined: still asked for the code
    assert not any(c.value == "第 1 / 1 题" for c in other.caption)
