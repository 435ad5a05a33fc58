"""Shared helpers for kg's German spaCy pipeline training (data readers, paths, splits)."""
from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRAINING = REPO / "training"
CORPUS = TRAINING / "corpus"
MODEL_DIR = REPO / "kg" / "nlp" / "model"
LABELS = ("PER", "ORG", "LOC", "MISC")
PUD_TRAIN = 800  # PUD[:800] trains the tagger (with GSD dev); PUD[800:] selects it, never trained on or labelled


def shared_data() -> Path:
    """Location of the shared open data (env KG_SHARED_DATA, default <repo>/../shared/data)."""
    env = os.environ.get("KG_SHARED_DATA")
    return Path(env) if env else (REPO.parent / "shared" / "data")


# ---------------------------------------------------------------- GermEval 2014
def read_germeval(path: Path):
    """Yield (words, bio_tags) per sentence; *deriv/*part -> O, OTH -> MISC."""
    words, tags = [], []
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        cols = line.split("\t")
        tag = cols[2]
        if tag != "O":
            prefix, label = tag.split("-", 1)
            if label.endswith("deriv") or label.endswith("part"):
                tag = "O"
            else:
                tag = f"{prefix}-{'MISC' if label == 'OTH' else label}"
        words.append(cols[1])
        tags.append(tag)
    if words:
        yield words, tags


def germeval_split(i: int) -> str:
    """FIXED split of the GermEval dev file: every 5th sentence (index % 5 == 4) is held-out test."""
    return "test" if i % 5 == 4 else "train"


# ---------------------------------------------------------------- SmartData
def read_avro_json(path: Path):
    s = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s):
            break
        obj, i = dec.raw_decode(s, i)
        yield obj


def smartdata_label(t: str) -> str | None:
    t = t.lower().replace("_", "-")
    if t == "person":
        return "PER"
    if t.startswith("organization"):
        return "ORG"
    if t.startswith("location"):
        return "LOC"
    return None


def smartdata_doc_parts(obj):
    """(text, [(start, end, label)]) with PER/ORG/LOC mentions only."""
    text = obj["text"]["string"]
    ents = []
    for m in (obj.get("conceptMentions") or {}).get("array", []):
        lab = smartdata_label(m["type"])
        if lab:
            ents.append((m["span"]["start"], m["span"]["end"], lab))
    return text, ents


def smartdata_training(sd: Path, held: set[str]):
    """SmartData v1 train+test documents (each id once) that are no v3 dev/test document `held`."""
    seen = set()
    for f in ("v1_20180119_train.json.gz", "v1_20180119_test.json.gz"):
        for obj in read_avro_json(sd / f):
            if obj["id"] not in held and obj["id"] not in seen:
                seen.add(obj["id"])
                yield obj


def smartdata_source(obj) -> str:
    return ((obj.get("refids") or {}).get("map") or {}).get("source", "")


# ---------------------------------------------------------------- CoNLL-U
def read_conllu(path: Path):
    """Yield sentences as list of (surface_form, upos, feats, space_after, lemma) over SURFACE tokens.
    Multiword tokens (im = in dem) get the first part's UPOS and the union of the parts' feats."""
    sent, mwt = [], None
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line:
            if sent:
                yield sent
            sent, mwt = [], None
            continue
        c = line.split("\t")
        tid = c[0]
        if "." in tid:
            continue
        space = "SpaceAfter=No" not in c[9]
        if "-" in tid:
            a, b = map(int, tid.split("-"))
            mwt = {"end": b, "form": c[1], "upos": None, "feats": {}, "space": space, "lemma": None}
            continue
        if mwt is not None:
            if mwt["upos"] is None:
                mwt["upos"], mwt["lemma"] = c[3], c[2]
            if c[5] != "_":
                for kv in c[5].split("|"):
                    k, v = kv.split("=", 1)
                    mwt["feats"].setdefault(k, v)
            if int(tid) == mwt["end"]:
                feats = "|".join(f"{k}={v}" for k, v in sorted(mwt["feats"].items()))
                sent.append((mwt["form"], mwt["upos"], feats, mwt["space"], mwt["lemma"]))
                mwt = None
            continue
        sent.append((c[1], c[3], "" if c[5] == "_" else c[5], space, c[2]))
    if sent:
        yield sent


def read_gsd_upos_train(path: Path):
    """Yield list of (form, upos) for the UPOS-only GSD train copy (MWTs collapsed to the first part's UPOS)."""
    for line in path.open(encoding="utf-8"):
        pairs = line.split()
        out = []
        i = 0
        while i < len(pairs):
            form, _, upos = pairs[i].rpartition("##")
            if upos == "_":
                # multiword token: following two syntactic words belong to it
                nxt = pairs[i + 1].rpartition("##")[2] if i + 1 < len(pairs) else "X"
                out.append((form, nxt))
                i += 3
                continue
            out.append((form, upos))
            i += 1
        if out:
            yield out


# ---------------------------------------------------------------- Europeana
_ENP_FIX = {"PEr": "PER", "ER": "PER", "LOCer": "LOC", "OLOC": "LOC", "ORg": "ORG", "PERr": "PER"}


def read_europeana(path: Path, chunk: int = 40):
    """Yield (words, bio) chunks (no sentence boundaries in the files; split at '.' after >= chunk tokens)."""
    words, tags = [], []
    for line in path.open(encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("# "):
            if line.startswith("# ") and words:
                yield words, tags
                words, tags = [], []
            continue
        parts = line.rsplit(" ", 1)
        if len(parts) != 2:
            continue
        w, t = parts
        if not w.strip():
            continue
        if t != "O":
            m = re.match(r"^([BI])-(.+)$", t)
            if not m:
                t = "O"
            else:
                lab = _ENP_FIX.get(m.group(2), m.group(2)).upper()
                t = f"{m.group(1)}-{lab}" if lab in ("PER", "LOC", "ORG") else "O"
        words.append(w)
        tags.append(t)
        if len(words) >= chunk and w in (".", "!", "?") or len(words) >= 120:
            yield words, tags
            words, tags = [], []
    if words:
        yield words, tags


def fix_bio(tags):
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out
