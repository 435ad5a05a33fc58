"""The rule lexicons derived from the NER training data (training/lexicons.py)."""

from __future__ import annotations

from training.lexicons import bio_spans, organisations


def test_bio_spans_joins_entity_words():
    words = ["Der", "Chef", "von", "Wincor", "Nixdorf", ",", "Eckard", "Heidloff", "."]
    tags = ["O", "O", "O", "B-ORG", "I-ORG", "O", "B-PER", "I-PER", "O"]
    assert bio_spans(words, tags) == [("Wincor Nixdorf", "ORG"), ("Eckard Heidloff", "PER")]
    assert bio_spans(["Nixdorf", "kam"], ["I-ORG", "O"]) == [("Nixdorf", "ORG")]  # repaired I- start


def test_organisations_never_a_whole_person_name():
    spans = [("Halvorn", "ORG"), ("Halvorn", "ORG"), ("Ford", "ORG"), ("Ford", "PER"), ("Henry Ford", "PER"),
             ("Velmora Logistik AG", "ORG"), ("die Bahn", "ORG"), ("a", "ORG")]
    assert organisations(spans) == [("Halvorn", 2), ("Velmora Logistik AG", 1)]
