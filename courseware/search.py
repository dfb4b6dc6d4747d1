"""Full-text search over sections in Chinese: jieba tokens, BM25 ranking, a snippet around the first hit."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from courseware.models import Section
from grading.text import normalise, segment

K1, B = 1.5, 0.75
TITLE_WEIGHT = 3
SNIPPET = 40
_MARKUP = re.compile(r"[#*`>|\-]+")
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Hit:
    """A section that matches, with its score and a snippet."""

    section_id: str
    score: float
    snippet: str


def _terms(text: str) -> list[str]:
    return [t for t in segment(text) if _WORD.search(t)]


class SearchIndex:
    """BM25 over section titles (weighted) and bodies."""

    def __init__(self, sections: list[Section]) -> None:
        self.sections = {s.id: s for s in sections}
        self.plain = {s.id: _MARKUP.sub(" ", s.body) for s in sections}
        self.counts: dict[str, Counter[str]] = {}
        for s in sections:
            counts = Counter(_terms(self.plain[s.id]))
            for term in _terms(s.title):
                counts[term] += TITLE_WEIGHT
            self.counts[s.id] = counts
        self.lengths = {k: sum(c.values()) for k, c in self.counts.items()}
        self.average = (sum(self.lengths.values()) / len(self.lengths)) if self.lengths else 1.0
        self.df: Counter[str] = Counter(t for c in self.counts.values() for t in c)

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Sections ranked by BM25; a query of several words favours sections holding all of them."""
        terms = list(dict.fromkeys(_terms(query)))
        if not terms:
            return []
        n = len(self.counts)
        hits = []
        for sid, counts in self.counts.items():
            score = 0.0
            for t in terms:
                f = counts.get(t, 0)
                if f:
                    idf = math.log(1 + (n - self.df[t] + 0.5) / (self.df[t] + 0.5))
                    norm = f + K1 * (1 - B + B * self.lengths[sid] / self.average)
                    score += idf * f * (K1 + 1) / norm
            if score > 0:
                hits.append(Hit(sid, round(score, 4), self._snippet(sid, terms)))
        hits.sort(key=lambda h: (-h.score, h.section_id))
        return hits[:limit]

    def _snippet(self, section_id: str, terms: list[str]) -> str:
        text = " ".join(self.plain[section_id].split())
        low = normalise(text)
        at = min((i for i in (low.find(t) for t in terms) if i >= 0), default=0)
        start = max(0, at - SNIPPET // 2)
        return ("…" if start else "") + text[start : start + SNIPPET * 2] + "…"
