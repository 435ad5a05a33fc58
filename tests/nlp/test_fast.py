"""The speed settings of kg.nlp (kg/nlp/fast.py, kg/nlp/lookups.py) change nothing in the docs."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MODEL_DIR = REPO / "kg" / "nlp" / "model"

needs_model = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").exists(),
                                 reason="kg/nlp/model not built (python -m training.train)")

# line breaks, a tab, quotes, abbreviations and special cases ("Dr.", "z.B."), a no-break space
EXTRA = [
    "Merkel sagte:\n„Wir schaffen das.“\n\nDr. Schulz widersprach z.B. in Berlin.\tDie Nato schwieg.",
    "Der US-Außenminister traf\xa0am Montag den Kreml-Sprecher.  Beide lobten die Gespräche.\n",
    "",
]


def signature(doc):
    tokens = [(t.text, t.whitespace_, t.tag_, t.pos_, str(t.morph), t.lemma_, t.norm_, t.is_sent_start,
               t.ent_iob_, t.ent_type_, t.ent_id_) for t in doc]
    return tokens, [(s.start, s.end, s.label_, s.id_) for s in doc.spans.get("kg", [])]


@needs_model
def test_same_docs_as_plain_spacy_load():
    import spacy

    import kg.nlp

    texts = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))] + EXTRA
    plain = kg.nlp.add_rules(spacy.load(MODEL_DIR))
    fast = kg.nlp.load(fresh=True)
    assert type(fast.get_pipe("lemmatizer")).__name__ == "LookupLemmatizer"
    assert type(plain.get_pipe("lemmatizer")).__name__ == "Lemmatizer"
    assert fast.pipe_names == plain.pipe_names
    # twice: the second pass runs from the tokenizer cache and the lemma memo
    for _ in range(2):
        for a, b in zip(plain.pipe(texts, batch_size=2), fast.pipe(texts, batch_size=2)):
            assert signature(a) == signature(b)
    assert fast.vocab["Merkel"].norm_ == plain.vocab["Merkel"].norm_ != "merkel"  # a Brown-cluster id


def test_tag_map_only_for_plain_tag_rules():
    import spacy

    from kg.nlp.fast import simple_tag_map

    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"TAG": "ADJA"}]], {"POS": "ADJ"})
    assert simple_tag_map(ruler) == {"NN": "NOUN", "ADJA": "ADJ"}
    ruler.add([[{"TAG": "NN"}, {"TAG": "NN"}]], {"POS": "PROPN"}, index=0)
    assert simple_tag_map(ruler) is None


def test_tag_to_pos_keeps_pos_of_unmapped_tags():
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("de")
    comp = nlp.add_pipe("kg_tag_to_pos", config={"tag_map": {"NN": "NOUN", "VVFIN": "VERB"}})
    doc = Doc(nlp.vocab, words=["Haus", "steht", "da"], tags=["NN", "VVFIN", "ADV"], pos=["X", "X", "ADV"])
    assert [t.pos_ for t in comp(doc)] == ["NOUN", "VERB", "ADV"]


def test_lookup_lemmatizer():
    import spacy
    from spacy.strings import get_string_id

    nlp = spacy.blank("de")
    lem = nlp.add_pipe("kg_lookup_lemmatizer")
    lem.table = {get_string_id("Häuser"): "Haus", get_string_id("sagte"): ["sagen"]}
    doc = nlp.make_doc("Die Häuser sagte Häuser")
    doc[0].lemma_ = "der"  # set before: kept, as with overwrite=False
    assert [t.lemma_ for t in lem(doc)] == ["der", "Haus", "sagen", "Haus"]
    with nlp.memory_zone():
        assert [t.lemma_ for t in lem(nlp.make_doc("Häuser Villen"))] == ["Haus", "Villen"]
    assert [t.lemma_ for t in lem(nlp.make_doc("Häuser"))] == ["Haus"]


def test_cache_tokenizer_drops_only_whitespace_specials():
    import spacy

    from kg.nlp.fast import cache_tokenizer

    nlp = spacy.blank("de")
    before = dict(nlp.tokenizer.rules)
    cache_tokenizer(nlp)
    after = nlp.tokenizer.rules
    assert "\n" in before and "\n" not in after and "\xa0" in after  # "\xa0" sets NORM: kept
    assert {k for k in before if not k.isspace()} <= set(after)
    assert [t.text for t in nlp("Dr. Müller\n\nkam z.B. heute.\n")] == \
        ["Dr.", "Müller", "\n\n", "kam", "z.B.", "heute", ".", "\n"]


def test_install_norms_fixes_existing_lexemes():
    import spacy
    from spacy.strings import get_string_id

    from kg.nlp.lookups import install_norms

    nlp = spacy.blank("de")
    assert nlp.vocab["Merkel"].norm_ == "merkel"
    install_norms(nlp.vocab, {get_string_id("Merkel"): "⟨c40⟩"})
    assert nlp.vocab["Merkel"].norm_ == "⟨c40⟩"
    assert nlp.make_doc("Merkel und Scholz")[2].norm_ == "scholz"  # not in the table: spaCy's own norm
