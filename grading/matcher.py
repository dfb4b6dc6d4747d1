"""Read free Chinese text as people mean it: concepts per clause, each with its polarity.

Matching is on characters with an Aho-Corasick automaton built per matcher, so nothing another scenario or
another part of the process loaded can change a result. Each mention gets a polarity: affirmed, negated
(before or after the phrase), question, rhetorical, conditional, reported (quoted or someone else's words),
sarcastic (the turn carries a sarcasm marker) or insincere (a polite word in a rude turn).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from typing import Generic, NamedTuple, TypeVar

import ahocorasick_rs
from pypinyin import Style, pinyin

from grading.second_opinion import verdicts
from grading.shapes import Shape, names_another_party, shapes
from grading.text import lexicon, normalise

AFFIRMED = "affirmed"
NEGATED = "negated"
QUESTION = "question"
RHETORICAL = "rhetorical"
CONDITIONAL = "conditional"
REPORTED = "reported"
SARCASTIC = "sarcastic"
INSINCERE = "insincere"
POLARITY_LABELS = {
    AFFIRMED: "肯定",
    NEGATED: "否定",
    QUESTION: "疑问",
    RHETORICAL: "反问",
    CONDITIONAL: "假设",
    REPORTED: "转述",
    SARCASTIC: "反讽",
    INSINCERE: "言不由衷",
}
GAP = "…"
GAP_WIDTH = 8
NEGATION_WINDOW = 10
# A fault is only negated by a negation close before it ("我不是说您的错"), not by one of another verb ("进不去").
FAULT_NEGATION_WINDOW = 4
AFTER_WINDOW = 8
# A turn reads as a keyword list with this many mentions and either this many per ten characters or mostly
# clauses that are a bare phrase.
LIST_MIN = 4
LIST_DENSITY = 2.5
LIST_SHORT = 16  # shorter replies are too short for a density to mean anything
# ... or with this many different acts at this many per ten characters (natural replies with seven acts or more
# stay below 1.25 in the labelled set and the golden transcripts)
ACTS_MANY = 7
ACTS_DENSITY = 1.4
COURTESY_ACTS = frozenset({"apology", "empathy", "thanks"})
RESPONSIBILITY = "take_responsibility"
DENY = "deny_responsibility"
RUDE = "rude"
SARCASM = "sarcasm"
TIMELINE = "timeline"
LISTEN = "listen"
SHAPE = "句式"  # `via` of a concept found by the shape of its sentence (grading/shapes.py)
SOFT_SHAPE = "句式（说明）"  # a refusal shape that is information when the reply takes the matter on
MODEL = "整句判断"  # `via` of a concept found by the second opinion (grading/second_opinion.py): no phrase, no shape
# Acts that take the matter on: with one of them a push elsewhere is information, not a refusal.
TAKING_ON = frozenset(
    {"solution", "verify_facts", "follow_up", "escalate_properly", RESPONSIBILITY, "compensation", TIMELINE}
)
READ_CACHE = 512

# Function words, found with one automaton; the longest match at a position wins.
# fmt: off
_MARKERS: dict[str, tuple[str, ...]] = {
    "neg": (
        "不", "没", "没有", "别", "无", "未", "非", "莫", "勿", "甭", "绝不", "从不", "决不", "并非", "并不", "并没",
        "拒绝", "无法", "无须", "无需", "毫无", "从未", "并未", "没法", "没办法", "不是", "不会", "不能", "不用",
        "不必", "不要", "不肯", "不想", "不愿", "不打算", "不准备", "休想", "用不着", "犯不着", "暂不", "暂时不",
    ),
    # Look negative, say nothing negative about what follows.
    "plain": (
        "不好意思", "不得不", "不断", "不错", "不少", "不久", "不仅", "不但", "不管", "不论", "无论", "非常", "未来",
        "没关系", "不客气", "毫不", "不过", "不然", "不满", "不便", "不适", "不周", "不当", "不妥", "不到位",
        "不小心", "不舒服", "不愉快", "不方便", "不开心", "不放心", "不耐烦", "不满意", "别的", "别人", "无误",
        "不只", "不光", "不停", "不时", "非得", "别担心", "别着急", "别急", "不用担心", "不用着急", "不要着急",
        "不要担心", "没事", "不必担心", "别生气", "不要生气", "不对劲", "不清楚", "不明白", "不了解", "不够好",
        "不一样", "不同", "不好", "没想到", "无论如何", "非要", "并且", "不再", "不会再", "再也不会", "绝不会再",
        "避免", "不让", "无忧", "没问题", "没有问题", "没毛病", "特别", "分别", "区别", "告别", "识别", "要不",
        "要不然", "不如",
    ),
    "breaker": (
        "是", "就是", "都是", "所以", "因此", "而且", "然后", "因为", "才", "只要", "马上", "一定", "肯定", "我现在",
        "我马上", "我这就", "我们会", "我会", "我已经", "我们已经",
    ),
    "anota": (
        "是不是", "能不能", "要不要", "可不可以", "有没有", "会不会", "好不好", "行不行", "对不对", "愿不愿意",
        "方不方便", "需不需要", "用不用", "想不想", "合不合适", "满不满意",
    ),
    "rhetorical": (
        "难道", "犯得着", "凭什么", "干嘛", "干什么用", "何必", "哪有", "怎么可能", "有什么用", "有用吗", "有啥用",
        "还用说", "岂不是", "至于吗", "有意思吗", "又能怎样", "能怎么样", "管用吗", "为什么要", "凭啥", "有必要",
        "难不成", "谁说", "至于要", "至于让", "谁规定", "哪里说过", "不成?", "您不觉得", "你不觉得",
    ),
    # Negate a phrase they follow ("补偿是不可能的"); also negators before one ("不会给您退款").
    "after_neg": (
        "是不可能", "不可能", "不了", "没门", "免谈", "别想", "想都别想", "做不到", "办不到", "没用", "没有用",
        "不存在", "没戏", "不行", "不会有", "没有的", "就算了", "不现实", "不予", "没必要", "不用想", "省省吧",
        "没有可能", "没有必要", "不会给", "排不上", "没法确定", "暂时没法", "不上了", "给不了", "不可以",
        "不太现实", "不太可能", "不太行", "不在", "不背", "安排不了", "都没有", "也没有",
        "就不多说", "不多说了", "先不提", "就不提", "就免了", "就没有了", "不顶用", "定不下来", "申请不下来", "就不必",
        "不必了", "就不发", "就不打扰", "先不惊动", "就不去叫", "就不安排", "不安排了", "我们不做", "就别想", "不做了",
    ),
    "cond": (
        "如果", "要是", "假如", "倘若", "若是", "万一", "假设", "如若", "除非", "的话", "若", "一旦", "等查清",
        "等核实", "等确认",
    ),
    "report": (
        "您说", "你说", "他说", "她说", "他们说", "有人说", "别人说", "大家说", "网上说", "听说", "据说", "您是说",
        "你是说", "您刚才说", "你刚才说", "您觉得", "你觉得", "您认为", "你认为", "您以为", "你以为", "您要求",
        "你要求", "客户说", "顾客说", "对方说", "您问", "你问", "所谓", "您的意思是", "你的意思是",
        "您的要求是", "您要的是", "开会说", "说要", "总说", "常说", "老说", "讲了", "讲过", "讲的是", "群里说",
        "网上有人", "有人在", "敢于", "勇于", "写着", "口号是", "宗旨是", "理念是", "说过要", "说过会", "跟您说会",
        "跟您说要", "跟你说会", "跟你说要",
    ),
    # A report verb preceded by these is the speaker's own voice ("跟您说", "听您说").
    "not_report": (
        "跟您说", "跟你说", "和您说", "和你说", "给您说", "对您说", "向您说", "听您说", "听你说", "您说的", "你说的",
        "您说得", "你说得", "我跟您说", "我跟你说", "我说过", "我们说过", "我们跟您说", "不瞒您说", "不瞒你说",
    ),
}
# fmt: on
# Someone on our side speaking ("店长说过，…", "老板讲，…"): what follows is their word, not the reply's.
_OUR_SPEAKERS = ("店长", "经理", "主管", "老板", "师傅", "同事", "老师", "前台", "领导", "徒弟", "医生", "护士", "客服")
_MARKERS["report"] += tuple(who + verb for who in _OUR_SPEAKERS for verb in ("说过", "讲", "说"))
# fmt: off
_FAULT_HINTS = (
    "问题", "责任", "错", "失误", "过错", "属实", "确实", "真的", "是我们", "怪我们", "我们的原因", "损坏",
    "变形", "出现任何",
)
# fmt: on
_QUOTES = re.compile(r"[“\"「『‘'《〈](.{1,40}?)[”\"」』’'》〉]")  # quoted words and titles are mentioned, not used
# "的话" followed by these is someone's words ("他刚才的话说得太冲了") or part of a word ("您的话费"), not the end of
# a condition.
_NOT_IF = re.compile(r"(?:说|讲|太|很|真|有点|是不是|听着|让人|伤人|难听|费|题|术|筒|语|剧)")
_ENDS_CLAUSE = re.compile(r"[了过]?\s*[,，:：]")
# A clause opening with these has no subject of its own.
_GOES_ON = ("还", "也", "又", "并且", "然后", "接着", "后来", "结果", "随后")
_CLAUSE_BREAK = re.compile(r"[,，、:：;；\s]")
# What may come before and after a phrase that is the topic of its clause ("赔偿这块儿，暂时给不了").
_TOPIC_HEAD = re.compile(r"\s*(?:关于|至于|说到|那|那个|这个)?\s*")
_TOPIC_TAIL = re.compile(
    r"\s*(?:这块儿?|这一块|这方面|方面|这件事|这个事|这事|的事|的事情|这种事|这个嘛|这个|什么的|嘛|呢|啊|吧)?\s*"
)
_FILLER = "我您你他她们的了呢吧啊呀哦嗯和与及也都就再还很非常先给为向把被对在会要能可以请马上一"
# Chinese characters other than function words.
_CONTENT_CHARS = frozenset(chr(cp) for cp in range(0x4E00, 0xA000)) - frozenset(_FILLER)


# Words that contain a phrase but mean something else ("我们的责任心" is no admission).
_BLOCKERS = (
    "责任心",
    "责任感",
    "责任制",
    "道歉信息",
    "核实流程",
    "核实制度",
    "跟您说",
    "和您说",
    "给您说",
    "跟你说",
    "退款流程",
    "退货流程",
    "流程图",
    "培训手册",
    "培训时",
    "培训的时候",
    "结果出来之前",
    "结果出来前",
    "调查结果出来之前",
    "调查结果出来前",
    "只要您满意",
    "只要你满意",
    "给您讲",
    "给你讲",
    "培训第一课",
)
# A phrase followed by these is mentioned, not used ("赔偿这两个字").
_MENTIONED = ("这个词", "这两个字", "这三个字", "三个字", "两个字", "这几个字", "这个说法", "的口头禅", "是口头禅")
# A mention followed this closely by someone's words is the one speaking ("店长开会说…"), not an act of the reply.
SPEAKER_GAP = 2
# Third persons: an act they did is a story, not the reply's own act, unless the reply addresses the customer.
_THIRD = (
    "他", "她", "老板", "店长", "同事", "朋友", "别人", "人家", "主持人", "领导们", "我妈", "我爸", "电影", "隔壁",
)  # fmt: skip
_LISTED = re.compile(r"[、,，\s]|补偿|赔偿|退款|退货|道歉|换货|核实|维修|回访")
_THIRD_SUBJECT = re.compile(r"(?<![告诉知醒请让给跟向帮替和对])(" + "|".join(_THIRD) + ")")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TO_THIRD = re.compile(r"(?:给|向|对|跟|和|替)(?:他|她|人)(?!们的)")
# "怎么道歉", "如何补偿": how an act is done, talked about, not done (unless asked of the customer)
_HOW = re.compile(r"(?:怎么|如何|怎样)$")
# A sentence that says the acts it names are a rule, a manual or a training topic ("…这些都写在服务手册第五页")
_RULEBOOK = re.compile(
    r"(?:这些|以上|上面这些|这几条)(?:都|全)?(?:写在|写进|是|属于|列在)[^。！？!?]{0,12}?(?:手册|规定|制度|流程|条款|合同|培训|要求)"
    r"|培训(?:的)?内容|培训课上|(?:上次|上回|以前|之前有一次|有一次)[^。！？!?]{0,6}?遇到"
)
# Titles: an escalation only when the matter goes to them, not when they speak, promise or praise
_TITLES = frozenset(
    {"经理", "主管", "店长", "领导", "负责人", "主任", "组长", "总监", "上级", "值班经理", "站长", "护士长"}
)
_TITLE_SPEAKS = re.compile(r"[\u4e00-\u9fff]{0,1}(?:说|讲|承诺|答应|表扬|批评|同意|定了|签了|交代过|吩咐)")
# Characters too common to be a slip for another of the same sound.
_COMMON = frozenset("的了是在我你您他她它们这那就都也还有不没个一很要会能说时事上下大小多少么吗呢吧啊钱")


class Mention(NamedTuple):
    """One concept found in a turn: the words, where, and how it was meant."""

    concept: str
    phrase: str
    clause: int
    position: int
    polarity: str = AFFIRMED
    via: str = ""  # the phrase it stands for when matched as a homophone slip

    @property
    def negated(self) -> bool:
        """Whether the mention does not affirm the concept."""
        return self.polarity != AFFIRMED


@dataclass(frozen=True)
class Reading:
    """A turn read: every mention with polarity, affirmed concepts with evidence, and shape measures."""

    text: str
    mentions: tuple[Mention, ...]
    said: dict[str, list[str]]
    positions: dict[str, int]
    han: int
    clauses: int
    bare_clauses: int
    density: float
    list_like: bool = field(default=False)
    by_model: frozenset[str] = field(default=frozenset())  # affirmed only by the second opinion

    def acts(self) -> set[str]:
        """Affirmed concept names."""
        return set(self.said)


class _Hit(NamedTuple):
    start: int
    end: int
    concept: str
    surface: str
    via: str = ""
    gap: bool = False


_new = tuple.__new__  # builds a NamedTuple from all its fields without the Python-level __new__


_V = TypeVar("_V")


class _Automaton(Generic[_V]):
    """Every occurrence of the words in a text, overlapping ones too, in order of their end."""

    def __init__(self, words: Mapping[str, _V]) -> None:
        self.words = [w for w in words if w]
        self.values = [words[w] for w in self.words]
        self._ac = ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.Standard)

    def find(self, text: str) -> list[tuple[int, int, _V]]:
        """(start, end, value) of every occurrence."""
        values = self.values
        return [(start, end, values[i]) for i, start, end in self._ac.find_matches_as_indexes(text, overlapping=True)]

    def indexes(self, text: str) -> list[tuple[int, int, int]]:
        """(index into values, start, end) of every occurrence."""
        return self._ac.find_matches_as_indexes(text, overlapping=True)


@cache
def _marker_automaton() -> _Automaton[str]:
    words: dict[str, str] = {}
    for kind, listed in _MARKERS.items():
        for w in listed:
            words[w] = kind  # a word listed twice keeps its last kind
    return _Automaton(words)


def _char_pinyin(ch: str) -> str:
    """The plain reading of a character (itself when not Chinese)."""
    return ch if not _HAN.match(ch) else str(pinyin(ch, style=Style.NORMAL, heteronym=False)[0][0])


@cache
def _by_sound() -> dict[str, tuple[str, ...]]:
    """Common characters (GB 2312 level 1) by their plain reading, without characters too common to be slips."""
    out: dict[str, list[str]] = {}
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                ch = bytes([high, low]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if ch not in _COMMON:
                out.setdefault(_char_pinyin(ch), []).append(ch)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _slips(phrase: str) -> tuple[str, ...]:
    """The phrase written with one character (two, in a two-character phrase) replaced by another of the same
    sound, leaving out real words ("合适" is no slip for "核实") and keeping at least one character right in
    longer phrases."""
    if len(phrase) < 2 or not all(_HAN.match(ch) for ch in phrase):
        return ()
    sounds = _by_sound()
    options = [tuple(c for c in sounds.get(_char_pinyin(ch), ()) if c != ch) for ch in phrase]
    out: set[str] = set()
    for i, alts in enumerate(options):
        for alt in alts:
            out.add(phrase[:i] + alt + phrase[i + 1 :])
    if len(phrase) == 2:
        out |= {a + b for a in options[0] for b in options[1]}
    words = lexicon()
    return tuple(sorted(v for v in out if v not in words))


def _markers(text: str) -> list[tuple[int, int, str]]:
    """Function words in the text, longest first at each position, not overlapping."""
    found: dict[int, tuple[int, str]] = {}
    auto = _marker_automaton()
    kinds = auto.values
    for i, start, end in auto.indexes(text):
        if start not in found or end > found[start][0]:
            found[start] = (end, kinds[i])
    out: list[tuple[int, int, str]] = []
    reach = 0
    for start in sorted(found):
        end, kind = found[start]
        if start < reach:
            continue
        out.append((start, end, kind))
        reach = end
    return out


def _condition_span(
    t: str, sentence: tuple[int, int], in_sentence: list[tuple[int, int, str]]
) -> tuple[int, int, bool] | None:
    """A sentence's if-part (start, end) and whether it is a condition on whose fault it is; None if no condition.

    A mention in the if-part is conditional; so is one in the then-part of a condition on fault
    ("如果是我们的问题，我们会道歉").
    """
    s0, s1 = sentence
    conds = [m for m in in_sentence if m[2] == "cond"]
    if not conds:
        return None
    lead = [m for m in conds if t[m[0] : m[1]] != "的话"]
    tails = [m for m in conds if t[m[0] : m[1]] == "的话" and not _NOT_IF.match(t, m[1])]
    if not lead and not tails:
        return None
    if lead:
        first = lead[0][0]
        rest = t[first:s1]
        ends = [rest.find(w) for w in (",", "，", "就", "那", "我们会", "我会", "再")]
        cut = min((e for e in ends if e > 0), default=len(rest))
        if_end = first + cut
        later = [m for m in tails if m[0] > first]
        if later and later[0][0] <= if_end:
            if_end = later[0][1]
    else:
        first, if_end = s0, tails[0][1]
    return first, if_end, any(w in t[first:if_end] for w in _FAULT_HINTS)


@lru_cache(maxsize=64)
def _slip_automaton(
    pairs: tuple[tuple[str, str], ...], exact: frozenset[str]
) -> _Automaton[tuple[tuple[str, str], ...]] | None:
    """Every slip variant of the phrases, to the concepts and phrases it stands for."""
    slips: dict[str, list[tuple[str, str]]] = {}
    for name, phrase in pairs:
        for variant in _slips(phrase):
            if variant not in exact:
                slips.setdefault(variant, []).append((name, phrase))
    if not slips:
        return None
    return _Automaton({v: tuple(e) for v, e in slips.items()})


# A sentence: a run between sentence ends. A clause: a run between clause breaks or sentence ends (so never
# across a sentence end), also ending before a conjunction; the same spans as splitting by sentence ends and then
# each sentence by clause breaks.
_SENTENCE = re.compile(r"[^。！？!?;；\n]+")
_RUN = re.compile(r"[^,，、:：\s。！？!?;；]+")
_CONJUNCTION = re.compile(r"(?=但是|可是|不过|然而|而且|并且|同时|另外|然后|所以|因此)")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
# Markers that still count inside a phrase: a breaker ends a negation's reach, a rhetorical word makes the whole
# sentence rhetorical ("我们哪里说过一定能送到？").
_KEPT_INSIDE = frozenset({"breaker", "rhetorical", "report"})
_RUDE_IF_ASKED = COURTESY_ACTS | {RESPONSIBILITY}


def _hit_order(h: _Hit) -> tuple[int, int, str]:
    return (h.start, h.start - h.end, h.concept)


def _mention_order(m: Mention) -> tuple[int, str]:
    return (m.position, m.concept)


# Question words that ask for facts: a question with one of them asks about the matter even without "您".
_ASKS = re.compile(r"怎么|多久|多长|哪|几|什么|啥|多少|是不是|有没有|是否|还有[\u4e00-\u9fff]{1,4}吗|了吗|了吧")
_TROUBLE = re.compile(r"不|没|坏|问题|故障|毛病|错|疼|痛|漏|丢|破|异响")
_LIST_GAP = re.compile(r"[、和及与]|[\u4e00-\u9fff]{1,3}(?=、)")


def _listed_after(mentions: list[Mention], t: str) -> list[Mention]:
    """A phrase listed after a reported one ("讲的是道歉、解释、补偿") is reported too."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        listed = (
            prev is not None
            and prev.polarity == REPORTED
            and m.polarity == AFFIRMED
            and "、" in (gap := t[prev.position + len(prev.phrase) : m.position])
            and not _LIST_GAP.sub("", gap)
        )
        out.append(m._replace(polarity=REPORTED) if listed else m)
    return out


