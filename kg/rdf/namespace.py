"""kg's vocabulary. DefinedNamespace makes a misspelt term fail at import or use."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-news/"
KGR = Namespace(BASE + "id/")  # resources: articles, entities, statements, relations
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("http://schema.org/")


class KG(DefinedNamespace):
    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Statement: URIRef
    StatementType: URIRef
    Mention: URIRef
    Group: URIRef
    Relation: URIRef
    RelationType: URIRef
    Evidence: URIRef
    Polarity: URIRef
    # article
    sourceFile: URIRef
    docId: URIRef
    # entities
    isoCode: URIRef
    country: URIRef
    mentionOf: URIRef
    # statements
    speaker: URIRef
    speakerMention: URIRef
    cue: URIRef
    statementType: URIRef
    direct: URIRef
    target: URIRef
    role: URIRef
    affiliation: URIRef
    quoteStart: URIRef
    quoteEnd: URIRef
    confidence: URIRef
    plover: URIRef
    cameo: URIRef
    # relations
    source: URIRef
    relationType: URIRef
    polarity: URIRef
    directed: URIRef
    negated: URIRef
    hedged: URIRef
    evidence: URIRef
    evidenceCount: URIRef
    # direct relation properties (one per relation type) and their polarity super-properties
    relatedTo: URIRef
    cooperativeWith: URIRef
    hostileTo: URIRef
    neutralTowards: URIRef
    alliance: URIRef
    cooperation: URIRef
    militaryCooperation: URIRef
    economicCooperation: URIRef
    support: URIRef
    militarySupport: URIRef
    diplomaticSupport: URIRef
    aid: URIRef
    agreement: URIRef
    armedConflict: URIRef
    sanctions: URIRef
    attack: URIRef
    threat: URIRef
    criticism: URIRef
    tension: URIRef
    diplomaticRelations: URIRef
    negotiation: URIRef
    trade: URIRef
    # polarity individuals
    cooperative: URIRef
    hostile: URIRef
    neutral: URIRef
