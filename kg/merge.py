"""Corpus-level merge of person nodes, applied when the outputs are written.

Each article is extracted alone, so "Olaf Scholz sagte ..." in one article is `person/olaf-scholz`
and "Scholz sagte ..." in another is `person/scholz`. After every record of a build is known (fresh or
cached), a person named by one word is mapped to the one multi-word person of the whole corpus whose
last name part is that word; when two or more full names share it ("Hans Müller", "Eva Müller") nothing
is merged, nor when the word begins a full name in the corpus (a given name there: "Karl" beside "Anton Karl" and
"Karl Huber"), is an initial ("D."), or the two persons carry different countries. The merge depends on the whole corpus, so it is never stored in a cache entry: it is
computed from all records at output time and applied to their N-Triples lines (adding or removing an
article can change it). Only entity IRIs change; mentions and statements keep their spans, roles and
affiliations. The short name stays on the merged node as skos:altLabel (one rdfs:label per node)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Literal
from rdflib.namespace import RDFS, SKOS
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.cache import ArticleRecord
from kg.extract.entities import slug
from kg.extract.records import PERSON
from kg.rdf import mapping
from kg.rdf.namespace import SCHEMA

# the short node's names become alternative labels of the merged node (one rdfs:label per node)
_NAMES = {f"<{RDFS.label}>", f"<{SCHEMA['name']}>"}
_ALT = f"<{SKOS.altLabel}>"


@dataclass
class Persons:
    """Person entities of a build, collected record by record (in any order: the merge is a function
    of the set of records)."""

    shorts: dict[str, str] = field(default_factory=dict)  # one-word person id -> label
    labels: dict[str, str] = field(default_factory=dict)  # multi-word person id -> label
    by_surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # last word -> full ids
    given: set[str] = field(default_factory=set)  # first words of multi-word person names
    countries: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # person id -> kg:country
    docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # one-word id -> doc ids

    def add(self, rec: ArticleRecord) -> None:
        res = rec.result
        for eid, ent in res.entities.items():
            # named persons only: an unnamed one ("Sprecher (USA)") has an id that is not its label's slug
            if ent.type != PERSON or eid != f"person/{slug(ent.label)}":
                continue
            words = ent.label.split()
            # (one id may come with two spellings, "Müller"/"Muller": the same one whatever the order)
            if len(words) == 1:
                self.shorts[eid] = min(ent.label, self.shorts.get(eid, ent.label))
                # (statement speakers and targets are entities of their article too: kg.extract)
                self.docs[eid].add(rec.doc_id)
            else:
                self.by_surname[words[-1]].add(eid)
                self.given.add(words[0])
                self.labels[eid] = min(ent.label, self.labels.get(eid, ent.label))
            if ent.country:
                self.countries[eid].add(ent.country)

    def merges(self) -> dict[str, str]:
        """One-word person id -> the id of the one full name it is the surname of."""
        out = {}
        for eid, label in self.shorts.items():
            full = self.by_surname.get(label, ())
            # a word that begins a full name in the corpus is a given name there ("Karl" beside "Karl Huber"
            # and "Anton Karl"); an initial ("D.") is no surname. (A given-name lexicon would also keep
            # "Gabriel" from "Sigmar Gabriel", whom news names by surname alone.)
            if len(full) != 1 or label in self.given or label.endswith("."):
                continue
            (target,) = full
            mine, theirs = self.countries.get(eid), self.countries.get(target)
            # a different country says another person (and kg:country stays one value per node)
            if mine and theirs and not mine <= theirs:
                continue
            out[eid] = target
        return out


class Rewriter:
    """Maps the IRIs of merged nodes in N-Triples lines."""

    def __init__(self, merges: dict[str, str], labels: dict[str, str]):
        self.iris = {mapping.iri(a).n3(): mapping.iri(b).n3() for a, b in merges.items()}
        # the full name as an N-Triples literal, for the merged node's names in the short one's article
        self.names = {mapping.iri(b).n3(): _quoteLiteral(Literal(labels[b])) for b in merges.values()}

    def lines(self, line: str) -> list[str]:
        s, p, o = line.split(" ", 2)  # (IRIs hold no space; a literal object keeps its spaces)
        s2 = self.iris.get(s, s)
        if o.startswith("<"):
            iri = o[:o.index(">") + 1]
            o = self.iris.get(iri, iri) + o[len(iri):]
        if s2 != s and p in _NAMES:
            # the short name becomes an alternative label; the article's graph still names the node
            return [f"{s2} {_ALT} {o}", f"{s2} {p} {self.names[s2]} ."]
        return [f"{s2} {p} {o}"]

    def touches(self, line: str) -> bool:
        s, _, rest = line.partition(" ")
        if s in self.iris:
            return True
        o = rest.partition(" ")[2]
        return o.startswith("<") and o[:o.index(">") + 1] in self.iris

    def article(self, lines: list[str]) -> tuple[list[str], list[str], list[str]]:
        """(lines that change, what they become, the article's lines after the merge, sorted)."""
        old = [l for l in lines if self.touches(l)]
        new = sorted({n for l in old for n in self.lines(l)})
        gone = set(old)
        return old, new, sorted({l for l in lines if l not in gone} | set(new))
