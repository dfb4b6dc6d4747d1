"""Scores never depend on what the process did before: a fresh process and a busy one agree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from catalog.catalog import ContentRoots, load_catalog
from scenarios.checks import gaming_scores
from scenarios.runner import build_engine, replay

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import json
from catalog.catalog import ContentRoots, load_catalog
from scenarios.checks import gaming_scores
from scenarios.runner import build_engine, replay
cat = load_catalog(ContentRoots.shipped())
out = {}
for sid in sorted(cat.scenarios):
    s = cat.scenarios[sid]
    res = {}
    for ex in s.examples:
        r = replay(s, build_engine(s, cat.library), list(ex.turns)).result
        res[ex.name] = [r.total, r.ending]
    for name, total in gaming_scores(s, cat.library).items():
        res[name] = [total, None]
    out[sid] = res
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def fresh(seed: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=300
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def busy() -> dict[str, object]:
    """Score after loading every scenario, building every engine and teaching the segmenter odd words."""
    from grading.text import _tokenizer, segment

    cat = load_catalog(ContentRoots.shipped())
    engines = {sid: build_engine(s, cat.library) for sid, s in cat.scenarios.items()}
    tokenizer = _tokenizer()
    for s in cat.scenarios.values():
        for c in s.concepts.values():
            for phrase in c.phrases:
                tokenizer.add_word(phrase, freq=10**6)
        segment(s.brief)
    out: dict[str, object] = {}
    for sid in sorted(cat.scenarios, reverse=True):
        s = cat.scenarios[sid]
        res: dict[str, list[object]] = {}
        for ex in s.examples:
            r = replay(s, engines[sid], list(ex.turns)).result
            assert r is not None
            res[ex.name] = [r.total, r.ending]
        for name, total in gaming_scores(s, cat.library).items():
            res[name] = [total, None]
        out[sid] = res
    return json.loads(json.dumps(out, ensure_ascii=False, sort_keys=True))  # type: ignore[no-any-return]


def test_a_fresh_process_and_a_busy_one_score_every_transcript_alike() -> None:
    first = fresh("1")
    assert first == fresh("2")
    assert first == busy()
    assert first  # scenarios were scored
