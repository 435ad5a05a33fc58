"""Files, folders, HTML and JSONL -> Article records (text, metadata, where the article ends).

Every input that cannot be read as a German article becomes a one-line `Problem` (path and reason)
instead of an exception, so one bad file never stops a build. Reading is bounded: no file or JSONL
line is read past `max_bytes`.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import re
import stat
import unicodedata
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
CHUNK = 1 << 16  # how much of an over-long JSONL line is read at a time while skipping it

# signatures of binary formats people save under a text name by mistake
MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive or Office document"), (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"), (b"RIFF", "a RIFF media file"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
# text shorter than this is too short to tell its language reliably, so it is never skipped as foreign
LANGUAGE_MIN_WORDS = 25
# share of German function words above which a text is German without asking the language model
GERMAN_RATIO = 0.10

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# spaCy's tokenizer splits prefix/suffix punctuation one character at a time, rescanning the rest:
# quadratic, so a run of 30 000 „ or § takes minutes. Long runs are cut into pieces of this length.
PUNCT_RUN = 32
_PUNCT_RUN = re.compile(rf"[^\w\s]{{{PUNCT_RUN + 1},}}")


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
    encoding: str = "utf-8"  # what the bytes were decoded as (legacy encodings are noted in the report)

    @property
    def body(self) -> str:
        return self.text[: self.body_end]


@dataclass
class Problem:
    """An input that could not be built, with the reason (reported, never raised)."""

    path: str
    problem: str

    def __post_init__(self) -> None:
        # one line per problem, whatever an underlying library put in its message
        self.problem = " ".join(str(self.problem).split())

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@lru_cache(maxsize=1)
def _tail_patterns() -> tuple[re.Pattern, ...]:
    text = resources.files("kg.data").joinpath("boilerplate.tsv").read_text("utf-8")
    rows = csv.reader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    return tuple(re.compile(rf"(?:{regex})", re.IGNORECASE) for _kind, regex in rows)


@lru_cache(maxsize=1)
def _german_words() -> frozenset[str]:
    text = resources.files("kg.data").joinpath("german_function_words.tsv").read_text("utf-8")
    return frozenset(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))


@lru_cache(maxsize=1)
def _langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _is_tail_line(line: str) -> bool:
    s = line.strip()
    if len(s) > 300:  # boilerplate lines are short; long lines are running text (and costly to match)
        return False
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
        return first.rstrip(".") or None
    head = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return head if len(head) <= 160 else head[:157].rsplit(" ", 1)[0] + " …"


def _slug(value: str) -> str:
    value = re.sub(r"[^0-9A-Za-z_.-]+", "-", value).strip("-.")[:120]
    return value or "doc"


def clean_text(text: str) -> str:
    """Line ends as \\n; control characters as spaces; lone surrogates (possible in JSON) as U+FFFD;
    runs of more than PUNCT_RUN punctuation marks broken by spaces (see PUNCT_RUN).

    Later stages index, serialise and print this string, so it must be valid, encodable text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    text = _PUNCT_RUN.sub(lambda m: " ".join(m[0][i:i + PUNCT_RUN] for i in range(0, len(m[0]), PUNCT_RUN)), text)
    return _SURROGATE.sub("\ufffd", text)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192]:
        return "binary data (NUL bytes)"
    return None


