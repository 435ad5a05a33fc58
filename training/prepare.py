"""Convert the shared open data into spaCy DocBin files under training/corpus/ (gitignored).

    python -m training.prepare            # reads $KG_SHARED_DATA or <repo>/../shared/data

Outputs (training/corpus/):
  train.spacy   GermEval dev (4/5), SmartData v1 train+test minus v3 dev/test ids, Europeana (1/4 subsample),
                GSD upos-only train (TAG), GSD dev + PUD[:800] (TAG, POS, MORPH); with KG_PREPARE=silver_* these
                tagging docs also carry silver NER labels (training/silver.py)
  dev.spacy     SmartData v3 dev (NER) + PUD[800:] (TAG/POS/MORPH)   -- model selection only
  train_tags.spacy, dev_tags.spacy   stage 2 (tagger only, training/stage2.py): the tagging part of
                train/dev; the GSD train copy always mapped to the current UD conventions (stage2_docs)
  test_germeval.spacy, test_smartdata.spacy, test_gsd.spacy           -- FIXED held-out evaluation, never trained on
  cluster_norms.json   Brown-cluster ids (spacy-lookups-data de_lexeme_cluster, top 300k words) used as NORM feature
NEVER reads quotation_attribution_de (non-commercial, measure-only).
"""
from __future__ import annotations

import gzip
import json
import os
import re
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import compile_infix_regex

from training.common import (CORPUS, PUD_TRAIN, fix_bio, germeval_split, read_avro_json, read_conllu, read_europeana,
                             read_germeval, read_gsd_upos_train, shared_data, smartdata_doc_parts, smartdata_training)

N_CLUSTER_WORDS = 300_000
EUROPEANA_KEEP_EVERY = 4
# stage 2 tagging data (chosen on PUD[800:] tag accuracy, training/README.md "Experiments"): the
# current-convention sentences repeated 6x; old-copy tags the current data gives a form < 34% of the time unset
STAGE2_REPEAT = 6
STAGE2_CONFLICT_SHARE = 0.34


def kg_tokenizer_nlp():
    """Blank German pipeline with kg's runtime hyphen rule (letter-UPPERCASE hyphen split)."""
    nlp = spacy.blank("de")
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[^\W\d_])-(?=[A-ZÄÖÜ])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


# Optional training-side conversions, chosen with KG_PREPARE="convention,hyphen,trim" (any subset;
# KG_PREPARE_V2=1 = all three, the "Experiment v2" of training/README.md):
#   convention  map the old UPOS-only GSD train copy to the current UD conventions (convention_map)
#   hyphen      split pre-tokenized NER training words (GermEval, Europeana) at kg's runtime hyphen rule
#   trim        trim SmartData training entity offsets like the test gold (trim_entity)
#   germeval_xN repeat the GermEval training sentences N times (its share of the NER data is small: 33k
#               tokens / 557 PER vs SmartData 121k / 1,063 PER and Europeana's noisy OCR 37k / 1,317 PER,
#               and it is the only set with MISC and with many rare names)
#   europeana_kN keep every Nth Europeana chunk instead of every EUROPEANA_KEEP_EVERY-th (k2 = half)
#   silver_gsd  silver NER labels (training/silver.py, run it first) on the tagging sentences that have no
#               NER gold (GSD train copy, GSD dev, PUD[:800]): only sentences where the model alone (a) and
#               the full pipeline (b) read the same entities; the others stay without NER annotation
#   silver_gsd_b the full pipeline's (b) reading on every sentence (the rule layer's corrections included)
#   silver_strict with silver_gsd(_b): the strict reading, PER spans without given-name evidence missing
#   silver_per  with silver_gsd(_b): only the silver persons; silver ORG/LOC spans are left missing
#   silver_kN   only every Nth silver sentence (the silver PER outnumber the gold ones: 3,900 vs ~2,900)
# The held-out test sets never depend on them (test gold is always trimmed, GermEval test words unsplit).
OPTIONS = ("convention", "hyphen", "trim", "germeval_xN", "europeana_kN", "silver_gsd", "silver_gsd_b", "silver_strict",
           "silver_per", "silver_kN", "invented", "invented_xN")
