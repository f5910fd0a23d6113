"""The remote store: any server speaking SPARQL 1.1 Query/Update (and, optionally, the Graph
Store Protocol): Oxigraph server, Virtuoso, Fuseki, GraphDB…  (`STORE = "sparql"`).

The state lives on the server, in the system graph, so that several processes (web workers, a
command-line import) share it:

- reads name the published graphs in every request (`default-graph-uri`, `named-graph-uri`), so
  unpublished graphs and the system graph stay invisible; the state is re-read at most every
  `state_ttl` seconds (and after each own write);
- a write takes a *lease* in the system graph (one writer at a time across processes and
  machines, renewed while it runs, expired after `lease_seconds` if its holder died), marks its
  graph as being filled, fills it in chunks (Graph Store Protocol POST of N-Triples, or
  `INSERT DATA`), then publishes it with the one update of `publication.publish_update`, which
  checks the version and the lease. A crash leaves marked graphs, which the next writer drops.
"""

from __future__ import annotations

import codecs
import functools
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from ontology.namespaces import ALL

from ..errors import ConfigError, Conflict, QueryError, StoreError
from ..rdfio import ntriples, parse, write
from ..terms import RdfTerm, as_ox, term_syntax
from .base import BULK_THRESHOLD, Capabilities, Change, GraphInfo, Row, Store, Write, graph_iri
from .binding import Binding, bind, query_form
from .protocol import Credentials, Endpoints, SparqlClient
from .publication import (
    ENSURE_VERSION,
    SYSTEM_TRIPLES,
    State,
    acquire_update,
    mark_filling,
    publish_update,
    read_state,
    release_update,
    renew_update,
    replaced_resources,
    retire_update,
    unmark_filling,
)
from .results import (
    JsonTerm,
    Serialized,
    json_term,
    to_rdflib,
    write_boolean,
    write_graph,
    write_solutions,
)
from .visibility import check_visible

log = logging.getLogger(__name__)

JSON_RESULTS = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
#: A graph nothing is ever written to: the dataset of reads when nothing is published yet.
EMPTY_GRAPH = URIRef("urn:x-alliances:empty")
#: Triples per INSERT DATA when the server has no Graph Store Protocol endpoint.
INSERT_CHUNK = 10_000
#: Triples deleted per update when dropping a retired graph.
DROP_CHUNK = 100_000


