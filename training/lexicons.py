"""Derive kg's NER rule lexicons from the NER TRAINING data only (never the held-out or dev sets):

    python -m training.lexicons          # reads $KG_SHARED_DATA, writes kg/nlp/data/ner_organisations.tsv
                                         # and kg/nlp/data/ner_given_names.tsv

Sources are exactly the NER training sources of training/prepare.py: GermEval 2014 dev sentences with
index % 5 != 4, SmartData v1 train+test minus every v3 dev/test id, Europeana Newspapers (all chunks: the
ones prepare.py leaves out are in no evaluation set either). The names are facts taken from CC BY 4.0
(GermEval, SmartData) and CC0 (Europeana) annotations; kg/nlp/data/README.md gives the attribution.

ner_organisations.tsv: names annotated as an organisation at least MIN_ORG times and never as a whole
person name ("Halliburton", "Wincor Nixdorf", "Ford"), read by kg/nlp/persons.py to turn a statistical
PER with exactly that text into ORG. "Henry Ford" stays a person: only the whole text is compared.

ner_given_names.tsv: given names, i.e. words that begin a person name of two or more words at least
MIN_GIVEN times in the modern sources (GermEval, SmartData) or MIN_GIVEN_ALL times in all (Europeana's OCR
and its surname-first Tyrolean lists make bad given names when rare: "Oberrauch Josef") and stand inside a person name in at least GIVEN_SHARE of
all their occurrences in all three sources ("Frank", "Prinz" and "Dr" do not); titles
(`title` in kg/nlp/data/person_context.tsv: "Graf", "Lord") are left out. Read by kg/nlp/evidence.py.

ner_cluster_persons.tsv: for each Brown cluster of the model's NORM table (`token.norm_` = "⟨c40⟩"), how
many training words fall in it, how many of them are inside a person name and how many begin one: a word
of a cluster whose words are never names ("Anhänger", "Frankfurt") does not end a person's name, unless
only given names precede it ("Jonas Feld"). Read by kg/nlp/persons.py.
"""
from __future__ import annotations

import re
import sys
from collections import Counter

from training.common import (REPO, fix_bio, germeval_split, read_avro_json, read_europeana, read_germeval,
                             shared_data, smartdata_doc_parts, smartdata_training)

MIN_ORG = 1
MIN_GIVEN = 2  # in GermEval + SmartData
MIN_GIVEN_ALL = 5  # in all three sources
GIVEN_SHARE = 0.75
CLUSTER_OUT = REPO / "kg" / "nlp" / "data" / "ner_cluster_persons.tsv"
GIVEN_OUT = REPO / "kg" / "nlp" / "data" / "ner_given_names.tsv"
_WORD = re.compile(r"[^\s.,;:!?()\"„“»«]+")
MAX_TOKENS = 5
OUT = REPO / "kg" / "nlp" / "data" / "ner_organisations.tsv"
_NAME = re.compile(r"[A-ZÄÖÜ0-9]")


def bio_spans(words, tags):
    """(text, label) of each entity of a BIO-tagged sentence."""
    out, cur = [], None
    for word, tag in zip(words, fix_bio(tags)):
        if tag.startswith("I-") and cur:
            cur[1].append(word)
            continue
        if cur:
            out.append((" ".join(cur[1]), cur[0]))
        cur = (tag[2:], [word]) if tag.startswith("B-") else None
    if cur:
        out.append((" ".join(cur[1]), cur[0]))
    return out


def training_spans(data):
    for i, (w, t) in enumerate(read_germeval(data / "germeval2014" / "NER-de-dev.tsv")):
        if germeval_split(i) == "train":
            yield from bio_spans(w, t)
    sd = data / "smartdata_corpus"
    held = {o["id"] for f in ("v3_20200302_dev.json.gz", "v3_20200302_test.json.gz") for o in read_avro_json(sd / f)}
    for obj in smartdata_training(sd, held):
        text, ents = smartdata_doc_parts(obj)
        for s, e, label in ents:
            yield " ".join(text[s:e].strip(",;:. ").split()), label
    for f in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
        for w, t in read_europeana(data / "europeana_newspapers_ner_de" / f):
            yield from bio_spans(w, t)


def training_words(data):
    """(source, words, BIO tags) of every training sentence or document; SmartData split at white space
    and punctuation, each word tagged by the entity that contains it."""
    for i, (w, t) in enumerate(read_germeval(data / "germeval2014" / "NER-de-dev.tsv")):
        if germeval_split(i) == "train":
            yield "modern", w, fix_bio(t)
    sd = data / "smartdata_corpus"
    held = {o["id"] for f in ("v3_20200302_dev.json.gz", "v3_20200302_test.json.gz") for o in read_avro_json(sd / f)}
    for obj in smartdata_training(sd, held):
        text, ents = smartdata_doc_parts(obj)
        words, tags = [], []
        for m in _WORD.finditer(text):
            inside = [(a, label) for a, b, label in ents if a <= m.start() and m.end() <= b]
            words.append(m.group())
            tags.append(f"{'B' if inside[0][0] == m.start() else 'I'}-{inside[0][1]}" if inside else "O")
        yield "modern", words, fix_bio(tags)
    for f in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
        for w, t in read_europeana(data / "europeana_newspapers_ner_de" / f):
            yield "europeana", w, fix_bio(t)


