"""The text of a Doc, computed once: spaCy rebuilds ``Doc.text`` from every token on each access, and
the extractors slice it per mention and per candidate sentence (half of extraction's time before)."""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "kg_text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text
