"""Evaluate country-relation extraction against a hand-annotated gold standard.

The gold file (``kg/eval/data/relations_gold.jsonl``) holds annotations only; each line points at a
sentence in the shared data folder (dataset file + id/offsets) together with the SHA-1 of the
sentence text. This module recovers the sentences, runs ``kg.build.extract_text`` on each and
scores the predicted relations:

* **main**: a prediction matches a gold relation when the unordered country pair and the polarity
  are equal and the ``negated``/``hedged`` flags agree (a negated or hedged gold relation is only
  matched by a prediction flagged the same way, a plain one only by an unflagged prediction);
* **strict_type**: main + the relation type must be equal too;
* **ignore_flags**: unordered pair + polarity only;
* **flagged_only**: negated/hedged gold relations against negated/hedged predictions;
* **per_polarity**: the main figure restricted to gold/predicted relations of one polarity.

Run ``python -m kg.eval.relations`` (options: ``--gold``, ``--shared-dir``, ``--json``).
Shared data folder: ``--shared-dir``, else env var ``KG_SHARED_DATA``, else ``<repo>/../shared/data``.
When it is absent the evaluation prints a message and reports ``skipped`` (exit code 0).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

GOLD_PATH = Path(__file__).resolve().parent / "data" / "relations_gold.jsonl"
# The one dataset whose sentences are stored in the gold file itself: sentences written for the
# challenge set. Text of the shared data is pointed at, never copied (some of it is non-commercial).
INVENTED = "invented"
REPO_ROOT = Path(__file__).resolve().parents[2]

POLARITIES = ("cooperative", "hostile", "neutral")
RELATION_TYPES = {
    # type: (default polarity, directed)
    "alliance": ("cooperative", False),
    "cooperation": ("cooperative", False),
    "military_support": ("cooperative", True),
    "military_cooperation": ("cooperative", False),
    "diplomatic_support": ("cooperative", True),
    "economic_cooperation": ("cooperative", False),
    "aid": ("cooperative", True),
    "agreement": ("cooperative", False),
    "negotiation": ("neutral", False),
    "sanctions": ("hostile", True),
    "armed_conflict": ("hostile", False),
    "attack": ("hostile", True),
    "threat": ("hostile", True),
    "criticism": ("hostile", True),
    "tension": ("hostile", False),
    "diplomatic_relations": ("neutral", False),
    "trade": ("neutral", False),
}


class GoldError(ValueError):
    """The gold file is malformed or a sentence cannot be recovered unchanged."""


# --------------------------------------------------------------------------- data model


@dataclass(frozen=True)
class RelTuple:
    """A relation reduced to what the scorer compares."""

    country1: str
    country2: str
    type: str
    polarity: str
    directed: bool = False
    negated: bool = False
    hedged: bool = False

    @property
    def pair(self) -> tuple[str, str]:
        a, b = sorted((self.country1, self.country2))
        return (a, b)

    @property
    def flags(self) -> tuple[bool, bool]:
        return (self.negated, self.hedged)


@dataclass
class GoldSentence:
    id: str
    dataset: str
    locator: dict
    sha1: str
    relations: list[RelTuple]
    text: str | None = None
    note: str = ""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Errors:
    misses: list[tuple[str, RelTuple]] = field(default_factory=list)
    false_positives: list[tuple[str, RelTuple]] = field(default_factory=list)


# --------------------------------------------------------------------------- gold loading


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def default_shared_dir() -> Path:
    env = os.environ.get("KG_SHARED_DATA")
    if env:
        return Path(env)
    return REPO_ROOT.parent / "shared" / "data"


def _rel_from_json(obj: dict, where: str) -> RelTuple:
    try:
        rtype = obj["type"]
        rel = RelTuple(
            country1=obj["country1"],
            country2=obj["country2"],
            type=rtype,
            polarity=obj["polarity"],
            directed=bool(obj.get("directed", RELATION_TYPES.get(rtype, ("", False))[1])),
            negated=bool(obj.get("negated", False)),
            hedged=bool(obj.get("hedged", False)),
        )
    except KeyError as exc:
        raise GoldError(f"{where}: relation lacks {exc}") from None
    if rel.type not in RELATION_TYPES:
        raise GoldError(f"{where}: unknown relation type {rel.type!r}")
    if rel.polarity not in POLARITIES:
        raise GoldError(f"{where}: unknown polarity {rel.polarity!r}")
    for code in (rel.country1, rel.country2):
        if len(code) != 3 or not code.isupper():
            raise GoldError(f"{where}: {code!r} is not an ISO 3166-1 alpha-3 code")
    if rel.country1 == rel.country2:
        raise GoldError(f"{where}: relation of a country with itself")
    return rel


_LOCATOR_KEYS = ("sent_id", "sent_no", "line_no", "doc_id", "start", "end")


def load_gold(gold_path: str | Path | None = None) -> list[GoldSentence]:
    """Read the gold annotations (without sentence texts)."""
    path = Path(gold_path) if gold_path else GOLD_PATH
    out: list[GoldSentence] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            where = f"{path.name}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{where}: {exc}") from None
            for key in ("id", "dataset", "sha1", "relations"):
                if key not in obj:
                    raise GoldError(f"{where}: missing {key!r}")
            if obj["id"] in seen:
                raise GoldError(f"{where}: duplicate id {obj['id']!r}")
            seen.add(obj["id"])
            locator = {k: obj[k] for k in _LOCATOR_KEYS if k in obj}
            rels = [_rel_from_json(r, f"{where}") for r in obj["relations"]]
            text = _inline_text(obj, where)
            out.append(
                GoldSentence(obj["id"], obj["dataset"], locator, obj["sha1"], rels, text, obj.get("note", ""))
            )
    return out


def _inline_text(obj: dict, where: str) -> str | None:
    """The sentence of an invented gold line; other datasets must point into the shared data."""
    if obj["dataset"] != INVENTED:
        if "text" in obj:
            raise GoldError(f"{where}: a {obj['dataset']!r} sentence must be located, not copied (only "
                            f"dataset {INVENTED!r} carries its text)")
        return None
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(f"{where}: an {INVENTED!r} sentence needs its 'text', found {text!r}")
    if sha1(text) != obj["sha1"]:
        raise GoldError(f"{where}: sha1 {obj['sha1']} does not match the text (expected {sha1(text)})")
    return text


# --------------------------------------------------------------------------- sentence recovery


def _read_conllu(path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    sent_id = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# sent_id ="):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text =") and sent_id is not None:
                texts[sent_id] = line.split("=", 1)[1].strip()
            elif not line.strip():
                sent_id = None
    return texts


def _read_germeval(path: Path) -> dict[int, str]:
    """GermEval 2014 TSV: sentence number (1-based, file order) -> tokens joined by single spaces."""
    texts: dict[int, str] = {}
    tokens: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if tokens:
                    texts[len(texts) + 1] = " ".join(tokens)
                    tokens = []
                continue
            tokens.append(line.split("\t")[1])
    if tokens:
        texts[len(texts) + 1] = " ".join(tokens)
    return texts


def _read_token_lines(path: Path) -> dict[int, str]:
    """One sentence a line of ``token##UPOS`` pairs (the GSD train copy): line number (1-based) ->
    surface tokens joined by single spaces; the two parts after a contraction ("im##_ in dem") are dropped."""
    texts: dict[int, str] = {}
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            words: list[str] = []
            skip = 0
            for item in line.split():
                if skip:
                    skip -= 1
                    continue
                words.append(item.rsplit("##", 1)[0])
                if item.endswith("##_"):
                    skip = 2
            texts[no] = " ".join(words)
    return texts


# Europeana newspapers (OCR, one token a line, no sentence boundaries): a token ending in . ! ? ends a
# sentence unless it is an abbreviation — a number or a single letter with a full stop ("15.", "S.",
# "v."; in one file the stop is a token of its own: "S", ".") or one of these frequent ones — so that
# dates and initials do not cut sentences in two.
_EUROPEANA_ABBREV = frozenset(
    "Dr Nr St Hr Hrn Fr Frl Prof Abg Bez Ges Gen Kais Kgl Se Sr Jhr Mill Mk fl kr ca bzw usw etc vgl "
    "geb gest ddo bürgl resp sog".split()
)


def _europeana_sentence_end(token: str, previous: str) -> bool:
    if not token or token[-1] not in ".!?":
        return False
    if token[-1] != ".":
        return True
    word = token.rstrip(".") if token != "." else previous
    return not (word.isdigit() or (len(word) == 1 and word.isalpha()) or word in _EUROPEANA_ABBREV)


def _read_europeana(path: Path) -> dict[int, str]:
    """Europeana newspaper NER (``token TAG`` lines, ``#`` document headers): sentence number (1-based,
    file order) -> tokens joined by single spaces. A sentence ends after a sentence-end token (see
    ``_europeana_sentence_end``) or at a document header; a line without a tag is a bare token."""
    texts: dict[int, str] = {}
    tokens: list[str] = []

    def flush() -> None:
        if tokens:
            texts[len(texts) + 1] = " ".join(tokens)
            tokens.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                flush()
                continue
            if not line.strip():
                continue
            token = line.rsplit(" ", 1)[0] if " " in line else line
            previous = tokens[-1] if tokens else ""
            tokens.append(token)
            if _europeana_sentence_end(token, previous):
                flush()
    flush()
    return texts


def _iter_concatenated_json(text: str) -> Iterable[dict]:
    decoder = json.JSONDecoder()
    i, n = 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return
        obj, i = decoder.raw_decode(text, i)
        yield obj


def _read_smartdata(path: Path) -> dict[str, str]:
    """SmartData (Avro-JSON, concatenated objects): doc id -> document text."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = fh.read()
    docs: dict[str, str] = {}
    for obj in _iter_concatenated_json(raw):
        text = obj.get("text")
        if isinstance(text, dict):
            text = text.get("string")
        docs.setdefault(obj["id"], text or "")
    return docs