def _titles_as_people(mentions: list[Mention], t: str) -> list[Mention]:
    """A title that speaks, promises or praises ("我们经理说了", "被经理表扬") is a person in the story: the matter
    is not passed to them."""
    out = []
    for m in mentions:
        if m.concept == "escalate_properly" and m.phrase in _TITLES:
            end = m.position + len(m.phrase)
            if t[m.position - 1 : m.position] == "被" or _TITLE_SPEAKS.match(t, end):
                continue
        out.append(m)
    return out


def _free_fix(mentions: list[Mention]) -> list[Mention]:
    """ "免费" said of the fix itself ("免费给您重做", "这次维修免费") makes the fix free, nothing extra: it is no
    compensation on its own."""
    fixes = {m.clause for m in mentions if m.concept == "solution" and m.polarity == AFFIRMED}
    if not fixes:
        return mentions
    return [m for m in mentions if not (m.concept == "compensation" and m.phrase == "免费" and m.clause in fixes)]


def _refused(mentions: list[Mention], faults: frozenset[str]) -> list[Mention]:
    """An act followed in its clause by a refusal is refused ("赔偿的事情我这边说了不算")."""
    denials = [m for m in mentions if m.concept == DENY and m.polarity == AFFIRMED]
    if not denials:
        return mentions
    return [
        m._replace(polarity=NEGATED)
        if m.polarity == AFFIRMED
        and m.concept not in faults
        and any(d.clause == m.clause and 0 <= d.position - m.position - len(m.phrase) <= AFTER_WINDOW for d in denials)
        else m
        for m in mentions
    ]


