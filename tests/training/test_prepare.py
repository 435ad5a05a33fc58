"""The data conversion in training/prepare.py: label and token conventions made consistent."""

from __future__ import annotations

import json

import pytest
import spacy

from training import prepare
from training.prepare import bio_doc, convention_map, trim_entity


def test_bio_words_are_split_like_kg_tokenizes_and_stay_inside_the_name():
    vocab = spacy.blank("de").vocab
    doc = bio_doc(vocab, ["Tina", "Theune-Meyer", "sagte", "US-Außenminister", "Jae-in"],
                  ["B-PER", "I-PER", "O", "O", "B-PER"], split_hyphens=True)
    assert [t.text for t in doc] == ["Tina", "Theune", "-", "Meyer", "sagte", "US", "-", "Außenminister", "Jae-in"]
    assert doc.text == "Tina Theune-Meyer sagte US-Außenminister Jae-in "
    assert [(e.text, e.label_) for e in doc.ents] == [("Tina Theune-Meyer", "PER"), ("Jae-in", "PER")]


def test_bio_words_stay_whole_without_the_hyphen_option():
    doc = bio_doc(spacy.blank("de").vocab, ["Tina", "Theune-Meyer"], ["B-PER", "I-PER"])
    assert [t.text for t in doc] == ["Tina", "Theune-Meyer"]


def test_prepare_options_are_selected_separately_and_v2_means_all():
    assert prepare.selected_options({}) == set()
    assert prepare.selected_options({"KG_PREPARE": "convention"}) == {"convention"}
    assert prepare.selected_options({"KG_PREPARE": "trim, hyphen"}) == {"trim", "hyphen"}
    assert prepare.selected_options({"KG_PREPARE_V2": "1"}) == {"convention", "hyphen", "trim"}
    assert prepare.germeval_repeat(prepare.selected_options({"KG_PREPARE": "convention,germeval_x3"})) == 3
    assert prepare.germeval_repeat(set()) == 1
    assert prepare.europeana_keep_every(prepare.selected_options({"KG_PREPARE": "convention,europeana_k2"})) == 2
    assert prepare.europeana_keep_every(set()) == prepare.EUROPEANA_KEEP_EVERY == 4
    with pytest.raises(SystemExit):
        prepare.selected_options({"KG_PREPARE": "convention,typo"})


def test_entity_offsets_lose_trailing_punctuation_but_not_abbreviation_periods():
    for text, kept in [("Karl Josef Scheer.", "Karl Josef Scheer"), ("Wolfgang Bittner,", "Wolfgang Bittner"),
                       ("Main-Tauber-Kreis:", "Main-Tauber-Kreis"), ("Nico G.", "Nico G."),
                       ("Google Inc.", "Google Inc."), ("Praha hl.n.", "Praha hl.n.")]:
        assert text[:trim_entity(text, 0, len(text))] == kept


def test_convention_map_takes_only_forms_both_sides_agree_on():
    old = [[("diese", "PRON"), ("Frage", "NOUN")]] * 5 + [[("die", "DET")]] * 5 + [[("die", "PRON")]] * 4
    new = [[("diese", "DET"), ("Frage", "NOUN")]] * 4 + [[("die", "PRON")]] * 4
    new = [[(w, t, "", True) for w, t in s] for s in new]
    assert convention_map(old, new) == {("diese", "PRON"): "DET"}  # "die" is ambiguous in the old data


def test_convention_conflicts_are_old_tags_the_current_data_rarely_gives():
    old = [[("als", "ADP"), ("Oktober", "PROPN"), ("um", "ADP")]]
    new = [[("als", "CCONJ", "", True), ("Oktober", "NOUN", "", True), ("um", "ADP", "", True)]] * 3
    new += [[("als", "ADP", "", True), ("um", "SCONJ", "", True)]]
    conflicts = prepare.convention_conflicts(old, new, share=0.34)
    assert conflicts == {("als", "ADP"), ("Oktober", "PROPN")}  # "um" ADP is still 3 of 4


def test_stage2_tags_of_split_words_follow_the_whole_word():
    triples = [("Main-Tauber-Kreis", "PROPN", True), ("CDU-Politiker", "NOUN", False), ("!", "PUNCT", True)]
    assert prepare.split_hyphen_tags(triples) == [
        ("Main", "PROPN", "", False), ("-", "PUNCT", "", False), ("Tauber", "PROPN", "", False),
        ("-", "PUNCT", "", False), ("Kreis", "PROPN", "", True),
        ("CDU", "", "", False), ("-", "PUNCT", "", False), ("Politiker", "NOUN", "", False),
        ("!", "PUNCT", "", True)]


def test_stage2_docs_map_blank_and_repeat():
    vocab = spacy.blank("de").vocab
    old = [[("diese", "PRON"), ("Frage", "NOUN"), ("als", "ADP")]] * 3
    new = [[("diese", "DET", "", True), ("Frage", "NOUN", "", True), ("als", tag, "", False),
            ("US-Außenminister", "NOUN", "", True)] for tag in ("CCONJ", "CCONJ", "SCONJ")]
    docs = list(prepare.stage2_docs(vocab, old, new, convention_map(old, new), repeat=2, share=0.34, split=True))
    assert len(docs) == 3 + 3 * 2
    assert [t.tag_ for t in docs[0]] == ["DET", "NOUN", ""]  # mapped; "als" ADP conflicts, left unset
    assert [t.tag_ for t in docs[3]][:3] == ["DET", "NOUN", "CCONJ"]  # current data kept as it is
    assert [(t.text, t.tag_) for t in docs[-1]][-3:] == [("US", ""), ("-", "PUNCT"), ("Außenminister", "NOUN")]
    assert docs[-1].text == "diese Frage alsUS-Außenminister "


def test_invented_snippets_enter_training_only_with_the_option(tmp_path):
    assert prepare.invented_repeat(set()) == 0
    assert prepare.invented_repeat(prepare.selected_options({"KG_PREPARE": "invented"})) == 1
    assert prepare.invented_repeat(prepare.selected_options({"KG_PREPARE": "invented_x2"})) == 2
    text = "Trainerin Anna Berger lobte den SC Freiburg."
    (tmp_path / "invented_zz.jsonl").write_text(
        json.dumps({"id": "zz_001", "text": text, "entities": [[10, 21, "PER"], [32, 43, "ORG"]]}) + "\n")
    (tmp_path / "other.jsonl").write_text("not read\n")
    [(got, ents)] = prepare.invented_snippets(tmp_path)
    assert got == text and [text[s:e] for s, e, _ in ents] == ["Anna Berger", "SC Freiburg"]
    doc, bad = prepare.text_doc(prepare.kg_tokenizer_nlp(), got, ents)
    assert bad == 0 and [(e.text, e.label_) for e in doc.ents] == [("Anna Berger", "PER"), ("SC Freiburg", "ORG")]