def _plausible_legacy(text: str) -> bool:
    """Whether a text decoded as Windows-1252 looks like prose rather than mis-read binary."""
    odd = [c for c in text if ord(c) > 127]
    if not odd:
        return True
    letters = sum(unicodedata.category(c).startswith("L") or c in "„“”‚‘’–—…«»€°§·•´" for c in odd)
    controls = sum(unicodedata.category(c) == "Cc" for c in text if c not in "\t\n\r")
    return letters / len(odd) >= 0.9 and controls <= len(text) / 1000


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding): UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1
    if the result is plausible prose."""
    if not data.strip():
        raise InputError(path, "the file is empty or only whitespace (expected article text)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(path, "starts with a UTF-16 byte-order mark but is not valid UTF-16")
    kind = _binary_kind(data)
    if kind:
        raise InputError(path, f"binary content, looks like {kind} (expected UTF-8 text)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as err:
        bad = f"byte {err.start}: {data[err.start:err.start + 1]!r}"
    try:
        text, encoding = data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        text, encoding = data.decode("latin-1"), "latin-1"
    if _plausible_legacy(text):
        return text, encoding
    raise InputError(path, f"not valid UTF-8 ({bad}) and not plausible Windows-1252/Latin-1 text either")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """At most `max_bytes` of a regular file; InputError (never more reading) when it is longer."""
    try:
        # stat before open: opening a FIFO would block until something writes to it
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError(path, "not a regular file (expected a text, HTML or JSONL file)")
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            data = fh.read(max_bytes + 1)
    except InputError:
        raise
    except PermissionError:
        raise InputError(path, "permission denied (expected a readable file)")
    except OSError as err:
        if err.errno == errno.ENOENT and os.path.islink(path):
            raise InputError(path, "broken symbolic link (its target does not exist)")
        raise InputError(path, _os_reason(err))
    if len(data) > max_bytes:
        size = max(st.st_size, len(data))
        raise InputError(path, f"file has {size} bytes, more than the limit of {max_bytes} (raise it with --max-bytes)")
    return data


def _os_reason(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "symbolic link loop (the link points back to itself)"
    if err.errno == errno.ENOENT:
        return "no such file or folder"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (expected a readable file)"
    return f"cannot be read ({err.strerror or err})"


def language_problem(text: str) -> str | None:
    """Why `text` is not German, or None. Short texts pass: their language cannot be told reliably."""
    words = re.findall(r"[^\W\d_]+", text[:50_000].lower())
    if len(words) < LANGUAGE_MIN_WORDS:
        return None
    ratio = sum(map(_german_words().__contains__, words)) / len(words)  # (map: a third of the time of a loop)
    if ratio >= GERMAN_RATIO:
        return None
    lang, prob = _langid().classify(text[:20_000])
    if lang == "de":
        return None
    return (f"text is not German (detected {lang!r} with probability {prob:.2f}, "
            f"{ratio:.0%} German function words; expected a German article)")


def _make_article(doc_id: str, path: Path, text: str, **meta) -> Article | Problem:
    text = clean_text(text)
    end = body_end(text)
    reason = language_problem(text[:end])
    where = f"{path}:{meta['line']}" if meta.get("line") else str(path)
    if reason:
        return Problem(where, reason)
    meta["title"] = meta.get("title") or _title_from_text(text[:end])
    return Article(doc_id, path.name, str(path), text, end, **meta)


def read_text_article(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article | Problem:
    text, encoding = decode(path, _read_bytes(path, max_bytes))
    return _make_article(doc_id, path, text, encoding=encoding)


def read_html_article(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article | Problem:
    import trafilatura

    html, encoding = decode(path, _read_bytes(path, max_bytes))
    try:
        doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise InputError(path, f"HTML cannot be parsed ({type(err).__name__}: {err})") from err
    text = (getattr(doc, "text", None) if doc is not None else None) or ""
    if not text.strip():
        raise InputError(path, "no article text found in the HTML")
    return _make_article(doc_id, path, text, encoding=encoding, title=_meta(getattr(doc, "title", None)),
                         date=_meta(getattr(doc, "date", None)), url=_meta(getattr(doc, "url", None)),
                         publisher=_meta(getattr(doc, "sitename", None)))


def _meta(value) -> str | None:
    """A metadata value as one clean line of text, or None (JSON may hold numbers, lists, objects)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = " ".join(clean_text(str(value)).split())[:1000]
    return text or None