_REPEAT = re.compile(r"germeval_x([1-9])")
_KEEP = re.compile(r"europeana_k([1-9])")
_SILVER_KEEP = re.compile(r"silver_k([1-9])")
_INVENTED_REPEAT = re.compile(r"invented_x([1-9])")
INVENTED_NER = Path(__file__).resolve().parent / "ner"


def selected_options(env=os.environ) -> set[str]:
    if env.get("KG_PREPARE_V2") == "1":
        return set(OPTIONS[:3])
    chosen = {o.strip() for o in env.get("KG_PREPARE", "").split(",") if o.strip()}
    plain = set(OPTIONS[:3]) | {"silver_gsd", "silver_gsd_b", "silver_strict", "silver_per", "invented"}
    repeats = (_REPEAT, _KEEP, _SILVER_KEEP, _INVENTED_REPEAT)
    unknown = {o for o in chosen - plain if not any(r.fullmatch(o) for r in repeats)}
    if unknown:
        sys.exit(f"KG_PREPARE: unknown option(s) {sorted(unknown)}; known: {', '.join(OPTIONS)}")
    return chosen


def germeval_repeat(opts: set[str]) -> int:
    reps = [int(m.group(1)) for m in map(_REPEAT.fullmatch, opts) if m]
    return max(reps, default=1)


def europeana_keep_every(opts: set[str]) -> int:
    keeps = [int(m.group(1)) for m in map(_KEEP.fullmatch, opts) if m]
    return min(keeps, default=EUROPEANA_KEEP_EVERY)


def invented_repeat(opts: set[str]) -> int:
    """How often the project's invented NER snippets (training/ner/) enter train.spacy: 0 without the option."""
    reps = [int(m.group(1)) for m in map(_INVENTED_REPEAT.fullmatch, opts) if m]
    return max(reps, default=1 if "invented" in opts else 0)


