"""The `kg` command through Typer's CliRunner: build and query keep their contract."""

from __future__ import annotations

import csv
import io
import json
import shutil

from typer.testing import CliRunner

from conftest import ALLIANCE_COLUMNS, SEEDS, STATEMENT_COLUMNS
from kg.cli import app

runner = CliRunner()


def test_build_writes_graph_and_map(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "000_7918f40a88e544d6.txt", src)
    out = tmp_path / "out"
    res = runner.invoke(app, ["build", str(src), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    assert (out / "graph.ttl").stat().st_size > 1000 and (out / "alliances.html").is_file()


def test_build_of_nothing_fails(tmp_path):
    (tmp_path / "empty").mkdir()
    res = runner.invoke(app, ["build", str(tmp_path / "empty"), "-o", str(tmp_path / "out"), "-q"])
    assert res.exit_code != 0
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_query_statements_csv(seeds_out):
    res = runner.invoke(app, ["query", "statements", "--graph", str(seeds_out / "graph.ttl"), "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert rows[0] == STATEMENT_COLUMNS
    assert len(rows) > 20
    assert any(r[STATEMENT_COLUMNS.index("speakerLabel")] == "Oleksandr Petrenko" for r in rows[1:])


def test_query_alliances_csv_from_build_folder(seeds_out):
    res = runner.invoke(app, ["query", "alliances", "--graph", str(seeds_out), "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0]) == ALLIANCE_COLUMNS
    assert any({r["country1Iso"], r["country2Iso"]} == {"PRK", "RUS"} and r["relation"] == "alliance" for r in rows)


def test_query_json_and_param(seeds_out):
    res = runner.invoke(app, ["query", "speakers_about_country", "-g", str(seeds_out), "-f", "json", "-p", "iso=UKR"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["results"]["bindings"]
    assert {b["iso"]["value"] for b in data["results"]["bindings"]} == {"UKR"}


def test_query_from_stdin(seeds_out):
    text = "PREFIX kg: <https://w3id.org/kg-news/ontology#>\nSELECT ?iso WHERE { ?c kg:isoCode ?iso } ORDER BY ?iso"
    res = runner.invoke(app, ["query", "-", "-g", str(seeds_out), "-f", "csv"], input=text)
    assert res.exit_code == 0, res.output
    assert {"PRK", "RUS", "UKR"} <= set(res.stdout.split())


def test_query_errors_exit_2(seeds_out, tmp_path):
    res = runner.invoke(app, ["query", "no_such_query", "-g", str(seeds_out)])
    assert res.exit_code == 2 and "unknown query" in res.output
    res = runner.invoke(app, ["query", "statements", "-g", str(tmp_path / "missing.ttl")])
    assert res.exit_code == 2 and "missing.ttl" in res.output


def test_queries_lists_shipped_queries():
    res = runner.invoke(app, ["queries"])
    assert res.exit_code == 0
    names = {line.split()[0] for line in res.stdout.splitlines() if line.strip()}
    assert {"statements", "alliances", "entities"} <= names