def _read_jsonl_docs(path: Path) -> dict[str, str]:
    """JSON lines with "id" and "text" (quotation_attribution_de): doc id -> text."""
    opener = gzip.open if path.suffix == ".gz" else open
    docs: dict[str, str] = {}
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                docs[str(obj["id"])] = obj["text"]
    return docs


class SentenceStore:
    """Recovers gold sentences from the shared data folder (each dataset file is parsed once)."""

    def __init__(self, shared_dir: str | Path):
        self.shared_dir = Path(shared_dir)
        self._cache: dict[str, dict] = {}

    def _table(self, dataset: str) -> dict:
        if dataset not in self._cache:
            path = self.shared_dir / dataset
            if not path.is_file():
                raise GoldError(f"dataset file not found: {path}")
            name = path.name
            if name.endswith(".conllu"):
                self._cache[dataset] = _read_conllu(path)
            elif name.endswith(".linspector.txt"):
                self._cache[dataset] = _read_token_lines(path)
            elif dataset.startswith("germeval2014/"):
                self._cache[dataset] = _read_germeval(path)
            elif dataset.startswith("europeana_newspapers_ner_de/"):
                self._cache[dataset] = _read_europeana(path)
            elif dataset.startswith("smartdata_corpus/"):
                self._cache[dataset] = _read_smartdata(path)
            elif name.endswith(".jsonl") or name.endswith(".jsonl.gz"):
                self._cache[dataset] = _read_jsonl_docs(path)
            else:
                raise GoldError(f"unsupported dataset format: {dataset}")
        return self._cache[dataset]

    def text(self, dataset: str, locator: dict) -> str:
        table = self._table(dataset)
        if "sent_id" in locator:
            key = str(locator["sent_id"])
            if key not in table:
                raise GoldError(f"{dataset}: no sentence {key!r}")
            return table[key]
        if "sent_no" in locator or "line_no" in locator:
            key = int(locator.get("sent_no", locator.get("line_no")))
            if key not in table:
                raise GoldError(f"{dataset}: no sentence number {key}")
            return table[key]
        if "doc_id" in locator:
            doc_id = str(locator["doc_id"])
            if doc_id not in table:
                raise GoldError(f"{dataset}: no document {doc_id!r}")
            doc = table[doc_id]
            start, end = int(locator["start"]), int(locator["end"])
            if not 0 <= start < end <= len(doc):
                raise GoldError(f"{dataset}: offsets {start}:{end} outside document {doc_id!r}")
            return doc[start:end]
        raise GoldError(f"{dataset}: locator needs sent_id, sent_no, line_no or doc_id+start+end")


