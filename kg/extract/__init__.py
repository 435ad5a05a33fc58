"""Extraction: spaCy Doc -> plain records (entities, statements, relations)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.docview import view
from kg.extract.entities import DocEntities
from kg.extract.records import PERSON, DocumentResult
from kg.extract.relations import extract_relations
from kg.extract.statements import extract_statements


def extract(doc: Doc, doc_id: str) -> DocumentResult:
    doc = view(doc)  # the rules read tokens through cached objects (kg.extract.docview)
    ents = DocEntities(doc, doc_id)
    statements = extract_statements(doc, ents)
    relations = extract_relations(doc, ents)
    for st in statements:  # persons named as speakers carry their country
        for eid in (st.speaker_id, *st.target_ids):
            ents.entities.get(eid)
    for old, new in _merge_short_names(ents.entities, statements).items():
        if old in ents.found:
            ents.found.add(new)
    used = {st.speaker_id for st in statements} | {t for st in statements for t in st.target_ids}
    used |= {st.affiliation_id for st in statements if st.affiliation_id}
    used |= {r.source_id for r in relations} | {r.target_id for r in relations}
    # a person only a speaker search named ("der Bundesstaat Chiapas", "die Bundespolizei" tried as a
    # subject) is no node unless a statement uses it
    entities = {k: v for k, v in ents.entities.items()
                if k in used or v.mentions and (v.type != PERSON or k in ents.found or _name_like(doc, v))}
    return DocumentResult(doc_id, entities, statements, relations)


def _name_like(doc: Doc, ent) -> bool:
    """A name the NER missed but a speaker search found ("Jutta Steinruck"): two or more words, all
    proper nouns (or name particles), none of them a place, organisation or other name to the NER."""
    from kg.extract.entities import NAME_PARTICLES

    words = ent.label.split()
    if len(words) < 2 or ent.label.endswith("(ohne Namen)") or "(" in ent.label:
        return False
    for m in ent.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) >= 2 and all(
                (t.pos_ == "PROPN" or t.text in NAME_PARTICLES) and t.ent_type_ in ("", "PER") for t in span):
            return True
    return False


def _merge_short_names(entities: dict, statements: list) -> dict[str, str]:
    """A person found by one name part ("Emily", "Kim Jong") is the person whose longer name in the
    same document contains it ("Emily Carter", "Kim Jong Un")."""
    persons = [e for e in entities.values() if e.type == "Person"]
    alias: dict[str, str] = {}
    for short in persons:
        parts = short.label.split()
        longer = [p for p in persons if p is not short and len(p.label.split()) > len(parts)
                  and p.label.split()[:len(parts)] == parts or (p is not short and len(parts) == 1
                  and len(p.label.split()) > 1 and parts[0] in p.label.split())]
        if len(longer) == 1:
            alias[short.id] = longer[0].id
    for old, new in alias.items():
        target = entities[new]
        for m in entities[old].mentions:
            moved = type(m)(m.doc_id, m.start, m.end, m.text, new)
            if moved not in target.mentions:
                target.mentions.append(moved)
        target.role = target.role or entities[old].role
        target.country = target.country or entities[old].country
        del entities[old]
    for st in statements:
        if st.speaker_id in alias:
            st.speaker_id = alias[st.speaker_id]
            m = st.speaker_mention
            st.speaker_mention = type(m)(m.doc_id, m.start, m.end, m.text, st.speaker_id)
        st.target_ids = tuple(dict.fromkeys(alias.get(t, t) for t in st.target_ids))
    return alias
