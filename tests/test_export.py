"""kg export (RDF syntaxes, GraphML/GEXF) and kg serve."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from conftest import ctrl_c_reaches_child

from kg import store
from kg.cli import app

runner = CliRunner()


@pytest.mark.parametrize("fmt,parse_as", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_triple_formats_hold_the_built_graph(seeds_out, tmp_path, fmt, parse_as):
    out = tmp_path / f"g.{fmt}"
    r = runner.invoke(app, ["export", str(seeds_out), "--format", fmt, "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert set(Graph().parse(out, format=parse_as)) == set(Graph().parse(seeds_out / "graph.ttl"))


@pytest.mark.parametrize("fmt,parse_as", [("nq", "nquads"), ("trig", "trig")])
def test_dataset_formats_keep_the_named_graphs(seeds_out, tmp_path, fmt, parse_as):
    out = tmp_path / f"g.{fmt}"
    assert runner.invoke(app, ["export", str(seeds_out), "-f", fmt, "-o", str(out)]).exit_code == 0
    got, want = Dataset().parse(out, format=parse_as), Dataset().parse(seeds_out / "graph.trig")
    assert set(got.quads()) == set(want.quads())


def test_default_output_path_and_unknown_format(seeds_out, tmp_path):
    import shutil

    d = tmp_path / "b"
    shutil.copytree(seeds_out, d)
    assert runner.invoke(app, ["export", str(d), "-f", "nt"]).exit_code == 0
    assert (d / "graph.nt").is_file()
    r = runner.invoke(app, ["export", str(d), "-f", "pdf"])
    assert r.exit_code == 2 and "expected one of" in r.output


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_hold_the_relation_network(seeds_out, tmp_path, fmt, reader):
    from kg.network import relation_network
    from kg.query import load_graph

    out = tmp_path / f"net.{fmt}"
    assert runner.invoke(app, ["export", str(seeds_out), "-f", fmt, "-o", str(out)]).exit_code == 0
    net = relation_network(load_graph(seeds_out))
    got = reader(out)
    assert net.number_of_edges() > 0
    assert set(got.nodes) == set(net.nodes)
    assert got.number_of_edges() == net.number_of_edges()
    want = {(a, b, d["type"], d["evidence"]) for a, b, d in net.edges(data=True)}
    assert {(a, b, d["relation"], int(d["evidence"])) for a, b, d in got.edges(data=True)} == want
    for _a, _b, d in got.edges(data=True):
        assert isinstance(d["sentences"], str) and d["color"].startswith("#")
    assert all(got.nodes[n]["label"] for n in got.nodes)


def test_serve_answers_queries_like_the_local_file_and_stops(seeds_out):
    port = store.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(seeds_out), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_reaches_child)
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/query" in line
        from kg import query as q

        text = q.shipped_queries()["statements"]
        remote = q.format_result(store.remote_query(text, f"http://127.0.0.1:{port}/query"), "csv")
        local = q.format_result(q.run(text, q.load_graph(seeds_out)), "csv")
        # the merged graph is the server's default graph, so even duplicates and order match
        assert remote.splitlines() == local.splitlines()
    finally:
        proc.send_signal(2)  # Ctrl-C
        proc.wait(timeout=20)
    assert proc.returncode == 0
    with pytest.raises(Exception):
        store.remote_query("ASK {}", f"http://127.0.0.1:{port}/query")
