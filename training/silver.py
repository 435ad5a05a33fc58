"""Silver NER labels for the unlabelled tagging text (issue #3, "Stage 1, third series" in training/README.md).

    python -m training.silver [--model PATH] [--limit N]     # -> training/corpus/silver.jsonl (gitignored)

The sentences that stage 1 already trains the tagger on and that carry no NER annotation -- the UPOS-only
GSD train copy (13,814), GSD dev (799) and PUD[:800] (all CC BY-SA, like the tagger data they are) -- are
read by two teachers: (a) the statistical model alone (`kg.nlp.load(rules=False)`) and (b) the full
pipeline with kg's rule layer (`kg.nlp.load()`, gazetteer, name repair, PER checks). Each line holds both
readings as IOB tags on the SOURCE tokens, so training/prepare.py (`KG_PREPARE=silver_gsd...`) can attach
them to the very docs it already builds and choose its own confidence rule (e.g. only sentences where (a)
and (b) agree). An entity whose edge falls inside a source token (kg splits "CDU-Politiker" at the hyphen,
the GSD copy does not) cannot be expressed on those tokens: its tokens get "" (= missing, no loss).
A third reading "s" (strict) is (b) with the PER spans that have no given-name evidence (kg.nlp.persons:
a word of the training data's given names or of a given-name Brown cluster) left missing: on a sample of
3,000 sentences 562 of 859 (b) PER had it ("Horst Seehofer", "Peter"); the others are single surnames
("Eisenhower", "Bentleys") and many places or things ("Ponta Delgada", "Jarvis Island", "Pommade de Reclus").
Never reads a held-out text (GSD test, PUD[800:] which selects the tagger, SmartData v3, GermEval) nor
quotation_attribution_de.
"""
from __future__ import annotations

import argparse
import json

from training.common import CORPUS, LABELS, PUD_TRAIN, read_conllu, read_gsd_upos_train, shared_data

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "..."}
NO_SPACE_AFTER = {"(", "["}


def detok_spaces(words: list[str]) -> list[bool]:
    """Space-after flags for the GSD train copy, which lost them: no space before closing punctuation,
    after an opening bracket, inside straight double quotes (odd one opens, even one closes). Only the
    teachers' input text depends on it (the NER was trained on running text, not on spaced-out tokens)."""
    spaces, quotes = [True] * len(words), 0
    for k, w in enumerate(words):
        if w in NO_SPACE_BEFORE and k:
            spaces[k - 1] = False
        if w in NO_SPACE_AFTER:
            spaces[k] = False
        if w == '"':
            quotes += 1
            if quotes % 2:
                spaces[k] = False
            elif k:
                spaces[k - 1] = False
    spaces[-1] = False
    return spaces


def source_sentences(data):
    """(source, index, words, spaces) for every sentence silver labels may come from."""
    gsd = data / "ud_german_gsd"
    for i, sent in enumerate(read_gsd_upos_train(gsd / "de_gsd-ud-train.upos-only.linspector.txt")):
        words = [w for w, _ in sent]
        yield "gsd_train", i, words, detok_spaces(words)
    for i, sent in enumerate(read_conllu(gsd / "de_gsd-ud-dev.conllu")):
        yield "gsd_dev", i, [t[0] for t in sent], [t[3] for t in sent]
    for i, sent in enumerate(read_conllu(data / "ud_german_pud" / "de_pud-ud-test.conllu")):
        if i < PUD_TRAIN:  # PUD[800:] selects the tagger: never labelled
            yield "pud_train", i, [t[0] for t in sent], [t[3] for t in sent]


def text_and_offsets(words, spaces):
    starts, pos = [], 0
    for w, sp in zip(words, spaces):
        starts.append(pos)
        pos += len(w) + sp
    return "".join(w + (" " if sp else "") for w, sp in zip(words, spaces)), starts


def iob_on_tokens(ents, words, starts) -> list[str]:
    """IOB tags for (start_char, end_char, label) entities on the source tokens; an entity that does not
    start and end on token edges, or has a label outside LABELS, marks its tokens "" (missing)."""
    tags = ["O"] * len(words)
    ends = [s + len(w) for s, w in zip(starts, words)]
    for s, e, label, *_ in ents:
        idx = [k for k in range(len(words)) if starts[k] < e and ends[k] > s]
        if not idx:
            continue
        exact = starts[idx[0]] == s and ends[idx[-1]] == e and label in LABELS
        for n, k in enumerate(idx):
            tags[k] = "" if not exact or tags[k] == "" else ("B-" if n == 0 else "I-") + label
    return tags


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="teacher model dir (default kg/nlp/model)")
    ap.add_argument("--out", default=str(CORPUS / "silver.jsonl"))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    import kg.nlp as kgnlp

    sents = list(source_sentences(shared_data()))[: args.limit or None]
    texts = [text_and_offsets(w, sp) for _, _, w, sp in sents]
    from kg.nlp.persons import _given

    readings = {}
    for key, rules in (("a", False), ("b", True)):
        nlp = kgnlp.load(args.model, rules=rules, fresh=True)
        readings[key] = [[(e.start_char, e.end_char, e.label_, any(_given(t) for t in e)) for e in doc.ents]
                         for doc in nlp.pipe((t for t, _ in texts), batch_size=64)]
    # strict: a PER without given-name evidence gets a label outside LABELS, i.e. its tokens go missing
    readings["s"] = [[(s, e, lab if lab != "PER" or given else "PER?", given) for s, e, lab, given in ents]
                     for ents in readings["b"]]
    CORPUS.mkdir(parents=True, exist_ok=True)
    agree = 0
    with open(args.out, "w", encoding="utf-8") as f:
        for k, (src, i, words, _) in enumerate(sents):
            row = {"src": src, "i": i, "n": len(words)}
            for key in ("a", "b", "s"):
                row[key] = iob_on_tokens(readings[key][k], words, texts[k][1])
            agree += row["a"] == row["b"]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(sents)} sentences -> {args.out}; (a) == (b) on {agree}")


if __name__ == "__main__":
    main()
