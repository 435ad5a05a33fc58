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
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes (1 is fastest for kg's own pipeline on small machines)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run extraction on the Dask cluster at tcp://HOST:PORT."),
    full: bool = typer.Option(False, "--full", help="Ignore OUTDIR/.kg-cache and process every article again."),
):
    """Build the knowledge graph of the articles under PATHS (only new or changed articles are processed)."""
    import time

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from kg.build import build as run_build
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
):
    """Run a SPARQL query on a graph and print the results."""
    from kg import query as q

    try:
        text = q.resolve(query, sys.stdin.read() if query == "-" else None)
        params = dict(q.parse_param(p) for p in param)
        result = q.run(text, q.load_graph(graph), params)
        sys.stdout.write(q.format_result(result, fmt))
    except KgError as e:
        err.print(f"error: {e}", highlight=False)
        raise typer.Exit(2)


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
