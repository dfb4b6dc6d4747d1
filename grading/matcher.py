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
    ]
)
# Tokens that start with a negator but say nothing negative; jieba keeps them whole (see domain_dict.txt).
NEGATION_SCOPE = 4
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
        add_words({p for phrases in self.concepts.values() for p in phrases})

    def mentions(self, text: str) -> list[Mention]:
        """Every concept phrase in the text, negated or not, in reading order."""
        found: list[Mention] = []
        offset = 0
        for index, clause in enumerate(CLAUSE_BREAK.split(normalise(text))):
            tokens = segment(clause)
            starts, ends, pos = {}, {}, 0
            for k, tok in enumerate(tokens):
                starts[pos] = k
                pos += len(tok)
                ends[pos] = k
            joined = "".join(tokens)
            for name, phrases in self.concepts.items():
                for phrase in phrases:
                    for m in re.finditer(re.escape(phrase), joined):
                        if m.start() not in starts or m.end() not in ends:
                            continue
                        first = starts[m.start()]
                        window = tokens[max(0, first - NEGATION_SCOPE) : first]
                        negated = sum(t in NEGATORS for t in window) % 2 == 1
                        found.append(Mention(name, phrase, index, offset + m.start(), negated))
            offset += len(joined) + 1
        found.sort(key=lambda m: (m.position, m.concept))
        return found

    def said(self, text: str) -> dict[str, list[str]]:
        """Concepts affirmed in the text, with the phrases that show it."""
        out: dict[str, list[str]] = {}
        for m in self.mentions(text):
            if not m.negated and m.phrase not in out.get(m.concept, []):
                out.setdefault(m.concept, []).append(m.phrase)
        return out

    def first_position(self, text: str) -> dict[str, int]:
        """Position of each affirmed concept's first mention, for order rules within one turn."""
        out: dict[str, int] = {}
        for m in self.mentions(text):
            if not m.negated:
                out.setdefault(m.concept, m.position)
        return out
