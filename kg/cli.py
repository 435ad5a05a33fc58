"""The `kg` command: a thin layer that parses options, calls the library and prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape

from kg.errors import KgError

# expected errors are KgError and get one line; pretty tracebacks would dump locals (article text)
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="German news articles -> knowledge graph.")
err = Console(stderr=True)


@app.command()
def build(
    paths: List[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .htm .jsonl)."),
    outdir: Path = typer.Option(Path("output"), "-o", "--outdir", help="Where graph.ttl and alliances.html go."),
    model: Optional[str] = typer.Option(None, "--model", help="An installed spaCy German pipeline instead of kg's own."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", help="Largest input file or JSONL line read."),
    quiet: bool = typer.Option(False, "-q", "--quiet"),
    workers: int = typer.Option(0, "--workers", "-w", min=0, help="Extraction processes; 0 (default): 2 when 64 or more articles need processing and 2 cores are available, else 1."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run extraction on the Dask cluster at tcp://HOST:PORT."),
    full: bool = typer.Option(False, "--full", help="Ignore OUTDIR/.kg-cache and process every article again."),
):
    """Build the knowledge graph of the articles under PATHS (only new or changed articles are processed)."""
    import time

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from kg.build import build as run_build, encoding_note
    from kg.ingest import Problem

    started, words = time.perf_counter(), [0]
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} articles"),
                  TextColumn("{task.fields[rate]} words/s"), TimeElapsedColumn(), TextColumn("ETA"),
                  TimeRemainingColumn(), console=err, disable=quiet, transient=True) as progress:
        task = progress.add_task("building", total=None, rate=0)

        def tick(item) -> None:
            if isinstance(item, Problem):
                err.print(f"[yellow]skipped[/] {escape(str(item))}", markup=True, highlight=False, soft_wrap=True)
            else:
                words[0] += len(item.body.split())
                if item.encoding != "utf-8":
                    err.print(f"[cyan]note[/] {escape(encoding_note(item))}", markup=True, highlight=False, soft_wrap=True)
            progress.update(task, advance=1, rate=int(words[0] / max(time.perf_counter() - started, 1e-6)))

        try:
            report = run_build([str(p) for p in paths], outdir, model=model, max_bytes=max_bytes, on_article=tick,
                               workers=workers, scheduler=scheduler, incremental=not full,
                               on_total=lambda n: progress.update(task, total=n))
        except KgError as e:
            err.print(f"error: {e}", highlight=False)
            raise typer.Exit(2)
    summary = (f"{len(report.built)} documents built ({len(report.processed)} processed, {len(report.cached)} from cache), "
               f"{len(report.problems)} skipped or failed; "
               f"{report.statements} statements, {report.relations} relations, {report.entities} entities, "
               f"{report.triples} triples in {report.seconds:.1f} s ({report.words / max(report.seconds, 1e-6):.0f} words/s)")
    if not report.built:
        err.print(f"no document was built ({len(report.problems)} skipped; see {outdir / 'report.json'}):", markup=False, highlight=False)
        for problem in report.problems:
            err.print(f"  {problem.path}: {problem.problem}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    if not quiet:
        typer.echo(summary)
        typer.echo(f"wrote {outdir / 'graph.ttl'}, {outdir / 'graph.trig'}, {outdir / 'alliances.html'}, {outdir / 'report.json'}")


@app.command()
def query(
    query: str = typer.Argument(..., help="A shipped query name (see `kg queries`), a .rq file, or - for stdin."),
    graph: Path = typer.Option(Path("output/graph.ttl"), "--graph", "-g", help="Graph file or build folder."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, tsv or json."),
    param: List[str] = typer.Option([], "--param", "-p", help="NAME=VALUE, bound as an RDF term."),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", "-e",
                                           help="A SPARQL endpoint URL to query instead of --graph."),
    insecure: bool = typer.Option(False, "--insecure", help="Do not verify the endpoint's TLS certificate."),
):
    """Run a SPARQL query on a graph (or a SPARQL endpoint) and print the results."""
    from kg import query as q

    try:
        text = q.resolve(query, sys.stdin.read() if query == "-" else None)
        params = dict(q.parse_param(p) for p in param)
        if endpoint:
            from kg.store import remote_query

            result = remote_query(text, endpoint, params, verify=not insecure)
        else:
            result = q.run(text, q.load_graph(graph), params)
        sys.stdout.write(q.format_result(result, fmt))
    except KgError as e:
        err.print(f"error: {e}", highlight=False)
        raise typer.Exit(2)


@app.command()
def load(
    source: Path = typer.Argument(Path("output"), help="Build folder (its graph.trig) or a .trig/.nq/.ttl/.nt file."),
    store: str = typer.Option(..., "--store", "-s", help="Graph Store Protocol URL, e.g. http://localhost:7878/store."),
    graph_iri: Optional[str] = typer.Option(None, "--graph", help="Load the merged graph into this one named graph."),
    content_type: str = typer.Option("text/turtle", "--content-type", help="text/turtle or application/n-triples."),
    insecure: bool = typer.Option(False, "--insecure", help="Do not verify the store's TLS certificate."),
):
    """Load a build into a triple store: each graph replaced with HTTP PUT, so reloading never duplicates.
    Credentials: KG_STORE_USER/KG_STORE_PASSWORD or KG_STORE_TOKEN, or ~/.netrc."""
    from kg.store import load as run_load

    try:
        report = run_load(source, store, graph_iri, verify=not insecure, content_type=content_type)
    except KgError as e:
        err.print(f"error: {e}", highlight=False, markup=False)
        raise typer.Exit(2)
    typer.echo(f"loaded {report.triples} triples in {len(report.graphs)} graphs into {report.store_url}")


@app.command()
def export(
    outdir: Path = typer.Argument(Path("output"), help="A build folder."),
    fmt: str = typer.Option("ttl", "--format", "-f", help="ttl, nt, nq, trig, jsonld, graphml or gexf."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default OUTDIR/graph.FORMAT)."),
):
    """Write the graph in another RDF syntax, or the country-relation network as GraphML/GEXF."""
    from kg.export import export as run_export

    try:
        path = run_export(outdir, fmt, output)
    except KgError as e:
        err.print(f"error: {e}", highlight=False, markup=False)
        raise typer.Exit(2)
    typer.echo(f"wrote {path}")


@app.command()
def validate(graph: Path = typer.Argument(..., help="A graph file (.ttl, .trig, ...) or build folder.")):
    """Check a graph against kg's SHACL shapes; exit 1 when it does not conform."""
    from kg.query import load_graph
    from kg.rdf.validate import validate as run_validate

    try:
        report = run_validate(load_graph(graph))
    except KgError as e:
        err.print(f"error: {e}", highlight=False, markup=False)
        raise typer.Exit(2)
    if report.conforms:
        typer.echo(f"{graph}: conforms to kg's shapes")
        return
    typer.echo(f"{graph}: {len(report.violations)} violation(s)")
    for v in report.violations:
        typer.echo(f"  - {v}")
    raise typer.Exit(1)


