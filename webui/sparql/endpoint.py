"""The `/sparql` endpoint: SPARQL 1.1 Protocol (query only), service description, query page."""

from __future__ import annotations

import hashlib
import logging
import threading
from typing import Any

from flask import Blueprint, Flask, Response, current_app, render_template, request, url_for
from rdflib import URIRef

from graph.errors import AlliancesError, QueryError
from graph.store import source_iri
from ontology.namespaces import PREFIXES

from ..app_context import get_instance
from ..conneg import HTML, negotiate, preferred
from ..errors import wants_json
from ..rdfdoc import finish, serialize_graph
from .cache import ResultCache
from .examples import examples
from .limits import ClientLimiter, SharedSlots, TooManyQueries
from .mediatypes import GRAPHS, RESULTS, MediaType, NotAcceptable
from .protocol import read_request
from .safety import check_query, undeclared_prefixes
from .service import service_description
from .workers import InlineExecutor, Task, WorkerPool

__all__ = ["ClientLimiter", "Endpoint", "TooManyQueries", "bp", "init_app"]

#: Key of the instance extension holding the shared per-client slots (set by `alliances serve`
#: before the workers fork; absent: counted per process).
SHARED_SLOTS = "sparql-slots"

bp = Blueprint("sparql", __name__)
log = logging.getLogger(__name__)


class Endpoint:
    """The endpoint's state: executor (worker pool), per-client limits, result cache."""

    def __init__(self, app: Flask) -> None:
        inst = app.extensions["alliances"]
        cfg = app.config
        self.timeout = float(cfg["SPARQL_TIMEOUT"])
        self.max_rows = int(cfg["SPARQL_MAX_ROWS"])
        self.max_length = int(cfg["SPARQL_MAX_QUERY_LENGTH"])
        shared: SharedSlots | None = inst.extensions.get(SHARED_SLOTS)
        self.limiter = ClientLimiter(int(cfg["SPARQL_MAX_CONCURRENT"]), shared)
        self.cache = ResultCache(int(float(cfg["SPARQL_CACHE_MB"]) * 1024 * 1024))
        self._executor: Any = None
        self._lock = threading.Lock()
        self._inst = inst
        self._workers = int(cfg["SPARQL_WORKERS"])
        self._slow_after = float(cfg["SPARQL_SLOW_AFTER"])
        self._slow_workers = int(cfg["SPARQL_SLOW_WORKERS"])

    @property
    def executor(self) -> Any:
        """The executor, chosen on first use from the store's capabilities: killable worker
        processes when the engine cannot stop a query itself, else the calling thread."""
        with self._lock:
            if self._executor is None:
                store = self._inst.store
                opener = None if store.capabilities.query_timeout else store.reader()
                if opener is not None:
                    self._executor = WorkerPool(
                        opener,
                        self._workers,
                        slow_after=self._slow_after,
                        slow_size=self._slow_workers,
                    )
                else:
                    self._executor = InlineExecutor(store)
            return self._executor

    def close(self) -> None:
        """Stop the workers."""
        with self._lock:
            if self._executor is not None:
                self._executor.close()
                self._executor = None

    def limits(self) -> dict[str, object]:
        """The limits, as shown in the service description and the page."""
        return {
            "timeout_s": self.timeout,
            "max_rows": self.max_rows,
            "max_query_length": self.max_length,
            "max_concurrent_per_client": self.limiter.limit,
        }


def get_endpoint() -> Endpoint:
    """The endpoint attached to the current app."""
    return current_app.extensions["alliances"].extensions["sparql"]  # type: ignore[no-any-return]


def endpoint_url() -> str:
    """Absolute URL of the endpoint (PUBLIC_URL when set, else the request's host)."""
    public = str(current_app.config.get("PUBLIC_URL") or "").rstrip("/")
    return public + url_for("sparql.sparql") if public else url_for("sparql.sparql", _external=True)


def local_graphs() -> tuple[dict[str, str], set[str]]:
    """Default-graph names clients may use (published graphs and stable source IRIs → graph),
    and the named graphs (published graphs)."""
    inst = get_instance()
    infos = inst.store.graphs()
    named = {str(g.iri) for g in infos}
    default = {str(g.iri): str(g.iri) for g in infos}
    default.update({str(source_iri(inst.base, g.source)): str(g.iri) for g in infos})
    return default, named


