"""Read free Chinese text as people mean it: concepts per clause, each with its polarity.

Matching is on characters with an Aho-Corasick automaton built per matcher, so nothing another scenario or
another part of the process loaded can change a result. Each mention gets a polarity: affirmed, negated
(before or after the phrase), question, rhetorical, conditional, reported (quoted or someone else's words),
sarcastic (the turn carries a sarcasm marker) or insincere (a polite word in a rude turn).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

import ahocorasick
from pypinyin import Style, pinyin

from grading.text import han_count, lexicon, normalise

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
AFTER_WINDOW = 8
# A turn reads as a keyword list with this many mentions and either this many per ten characters or mostly
# clauses that are a bare phrase.
LIST_MIN = 4
LIST_DENSITY = 2.5
LIST_SHORT = 16  # shorter replies are too short for a density to mean anything
COURTESY_ACTS = frozenset({"apology", "empathy", "thanks"})
RESPONSIBILITY = "take_responsibility"
DENY = "deny_responsibility"
RUDE = "rude"
SARCASM = "sarcasm"
TIMELINE = "timeline"
LISTEN = "listen"
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
        "避免", "不让", "无忧", "没问题", "没有问题", "没毛病",
    ),
    "breaker": ("是", "就是", "都是", "所以", "因此", "而且", "然后", "因为", "才", "只要", "马上", "一定", "肯定"),
    "anota": (
        "是不是", "能不能", "要不要", "可不可以", "有没有", "会不会", "好不好", "行不行", "对不对", "愿不愿意",
        "方不方便", "需不需要", "用不用", "想不想", "合不合适", "满不满意",
    ),
    "rhetorical": (
        "难道", "凭什么", "干嘛", "干什么用", "何必", "哪有", "怎么可能", "有什么用", "有用吗", "有啥用", "还用说",
        "岂不是", "至于吗", "有意思吗", "又能怎样", "能怎么样", "管用吗", "为什么要", "凭啥", "有必要",
    ),
    # Negate a phrase they follow ("补偿是不可能的"); also negators before one ("不会给您退款").
    "after_neg": (
        "是不可能", "不可能", "不了", "没门", "免谈", "别想", "想都别想", "做不到", "办不到", "没用", "没有用",
        "不存在", "没戏", "不行", "不会有", "没有的", "就算了", "不现实", "不予", "没必要", "不用想", "省省吧",
        "没有可能", "没有必要", "不会给", "排不上", "没法确定", "暂时没法", "不上了", "给不了", "不可以",
        "不太现实", "不太可能", "不太行",
    ),
    "cond": ("如果", "要是", "假如", "倘若", "若是", "万一", "假设", "如若", "除非", "的话", "若"),
    "report": (
        "您说", "你说", "他说", "她说", "他们说", "有人说", "别人说", "大家说", "网上说", "听说", "据说", "您是说",
        "你是说", "您刚才说", "你刚才说", "您觉得", "你觉得", "您认为", "你认为", "您以为", "你以为", "您要求",
        "你要求", "客户说", "顾客说", "对方说", "您问", "你问", "所谓", "您的意思是", "你的意思是",
        "您的要求是", "您要的是", "开会说", "说要",
    ),
    # A report verb preceded by these is the speaker's own voice ("跟您说", "听您说").
    "not_report": (
        "跟您说", "跟你说", "和您说", "和你说", "给您说", "对您说", "向您说", "听您说", "听你说", "您说的", "你说的",
        "您说得", "你说得",
    ),
}
# fmt: on
_FAULT_HINTS = ("问题", "责任", "错", "失误", "过错", "属实", "确实", "真的", "是我们", "怪我们", "我们的原因")
_SENTENCE_END = re.compile(r"[。！？!?;；\n]+")
_CLAUSE_BREAK = re.compile(r"[,，、:：\s]+|(?=但是|可是|不过|然而|而且|并且|同时|另外|然后|所以|因此)")
_QUOTES = re.compile(r"[“\"「『‘'](.{1,40}?)[”\"」』’']")
_ENDS_AS_QUESTION = re.compile(r"(吗|么|呢)\s*$")
_FILLER = re.compile(r"[我您你他她们的了呢吧啊呀哦嗯和与及也都就再还很非常先给为向把被对在会要能可以请马上一]")
# Words that contain a phrase but mean something else ("我们的责任心" is no admission).
_BLOCKERS = ("责任心", "责任感", "责任制", "道歉信息", "核实流程", "核实制度", "跟您说", "和您说", "给您说", "跟你说")
# A phrase followed by these is mentioned, not used ("赔偿这两个字").
_MENTIONED = ("这个词", "这两个字", "这三个字", "三个字", "两个字", "这几个字", "这个说法")
# Third persons: an act they did is a story, not the reply's own act, unless the reply addresses the customer.
_THIRD = ("他", "她", "老板", "店长", "同事", "朋友", "别人", "人家", "主持人", "领导们")
_LISTED = re.compile(r"[、,，\s]|补偿|赔偿|退款|退货|道歉|换货|核实|维修|回访")
_THIRD_SUBJECT = re.compile(r"(?<![告诉知醒请让给跟向帮替和对])(" + "|".join(_THIRD) + ")")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Characters too common to be a slip for another of the same sound.
_COMMON = frozenset("的了是在我你您他她它们这那就都也还有不没个一很要会能说时事上下大小多少么吗呢吧啊")


@dataclass(frozen=True)
class Mention:
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


@cache
def _marker_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for kind, words in _MARKERS.items():
        for w in words:
            auto.add_word(w, (w, kind))
    auto.make_automaton()
    return auto


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
    for end, (word, kind) in _marker_automaton().iter(text):
        start = end - len(word) + 1
        if start not in found or len(word) > found[start][0] - start:
            found[start] = (end + 1, kind)
    out: list[tuple[int, int, str]] = []
    reach = 0
    for start in sorted(found):
        end, kind = found[start]
        if start < reach:
            continue
        out.append((start, end, kind))
        reach = end
    return out


def _spans(text: str, pattern: re.Pattern[str], base: int = 0) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in pattern.finditer(text):
        if m.start() > start:
            spans.append((base + start, base + m.start()))
        start = max(start, m.end())
    if start < len(text):
        spans.append((base + start, base + len(text)))
    return [s for s in spans if text[s[0] - base : s[1] - base].strip()]


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
    tails = [m for m in conds if t[m[0] : m[1]] == "的话"]
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


_SOUND_LOCK = threading.Lock()


@cache
def _sound_codes() -> tuple[dict[int, str], dict[str, str]]:
    """Characters slips are made of to one private-use character per reading, and the readings to their codes.

    Starts with GB 2312 level 1; the slip tables add their phrases' own characters. The codes only narrow the
    search: every variant found is confirmed on the exact characters.
    """
    codes: dict[str, str] = {}
    table: dict[int, str] = {}
    for sound, chars in _by_sound().items():
        code = codes.setdefault(sound, chr(0xE000 + len(codes)))
        for ch in chars:
            table[ord(ch)] = code
    return table, codes


def _sounds(text: str) -> str:
    """The text with every character a slip can be made of replaced by the code of its reading."""
    return text.translate(_sound_codes()[0])


class _SlipTable:
    """Slip variants of phrases, found with an automaton over the text's readings (few distinct readings, so
    the automaton is small and fast) and confirmed against the exact variants."""

    def __init__(self, slips: dict[str, list[tuple[str, str]]]) -> None:
        self.slips = {v: tuple(e) for v, e in slips.items()}
        table, codes = _sound_codes()
        by_sound: dict[str, list[str]] = {}
        with _SOUND_LOCK:
            for variant in slips:
                for ch in variant:  # a phrase's own characters may lie outside the common set
                    if ord(ch) not in table:
                        sound = _char_pinyin(ch)
                        table[ord(ch)] = codes.setdefault(sound, chr(0xE000 + len(codes)))
                by_sound.setdefault(variant.translate(table), []).append(variant)
        self.auto = ahocorasick.Automaton()
        for code, variants in by_sound.items():
            self.auto.add_word(code, (len(code), frozenset(variants)))
        self.auto.make_automaton()

    def iter(self, text: str, sounds: str) -> Iterator[tuple[int, tuple[str, tuple[tuple[str, str], ...]]]]:
        """Like Automaton.iter over the text (`sounds` is `_sounds(text)`): (end, (variant, entries))."""
        for end, (size, variants) in self.auto.iter(sounds):
            variant = text[end - size + 1 : end + 1]
            if variant in variants:
                yield end, (variant, self.slips[variant])


@lru_cache(maxsize=64)
def _slip_automaton(pairs: tuple[tuple[str, str], ...], exact: frozenset[str]) -> _SlipTable | None:
    """Every slip variant of the phrases, to the concept and phrase it stands for."""
    slips: dict[str, list[tuple[str, str]]] = {}
    for name, phrase in pairs:
        for variant in _slips(phrase):
            if variant not in exact:
                slips.setdefault(variant, []).append((name, phrase))
    if not slips:
        return None
    return _SlipTable(slips)


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
        self._auto = ahocorasick.Automaton()
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
        for head, entries in heads.items():
            self._auto.add_word(head, (head, tuple(entries)))
        self._auto.make_automaton()
        # The shared concepts' slips are the same for every scenario: built once per process.
        self._read = lru_cache(maxsize=READ_CACHE)(self._read_text)
        self._slip_autos = [
            a
            for a in (_slip_automaton(tuple(shared_pairs), shared_exact), _slip_automaton(tuple(own_pairs), exact))
            if a
        ]

    def _hits(self, text: str, clause_end: Callable[[int], int]) -> list[_Hit]:
        hits: list[_Hit] = []
        for end, (head, entries) in self._auto.iter(text):
            start = end - len(head) + 1
            for name, tail in entries:
                if not tail:
                    hits.append(_Hit(start, end + 1, name, head))
                    continue
                limit = min(clause_end(start), end + 1 + GAP_WIDTH + len(tail))
                at = text.find(tail, end + 1, limit)
                if at >= 0:
                    hits.append(_Hit(start, at + len(tail), name, text[start : at + len(tail)], gap=True))
        blocks = [h for h in hits if not h.concept]
        hits = [h for h in hits if h.concept and not any(b.start < h.end and h.start < b.end for b in blocks)]
        hits += self._homophones(text, hits)
        # A mention inside a longer one ("我们的责任" in "不是我们的责任") is part of it, not a second mention.
        hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.concept))
        kept: list[_Hit] = []
        open_: list[_Hit] = []  # kept hits that may still contain later ones (sorted by start)
        seen: set[tuple[int, int, str]] = set()
        for h in hits:
            if (h.start, h.end, h.concept) in seen:
                continue
            open_ = [k for k in open_ if k.end > h.start]
            fault = h.concept in self.faults
            inside = False
            for k in open_:
                if (
                    h.end <= k.end
                    and (k.end - k.start) > (h.end - h.start)
                    and not k.gap
                    and TIMELINE not in (k.concept, h.concept)
                    and not (fault and k.concept not in self.faults)
                ):
                    inside = True
                    break
            if inside:
                continue
            seen.add((h.start, h.end, h.concept))
            kept.append(h)
            open_.append(h)
        return kept

    def _homophones(self, text: str, exact: list[_Hit]) -> list[_Hit]:
        """Phrases written with a wrong character of the same sound ("报歉"), unless the words are real words."""
        if not self._slip_autos:
            return []
        covered = bytearray(len(text) + 1)
        for h in exact:
            covered[h.start : h.end] = b"\x01" * (h.end - h.start)
        out = []
        sounds = _sounds(text)
        for auto in self._slip_autos:
            for end, (variant, entries) in auto.iter(text, sounds):
                first = end - len(variant) + 1
                if 1 in covered[first : end + 1]:
                    continue
                for name, phrase in entries:
                    out.append(_Hit(first, end + 1, name, variant, phrase))
        return out

    def read(self, text: str) -> Reading:
        """Every mention with its polarity, the affirmed concepts with their words, and the shape of the text.

        Readings are kept for the last READ_CACHE normalised texts (replies repeat: reruns, replays, classes)."""
        return self._read(normalise(text))

    def forget(self) -> None:
        """Empty the cache of readings."""
        self._read.cache_clear()

    def _read_text(self, t: str) -> Reading:
        sentences = _spans(t, _SENTENCE_END) or [(0, len(t))]
        clauses: list[tuple[int, int, int]] = []  # start, end, sentence
        for si, (s0, s1) in enumerate(sentences):
            clauses += [(a, b, si) for a, b in _spans(t[s0:s1], _CLAUSE_BREAK, s0)]
        starts = [c[0] for c in clauses]

        def clause_of(pos: int) -> int:
            return max(0, bisect_right(starts, pos) - 1)

        def clause_end(pos: int) -> int:
            return clauses[clause_of(pos)][1] if clauses else len(t)

        quotes = [(m.start(1), m.end(1)) for m in _QUOTES.finditer(t)]
        markers = _markers(t)
        if quotes:
            markers = [m for m in markers if not any(q0 <= m[0] < q1 for q0, q1 in quotes)]
        sentence_q = [t[s0:s1].rstrip() for s0, s1 in sentences]
        asks = [
            t[s1 : s1 + 1] in ("?", "？") or bool(_ENDS_AS_QUESTION.search(q))
            for (_, s1), q in zip(sentences, sentence_q, strict=True)
        ]
        mentions: list[Mention] = []
        hits = self._hits(t, clause_end)
        inside = bytearray(len(t) + 1)
        for h in hits:
            inside[h.start : h.end] = b"\x01" * (h.end - h.start)
        all_markers = markers
        markers = [m for m in markers if m[2] == "breaker" or 1 not in inside[m[0] : m[1]]]
        starts_m = [m[0] for m in markers]
        info = []
        for s0, s1 in sentences:
            ins = markers[bisect_left(starts_m, s0) : bisect_left(starts_m, s1)]
            info.append((any(k == "rhetorical" for _, _, k in ins), _condition_span(t, (s0, s1), ins)))
        for h in hits:
            ci = clause_of(h.start)
            c0, c1, si = clauses[ci] if clauses else (0, len(t), 0)
            polarity = self._polarity(
                t, h, (c0, c1), sentences[si], markers, starts_m, quotes, asks[si] if asks else False, info[si]
            )
            mentions.append(Mention(h.concept, h.surface, ci, h.start, polarity, h.via))
        spans = [(s0, s1, a) for (s0, s1), a in zip(sentences, asks, strict=True)]
        mentions = self._derive(mentions, all_markers, t, spans)
        said: dict[str, list[str]] = {}
        first: dict[str, int] = {}
        for m in mentions:
            if m.negated:
                continue
            words = said.setdefault(m.concept, [])
            if m.phrase not in words:
                words.append(m.phrase)
            first.setdefault(m.concept, m.position)
        han = han_count(t)
        positive = [m for m in mentions if m.concept not in self.faults]
        spots = {m.position for m in positive}
        bare = 0
        if len(spots) >= LIST_MIN:
            masked = list(t)
            for m in positive:
                masked[m.position : m.position + len(m.phrase)] = " " * len(m.phrase)
            rest = "".join(masked)
            places = sorted(spots)
            for a, b, _ in clauses:
                if (
                    bisect_left(places, b) > bisect_left(places, a)
                    and len(_HAN.findall(_FILLER.sub("", rest[a:b]))) <= 1
                ):
                    bare += 1
        density = 10 * len(spots) / max(han, 1) if han >= LIST_SHORT else 0.0
        listed = bare >= LIST_MIN and bare * 2 >= len(clauses)
        list_like = len(spots) >= LIST_MIN and (density >= LIST_DENSITY or listed)
        return Reading(t, tuple(mentions), said, first, han, len(clauses), bare, round(density, 2), list_like)

    def _polarity(
        self,
        t: str,
        h: _Hit,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        markers: list[tuple[int, int, str]],
        starts: list[int],
        quotes: list[tuple[int, int]],
        asked: bool,
        sentence_info: tuple[bool, tuple[int, int, bool] | None],
    ) -> str:
        fault = h.concept in self.faults
        c0, c1 = clause
        s1 = sentence[1]
        if quotes and any(q0 <= h.start and h.end <= q1 for q0, q1 in quotes):
            return REPORTED
        if not fault and t[h.end : h.end + 4].startswith(_MENTIONED):
            return REPORTED
        these = t.find("这些", h.end, s1)
        if not fault and these >= 0 and not _HAN.search(_LISTED.sub("", t[h.end : these])):
            return REPORTED
        lead = t[c0 : h.start]
        if not fault and "您" not in lead and "你" not in lead and _THIRD_SUBJECT.search(lead):
            return REPORTED
        before = [m for m in markers[bisect_left(starts, c0) : bisect_left(starts, h.start)] if m[1] <= h.start]
        if any(k == "report" for _, _, k in before) and not fault:
            return REPORTED
        rhetorical, condition = sentence_info
        if not fault and rhetorical:
            return RHETORICAL
        if not fault and condition is not None:
            first, if_end, on_fault = condition
            if first <= h.start < if_end or (h.start >= if_end and on_fault):
                return CONDITIONAL
        count = 0
        for _, m1, kind in reversed(before):
            if h.start - m1 > NEGATION_WINDOW:
                break
            if kind == "breaker":
                break
            count += kind in ("neg", "after_neg")
        if count % 2 == 1:
            return NEGATED
        after = markers[bisect_left(starts, h.end) : bisect_left(starts, min(c1, h.end + AFTER_WINDOW))]
        if not fault and any(k == "after_neg" for _, _, k in after):
            return NEGATED
        if fault or h.concept in self.ask_ok:
            return AFFIRMED
        clause_markers = [k for _, _, k in markers[bisect_left(starts, c0) : bisect_left(starts, c1)]]
        if "anota" in clause_markers or (asked and not _HAN.search(t[c1:s1])):
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
        for m in mentions:
            if m.concept == RESPONSIBILITY and m.polarity == NEGATED and DENY in self.concepts:
                out.append(Mention(DENY, m.phrase, m.clause, m.position))
            if m.polarity == RHETORICAL and m.concept in COURTESY_ACTS | {RESPONSIBILITY} and RUDE in self.concepts:
                out.append(Mention(RUDE, m.phrase, m.clause, m.position))
        faults = {m.concept for m in out if m.concept in self.faults and not m.negated}
        affirmed = {m.concept for m in out if not m.negated}
        doubted = any(m.polarity in (QUESTION, RHETORICAL) for m in out)
        if not faults and not doubted and LISTEN in self.concepts and LISTEN not in affirmed:
            for s0, s1, asked in asks:
                other = any(k in ("rhetorical", "report") for m0, _, k in markers if s0 <= m0 < s1)
                other = other or any(s0 <= m.position < s1 for m in out)
                if asked and ("您" in t[s0:s1] or "你" in t[s0:s1]) and not other:
                    out.append(Mention(LISTEN, t[s0:s1], 0, s0))
                    break
        if SARCASM in faults:
            out = [
                Mention(m.concept, m.phrase, m.clause, m.position, SARCASTIC, m.via)
                if m.concept not in self.faults and not m.negated
                else m
                for m in out
            ]
        elif faults - {DENY}:
            out = [
                Mention(m.concept, m.phrase, m.clause, m.position, INSINCERE, m.via)
                if m.concept in COURTESY_ACTS and not m.negated
                else m
                for m in out
            ]
        out.sort(key=lambda m: (m.position, m.concept))
        return out

    def mentions(self, text: str) -> list[Mention]:
        """Every concept mention, in reading order."""
        return list(self.read(text).mentions)

    def said(self, text: str) -> dict[str, list[str]]:
        """Concepts affirmed in the text, with the words that show it."""
        return self.read(text).said