def cluster_persons(sentences, vocab) -> list[tuple[str, int, int, int]]:
    """(cluster, training words in it, of these inside a person name, of these the first word of a person
    name of two or more words) for every cluster seen."""
    total, inside, first = Counter(), Counter(), Counter()
    for _, words, tags in sentences:
        for i, (w, t) in enumerate(zip(words, tags)):
            cluster = vocab[w].norm_
            if cluster.startswith("⟨"):
                total[cluster] += 1
                inside[cluster] += t.endswith("-PER")
                first[cluster] += t == "B-PER" and i + 1 < len(tags) and tags[i + 1] == "I-PER"
    return sorted(((c, n, inside[c], first[c]) for c, n in total.items()), key=lambda x: (-x[1], x[0]))


def given_names(sentences, titles: set[str]) -> list[tuple[str, int]]:
    first, first_all, inside, total = Counter(), Counter(), Counter(), Counter()
    for source, words, tags in sentences:
        for i, (w, t) in enumerate(zip(words, tags)):
            total[w] += 1
            inside[w] += t.endswith("-PER")
            if t == "B-PER" and i + 1 < len(tags) and tags[i + 1] == "I-PER":
                first_all[w] += 1
                first[w] += source == "modern"
    return sorted(((w, n) for w, n in first_all.items()
                   if (first[w] >= MIN_GIVEN or n >= MIN_GIVEN_ALL) and inside[w] >= GIVEN_SHARE * total[w] and w.isalpha() and len(w) > 1
                   and w[:1].isupper() and not w.isupper() and w not in titles),
                  key=lambda x: (-x[1], x[0]))


def organisations(spans) -> list[tuple[str, int]]:
    counts = Counter(spans)
    persons = {name for (name, label) in counts if label == "PER"}
    return sorted(((name, n) for (name, label), n in counts.items()
                   if label == "ORG" and n >= MIN_ORG and name not in persons and _NAME.match(name)
                   and len(name) > 1 and len(name.split()) <= MAX_TOKENS),
                  key=lambda x: (-x[1], x[0]))


HEADER = """# Organisation names from kg's NER training data (generated by `python -m training.lexicons`; do not edit).
# A name annotated as an organisation and never as a whole person name in GermEval 2014 (dev, training
# 4/5; CC BY 4.0), SmartData v1 (minus v3 dev/test; CC BY 4.0) or Europeana Newspapers NER (CC0).
# kg/nlp/persons.py turns a statistical PER with exactly this text (hyphens read as spaces) into ORG.
# name\ttimes annotated ORG
"""

GIVEN_HEADER = f"""# Given names from kg's NER training data (generated by `python -m training.lexicons`; do not edit).
# A word that begins a person name of two or more words at least {MIN_GIVEN} times in GermEval 2014 (dev, training
# 4/5; CC BY 4.0) or SmartData v1 (minus v3 dev/test; CC BY 4.0), or {MIN_GIVEN_ALL} times in these and Europeana
# Newspapers NER (CC0), and is inside a person name in at least
# {GIVEN_SHARE:.0%} of its occurrences in all three; titles left out.
# kg/nlp/evidence.py extends a person span that ends in one of them over a name particle ("... von Scheffel").
# name\ttimes first word of a person name (all sources)
"""

CLUSTER_HEADER = """# Brown clusters of kg's model (the NORM table, `token.norm_`) with the share of person names among
# their words in the NER training data (generated by `python -m training.lexicons`; do not edit).
# Sources as in ner_organisations.tsv. kg/nlp/persons.py: a word of a cluster that is (almost) never
# inside a person name does not end one ("Erdogan Anhänger" -> "Erdogan").
# cluster\ttraining words\tof these inside a person name
"""


def main():
    data = shared_data()
    if not (data / "germeval2014").exists():
        sys.exit(f"shared data not found at {data} (set KG_SHARED_DATA)")
    orgs = organisations(training_spans(data))
    OUT.write_text(HEADER + "".join(f"{name}\t{n}\n" for name, n in orgs), encoding="utf-8")
    print(f"{len(orgs)} organisation names -> {OUT}")
    from kg.nlp.persons import context
    names = given_names(training_words(data), set(context().get("title", ())))
    GIVEN_OUT.write_text(GIVEN_HEADER + "".join(f"{name}\t{n}\n" for name, n in names), encoding="utf-8")
    print(f"{len(names)} given names -> {GIVEN_OUT}")
    import kg.nlp
    clusters = cluster_persons(training_words(data), kg.nlp.load(rules=False).vocab)
    CLUSTER_OUT.write_text(CLUSTER_HEADER + "".join(f"{c}\t{n}\t{p}\t{g}\n" for c, n, p, g in clusters), encoding="utf-8")
    print(f"{len(clusters)} clusters -> {CLUSTER_OUT}")


if __name__ == "__main__":
    main()
