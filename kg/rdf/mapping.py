"""Records -> RDF. The only module that knows the ontology. One named graph per article, plus a
summary graph with what is merged over all articles (evidence counts, confidences)."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.extract import lexicon
from kg.extract.records import COUNTRY, GROUP, ORGANIZATION, PERSON, DocumentResult, Entity, Relation
from kg.ingest import Article
from kg.rdf.namespace import BASE, KG, KGR, NIF, SCHEMA

CLASSES = {PERSON: SCHEMA.Person, ORGANIZATION: SCHEMA.Organization, COUNTRY: SCHEMA.Country, GROUP: KG.Group}
SUMMARY_GRAPH = KGR["graph/summary"]
PREFIXES = {"kg": KG._NS, "kgr": KGR, "schema": SCHEMA, "nif": NIF, "prov": PROV, "skos": SKOS}


class _Terms:
    """A namespace whose terms are made once: rdflib builds and validates a new URIRef on every
    attribute access, and every article graph asks for the same few dozen terms again."""

    def __init__(self, ns):
        self._ns = ns
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._ns, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._ns[name]
        return term


# (below PREFIXES, which keeps rdflib's own namespace objects for binding prefixes)
KG, NIF, SCHEMA, PROV, RDF, RDFS, SKOS, XSD = map(_Terms, (KG, NIF, SCHEMA, PROV, RDF, RDFS, SKOS, XSD))
_literal = lru_cache(maxsize=4096, typed=True)(Literal)  # numbers, flags and labels repeat (texts do not)


def _segment(seg: str) -> str:
    # "." and ".." would be removed by IRI normalisation and point at another resource
    if seg in (".", ".."):
        return seg.replace(".", "%2E")
    if _UNRESERVED.fullmatch(seg):
        return seg  # (what quote() returns for these; most segments, and quote() is slow)
    # lone surrogates (possible in JSON input) cannot be UTF-8 encoded: escape them instead of failing
    return quote(seg, safe="", errors="backslashreplace")


_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")  # the characters quote() never escapes


@lru_cache(maxsize=16384)
def iri(path: str) -> URIRef:
    """A resource IRI; every segment percent-encoded so no input can break or redirect it."""
    return KGR["/".join(_segment(s) for s in path.split("/"))]


def graph_iri(doc_id: str) -> URIRef:
    return iri(f"graph/{doc_id}")


def statement_type_iri(code: str) -> URIRef:
    return URIRef(f"{BASE}ontology/statement-type/{quote(code)}")


def relation_type_iri(code: str) -> URIRef:
    return URIRef(f"{BASE}ontology/relation-type/{quote(code)}")


def relation_property(code: str) -> URIRef:
    head, *rest = code.split("_")
    return KG[head + "".join(p.capitalize() for p in rest)]


def relation_iri(rel: Relation) -> URIRef:
    a, b = rel.source_id.split("/", 1)[1], rel.target_id.split("/", 1)[1]
    return iri(f"relation/{a}-{b}-{rel.type}")


def bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def _entity(g: Graph | set, ent: Entity) -> URIRef:
    node = iri(ent.id)
    g.add((node, RDF.type, CLASSES[ent.type]))
    g.add((node, RDFS.label, _literal(ent.label)))
    g.add((node, SCHEMA.name, _literal(ent.label)))
    if ent.iso3:
        g.add((node, KG.isoCode, _literal(ent.iso3)))
    if ent.country and ent.type != COUNTRY:
        g.add((node, KG.country, iri(f"country/{ent.country}")))
        _country(g, ent.country)
    return node


def _country(g: Graph | set, iso: str) -> None:
    """A country named only as someone's affiliation still carries its label and code."""
    from kg.nlp import gazetteer

    node = iri(f"country/{iso}")
    label = gazetteer.countries()[iso]["label"]
    g.add((node, RDF.type, SCHEMA.Country))
    g.add((node, RDFS.label, _literal(label)))
    g.add((node, SCHEMA.name, _literal(label)))
    g.add((node, KG.isoCode, _literal(iso)))


def _mention(g: Graph | set, article: URIRef, doc_id: str, start: int, end: int, text: str, entity: URIRef) -> URIRef:
    node = iri(f"mention/{doc_id}/{start}-{end}")
    g.add((node, RDF.type, KG.Mention))
    g.add((node, NIF.beginIndex, _literal(start)))
    g.add((node, NIF.endIndex, _literal(end)))
    g.add((node, NIF.anchorOf, _literal(text)))
    g.add((node, NIF.referenceContext, article))
    g.add((node, KG.mentionOf, entity))
    return node


def article_graph(article: Article, result: DocumentResult) -> Graph:
    """The named graph of one article."""
    g = Graph(identifier=graph_iri(article.doc_id))
    bind(g)
    for t in article_triples(article, result):
        g.add(t)
    return g


