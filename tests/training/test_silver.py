"""Silver NER labels (training/silver.py) and how training/prepare.py attaches them to the tagging docs."""

from __future__ import annotations

import json

import pytest
import spacy

from training import prepare
from training.silver import detok_spaces, iob_on_tokens, text_and_offsets


def test_spacing_of_the_gsd_copy_is_restored_around_punctuation_and_quotes():
    words = ["Sie", "wohnt", "in", '"', "Haus", "Sonne", '"', "(", "Celle", ")", "."]
    text, starts = text_and_offsets(words, detok_spaces(words))
    assert text == 'Sie wohnt in "Haus Sonne" (Celle).'
    assert [text[s:s + len(w)] for s, w in zip(starts, words)] == words


def test_entities_map_onto_source_tokens_and_a_cut_inside_a_token_goes_missing():
    words = ["Anna", "Kuhn", "traf", "CDU-Politiker", "in", "Celle"]
    text, starts = text_and_offsets(words, [True] * 5 + [False])
    ents = [(0, 9, "PER"), (text.index("CDU"), text.index("CDU") + 3, "ORG"),
            (text.index("Celle"), len(text), "LOC")]
    assert iob_on_tokens(ents, words, starts) == ["B-PER", "I-PER", "O", "", "O", "B-LOC"]
    # a label outside PER/ORG/LOC/MISC (the strict reading's unconfirmed person) is missing too
    assert iob_on_tokens([(0, 9, "PER?")], words, starts) == ["", "", "O", "O", "O", "O"]


def _write(tmp_path, rows):
    path = tmp_path / "silver.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_silver_options_choose_agreeing_sentences_the_strict_reading_persons_only_and_a_share(tmp_path):
    rows = [{"src": "gsd_train", "i": 0, "n": 2, "a": ["B-PER", "O"], "b": ["B-PER", "O"], "s": ["", "O"]},
            {"src": "gsd_train", "i": 1, "n": 2, "a": ["O", "O"], "b": ["B-ORG", "O"], "s": ["B-ORG", "O"]},
            {"src": "pud_train", "i": 0, "n": 2, "a": ["O", "O"], "b": ["O", "O"], "s": ["O", "O"]}]
    path = _write(tmp_path, rows)
    assert prepare.silver_tags(set(), path) == {}
    assert prepare.silver_tags({"silver_gsd"}, path) == {("gsd_train", 0): ["B-PER", "O"], ("pud_train", 0): ["O", "O"]}
    assert prepare.silver_tags({"silver_gsd_b"}, path)[("gsd_train", 1)] == ["B-ORG", "O"]
    assert prepare.silver_tags({"silver_gsd", "silver_strict"}, path)[("gsd_train", 0)] == ["", "O"]
    assert prepare.silver_tags({"silver_gsd_b", "silver_per"}, path)[("gsd_train", 1)] == ["", "O"]
    assert list(prepare.silver_tags({"silver_gsd_b", "silver_k2"}, path)) == [("gsd_train", 0), ("pud_train", 0)]
    assert prepare.selected_options({"KG_PREPARE": "silver_gsd,silver_strict,silver_per,silver_k3"}) == {
        "silver_gsd", "silver_strict", "silver_per", "silver_k3"}
    with pytest.raises(SystemExit):
        prepare.silver_tags({"silver_gsd"}, tmp_path / "absent.jsonl")


def test_silver_tags_annotate_a_tagging_doc_and_missing_tokens_carry_no_ner_label():
    vocab = spacy.blank("de").vocab
    sent = [("Anna", "PROPN", "", True), ("Kuhn", "PROPN", "", True), ("lacht", "VERB", "", False)]
    doc = prepare.tag_doc(vocab, sent, with_morph=False, ents=prepare.with_silver(sent, ["B-PER", "", "O"]))
    assert [(t.tag_, t.ent_iob_) for t in doc] == [("PROPN", "B"), ("PROPN", ""), ("VERB", "O")]
    assert not prepare.tag_doc(vocab, sent, with_morph=False).has_annotation("ENT_IOB")
    with pytest.raises(ValueError):
        prepare.with_silver(sent, ["O"])