def attach_texts(gold: list[GoldSentence], shared_dir: str | Path, strict: bool = True) -> list[str]:
    """Fill in ``.text`` of every gold sentence; returns the list of problems (raises if strict)."""
    store = SentenceStore(shared_dir)
    problems: list[str] = []
    for g in gold:
        if g.dataset == INVENTED:
            continue
        try:
            text = store.text(g.dataset, g.locator)
        except GoldError as exc:
            problems.append(f"{g.id}: {exc}")
            continue
        if sha1(text) != g.sha1:
            problems.append(f"{g.id}: sha1 mismatch for {g.dataset} {g.locator} (the data drifted)")
            continue
        g.text = text
    if problems and strict:
        raise GoldError("; ".join(problems))
    return problems


# --------------------------------------------------------------------------- predictions


def _iso(entity_id: str) -> str:
    return entity_id.split("/", 1)[1] if entity_id.startswith("country/") else entity_id


def relation_to_tuple(rel) -> RelTuple | None:
    """kg.extract.records.Relation -> RelTuple (None when an end is not a country)."""
    if not (str(rel.source_id).startswith("country/") and str(rel.target_id).startswith("country/")):
        return None
    return RelTuple(
        country1=_iso(rel.source_id),
        country2=_iso(rel.target_id),
        type=rel.type,
        polarity=rel.polarity,
        directed=bool(getattr(rel, "directed", False)),
        negated=bool(getattr(rel, "negated", False)),
        hedged=bool(getattr(rel, "hedged", False)),
    )


