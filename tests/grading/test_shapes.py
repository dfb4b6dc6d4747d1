"""Faults found by the shape of a sentence: new wording of a known move, and the plain look-alikes they must spare."""

from __future__ import annotations

import pytest

from grading.matcher import SHAPE, ConceptMatcher
from grading.shapes import shapes
from grading.text import normalise
from tests.grading.labelled import matcher as labelled_matcher

FAULTS = {"rude", "blame_customer", "deny_responsibility", "sarcasm"}


@pytest.fixture(scope="module")
def matcher() -> ConceptMatcher:
    return labelled_matcher()


# Each reply is in words no phrase list holds; the shape alone must show the fault.
@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("您拆包裹的时候怎么不先拍个视频呢？", "blame_customer"),
        ("你咋不早点来问问？", "blame_customer"),
        ("要是您那天按提示重启一下，就不会丢数据了。", "blame_customer"),
        ("您把蛋糕放在车里晒了三个钟头，化了也不奇怪。", "blame_customer"),
        ("这都被您自己家孩子删光了。", "blame_customer"),
        ("要怪就怪您没看清楚。", "blame_customer"),
        ("您冲着前台嚷嚷也没用。", "rude"),
        ("就几块钱的差价，至于专门打电话来吗？", "rude"),
        ("芝麻大的事也值得写差评？", "rude"),
        ("我可没工夫陪您在这儿耗。", "rude"),
        ("您这位也太能折腾了。", "rude"),
        ("像您这样的顾客我们见多了。", "rude"),
        ("连个验证码都看不懂吗？", "rude"),
        ("爱退不退，随您。", "rude"),
        ("喊什么喊，这里是营业厅。", "rude"),
        ("嫌慢您就别点外卖。", "rude"),
        ("这已经是我说的第几遍了？我都说了五遍了。", "rude"),
        ("您懂装修还是我懂装修？", "rude"),
        ("您还指望花九块九买到名牌？", "rude"),
        ("就您最会过日子。", "sarcasm"),
        ("您可真是个行家。", "sarcasm"),
        ("佩服佩服，一张小票都能投诉三回。", "sarcasm"),
        ("您什么都知道，那您来修。", "sarcasm"),
        ("干脆您来管我们仓库得了。", "sarcasm"),
        ("丢件的事您直接去问物流公司。", "deny_responsibility"),
        ("这是厂家的质量问题。", "deny_responsibility"),
        ("这笔费用跟我们网点扯不上关系。", "deny_responsibility"),
        ("退票归车站售票处管。", "deny_responsibility"),
        ("我不过是个打工的。", "deny_responsibility"),
        ("规定就是规定，系统就是这么设的。", "deny_responsibility"),
        ("超出的部分只能您自己承担。", "deny_responsibility"),
    ],
)
def test_a_fault_in_new_words_is_found_by_its_shape(matcher: ConceptMatcher, text: str, fault: str) -> None:
    found = [m for m in matcher.read(text).mentions if m.concept == fault and not m.negated]
    assert found, f"{text}: {fault} not found"


# Plain replies that share words or shapes with those faults.
@pytest.mark.parametrize(
    "text",
    [
        "您着急很正常，换作是我也一样。",
        "您有这样的顾虑也不奇怪，我来解释一下。",
        "请问您是第一次用我们的App吗？",
        "您一直没收到退款，对吧？",
        "这次延误是快递的问题，不过我马上帮您催，今天一定送到。",
        "这个我做不了主，但我马上帮您报给主管，今天下班前回复您。",
        "非常抱歉，这次故障是平台的问题，让各位商家受损了。",
        "这暴露的是我们对经销商的管理缺陷，是品牌的责任。",
        "我们的员工素质培训确实没跟上。",
        "多少来电在规定时间内被接听，我们每天都统计。",
        "您说得对，这确实是我们的疏忽。",
        "只要您满意就好，我们随时为您服务。",
        "感谢您这么细心地指出问题。",
        "让您这么麻烦地跑一趟，真不好意思。",
        "我们没有权限给您退这笔钱。",
        "您和他们沟通的记录我们都存着。",
    ],
)
def test_plain_look_alikes_show_no_fault(matcher: ConceptMatcher, text: str) -> None:
    assert not (set(matcher.said(text)) & FAULTS), matcher.said(text)


