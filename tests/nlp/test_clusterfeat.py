"""Brown-cluster path prefixes as tok2vec features (kg/nlp/clusterfeat.py): ids, and a model using them
round-trips through to_disk / spacy.load."""
from __future__ import annotations

import numpy
import spacy
from spacy.tokens import Doc

from kg.nlp.clusterfeat import ClusterPrefixes, cluster_id, prefix_ids

# invented cluster table in the model's NORM format; the ids are the real ones of spacy-lookups-data's German
# clusters (little-endian paths: Merkel 40 = ...101000, path 000101; Peter 248, path 00011111; Berlin 80,
# path 0000101; "sagte" 4062, path 011110111111)
NORMS = {"Merkel": "⟨c40⟩", "Peter": "⟨c248⟩", "Berlin": "⟨c80⟩", "sagte": "⟨c4062⟩"}
LENGTHS = [4, 6, 10]


def nlp_with_norms(config: dict | None = None):
    nlp = spacy.blank("de")
    nlp.vocab.lookups.add_table("lexeme_norm", NORMS)
    nlp.vocab.lookups = nlp.vocab.lookups  # the setter makes NORM read the table
    if config is not None:
        nlp.add_pipe("tok2vec", config=config)
    return nlp


def test_cluster_id_parses_only_cluster_norms():
    assert cluster_id("⟨c40⟩") == 40
    assert cluster_id("merkel") is None
    assert cluster_id("⟨c40⟩x") is None


def test_prefixes_are_the_low_bits_of_the_id():
    # prefix k = the path's first k bits = id & (2**k - 1), +1 so that 0 means "no cluster"
    assert prefix_ids(40, LENGTHS) == [8 + 1, 40 + 1, 40 + 1]
    assert prefix_ids(248, LENGTHS) == [8 + 1, 56 + 1, 248 + 1]
    assert prefix_ids(80, LENGTHS) == [0 + 1, 16 + 1, 80 + 1]
    assert prefix_ids(None, LENGTHS) == [0, 0, 0]
    # surname and given name share their first 4 path bits (0001), the place does not
    assert prefix_ids(40, [4])[0] == prefix_ids(248, [4])[0] != prefix_ids(80, [4])[0]


def test_feature_extractor_reads_the_tokens_norms():
    nlp = nlp_with_norms()
    doc = Doc(nlp.vocab, words=["Peter", "Merkel", "sagte", "in", "Berlin", "Xyzzy"])
    model = ClusterPrefixes(LENGTHS)
    (feats,), _ = model([doc], is_train=False)
    assert feats.dtype == numpy.uint64
    assert feats.tolist() == [[9, 57, 249], [9, 41, 41], [15, 31, 991], [0, 0, 0], [1, 17, 81], [0, 0, 0]]
    (empty,), _ = model([Doc(nlp.vocab, words=[])], is_train=False)
    assert empty.shape == (0, 3)


TOK2VEC = {"model": {
    "@architectures": "spacy.Tok2Vec.v2",
    "embed": {"@architectures": "kg.ClusterPrefixEmbed.v1", "width": 16, "attrs": ["LOWER", "SHAPE"],
              "rows": [100, 50], "prefixes": LENGTHS, "prefix_rows": [16, 32, 64], "prefix_width": 8},
    "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 16, "depth": 1, "window_size": 1,
               "maxout_pieces": 2}}}


def test_model_round_trips_through_disk(tmp_path):
    nlp = nlp_with_norms(TOK2VEC)
    nlp.initialize()
    text = "Peter Merkel sagte in Berlin etwas."
    before = nlp(text).tensor
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    assert loaded.vocab["Merkel"].norm_ == "⟨c40⟩"
    assert numpy.allclose(loaded(text).tensor, before)
    # NORM is not embedded here, so only the prefix tables see another cluster for "Merkel"
    loaded.vocab.lookups.get_table("lexeme_norm")["Merkel"] = "⟨c80⟩"
    loaded.vocab["Merkel"].norm_ = "⟨c80⟩"
    assert not numpy.allclose(loaded(text).tensor[1], before[1])
