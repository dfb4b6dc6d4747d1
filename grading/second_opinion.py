"""A second opinion on faults and acts, for wording no phrase or sentence shape covers.

One logistic regression per concept over character 1-3-grams weighted by tf-idf, trained on the labelled replies
(training/second_opinion.py) and read here without scikit-learn. A concept counts only at or above its threshold:
for faults set where leaving each labelled file out of training added almost no fault to a fault-free reply, for
acts chosen on batches written after the model was trained. The evidence is the clause whose n-grams weigh most
towards the concept, so every point still shows the words behind it.
"""

from __future__ import annotations

import gzip
import io
import math
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

MODEL_FILE = Path(__file__).with_name("second_opinion.tsv.gz")  # tab-separated text, gzipped
FAULTS = ("rude", "blame_customer", "deny_responsibility", "sarcasm")
ACTS = (
    "apology", "empathy", "thanks", "listen", "take_responsibility", "explanation", "verify_facts", "solution",
    "compensation", "timeline", "follow_up", "escalate_properly", "public_statement", "transparency", "customer_first",
)  # fmt: skip
CONCEPTS = FAULTS + ACTS
ACT_THRESHOLD = 0.8
# Asking is read from the sentence itself (a question to the customer or for facts); the model speaks on it only
# when very sure, so "请问洗手间在哪里？" stays a question off the matter.
THRESHOLDS = (
    {"rude": 0.85, "blame_customer": 0.72, "deny_responsibility": 0.8, "sarcasm": 0.7}
    | dict.fromkeys(ACTS, ACT_THRESHOLD)
    | {"listen": 0.95}
)


class _Model(NamedTuple):
    keys: np.ndarray  # every n-gram as one number (see _keys), sorted
    idf: np.ndarray
    weights: np.ndarray  # n-grams x concepts
    intercepts: tuple[float, ...]


class Verdict(NamedTuple):
    """A concept the model finds: how likely, and the clause (index into the clauses given) that shows it most."""

    concept: str
    probability: float
    clause: int


_BITS = 21  # every code point plus one fits in 21 bits, so three of them fit in one 64-bit number
_SHIFT1 = np.uint64(_BITS)


def _keys(text: str) -> np.ndarray:
    """Every 1-, 2- and 3-character n-gram of the text as one number, in the order: all 1-grams, all 2-grams,
    all 3-grams. Each character counts as its code point plus one (never 0), so numbers differ across lengths."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64) + np.uint64(1)
    n = len(cp)
    out = np.empty(n + max(0, n - 1) + max(0, n - 2), dtype=np.uint64)
    if n == 0:
        return out
    out[:n] = cp
    if n >= 2:
        two = out[n : 2 * n - 1]
        np.left_shift(cp[:-1], _SHIFT1, out=two)
        two |= cp[1:]
    if n >= 3:
        three = out[2 * n - 1 :]
        np.left_shift(two[:-1], _SHIFT1, out=three)
        three |= cp[2:]
    return out


def _key(gram: str) -> int:
    """One n-gram as _keys numbers it."""
    key = 0
    for ch in gram:
        key = (key << _BITS) | (ord(ch) + 1)
    return key


def _starts(n: int) -> np.ndarray:
    """Where each key of _keys starts in a text of n characters."""
    return np.concatenate([np.arange(n), np.arange(max(0, n - 1)), np.arange(max(0, n - 2))])


@cache
def _model() -> _Model:
    """The model file: "# concepts" and "# intercept" lines, then one line per n-gram: the n-gram, its idf and one
    weight per concept, tab-separated."""
    grams: list[str] = []
    numbers: list[str] = []
    intercepts: list[float] = []
    concepts: tuple[str, ...] = ()
    for line in gzip.decompress(MODEL_FILE.read_bytes()).decode("utf-8").split("\n"):
        if not line:
            continue
        if line.startswith("# "):
            head, _, rest = line[2:].partition("\t")
            if head == "concepts":
                concepts = tuple(rest.split("\t"))
            elif head == "intercept":
                intercepts = [float(v) for v in rest.split("\t")]
            continue
        gram, _, rest = line.partition("\t")
        grams.append(gram)
        numbers.append(rest)
    if concepts != CONCEPTS or len(intercepts) != len(CONCEPTS):
        raise ValueError(f"{MODEL_FILE.name}: concepts {concepts!r} differ from {CONCEPTS}")
    table = np.loadtxt(io.StringIO("\n".join(numbers)), dtype=np.float32, delimiter="\t", ndmin=2)
    idf, weights = table[:, 0], table[:, 1:]
    keys = np.array([_key(g) for g in grams], dtype=np.uint64)
    order = np.argsort(keys)
    # float32 halves the memory the lookups touch; the probabilities move by less than 1e-6
    return _Model(
        keys[order],
        np.ascontiguousarray(idf[order]),
        np.ascontiguousarray(weights[order]),
        tuple(intercepts),
    )


def probabilities(text: str) -> dict[str, float]:
    """Each concept's probability for normalised text."""
    return dict(zip(CONCEPTS, _scores(text)[0], strict=True))


