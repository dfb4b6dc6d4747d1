"""Find concepts in free Chinese text, ignoring negated mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from grading.text import add_words, normalise, segment

NEGATORS = frozenset(
    [
        "不",
        "没",
        "没有",
        "别",
        "无",
        "未",
        "非",
        "莫",
        "勿",
        "不是",
        "不会",
        "不能",
        "不用",
        "不必",
        "不要",
        "不肯",
        "不想",
        "不愿",
        "绝不",
        "从不",
        "决不",
        "并非",
        "并不",
        "拒绝",
        "无法",
        "无须",
        "无需",
        "毫无",
        "从未",
        "并未",
        "没法",
        "没什么",
        "没啥",
    ]
)
# Tokens that start with a negator but say nothing negative; jieba keeps them whole (see domain_dict.txt).
NEGATION_SCOPE = 6
# Words after which an earlier negator no longer applies ("没有解决好是我们的问题" admits the problem).
SCOPE_BREAKERS = frozenset(["是", "就是", "都是", "所以", "因此", "而且", "并且", "然后", "因为", "才"])
CLAUSE_BREAK = re.compile(r"[,。!?;,.!?;\n]+|但是|但|可是|不过")


@dataclass(frozen=True)
class Mention:
    """One concept found in a turn: the phrase, where, and whether a negator cancelled it."""

    concept: str
    phrase: str
    clause: int
    position: int
    negated: bool


class ConceptMatcher:
    """Matches named groups of synonymous phrases on word boundaries."""

    def __init__(self, concepts: dict[str, tuple[str, ...]]) -> None:
        self.concepts = {name: tuple(normalise(p) for p in phrases) for name, phrases in concepts.items()}
        self.by_phrase: dict[str, list[str]] = {}
        for name, phrases in self.concepts.items():
            for phrase in phrases:
                self.by_phrase.setdefault(phrase, []).append(name)
        self.longest = max((len(p) for p in self.by_phrase), default=0)
        add_words(set(self.by_phrase))

    def mentions(self, text: str) -> list[Mention]:
        """Every concept phrase in the text, negated or not, in reading order."""
        found: list[Mention] = []
        offset = 0
        for index, clause in enumerate(CLAUSE_BREAK.split(normalise(text))):
            tokens = segment(clause)
            position = offset
            for first, token in enumerate(tokens):
                negated = _negated(tokens[max(0, first - NEGATION_SCOPE) : first])
                span = ""
                for tok in tokens[first:]:
                    span += tok
                    if len(span) > self.longest:
                        break
                    for name in self.by_phrase.get(span, ()):
                        found.append(Mention(name, span, index, position, negated))
                # A phrase inside a longer word ("公告" in "发布公告") counts too, unless the word is a phrase itself.
                if token in self.by_phrase:
                    position += len(token)
                    continue
                for start in range(len(token)):
                    for end in range(start + 2, len(token) + 1):
                        piece = token[start:end]
                        if piece != token:
                            for name in self.by_phrase.get(piece, ()):
                                found.append(Mention(name, piece, index, position + start, negated))
                position += len(token)
            offset = position + 1
        found.sort(key=lambda m: (m.position, m.concept))
        return found

    def read(self, text: str) -> tuple[dict[str, list[str]], dict[str, int]]:
        """Affirmed concepts with the phrases that show them, and where each is first affirmed."""
        said: dict[str, list[str]] = {}
        first: dict[str, int] = {}
        for m in self.mentions(text):
            if m.negated:
                continue
            phrases = said.setdefault(m.concept, [])
            if m.phrase not in phrases:
                phrases.append(m.phrase)
            first.setdefault(m.concept, m.position)
        return said, first

    def said(self, text: str) -> dict[str, list[str]]:
        """Concepts affirmed in the text, with the phrases that show it."""
        return self.read(text)[0]


def _negated(window: list[str]) -> bool:
    """Whether an odd number of negators governs what follows the window, up to the nearest scope breaker."""
    count = 0
    for token in reversed(window):
        if token in SCOPE_BREAKERS:
            break
        count += token in NEGATORS
    return count % 2 == 1
