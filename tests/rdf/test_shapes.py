"""SHACL shapes: a small valid graph conforms; each broken variant is reported with node, path and message."""

from __future__ import annotations

import re

import pytest
from rdflib import Dataset, Graph, URIRef

from kg.rdf.validate import ValidationReport, validate

PREFIXES = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix kgr: <https://w3id.org/kg-news/id/> .
@prefix schema: <http://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

VALID = PREFIXES + """
kgr:article/a a schema:NewsArticle ; kg:docId "a" ; kg:sourceFile "a.txt" ; schema:headline "Titel" .
kgr:country/UKR a schema:Country ; rdfs:label "Ukraine" ; kg:isoCode "UKR" .
kgr:country/RUS a schema:Country ; rdfs:label "Russland" ; kg:isoCode "RUS" .
kgr:person/X a schema:Person ; rdfs:label "Oleksandr Petrenko" ; kg:country kgr:country/UKR .
kgr:mention/a/10-28 a kg:Mention ; nif:beginIndex 10 ; nif:endIndex 28 ; nif:anchorOf "Oleksandr Petrenko" ;
    nif:referenceContext kgr:article/a ; kg:mentionOf kgr:person/X .
<https://w3id.org/kg-news/ontology/statement-type/demand> a kg:StatementType ; skos:notation "demand" ; rdfs:label "Forderung"@de .
<https://w3id.org/kg-news/ontology/relation-type/armed_conflict> a kg:RelationType ; skos:notation "armed_conflict" ;
    kg:polarity kg:hostile .
kgr:statement/s1 a kg:Statement, schema:Quotation ; kg:speaker kgr:person/X ; kg:speakerMention kgr:mention/a/10-28 ;
    schema:text "Wir brauchen Hilfe." ; kg:direct true ; kg:quoteStart 30 ; kg:quoteEnd 49 ;
    kg:statementType <https://w3id.org/kg-news/ontology/statement-type/demand> ; kg:target kgr:country/RUS ;
    kg:cue "sagte" ; kg:confidence 0.9 ; prov:wasDerivedFrom kgr:article/a .
kgr:relation/RUS-UKR-armed_conflict a kg:Relation ; kg:source kgr:country/RUS ; kg:target kgr:country/UKR ;
    kg:relationType <https://w3id.org/kg-news/ontology/relation-type/armed_conflict> ; kg:polarity kg:hostile ;
    kg:directed false ; kg:negated false ; kg:hedged false ; kg:evidence kgr:evidence/a/0-60 .
kgr:evidence/a/0-60 a kg:Evidence ; schema:text "Russland führt Krieg gegen die Ukraine." ; kg:cue "Krieg" ;
    nif:beginIndex 0 ; nif:endIndex 60 ; nif:referenceContext kgr:article/a ; prov:wasDerivedFrom kgr:article/a .
"""


def graph(extra: str = "", drop: tuple[str, ...] = ()) -> Graph:
    text = VALID
    for line in drop:
        assert line in text, line
        text = text.replace(line, "")
    # Turtle prefixed names cannot hold "/", so write kgr:x/y as a full IRI
    text = re.sub(r"kgr:([\w/.-]*[\w])", r"<https://w3id.org/kg-news/id/\1>", text + extra)
    return Graph().parse(data=text, format="turtle")


def test_valid_graph_conforms():
    report = validate(graph())
    assert isinstance(report, ValidationReport)
    assert report.conforms, str(report)
    assert report.violations == []


