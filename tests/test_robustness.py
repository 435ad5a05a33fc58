"""Bad input never stops a build: every bad file is one reported problem, the others are built.

The bad files are generated into a temporary folder (no binary junk in the repository)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ctrl_c_reaches_child

from kg import ingest
from kg.ingest import Article, Problem, iter_articles

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_TEXT = (SEEDS / "000_7918f40a88e544d6.txt").read_text("utf-8")
ENGLISH = ("The foreign minister of North Korea arrived in Moscow on Tuesday, which signals a dangerous escalation "
           "of the war. NATO officials said they were deeply worried about reports of thousands of troops moving "
           "towards the front, and the president of South Korea called the meeting a threat to the region.")


def make_bad_inputs(root: Path) -> dict[str, str]:
    """Writes one bad input per kind into `root`; returns file name -> words its problem must contain."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \n\t \r\n")
    (root / "paper.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\nendobj\n")
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "noise.txt").write_bytes(bytes(range(128, 256)) * 40)  # neither UTF-8 nor plausible cp1252
    (root / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (root / "huge.txt").write_bytes(b"Wort " * 300_000)  # 1.5 MB, over the 1 MB limit the tests use
    os.symlink("loop.txt", root / "loop.txt")
    os.symlink("gone.txt", root / "dangling.txt")
    return {
        "empty.txt": "empty", "blank.txt": "empty", "paper.txt": "PDF", "photo.txt": "PNG",
        "noise.txt": "not valid UTF-8", "english.txt": "not German", "huge.txt": "limit",
        "loop.txt": "loop", "dangling.txt": "broken symbolic link",
    }


def make_good_inputs(root: Path) -> dict[str, str]:
    """Good inputs that need care: Windows-1252 bytes, a JSONL file with broken lines, stray quotes."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "windows.txt").write_bytes(SEED_TEXT.encode("cp1252", errors="replace"))
    (root / "quotes.txt").write_text("„" * 5 + SEED_TEXT.replace("“", "", 4) + " „Und dann", encoding="utf-8")
    lines = [json.dumps({"id": "a", "text": SEED_TEXT}), "{not json", json.dumps(["a list"]),
             json.dumps({"id": "a", "text": SEED_TEXT, "title": {"nested": 1}, "date": 2024}),
             "[" * 200_000, json.dumps({"text": "   "})]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"windows": "windows.txt", "quotes": "quotes.txt", "feed-a": "feed.jsonl:1", "feed-a-2": "feed.jsonl:4"}


def _problems(items) -> dict[str, str]:
    return {Path(p.path).name: p.problem for p in items if isinstance(p, Problem)}


def test_each_bad_file_is_one_problem_naming_it(tmp_path):
    expected = make_bad_inputs(tmp_path / "bad")
    items = list(iter_articles([tmp_path / "bad", tmp_path / "missing.txt"], max_bytes=1_000_000))
    problems = _problems(items)
    assert not [i for i in items if isinstance(i, Article)]
    for name, words in expected.items():
        assert name in problems, f"{name}: no problem reported (got {sorted(problems)})"
        assert words.lower() in problems[name].lower(), f"{name}: {problems[name]!r} does not say {words!r}"
    assert "no such file" in problems["missing.txt"]
    assert all("\n" not in p.problem and p.path for p in items)


def test_good_files_are_built_beside_bad_ones(tmp_path):
    make_bad_inputs(tmp_path / "in")
    good = make_good_inputs(tmp_path / "in")
    items = list(iter_articles([tmp_path / "in"], max_bytes=1_000_000))
    articles = {a.doc_id: a for a in items if isinstance(a, Article)}
    assert set(articles) == set(good)
    # Windows-1252 is decoded, not mangled, and says so
    assert "Außenminister Nordkoreas" in articles["windows"].text
    assert articles["windows"].encoding == "windows-1252" and articles["quotes"].encoding == "utf-8"
    # a non-string title falls back to the first line; a number is kept as text
    assert articles["feed-a-2"].title and articles["feed-a-2"].date == "2024"
    problems = _problems(items)
    assert "malformed JSON" in problems["feed.jsonl:2"]
    assert "expected a JSON object" in problems["feed.jsonl:3"]
    assert "malformed JSON" in problems["feed.jsonl:5"]  # 200 000 nested lists: RecursionError, caught
    assert "expected a JSON object" in problems["feed.jsonl:6"]


def test_latin1_bytes_undefined_in_windows_1252_are_decoded_as_latin1(tmp_path):
    # 0x81 is undefined in cp1252 but a (control) character in Latin-1
    (tmp_path / "latin.txt").write_bytes(SEED_TEXT.encode("latin-1", errors="replace") + b"\x81")
    article = next(iter_articles([tmp_path / "latin.txt"]))
    assert isinstance(article, Article), article
    assert article.encoding == "latin-1" and "Außenminister Nordkoreas" in article.text


def test_unbalanced_quotes_neither_crash_nor_swallow_the_rest():
    from kg.build import extract_text

    plain = extract_text(SEED_TEXT, "plain")
    first, rest = SEED_TEXT.split("\n", 1)
    broken = first + " Er sagte: „Das ist der Anfang\n" + rest + " „Und ein letztes"
    result = extract_text(broken, "broken")
    shift = len(" Er sagte: „Das ist der Anfang")
    # every statement of the intact text is still found, at the same place (the broken line's own
    # "Er sagte: „…" may be a statement of its own)
    assert [(s.quote_start + shift, s.quote) for s in plain.statements] == \
           [(s.quote_start, s.quote) for s in result.statements if s.quote_start > len(first) + shift][:len(plain.statements)]


def test_huge_file_and_line_are_not_read_past_the_limit(tmp_path):
    limit = 1_000_000
    (tmp_path / "big.txt").write_bytes(b"a" * 30_000_000)
    line = json.dumps({"text": "Wort " * 2_000_000})  # a 10 MB line, then a good one
    (tmp_path / "big.jsonl").write_text(line + "\n" + json.dumps({"id": "ok", "text": SEED_TEXT}) + "\n")
    tracemalloc.start()
    try:
        items = list(iter_articles([tmp_path], max_bytes=limit))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    problems = _problems(items)
    assert "30000000 bytes, more than the limit of 1000000" in problems["big.txt"]
    assert "more than the limit" in problems["big.jsonl:1"] and "--max-bytes" in problems["big.jsonl:1"]
    assert [a.doc_id for a in items if isinstance(a, Article)] == ["big-ok"]
    assert peak < 3 * limit, f"peak memory {peak} bytes for a limit of {limit}"


def test_raising_max_bytes_reads_the_big_file(tmp_path):
    (tmp_path / "big.txt").write_text(SEED_TEXT * 3, encoding="utf-8")
    size = (tmp_path / "big.txt").stat().st_size
    assert isinstance(next(iter_articles([tmp_path / "big.txt"], max_bytes=size - 1)), Problem)
    assert isinstance(next(iter_articles([tmp_path / "big.txt"], max_bytes=size)), Article)


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    # tests run as root, where chmod 000 does not stop reading: simulate the refusal instead
    (tmp_path / "locked.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "locked.jsonl").write_text(json.dumps({"text": SEED_TEXT}) + "\n", encoding="utf-8")
    real_open = open

    def refuse(path, *args, **kwargs):
        if str(path).endswith(("locked.txt", "locked.jsonl")):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(ingest, "open", refuse, raising=False)
    problems = _problems(iter_articles([tmp_path]))
    assert problems == {"locked.jsonl": "permission denied (expected a readable file)",
                        "locked.txt": "permission denied (expected a readable file)"}


def test_symlinked_folder_loop_and_fifo(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    os.symlink("..", root / "sub" / "up")
    os.mkfifo(root / "pipe.txt")  # opening it would block forever
    items = list(iter_articles([root]))
    assert [a.doc_id for a in items if isinstance(a, Article)] == ["a"]
    problems = _problems(items)
    assert "loop" in problems["up"] and "not a regular file" in problems["pipe.txt"]


def test_control_characters_and_surrogates_are_cleaned(tmp_path):
    text = SEED_TEXT[:400] + "\x00\x07\ud800\r" + SEED_TEXT[400:]
    (tmp_path / "odd.jsonl").write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    [article] = iter_articles([tmp_path])
    assert isinstance(article, Article)
    assert "\x00" not in article.text and "\ud800" not in article.text and "\r" not in article.text
    article.text.encode("utf-8")  # must not raise


# ---------------------------------------------------------------- the command: exit status and report

def _run_cli(args):
    from kg.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def test_cli_builds_the_good_reports_the_bad(tmp_path):
    expected = make_bad_inputs(tmp_path / "in")
    make_good_inputs(tmp_path / "in")
    out = tmp_path / "out"
    result = _run_cli(["build", tmp_path / "in", "-o", out, "--max-bytes", "1000000"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert set(report["built"]) == {"windows", "quotes", "feed-a", "feed-a-2"}
    reported = {Path(p["path"]).name: p["problem"] for p in report["problems"]}
    assert set(expected) <= set(reported)
    for name in expected:  # one line per problem on stderr, naming the file
        assert sum(name in line and "skipped" in line for line in result.output.splitlines()) == 1
    assert (out / "graph.ttl").stat().st_size > 0 and (out / "alliances.html").stat().st_size > 0
    # the legacy encoding is built and noted, in the report and on stderr
    assert [n for n in report["notes"] if "windows.txt" in n and "windows-1252" in n]
    assert any("note" in line and "windows.txt" in line for line in result.output.splitlines())


def test_cli_exits_non_zero_with_summary_when_nothing_is_built(tmp_path):
    expected = make_bad_inputs(tmp_path / "in")
    out = tmp_path / "out"
    result = _run_cli(["build", tmp_path / "in", tmp_path / "nowhere", "-o", out, "--max-bytes", "1000000"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "no document was built" in result.output
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["built"] == []
    assert {Path(p["path"]).name for p in report["problems"]} == set(expected) | {"nowhere"}
    assert not (out / "graph.ttl").exists()


# ---------------------------------------------------------------- never lose output

def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _big_corpus(root: Path, n: int) -> Path:
    root.mkdir()
    seeds = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(n):  # distinct texts, so no article comes from the cache
        (root / f"copy{i:03}.txt").write_text(seeds[i % len(seeds)] + f"\nDas ist Fassung {i} des Artikels.\n")
    return root


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory):
    from kg.build import build

    out = tmp_path_factory.mktemp("kill") / "out"
    assert build([SEEDS], out).built
    return out


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_build_leaves_previous_output_intact(previous_build, tmp_path, sig):
    out = previous_build
    before = _snapshot(out)
    corpus = _big_corpus(tmp_path / "big", 150)
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=ctrl_c_reaches_child)
    try:
        deadline = time.monotonic() + 120
        # wait until the build is extracting (its staging folder exists), then interrupt it
        while not list(out.glob(".kg-build-*")) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        time.sleep(2.0)
        assert proc.poll() is None, "the build finished before it could be interrupted; make the corpus larger"
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    assert b"Traceback" not in stderr or sig == signal.SIGKILL
    assert _snapshot(out) == before
    # and the folder is still usable: the outputs query, and the next build replaces them
    from kg import query as q

    assert q.format_result(q.run(q.resolve("alliances"), q.load_graph(out)), "csv").count("\n") > 1
    from kg.build import build

    assert build([SEEDS], out).built
    after = _snapshot(out)
    assert {k: after[k] for k in ("graph.ttl", "alliances.html")} == {k: before[k] for k in ("graph.ttl", "alliances.html")}
    assert not list(out.glob(".kg-build-*")), "a killed build's staging folder was not cleaned up"


def test_failure_while_writing_leaves_previous_output_intact(previous_build, monkeypatch):
    from kg import build as kg_build, network

    out = previous_build
    before = _snapshot(out)

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(network, "html", boom)
    staging = set(out.glob(".kg-build-*"))
    with pytest.raises(OSError):
        kg_build.build([SEEDS], out, incremental=False)
    assert _snapshot(out) == before
    assert set(out.glob(".kg-build-*")) <= staging, "the staging folder was left behind"