def _lines(handle, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes or None when longer than max_bytes, length); never holds more than max_bytes+1."""
    lineno = 0
    while True:
        raw = handle.readline(max_bytes + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw)
            while True:  # skip the rest of the over-long line
                rest = handle.readline(CHUNK)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None, size
        else:
            yield lineno, raw, len(raw)


def read_jsonl(path: Path, stem: str, max_bytes: int = DEFAULT_MAX_BYTES,
               used: set[str] | None = None) -> Iterator[Article | Problem]:
    used = set() if used is None else used
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before open: a FIFO would block
            yield Problem(str(path), "not a regular file (expected a JSONL file)")
            return
        handle = open(path, "rb")
    except OSError as err:
        yield Problem(str(path), _os_reason(err))
        return
    with handle:
        try:
            blank = True
            for lineno, raw, size in _lines(handle, max_bytes):
                where = f"{path}:{lineno}"
                if raw is None:
                    blank = False
                    yield Problem(where, f"line has {size} bytes, more than the limit of {max_bytes} (raise it with --max-bytes)")
                    continue
                if not raw.strip():
                    continue
                blank = False
                try:
                    obj = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
                except UnicodeDecodeError as err:
                    yield Problem(where, f"not valid UTF-8 (byte {err.start} of the line)")
                    continue
                except (ValueError, RecursionError) as err:
                    yield Problem(where, f"malformed JSON line ({type(err).__name__}: {str(err)[:200]})")
                    continue
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                    yield Problem(where, "expected a JSON object with a non-empty string field 'text'")
                    continue
                ident = _meta(obj.get("id"))
                base = f"{stem}-{_slug(ident)}" if ident else f"{stem}-{lineno}"
                doc_id, n = base, 2
                while doc_id in used:  # two lines with the same id must not share a named graph
                    doc_id, n = f"{base}-{n}", n + 1
                used.add(doc_id)
                item = _make_article(doc_id, path, obj["text"], title=_meta(obj.get("title")),
                                     date=_meta(obj.get("date")), url=_meta(obj.get("url")),
                                     publisher=_meta(obj.get("source")), line=lineno)
                yield item
            if blank:  # else the build would end with "no document was built" and no reason
                yield Problem(str(path), "the file is empty or only blank lines "
                                         "(expected one JSON object per line with a field 'text')")
        except OSError as err:
            yield Problem(str(path), _os_reason(err))


def _walk(path: Path) -> Iterator[Path | Problem]:
    if not os.path.lexists(path):
        yield Problem(str(path), "no such file or folder")
        return
    try:
        st = os.stat(path)
    except OSError as err:
        reason = _os_reason(err)
        if err.errno == errno.ENOENT:
            reason = "broken symbolic link (its target does not exist)"
        yield Problem(str(path), reason)
        return
    if stat.S_ISDIR(st.st_mode):
        seen: set[tuple[int, int]] = set()
        errors: list[OSError] = []
        for root, dirs, files in os.walk(path, followlinks=True, onerror=errors.append):
            try:
                rst = os.stat(root)
            except OSError as err:
                yield Problem(root, _os_reason(err))
                dirs[:] = []
                continue
            if (rst.st_dev, rst.st_ino) in seen:
                dirs[:] = []
                yield Problem(root, "symbolic link loop (folder already visited)")
                continue
            seen.add((rst.st_dev, rst.st_ino))
            dirs.sort()
            for name in sorted(files):
                p = Path(root) / name
                if p.suffix.lower() in SUFFIXES and not name.startswith("."):
                    yield p
            while errors:
                err = errors.pop(0)
                yield Problem(getattr(err, "filename", None) or root, _os_reason(err))
        for err in errors:
            yield Problem(getattr(err, "filename", None) or str(path), _os_reason(err))
        return
    if path.suffix.lower() not in SUFFIXES:
        yield Problem(str(path), f"unsupported file type {path.suffix or '(none)'!r} (expected one of {', '.join(sorted(SUFFIXES))})")
    else:
        yield path


def iter_articles(paths, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Every article under `paths`, in a stable order; unreadable or non-German inputs come as Problem."""
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
                yield from read_jsonl(item, doc_id, max_bytes, used)
                continue
            reader = read_html_article if suffix in HTML_SUFFIXES else read_text_article
            try:
                yield reader(item, doc_id, max_bytes)
            except InputError as err:
                yield Problem(err.path, err.problem)