def article_triples(article: Article, result: DocumentResult) -> set[tuple]:
    """The triples of one article's named graph. A set, not a Graph: `kg build` only writes them out,
    and rdflib's Graph.add (indexing every triple three ways) cost more than making them."""
    g: set[tuple] = set()  # the helpers call g.add((s, p, o)) on a Graph or on this set alike
    art = iri(f"article/{article.doc_id}")
    g.add((art, RDF.type, SCHEMA.NewsArticle))
    g.add((art, KG.docId, _literal(article.doc_id)))
    g.add((art, KG.sourceFile, _literal(article.source)))
    if article.title:
        g.add((art, SCHEMA.headline, _literal(article.title)))
    if article.date:
        g.add((art, SCHEMA.datePublished, _literal(article.date)))
    if article.url:
        g.add((art, SCHEMA.url, _literal(article.url, datatype=XSD.anyURI)))
    if article.publisher:
        g.add((art, SCHEMA.publisher, _literal(article.publisher)))
    for ent in sorted(result.entities.values(), key=lambda e: e.id):
        node = _entity(g, ent)
        for m in ent.mentions:
            _mention(g, art, article.doc_id, m.start, m.end, m.text, node)
    for st in result.statements:
        node = iri(f"statement/{st.id}")
        g.add((node, RDF.type, KG.Statement))
        if st.direct:
            g.add((node, RDF.type, SCHEMA.Quotation))
        speaker = iri(st.speaker_id)
        g.add((node, KG.speaker, speaker))
        m = st.speaker_mention
        g.add((node, KG.speakerMention, _mention(g, art, article.doc_id, m.start, m.end, m.text, speaker)))
        g.add((node, SCHEMA.text, Literal(st.quote)))  # (unique: kept out of the cache)
        g.add((node, KG.quoteStart, _literal(st.quote_start)))
        g.add((node, KG.quoteEnd, _literal(st.quote_end)))
        g.add((node, KG.direct, _literal(st.direct)))
        g.add((node, KG.statementType, statement_type_iri(st.type)))
        if st.cue:
            g.add((node, KG.cue, _literal(st.cue)))
        if st.role:
            g.add((node, KG.role, _literal(st.role)))
        if st.affiliation_id:
            g.add((node, KG.affiliation, iri(st.affiliation_id)))
        for t in st.target_ids:
            g.add((node, KG.target, iri(t)))
        g.add((node, KG.confidence, _literal(round(st.confidence, 3), datatype=XSD.decimal)))
        g.add((node, PROV.wasDerivedFrom, art))
        g.add((node, SCHEMA.isPartOf, art))
    for rel in result.relations:
        node = relation_iri(rel)
        src, tgt = iri(rel.source_id), iri(rel.target_id)
        g.add((node, RDF.type, KG.Relation))
        g.add((node, KG.source, src))
        g.add((node, KG.target, tgt))
        g.add((node, KG.relationType, relation_type_iri(rel.type)))
        g.add((node, KG.polarity, KG[rel.polarity]))
        g.add((node, KG.directed, _literal(rel.directed)))
        if not rel.negated:
            g.add((src, relation_property(rel.type), tgt))
        for ev in rel.evidence:
            evn = iri(f"evidence/{ev.doc_id}/{ev.start}-{ev.end}")
            g.add((node, KG.evidence, evn))
            g.add((evn, RDF.type, KG.Evidence))
            g.add((evn, SCHEMA.text, Literal(ev.text)))
            g.add((evn, KG.cue, _literal(ev.cue)))
            g.add((evn, NIF.beginIndex, _literal(ev.start)))
            g.add((evn, NIF.endIndex, _literal(ev.end)))
            g.add((evn, NIF.referenceContext, art))
            g.add((evn, PROV.wasDerivedFrom, art))
    return g


def summary_graph(relations: list[Relation]) -> Graph:
    """Relation facts merged over all articles: evidence count and confidence."""
    g = Graph(identifier=SUMMARY_GRAPH)
    bind(g)
    for rel in relations:
        node = relation_iri(rel)
        # flags are merged over articles (negated only if every article negates it), so they live here
        g.add((node, KG.negated, _literal(rel.negated)))
        g.add((node, KG.hedged, _literal(rel.hedged)))
        g.add((node, KG.evidenceCount, _literal(len(rel.evidence))))
        g.add((node, KG.confidence, _literal(round(rel.confidence, 3), datatype=XSD.decimal)))
    return g


def vocabulary_graph() -> Graph:
    """Labels of the statement and relation types (so query results can show them)."""
    g = Graph(identifier=iri("graph/vocabulary"))
    bind(g)
    for st in lexicon.statement_types().values():
        node = statement_type_iri(st.code)
        g.add((node, RDF.type, KG.StatementType))
        g.add((node, SKOS.notation, _literal(st.code)))
        g.add((node, RDFS.label, _literal(st.label, lang="de")))
        if st.plover != "-":
            g.add((node, KG.plover, _literal(st.plover)))
        g.add((node, KG.cameo, _literal(st.cameo)))
    for rt in lexicon.relation_types().values():
        node = relation_type_iri(rt.code)
        g.add((node, RDF.type, KG.RelationType))
        g.add((node, SKOS.notation, _literal(rt.code)))
        g.add((node, RDFS.label, _literal(rt.label, lang="de")))
        g.add((node, KG.polarity, KG[rt.polarity]))
        g.add((node, KG.plover, _literal(rt.plover)))
    return g


def dataset(graphs: list[Graph]) -> Dataset:
    ds = Dataset()
    bind(ds)
    for g in graphs:
        target = ds.graph(g.identifier)
        for t in g:
            target.add(t)
    return ds