def _extract_text_fallback():
    """``kg.nlp.load()`` + ``kg.extract.extract`` — used only while ``kg.build`` does not exist."""
    import kg.nlp
    from kg.extract import extract

    nlp = kg.nlp.load()

    def extract_text(text: str, doc_id: str = "x"):
        return extract(nlp(text), doc_id)

    return extract_text


def default_extractor() -> Callable[[str, str], list[RelTuple]]:
    try:
        from kg.build import extract_text  # imported lazily: the extractor may not exist yet
    except ImportError as exc:
        print(f"note: kg.build.extract_text unavailable ({exc}); using kg.nlp + kg.extract.extract", file=sys.stderr)
        extract_text = _extract_text_fallback()

    def run(text: str, doc_id: str) -> list[RelTuple]:
        result = extract_text(text, doc_id=doc_id)
        out = []
        for rel in result.relations:
            t = relation_to_tuple(rel)
            if t is not None and t.country1 != t.country2:
                out.append(t)
        return out

    return run


# --------------------------------------------------------------------------- scoring


def _match(gold: list[RelTuple], pred: list[RelTuple], key) -> tuple[int, list[RelTuple], list[RelTuple]]:
    """Greedy one-to-one matching on ``key``; returns (tp, unmatched gold, unmatched predictions)."""
    pool: dict = defaultdict(list)
    for p in pred:
        pool[key(p)].append(p)
    tp, missed = 0, []
    for g in gold:
        bucket = pool.get(key(g))
        if bucket:
            bucket.pop()
            tp += 1
        else:
            missed.append(g)
    left = [p for bucket in pool.values() for p in bucket]
    return tp, missed, left