@bp.route("/sparql", methods=["GET", "HEAD", "POST", "OPTIONS"])
def sparql() -> Response | str:
    """SPARQL 1.1 Protocol endpoint; without a query, the service description (or query page)."""
    if request.method == "OPTIONS":
        return finish(Response(status=204))
    ep = get_endpoint()
    preq = read_request(request, max_body=ep.max_length * 4 + 4096)
    fmt = preq.params.get("format", []) + preq.params.get("output", [])
    if preq.query is None:
        media = negotiate([*GRAPHS, HTML], fmt)
        if media is HTML:
            return query_page("")
        sd = service_description(get_instance().store, URIRef(endpoint_url()), limits=ep.limits())
        return finish(Response(serialize_graph(sd, media), content_type=media.content_type))
    default_map, named = local_graphs()
    checked = check_query(
        preq.query,
        local_graphs=set(default_map) | named,
        max_length=ep.max_length,
        base=get_instance().base,
        published=named,
    )
    table = GRAPHS if checked.returns_graph else RESULTS
    media = negotiate([*table, HTML] if request.method != "POST" else table, fmt)
    if media is HTML:
        return query_page(preq.query)
    if preq.dataset_given:
        default_uris, named_uris = preq.default_graph_uris, preq.named_graph_uris
        _check_local(default_uris, set(default_map), "default-graph-uri")
        _check_local(named_uris, named, "named-graph-uri")
    elif checked.default_graphs or checked.named_graphs:
        default_uris, named_uris = checked.default_graphs, checked.named_graphs
        _check_local(named_uris, named, "FROM NAMED")
    else:  # the store's default dataset: the union of the published graphs
        default_uris, named_uris = None, None
    task = _task(
        checked.text,
        None if default_uris is None else [default_map[u] for u in default_uris],
        named_uris,
        media,
        checked.returns_graph,
        ep.max_rows,
    )
    return _answer(ep, task, media)


def _check_local(uris: list[str], allowed: set[str], what: str) -> None:
    from .safety import QueryRefused

    for u in uris:
        if u not in allowed:
            raise QueryRefused(
                f"{what} <{u}>: only the graphs of this store can be queried (see the "
                "service description at /sparql)",
                message_fr=f"{what} <{u}> : seuls les graphes de ce stock peuvent être "
                "interrogés (voir la description du service, /sparql)",
            )


def _task(
    query: str,
    default: list[str] | None,
    named: list[str] | None,
    media: MediaType,
    graph: bool,
    max_rows: int,
) -> Task:
    inst = get_instance()
    return Task(
        query=query,
        default_graph=default,
        named_graphs=named,
        version=inst.store.version,
        result_format="json" if graph else media.key,
        graph_format=media.key if graph else "ttl",
        max_rows=max_rows,
        prefixes=dict(PREFIXES),
    )


def _answer(ep: Endpoint, task: Task, media: MediaType) -> Response:
    etag = hashlib.sha256(repr((get_instance().base, task)).encode()).hexdigest()[:32]
    if request.method in ("GET", "HEAD") and etag in request.if_none_match:
        resp = Response(status=304)
        resp.set_etag(etag)
        return finish(resp)
    key = _cache_key(task)
    result = ep.cache.get(task.version, key)
    status = "hit"
    if result is None:
        status = "fwd=miss"
        with ep.limiter.slot(request.remote_addr or "unknown"):
            try:
                result, version = ep.executor.run(task, ep.timeout)
            except QueryError as exc:
                raise _explained(exc, task.query) from exc
        ep.cache.put(task.version if version is None else version, key, result, len(task.query))
    resp = Response(result.body, content_type=media.content_type)
    resp.headers["Cache-Status"] = f"alliances; {status}"  # RFC 9211
    if result.truncated:
        resp.headers["X-SPARQL-MaxRows"] = str(ep.max_rows)
    if request.method in ("GET", "HEAD"):
        resp.set_etag(etag)
        resp.headers["Cache-Control"] = "public, max-age=0, must-revalidate"
    return finish(resp)


def _explained(exc: QueryError, query: str) -> QueryError:
    """The engine's error, with the likely cause first when the query uses a prefix it does not
    declare (the engine only says which token it expected there)."""
    if "syntax" not in exc.message.lower():
        return exc
    missing = undeclared_prefixes(query)
    if not missing:
        return exc
    names = ", ".join(f"« {p}: »" for p in missing)
    return QueryError(
        f"undeclared prefix {names}: declare it at the top of the query, e.g. "
        f"PREFIX {missing[0]}: <http://example.org/ns#> (engine: {exc.message})",
        message_fr=f"préfixe non déclaré {names} : déclarez-le en tête de la requête, par "
        f"exemple PREFIX {missing[0]}: <http://example.org/ns#> (moteur : {exc.message})",
    )


