"""Plain typed records that extraction produces. They know nothing of RDF.

Offsets are Python string indices into the article's text (end exclusive); for a text file that is
the file's decoded content, for HTML the extracted main text, for JSONL the line's `text` field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Entity types (the RDF mapping turns them into schema.org classes).
PERSON = "Person"
ORGANIZATION = "Organization"
COUNTRY = "Country"
GROUP = "Group"

COOPERATIVE = "cooperative"
HOSTILE = "hostile"
NEUTRAL = "neutral"


@dataclass(frozen=True, order=True)
class Mention:
    """A stretch of an article's text that names an entity."""

    doc_id: str
    start: int
    end: int
    text: str
    entity_id: str


@dataclass
class Entity:
    """One real-world entity; `id` is stable across documents (e.g. ``country/RUS``)."""

    id: str
    label: str
    type: str
    iso3: str | None = None  # countries only
    country: str | None = None  # ISO alpha-3 of the country a person/org belongs to
    role: str | None = None  # e.g. "Außenminister" (kept per statement too)
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Statement:
    """Who said what, about whom (actor - statement - target)."""

    id: str
    doc_id: str
    speaker_id: str  # canonical entity id
    speaker_mention: Mention  # the span the attribution names ("Thompson", "er")
    quote: str
    quote_start: int
    quote_end: int
    direct: bool
    type: str  # code from extract/data/statement_types.tsv
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    role: str | None = None  # speaker's role in this statement ("Sprecherin")
    affiliation_id: str | None = None  # entity id of the org/country the speaker speaks for
    target_ids: tuple[str, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True)
class Evidence:
    """A sentence that supports a relation."""

    doc_id: str
    start: int
    end: int
    text: str
    cue: str


@dataclass
class Relation:
    """Country - relation - country, merged over sentences and documents."""

    source_id: str  # entity id of a country
    target_id: str
    type: str  # code from extract/data/relation_types.tsv
    polarity: str  # cooperative | hostile | neutral
    directed: bool = False
    negated: bool = False
    hedged: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source_id, self.target_id, self.type)


@dataclass
class DocumentResult:
    """Everything extracted from one article."""

    doc_id: str
    entities: dict[str, Entity]
    statements: list[Statement]
    relations: list[Relation]
