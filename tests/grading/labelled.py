"""The labelled utterance set and a per-category precision/recall report of the shared reader."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from grading.library import load_library
from grading.matcher import ConceptMatcher

FILE = Path(__file__).with_name("utterances.txt")
# Batches written later, each measured on first reading before any tuning (figures in their headers).
BATCHES = tuple(
    Path(__file__).with_name(name)
    for name in (
        "utterances_heldout.txt",
        "utterances_fresh2.txt",
        "utterances_fresh3.txt",
        "utterances_fresh4.txt",
        "utterances_fresh5.txt",
        "utterances_fresh6.txt",
        "utterances_fresh7.txt",
        "utterances_fresh8.txt",
        "utterances_fresh9.txt",
        "utterances_fresh10.txt",
        "utterances_fresh11.txt",
        "utterances_fresh12.txt",
        "utterances_fresh13.txt",
        "utterances_fresh14.txt",
        "utterances_fresh15.txt",
        "utterances_fresh16.txt",
        "utterances_fresh17.txt",
        "utterances_fresh18.txt",
        "utterances_fresh19.txt",
        "utterances_fresh20.txt",
        "utterances_fresh21.txt",
        "utterances_fresh22.txt",
        "utterances_fresh23.txt",
        "utterances_fresh24.txt",
        "utterances_fresh25.txt",
        "utterances_fresh26.txt",
        "utterances_fresh27.txt",
        "utterances_fresh28.txt",
        "utterances_fresh29.txt",
    )
)


@dataclass(frozen=True)
class Utterance:
    category: str
    text: str
    concepts: frozenset[str]
    line: int
    file: str = "utterances.txt"


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int
    exact: int
    total: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def accuracy(self) -> float:
        """Share of utterances read exactly as labelled (what a category without positives is judged on)."""
        return self.exact / self.total if self.total else 1.0


def utterances(files: tuple[Path, ...] | None = None) -> list[Utterance]:
    """Every labelled reply of the files (default: the set, every later batch, then any `utterances-*.txt`
    beside them, e.g. exported by `cma overrides --export`); a reply already read is not read twice."""
    out: list[Utterance] = []
    seen: set[str] = set()
    exported = tuple(sorted(FILE.parent.glob("utterances-*.txt")))
    for path in files or (FILE, *BATCHES, *exported):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            category, text, labels = (part.strip() for part in raw.split("|"))
            if path in exported and text in seen:
                continue
            seen.add(text)
            concepts = frozenset() if labels == "-" else frozenset(labels.split())
            out.append(Utterance(category, text, concepts, number, path.name))
    return out


@cache
def matcher() -> ConceptMatcher:
    library = load_library()
    return ConceptMatcher(
        {k: c.phrases for k, c in library.concepts.items()},
        [k for k, c in library.concepts.items() if c.kind == "fault"],
        [k for k, c in library.concepts.items() if c.ask_ok],
    )


def evaluate(items: list[Utterance]) -> tuple[dict[str, Score], dict[str, Score], list[tuple[Utterance, set[str]]]]:
    """Scores per category and per concept, and the utterances read differently from their labels."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    by_concept: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    wrong = []
    for u in items:
        got = set(matcher().said(u.text))
        for key in ("*", u.category):
            c = counts[key]
            c[0] += len(got & u.concepts)
            c[1] += len(got - u.concepts)
            c[2] += len(u.concepts - got)
            c[3] += got == u.concepts
            c[4] += 1
        for name in got | u.concepts:
            c = by_concept[name]
            c[0] += name in got and name in u.concepts
            c[1] += name in got and name not in u.concepts
            c[2] += name in u.concepts and name not in got
        if got != u.concepts:
            wrong.append((u, got))
    return (
        {k: Score(*v) for k, v in counts.items()},
        {k: Score(*v) for k, v in by_concept.items()},
        wrong,
    )


def report(items: list[Utterance] | None = None) -> str:
    """A table of precision, recall and exact reading per category and per concept."""
    cats, concepts, wrong = evaluate(items or utterances())
    rows = [f"{'category':<20}{'n':>5}{'precision':>11}{'recall':>8}{'exact':>8}"]
    for name, s in sorted(cats.items()):
        rows.append(f"{name:<20}{s.total:>5}{s.precision:>11.3f}{s.recall:>8.3f}{s.accuracy:>8.3f}")
    rows.append("")
    rows.append(f"{'concept':<20}{'precision':>16}{'recall':>8}")
    for name, s in sorted(concepts.items()):
        rows.append(f"{name:<20}{s.precision:>16.3f}{s.recall:>8.3f}")
    rows.append("")
    rows += [
        f"  {u.file}:{u.line}: [{u.category}] {u.text}  want {sorted(u.concepts)} got {sorted(got)}" for u, got in wrong
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    import sys

    # python -m tests.grading.labelled [FILE ...]: the report for these files only (default: all of them)
    print(report(utterances(tuple(Path(a) for a in sys.argv[1:]) or None)))
