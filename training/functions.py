"""Training-time registered functions (needed only by `spacy train`, not at runtime)."""
from __future__ import annotations

import json

import spacy

import kg.nlp.clusterfeat  # noqa: F401  (registers kg.ClusterPrefixEmbed.v1 for configs that use it)


@spacy.registry.callbacks("kg.add_cluster_norms.v1")
def create_add_cluster_norms(path: str):
    """Put Brown-cluster ids (from spacy-lookups-data's de_lexeme_cluster) into the vocab's `lexeme_norm` table.

    The NORM attribute then carries a word-cluster id ("⟨c40⟩" = surnames, ...) for the 300k most frequent
    words (lower-cased word for the rest); the table is serialized with the vocab, so no code is needed at runtime.
    The word identity itself is embedded via LOWER.
    """

    def add(nlp):
        with open(path, encoding="utf-8") as f:
            table = json.load(f)
        lookups = nlp.vocab.lookups
        if lookups.has_table("lexeme_norm"):
            lookups.remove_table("lexeme_norm")
        lookups.add_table("lexeme_norm", table)
        nlp.vocab.lookups = lookups  # setter installs the NORM getter
        for lex in list(nlp.vocab):
            if lex.orth_ in table:
                lex.norm_ = table[lex.orth_]
        assert nlp.vocab["Merkel"].norm_.startswith("⟨c"), nlp.vocab["Merkel"].norm_
        return nlp

    return add