def invented_snippets(folder: Path = INVENTED_NER) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, label)]) of every line of training/ner/invented_*.jsonl."""
    out = []
    for path in sorted(folder.glob("invented_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            out.append((obj["text"], [(s, e, lab) for s, e, lab in obj["entities"]]))
    return out


def silver_tags(opts: set[str], path=None) -> dict[tuple[str, int], list[str]]:
    """(source, sentence index) -> silver IOB tags ("" = missing) for the chosen silver_* options; {} if none."""
    if not opts & {"silver_gsd", "silver_gsd_b"}:
        return {}
    path = path or CORPUS / "silver.jsonl"
    if not path.exists():
        sys.exit(f"{path} missing: run `python -m training.silver` first")
    keep = min([int(m.group(1)) for m in map(_SILVER_KEEP.fullmatch, opts) if m], default=1)
    out, reading = {}, "s" if "silver_strict" in opts else "b"
    for k, line in enumerate(path.open(encoding="utf-8")):
        row = json.loads(line)
        if k % keep == 0 and ("silver_gsd_b" in opts or row["a"] == row["b"]):
            tags = row[reading]
            if "silver_per" in opts:
                tags = [t if t in ("O", "") or t.endswith("-PER") else "" for t in tags]
            out[(row["src"], row["i"])] = tags
    return out


def with_silver(sent, tags):
    """Tagging-doc tuples plus their silver IOB tags (None = no NER annotation at all)."""
    if tags is not None and len(tags) != len(sent):
        raise ValueError("silver.jsonl does not match the tagging sentences: rerun `python -m training.silver`")
    return tags


_HYPHEN_SPLIT = re.compile(r"(?<=[^\W\d_])(-)(?=[A-ZÄÖÜ])")


def bio_doc(vocab, words, tags, split_hyphens: bool = False):
    """A pre-tokenized NER sentence; with split_hyphens its words are split at kg's runtime hyphen rule
    ("Theune-Meyer" -> "Theune", "-", "Meyer", all inside the name) as kg.nlp.load() tokenizes."""
    out_w, out_t, spaces = [], [], []
    for word, tag in zip(words, tags):
        parts = [p for p in _HYPHEN_SPLIT.split(word) if p] if split_hyphens else [word]
        for k, part in enumerate(parts):
            out_w.append(part)
            out_t.append(tag if k == 0 or tag == "O" else "I-" + tag[2:])
            spaces.append(k == len(parts) - 1)
    return Doc(vocab, words=out_w, spaces=spaces, ents=fix_bio(out_t))


def _tag_counts(sents):
    """form -> Counter of its tags, over (form, tag, ...) tuples."""
    from collections import Counter, defaultdict
    counts = defaultdict(Counter)
    for sent in sents:
        for tok in sent:
            counts[tok[0]][tok[1]] += 1
    return counts


def convention_map(old_sents, new_sents, min_count: int = 3, share: float = 0.85) -> dict[tuple[str, str], str]:
    """(form, old tag) -> new tag for forms the old UPOS-only GSD train copy tags one way and the current UD
    release (GSD dev, PUD) consistently another ("diese", "alles", "keine": PRON -> DET). Only forms that
    are unambiguous on both sides are remapped; case matters ("Steuern" is not "steuern")."""
    old, new = _tag_counts(old_sents), _tag_counts(new_sents)
    out = {}
    for form, counts in new.items():
        (tag_new, n_new), total_new = counts.most_common(1)[0], sum(counts.values())
        if form not in old or total_new < min_count or n_new < share * total_new:
            continue
        (tag_old, n_old), total_old = old[form].most_common(1)[0], sum(old[form].values())
        if tag_old != tag_new and n_old >= share * total_old:
            out[(form, tag_old)] = tag_new
    return out


def convention_conflicts(old_sents, new_sents, share: float, min_count: int = 3) -> set[tuple[str, str]]:
    """(form, tag) pairs of the (already mapped) old GSD train copy whose tag the current UD release rarely
    gives that form (in under `share` of its >= min_count occurrences): "als" ADP (now mostly CCONJ/SCONJ),
    "Oktober" PROPN (now mostly NOUN), numbers as PROPN. Stage 2 leaves these tokens unannotated, so the
    tagger learns those forms from the current-convention data only."""
    old, new = _tag_counts(old_sents), _tag_counts(new_sents)
    return {(form, tag) for form, counts in new.items() if form in old and sum(counts.values()) >= min_count
            for tag in old[form] if counts[tag] < share * sum(counts.values())}


def split_hyphen_tags(sent):
    """(form, tag, space) triples split at kg's runtime hyphen rule, as kg.nlp.load() tokenizes. The parts of
    a proper noun stay proper nouns ("Main-Tauber-Kreis" PROPN -> Main Tauber Kreis all PROPN, "-" PUNCT);
    in a common compound only the head keeps the word's tag ("CDU-Politiker" NOUN -> "Politiker" NOUN) and
    the modifiers are left unannotated. kg's name repair (kg/nlp/names.py) extends entities over PROPN parts."""
    out = []
    for form, tag, space in sent:
        parts = [p for p in _HYPHEN_SPLIT.split(form) if p]
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            sub = "PUNCT" if part == "-" else tag if (last or tag == "PROPN" or not tag) else ""
            out.append((part, sub, "", space if last else False))
    return out


def stage2_docs(vocab, old_sents, new_sents, remap, repeat: int, share: float, split: bool):
    """Tagging docs for stage 2 (training/stage2.py): the old GSD train copy mapped to the current conventions
    (`remap`) with the remaining conflicts unannotated, plus the current-convention data repeated `repeat`
    times (1,600 sentences against 13,800 of the old copy); words split like kg's tokenizer if `split`."""
    mapped = [[(w, remap.get((w, u), u)) for w, u in sent] for sent in old_sents]
    blank = convention_conflicts(mapped, new_sents, share) if share else set()
    sents = [[(w, "" if (w, u) in blank else u, True) for w, u in sent] for sent in mapped]
    sents += [[(t[0], t[1], t[3]) for t in sent] for sent in new_sents] * repeat
    for sent in sents:
        sent = split_hyphen_tags(sent) if split else [(w, u, "", sp) for w, u, sp in sent]
        yield tag_doc(vocab, sent, with_morph=False)