class SparqlStore(Store):
    """A store on a SPARQL 1.1 server."""

    name = "sparql"

    def __init__(
        self,
        client: SparqlClient,
        *,
        base: str,
        state_ttl: float = 1.0,
        lease_seconds: float = 300.0,
        chunk: int = BULK_THRESHOLD,
    ) -> None:
        super().__init__()
        self.client = client
        self.base = base
        self.state_ttl = state_ttl
        self.lease_seconds = lease_seconds
        self.chunk = chunk
        self._state: State | None = None
        self._announced: int | None = None
        self._read_at = 0.0
        self._state_lock = threading.Lock()
        self._write_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], home: Path) -> SparqlStore:  # noqa: ARG003
        """A store on the server the `SPARQL_*` settings name; raises ConfigError when the
        query or update URL is missing."""
        query = str(settings.get("SPARQL_QUERY_URL") or "")
        update = str(settings.get("SPARQL_UPDATE_URL") or "") or query
        if not query:
            raise ConfigError(
                "STORE = sparql needs ALLIANCES_SPARQL_QUERY_URL (and usually "
                "ALLIANCES_SPARQL_UPDATE_URL)",
                message_fr="STORE = sparql demande ALLIANCES_SPARQL_QUERY_URL (et en général "
                "ALLIANCES_SPARQL_UPDATE_URL)",
            )
        user = str(settings.get("SPARQL_USER") or "")
        creds = (
            Credentials(
                user,
                str(settings.get("SPARQL_PASSWORD") or ""),
                str(settings.get("SPARQL_AUTH") or "basic"),
            )
            if user
            else None
        )
        return cls.connect(
            Endpoints(query, update, str(settings.get("SPARQL_GSP_URL") or "") or None),
            base=str(settings["BASE_IRI"]),
            credentials=creds,
            timeout=float(settings.get("SPARQL_HTTP_TIMEOUT") or 120.0),
            retries=int(settings.get("SPARQL_RETRIES", 2)),
        )

    @classmethod
    def connect(
        cls,
        endpoints: Endpoints,
        *,
        base: str,
        credentials: Credentials | None = None,
        timeout: float = 120.0,
        retries: int = 2,
    ) -> SparqlStore:
        """A store on the server at `endpoints`."""
        client = SparqlClient(endpoints, credentials=credentials, timeout=timeout, retries=retries)
        return cls(client, base=base)

    def reader(self) -> Callable[[], Store] | None:
        """Another connection to the same server (the server serves readers in parallel)."""
        c = self.client
        return functools.partial(
            type(self).connect,
            c.endpoints,
            base=self.base,
            credentials=c.credentials,
            timeout=c.timeout,
            retries=c.retries,
        )

    @property
    def capabilities(self) -> Capabilities:
        """Shared by processes; bulk loads with the Graph Store Protocol; the HTTP deadline
        frees the caller when a query runs too long."""
        return Capabilities(
            on_disk=False,
            parallel_readers=True,
            multi_process=True,
            bulk_load=self.client.endpoints.gsp is not None,
            full_text=False,
            transactions=True,
            query_timeout=True,
        )

    # -- state -----------------------------------------------------------------------------
    def _read_state(self) -> State:
        resp = self.client.query(SYSTEM_TRIPLES, accept=JSON_RESULTS)
        rows = self._rows(resp.content)
        return read_state((r["s"], r["p"], r["o"]) for r in rows)

    def state(self, *, fresh: bool = False) -> State:
        """The system graph's state, re-read when older than `state_ttl` seconds."""
        with self._state_lock:
            now = time.monotonic()
            if fresh or self._state is None or now - self._read_at > self.state_ttl:
                self._state = self._read_state()
                self._read_at = now
            return self._state

    @property
    def version(self) -> int:
        """The version counter of the system graph."""
        return self.state().version

    def refresh(self) -> bool:
        """Re-read the state now; when another process published meanwhile, tell the listeners
        (caches, warm-up) and return True."""
        after = self.state(fresh=True).version
        before, self._announced = self._announced, after
        if before is None or after == before:
            return False
        self._notify(Change(after, "", None))
        return True

    def graphs(self) -> list[GraphInfo]:
        """The published graphs, sorted by source."""
        return self.state().graphs()

    def source_checksum(self, source: str) -> str | None:
        """The checksum recorded for the published source."""
        st = self.state()
        g = st.graph_of(source)
        return st.checksums.get(g) if g is not None else None

    def _query(
        self,
        sparql: str,
        accept: str,
        *,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        timeout: float | None = None,
        params: Mapping[str, str] | None = None,
        stream: bool = False,
    ) -> Any:
        """POST a query over the published graphs (or the given ones; never an empty list,
        which a server would read as "its whole dataset")."""
        published = [str(g) for g in self.state().published]
        dg = [str(g) for g in default_graph] if default_graph is not None else published
        ng = [str(g) for g in named_graphs] if named_graphs is not None else published
        return self.client.query(
            sparql,
            accept=accept,
            default_graph=dg or [str(EMPTY_GRAPH)],
            named_graphs=ng or [str(EMPTY_GRAPH)],
            timeout=timeout,
            params=params,
            stream=stream,
        )

    # -- reading ---------------------------------------------------------------------------
    def select(self, sparql: str, **bindings: Binding) -> list[Row]:
        """Rows of a SELECT, as dicts of rdflib terms."""
        return self._select(bind(sparql, bindings))

    def _select(self, sparql: str, named_graphs: Sequence[URIRef] | None = None) -> list[Row]:
        resp = self._query(sparql, JSON_RESULTS, named_graphs=named_graphs)
        return self._rows(resp.content)

    def _rows(self, body: bytes) -> list[Row]:
        doc = _json(body)
        if "results" not in doc:
            raise QueryError.failed("not a SELECT query")
        cache: dict[tuple[Any, ...], RdfTerm] = {}
        rows: list[Row] = []
        for binding in doc["results"]["bindings"]:
            row: Row = {}
            for name, term in binding.items():
                key = tuple(term.items())
                value = cache.get(key)
                if value is None:
                    value = to_rdflib(term)
                    if len(cache) < 100_000:
                        cache[key] = value
                row[name] = value
            rows.append(row)
        return rows

    def ask(self, sparql: str, **bindings: Binding) -> bool:
        """The answer of an ASK."""
        resp = self._query(bind(sparql, bindings), JSON_RESULTS)
        return _boolean(_json(resp.content))

    def triples(self, sparql: str, **bindings: Binding) -> list[tuple[RdfTerm, RdfTerm, RdfTerm]]:
        """The triples of a CONSTRUCT or DESCRIBE."""
        resp = self._query(bind(sparql, bindings), NTRIPLES)
        return list(parse(resp.content, "nt"))  # type: ignore[arg-type]

    def run(
        self,
        query: str,
        *,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        result_format: str = "json",
        graph_format: str = "ttl",
        max_rows: int = 10_000,
        timeout: float | None = None,
    ) -> Serialized:
        """Run a read query on the server and serialise its result (see `Store.run`); a query
        naming a graph that is not published is refused (`visibility`: Virtuoso would read
        it)."""
        published = {str(g) for g in self.state().published}
        check_visible(query, base=self.base, published=published)
        form = query_form(query)
        graph = form in ("CONSTRUCT", "DESCRIBE")
        resp = self._query(
            query,
            NTRIPLES if graph else JSON_RESULTS,
            default_graph=default_graph,
            named_graphs=named_graphs,
            timeout=timeout,
            params=self._timeout_params(timeout),
            stream=True,
        )
        with resp:
            if graph:  # N-Triples: one triple per line; read no further than the cap
                lines = list(islice((ln for ln in resp.iter_lines() if ln.strip()), max_rows + 1))
                kept = b"\n".join(lines) + b"\n"
                triples = [q.triple for q in ox.parse(kept, ox.RdfFormat.N_TRIPLES)]
                return write_graph(triples, graph_format, max_rows)
            if form == "ASK":
                boolean = _boolean(_json(resp.content))
                return Serialized("boolean", write_boolean(boolean, result_format), 1, False)
            names, bindings = _read_solutions(resp, max_rows + 1)
        table = [[json_term(b[n]) if n in b else None for n in names] for b in bindings[:max_rows]]
        return write_solutions(names, table, result_format, len(bindings) > max_rows)

    def _timeout_params(self, timeout: float | None) -> dict[str, str]:  # noqa: ARG002
        """Request parameters asking the engine itself to stop at `timeout` (none in SPARQL 1.1;
        engine subclasses add theirs)."""
        return {}

    # -- writing ---------------------------------------------------------------------------
    def write(self, write: Write) -> int:
        """Fill a new graph under the write lease, publish it, then drop the previous one."""
        with self._write_lock, self._lease() as lease:
            st = lease.state
            target = graph_iri(self.base, write.source, st.version + 1)
            old = st.graph_of(write.source)
            self.client.update(mark_filling(target, lease.token))
            self._drop(target)
            try:
                self._fill(target, write.triples, lease)
            except BaseException:
                self._drop_quietly(target)
                raise
            prov = list(write.provenance(target)) if write.provenance else []
            checksum = next(
                (o for _, p, o in prov if p == ALL.sha256 and isinstance(o, Literal)), None
            )
            others = [g for g in st.published if g != old and "/graph/vocabulary-" not in str(g)]
            replaced = self._replaced(write.replaces, others)
            lease.renew()
            update = publish_update(
                base=self.base,
                target=target,
                source=write.source,
                expected_version=st.version,
                old=old,
                checksum=checksum,
                provenance=prov,
                replaced=replaced,
                replaced_in=others,
                lease=lease.token,
            )
            self.client.update(update)
            after = self.state(fresh=True)
            if after.published.get(target) != write.source:
                self._drop_quietly(target)
                raise Conflict(
                    "another write was published while this one ran (or its lease expired); "
                    "nothing was written: try again",
                    message_fr="une autre écriture a été publiée pendant celle-ci (ou son bail a "
                    "expiré) ; rien n'a été écrit : réessayez",
                )
            lease.released = True  # the publication gave it back
        if old is not None:
            self._drop(old)
            self.client.update(unmark_filling(old))
        self._notify(Change(after.version, write.source, write.resources))
        return after.version

    def drop_source(self, source: str) -> int:
        """Unpublish a source; returns the new version."""
        with self._write_lock, self._lease() as lease:
            old = lease.state.graph_of(source)
            if old is None:
                return lease.state.version
            self.client.update(
                retire_update(
                    base=self.base, old=old, expected_version=lease.state.version, lease=lease.token
                )
            )
            after = self.state(fresh=True)
            if old in after.published:
                raise Conflict(
                    "another write was published meanwhile; nothing was dropped: try again",
                    message_fr="une autre écriture a été publiée entre-temps ; rien n'a été "
                    "retiré : réessayez",
                )
            lease.released = True  # the update gave it back
        self._drop(old)
        self.client.update(unmark_filling(old))
        self._notify(Change(after.version, source, frozenset(), dropped=True))
        return after.version

    def _lease(self) -> _Lease:
        return _Lease(self)

    def _replaced(self, resources: frozenset[URIRef], graphs: list[URIRef]) -> list[URIRef]:
        """Which of `resources` have triples in `graphs` (2_000 IRIs per query)."""
        return replaced_resources(self._select, resources, graphs, 2_000)

    def _fill(self, target: URIRef, triples: Iterable[tuple[Any, Any, Any]], lease: _Lease) -> None:
        """Send the triples to `target` in chunks; triples sharing blank nodes go together
        (each request is a separate document, where a blank node label means a new node)."""
        gsp = self.client.endpoints.gsp is not None
        size = self.chunk if gsp else INSERT_CHUNK
        for chunk in _chunks(triples, size):
            body = ntriples(chunk)
            if gsp:
                self.client.gsp_post(str(target), body, NTRIPLES)
            else:
                self.client.update(
                    f"INSERT DATA {{ GRAPH {term_syntax(target)} {{\n{body.decode()}\n}} }}"
                )
            lease.renew_if_due()

    def _drop(self, graph: URIRef) -> None:
        """Delete a graph nobody reads (unpublished, or retired) in bounded updates."""
        g = term_syntax(graph)
        while True:
            self.client.update(
                f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ {{ SELECT ?s ?p ?o WHERE "
                f"{{ GRAPH {g} {{ ?s ?p ?o }} }} LIMIT {DROP_CHUNK} }} }}"
            )
            resp = self.client.query(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}", accept=JSON_RESULTS)
            if not _boolean(_json(resp.content)):
                break
        self.client.update(f"DROP SILENT GRAPH {g}")

    def _drop_quietly(self, graph: URIRef) -> None:
        """Drop an unpublished graph after a failure; if that fails too, the next writer
        will (the graph keeps its mark)."""
        try:
            self._drop(graph)
            self.client.update(unmark_filling(graph))
        except StoreError:
            log.warning("could not drop %s now; the next write will", graph)

    def collect_garbage(self, token: str) -> None:
        """Drop the graphs marked as being filled by writes other than `token` (crashed)."""
        state = self.state(fresh=True)
        for graph, holder in state.filling.items():
            if holder != token and graph not in state.published:
                log.info("dropping graph %s left by an interrupted write", graph)
                self._drop(graph)
                self.client.update(unmark_filling(graph))

    # -- dumping ---------------------------------------------------------------------------
    def dump(self, output: IO[bytes], fmt: str, graphs: Sequence[URIRef] | None = None) -> None:
        """Stream published graphs in `fmt`, one graph at a time from the server."""
        published = self.state(fresh=True).published
        chosen = [g for g in (published if graphs is None else graphs) if g in published]
        write(
            (
                ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(str(g)))
                for g in sorted(chosen)
                for t in self._graph_triples(g)
            ),
            fmt,
            output,
        )

    def _graph_triples(self, graph: URIRef) -> Iterator[ox.Triple]:
        if self.client.endpoints.gsp is not None:
            resp = self.client.gsp_get(str(graph), NTRIPLES)
        else:
            resp = self.client.query(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {term_syntax(graph)} {{ ?s ?p ?o }} }}",
                accept=NTRIPLES,
                stream=True,
            )
        with resp:
            if resp.status_code == 404:
                return
            resp.raw.decode_content = True
            for q in ox.parse(resp.raw, ox.RdfFormat.N_TRIPLES):  # type: ignore[arg-type]
                yield q.triple

    def close(self) -> None:
        """Close the pooled connections."""
        self.client.close()