def _listed_these(t: str, end: int, stop: int) -> bool:
    """Whether "这些" follows the phrase with only other listed phrases in between ("补偿、道歉这些")."""
    these = t.find("这些", end, stop)
    return these >= 0 and not _HAN.search(_LISTED.sub("", t[end:these]))


_RESULT = frozenset("去来出到完懂清起动住掉开上下回过见着成进")


def _complement(t: str, m: tuple[int, int, str]) -> bool:
    """A 不 or 没 inside a verb ("进不去", "练不出", "到没到"): it negates no fault that follows."""
    m0, m1, kind = m
    if kind != "neg" or m1 - m0 != 1 or m0 == 0 or m1 >= len(t):
        return False
    before, after = t[m0 - 1], t[m1]
    return after == before or (after in _RESULT and before not in _FILLER and "\u4e00" <= before <= "\u9fff")


_COMPARED = re.compile(r"(?:有)?(?:您|你|他|她|我|人家|别人)?(?:这么|那么)")


def _compares(t: str, m: tuple[int, int, str]) -> bool:
    """A 没 that compares ("别人都没您这么多事"): it negates nothing that follows."""
    m0, m1, kind = m
    return kind == "neg" and t.startswith("没", m0) and _COMPARED.match(t, m1) is not None


def _negations(markers: list[tuple[int, int, str]], lo: int, hi: int, start: int, window: int = NEGATION_WINDOW) -> int:
    """How many negations come right before a mention: markers[lo:hi] are the clause's markers that start before
    it; counted back from the mention while each is within NEGATION_WINDOW of the next and no breaker intervenes."""
    count = 0
    for j in range(hi - 1, lo - 1, -1):
        _, m1, kind = markers[j]
        if m1 > start:
            continue
        if start - m1 > window or kind == "breaker":
            break
        if kind in {"neg", "after_neg"}:
            count += 1
    return count