def tag_doc(vocab, sent, with_morph: bool, with_lemma: bool = False, ents: list[str] | None = None):
    words = [t[0] for t in sent]
    spaces = [t[3] for t in sent] if len(sent[0]) > 3 else None
    doc = Doc(vocab, words=words, spaces=spaces, tags=[t[1] for t in sent], ents=ents)
    if with_morph:
        for tok, t in zip(doc, sent):
            tok.pos_ = t[1]
            tok.set_morph(t[2] or None)
            if with_lemma:
                tok.lemma_ = t[4]
    return doc


# SmartData's offsets often take in the punctuation after a name ("Scheer." / "Main-Tauber-Kreis:"),
# an artefact of its tokenizer. Trailing , ; : always go; a trailing period goes after a word of three or
# more letters that is no abbreviation (so "Nico G.", "hl.n.", "Inc." keep theirs).
ABBREVIATIONS = {"Inc", "Corp", "Ltd", "Bros", "Co", "Jr", "Sr", "St", "Nr", "Str", "Dr", "Prof"}
_WORD_BEFORE_PERIOD = re.compile(r"(?:^|[\s-])([^\W\d_]{3,})\.$")


def trim_entity(text: str, s: int, e: int) -> int:
    """The end offset of the entity text[s:e] without trailing punctuation that is not part of the name."""
    while e - s > 1 and text[e - 1] in ",;:":
        e -= 1
    m = _WORD_BEFORE_PERIOD.search(text[s:e])
    if m and m.group(1) not in ABBREVIATIONS:
        e -= 1
    return e


def text_doc(nlp, text, ents, trim: bool = False):
    doc = nlp.make_doc(text)
    spans, bad = [], 0
    for s, e, lab in sorted(ents):
        e = trim_entity(text, s, e) if trim else e
        sp = doc.char_span(s, e, label=lab, alignment_mode="strict")
        if sp is None:
            # strip surrounding whitespace/punct and retry
            sp = doc.char_span(s, e, label=lab, alignment_mode="contract")
            if sp is None or len(sp.text) < 0.6 * (e - s):
                bad += 1
                continue
        spans.append(sp)
    spans = spacy.util.filter_spans(spans)
    doc.set_ents(spans, default="outside")
    return doc, bad


def split_paragraphs(nlp, text, ents, trim: bool = False):
    """Split a SmartData document at newlines into paragraph docs (entities crossing a newline are dropped)."""
    out, start = [], 0
    for line in text.split("\n") + [None]:
        if line is None:
            break
        end = start + len(line)
        if line.strip():
            pe = [(s - start, e - start, l) for s, e, l in ents if s >= start and e <= end]
            out.append((line, pe))
        start = end + 1
    return [text_doc(nlp, t, e, trim) for t, e in out]


def v3_gold_doc(vocab, obj):
    """A SmartData v3 document on its own gold tokens (held-out test; the dev evaluation of
    training/evaluate.py), with entity offsets trimmed by trim_entity."""
    text, ents = smartdata_doc_parts(obj)
    toks = []  # v3 token offsets, with "Scheer." split like the entity offsets are trimmed
    for tk in obj["tokens"]["array"]:
        s, e = tk["span"]["start"], tk["span"]["end"]
        cut = trim_entity(text, s, e)
        toks.extend([(s, cut), (cut, e)] if cut < e else [(s, e)])
    words, spaces = [], []
    for k, (s, e) in enumerate(toks):
        words.append(text[s:e])
        nxt = toks[k + 1][0] if k + 1 < len(toks) else len(text)
        spaces.append(nxt > e)
    doc = Doc(vocab, words=words, spaces=spaces)
    # map ORIGINAL character offsets to v3 token indices (doc.text differs from text: newlines/double spaces)
    spans = []
    for s, e, l in ents:
        e = trim_entity(text, s, e)
        idx = [k for k, (ts, te) in enumerate(toks) if ts < e and te > s]
        if idx:
            spans.append(Span(doc, idx[0], idx[-1] + 1, label=l))
    doc.set_ents(spacy.util.filter_spans(spans), default="outside")
    doc.user_data["text"] = text
    return doc


