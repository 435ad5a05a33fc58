"""The quotation scorer on tiny hand-made gold and predictions; the dataset run skips without data."""

import pytest

from kg.eval import quotes
from kg.eval.quotes import Quote, quote_match, score


def q(start, end, speaker, typ):
    return Quote("d", start, end, (speaker,), typ)


def test_half_overlap_of_both_spans_is_required():
    gold = q(0, 100, (0, 1), "Direct")
    assert quote_match(q(0, 50, (0, 1), "Direct"), gold)
    assert not quote_match(q(0, 40, (0, 1), "Direct"), gold)  # covers under half of the gold
    assert not quote_match(q(60, 300, (0, 1), "Direct"), gold)  # gold covers under half of it


def test_counts_speaker_errors_and_unscored_types():
    gold = [q(0, 100, (200, 210), "Direct"), q(300, 400, (410, 420), "Indirect"),
            q(500, 600, (610, 620), "Reported"), q(700, 800, (810, 820), "Direct")]
    pred = [q(2, 98, (205, 207), "Direct"),      # right
            q(300, 390, (0, 5), "Indirect"),     # quote right, speaker wrong
            q(500, 600, (610, 620), "Indirect"),  # Reported gold: neither way
            q(900, 950, (0, 5), "Direct")]       # nothing there
    res = score([(gold, pred)])
    d, i = res["Direct"], res["Indirect"]
    assert (d.tp, d.fp, d.fn, d.quote_only) == (1, 1, 1, 0)
    assert (i.tp, i.fp, i.fn, i.quote_only) == (0, 1, 1, 1)
    assert res["all"].tp == 2 and res["all"].fp == 2
    assert d.precision == 0.5 and d.recall == 0.5


def test_gold_without_speaker_is_a_miss_and_counted_apart():
    gold = [Quote("d", 0, 100, (), "Direct"), q(200, 300, (310, 320), "Direct")]
    pred = [q(0, 100, (150, 160), "Direct"), q(200, 300, (310, 320), "Direct")]
    d = score([(gold, pred)])["Direct"]
    assert (d.tp, d.fp, d.fn, d.no_speaker) == (1, 1, 1, 1)
    assert "Direct 1, Indirect 0" in quotes.table(score([(gold, pred)]))


def test_dev_set_runs_when_present(capsys):
    if not quotes.default_path().exists():
        pytest.skip(f"shared quotation dataset absent at {quotes.default_path()}")
    assert quotes.evaluate_cli(None) == 0
    out = capsys.readouterr().out
    assert "Direct" in out and "Indirect" in out
