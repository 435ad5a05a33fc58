"""The invented relation pools in training/relations/ load, are well formed and share no sentence with
each other or with the evaluation sets (so a set measured blind never leaks into development data)."""

from pathlib import Path

import pytest

from kg.eval import relations as ev

POOLS = sorted((Path(__file__).resolve().parents[2] / "training" / "relations").glob("invented_*.jsonl"))


@pytest.mark.parametrize("path", POOLS, ids=lambda p: p.stem)
def test_pool_is_invented_and_well_formed(path):
    gold = ev.load_gold(path)  # checks each text's sha1 and the type vocabulary
    assert not ev.invented_set_problems(gold, path.stem.removeprefix("invented_") + "_")
    assert sum(not g.relations for g in gold) >= len(gold) // 5  # hard negatives


def test_pools_share_no_sentence_with_each_other_or_the_evaluation_sets():
    assert len(POOLS) >= 3
    seen: dict[str, str] = {}
    for path in POOLS + sorted(ev.GOLD_PATH.parent.glob("relations_*.jsonl")):
        for g in ev.load_gold(path):
            assert seen.setdefault(g.sha1, path.name) == path.name, f"{g.id} of {path.name} repeats {seen[g.sha1]}"
