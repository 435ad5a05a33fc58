"""Draw candidate sentences for a new country-relation gold set from the shared news data.

A candidate names two or more different countries by a form of kg's country gazetteer (pycountry
names + ``kg/nlp/data/countries.tsv``: names, adjectives, demonyms, capitals, metonyms) and is not
in, does not overlap, and is no re-tokenised or cut-off copy of a sentence of any existing
``kg/eval/data/relations_*.jsonl`` file. Forms inside compounds and the extra forms of
``kg/eval/data/sample_country_forms.tsv`` count too, and in the historic Europeana newspaper pool
the old spellings of ``sample_country_forms_historic.tsv`` (see ``country_matcher``).
Candidates of each source are put in a fixed order and shuffled with ``random.Random(seed)``; the
sources are then interleaved by a fixed quota so that the news sources rich in international
politics (WIKINEWS quotation data, GermEval) dominate. Only the gazetteer is used — never the
relation rules — so a set drawn here can be annotated blind.

    python -m kg.eval.sample_sentences --seed 4004 --n 260 --ignore relations_heldout4.jsonl [--show]
    [--pools quotation,germeval,smartdata,pud,gsd_fill]   # without Europeana: the orders drawn before it

prints one JSON line per candidate (dataset, locator, sha1, countries; with ``--show`` also the
text, for the annotator's screen only: quotation_attribution text must never be copied into the repo).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

from kg.eval import relations as ev

# pool -> (datasets drawn together, how many of each round of the interleaving come from it). The
# news sources rich in international politics get the larger shares. Earlier sets took nearly every
# two-country sentence of the news sources, so a pool with share 0 only fills up after all others are
# used up: the GSD files (web text, much of it encyclopaedic history).
POOLS = {
    "quotation": (["quotation_attribution_de/dev.jsonl.gz"], 5),
    "germeval": (["germeval2014/NER-de-dev.tsv"], 3),
    "smartdata": ([
        "smartdata_corpus/v1_20180119_train.json.gz",
        "smartdata_corpus/v1_20180119_test.json.gz",
        "smartdata_corpus/v3_20200302_dev.json.gz",
        "smartdata_corpus/v3_20200302_test.json.gz",
    ], 1),
    "pud": (["ud_german_pud/de_pud-ud-test.conllu"], 1),
    "gsd_fill": ([
        "ud_german_gsd/de_gsd-ud-dev.conllu",
        "ud_german_gsd/de_gsd-ud-test.conllu",
        "ud_german_gsd/de_gsd-ud-train.upos-only.linspector.txt",
    ], 0),
    # historic newspapers (1710-1940, OCR); last in this dict so that the shuffles of the pools above,
    # and with ``--pools`` the orders drawn before it was added, stay as they were.
    "europeana": ([
        "europeana_newspapers_ner_de/enp_DE.lft.bio",
        "europeana_newspapers_ner_de/enp_DE.onb.bio",
        "europeana_newspapers_ner_de/enp_DE.sbb.bio",
    ], 1),
}
SOURCES = [d for datasets, _ in POOLS.values() for d in datasets]
HISTORIC = set(POOLS["europeana"][0])

# A simple splitter, like the one behind the spans of the earlier gold files: a sentence ends at
# . ! ? (with a closing quote or bracket) before white space, or at a line break, so a date ("7. Mai")
# or an abbreviation ends one too; pieces shorter than 20 characters are dropped.
_END = re.compile(r"(?<=[.!?])[“”\"')]?(?=\s)|\n")


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the sentences of a document, white space trimmed."""
    start = 0
    for m in _END.finditer(text):
        yield from _trimmed(text, start, m.end())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 20:
        yield start, end


def iter_sentences(shared: Path, dataset: str) -> Iterator[tuple[dict, str]]:
    """(locator, text) of every sentence of a dataset, with the locator conventions of the gold files."""
    table = ev.SentenceStore(shared)._table(dataset)
    if dataset.endswith(".conllu"):
        for sid, text in table.items():
            yield {"sent_id": sid}, text
    elif dataset.startswith("germeval2014/"):
        for no, text in table.items():
            yield {"sent_no": no}, text
    elif dataset.endswith(".linspector.txt"):
        for no, text in table.items():
            yield {"line_no": no}, text
    elif dataset in HISTORIC:
        for no, text in table.items():
            yield {"sent_no": no}, text
    else:
        for doc_id, doc in table.items():
            for s, e in split_spans(doc):
                yield {"doc_id": doc_id, "start": s, "end": e}, doc[s:e]


