"""What the person and speaker nodes of a build look like: counts of kinds of problems a reader sees.

Runs the build path on the quotation dev set (150 articles; kg.eval.quotes) and checks every person
node of the output and every speaker of a statement:

* **not a name**: a person node whose label is no person's name — it has a lower-case word other than
  a name particle ("Ein Vertreter der …"), a word that names a kind of thing (an organisation, place or
  time noun of the extraction lexicons, a role noun, a derivational noun ending: "-verband", "-ung"),
  a coordination ("Sonia und Willy"), or the same words are a place or organisation for the NER or the
  gazetteer elsewhere in its article ("Chiapas", "Bundespolizei");
* **one word**: a person node known only by one word (a short name no full name was found for);
* **split**: the same person under two ids across the articles: a short name or a genitive ("Merkel",
  "Merkels") beside a full name with that surname ("Angela Merkel") in another article, or two full
  names one of which contains the other's words ("George Bush" / "George W. Bush": listed for a reader
  to judge, father and son differ; not counted as errors);
* **inflected role**: a role of a statement or a person not in the nominative singular
  ("Airbus-Vorstandsvorsitzenden", "Senders").

The checks are heuristics for a reader's judgement, not a gold standard; they give before/after
numbers. Run ``python -m kg.eval.speakers [PATH] [--list]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.eval.quotes import articles, default_path, load_gold

NAME_PARTICLES = {"von", "van", "de", "der", "den", "al", "bin", "da", "di", "zu", "ibn", "el", "la", "le", "du",
                  "dos", "das", "del", "ter", "ten", "y", "e"}
# derivational endings of German common nouns, which no personal name ends with
NOUN_ENDINGS = ("ung", "ungen", "heit", "keit", "schaft", "schaften", "tion", "ismus", "ität", "verband",
                "polizei", "ministerium", "amt", "ämter", "partei", "parteien", "getränke", "räume",
                "anhänger", "ausschuss", "kreis", "kreuz")
GENITIVE_ROLE = re.compile(r".*[a-zäöü](er|or|eur|ent|ant|ist)s$")


@dataclass
class Report:
    persons: int = 0  # person nodes (distinct ids)
    speakers: int = 0  # distinct person ids that speak
    not_name: dict[str, list[str]] = field(default_factory=dict)  # id -> reasons
    one_word: list[str] = field(default_factory=list)
    splits: list[tuple[str, str]] = field(default_factory=list)  # (short/genitive id, full id)
    variants: list[tuple[str, str]] = field(default_factory=list)  # (full id, fuller id)
    roles: set[tuple[str, str]] = field(default_factory=set)  # (id, inflected role)
    speaker_ids: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)


def _kind_words() -> tuple[str, ...]:
    """Endings of organisation and time nouns (place nouns only as whole words: "Tolksdorf")."""
    from kg.extract import lexicon

    return lexicon.organisation_nouns() + lexicon.time_nouns()


def not_a_name(label: str, places: set[str], kinds: tuple[str, ...]) -> list[str]:
    """Why `label` is no person's name (empty when it may be one)."""
    from kg.extract.entities import is_role_word, place_nouns
    from kg.nlp import gazetteer

    why = []
    words = label.replace("-", " ").split()
    if any(w[:1].islower() and w not in NAME_PARTICLES for w in words):
        why.append("lower-case word")
    low = [w.lower() for w in words]
    if "und" in low or "oder" in low:
        why.append("coordination")
    if any(w.endswith(kinds) or w.endswith(NOUN_ENDINGS) or w in place_nouns() for w in low if len(w) > 3) or \
            any(w in gazetteer.roles() or is_role_word(w) for w in words):
        why.append("kind or role noun")
    if label in places:
        why.append("a place or organisation in its article")
    return why


def inflected_role(role: str | None) -> bool:
    """A role not in the nominative singular: a listed role's oblique form as its last part
    ("Airbus-Vorstandsvorsitzenden", "des Präsidenten"), or a genitive in -s ("Senders")."""
    from kg.nlp import gazetteer

    if not role:
        return False
    own = role.rpartition("-")[2]
    if GENITIVE_ROLE.fullmatch(own):
        return True
    low = own.lower()
    for form, entry in gazetteer.roles().items():
        female = {f for f in entry.forms if f.endswith(("in", "innen", "e"))}
        if low.endswith(form.lower()) and form not in (entry.base, *female) and len(form) >= 5:
            if any(low.endswith(f.lower()) for f in (entry.base, *female)):
                continue  # ("Vorstandsvorsitzender" ends with the form "Vorsitzender" too)
            return True
    return False


