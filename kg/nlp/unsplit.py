"""The statistical NER reads words split at kg's hyphen rule as the whole words it was trained on.

kg's tokenizer splits "US-Außenminister" into "US", "-", "Außenminister" so that the gazetteer sees the
country, but the NER was trained on unsplit words and misreads split names: "Boutros Boutros-Ghali"
as "Boutros", "Boutros", "-", "Ghali" yields no entity at all, "YouTube-Stars Kelly Kiara" an
organisation (on SmartData v3 dev the split cost the full pipeline 1.3 points of PER F against the
model alone). So a few words around every word split before a proper noun are read a second time by
the tokenizer without the hyphen rule, the shared tok2vec and the NER, and the persons and places of
that reading replace the split reading's there (mapped back by character offsets; a common-noun part
joined to a person's name by a hyphen stays out, as in kg/nlp/names.py). Tagger, lemmas and everything
else keep the split tokens."""

from __future__ import annotations

import re
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.names import HYPHEN_INFIX, proper_parts

SPLIT = re.compile(HYPHEN_INFIX)  # the splits kg's hyphen rule makes
# only words split before a proper noun are read again ("Boutros-Ghali", "YouTube-Stars",
# "Baden-Württemberg"), not role and topic compounds ("US-Außenminister", "CDU-Chef"); "" = no tagger
NAME_POS = {"PROPN", "X", ""}
STATISTICAL = ("tok2vec", "ner")  # what the NER needs: the shared embedding and itself
CONTEXT = 6  # words read on each side of a split word (the NER looks a few words around)
# labels taken from the whole-word reading; organisations stay the split reading's, which finds them
# as the first part of a compound ("Lufthansa-Flugbegleiter", "VW-Abgasskandal"; SmartData v3 dev ORG F
# 0.564 split vs 0.538 whole-word)
LABELS = {"PER", "LOC"}
BATCH = 64

Window = tuple[int, int, int, int]  # token start, end; sentence start, end


def _windows(doc: Doc) -> list[Window]:
    """Token windows of CONTEXT words around every word split before a proper noun, within its
    sentence; overlapping windows merged."""
    out: list[list[int]] = []
    for m in SPLIT.finditer(doc.text):
        hyphen = doc.char_span(m.start(), m.end())
        if hyphen is None or hyphen.end >= len(doc) or doc[hyphen.end].pos_ not in NAME_POS:
            continue
        sent = hyphen.sent
        a, b = hyphen.start - 1, hyphen.end
        while a > sent.start and not doc[a - 1].whitespace_:
            a -= 1
        while b < sent.end - 1 and not doc[b].whitespace_:
            b += 1
        a, b = max(sent.start, a - CONTEXT), min(sent.end, b + 1 + CONTEXT)
        if out and out[-1][2] == sent.start and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b, sent.start, sent.end])
    return [tuple(w) for w in out]


def _at_cut(span: Span, windows: list[Window]) -> bool:
    """The entity touches a window edge inside its sentence: the name may go on beyond it."""
    return any((span.start == a and a != s) or (span.end == b and b != e)
               for a, b, s, e in windows if a <= span.start < b)


def _merge(doc: Doc, windows: list[Window], sub: Doc, shifts: list[tuple[int, int]]) -> None:
    whole, read = [], set()
    for e in sub.ents:
        shift = next(d for at, d in reversed(shifts) if at <= e.start_char)
        span = doc.char_span(e.start_char + shift, e.end_char + shift, label=e.label, alignment_mode="expand")
        if span is None or _at_cut(span, windows):
            continue
        read.update(range(span.start, span.end))
        if span.label_ in LABELS:
            # a place keeps its common-noun parts ("Main-Tauber-Kreis"), a person not
            whole.append(proper_parts(span) if span.label_ == "PER" else span)
    taken = {i for e in whole for i in range(e.start, e.end)}
    # the split reading's persons and places stay where the whole-word reading found no entity at all
    # ("UNMISS-Vertreter Toby Lanzer": only the split reading sees the person), its other entities
    # where the whole-word reading found no person or place
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))
            and not (e.label_ in LABELS and any(i in read for i in range(e.start, e.end)))]
    doc.ents = filter_spans(kept + whole)


class UnsplitNer:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.nlp = nlp
        self.tokenizer = None  # set by kg.nlp.add_rules: the tokenizer without the hyphen rule

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = BATCH):
        """Batched: the second readings of a batch of texts go through tok2vec and the NER together
        (one call per text cost more than the reading itself)."""
        docs = iter(docs)
        while batch := list(islice(docs, batch_size)):
            yield from self._batch(batch)

    def _batch(self, docs: list[Doc]) -> list[Doc]:
        if self.tokenizer is None or "ner" not in self.nlp.pipe_names:
            return docs
        jobs = []
        for doc in docs:
            windows = _windows(doc)
            if windows:
                # one second reading per text: its windows joined by spaces
                shifts, parts, at = [], [], 0
                for a, b, _, _ in windows:
                    span = doc[a:b]
                    shifts.append((at, span.start_char - at))
                    parts.append(span.text)
                    at += len(span.text) + 1
                jobs.append((doc, windows, shifts, self.tokenizer(" ".join(parts))))
        subs = [job[3] for job in jobs]
        for name in STATISTICAL:
            if name in self.nlp.pipe_names and subs:
                subs = list(self.nlp.get_pipe(name).pipe(subs))
        for (doc, windows, shifts, _), sub in zip(jobs, subs):
            _merge(doc, windows, sub, shifts)
        return docs


@Language.factory("kg_unsplit_ner")
def make_unsplit_ner(nlp: Language, name: str) -> UnsplitNer:
    return UnsplitNer(nlp, name)