class _Lease:
    """The write lease of one write: taken on entry (or Conflict), renewed while filling,
    released on exit unless the publication released it."""

    def __init__(self, store: SparqlStore) -> None:
        self.store = store
        self.token = uuid.uuid4().hex
        self.released = False
        self.state = State()
        self._renewed = 0.0

    def __enter__(self) -> _Lease:
        client = self.store.client
        client.update(ENSURE_VERSION)
        now = time.time()
        client.update(acquire_update(self.token, now + self.store.lease_seconds, now))
        self._renewed = time.monotonic()
        self.state = self.store.state(fresh=True)
        if self.state.leases != {self.token}:
            if self.token in self.state.leases:  # two writers at once: both step back
                client.update(release_update(self.token))
            until = self.state.lease_until
            when = time.strftime("%H:%M:%S", time.localtime(until)) if until else "?"
            raise Conflict(
                f"another write holds the store (its lease runs until {when}); try again later",
                message_fr=f"une autre écriture occupe le stock (son bail court jusqu'à {when}) ; "
                "réessayez plus tard",
            )
        self.store.collect_garbage(self.token)
        return self

    def renew(self) -> None:
        """Extend the lease now."""
        self.store.client.update(renew_update(self.token, time.time() + self.store.lease_seconds))
        self._renewed = time.monotonic()

    def renew_if_due(self) -> None:
        """Extend the lease when a third of it has passed."""
        if time.monotonic() - self._renewed > self.store.lease_seconds / 3:
            self.renew()

    def __exit__(self, *exc: object) -> None:
        if not self.released:
            try:
                self.store.client.update(release_update(self.token))
            except StoreError:
                log.warning("could not release the write lease (it expires by itself)")


