"""Files, folders, HTML and JSONL -> Article records (text, metadata, where the article ends)."""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

from kg.errors import InputError

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 20_000_000


@dataclass
class Article:
    doc_id: str  # stable id, used in IRIs
    source: str  # the input file's name
    path: str
    text: str  # offsets index this string
    body_end: int  # text[:body_end] is the article; what follows is page furniture
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    line: int | None = None  # JSONL line number (1-based)

    @property
    def body(self) -> str:
        return self.text[: self.body_end]


@dataclass
class Problem:
    """An input that could not be built, with the reason (reported, never raised)."""

    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@lru_cache(maxsize=1)
def _tail_patterns() -> tuple[re.Pattern, ...]:
    text = resources.files("kg.data").joinpath("boilerplate.tsv").read_text("utf-8")
    rows = csv.reader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    return tuple(re.compile(rf"(?:{regex})", re.IGNORECASE) for _kind, regex in rows)


def _is_tail_line(line: str) -> bool:
    s = line.strip()
    return any(p.fullmatch(s) for p in _tail_patterns())


def body_end(text: str) -> int:
    """Offset where the trailing page furniture (teasers, share links) begins, else len(text).

    The tail starts at the first line matching a boilerplate pattern after which every line is
    either another such line or a short headline-like line (no sentence of running text).
    """
    lines = text.splitlines(keepends=True)
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    cut = len(text)
    for i in range(len(lines) - 1, -1, -1):
        s = lines[i].strip()
        if not s:
            continue
        if _is_tail_line(s):
            cut = offsets[i]
        elif len(s) <= 140 and i + 1 < len(lines) and cut <= offsets[i + 1] and cut < len(text):
            continue  # a teaser headline inside the tail
        else:
            break
    return len(text[:cut].rstrip()) if cut < len(text) else len(text)


def _title_from_text(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    if not first:
        return None
    if len(first) <= 140:
        return first.rstrip(".")
    head = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return head if len(head) <= 160 else head[:157].rsplit(" ", 1)[0] + " …"


def _slug(value: str) -> str:
    value = re.sub(r"[^0-9A-Za-z_.-]+", "-", value).strip("-.")
    return value or "doc"


def decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise InputError(path, "the file is empty (expected article text)")
    if b"\x00" in data[:4096] or data[:5] == b"%PDF-":
        raise InputError(path, "binary content (expected UTF-8 text; is this a PDF or image?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not valid UTF-8 (byte {err.start}: {data[err.start:err.start+1]!r})")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file has {size} bytes, more than the limit of {max_bytes} (raise it with --max-bytes)")
        return path.read_bytes()
    except PermissionError:
        raise InputError(path, "permission denied (expected a readable file)")
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})")


def read_text_article(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    text = decode(path, _read_bytes(path, max_bytes)).replace("\r\n", "\n")
    end = body_end(text)
    return Article(doc_id, path.name, str(path), text, end, title=_title_from_text(text[:end]))


def read_html_article(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    import trafilatura

    html = decode(path, _read_bytes(path, max_bytes))
    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    text = (getattr(doc, "text", None) if doc is not None else None) or ""
    if not text.strip():
        raise InputError(path, "no article text found in the HTML")
    end = body_end(text)
    return Article(
        doc_id, path.name, str(path), text, end,
        title=getattr(doc, "title", None) or _title_from_text(text[:end]),
        date=getattr(doc, "date", None), url=getattr(doc, "url", None),
        publisher=getattr(doc, "sitename", None),
    )


def read_jsonl(path: Path, stem: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield Problem(str(path), f"cannot be read ({err.strerror or err})")
        return
    with handle:
        for lineno, raw in enumerate(handle, 1):
            where = f"{path}:{lineno}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield Problem(where, f"line has {len(raw)} bytes, more than the limit of {max_bytes}")
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                yield Problem(where, f"malformed JSON line ({err})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                yield Problem(where, "expected a JSON object with a non-empty string field 'text'")
                continue
            text = obj["text"].replace("\r\n", "\n")
            ident = obj.get("id")
            doc_id = f"{stem}-{_slug(str(ident))}" if ident not in (None, "") else f"{stem}-{lineno}"
            end = body_end(text)
            yield Article(
                doc_id, path.name, str(path), text, end,
                title=obj.get("title") or _title_from_text(text[:end]),
                date=obj.get("date"), url=obj.get("url"), publisher=obj.get("source"), line=lineno,
            )


def _walk(path: Path) -> Iterator[Path | Problem]:
    if not os.path.lexists(path):
        yield Problem(str(path), "no such file or folder")
        return
    if path.is_dir():
        seen: set[tuple[int, int]] = set()
        for root, dirs, files in os.walk(path, followlinks=True):
            st = os.stat(root)
            if (st.st_dev, st.st_ino) in seen:
                dirs[:] = []
                yield Problem(root, "symbolic link loop (folder already visited)")
                continue
            seen.add((st.st_dev, st.st_ino))
            dirs.sort()
            for name in sorted(files):
                p = Path(root) / name
                if p.suffix.lower() in SUFFIXES and not name.startswith("."):
                    yield p
        return
    if not path.exists():
        yield Problem(str(path), "broken symbolic link or unreadable path")
    elif path.suffix.lower() not in SUFFIXES:
        yield Problem(str(path), f"unsupported file type {path.suffix!r} (expected one of {', '.join(sorted(SUFFIXES))})")
    else:
        yield path


def iter_articles(paths, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Every article under `paths`, in a stable order; unreadable inputs come as Problem."""
    used: set[str] = set()
    for given in paths:
        for item in _walk(Path(given)):
            if isinstance(item, Problem):
                yield item
                continue
            stem = _slug(item.stem)
            doc_id, n = stem, 2
            while doc_id in used:
                doc_id, n = f"{stem}-{n}", n + 1
            used.add(doc_id)
            suffix = item.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl(item, doc_id, max_bytes)
                continue
            reader = read_html_article if suffix in HTML_SUFFIXES else read_text_article
            try:
                yield reader(item, doc_id, max_bytes)
            except InputError as err:
                yield Problem(err.path, err.problem)
