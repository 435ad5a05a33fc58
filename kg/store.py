"""Triple stores: load a built graph into any SPARQL 1.1 Graph Store Protocol endpoint, and run
queries on a remote SPARQL endpoint.

Credentials come only from the environment (KG_STORE_TOKEN, or KG_STORE_USER and KG_STORE_PASSWORD)
or ~/.netrc, never from the command line, and no message ever shows them: URLs in messages are
printed without their userinfo part.
"""

from __future__ import annotations

import base64
import json
import netrc
import os
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result

from kg.errors import StoreError

CONTENT_TYPES = ("text/turtle", "application/n-triples")
TIMEOUT = 300
# N-Triples is a subset of Turtle, so one serialisation serves both content types
_DATASET_SUFFIXES = {".trig": "TRIG", ".nq": "N_QUADS"}
_GRAPH_SUFFIXES = {".ttl": "TURTLE", ".nt": "N_TRIPLES"}


def redact(url: str) -> str:
    """The URL without user:password@ (for messages)."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{redact(url)!r}: expected an http:// or https:// URL")
    if parts.username is not None or parts.password is not None:
        raise StoreError(f"{redact(url)}: credentials in the URL are not accepted; set KG_STORE_USER and "
                         "KG_STORE_PASSWORD (or KG_STORE_TOKEN) or add the host to ~/.netrc")
    return url


def _authorization(url: str) -> str | None:
    """The Authorization header value for `url`, from the environment or ~/.netrc."""
    token = os.environ.get("KG_STORE_TOKEN")
    if token:
        return f"Bearer {token}"
    user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
    if user is not None or password is not None:
        if not user or password is None:
            raise StoreError("expected both KG_STORE_USER and KG_STORE_PASSWORD to be set, found only one")
    else:
        try:
            auth = netrc.netrc().authenticators(urlsplit(url).hostname or "")
        except FileNotFoundError:
            auth = None
        except (netrc.NetrcParseError, OSError) as err:
            # the parse error's text can quote a line of the file, so it is not shown
            raise StoreError(f"~/.netrc cannot be read ({type(err).__name__})") from None
        if not auth:
            return None
        user, password = auth[0], auth[2] or ""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def _opener(url: str, verify: bool) -> tuple[urllib.request.OpenerDirector, dict[str, str]]:
    context = ssl.create_default_context()
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    handlers: list = [urllib.request.HTTPSHandler(context=context)]
    headers: dict[str, str] = {}
    auth = _authorization(url)
    if auth:
        # sent up front (Basic or Bearer); Virtuoso's /sparql-graph-crud-auth answers with a Digest
        # challenge, which the digest handler then meets with the same user and password
        headers["Authorization"] = auth
        if auth.startswith("Basic "):
            user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, url, user, password)
            handlers.append(urllib.request.HTTPDigestAuthHandler(mgr))
    return urllib.request.build_opener(*handlers), headers


def _request(method: str, url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
             verify: bool = True, what: str = "") -> tuple[bytes, str]:
    """Send one request; return (body, content type). Errors name the URL without credentials."""
    opener, auth_headers = _opener(url, verify)
    req = urllib.request.Request(url, data=data, method=method, headers={**auth_headers, **(headers or {})})
    where = f"{method} {redact(url)}" + (f" ({what})" if what else "")
    try:
        with opener.open(req, timeout=TIMEOUT) as resp:
            return resp.read(), resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        body = err.read()[:400].decode("utf-8", "replace").strip()
        hint = " (check KG_STORE_USER/KG_STORE_PASSWORD, KG_STORE_TOKEN or ~/.netrc)" if err.code in (401, 403) else ""
        raise StoreError(f"{where}: expected a 2xx answer, found HTTP {err.code} {err.reason}{hint}"
                         + (f": {body}" if body else "")) from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, ssl.SSLCertVerificationError):
            raise StoreError(f"{where}: TLS certificate not verified ({reason.verify_message}); "
                             "use --insecure only for a server you trust") from None
        raise StoreError(f"{where}: cannot reach the server ({reason})") from None
    except (TimeoutError, OSError) as err:
        raise StoreError(f"{where}: no answer ({type(err).__name__}: {err})") from None


# --- loading ------------------------------------------------------------------------------------

@dataclass
class LoadReport:
    store_url: str
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI (or "default") -> triples sent

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def source_file(path: str | os.PathLike) -> Path:
    p = Path(path)
    if p.is_dir():
        p = p / "graph.trig"
    if not p.is_file():
        raise StoreError(f"{p}: no such file (expected a build folder with graph.trig, or a .trig, .nq, .ttl or .nt file)")
    if p.suffix.lower() not in _DATASET_SUFFIXES and p.suffix.lower() not in _GRAPH_SUFFIXES:
        raise StoreError(f"{p}: expected a .trig, .nq, .ttl or .nt file, found {p.suffix or 'no suffix'}")
    return p


def read_graphs(path: str | os.PathLike, graph_iri: str | None = None) -> dict[str | None, bytes]:
    """Graph name (None = the default graph) -> N-Triples of that graph. With `graph_iri` every triple
    of the file goes to that one graph (the merged graph; duplicates across graphs collapse)."""
    import pyoxigraph as ox

    p = source_file(path)
    suffix = p.suffix.lower()
    fmt = getattr(ox.RdfFormat, _DATASET_SUFFIXES.get(suffix) or _GRAPH_SUFFIXES[suffix])
    groups: dict[str | None, set] = {}
    try:
        for item in ox.parse(path=str(p), format=fmt):
            if graph_iri:
                name = graph_iri
            elif isinstance(item, ox.Quad) and isinstance(item.graph_name, ox.NamedNode):
                name = item.graph_name.value
            elif isinstance(item, ox.Quad) and isinstance(item.graph_name, ox.BlankNode):
                raise StoreError(f"{p}: a graph named by a blank node cannot be addressed over HTTP; expected IRIs")
            else:
                name = None
            groups.setdefault(name, set()).add(ox.Triple(item.subject, item.predicate, item.object))
    except (SyntaxError, ValueError, OSError) as err:
        raise StoreError(f"{p}: cannot be parsed as RDF ({type(err).__name__}: {err})") from err
    return {name: ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES) or b""
            for name, triples in groups.items()}


def graph_url(store_url: str, graph: str | None) -> str:
    sep = "&" if urlsplit(store_url).query else "?"
    if graph is None:
        return f"{store_url}{sep}default"
    return f"{store_url}{sep}{urlencode({'graph': graph})}"


def load(path: str | os.PathLike, store_url: str, graph_iri: str | None = None, verify: bool = True,
         content_type: str = "text/turtle") -> LoadReport:
    """Replace each graph of `path` in the Graph Store Protocol endpoint `store_url` (HTTP PUT), so
    loading again never duplicates anything and a rebuilt article replaces its old triples."""
    _check_url(store_url)
    if content_type not in CONTENT_TYPES:
        raise StoreError(f"content type {content_type!r}: expected one of {', '.join(CONTENT_TYPES)}")
    if graph_iri is not None and not _is_iri(graph_iri):
        raise StoreError(f"--graph {graph_iri[:80]!r}: expected an absolute IRI such as https://example.org/graph/kg")
    report = LoadReport(redact(store_url))
    for name, data in read_graphs(path, graph_iri).items():
        _request("PUT", graph_url(store_url, name), data=data, verify=verify,
                 headers={"Content-Type": f"{content_type}; charset=utf-8"}, what=f"graph {name or 'default'}")
        report.graphs[name or "default"] = data.count(b"\n")
    return report


def _is_iri(text: str) -> bool:
    from kg.query import _IRI

    return bool(_IRI.fullmatch(text))


# --- remote queries -----------------------------------------------------------------------------

ACCEPT = "application/sparql-results+json, text/turtle;q=0.9, application/n-triples;q=0.8"


def remote_query(text: str, endpoint: str, params: dict | None = None, verify: bool = True) -> Result:
    """Run a query on a SPARQL endpoint (SPARQL 1.1 Protocol, POST). Parameters are bound the same way
    as locally (`kg.query.bind_values`): RDF terms in a VALUES block, never pasted raw text."""
    from kg.query import bind_values

    _check_url(endpoint)
    if params:
        text = bind_values(text, params)
    body, ctype = _request("POST", endpoint, data=text.encode("utf-8"), verify=verify, what="SPARQL query",
                           headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": ACCEPT})
    ctype = ctype.split(";")[0].strip().lower()
    try:
        if ctype in ("application/sparql-results+json", "application/json"):
            return _json_result(json.loads(body.decode("utf-8")))
        if ctype in ("text/turtle", "application/n-triples", "text/plain"):
            result = Result("CONSTRUCT")
            result.graph = Graph().parse(data=body.decode("utf-8"), format="turtle")
            return result
    except (ValueError, KeyError, TypeError) as err:
        raise StoreError(f"{redact(endpoint)}: the answer is not valid {ctype} ({err})") from None
    raise StoreError(f"{redact(endpoint)}: expected SPARQL JSON results or Turtle, found {ctype or 'no content type'}")


def _json_term(cell: dict):
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        from rdflib import BNode
        return BNode(value)
    if "xml:lang" in cell:
        return Literal(value, lang=cell["xml:lang"])
    dt = cell.get("datatype")
    if dt and dt != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value, datatype=URIRef(dt))
    return Literal(value)


def _json_result(data: dict) -> Result:
    from rdflib import Variable

    if "boolean" in data:
        result = Result("ASK")
        result.askAnswer = bool(data["boolean"])
        return result
    result = Result("SELECT")
    result.vars = [Variable(v) for v in data["head"]["vars"]]
    result.bindings = [{Variable(k): _json_term(v) for k, v in row.items()} for row in data["results"]["bindings"]]
    return result


# --- a local Oxigraph server ---------------------------------------------------------------------

def oxigraph_binary() -> str:
    import shutil
    import sys

    beside = Path(sys.executable).with_name("oxigraph")  # the `oxigraph` PyPI package's CLI in this venv
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the oxigraph command is not installed: expected `pip install oxigraph`")
    return found


def bulk_load(outdir: str | os.PathLike, location: str | os.PathLike) -> None:
    """Offline load of a build into an Oxigraph database folder: the named graphs from graph.trig and
    the merged graph.ttl as the default graph (so queries without GRAPH see each triple once)."""
    import subprocess

    out = Path(outdir)
    for name, extra in (("graph.trig", []), ("graph.ttl", [])):
        src = out / name
        if not src.is_file():
            raise StoreError(f"{src}: no such file (expected a folder written by `kg build`)")
        proc = subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", str(src), *extra],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise StoreError(f"oxigraph load {src} failed (exit {proc.returncode}): {proc.stderr.strip()[-400:]}")


def start_server(location: str | os.PathLike | None, port: int, union_default_graph: bool = False):
    """Start `oxigraph serve` on 127.0.0.1:port and wait until it answers; return the process."""
    import subprocess

    cmd = [oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}"]
    if location is not None:
        cmd += ["--location", str(location)]
    if union_default_graph:
        cmd.append("--union-default-graph")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query", proc)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    return proc


def wait_until_up(endpoint: str, proc=None, seconds: float = 30.0) -> None:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            msg = proc.stderr.read().decode("utf-8", "replace").strip()[-400:] if proc.stderr else ""
            raise StoreError(f"oxigraph serve exited with code {proc.returncode}: {msg}")
        try:
            remote_query("ASK {}", endpoint)
            return
        except StoreError:
            time.sleep(0.1)
    raise StoreError(f"{redact(endpoint)}: expected the server to answer within {seconds:.0f} s, found no answer")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
