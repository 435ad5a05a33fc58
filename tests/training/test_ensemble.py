"""training/ensemble.py's votes over several NER readings of one invented sentence (entities set by hand),
and the ensemble component in place of a pipeline's "ner"."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from training.common import MODEL_DIR
from training.ensemble import EnsembleNer, Vote, combine, fresh, use_ensemble, vote_spans, vote_tokens

WORDS = "Die Ärztin Wenke Odal sprach mit Jarl Medin von der Firma Tessler in Obervelden .".split()
#         0   1      2     3    4      5   6    7     8   9   10    11      12 13         14
A = [(2, 4, "PER"), (6, 8, "PER"), (11, 12, "ORG"), (13, 14, "LOC")]
B = [(2, 4, "PER"), (6, 7, "PER"), (11, 12, "PER"), (13, 14, "LOC")]
C = [(1, 4, "PER"), (6, 8, "PER"), (11, 12, "ORG")]
ALL_TWO = [(2, 4, "PER"), (6, 8, "PER"), (11, 12, "ORG"), (13, 14, "LOC")]


def test_span_majority_keeps_what_two_of_three_predict_exactly():
    assert vote_spans([A, B, C], 2) == ALL_TWO


def test_span_unanimity_keeps_only_the_common_spans():
    assert vote_spans([A, B, C], 3) == []
    assert vote_spans([A, B], 2) == [(2, 4, "PER"), (13, 14, "LOC")]


def test_looser_per_threshold_resolves_overlaps_by_votes_then_length():
    # PER union: "Wenke Odal" (2 votes) beats "Ärztin Wenke Odal" (1), "Jarl Medin" (2) beats "Jarl" (1);
    # "Tessler" is ORG by two members and PER by one: the ORG span has more votes
    assert vote_spans([A, B, C], 2, per_threshold=1) == ALL_TWO
    # equal votes: the longer span wins
    assert vote_spans([[(2, 3, "PER")], [(2, 4, "PER")]], 2, per_threshold=1) == [(2, 4, "PER")]


def test_stricter_per_threshold_drops_persons_not_every_member_sees():
    assert vote_spans([A, B, C], 2, per_threshold=3) == [(11, 12, "ORG"), (13, 14, "LOC")]


def test_a_member_repeating_a_span_counts_once():
    assert vote_spans([[(2, 4, "PER"), (2, 4, "PER")], []], 2) == []


def test_token_vote_takes_each_token_majority_tag():
    # token 1: B-PER once -> O; token 2: B-PER twice; token 7: I-PER twice; 11: B-ORG twice; 13: B-LOC twice
    assert vote_tokens([A, B, C], 15, 2) == ALL_TWO


def test_token_vote_opens_an_entity_at_a_stray_inside_tag():
    # two members start the name one word earlier than the majority tag of its first word says
    x = [(1, 4, "PER")]
    y = [(1, 4, "PER")]
    z = [(2, 4, "PER")]
    assert vote_tokens([x, y, z], 6, 2) == [(1, 4, "PER")]
    # token 1 gets no majority (B, I, O once each), token 2 I-PER twice: the name starts there
    assert vote_tokens([[(1, 4, "PER")], [(0, 4, "PER")], [(2, 4, "PER")]], 6, 2) == [(2, 4, "PER")]


def test_token_vote_splits_where_the_label_changes():
    x = [(2, 3, "PER"), (3, 4, "ORG")]
    assert vote_tokens([x, x], 5, 2) == [(2, 3, "PER"), (3, 4, "ORG")]


def test_combine_dispatches_on_the_vote_kind():
    assert combine([A, B, C], 15, Vote("token", 2)) == vote_tokens([A, B, C], 15, 2)
    assert combine([A, B, C], 15, Vote("span", 2, 1)) == vote_spans([A, B, C], 2, 1)
    assert str(Vote("span", 3, 4)) == "span>=3, PER>=4"


class _FixedNer:
    """A stand-in NER that sets fixed entities (a statistical member in the real ensemble)."""

    def __init__(self, ents):
        self.ents = ents

    def pipe(self, docs):
        for doc in docs:
            assert not doc.ents  # members read fresh copies, never another member's entities
            doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in self.ents]
            yield doc


def test_the_component_sets_the_voted_entities_on_the_doc():
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=WORDS)
    ens = EnsembleNer(_FixedNer(A), [("a", None), ("b", _FixedNer(B)), ("c", _FixedNer(C))], Vote("span", 2))
    (out,) = list(ens.pipe([doc]))
    assert [(e.text, e.label_) for e in out.ents] == [("Wenke Odal", "PER"), ("Jarl Medin", "PER"),
                                                      ("Tessler", "ORG"), ("Obervelden", "LOC")]


def test_fresh_copies_tokens_and_sentence_starts_but_no_entities():
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=["Jarl", "Medin", "kam", ".", "Er", "ging", "."],
              sent_starts=[True, False, False, False, True, False, False])
    doc.ents = [Span(doc, 0, 2, label="PER")]
    copy = fresh(doc)
    assert [t.text for t in copy] == [t.text for t in doc] and copy.text == doc.text
    assert [t.is_sent_start for t in copy] == [t.is_sent_start for t in doc]
    assert not copy.ents


@pytest.mark.skipif(not (MODEL_DIR / "config.cfg").exists(), reason="kg/nlp/model not built")
@pytest.mark.parametrize("rules", [False, True])
def test_the_shipped_ner_twice_gives_the_shipped_entities_in_rows_a_and_b(rules):
    """A member loaded from a model folder (tok2vec + NER on the base vocab) in place of "ner", also under
    kg's rule layers (whose whole-word re-read calls the ensemble again): the same model twice, under a
    unanimous vote, must give exactly the single model's entities."""
    import kg.nlp

    text = ("Die Ärztin Wenke Odal-Brink sprach am Montag in Obervelden mit Jarl Medin von der Tessler AG. "
            "„Wir bleiben“, sagte Medin.")
    single = kg.nlp.load(str(MODEL_DIR), rules=rules, fresh=True)
    ens = use_ensemble(kg.nlp.load(str(MODEL_DIR), rules=rules, fresh=True), ["shipped", str(MODEL_DIR)],
                       Vote("token", 2))
    assert ens.pipe_names == single.pipe_names
    want = [(e.text, e.label_) for e in single(text).ents]
    assert want and [(e.text, e.label_) for e in ens(text).ents] == want
