"""Train the second opinion on faults: `python -m training.fault_model` (needs the `train` extra).

For each fault, a logistic regression over character 1-3-grams weighted by tf-idf (sublinear tf, l2 norm), fitted
on every labelled reply in tests/grading. Writes grading/fault_model.tsv (read by grading.fault_model without
scikit-learn) and tests/grading/fault_model_golden.json (probabilities scikit-learn gives for some replies, which
the pure reading must reproduce). With --cross-validate, also prints each fault's precision and recall when each
labelled file is left out of training in turn.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

from grading.fault_model import FAULTS, MODEL_FILE, THRESHOLDS
from grading.text import normalise

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "grading" / "fault_model_golden.json"
NGRAMS = (1, 3)
MIN_DF = 2
MAX_FEATURES: int | None = None
C = 10.0


def _fit(texts: list[str], labels: dict[str, list[bool]]) -> tuple[Any, dict[str, Any]]:
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
    models = {f: LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(x, labels[f]) for f in FAULTS}
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


def _labelled() -> tuple[list[Any], list[str], dict[str, list[bool]]]:
    from tests.grading.labelled import utterances

    items: list[Any] = [*utterances(), *authored()]
    texts = [normalise(u.text) for u in items]
    return items, texts, {f: [f in u.concepts for u in items] for f in FAULTS}


def write_model() -> None:
    """Fit on every labelled reply and write the model file and the golden probabilities."""
    items, texts, labels = _labelled()
    vec, models = _fit(texts, labels)
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    idf = vec.idf_
    lines = [
        "# Second opinion on faults: character n-grams, idf, and one weight per fault (training/fault_model.py).",
        "# faults\t" + "\t".join(FAULTS),
        "# intercept\t" + "\t".join(f"{float(models[f].intercept_[0]):.8g}" for f in FAULTS),
    ]
    for i, gram in enumerate(vocab):
        weights = "\t".join(f"{float(models[f].coef_[0][i]):.6g}" for f in FAULTS)
        lines.append(f"{gram}\t{float(idf[i]):.7g}\t{weights}")
    MODEL_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sample = texts[::37]
    x = vec.transform(sample)
    golden = [
        {"text": t, **{f: float(models[f].predict_proba(x[i])[0, 1]) for f in FAULTS}} for i, t in enumerate(sample)
    ]
    GOLDEN.write_text(json.dumps(golden, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    sys.stdout.write(f"{len(vocab)} n-grams, {len(items)} replies; golden probabilities for {len(golden)} replies\n")


def cross_validate() -> None:
    """Leave each labelled file out in turn: the model's own precision and recall per fault at its threshold."""
    items, texts, labels = _labelled()
    counts: dict[str, Counter[str]] = {f: Counter() for f in FAULTS}
    for name in sorted({u.file for u in items}):
        train = [i for i, u in enumerate(items) if u.file != name]
        test = [i for i, u in enumerate(items) if u.file == name]
        vec, models = _fit([texts[i] for i in train], {f: [labels[f][i] for i in train] for f in FAULTS})
        x = vec.transform([texts[i] for i in test])
        for f in FAULTS:
            for i, p in zip(test, models[f].predict_proba(x)[:, 1], strict=True):
                said, gold = bool(p >= THRESHOLDS[f]), labels[f][i]
                clean = not any(labels[g][i] for g in FAULTS)
                counts[f].update(tp=said and gold, fp=said and not gold, fn=gold and not said)
                counts[f].update(clean=clean, clean_fp=said and clean)
    for f, c in counts.items():
        precision = c["tp"] / max(1, c["tp"] + c["fp"])
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        sys.stdout.write(
            f"{f:<22}precision {precision:.3f}  recall {recall:.3f}  (threshold {THRESHOLDS[f]}); "
            f"said of {c['clean_fp']} of {c['clean']} fault-free replies\n"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cross-validate", action="store_true", help="print leave-one-file-out figures too")
    args = parser.parse_args()
    write_model()
    if args.cross_validate:
        cross_validate()


if __name__ == "__main__":
    main()
