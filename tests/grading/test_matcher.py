"""Concept matching on characters, with negation, questions, conditionals, quotes, sarcasm and rudeness read."""

from __future__ import annotations

import pytest

from grading.library import load_library
from grading.matcher import ConceptMatcher


@pytest.fixture(scope="module")
def matcher() -> ConceptMatcher:
    library = load_library()
    return ConceptMatcher(
        {k: c.phrases for k, c in library.concepts.items()},
        [k for k, c in library.concepts.items() if c.kind == "fault"],
        [k for k, c in library.concepts.items() if c.ask_ok],
    )


@pytest.mark.parametrize(
    ("text", "concept", "expected"),
    [
        ("非常抱歉给您添麻烦了", "apology", True),
        ("我们不会道歉", "apology", False),
        ("我们绝不道歉。", "apology", False),
        ("不好意思,让您久等了", "apology", True),
        ("这不是我们的责任", "take_responsibility", False),
        ("这不是我们的责任", "deny_responsibility", True),
        ("这是我们的责任,我们负责到底", "take_responsibility", True),
        ("我们不得不说,对不起", "apology", True),
        ("我们不能不道歉", "apology", True),
        ("没有核实之前我不能说", "verify_facts", False),
        ("我马上帮您核实一下", "verify_facts", True),
        ("ＦＵＬＬ　ＷＩＤＴＨ:非常抱歉!", "apology", True),
    ],
)
def test_concepts_and_negation(matcher: ConceptMatcher, text: str, concept: str, expected: bool) -> None:
    assert (concept in matcher.said(text)) is expected


def test_negation_does_not_cross_a_clause(matcher: ConceptMatcher) -> None:
    assert "apology" in matcher.said("这不是借口,我们向您道歉")


def test_evidence_lists_the_phrases(matcher: ConceptMatcher) -> None:
    said = matcher.said("对不起,给您添麻烦了")
    assert said["apology"] == ["对不起", "给您添麻烦了"]


def test_nothing_to_announce_is_no_announcement(matcher: ConceptMatcher) -> None:
    assert "public_statement" not in matcher.said("没什么可公告的")
    assert "public_statement" in matcher.said("我们马上发布公告")


def test_negation_stops_at_the_copula(matcher: ConceptMatcher) -> None:
    assert "take_responsibility" in matcher.said("前两次没有解决好是我们的问题")
    assert "take_responsibility" not in matcher.said("这不是我们的问题")


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("对不起，我没空听你废话", {"rude"}, {"apology"}),
        ("道歉有用的话还要警察干嘛？", {"rude"}, {"apology"}),
        ("如果是我们的问题，我们会道歉", set(), {"apology", "take_responsibility"}),
        ("行行行，是我们的责任，满意了吧？", {"sarcasm"}, {"take_responsibility"}),
        ("补偿是不可能的", set(), {"compensation"}),
        ("是快递的问题，跟我们门店没关系", {"deny_responsibility"}, set()),
        ("您自己没看说明书", {"blame_customer"}, set()),
        ("對不起，這是我們的責任", {"apology", "take_responsibility"}, set()),
        ("非常报歉，我马上合实一下", {"apology", "verify_facts"}, set()),
        ("这个价格很合适", set(), {"verify_facts"}),
        ("非常抱歉让您久等了我马上帮您查一下", {"apology", "verify_facts", "timeline"}, set()),
        ("您说我们应该道歉，这个我记下来了", {"listen"}, {"apology"}),
    ],
)
def test_the_issue_cases(matcher: ConceptMatcher, text: str, present: set[str], absent: set[str]) -> None:
    said = set(matcher.said(text))
    assert present <= said, said
    assert not absent & said, said


def test_every_mention_has_a_polarity(matcher: ConceptMatcher) -> None:
    reading = matcher.read("如果是我们的问题，我们会道歉。补偿是不可能的。您说要赔偿？")
    polarity = {(m.concept, m.polarity) for m in reading.mentions}
    assert ("take_responsibility", "conditional") in polarity
    assert ("apology", "conditional") in polarity
    assert ("compensation", "negated") in polarity
    assert ("compensation", "reported") in polarity


def test_the_segmenter_dictionary_cannot_change_a_reading(matcher: ConceptMatcher) -> None:
    from grading.text import _tokenizer

    text = "这个问题是我们没做好，马上给您补发，三天内到"
    before = matcher.read(text)
    tokenizer = _tokenizer()
    for word in ("没做好马上", "给您补", "发三天", "问题是我们"):
        tokenizer.add_word(word, freq=10**6)
    assert matcher.read(text) == before


