"""The fuzzing run, sized for CI (2,000 inputs, under a minute; longer: `python tests/fuzz/run_fuzz.py --n 20000`)."""

from __future__ import annotations

import random

from run_fuzz import mutate, run


def test_mutations_change_the_text():
    rng = random.Random(0)
    seed = "Deutschland unterstützt die Ukraine. „Wir stehen zusammen“, sagte der Kanzler."
    assert sum(mutate(seed, rng)[0] != seed for _ in range(50)) >= 45


def test_short_fuzz_run_finds_no_crash(tmp_path):
    result = run(n=2000, seed=7, crash_dir=tmp_path / "crashes")
    assert not result.crashes, "\n\n".join(f"{c['input']} {c['mutations']}\n{c['traceback']}" for c in result.crashes)
    # the run must exercise both sides: articles built and bad inputs reported
    assert result.articles > 1000 and result.problems > 0 and result.statements + result.relations > 0