def warm_examples(app: Flask) -> int:
    """Run each of the SPARQL editor's examples once for the store's current graph version and
    keep the answers in this web worker's result cache, in the formats the editor asks for
    (SPARQL JSON results; Turtle for CONSTRUCT and DESCRIBE), so that the first visitor to click
    an example does not wait for it (at 100,000 actors the heaviest take 1–4 s: bench/README.md,
    « SPARQL examples »). The queries go through the same checks and executor as a request, with
    the endpoint's deadline and row cap; an example that fails or times out is logged and left
    out (errors are never cached).

    Returns the number of answers now held; 0 when the cache is off (`SPARQL_CACHE_MB=0`).
    Called by the background warm-up (`webui.warmup.Warmer`) after start-up and after every
    published write; each web worker warms its own cache (gunicorn workers share no memory).
    """
    with app.app_context():
        ep = get_endpoint()
        if not ep.cache.max_bytes:
            return 0
        kept = 0
        for example in examples():
            try:
                named = {str(g.iri) for g in get_instance().store.graphs()}
                checked = check_query(
                    example.query,
                    local_graphs=named,
                    max_length=ep.max_length,
                    base=get_instance().base,
                    published=named,
                )
                media = GRAPHS[0] if checked.returns_graph else RESULTS[0]
                task = _task(checked.text, None, None, media, checked.returns_graph, ep.max_rows)
                key = _cache_key(task)
                if (task.version, key) not in ep.cache:
                    result, version = ep.executor.run(task, ep.timeout)
                    at = task.version if version is None else version
                    if not ep.cache.put(at, key, result, len(task.query)):
                        continue  # too large for the cache, or the version moved on
                kept += 1
            except AlliancesError as exc:
                log.warning("SPARQL example %s not kept in the cache: %s", example.name, exc)
        return kept


def _cache_key(task: Task) -> tuple[object, ...]:
    """What a result depends on besides the graph version."""
    return (
        task.query,
        None if task.default_graph is None else tuple(task.default_graph),
        None if task.named_graphs is None else tuple(task.named_graphs),
        task.result_format,
        task.graph_format,
        task.max_rows,
    )


def query_page(query: str) -> str:
    """The HTML query page: editor, examples, limits, formats."""
    from ..pages import current_lang

    ep = get_endpoint()
    return render_template(
        "sparql.html",
        query=query,
        examples=examples(),
        endpoint=endpoint_url(),
        limits=ep.limits(),
        prefixes=PREFIXES,
        results=RESULTS,
        graphs=GRAPHS,
        lang=current_lang(),
    )


def _error_response(exc: AlliancesError) -> Any:
    """Errors of the endpoint: JSON if asked, HTML for browsers, plain text for SPARQL clients."""
    if wants_json():
        from flask import jsonify

        resp = jsonify(exc.to_dict())
    elif _prefers_html():
        resp = Response(
            render_template("error.html", status=exc.status, error=exc.to_dict()),
            content_type="text/html; charset=utf-8",
        )
    else:
        text = (
            exc.message if exc.message == exc.message_fr else (f"{exc.message}\n{exc.message_fr}")
        )
        resp = Response(text + "\n", content_type="text/plain; charset=utf-8")
    resp.status_code = exc.status
    if exc.status in (429, 503):
        resp.headers["Retry-After"] = "5"
    return resp


def _prefers_html() -> bool:
    """Whether the client ranks HTML above every SPARQL result and RDF format (a browser)."""
    return preferred([*RESULTS, *GRAPHS, HTML]) is HTML


@bp.errorhandler(AlliancesError)
def handle_error(exc: AlliancesError) -> Any:
    """Protocol errors with a readable message."""
    return _error_response(exc)


@bp.errorhandler(NotAcceptable)
def handle_not_acceptable(exc: NotAcceptable) -> Any:
    """406 with the list of available types."""
    return _error_response(exc)


def init_app(app: Flask) -> None:
    """Register the endpoint; its worker processes start on the first query."""
    inst = app.extensions["alliances"]
    if "sparql" not in inst.extensions:
        inst.extensions["sparql"] = Endpoint(app)
    app.register_blueprint(bp)