def test_a_shape_is_evidence_with_its_words_and_does_not_count_twice(matcher: ConceptMatcher) -> None:
    reading = matcher.read("您收货时怎么不检查？")
    shaped = [m for m in reading.mentions if m.via == SHAPE]
    assert [(m.concept, m.phrase) for m in shaped] == [("blame_customer", "您收货时怎么不")]
    # a phrase of the same fault already covering the words: the phrase is the evidence, the shape adds nothing
    reading = matcher.read("您当时怎么不问清楚？")
    blamed = [m for m in reading.mentions if m.concept == "blame_customer"]
    assert blamed and all(m.via != SHAPE for m in blamed)


def test_a_shape_in_quotes_or_negated_is_no_fault(matcher: ConceptMatcher) -> None:
    assert "rude" not in matcher.said("培训时老师说，“急什么急”这种话绝对不能讲。")
    assert "deny_responsibility" not in matcher.said("我们从不说“这是快递的问题”。")


def test_a_push_elsewhere_with_the_matter_taken_on_is_information(matcher: ConceptMatcher) -> None:
    assert "deny_responsibility" in matcher.said("丢件您去找快递公司。")
    assert "deny_responsibility" not in matcher.said("丢件是快递公司的问题，我这边马上帮您核实，下午给您回电。")


def test_shapes_read_normalised_text() -> None:
    assert [s.concept for s in shapes(normalise("急什麼急？"))] == ["rude"]
    assert shapes(normalise("")) == []


def test_no_shape_fault_in_what_the_course_itself_recommends() -> None:
    """Model answers, better phrasings and every choice worth points in the shipped scenarios: a false fault there
    would cap a trainee who writes what we teach."""
    from catalog.catalog import ContentRoots, load_catalog

    cat = load_catalog(ContentRoots.shipped())
    flagged = []
    for sc in cat.scenarios.values():
        for node in sc.nodes.values():
            if node.turn is None:
                continue
            texts = [node.turn.model_answer or "", *(e.better for e in node.turn.expects)]
            texts += [c.text for c in node.turn.choices if c.score >= 0]
            texts += [t for ex in sc.examples if ex.name != "poor" for t in ex.turns if isinstance(t, str)]
            flagged += [(sc.id, t, s.words) for t in texts for s in shapes(normalise(t)) if s.concept in FAULTS]
    assert flagged == []


# Acts in open wording, read like any phrase.
@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("押金没按时退是我们财务漏了，抱歉。", "take_responsibility"),
        ("这次是我们排课的时候没核对名单。", "take_responsibility"),
        ("深更半夜被扔在路边，换谁都得气坏。", "empathy"),
        ("孩子一直哭，您心里肯定揪着。", "empathy"),
        ("毛病就出在派单系统把终点认错了。", "explanation"),
        ("这次的停车费给您免了。", "compensation"),
        ("多扣的钱原路退回您的微信。", "solution"),
        ("柜门周五天黑前修好。", "timeline"),
        ("这件事我马上报给我们站长。", "escalate_properly"),
        ("先紧着您和孩子的安全来。", "customer_first"),
        ("修好后我再打电话跟您确认。", "follow_up"),
        ("您说的是昨晚八点那单一直没送到，对吧？", "listen"),
    ],
)
def test_an_act_in_open_wording_is_found_by_its_shape(matcher: ConceptMatcher, text: str, act: str) -> None:
    assert act in matcher.said(text), matcher.read(text).mentions


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("这笔钱我们不会给您退的。", "solution"),
        ("只要查出来是我们发错了，运费我们出。", "take_responsibility"),
        ("如果是我们漏了，我们一定负责。", "take_responsibility"),
        ("您说是我们搞错了？", "take_responsibility"),
        ("培训课讲的是道歉、解释、补偿、回访四步。", "compensation"),
        ("赔偿的事情我这边说了不算。", "compensation"),
        ("后来店长给他赔礼道歉，还送了礼品。", "apology"),
        ("医生连句道歉都没有，所以您的心情我特别能体会。", "apology"),
    ],
)
def test_an_act_shape_negated_conditional_or_reported_earns_nothing(
    matcher: ConceptMatcher, text: str, act: str
) -> None:
    assert act not in matcher.said(text), matcher.read(text).mentions


def test_a_refusal_is_a_fault_only_when_the_reply_does_nothing_itself(matcher: ConceptMatcher) -> None:
    assert "deny_responsibility" in matcher.said("这个积分我们补不了。")
    assert "deny_responsibility" in matcher.said("保修肯定不给批。")
    assert "deny_responsibility" not in matcher.said("这趟车改签不了，我给您换成下一趟的车次。")
    assert "deny_responsibility" not in matcher.said("按合同维修归房东管，不过我今天下午就联系师傅上门修。")


