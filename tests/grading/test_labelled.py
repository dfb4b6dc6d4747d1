"""The reader on a labelled set of agent replies: overall and per-category precision and recall."""

from __future__ import annotations

from collections import Counter

from grading.library import load_library
from tests.grading.labelled import evaluate, report, utterances

CATEGORIES = {
    "plain", "negation_before", "negation_after", "question", "rhetorical", "conditional", "reported", "sarcasm",
    "rude_polite", "blame", "traditional", "width", "homophone", "no_punct", "adversarial", "paraphrase", "colloquial",
}  # fmt: skip


def test_the_set_is_large_and_covers_every_category_and_concept() -> None:
    items = utterances()
    assert len(items) >= 400
    assert len({u.text for u in items}) == len(items), "duplicate utterances"
    counts = Counter(u.category for u in items)
    assert CATEGORIES <= set(counts) <= CATEGORIES | {"override"}  # override: replies exported by `cma overrides`
    assert min(counts[c] for c in CATEGORIES) >= 12
    assert sum(u.file != "utterances.txt" for u in items) >= 150  # held-out batches
    labelled = Counter(c for u in items for c in u.concepts)
    for concept in load_library().concepts:
        assert labelled[concept] >= 3, concept


def test_precision_and_recall_hold_overall_and_per_category() -> None:
    cats, concepts, _ = evaluate(utterances())
    print("\n" + report())
    overall = cats["*"]
    assert overall.precision >= 0.90
    assert overall.recall >= 0.85
    for name, s in cats.items():
        assert s.precision >= 0.75, (name, s)
        assert s.recall >= 0.75, (name, s)
        assert s.accuracy >= 0.75, (name, s)
    for name, s in concepts.items():
        assert s.precision >= 0.75 and s.recall >= 0.75, (name, s)
