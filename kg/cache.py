"""Per-article build cache in OUTDIR/.kg-cache/: one pickle per article, keyed by the article's content
hash, inside a folder named by the pipeline version. A rebuild reuses every article whose text and
metadata are unchanged and whose pipeline (model, rules, lexicons, kg version) is the same.

Pickle is fine here: the cache is written and read only by kg itself in the user's own output folder,
and every entry carries FORMAT so a changed record layout is a miss, never a crash."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import kg
from kg.extract.records import DocumentResult
from kg.ingest import Article

FORMAT = 1
CACHE_DIR = ".kg-cache"
# Packages whose data files (lexicons, gazetteers, boilerplate patterns) change what extraction yields.
DATA_PACKAGES = ("kg.data", "kg.nlp.data", "kg.extract.data")


@dataclass
class ArticleRecord:
    """What one article contributes to a build: its extraction and its named graph as N-Triples."""

    doc_id: str
    key: str  # article content hash
    words: int
    result: DocumentResult
    ntriples: list[str]  # sorted, unique N-Triples lines (each ends with " .")


def data_hash() -> str:
    h = hashlib.sha256()
    for pkg in DATA_PACKAGES:
        files = sorted((f for f in resources.files(pkg).iterdir() if f.is_file() and not f.name.endswith(".py")),
                       key=lambda f: f.name)
        for f in files:
            h.update(f"{pkg}/{f.name}\0".encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def code_hash() -> str:
    """kg's own Python source: a changed extraction rule must not reuse stale records, and
    kg.__version__ is not bumped for every edit."""
    h = hashlib.sha256()
    root = Path(kg.__file__).parent
    for f in sorted(root.rglob("*.py")):
        h.update(f"{f.relative_to(root).as_posix()}\0".encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _model_dir(model: str | None) -> Path | None:
    from kg import nlp as kg_nlp

    if model is None:
        return kg_nlp.MODEL_DIR if (kg_nlp.MODEL_DIR / "config.cfg").exists() else None
    if Path(model).is_dir():
        return Path(model)
    try:
        import spacy.util

        return spacy.util.get_package_path(model)
    except Exception:  # noqa: BLE001  (not an installed package: kg.nlp.load will say so)
        return None


def nlp_version(model: str | None = None) -> str:
    """kg.nlp.version() of the pipeline `model` names plus a hash of its files, without loading it
    (a fully cached rebuild then never loads spaCy's model); a retrained model with an unchanged
    meta.json version is still a new pipeline."""
    from types import SimpleNamespace

    import spacy
    from kg import nlp as kg_nlp

    folder = _model_dir(model)
    if folder is None:
        if model is not None:
            return kg_nlp.version(kg_nlp.load(model))
        return kg_nlp.version(spacy.blank("de"))
    meta = json.loads((folder / "meta.json").read_text("utf-8")) if (folder / "meta.json").exists() else {}
    h = hashlib.sha256()
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(f"{f.relative_to(folder).as_posix()}\0".encode())
        h.update(f.read_bytes())
    return f"{kg_nlp.version(SimpleNamespace(meta=meta))}/{h.hexdigest()[:16]}"


def pipeline_key(nlp_version: str) -> str:
    """Hash of everything besides the article that decides its records."""
    raw = f"{FORMAT}\0{nlp_version}\0{kg.__version__}\0{data_hash()}\0{code_hash()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def article_key(article: Article) -> str:
    """sha256 of the article's text and of the metadata that reaches the graph. Kept on the article (not a
    field: no part of its equality or repr): an incremental build asks for it when it looks the article up
    in the cache and again when it stores the record (a JSON dump and hash of the whole text, ~0.03 ms);
    nothing changes an article after ingest."""
    key = article.__dict__.get("_key")
    if key is None:
        fields = [article.doc_id, article.source, article.text, article.body_end, article.title, article.date,
                  article.url, article.publisher]
        key = article.__dict__["_key"] = hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()
    return key


class Cache:
    """Entries of one pipeline version under OUTDIR/.kg-cache/<pipeline key>/."""

    def __init__(self, outdir: str | os.PathLike, pipeline: str):
        self.root = Path(outdir) / CACHE_DIR
        self.dir = self.root / pipeline
        self.used: set[str] = set()
        self._made: set[Path] = set()  # entry folders this build made or found

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> ArticleRecord | None:
        try:
            with self._path(key).open("rb") as fh:
                fmt, rec = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError, ImportError):
            return None  # missing or unreadable entry: rebuild the article
        if fmt != FORMAT or not isinstance(rec, ArticleRecord) or rec.key != key:
            return None
        self.used.add(key)
        return rec

    def put(self, rec: ArticleRecord) -> None:
        path = self._path(rec.key)
        if path.parent not in self._made:  # (one mkdir per folder, not per article)
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((FORMAT, rec), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        self.used.add(rec.key)

    def prune(self) -> int:
        """Drop entries this build did not use and folders of other pipeline versions."""
        removed = 0
        if self.root.is_dir():
            for other in self.root.iterdir():
                if other != self.dir and other.is_dir():
                    shutil.rmtree(other, ignore_errors=True)
        if self.dir.is_dir():
            for sub in self.dir.iterdir():
                for f in sub.glob("*.pkl"):
                    if f.stem not in self.used:
                        f.unlink(missing_ok=True)
                        removed += 1
        return removed