class _Layout(NamedTuple):
    """What a text's shape says, whatever concepts are looked for: sentences, clauses, questions, quotes, markers."""

    sentences: list[tuple[int, int]]
    clauses: list[tuple[int, int, int]]  # start, end, sentence
    starts: list[int]  # clause starts
    asks: list[bool]  # per sentence: reads as a question
    spans: list[tuple[int, int, bool]]  # sentence start, end, reads as a question
    quotes: list[tuple[int, int]]
    markers: list[tuple[int, int, str]]  # outside quotes
    han: int
    these: bool
    third: bool
    shapes: list[Shape]


def _clause_spans(t: str) -> list[tuple[int, int]]:
    """Runs between clause breaks, each cut again where a conjunction starts (not at its first character)."""
    runs = [m.span() for m in _RUN.finditer(t)]
    cuts = [m.start() for m in _CONJUNCTION.finditer(t)]
    if not cuts:
        return runs
    out: list[tuple[int, int]] = []
    for a, b in runs:
        left = a
        for c in cuts[bisect_right(cuts, a) : bisect_left(cuts, b)]:
            out.append((left, c))
            left = c
        out.append((left, b))
    return out


def _third_acts(t: str, s0: int, c0: int) -> bool:
    """Whether a third person does something in the sentence before c0 (an address such as "各位老板" does not),
    with no word to the customer there."""
    earlier = t[s0:c0]
    if "您" in earlier or "你" in earlier:
        return False
    for m in _THIRD_SUBJECT.finditer(earlier):
        rest = _CLAUSE_BREAK.split(earlier[m.end() :], maxsplit=1)[0]
        if len(_HAN.findall(rest)) >= 2:
            return True
    return False