def _scores(text: str) -> tuple[list[float], np.ndarray, np.ndarray, np.ndarray]:
    """Probabilities per concept; the distinct n-grams of the model found in the text (model indexes, sorted); how
    often each occurs; and each one's tf-idf value (l2-normalised)."""
    model = _model()
    keys = _keys(text)
    keys.sort()  # sorted queries make the binary searches walk forward
    at = model.keys.searchsorted(keys)
    np.minimum(at, len(model.keys) - 1, out=at)
    ids = at[model.keys[at] == keys]  # sorted, as the keys are
    if not len(ids):
        return [1.0 / (1.0 + math.exp(-b)) for b in model.intercepts], ids, ids, np.zeros(0)
    first = np.empty(len(ids), dtype=bool)
    first[0] = True
    np.not_equal(ids[1:], ids[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    uniq = ids[starts]
    counts = np.diff(np.append(starts, len(ids)))
    values = model.idf[uniq] * (1.0 + np.log(counts))
    values *= 1.0 / math.sqrt(float(values @ values))
    scores = (values @ model.weights[uniq]).tolist()
    probs = [1.0 / (1.0 + math.exp(-(b + x))) for b, x in zip(model.intercepts, scores, strict=True)]
    return probs, uniq, counts, values


def verdicts(
    text: str, clauses: list[tuple[int, int, int]], wanted: frozenset[str] | set[str] | None = None
) -> list[Verdict]:
    """Concepts at or above their thresholds in normalised text (only those `wanted`, if given), each with the
    clause that shows it most: the clause holding the largest share of the n-gram weights towards the concept (each
    occurrence a share)."""
    if not text:
        return []
    probs, uniq, counts, values = _scores(text)
    over = [k for k, c in enumerate(CONCEPTS) if probs[k] >= THRESHOLDS[c] and (wanted is None or c in wanted)]
    if not over:
        return []
    model = _model()
    share = model.weights[uniq] * (values / counts)[:, None]  # per occurrence of each distinct n-gram
    keys = _keys(text)
    at = np.minimum(np.searchsorted(model.keys, keys), len(model.keys) - 1)
    place = np.flatnonzero(model.keys[at] == keys)  # occurrences of the model's n-grams, in text order
    which = np.searchsorted(uniq, at[place])  # each occurrence's distinct n-gram
    starts = _starts(len(text))[place]
    clause_starts = np.array([c[0] for c in clauses] or [0])
    where = np.maximum(np.searchsorted(clause_starts, starts, side="right") - 1, 0)
    out = []
    for k in over:
        weight = np.bincount(where, weights=share[which, k], minlength=len(clause_starts))
        out.append(Verdict(CONCEPTS[k], float(probs[k]), int(np.argmax(weight))))
    return out