@app.command()
def serve(
    outdir: Path = typer.Argument(Path("output"), help="A build folder."),
    port: int = typer.Option(7878, "--port", help="Port on 127.0.0.1."),
):
    """Serve a build with a local Oxigraph SPARQL server until Ctrl-C."""
    import signal
    import tempfile

    from kg import store

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill` stops it as cleanly as Ctrl-C
    proc = None
    with tempfile.TemporaryDirectory(prefix="kg-oxigraph-") as location:
        try:
            store.bulk_load(outdir, location)
            proc = store.start_server(location, port)
            base = f"http://127.0.0.1:{port}"
            typer.echo(f"SPARQL endpoint: {base}/query   (graph store: {base}/store; Ctrl-C stops)")
            typer.echo(f"try: kg query alliances --endpoint {base}/query")
            proc.wait()
        except KgError as e:
            err.print(f"error: {e}", highlight=False, markup=False)
            raise typer.Exit(2)
        except KeyboardInterrupt:
            pass
        finally:
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except Exception:
                    proc.kill()
                    proc.wait()
        typer.echo("stopped", err=True)


@app.command("queries")
def list_queries():
    """List the queries that ship with kg and what they answer."""
    from kg import query as q

    for name, text in q.shipped_queries().items():
        typer.echo(f"{name:24} {q.description(text)[:110]}")


eval_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Measure extraction on evaluation data.")
app.add_typer(eval_app, name="eval")


@eval_app.command("quotes")
def eval_quotes(
    path: Optional[Path] = typer.Argument(None, help="Quotation dataset JSONL(.gz); default: shared dev set."),
    errors: int = typer.Option(0, "--errors", help="Print this many misses and false statements per type."),
):
    """Precision/recall of direct and indirect quotations with their speakers."""
    from kg.eval.quotes import evaluate_cli

    raise typer.Exit(evaluate_cli(path, errors))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