def test_a_negation_of_another_verb_does_not_clear_a_fault(matcher: ConceptMatcher) -> None:
    # "进不去", "练不出", "到没到" negate their own verb, not the fault that follows
    assert "deny_responsibility" in matcher.said("沙发进不去不是我们的问题。")
    assert "deny_responsibility" in matcher.said("练不出效果难道怪教练吗？")
    assert "rude" in matcher.said("到没到账你自己不会看吗？")
    # a negation right before the fault still clears it
    assert "blame_customer" not in matcher.said("我不是说您的问题。")


def test_shapes_never_make_a_reply_read_as_a_keyword_list(matcher: ConceptMatcher) -> None:
    text = (
        "太抱歉了，孩子盼了一天却看到这样的蛋糕，难怪会哭。我让门店马上给您重做一个一模一样的，一小时内送到，费用全免。"
    )
    reading = matcher.read(text)
    assert "compensation" in reading.said
    assert not reading.list_like


def test_titles_are_mentioned_not_used(matcher: ConceptMatcher) -> None:
    assert "apology" not in matcher.said("您要找的《学会道歉》在三楼心理学区。")
    assert "apology" in matcher.said("对不起，《学会道歉》这本书已经卖完了。")


def test_an_admission_asked_back_is_a_denial_and_said_plainly_is_an_admission(matcher: ConceptMatcher) -> None:
    assert "deny_responsibility" in matcher.said("这事怪我们？")
    said = matcher.said("这事怪我们，对不起，这壶给您重新泡。")
    assert "take_responsibility" in said and "deny_responsibility" not in said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("退款卡在我们跟支付渠道的对账环节。", True),
        ("板材是物流运输时磕坏的。", True),
        ("这笔调度费是系统定位出了岔子误扣的。", True),
        ("我帮您查一下这单卡在哪个中转站了。", False),
        ("网络故障我已经报给技术部了。", False),
    ],
)
def test_a_cause_named_in_open_wording_is_an_explanation(matcher: ConceptMatcher, text: str, expected: bool) -> None:
    assert ("explanation" in matcher.said(text)) is expected


def test_a_question_for_facts_is_listening_and_one_off_the_matter_is_not(matcher: ConceptMatcher) -> None:
    assert "listen" in matcher.said("请问镜架是戴了多久开始松的？")
    assert "listen" not in matcher.said("请问洗手间在哪里？")


def test_a_string_of_stock_fragments_reads_as_a_list(matcher: ConceptMatcher) -> None:
    from scenarios.checks import FRAGMENTS

    assert matcher.read(FRAGMENTS).list_like
    spaced = FRAGMENTS.replace("，", " ").replace("。", "")
    assert matcher.read(spaced).list_like


def test_a_wrong_character_that_makes_a_word_with_its_neighbour_is_no_slip(matcher: ConceptMatcher) -> None:
    assert "timeline" not in matcher.said("婚礼可以改到您想要的日期。")  # 礼可 would be a slip for 立刻
    assert "verify_facts" in matcher.said("我们会尽快和实情况。")  # 和实 is a slip for 核实: 实情 keeps the right 实


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("代金券这次就没有了，但多扣的停车费今天退回。", "compensation"),
        ("客套的道歉话我就不多说了，新的一束今晚八点前送到。", "apology"),
        ("赔偿的事这会儿还定不下来。", "compensation"),
    ],
)
def test_an_act_put_aside_later_in_its_clause_is_not_done(matcher: ConceptMatcher, text: str, act: str) -> None:
    assert act not in matcher.said(text)


def test_a_negation_does_not_reach_past_what_the_agent_has_already_done(matcher: ConceptMatcher) -> None:
    text = "谢谢您提醒我们淋浴间没有热水我已经报给设备主管了修好后我给您回个电话"
    assert "escalate_properly" in matcher.said(text)


def test_asking_back_whether_an_act_would_undo_the_matter_is_rude(matcher: ConceptMatcher) -> None:
    for text in (
        "赔偿能让孩子的脸马上好起来吗？",
        "我退钱了您就能改变考试成绩吗？",
        "您以为健身教练是大白菜，想换就换？",
    ):
        assert "rude" in matcher.said(text), text
    for text in (
        "这样处理能让您满意吗？",
        "我们先给您退款，您看这样能让您放心一些吗？",
        "退款能在三天内到账吗？我帮您查一下。",
    ):
        assert "rude" not in matcher.said(text), text
