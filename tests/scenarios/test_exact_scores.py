"""Every golden and gaming transcript scores exactly as recorded: a change to the reader or the engine that was
meant to keep scores (a speed-up, a refactoring) must leave this file green. A change meant to move scores
regenerates the record: `PYTHONPATH=$PWD python -m tests.scenarios.test_exact_scores` (and says why in the commit).
"""

from __future__ import annotations

import json
from pathlib import Path

from catalog.catalog import ContentRoots, load_catalog
from scenarios.checks import gaming_strategies, play
from scenarios.runner import build_engine, replay

RECORD = Path(__file__).with_name("exact_scores.json")


def scores() -> dict[str, dict[str, object]]:
    """Per scenario and transcript: total, ending and the points of every report line."""
    cat = load_catalog(ContentRoots.shipped())
    out: dict[str, dict[str, object]] = {}
    for sid in sorted(cat.scenarios):
        s = cat.scenarios[sid]
        engine = build_engine(s, cat.library)
        runs = {ex.name: replay(s, engine, list(ex.turns)) for ex in s.examples}
        runs |= {name: play(s, engine, strategy) for name, strategy in gaming_strategies(s).items()}
        out[sid] = {}
        for name, run in runs.items():
            assert run.result is not None
            r = run.result
            out[sid][name] = [r.total, r.ending, [[line.rule, line.points] for line in r.lines]]
    return out


def test_every_transcript_scores_as_recorded() -> None:
    assert json.loads(RECORD.read_text(encoding="utf-8")) == json.loads(json.dumps(scores(), ensure_ascii=False))


if __name__ == "__main__":
    RECORD.write_text(json.dumps(scores(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