BROKEN = {  # name -> (extra triples, text removed from VALID, expected focus node fragment, path fragment)
    "iso code lower case": (PREFIXES + 'kgr:country/ua a schema:Country ; rdfs:label "U" ; kg:isoCode "ua" .', (),
                            "country/ua", "kg:isoCode"),
    "iso code missing": (PREFIXES + 'kgr:country/XXX a schema:Country ; rdfs:label "X" .', (), "country/XXX", "kg:isoCode"),
    "two iso codes": (PREFIXES + 'kgr:country/UKR kg:isoCode "UKX" .', (), "country/UKR", "kg:isoCode"),
    "mention begin after end": (PREFIXES + "kgr:mention/a/10-28 nif:beginIndex 40 .", (), "mention/a/10-28",
                                "nif:beginIndex"),
    "mention offset not integer": (PREFIXES + 'kgr:mention/b a kg:Mention ; nif:beginIndex "3" ; nif:endIndex 5 ; '
                                   'nif:anchorOf "ab" ; nif:referenceContext kgr:article/a ; kg:mentionOf kgr:person/X .',
                                   (), "mention/b", "nif:beginIndex"),
    "direct not boolean": (PREFIXES + 'kgr:statement/s1 kg:direct "yes" .', (), "statement/s1", "kg:direct"),
    "statement without speaker": ("", ("kg:speaker kgr:person/X ;",), "statement/s1", "kg:speaker"),
    "statement without quote": ("", ('schema:text "Wir brauchen Hilfe." ;',), "statement/s1", "schema:text"),
    "quote end before start": (PREFIXES + "kgr:statement/s1 kg:quoteEnd 5 .", (), "statement/s1", "kg:quote"),
    "unknown statement type": (PREFIXES + "kgr:statement/s2 a kg:Statement ; kg:speaker kgr:person/X ; "
                               "kg:speakerMention kgr:mention/a/10-28 ; schema:text \"x\" ; kg:direct false ; "
                               "kg:quoteStart 1 ; kg:quoteEnd 2 ; kg:statementType kg:nonsense ; "
                               "prov:wasDerivedFrom kgr:article/a .", (), "statement/s2", "kg:statementType"),
    "derived from a non-article": (PREFIXES + "kgr:statement/s1 prov:wasDerivedFrom kgr:country/RUS .", (),
                                   "statement/s1", "prov:wasDerivedFrom"),
    "relation polarity invalid": (PREFIXES + "kgr:relation/RUS-UKR-armed_conflict kg:polarity kg:friendly ; "
                                  "kg:directed false .", ("kg:polarity kg:hostile ;\n    kg:directed false ;",),
                                  "relation/RUS-UKR", "kg:polarity"),
    "relation without evidence": ("", ("; kg:evidence kgr:evidence/a/0-60",), "relation/RUS-UKR", "kg:evidence"),
    "relation target not a country": (PREFIXES + "kgr:relation/RUS-UKR-armed_conflict kg:target kgr:person/X .", (),
                                      "relation/RUS-UKR", "kg:target"),
    "evidence without offsets": ("", ("nif:beginIndex 0 ; nif:endIndex 60 ;",), "evidence/a/0-60", "nif:"),
    "article without docId": ("", ('kg:docId "a" ;',), "article/a", "kg:docId"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_graph_is_reported(name):
    extra, drop, focus, path = BROKEN[name]
    report = validate(graph(extra, drop))
    assert not report.conforms
    hits = [v for v in report.violations if focus in v.split(" | ")[0] and path in v.split(" | ")[1]]
    assert hits, f"expected a violation at {focus} / {path}, got:\n" + "\n".join(report.violations)
    assert all(len(v.split(" | ")) == 3 for v in report.violations)  # focus | path | message


def test_dataset_named_graphs_are_validated_merged():
    # the vocabulary lives in its own named graph; statements refer to it across graphs
    g = graph()
    ds = Dataset()
    vocab = ds.graph(URIRef("urn:vocab"))
    data = ds.graph(URIRef("urn:article"))
    st = URIRef("https://w3id.org/kg-news/ontology/statement-type/demand")
    for t in g:
        (vocab if t[0] == st else data).add(t)
    assert validate(ds).conforms


def test_seeds_graph_violations_are_readable(seeds_graph):
    report = validate(seeds_graph)
    for line in report.violations:  # whatever is wrong must say where and what
        focus, path, message = line.split(" | ", 2)
        assert focus and path and len(message) > 10
    assert "conforms" in str(report) or "violation" in str(report)