EXTRA_FORMS = Path(__file__).resolve().parent / "data" / "sample_country_forms.tsv"
# old spellings ("Rußland", "Oesterreich"), counted only in the historic pool: in the other pools they
# are rare, and counting them there would change the candidates of the sets drawn before.
HISTORIC_FORMS = EXTRA_FORMS.with_name("sample_country_forms_historic.tsv")


def _extra_forms(path: Path = EXTRA_FORMS) -> dict[str, str]:
    """form -> iso3 of the sampler's own additions (government nouns, adjectives the gazetteer lacks)."""
    out = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            iso, form = line.split("\t")
            out[form] = iso
    return out


def _old_spelling_variants() -> set[str]:
    """Every surface form of a gazetteer row that yields one of HISTORIC_FORMS ("Rußland" -> "Rußlands",
    "englisch" -> "englisches")."""
    from kg.nlp.gazetteer import countries, form_variants

    old = set(_extra_forms(HISTORIC_FORMS))
    out: set[str] = set()
    for entry in countries().values():
        for form, kind in entry["forms"].items():
            variants = form_variants(form, kind)
            if variants & old:
                out |= variants
    return out


def country_matcher(historic: bool = False, extra: bool = True):
    """Text -> iso3 codes of the countries it names by a form of the gazetteer or of EXTRA_FORMS
    (and of HISTORIC_FORMS if ``historic``; with ``extra=False`` by the gazetteer's forms alone).

    A form stands as a word or as a part of a hyphen compound ('US-Regierung', 'deutsch-französisch',
    'EU-Türkei-Abkommen'); a country name of four or more letters may also begin a closed compound
    ('Irakkrieg', 'Russlandreise') — capitals may not ('Berliner', 'Pariser' are mostly local)."""
    from kg.nlp.gazetteer import country_patterns, countries

    form_iso: dict[str, str] = {}
    for p in country_patterns():
        form_iso.setdefault(p["pattern"], p["id"].split("/", 1)[1])
    if not historic:  # the gazetteer names old spellings too now ("Rußland"): outside the historic pool
        for form in _old_spelling_variants():  # they still count for nothing, as when the sets were drawn
            form_iso.pop(form, None)
    added = {**(_extra_forms() if extra else {}), **(_extra_forms(HISTORIC_FORMS) if historic else {})}
    for form, iso in added.items():
        form_iso.setdefault(form, iso)
    names = {f for e in countries().values() for f, kind in e["forms"].items() if kind == "name" and len(f) >= 4}
    forms = sorted(form_iso, key=len, reverse=True)
    rx = re.compile(r"(?<![^\W\d_])(" + "|".join(map(re.escape, forms)) + r")(?=([a-zäöüß]?))")

    def found(text: str) -> set[str]:
        isos = set()
        for m in rx.finditer(text):
            if m.group(2) and m.group(1) not in names:
                continue
            isos.add(form_iso[m.group(1)])
        return isos

    return found


def gold_files(data_dir: Path, ignore: Iterable[str] = ()) -> list[Path]:
    """The existing relations_*.jsonl files, without those named in ``ignore`` (the set being redrawn)."""
    return [p for p in sorted(data_dir.glob("relations_*.jsonl")) if p.name not in set(ignore)]


def existing_gold(files: list[Path]) -> tuple[set[str], dict[tuple[str, str], list[tuple[int, int]]], set]:
    """sha1s, document spans and other locators of the given gold files."""
    shas, spans, locs = set(), {}, set()
    for path in files:
        for g in ev.load_gold(path):
            shas.add(g.sha1)
            if "doc_id" in g.locator:
                spans.setdefault((g.dataset, str(g.locator["doc_id"])), []).append(
                    (int(g.locator["start"]), int(g.locator["end"]))
                )
            else:
                locs.add((g.dataset, json.dumps(g.locator, sort_keys=True)))
    return shas, spans, locs


def _known(dataset, loc, sha, shas, spans, locs) -> bool:
    if sha in shas:
        return True
    if "doc_id" in loc:
        return any(s < loc["end"] and loc["start"] < e for s, e in spans.get((dataset, loc["doc_id"]), []))
    return (dataset, json.dumps(loc, sort_keys=True)) in locs


