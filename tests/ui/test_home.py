"""首页 page."""

from __future__ import annotations

from tests.ui.conftest import Open


def test_home_greets_and_offers_to_start_reading(open_page: Open) -> None:
    at = open_page(None)
    assert at.title[0].value == "你好\uff0c测试trainee\uff01"
    assert at.button(key="home_resume").label == "从第一章开始学习"
    assert [m.label for m in at.metric] == ["已读小节", "已答题数", "正确率", "模拟考试", "完成演练"]


def test_resume_button_opens_the_section(open_page: Open) -> None:
    at = open_page(None)
    at.button(key="home_resume").click().run()
    assert not at.exception
    assert at.title[0].value == "课程学习"
    assert at.header[0].value == "消费者、顾客与客户"


def test_pending_tasks_are_announced_on_the_home_page(open_page, app_db) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from catalog.catalog import ContentRoots, load_catalog
    from classroom.accounts import create_user, list_accounts
    from classroom.assignments import create_assignment
    from classroom.classes import add_member, create_class

    cat = load_catalog(ContentRoots.shipped())
    teacher = create_user(app_db, "teacher_h", "吴老师", "instructor", "secret-pass-2026")
    info = create_class(app_db, teacher.id, "晨班")
    create_assignment(
        app_db, cat, info.id, "chapter", "crm-basics-01-customers", due_at=datetime.now(UTC) - timedelta(days=1)
    )
    create_assignment(app_db, cat, info.id, "exam", "starter-mock")
    at = open_page("home", username="busy")
    add_member(app_db, info.id, next(a.id for a in list_accounts(app_db) if a.username == "busy"))
    at.run()
    assert at.info[0].value.startswith("你有 2 项任务未完成（其中 1 项已逾期），最近的截止时间：")
    at.button(key="home_to_tasks").click().run()
    assert at.title[0].value == "我的任务"


def test_study_plan_shows_today_and_opens_the_next_section(open_page: Open) -> None:
    at = open_page(None, username="planner")
    assert "今日学习计划" in [s.value for s in at.subheader]
    assert any(c.value.startswith("还没有设定考试日期") for c in at.caption)
    assert any(m.value == "阅读新小节：0/1 节" for m in at.markdown)
    assert any(m.value.startswith("**还没有连续学习的记录** · 今天还没达标") for m in at.markdown)
    at.button(key="plan_read_customer-vs-consumer").click().run()
    assert at.title[0].value == "课程学习"
    assert at.header[0].value == "消费者、顾客与客户"


def test_setting_the_exam_date_and_goal_shows_days_left_and_pace(open_page: Open) -> None:
    from datetime import date, timedelta

    at = open_page(None, username="planner2")
    exam_day = date.today() + timedelta(days=20)
    at.selectbox(key="plan_exam_date").set_value(exam_day)
    at.number_input(key="plan_sections").set_value(2)
    at.number_input(key="plan_questions").set_value(30)
    at.button[[b.label for b in at.button].index("保存计划")].click().run()
    assert not at.exception
    days = (exam_day - date.today()).days  # the app counts in Beijing time; the test machine may differ by one
    caption = next(c.value for c in at.caption if c.value.startswith("距离考试还有"))
    assert f"{exam_day.year}年{exam_day.month}月{exam_day.day}日" in caption
    assert caption.startswith((f"距离考试还有 {days} 天", f"距离考试还有 {days - 1} 天", f"距离考试还有 {days + 1} 天"))
    # 94 sections in about 20 days at 2 a day do not fit: the page says how many a day would
    assert any(w.value.startswith("按每天 2 节读不完：还剩") for w in at.warning)
    assert any(m.value == "阅读新小节：0/2 节" for m in at.markdown)
    assert any(m.value == "做新题：0/30 道" for m in at.markdown)
    assert [b.key for b in at.button if b.key and b.key.startswith("plan_read_")] == [
        "plan_read_customer-vs-consumer",
        "plan_read_internal-and-external-customers",
    ]


def test_an_empty_goal_is_refused_on_the_page(open_page: Open) -> None:
    at = open_page(None, username="planner3")
    for key in ("plan_sections", "plan_questions", "plan_reviews"):
        at.number_input(key=key).set_value(0)
    at.button[[b.label for b in at.button].index("保存计划")].click().run()
    assert any(e.value == "每日目标不能全部为 0" for e in at.error)


def test_streak_and_progress_after_a_day_of_work(open_page, app_db) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from store.tables import Answer

    at = open_page(None, username="steady")
    with app_db.session() as s:
        for back, n in ((0, 12), (1, 12), (2, 1)):  # today, yesterday, and a day with one question only
            for i in range(n):
                s.add(
                    Answer(
                        user_id=1,
                        question_id=f"crm-basics.q{100 * back + i + 1:03d}",
                        mode="practice",
                        response="A",
                        status="correct",
                        score=1,
                        possible=1,
                        seconds=60,
                        created_at=datetime.now(UTC) - timedelta(days=back),
                    )
                )
    at.run()
    assert any(m.value == "**连续学习 2 天** · 今天已达标" for m in at.markdown)
    assert any(m.value == "做新题：12/20 道" for m in at.markdown)
