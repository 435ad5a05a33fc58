"""Extraction: spaCy Doc -> plain records (entities, statements, relations)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities import DocEntities
from kg.extract.records import DocumentResult
from kg.extract.relations import extract_relations
from kg.extract.statements import extract_statements


def extract(doc: Doc, doc_id: str) -> DocumentResult:
    ents = DocEntities(doc, doc_id)
    statements = extract_statements(doc, ents)
    relations = extract_relations(doc, ents)
    for st in statements:  # persons named as speakers carry their country
        for eid in (st.speaker_id, *st.target_ids):
            ents.entities.get(eid)
    used = {st.speaker_id for st in statements} | {t for st in statements for t in st.target_ids}
    used |= {st.affiliation_id for st in statements if st.affiliation_id}
    used |= {r.source_id for r in relations} | {r.target_id for r in relations}
    entities = {k: v for k, v in ents.entities.items() if v.mentions or k in used}
    return DocumentResult(doc_id, entities, statements, relations)