def _next_clause(lay: _Layout, after: int, sentence: int) -> tuple[int, int] | None:
    """The clause that starts at or after `after` in the same sentence, if any."""
    i = bisect_left(lay.starts, after)
    if i < len(lay.clauses) and lay.clauses[i][2] == sentence:
        return lay.clauses[i][0], lay.clauses[i][1]
    return None


def _has_kind(markers: list[tuple[int, int, str]], lo: int, hi: int, kind: str) -> bool:
    """Whether markers[lo:hi] hold one of this kind."""
    return any(markers[j][2] == kind for j in range(lo, hi))


def _counts_before(markers: list[tuple[int, int, str]], size: int) -> list[int]:
    """For every position p below size, how many markers start before p (the markers do not overlap)."""
    first_at = bytearray(size)
    for m in markers:
        first_at[m[0] + 1] = 1
    return list(accumulate(first_at))


@lru_cache(maxsize=READ_CACHE)
def _layout(t: str) -> _Layout:
    sentences = [m.span() for m in _SENTENCE.finditer(t) if not m.group().isspace()] or [(0, len(t))]
    sentence_starts = [s0 for s0, _ in sentences]
    clauses = [(a, b, bisect_right(sentence_starts, a) - 1) for a, b in _clause_spans(t)]
    asks = [t[s1 : s1 + 1] in ("?", "？") or t[s0:s1].rstrip().endswith(("吗", "么", "呢")) for s0, s1 in sentences]
    quotes = [(m.start(1), m.end(1)) for m in _QUOTES.finditer(t)]
    markers = _markers(t)
    if quotes:
        markers = [m for m in markers if not any(q0 <= m[0] < q1 for q0, q1 in quotes)]
    return _Layout(
        sentences,
        clauses,
        [c[0] for c in clauses],
        asks,
        [(s0, s1, a) for (s0, s1), a in zip(sentences, asks, strict=True)],
        quotes,
        markers,
        len(_NOT_HAN.sub("", t)),
        "这些" in t,
        any(w in t for w in _THIRD),
        shapes(t),
    )


