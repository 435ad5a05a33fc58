"""training/evaluate.py's --changed listing: which spans the rule layer adds to or removes from the
statistical model's, judged against gold (invented sentences, entities set by hand)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example

from training.evaluate import changed


def _doc(vocab, words, ents):
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_changed_lists_added_and_removed_spans_with_their_gold_judgement():
    vocab = spacy.blank("de").vocab
    words = "Leiterin Bodenanalyse Wenke Odal und Jarl Medin-Rass sprachen".split()
    gold = _doc(vocab, words, [(2, 4, "PER"), (5, 7, "PER")])
    a = _doc(vocab, words, [(5, 7, "PER")])
    b = _doc(vocab, words, [(1, 2, "PER"), (2, 4, "PER"), (5, 6, "PER")])
    lines = changed([Example(a, gold)], [Example(b, gold)], "PER")
    kinds = [line.split()[:3] for line in lines]
    assert kinds == [["ADDED", "FP", "'Bodenanalyse'"], ["ADDED", "TP", "'Wenke"], ["ADDED", "BOUND", "'Jarl'"],
                     ["REMOVED", "TP", "'Jarl"]]
