"""Train the second opinion on faults and acts: `python -m training.second_opinion` (needs the `train` extra).

For each concept, a logistic regression over character 1-3-grams weighted by tf-idf (sublinear tf, l2 norm). Fault
models are fitted on every labelled reply in tests/grading and on the replies the course holds up as right (none
commits a fault); act models on the labelled replies only (the course's replies carry no act labels). Writes
grading/second_opinion.tsv (read by grading.second_opinion without scikit-learn) and
tests/grading/second_opinion_golden.json (probabilities scikit-learn gives for some replies, which the pure reading
must reproduce). With --cross-validate, also prints each concept's precision and recall when each labelled file is
left out of training in turn.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

from grading.second_opinion import ACTS, CONCEPTS, FAULTS, MODEL_FILE, THRESHOLDS
from grading.text import normalise

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "grading" / "second_opinion_golden.json"
NGRAMS = (1, 3)
MIN_DF = 2
MAX_FEATURES: int | None = None
C = 10.0


def _fit(texts: list[str], labels: dict[str, list[bool]], labelled: list[bool]) -> tuple[Any, dict[str, Any]]:
    """The vectoriser over every text; fault models over every text, act models over the labelled ones."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(
        analyzer="char",
        ngram_range=NGRAMS,
        min_df=MIN_DF,
        max_features=MAX_FEATURES,
        sublinear_tf=True,
        lowercase=False,
    )
    x = vec.fit_transform(texts)
    rows = [i for i, keep in enumerate(labelled) if keep]
    models = {}
    for c in CONCEPTS:
        fit = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
        models[c] = fit.fit(x, labels[c]) if c in FAULTS else fit.fit(x[rows], [labels[c][i] for i in rows])
    return vec, models


class _Authored(NamedTuple):
    """A fault-free reply from the course itself (a model answer, a better phrasing, a right option, a good
    transcript's turn); `file` names its scenario, so that leaving a file out leaves a scenario out."""

    text: str
    file: str
    concepts: frozenset[str] = frozenset()


def authored() -> list[_Authored]:
    """Every reply the scenarios hold up as right: none of them commits a fault."""
    from catalog.catalog import ContentRoots, load_catalog

    cat = load_catalog(ContentRoots.shipped())
    out: list[_Authored] = []
    for sid, s in sorted(cat.scenarios.items()):
        texts = [t for ex in s.examples if ex.name == "good" for t in ex.turns if isinstance(t, str)]
        for node in s.nodes.values():
            if node.turn is None:
                continue
            texts += [node.turn.model_answer, *(e.better for e in node.turn.expects)]
            texts += [c.text for c in node.turn.choices if c.score > 0]
        out += [_Authored(t, f"scenario:{sid}") for t in dict.fromkeys(t for t in texts if t)]
    return out


def _labelled() -> tuple[list[Any], list[str], dict[str, list[bool]], list[bool]]:
    """Every reply, its normalised text, its label per concept, and whether it carries act labels."""
    from tests.grading.labelled import utterances

    items: list[Any] = [*utterances(), *authored()]
    texts = [normalise(u.text) for u in items]
    labels = {c: [c in u.concepts for u in items] for c in CONCEPTS}
    return items, texts, labels, [not isinstance(u, _Authored) for u in items]


def write_model() -> None:
    """Fit on every reply and write the model file and the golden probabilities."""
    items, texts, labels, labelled = _labelled()
    vec, models = _fit(texts, labels, labelled)
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    idf = vec.idf_
    lines = [
        "# Second opinion on faults and acts: n-grams, idf, a weight per concept (training/second_opinion.py)",
        "# concepts\t" + "\t".join(CONCEPTS),
        "# intercept\t" + "\t".join(f"{float(models[c].intercept_[0]):.8g}" for c in CONCEPTS),
    ]
    for i, gram in enumerate(vocab):
        weights = "\t".join(f"{float(models[c].coef_[0][i]):.6g}" for c in CONCEPTS)
        lines.append(f"{gram}\t{float(idf[i]):.7g}\t{weights}")
    # gzip without a time stamp: the same model gives the same bytes
    with MODEL_FILE.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    sample = texts[::37]
    x = vec.transform(sample)
    golden = [
        {"text": t, **{c: float(models[c].predict_proba(x[i])[0, 1]) for c in CONCEPTS}} for i, t in enumerate(sample)
    ]
    GOLDEN.write_text(json.dumps(golden, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    sys.stdout.write(f"{len(vocab)} n-grams, {len(items)} replies; golden probabilities for {len(golden)} replies\n")


def cross_validate() -> None:
    """Leave each labelled file out in turn: each concept's precision and recall at its threshold (acts on the
    labelled replies only), and for faults how many fault-free replies it called a fault."""
    items, texts, labels, labelled = _labelled()
    counts: dict[str, Counter[str]] = {c: Counter() for c in CONCEPTS}
    for name in sorted({u.file for u in items}):
        train = [i for i, u in enumerate(items) if u.file != name]
        test = [i for i, u in enumerate(items) if u.file == name]
        vec, models = _fit(
            [texts[i] for i in train],
            {c: [labels[c][i] for i in train] for c in CONCEPTS},
            [labelled[i] for i in train],
        )
        x = vec.transform([texts[i] for i in test])
        for c in CONCEPTS:
            for i, p in zip(test, models[c].predict_proba(x)[:, 1], strict=True):
                if c in ACTS and not labelled[i]:
                    continue
                said, gold = bool(p >= THRESHOLDS[c]), labels[c][i]
                clean = not any(labels[g][i] for g in FAULTS)
                counts[c].update(tp=said and gold, fp=said and not gold, fn=gold and not said)
                counts[c].update(clean=clean, clean_fp=said and clean)
    for c, n in counts.items():
        precision = n["tp"] / max(1, n["tp"] + n["fp"])
        recall = n["tp"] / max(1, n["tp"] + n["fn"])
        extra = f"; said of {n['clean_fp']} of {n['clean']} fault-free replies" if c in FAULTS else ""
        sys.stdout.write(f"{c:<22}precision {precision:.3f}  recall {recall:.3f}  (threshold {THRESHOLDS[c]}){extra}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cross-validate", action="store_true", help="print leave-one-file-out figures too")
    args = parser.parse_args()
    write_model()
    if args.cross_validate:
        cross_validate()


if __name__ == "__main__":
    main()
