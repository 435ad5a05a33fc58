"""kg load / kg query --endpoint against a real Oxigraph server on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg import store
from kg.cli import app
from kg.errors import StoreError

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

runner = CliRunner()


@pytest.fixture()
def oxigraph(tmp_path):
    """A fresh Oxigraph server (its own database folder); its default graph is the union of graphs."""
    port = store.free_port()
    proc = store.start_server(tmp_path / "db", port, union_default_graph=True)
    base = f"http://127.0.0.1:{port}"
    yield base
    proc.kill()
    proc.wait()


def server_graphs(base: str) -> dict[str, Graph]:
    """Every named graph the server holds, fetched with GSP GET."""
    res = store.remote_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", f"{base}/query")
    graphs = {}
    for row in res:
        body, _ = store._request("GET", store.graph_url(f"{base}/store", str(row.g)), headers={"Accept": "application/n-triples"})
        graphs[str(row.g)] = Graph().parse(data=body.decode(), format="nt")
    return graphs


def union(graphs: dict[str, Graph]) -> Graph:
    g = Graph()
    for part in graphs.values():
        g += part
    return g


def kg(*args, env=None):
    result = runner.invoke(app, list(args), env=env)
    return result


def csv_rows(text: str) -> set[tuple[str, ...]]:
    return {tuple(r) for r in csv.reader(io.StringIO(text))}


def test_load_holds_exactly_the_built_triples_and_reload_changes_nothing(oxigraph, seeds_out):
    local = Graph().parse(seeds_out / "graph.ttl", format="turtle")
    r = kg("load", str(seeds_out), "--store", f"{oxigraph}/store")
    assert r.exit_code == 0, r.output
    first = server_graphs(oxigraph)
    trig_graphs = {str(c.identifier) for c in Dataset().parse(seeds_out / "graph.trig").graphs()
                   if len(c)}
    assert set(first) == trig_graphs
    assert set(union(first)) == set(local)

    r = kg("load", str(seeds_out), "--store", f"{oxigraph}/store")
    assert r.exit_code == 0, r.output
    second = server_graphs(oxigraph)
    assert set(second) == set(first)
    for name in first:
        assert len(second[name]) == len(first[name])
        assert isomorphic(second[name], first[name])


def test_graph_option_loads_the_merged_graph_into_one_graph(oxigraph, seeds_out):
    iri = "https://example.org/graph/kg"
    assert kg("load", str(seeds_out), "--store", f"{oxigraph}/store", "--graph", iri).exit_code == 0
    graphs = server_graphs(oxigraph)
    assert list(graphs) == [iri]
    assert set(graphs[iri]) == set(Graph().parse(seeds_out / "graph.ttl"))


def test_updating_one_article_replaces_only_its_graph(oxigraph, seeds_out, tmp_path):
    from kg.build import build
    from kg.rdf.mapping import graph_iri

    assert kg("load", str(seeds_out), "--store", f"{oxigraph}/store").exit_code == 0
    before = server_graphs(oxigraph)
    src = tmp_path / "seeds"
    shutil.copytree(SEEDS, src)
    changed = sorted(src.glob("*.txt"))[0]
    text = changed.read_text("utf-8")
    # a sentence before the second paragraph shifts every later offset, so mention IRIs change
    cut = text.index("\n") + 1
    changed.write_text(text[:cut] + "Vorab eine kurze Meldung aus Berlin.\n" + text[cut:], "utf-8")
    out = tmp_path / "out"
    assert build([src], out).built
    article = str(graph_iri(changed.stem))
    only = tmp_path / "one.trig"
    ds = Dataset().parse(out / "graph.trig")
    one = Dataset()
    for t in ds.graph(URIRef(article)):
        one.graph(URIRef(article)).add(t)
    one.serialize(only, format="trig")
    assert kg("load", str(only), "--store", f"{oxigraph}/store").exit_code == 0
    after = server_graphs(oxigraph)
    assert set(after) == set(before)
    assert set(after[article]) == set(ds.graph(URIRef(article)))
    assert set(after[article]) != set(before[article])
    for name in before:
        if name != article:
            assert set(after[name]) == set(before[name])


def test_remote_query_matches_local_rows_and_params_are_inert(oxigraph, seeds_out):
    assert kg("load", str(seeds_out), "--store", f"{oxigraph}/store").exit_code == 0
    endpoint = f"{oxigraph}/query"
    for name in ("statements", "alliances"):
        local = kg("query", name, "--graph", str(seeds_out / "graph.ttl"), "--format", "csv")
        remote = kg("query", name, "--endpoint", endpoint, "--format", "csv")
        assert local.exit_code == 0 and remote.exit_code == 0, remote.output
        assert csv_rows(remote.stdout) == csv_rows(local.stdout)
        assert len(csv_rows(local.stdout)) > 1

    local = kg("query", "speakers_about_country", "-g", str(seeds_out), "-f", "csv", "-p", "iso=PRK")
    remote = kg("query", "speakers_about_country", "-e", endpoint, "-f", "csv", "-p", "iso=PRK")
    rows = csv_rows(remote.stdout)
    assert rows == csv_rows(local.stdout)
    assert len(rows) > 1 and {r[0] for r in rows} == {"iso", "PRK"}

    hostile = 'x" } ; DROP ALL ; #'
    for where in (["-e", endpoint], ["-g", str(seeds_out)]):
        r = kg("query", "speakers_about_country", *where, "-f", "csv", "-p", f"iso={hostile}")
        assert r.exit_code == 0, r.output
        assert csv_rows(r.stdout) == {("iso", "countryLabel", "speaker", "speakerLabel", "statements")}
    # the store still holds everything
    assert len(union(server_graphs(oxigraph))) == len(Graph().parse(seeds_out / "graph.ttl"))
    r = kg("query", "statements", "-e", endpoint, "-p", "x=<http://a> } DROP ALL #>")
    assert r.exit_code == 2 and "not an absolute IRI" in r.output


def test_credentials_never_appear_in_output(oxigraph, seeds_out, monkeypatch):
    secret_user, secret_pw = "kg-user-s3cr3t", "pa55-s3cr3t-word"
    env = {"KG_STORE_USER": secret_user, "KG_STORE_PASSWORD": secret_pw}
    # success path: Oxigraph ignores the Authorization header
    ok = kg("load", str(seeds_out), "--store", f"{oxigraph}/store", env=env)
    assert ok.exit_code == 0
    # error paths: unknown endpoint path (HTTP 404), closed port, credentials in the URL
    bad = [f"{oxigraph}/no-such-service", f"http://127.0.0.1:{store.free_port()}/store",
           f"http://{secret_user}:{secret_pw}@127.0.0.1:1/store"]
    for url in bad:
        r = kg("load", str(seeds_out), "--store", url, env=env)
        assert r.exit_code == 2
        assert "error:" in r.output
        for out in (r.output, ok.output):
            assert secret_user not in out and secret_pw not in out
    r = kg("query", "statements", "--endpoint", f"http://{secret_user}:{secret_pw}@127.0.0.1:1/query", env=env)
    assert r.exit_code == 2 and secret_pw not in r.output and "credentials in the URL" in r.output


def test_authorization_comes_from_env_or_netrc(tmp_path, monkeypatch):
    import base64

    for var in ("KG_STORE_USER", "KG_STORE_PASSWORD", "KG_STORE_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert store._authorization("https://db.example.org/store") is None
    rc = tmp_path / ".netrc"
    rc.write_text("machine db.example.org login alice password wonder\n")
    rc.chmod(0o600)
    assert store._authorization("https://db.example.org/store") == "Basic " + base64.b64encode(b"alice:wonder").decode()
    monkeypatch.setenv("KG_STORE_TOKEN", "tok")
    assert store._authorization("https://db.example.org/store") == "Bearer tok"
    monkeypatch.delenv("KG_STORE_TOKEN")
    monkeypatch.setenv("KG_STORE_USER", "bob")
    with pytest.raises(StoreError, match="KG_STORE_PASSWORD"):
        store._authorization("https://db.example.org/store")


def test_redact_strips_userinfo():
    assert store.redact("https://u:p@host:8443/x?y=1") == "https://host:8443/x?y=1"
    assert store.redact("http://host/x") == "http://host/x"