def candidates(shared: Path, files: list[Path], datasets: Iterable[str]) -> list[dict]:
    matchers = {False: country_matcher(), True: country_matcher(historic=True)}
    shas, spans, locs = existing_gold(files)
    out, seen = [], set()
    for dataset in datasets:
        countries = matchers[dataset in HISTORIC]
        for loc, text in iter_sentences(shared, dataset):
            isos = countries(text)
            if len(isos) < 2:
                continue
            sha = ev.sha1(text)
            if sha in seen or _known(dataset, loc, sha, shas, spans, locs):
                continue
            seen.add(sha)
            out.append({"dataset": dataset, **loc, "sha1": sha, "countries": sorted(isos), "text": text})
    return out


def draw(cands: list[dict], seed: int, pools: Iterable[str] | None = None) -> list[dict]:
    """Shuffle each pool with one Random(seed) (pools in fixed order), then interleave by quota.
    ``pools`` restricts the draw to these pools (default: all)."""
    rng = random.Random(seed)
    queues = {}
    chosen = set(POOLS if pools is None else pools)
    for pool, (datasets, _) in POOLS.items():
        if pool not in chosen:
            continue
        items = sorted((c for c in cands if c["dataset"] in datasets), key=lambda c: json.dumps(c, sort_keys=True))
        rng.shuffle(items)
        queues[pool] = items
    quota = {pool: POOLS[pool][1] for pool in queues}
    order = []
    while any(q for pool, q in queues.items() if quota[pool]):
        for pool, q in queues.items():
            for _ in range(quota[pool]):
                if q:
                    order.append(q.pop(0))
    for pool, q in queues.items():
        if not quota[pool]:
            order.extend(q)
    return order


def _key(text: str) -> str:
    return re.sub(r"\W", "", text).lower()


def drop_near_duplicates(order: list[dict], gold_texts: Iterable[str]) -> list[dict]:
    """Drop a drawn sentence whose letters and digits equal, or (40 or more of them) begin, those of a
    sentence of an existing gold file or of another candidate (the same sentence tokenised or cut
    off differently in another source). Applied after the shuffle, so the order of the rest stands."""
    gold_keys = {_key(t) for t in gold_texts}
    cand_keys = [_key(c["text"]) for c in order]
    out, seen = [], set()
    for c, k in zip(order, cand_keys):
        longer = (g for g in (*gold_keys, *cand_keys) if len(g) > len(k))
        if k in gold_keys or k in seen or (len(k) >= 40 and any(g.startswith(k) for g in longer)):
            continue
        seen.add(k)
        out.append(c)
    return out


def gold_texts(shared: Path, files: list[Path]) -> list[str]:
    texts = []
    for path in files:
        gold = ev.load_gold(path)
        ev.attach_texts(gold, shared, strict=False)
        texts.extend(g.text for g in gold if g.text)
    return texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.eval.sample_sentences", description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--n", type=int, default=120, help="number of candidates to print (in drawn order)")
    ap.add_argument("--shared-dir", default=None)
    ap.add_argument("--ignore", action="append", default=[], metavar="FILE",
                    help="a relations_*.jsonl file not to count as existing (the set drawn by this command)")
    ap.add_argument("--show", action="store_true", help="include the sentence text (annotator's screen only)")
    ap.add_argument("--pools", default=",".join(POOLS),
                    help=f"comma-separated pools to draw from, of {','.join(POOLS)} (default: all)")
    args = ap.parse_args(argv)
    pools = [p for p in args.pools.split(",") if p]
    if unknown := set(pools) - set(POOLS):
        ap.error(f"unknown pool(s): {', '.join(sorted(unknown))}")
    shared = Path(args.shared_dir) if args.shared_dir else ev.default_shared_dir()
    if not shared.is_dir():
        print(f"shared data folder not found: {shared} (set KG_SHARED_DATA)", file=sys.stderr)
        return 1
    files = gold_files(ev.GOLD_PATH.parent, args.ignore)
    cands = candidates(shared, files, [d for p in pools for d in POOLS[p][0]])
    counts = {pool: sum(c["dataset"] in POOLS[pool][0] for c in cands) for pool in pools}
    print(f"# candidates per pool: {counts}", file=sys.stderr)
    order = drop_near_duplicates(draw(cands, args.seed, pools), gold_texts(shared, files))
    for i, c in enumerate(order[: args.n]):
        if not args.show:
            c = {k: v for k, v in c.items() if k != "text"}
        print(json.dumps({"rank": i, **c}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