def _dedupe(rels: list[RelTuple], key) -> list[RelTuple]:
    seen, out = set(), []
    for r in rels:
        k = key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def key_lenient(r: RelTuple):
    """Unordered pair + polarity, flags ignored."""
    return (r.pair, r.polarity)


def key_main(r: RelTuple):
    """Unordered pair + polarity + the negated/hedged flags."""
    return (r.pair, r.polarity, r.flags)


def key_strict(r: RelTuple):
    """Main key + relation type."""
    return (r.pair, r.polarity, r.flags, r.type)


FIGURES = {
    # name: (key, description)
    "main": (key_main, "pair+polarity (neg/hedge must agree)"),
    "strict_type": (key_strict, "pair+polarity+type (strict)"),
    "ignore_flags": (key_lenient, "pair+polarity, flags ignored"),
}


def score(items: Iterable[tuple[str, list[RelTuple], list[RelTuple]]]) -> dict:
    """Score (sentence id, gold relations, predicted relations) triples.

    Within one sentence, gold and predicted relations are each deduplicated on the key of the
    figure being computed (two gold relations of one pair and polarity but different types count
    once for ``main`` and twice for ``strict_type``); matching is one-to-one.
    ``flagged_only`` scores only negated/hedged gold relations against negated/hedged predictions.
    Misses and false positives are listed for the ``main`` figure.
    """
    items = list(items)
    figures = {name: Score() for name in FIGURES}
    figures["flagged_only"] = Score()
    per_pol = {pol: Score() for pol in POLARITIES}
    errors = Errors()
    for sid, gold, pred in items:
        for name, (key, _) in FIGURES.items():
            g = _dedupe(gold, key)
            p = _dedupe(pred, key)
            tp, missed, left = _match(g, p, key)
            s = figures[name]
            s.tp, s.fn, s.fp = s.tp + tp, s.fn + len(missed), s.fp + len(left)
            if name == "main":
                errors.misses.extend((sid, m) for m in missed)
                errors.false_positives.extend((sid, f) for f in left)
                for pol in POLARITIES:
                    tp_, missed_, left_ = _match(
                        [x for x in g if x.polarity == pol], [x for x in p if x.polarity == pol], key
                    )
                    sp = per_pol[pol]
                    sp.tp, sp.fn, sp.fp = sp.tp + tp_, sp.fn + len(missed_), sp.fp + len(left_)
                gf = [x for x in g if x.negated or x.hedged]
                pf = [x for x in p if x.negated or x.hedged]
                tp, missed, left = _match(gf, pf, key)
                s = figures["flagged_only"]
                s.tp, s.fn, s.fp = s.tp + tp, s.fn + len(missed), s.fp + len(left)
    return {
        "sentences": len(items),
        "direction": direction_agreement(items),
        "gold_relations": sum(len(_dedupe(g, key_main)) for _, g, _ in items),
        "predicted_relations": sum(len(_dedupe(p, key_main)) for _, _, p in items),
        **{name: sc.as_dict() for name, sc in figures.items()},
        "per_polarity": {pol: sc.as_dict() for pol, sc in per_pol.items()},
        "misses": [_err(sid, r) for sid, r in errors.misses],
        "false_positives": [_err(sid, r) for sid, r in errors.false_positives],
    }


def direction_agreement(items: Iterable[tuple[str, list[RelTuple], list[RelTuple]]]) -> dict:
    """How often a directed relation that was found points the right way: over gold relations with a
    direction (country1 acts) that some directed prediction matches on the main key, the share of them
    whose prediction has the same actor. The main figures ignore direction; a user reading "X attacks Y"
    does not."""
    found = right = 0
    wrong: list[str] = []
    for sid, gold, pred in items:
        for g in _dedupe([x for x in gold if x.directed], key_main):
            same = [p for p in pred if p.directed and key_main(p) == key_main(g)]
            if not same:
                continue
            found += 1
            if any(p.country1 == g.country1 for p in same):
                right += 1
            else:
                wrong.append(f"{sid} {g.country1}->{g.country2} {g.type}")
    return {"found": found, "right": right, "share": right / found if found else 0.0, "wrong": wrong}


