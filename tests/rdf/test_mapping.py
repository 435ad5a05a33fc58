"""The ontology documents every term the mapping writes; mapping helpers build the IRIs it promises."""

from __future__ import annotations

from importlib import resources

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.extract import lexicon
from kg.rdf import mapping
from kg.rdf.namespace import KG, NIF, SCHEMA

PROV = URIRef("http://www.w3.org/ns/prov#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    g = Graph()
    g.parse(data=resources.files("kg.rdf").joinpath("ontology.ttl").read_text("utf-8"), format="turtle")
    return g


@pytest.mark.parametrize("name", sorted(KG.__annotations__))
def test_every_kg_term_is_declared_and_documented(ontology, name):
    term = KG[name]
    types = set(ontology.objects(term, RDF.type))
    assert types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}, f"{name}: {types}"
    assert ontology.value(term, RDFS.label) is not None, f"{name} has no rdfs:label"
    assert ontology.value(term, RDFS.comment) is not None, f"{name} has no rdfs:comment"


def test_no_undeclared_kg_terms_in_ontology(ontology):
    ns = str(KG._NS)
    used = {t for t in ontology.all_nodes() if isinstance(t, URIRef) and str(t).startswith(ns)}
    unknown = sorted(str(t)[len(ns):] for t in used if str(t)[len(ns):] not in KG.__annotations__)
    assert not unknown, f"ontology uses terms kg.rdf.namespace.KG does not define: {unknown}"


def test_relation_property_hierarchy(ontology):
    assert (KG.cooperativeWith, RDFS.subPropertyOf, KG.relatedTo) in ontology
    assert (KG.hostileTo, RDFS.subPropertyOf, KG.relatedTo) in ontology
    parent = {"cooperative": KG.cooperativeWith, "hostile": KG.hostileTo, "neutral": KG.neutralTowards}
    types = lexicon.relation_types()
    assert len(types) >= 9
    for code, rt in types.items():
        prop = mapping.relation_property(code)
        assert (prop, RDFS.subPropertyOf, parent[rt.polarity]) in ontology, f"{code} -> {prop}"
        symmetric = (prop, RDF.type, OWL.SymmetricProperty) in ontology
        assert symmetric == (not rt.directed), f"{code}: directed={rt.directed} but symmetric={symmetric}"


def test_alignment_to_schema_prov_nif(ontology):
    for cls in (SCHEMA.Person, SCHEMA.Organization, SCHEMA.Country, SCHEMA.Quotation, SCHEMA.NewsArticle):
        assert (cls, RDF.type, OWL.Class) in ontology, cls
    assert (KG.Mention, RDFS.subClassOf, NIF.String) in ontology
    assert (KG.speaker, RDFS.subPropertyOf, URIRef(str(PROV) + "wasAttributedTo")) in ontology
    assert (KG.Statement, RDFS.subClassOf, URIRef(str(PROV) + "Entity")) in ontology
    for prop in (URIRef(str(PROV) + "wasDerivedFrom"), NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext):
        assert ontology.value(prop, RDFS.comment) is not None, f"the ontology should say how kg uses {prop}"


def test_type_individuals_match_lexicons_and_vocabulary_graph(ontology):
    vocab = mapping.vocabulary_graph()
    for code, st in lexicon.statement_types().items():
        node = mapping.statement_type_iri(code)
        assert (node, RDF.type, KG.StatementType) in ontology, code
        assert (node, SKOS.notation, Literal(code)) in ontology and (node, SKOS.notation, Literal(code)) in vocab
        assert (node, RDFS.label, Literal(st.label, lang="de")) in ontology, code
    for code, rt in lexicon.relation_types().items():
        node = mapping.relation_type_iri(code)
        assert (node, RDF.type, KG.RelationType) in ontology, code
        assert (node, KG.polarity, KG[rt.polarity]) in ontology and (node, KG.polarity, KG[rt.polarity]) in vocab
    in_onto = set(ontology.subjects(RDF.type, KG.StatementType)) | set(ontology.subjects(RDF.type, KG.RelationType))
    in_vocab = set(vocab.subjects(RDF.type, KG.StatementType)) | set(vocab.subjects(RDF.type, KG.RelationType))
    assert in_onto == in_vocab


def test_every_kg_term_in_seeds_graph_is_in_ontology(ontology, seeds_graph):
    ns = str(KG._NS)
    used = {p for p in seeds_graph.predicates()} | set(seeds_graph.objects(None, RDF.type))
    missing = sorted(t for t in used if str(t).startswith(ns) and (t, None, None) not in ontology)
    assert not missing


def test_iris_are_percent_encoded():
    assert mapping.iri("person/Moon Jae-in") == URIRef("https://w3id.org/kg-news/id/person/Moon%20Jae-in")
    assert "<" not in mapping.iri("x/<script>") and ">" not in mapping.iri("x/<script>")
    assert mapping.relation_property("military_cooperation") == KG.militaryCooperation
    assert mapping.relation_property("armed_conflict") == KG.armedConflict
    assert mapping.statement_type_iri("warn") == URIRef("https://w3id.org/kg-news/ontology/statement-type/warn")


def test_seeds_graph_typing(seeds_graph):
    quotations = set(seeds_graph.subjects(RDF.type, SCHEMA.Quotation))
    statements = set(seeds_graph.subjects(RDF.type, KG.Statement))
    assert quotations and quotations < statements
    for st in quotations:
        assert seeds_graph.value(st, KG.direct) == Literal(True)
    for country in seeds_graph.subjects(RDF.type, SCHEMA.Country):
        assert str(country).endswith("/country/" + str(seeds_graph.value(country, KG.isoCode)))