def _chunks(triples: Iterable[tuple[Any, Any, Any]], size: int) -> Iterator[list[Any]]:
    """Chunks of at most `size` triples (more only for a larger group of blank-node-connected
    triples), keeping every triple of a blank node in the chunk of its other triples."""
    linked: list[tuple[Any, Any, Any]] = []
    chunk: list[tuple[Any, Any, Any]] = []
    for t in triples:
        if _blank(t[0]) or _blank(t[2]):
            linked.append(t)
            continue
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    groups = _components(linked)
    for group in groups:
        if chunk and len(chunk) + len(group) > size:
            yield chunk
            chunk = []
        chunk.extend(group)
    if chunk:
        yield chunk


def _blank(term: Any) -> bool:
    return isinstance(term, BNode | ox.BlankNode)


def _components(triples: list[tuple[Any, Any, Any]]) -> list[list[tuple[Any, Any, Any]]]:
    """Triples grouped by the blank nodes that connect them (union-find over labels)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def key(term: Any) -> str | None:
        return str(as_ox(term)) if _blank(term) else None

    for s, _, o in triples:
        ks, ko = key(s), key(o)
        if ks and ko:
            parent[find(ks)] = find(ko)
    groups: dict[str, list[tuple[Any, Any, Any]]] = {}
    for t in triples:
        k = key(t[0]) or key(t[2])
        assert k is not None
        groups.setdefault(find(k), []).append(t)
    return list(groups.values())


def _read_solutions(resp: Any, limit: int) -> tuple[list[str], list[dict[str, JsonTerm]]]:
    """Variables and at most `limit` bindings of SPARQL JSON results, read incrementally, so that
    a capped answer never downloads a result of millions of rows. Falls back to reading the
    whole document when `results` comes before `head`."""
    decoder = json.JSONDecoder()
    text_decoder = codecs.getincrementaldecoder("utf-8")()
    chunks = resp.iter_content(65536)
    buf, pos = "", 0

    def more() -> bool:
        nonlocal buf
        chunk = next(chunks, None)
        if chunk is None:
            return False
        buf += text_decoder.decode(chunk)
        return True

    def find(token: str) -> int:
        while (i := buf.find(token, pos)) < 0:
            if not more():
                return -1
        return i

    head, results = find('"vars"'), find('"bindings"')
    if head < 0 or results < 0 or results < head:
        while more():
            pass
        doc = _json(buf.encode())
        every = doc.get("results", {}).get("bindings", [])
        return list(doc.get("head", {}).get("vars", [])), every[:limit]
    pos = buf.find("[", head)
    names: list[str] = []
    while True:
        try:
            names, _ = decoder.raw_decode(buf, pos)
            break
        except ValueError:
            if not more():
                raise StoreError(
                    "truncated SPARQL JSON results", message_fr="résultats SPARQL JSON tronqués"
                ) from None
    pos = buf.index("[", results) + 1
    rows: list[dict[str, JsonTerm]] = []
    while len(rows) < limit:
        while True:
            stripped = buf[pos:].lstrip(" \t\r\n,")
            pos = len(buf) - len(stripped)
            if stripped or not more():
                break
        if not stripped or stripped[0] == "]":
            break
        try:
            row, end = decoder.raw_decode(buf, pos)
        except ValueError:
            if more():
                continue
            raise StoreError(
                "truncated SPARQL JSON results", message_fr="résultats SPARQL JSON tronqués"
            ) from None
        rows.append(row)
        pos = end
        if pos > 1_000_000:  # keep the buffer small
            buf, pos = buf[pos:], 0
    return list(names), rows


def _json(body: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(body)
    except ValueError as exc:
        raise StoreError(
            f"the SPARQL server answered something that is not SPARQL JSON results: {exc}",
            message_fr=f"le serveur SPARQL a répondu autre chose que des résultats SPARQL "
            f"JSON : {exc}",
        ) from exc
    if not isinstance(doc, dict):
        raise StoreError(
            "unexpected SPARQL JSON results", message_fr="résultats SPARQL JSON inattendus"
        )
    return doc


def _boolean(doc: dict[str, Any]) -> bool:
    """The answer of an ASK: a `boolean` member or, as Virtuoso 7 answers, a table of one
    variable with one row holding 1 (true) or no row (false)."""
    if "boolean" in doc:
        return bool(doc["boolean"])
    names = doc.get("head", {}).get("vars", [])
    rows: list[dict[str, JsonTerm]] = doc.get("results", {}).get("bindings", [])
    if len(names) == 1 and len(rows) <= 1:
        return bool(rows) and str(rows[0].get(names[0], {}).get("value")).lower() in ("1", "true")
    raise StoreError(
        "the SPARQL server did not answer the ASK query with a boolean",
        message_fr="le serveur SPARQL n'a pas répondu à la requête ASK par un booléen",
    )