def _err(sid: str, r: RelTuple) -> dict:
    return {
        "sentence": sid,
        "pair": list(r.pair),
        "type": r.type,
        "polarity": r.polarity,
        "negated": r.negated,
        "hedged": r.hedged,
    }


# --------------------------------------------------------------------------- driver


def evaluate_relations(
    gold_path: str | Path | None = None,
    shared_dir: str | Path | None = None,
    extractor: Callable[[str, str], list[RelTuple]] | None = None,
    named_only: bool = False,
    half: str | None = None,
) -> dict:
    """Run the extractor over the gold sentences and score it.

    Returns ``{"status": "skipped", "reason": ...}`` when the shared data folder is absent,
    otherwise ``{"status": "ok", ...figures..., "misses": [...], "false_positives": [...]}``.
    ``extractor(text, doc_id)`` returns RelTuples; by default it wraps ``kg.build.extract_text``.
    ``named_only`` scores only gold relations whose two countries kg's gazetteer finds in the sentence
    (``sample_sentences.country_matcher`` without the sampler's extra forms): recall of the relation
    reading alone, without the misses of country names kg does not know ("Rußland", "Jugoslawien").
    ``half`` ("dev" or "test") scores only the sentences whose id number is odd or even, a split fixed
    before any system output was seen, so that one half of a blind set can be developed on and the
    other measured.
    """
    shared = Path(shared_dir) if shared_dir else default_shared_dir()
    gold = load_gold(gold_path)
    if not shared.is_dir():
        if any(g.dataset != INVENTED for g in gold):
            return {"status": "skipped", "reason": f"shared data folder not found: {shared} (set KG_SHARED_DATA)"}
        problems = []
    else:
        problems = attach_texts(gold, shared, strict=False)
    usable = [g for g in gold if g.text is not None]
    if half is not None:
        usable = [g for g in usable if in_half(g.id, half)]
    if extractor is None:
        extractor = default_extractor()
    named = None
    if named_only:
        from kg.eval.sample_sentences import country_matcher

        named = country_matcher(extra=False)
    items, dropped = [], 0
    for g in usable:
        rels = g.relations
        if named is not None:
            found = named(g.text)
            rels = [r for r in rels if r.country1 in found and r.country2 in found]
            dropped += len(g.relations) - len(rels)
        items.append((g.id, rels, extractor(g.text, f"gold/{g.id}")))
    result = {"status": "ok", "shared_dir": str(shared), "unrecoverable": problems, "unnamed_dropped": dropped}
    result.update(score(items))
    result["texts"] = {g.id: g.text for g in usable}
    return result


def in_half(sentence_id: str, half: str) -> bool:
    """Odd id numbers ("h4_001") are the "dev" half, even ones the "test" half."""
    if half not in ("dev", "test"):
        raise ValueError(f"half must be 'dev' or 'test', got {half!r}")
    digits = "".join(ch for ch in sentence_id.rsplit("_", 1)[-1] if ch.isdigit())
    if not digits:
        raise ValueError(f"gold sentence id {sentence_id!r} has no number to split by")
    return (int(digits) % 2 == 1) == (half == "dev")