class ConceptMatcher:
    """Finds concepts in text on characters, each mention with its polarity; one automaton per matcher."""

    def __init__(
        self,
        concepts: Mapping[str, Iterable[str]],
        faults: Iterable[str] = (RUDE, "blame_customer", DENY, SARCASM),
        ask_ok: Iterable[str] = (),
        shared: Iterable[str] = (),
    ) -> None:
        """concepts: name -> phrases; faults: names of faults; ask_ok: acts that count as questions too;
        shared: concepts every scenario has (their slip table is built once per process)."""
        shared = frozenset(shared)
        self.concepts = {
            name: tuple(GAP.join(normalise(part) for part in p.split(GAP)) for p in phrases)
            for name, phrases in concepts.items()
        }
        self.faults = frozenset(faults) & set(self.concepts)
        self.ask_ok = frozenset(ask_ok)
        heads: dict[str, list[tuple[str, str]]] = {}
        shared_pairs: list[tuple[str, str]] = []
        own_pairs: list[tuple[str, str]] = []
        for name, phrases in self.concepts.items():
            for phrase in phrases:
                head, _, tail = phrase.partition(GAP)
                heads.setdefault(head, []).append((name, tail))
                if not tail and name not in self.faults:
                    (shared_pairs if name in shared else own_pairs).append((name, phrase))
        exact = frozenset(p.partition(GAP)[0] for phrases in self.concepts.values() for p in phrases)
        shared_exact = frozenset(
            p.partition(GAP)[0] for name, phrases in self.concepts.items() if name in shared for p in phrases
        )
        for word in _BLOCKERS:
            heads.setdefault(word, []).append(("", ""))
        self._auto = _Automaton({head: (head, tuple(entries)) for head, entries in heads.items()})
        # The shared concepts' slips are the same for every scenario: built once per process.
        self._read = lru_cache(maxsize=READ_CACHE)(self._read_text)
        self._pinned: dict[str, Reading] = {}  # fixed content (choice options), read once and never forgotten
        self._slip_autos = [
            a
            for a in (_slip_automaton(tuple(shared_pairs), shared_exact), _slip_automaton(tuple(own_pairs), exact))
            if a
        ]

    def _hits(self, text: str, clause_end: Callable[[int], int], found: list[Shape]) -> list[_Hit]:
        hits: list[_Hit] = []
        blocks: list[tuple[int, int]] = []
        values = self._auto.values
        for i, start, end in self._auto.indexes(text):
            head, entries = values[i]
            for name, tail in entries:
                if not tail:
                    if name:
                        hits.append(_new(_Hit, (start, end, name, head, "", False)))
                    else:
                        blocks.append((start, end))
                    continue
                limit = min(clause_end(start), end + GAP_WIDTH + len(tail))
                at = text.find(tail, end, limit)
                if at >= 0:
                    hits.append(_new(_Hit, (start, at + len(tail), name, text[start : at + len(tail)], "", True)))
        if blocks:
            hits = [h for h in hits if not any(b0 < h.end and h.start < b1 for b0, b1 in blocks)]
        if found:
            hits += self._shaped(found, hits)
        hits += self._homophones(text, hits)
        # A mention inside a longer one ("我们的责任" in "不是我们的责任") is part of it, not a second mention.
        hits.sort(key=_hit_order)
        faults = self.faults
        kept: list[_Hit] = []
        open_: list[_Hit] = []  # kept hits that may still contain later ones (sorted by start)
        seen: set[tuple[int, int, str]] = set()
        reach = -1  # the furthest end of a kept hit: a hit starting there or later is inside none
        for h in hits:
            start, end, concept = h[0], h[1], h[2]
            key = (start, end, concept)
            if key in seen:
                continue
            if reach > start:
                open_ = [k for k in open_ if k.end > start]
                fault = concept in faults
                size = end - start
                inside = False
                for k in open_:
                    if (
                        end <= k.end
                        and (k.end - k.start) > size
                        and not k.gap
                        and TIMELINE not in (k.concept, concept)
                        and not (fault and k.concept not in faults)
                    ):
                        inside = True
                        break
                if inside:
                    continue
            else:
                open_ = []
            seen.add(key)
            kept.append(h)
            open_.append(h)
            reach = max(reach, end)
        return kept

    def _shaped(self, found: list[Shape], hits: list[_Hit]) -> list[_Hit]:
        """Concepts shown by sentence shapes, where no phrase of the same concept already covers the words."""
        out: list[_Hit] = []
        taken: dict[str, list[tuple[int, int]]] = {}
        for h in hits:
            taken.setdefault(h.concept, []).append((h.start, h.end))
        concepts = self.concepts
        for s in found:
            if s.concept not in concepts:
                continue
            spans = taken.setdefault(s.concept, [])
            if any(a < s.end and s.start < b for a, b in spans):
                continue
            spans.append((s.start, s.end))
            out.append(_new(_Hit, (s.start, s.end, s.concept, s.words, SOFT_SHAPE if s.soft else SHAPE, True)))
        return out

    def _homophones(self, text: str, exact: list[_Hit]) -> list[_Hit]:
        """Phrases written with a wrong character of the same sound ("报歉"), unless the words are real words."""
        found = [f for auto in self._slip_autos for f in auto.find(text)]
        if not found:
            return []
        covered = bytearray(len(text) + 1)
        for h in exact:
            covered[h.start : h.end] = b"\x01" * (h.end - h.start)
        out = []
        words = lexicon()
        for first, end, entries in found:
            if covered.find(1, first, end) >= 0:
                continue
            variant = text[first:end]
            for name, phrase in entries:
                # a wrong character that makes a real word with its neighbour is no slip ("婚礼|可以" for 立刻)
                if (variant[0] != phrase[0] and any(text[max(0, first - k) : first + 1] in words for k in (1, 2))) or (
                    variant[-1] != phrase[-1] and any(text[end - 1 : end + k] in words for k in (1, 2))
                ):
                    continue
                out.append(_new(_Hit, (first, end, name, variant, phrase, False)))
        return out

    def read(self, text: str) -> Reading:
        """Every mention with its polarity, the affirmed concepts with their words, and the shape of the text.

        Readings are kept for the last READ_CACHE normalised texts (replies repeat: reruns, replays, classes);
        pinned texts are read once for the matcher's life."""
        pinned = self._pinned.get(text)
        return pinned if pinned is not None else self._read(normalise(text))

    def pin(self, texts: Iterable[str]) -> None:
        """Read fixed texts now (a scenario's choice options) and keep their readings for good."""
        for text in texts:
            self._pinned[text] = self._read_text(normalise(text))

    def forget(self) -> None:
        """Empty the cache of readings (pinned ones stay: they are content, not replies)."""
        self._read.cache_clear()
        _layout.cache_clear()

    def _read_text(self, t: str) -> Reading:
        lay = _layout(t)
        clauses, starts = lay.clauses, lay.starts
        size = len(t)

        def clause_end(pos: int) -> int:
            return clauses[max(0, bisect_right(starts, pos) - 1)][1] if clauses else size

        hits = self._hits(t, clause_end, lay.shapes)
        all_markers = lay.markers
        markers = all_markers
        if hits:
            inside = bytearray(size + 1)
            for h in hits:
                if h.via not in (SHAPE, SOFT_SHAPE):  # a shape's own words still count as markers ("…说了不算")
                    inside[h.start : h.end] = b"\x01" * (h.end - h.start)
            markers = [m for m in all_markers if m[2] in _KEPT_INSIDE or inside.find(1, m[0], m[1]) < 0]
        before = _counts_before(markers, size + AFTER_WINDOW + 2)
        info: dict[int, tuple[bool, tuple[int, int, bool] | None, bool]] = {}
        faults = self.faults
        mentions: list[Mention] = []
        polarity = self._polarity
        for h in hits:
            ci = max(0, bisect_right(starts, h.start) - 1)
            c0, c1, si = clauses[ci] if clauses else (0, size, 0)
            how = polarity(t, lay, h, c0, c1, si, markers, before, info)
            mentions.append(_new(Mention, (h.concept, h.surface, ci, h.start, how, h.via)))
        mentions = _titles_as_people(_free_fix(_refused(_listed_after(mentions, t), self.faults)), t)
        mentions += self._second_opinion(t, clauses, mentions)
        mentions = self._derive(mentions, all_markers, t, lay.spans)
        said: dict[str, list[str]] = {}
        first: dict[str, int] = {}
        for m in mentions:
            if m.polarity != AFFIRMED:
                continue
            words = said.get(m.concept)
            if words is None:
                words = said[m.concept] = []
                first[m.concept] = m.position
            if m.phrase not in words:
                words.append(m.phrase)
        han = lay.han
        # a shape is a construction, never a bare keyword, and the second opinion names no words: neither makes a
        # reply read as a list
        positive = [m for m in mentions if m.concept not in faults and m.via not in (SHAPE, SOFT_SHAPE, MODEL)]
        spots = {m.position for m in positive}
        bare = 0
        if len(spots) >= LIST_MIN:
            masked = list(t)
            for m in positive:
                masked[m.position : m.position + len(m.phrase)] = " " * len(m.phrase)
            places = sorted(spots)
            for a, b, _ in clauses:
                # a clause with a phrase and at most one other Chinese character besides function words
                if bisect_left(places, b) > bisect_left(places, a):
                    other = 0
                    for ch in masked[a:b]:
                        if ch in _CONTENT_CHARS:
                            other += 1
                            if other > 1:
                                break
                    else:
                        bare += 1
        density = 10 * len(spots) / max(han, 1) if han >= LIST_SHORT else 0.0
        listed = bare >= LIST_MIN and bare * 2 >= len(clauses)
        list_like = len(spots) >= LIST_MIN and (density >= LIST_DENSITY or listed)
        by_model = {k for k in said if all(m.via == MODEL for m in mentions if m.concept == k and not m.negated)}
        acts = sum(1 for k in said if k not in faults and k not in by_model)
        # every act in a few characters: a string of stock fragments, however well each is phrased
        list_like = list_like or (acts >= ACTS_MANY and acts * 10 >= ACTS_DENSITY * max(han, 1))
        if list_like:  # a keyword list earns no act on the model's word either
            dropped = {k for k in by_model if k not in faults}
            mentions = [m for m in mentions if not (m.via == MODEL and m.concept in dropped)]
            said = {k: v for k, v in said.items() if k not in dropped}
            first = {k: v for k, v in first.items() if k not in dropped}
            by_model -= dropped
        return Reading(
            t, tuple(mentions), said, first, han, len(clauses), bare, round(density, 2), list_like, frozenset(by_model)
        )

    def _second_opinion(self, t: str, clauses: list[tuple[int, int, int]], mentions: list[Mention]) -> list[Mention]:
        """Concepts the model finds that the reader did not, each shown by its clause. A fault where the reader
        found none of it (the model reads negation itself: "这不是您的错" is no blame to it either); an act only
        where the reader saw no words of it at all, so a refusal, a condition or someone else's words the reader
        recognised ("补偿是不可能的", "如果…我们会道歉") are never overruled."""
        found = {m.concept for m in mentions if m.polarity == AFFIRMED}
        seen = {m.concept for m in mentions}
        wanted = {c for c in self.concepts if c not in (found if c in self.faults else seen)}
        out = []
        for v in verdicts(t, clauses, wanted):
            c0, c1 = clauses[v.clause][:2] if clauses else (0, len(t))
            out.append(Mention(v.concept, t[c0:c1].strip() or t, v.clause, c0, AFFIRMED, MODEL))
        return out

    def _polarity(
        self,
        t: str,
        lay: _Layout,
        h: _Hit,
        c0: int,
        c1: int,
        si: int,
        markers: list[tuple[int, int, str]],
        before: list[int],
        info: dict[int, tuple[bool, tuple[int, int, bool] | None, bool]],
    ) -> str:
        """How the mention is meant, from the function words around it, its clause and its sentence."""
        start, end = h.start, h.end
        if lay.quotes and any(q0 <= start and end <= q1 for q0, q1 in lay.quotes):
            return REPORTED
        lo, hi = before[c0], before[start]  # the clause's markers that start before the mention
        if h.concept in self.faults:
            # Faults are only negated by a negation before them.
            negations = [m for m in markers[lo:hi] if not _complement(t, m) and not _compares(t, m)]
            if t.startswith("是", start):  # "是您自己…" is negated only by "不是": "锁没关好是您自己的问题" blames
                negations = [m for m in negations if m[1] == start]
            return NEGATED if _negations(negations, 0, len(negations), start, FAULT_NEGATION_WINDOW) % 2 else AFFIRMED
        s0, s1 = lay.sentences[si]
        if t.startswith(_MENTIONED, end) or (lay.these and _listed_these(t, end, s1)) or "口头禅" in t[end:s1]:
            return REPORTED
        after = before[end]
        for j in range(after, before[end + SPEAKER_GAP + 1]):
            m0, m1, kind = markers[j]
            if kind == "report" and "您" not in t[m0:m1] and "你" not in t[m0:m1]:
                return REPORTED
        clause = t[c0:c1]
        to_customer = "您" in clause or "你" in clause
        if lay.third and not to_customer and "您" not in (lead := t[c0:start]) and "你" not in lead:
            if _THIRD_SUBJECT.search(lead):
                return REPORTED
            # a clause opening with an adverb goes on with the sentence's subject ("老板抽奖…，还向员工道歉了")
            if lead.startswith(_GOES_ON) and "我" not in lead and _third_acts(t, s0, c0):
                return REPORTED
        for j in range(lo, hi):
            if markers[j][2] == "report" and markers[j][1] <= start:
                return REPORTED
        if not to_customer and _TO_THIRD.search(t, c0, c1):
            return REPORTED  # done to a third person ("后来店长给他赔礼道歉")
        if not to_customer:
            # what follows "老师讲了，" in the sentence is what was said, unless it speaks to the customer
            for j in range(before[s0], lo):
                m0, m1, kind = markers[j]
                if kind == "report" and _ENDS_CLAUSE.match(t, m1):
                    return REPORTED
        sentence = info.get(si)
        if sentence is None:
            ins = markers[before[s0] : before[s1]]
            sentence = info[si] = (
                any(k == "rhetorical" for _, _, k in ins),
                _condition_span(t, (s0, s1), ins),
                lay.asks[si] if lay.asks else False,
            )
        rhetorical, condition, asked = sentence
        if rhetorical:
            return RHETORICAL
        if _RULEBOOK.search(t, s0, s1) or (not asked and _HOW.search(t, max(c0, start - 2), start)):
            return REPORTED
        if condition is not None and (condition[0] <= start < condition[1] or (start >= condition[1] and condition[2])):
            return CONDITIONAL
        if hi > lo and _negations(markers, lo, hi, start) % 2:
            return NEGATED
        if _has_kind(markers, after, before[min(c1, end + AFTER_WINDOW)], "after_neg"):
            return NEGATED
        if (
            _TOPIC_HEAD.fullmatch(t, c0, start)
            and _TOPIC_TAIL.fullmatch(t, end, c1)
            and (n := _next_clause(lay, c1, si)) is not None
            # the phrase is the topic and the next clause says what becomes of it ("赔偿这块儿，暂时给不了")
            and _has_kind(markers, before[n[0]], before[min(n[1], n[0] + AFTER_WINDOW)], "after_neg")
        ):
            return NEGATED
        if asked and _NOT_HAN.sub("", t[s0:s1]) == _NOT_HAN.sub("", h.surface):
            return QUESTION  # the phrase alone, asked back ("补偿？"): no offer
        if h.concept in self.ask_ok:
            return AFFIRMED
        if _has_kind(markers, lo, before[c1], "anota"):
            return QUESTION
        if asked and not _HAN.search(t, c1, s1):
            return QUESTION
        return AFFIRMED

    def _derive(
        self,
        mentions: list[Mention],
        markers: list[tuple[int, int, str]],
        t: str,
        asks: list[tuple[int, int, bool]],
    ) -> list[Mention]:
        """Acts that follow from others: denying responsibility, dismissive questions, sarcasm and rudeness."""
        out = list(mentions)
        concepts, faults = self.concepts, self.faults
        pushes = [
            m for m in out if m.concept == DENY and (m.via in (SOFT_SHAPE, MODEL) or names_another_party(m.phrase))
        ]
        if pushes and any(m.concept in TAKING_ON and m.polarity == AFFIRMED for m in out):
            out = [m for m in out if m not in pushes]  # "是快递的问题，但我马上帮您追" takes the matter on
        for m in mentions:
            if m.polarity == NEGATED and m.concept == RESPONSIBILITY and DENY in concepts:
                out.append(Mention(DENY, m.phrase, m.clause, m.position))
            if m.polarity == RHETORICAL and m.concept in _RUDE_IF_ASKED and RUDE in concepts:
                out.append(Mention(RUDE, m.phrase, m.clause, m.position))
        said_faults = {m.concept for m in out if m.polarity == AFFIRMED and m.concept in faults}
        if not said_faults and LISTEN in concepts:
            doubted = any(m.polarity in (QUESTION, RHETORICAL) for m in out)
            if not doubted and not any(m.concept == LISTEN and m.polarity == AFFIRMED for m in out):
                for s0, s1, asked in asks:
                    said_to = "您" in t[s0:s1] or "你" in t[s0:s1]
                    # a question to the customer, or for facts ("楼上漏水大概多久了？"); "请问" without the
                    # customer asks about the matter only when it names a trouble ("请问是哪只眼看不清？", not
                    # "请问洗手间在哪里？")
                    for_facts = _ASKS.search(t, s0, s1) and ("请问" not in t[s0:s1] or _TROUBLE.search(t, s0, s1))
                    if not asked or not (said_to or for_facts):
                        continue
                    other = any(k in ("rhetorical", "report") for m0, _, k in markers if s0 <= m0 < s1)
                    other = other or any(s0 <= m.position < s1 for m in out)
                    if not other:
                        out.append(Mention(LISTEN, t[s0:s1], 0, s0))
                        break
        if SARCASM in said_faults:
            out = [
                Mention(m.concept, m.phrase, m.clause, m.position, SARCASTIC, m.via)
                if m.polarity == AFFIRMED and m.concept not in faults
                else m
                for m in out
            ]
        elif said_faults - {DENY}:
            out = [
                Mention(m.concept, m.phrase, m.clause, m.position, INSINCERE, m.via)
                if m.polarity == AFFIRMED and m.concept in COURTESY_ACTS
                else m
                for m in out
            ]
        # the second opinion only speaks where the reader found nothing of that fault, derived ones included
        by_reader = {m.concept for m in out if m.polarity == AFFIRMED and m.via != MODEL}
        out = [m for m in out if not (m.via == MODEL and m.concept in by_reader)]
        out.sort(key=_mention_order)
        return out

    def mentions(self, text: str) -> list[Mention]:
        """Every concept mention, in reading order."""
        return list(self.read(text).mentions)

    def said(self, text: str) -> dict[str, list[str]]:
        """Concepts affirmed in the text, with the words that show it."""
        return self.read(text).said