def build_cluster_norms(path):
    from spacy_lookups_data import __file__ as sld
    from pathlib import Path
    d = Path(sld).parent / "data"
    clusters = json.load(gzip.open(d / "de_lexeme_cluster.json.gz"))
    probs = json.load(gzip.open(d / "de_lexeme_prob.json.gz"))
    words = sorted((w for w, c in clusters.items() if c != 0), key=lambda w: -probs.get(w, -99.0))[:N_CLUSTER_WORDS]
    table = {w: f"⟨c{clusters[w]}⟩" for w in words}
    path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    return len(table)


def main():
    data = shared_data()
    if not (data / "germeval2014").exists():
        sys.exit(f"shared data not found at {data} (set KG_SHARED_DATA)")
    opts = selected_options()
    CORPUS.mkdir(parents=True, exist_ok=True)
    nlp = kg_tokenizer_nlp()
    vocab = nlp.vocab
    train, dev = DocBin(store_user_data=False), DocBin(store_user_data=False)
    t_ge, t_sd, t_gsd = DocBin(), DocBin(), DocBin()
    stats = {"prepare_options": sorted(opts)}

    # GermEval: every 5th sentence held out
    for i, (w, t) in enumerate(read_germeval(data / "germeval2014" / "NER-de-dev.tsv")):
        if germeval_split(i) == "test":
            t_ge.add(bio_doc(vocab, w, t))
        else:
            for _ in range(germeval_repeat(opts)):
                train.add(bio_doc(vocab, w, t, "hyphen" in opts))
        stats["germeval_" + germeval_split(i)] = stats.get("germeval_" + germeval_split(i), 0) + 1

    # SmartData
    sd = data / "smartdata_corpus"
    v3_dev = list(read_avro_json(sd / "v3_20200302_dev.json.gz"))
    v3_test = list(read_avro_json(sd / "v3_20200302_test.json.gz"))
    held = {o["id"] for o in v3_dev} | {o["id"] for o in v3_test}
    n_docs, bad_total = 0, 0
    for obj in smartdata_training(sd, held):
        n_docs += 1
        text, ents = smartdata_doc_parts(obj)
        for doc, bad in split_paragraphs(nlp, text, ents, "trim" in opts):
            bad_total += bad
            train.add(doc)
    stats["germeval_train_repeat"] = germeval_repeat(opts)
    stats["smartdata_train_docs"] = n_docs
    stats["smartdata_misaligned_spans"] = bad_total
    for obj in v3_dev:  # model selection: trimmed like the training data
        text, ents = smartdata_doc_parts(obj)
        for doc, _ in split_paragraphs(nlp, text, ents, "trim" in opts):
            dev.add(doc)
    for obj in v3_test:  # gold tokens from v3
        t_sd.add(v3_gold_doc(vocab, obj))
    stats["smartdata_v3_test_docs"] = len(v3_test)

    # Europeana (noisy OCR, historic): 1/4 subsample of chunks (europeana_kN: 1/N)
    n, keep_every = 0, europeana_keep_every(opts)
    for f in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
        for i, (w, t) in enumerate(read_europeana(data / "europeana_newspapers_ner_de" / f)):
            if i % keep_every == 0:
                train.add(bio_doc(vocab, w, t, "hyphen" in opts))
                n += 1
    stats["europeana_chunks"] = n

    # kg's own invented snippets (training/ner/README.md): more person contexts than the open data holds
    n = bad_total = 0
    for _ in range(invented_repeat(opts)):
        for text, ents in invented_snippets():
            doc, bad = text_doc(nlp, text, ents)
            train.add(doc)
            n, bad_total = n + 1, bad_total + bad
    stats["invented_snippets"] = n
    stats["invented_misaligned_spans"] = bad_total

    # Tagging
    gsd = data / "ud_german_gsd"
    n = 0
    gsd_dev = list(read_conllu(gsd / "de_gsd-ud-dev.conllu"))
    pud = list(read_conllu(data / "ud_german_pud" / "de_pud-ud-test.conllu"))
    gsd_train = list(read_gsd_upos_train(gsd / "de_gsd-ud-train.upos-only.linspector.txt"))
    current = gsd_dev + pud[:PUD_TRAIN]  # the current UD conventions (with feats)
    remap = convention_map(gsd_train, current)
    remapped = 0
    silver = silver_tags(opts)
    for i, sent in enumerate(gsd_train):
        fixed = [(w, remap.get((w, u), u)) for w, u in sent] if "convention" in opts else sent
        remapped += sum(a[1] != b[1] for a, b in zip(sent, fixed))
        ents = with_silver(sent, silver.get(("gsd_train", i)))
        train.add(tag_doc(vocab, [(w, u, "", True) for w, u in fixed], with_morph=False, ents=ents))
        n += 1
    stats["gsd_train_upos"] = n
    stats["gsd_train_convention_remapped_tokens"] = remapped
    stats["gsd_train_convention_remapped_forms"] = len(remap) if "convention" in opts else 0
    sources = [("gsd_dev", i) for i in range(len(gsd_dev))] + [("pud_train", i) for i in range(PUD_TRAIN)]
    for key, sent in zip(sources, current):
        train.add(tag_doc(vocab, sent, with_morph=True, ents=with_silver(sent, silver.get(key))))
    stats["silver_sentences"] = len(silver)
    stats["silver_per"] = sum(t == "B-PER" for tags in silver.values() for t in tags)
    # stage 2 (training/stage2.py): the tagger alone, always on the convention-mapped copy
    train_tags, dev_tags = DocBin(store_user_data=False), DocBin(store_user_data=False)
    for doc in stage2_docs(vocab, gsd_train, current, remap, STAGE2_REPEAT, STAGE2_CONFLICT_SHARE, True):
        train_tags.add(doc)
    stats["stage2_train"] = len(train_tags)
    for sent in pud[PUD_TRAIN:]:
        for bins in (dev, dev_tags):
            bins.add(tag_doc(vocab, sent, with_morph=True))
    for sent in read_conllu(gsd / "de_gsd-ud-test.conllu"):
        t_gsd.add(tag_doc(vocab, sent, with_morph=True, with_lemma=True))

    train.to_disk(CORPUS / "train.spacy")
    dev.to_disk(CORPUS / "dev.spacy")
    train_tags.to_disk(CORPUS / "train_tags.spacy")
    dev_tags.to_disk(CORPUS / "dev_tags.spacy")
    t_ge.to_disk(CORPUS / "test_germeval.spacy")
    t_sd.to_disk(CORPUS / "test_smartdata.spacy")
    t_gsd.to_disk(CORPUS / "test_gsd.spacy")
    upos = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
    # TAG (= UPOS) -> POS; only POS is set so that the morphologizer still fills MORPH
    (CORPUS / "tag_patterns.json").write_text(json.dumps([{"patterns": [[{"TAG": t}]], "attrs": {"POS": t}} for t in upos]))
    stats["cluster_words"] = build_cluster_norms(CORPUS / "cluster_norms.json")
    stats.update(train=len(train), dev=len(dev), test_germeval=len(t_ge), test_smartdata=len(t_sd), test_gsd=len(t_gsd))
    (CORPUS / "stats.json").write_text(json.dumps(stats, indent=1))
    print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