def invented_set_problems(gold: list[GoldSentence], prefix: str, min_sentences: int = 200) -> list[str]:
    """What keeps a hand-written invented set (challenge sets, development pools) from being usable: ids
    `<prefix>001`... in order, text carried (and no locator), unique sentences, every relation type, types'
    fixed polarity and direction, negated and hedged relations present. Empty when the set is fine."""
    problems = []
    if [g.id for g in gold] != [f"{prefix}{i:03d}" for i in range(1, len(gold) + 1)]:
        problems.append(f"ids are not {prefix}001 ... in order")
    if len(gold) < min_sentences:
        problems.append(f"expected at least {min_sentences} sentences, found {len(gold)}")
    problems += [f"{g.id}: not an invented sentence with its text" for g in gold
                 if g.dataset != INVENTED or not g.text or g.locator]
    if len({g.text for g in gold}) != len(gold):
        problems.append("a sentence occurs twice")
    rels = [r for g in gold for r in g.relations]
    if missing := set(RELATION_TYPES) - {r.type for r in rels}:
        problems.append(f"no relation of type {', '.join(sorted(missing))}")
    problems += [f"{r.type}: polarity/direction {r.polarity}/{r.directed}" for r in rels
                 if (r.polarity, r.directed) != RELATION_TYPES[r.type]]
    if not any(r.negated for r in rels) or not any(r.hedged for r in rels):
        problems.append("no negated or no hedged relation")
    return problems


def _fmt(name: str, d: dict) -> str:
    return (
        f"{name:<38} P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f}"
        f"   (tp={d['tp']} fp={d['fp']} fn={d['fn']})"
    )


def _fmt_err(e: dict) -> str:
    flags = "".join([" negated" if e["negated"] else "", " hedged" if e["hedged"] else ""])
    return f"  {e['sentence']:<6} {e['pair'][0]}-{e['pair'][1]}  {e['polarity']:<11} {e['type']}{flags}"


def report(result: dict, show_text: bool = False) -> str:
    if result.get("status") != "ok":
        return f"relation evaluation skipped: {result.get('reason', '')}"
    lines = [
        f"country-relation evaluation: {result['sentences']} sentences, "
        f"{result['gold_relations']} gold / {result['predicted_relations']} predicted relations",
    ]
    if result.get("unnamed_dropped"):
        lines.append(f"named only: {result['unnamed_dropped']} gold relations left out (a country the gazetteer does not name)")
    if result["unrecoverable"]:
        lines.append(f"WARNING: {len(result['unrecoverable'])} gold sentences not recoverable:")
        lines.extend(f"  {p}" for p in result["unrecoverable"])
    for name, (_, desc) in FIGURES.items():
        lines.append(_fmt(desc, result[name]))
    lines.append(_fmt("negated/hedged only", result["flagged_only"]))
    d = result["direction"]
    lines.append(f"{'direction of found directed relations':<38} {d['right']} of {d['found']} right"
                 + (f" ({d['share']:.3f})" if d["found"] else "")
                 + (f"; wrong: {', '.join(d['wrong'])}" if d["wrong"] else ""))
    lines.append("per polarity (main):")
    for pol, d in result["per_polarity"].items():
        lines.append(_fmt(f"  {pol}", d))
    texts = result.get("texts", {})
    for title, key in (("misses (gold not predicted)", "misses"), ("false positives", "false_positives")):
        lines.append(f"{title}: {len(result[key])}")
        for e in result[key]:
            lines.append(_fmt_err(e))
            if show_text and e["sentence"] in texts:
                lines.append(f"         | {texts[e['sentence']]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.eval.relations", description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=None, help="gold JSONL (default: kg/eval/data/relations_gold.jsonl)")
    ap.add_argument("--shared-dir", default=None, help="shared data folder (default: $KG_SHARED_DATA or ../shared/data)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--show-text", action="store_true", help="print sentence texts under misses/false positives")
    ap.add_argument("--named-only", action="store_true",
                    help="score only gold relations whose two countries kg's gazetteer names in the sentence")
    ap.add_argument("--half", choices=("dev", "test"), default=None,
                    help="only sentences with odd (dev) or even (test) id numbers: develop on one half of a set, measure the other")
    args = ap.parse_args(argv)
    result = evaluate_relations(args.gold, args.shared_dir, named_only=args.named_only, half=args.half)
    if args.json:
        result = {k: v for k, v in result.items() if k != "texts"}
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(report(result, show_text=args.show_text))
    if result.get("status") == "skipped":
        print("skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