def measure(path: str | Path) -> Report:
    """Build the dataset's articles (kg's build path) and check their person nodes."""
    from kg import nlp as kg_nlp
    from kg.extract import extract

    docs = load_gold(path)
    arts = articles(docs, path)
    nlp = kg_nlp.load()
    rep = Report()
    kinds = _kind_words()
    persons: dict[str, str] = {}
    docs_of: dict[str, set[str]] = defaultdict(set)
    for art, doc in zip(arts, nlp.pipe(a.body for a in arts)):
        result = extract(doc, art.doc_id)
        places = {e.text for e in doc.ents if e.label_ in ("LOC", "ORG")}
        places |= {s.text for s in doc.spans.get("kg", []) if s.label_ in ("COUNTRY", "ORG")}
        places -= {e.text for e in doc.ents if e.label_ == "PER"}  # (the NER itself of two minds)
        for st in result.statements:
            if st.speaker_id.startswith("person/"):
                rep.speaker_ids.add(st.speaker_id)
            if inflected_role(st.role):
                rep.roles.add((st.speaker_id, st.role))
        for eid, ent in result.entities.items():
            if ent.type != "Person":
                continue
            persons[eid] = ent.label
            docs_of[eid].add(art.doc_id)
            if inflected_role(ent.role):
                rep.roles.add((eid, ent.role))
            if "(" in ent.label:  # an unnamed one, "Sprecher (USA)": labelled by role on purpose
                continue
            why = not_a_name(ent.label, places, kinds)
            if why:
                rep.not_name[eid] = sorted(set(rep.not_name.get(eid, [])) | set(why))
    rep.labels = persons
    rep.persons = len(persons)
    rep.speakers = len(rep.speaker_ids)
    named = {eid: lab for eid, lab in persons.items() if "(" not in lab and eid not in rep.not_name}
    rep.one_word = sorted(eid for eid, lab in named.items() if len(lab.split()) == 1)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for eid, lab in named.items():
        by_surname[lab.split()[-1]].add(eid)
    for eid, lab in sorted(named.items()):
        words = lab.split()
        last = words[-1]
        stem = last[:-1] if last.endswith("s") and last[:-1] in by_surname else None
        for other in sorted(by_surname.get(last, set()) | (by_surname.get(stem, set()) if stem else set())):
            olab = named[other].split()
            if other == eid or docs_of[other] == docs_of[eid] and stem is None:
                continue
            if len(words) == 1 or stem is not None and words[:-1] == olab[:-1]:
                if len(olab) > 1:
                    rep.splits.append((eid, other))
            elif len(olab) > len(words) and set(words) <= set(olab):
                rep.variants.append((eid, other))
    return rep


def table(rep: Report) -> str:
    spk = rep.speaker_ids
    bad_spk = [e for e in rep.not_name if e in spk]
    lines = [f"person nodes {rep.persons}, of them speakers {rep.speakers}",
             f"{'problem':44} {'persons':>8} {'speakers':>8}",
             f"{'not a name (label is no person name)':44} {len(rep.not_name):8} {len(bad_spk):8}",
             f"{'one word only (short name unresolved)':44} {len(rep.one_word):8} "
             f"{len([e for e in rep.one_word if e in spk]):8}",
             f"{'split: short/genitive name vs full name':44} {len(rep.splits):8} "
             f"{len([p for p in rep.splits if p[0] in spk or p[1] in spk]):8}",
             f"{'inflected role (statement or node)':44} {len({r[1] for r in rep.roles}):8} "
             f"{len({r[1] for r in rep.roles if r[0] in spk}):8}",
             f"{'(listed only) full-name variants':44} {len(rep.variants):8} "
             f"{len([p for p in rep.variants if p[0] in spk or p[1] in spk]):8}"]
    return "\n".join(lines)


def listing(rep: Report) -> str:
    lab = rep.labels
    out = ["-- not a name"] + [f"  {'S' if e in rep.speaker_ids else ' '} {lab[e]!r}: {', '.join(w)}"
                               for e, w in sorted(rep.not_name.items())]
    out += ["-- one word only"] + [f"  {'S' if e in rep.speaker_ids else ' '} {lab[e]!r}" for e in rep.one_word]
    out += ["-- split"] + [f"  {lab[a]!r} / {lab[b]!r}" for a, b in rep.splits]
    out += ["-- inflected roles"] + [f"  {lab.get(e, e)!r}: {r!r}" for e, r in sorted(rep.roles)]
    out += ["-- full-name variants (a reader judges)"] + [f"  {lab[a]!r} / {lab[b]!r}" for a, b in rep.variants]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.eval.speakers", description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="dataset JSONL(.gz); default: shared quotation_attribution_de dev")
    ap.add_argument("--list", action="store_true", help="list the nodes behind each count")
    args = ap.parse_args(argv)
    path = Path(args.path) if args.path else default_path()
    if not path.exists():
        print(f"skipped: quotation dataset not found at {path} (set KG_SHARED_DATA or pass PATH)")
        return 0
    rep = measure(path)
    print(f"person and speaker nodes: {path}")
    print(table(rep))
    if args.list:
        print(listing(rep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