def test_a_keyword_list_reads_as_a_list(matcher: ConceptMatcher) -> None:
    assert matcher.read("对不起 抱歉 理解 我们的责任 马上核实 补偿 回访").list_like
    assert matcher.read("对不起抱歉理解您我们的责任马上核实补偿回访").list_like
    natural = "郑先生，非常抱歉让您等了这么久，这个问题由我来处理，我先核实一下您的身份，五分钟内就能解冻。"
    assert not matcher.read(natural).list_like


def test_automata_find_every_occurrence_a_plain_scan_finds(matcher: ConceptMatcher) -> None:
    import random

    tables = [matcher._auto, *matcher._slip_autos]
    assert len(tables) >= 2
    rng = random.Random(4)
    for table in tables:
        words = sorted(table.words)
        for _ in range(12):
            pieces = [rng.choice(words) for _ in range(6)] + ["，我们的", "的了是", "abc", "“", "\ue000", "𠀀"]
            rng.shuffle(pieces)
            text = "".join(pieces)
            plain = sorted((i, i + len(w)) for w in words for i in range(len(text)) if text.startswith(w, i))
            found = table.find(text)
            assert sorted((s, e) for s, e, _ in found) == plain
            assert all(table.values[table.words.index(text[s:e])] == v for s, e, v in found)
            assert [e for _, e, _ in found] == sorted(e for _, e, _ in found)  # in order of their end


@pytest.mark.parametrize(
    ("text", "concept", "polarity"),
    [
        # "的话" after someone's words is no condition; as the end of an if-part it still is
        ("我先替同事给您赔个不是，他刚才的话说得太冲了。", "apology", "affirmed"),
        ("您方便的话，我们明天上午上门取件。", "solution", "affirmed"),
        ("道歉的话我就不多说了，先把退款办了。", "apology", "conditional"),
        # the topic of a clause is negated by the next one; a negation two clauses on is not about it
        ("赔偿这块儿，暂时给不了。", "compensation", "negated"),
        ("赔偿这块儿，您放心，肯定给您。", "compensation", "affirmed"),
        ("我们给您赔偿，手续费暂时给不了。", "compensation", "affirmed"),
        # a phrase asked back alone is no offer; an offer asked as a question still is
        ("补偿？凭什么补偿？", "compensation", "question"),
        ("您看给您补发一份可以吗？", "solution", "affirmed"),
        # "不背" negates what it follows
        ("这个锅我们不背。", "take_responsibility", "negated"),
        # a clause opening with 还 goes on with a third person's story; an address is nobody's story
        ("我们年会上老板抽奖说要补偿大家，还向员工道歉了。", "apology", "reported"),
        ("各位老板，对不住，这次是平台的故障。", "apology", "affirmed"),
        ("她已经按规范处理，我们也向您道歉。", "apology", "affirmed"),
        # a colleague's act for the customer is the company's promise; a colleague's story is not
        ("我已经转给专员，他会在两小时内联系您。", "follow_up", "affirmed"),
        ("他说要给大家补偿。", "compensation", "reported"),
        # what follows a report verb that ends its clause was said by someone, unless it speaks to the customer
        ("上次培训老师讲了，道歉要真诚。", "apology", "reported"),
        ("经理说了，给您全额退款。", "solution", "affirmed"),
        # 谁规定 asks rhetorically; a condition on damage is one on fault, so its then-part is conditional too
        ("谁规定坏了就一定要换新的？", "solution", "rhetorical"),
        ("假如是人为损坏，维修费得您自己出。", "solution", "conditional"),
        # "的话" inside a word ends no condition; a rhetorical word inside a phrase still asks rhetorically
        ("这笔钱今天就退回您的话费账户。", "solution", "affirmed"),
        ("我们哪里说过一定能准时送到？", "solution", "rhetorical"),
        ("我们公司的口号是：用心服务，真诚道歉。", "apology", "reported"),
        ("还能少了您的补偿不成？", "compensation", "rhetorical"),
    ],
)
def test_how_a_mention_is_meant(matcher: ConceptMatcher, text: str, concept: str, polarity: str) -> None:
    found = [m.polarity for m in matcher.read(text).mentions if m.concept == concept]
    assert found and found[0] == polarity, (text, matcher.read(text).mentions)


def test_an_insult_stays_rude_after_bie(matcher: ConceptMatcher) -> None:
    for text in ("请您冷静一点，别跟个泼妇似的。", "您能不能别在这儿大吵大闹？", "您不觉得您的要求太离谱了吗？"):
        assert "rude" in matcher.said(text), text


def test_qing_wen_listens_only_about_the_customer_or_the_matter(matcher: ConceptMatcher) -> None:
    assert "listen" in matcher.said("请问您的订单号是多少？")
    assert "listen" in matcher.said("请问这个问题是从哪天开始出现的？")
    assert "listen" not in matcher.said("请问洗手间在哪里？")
