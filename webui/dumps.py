"""Downloads of the whole graph and of each source graph, streamed with bounded memory.

The first request for a dump at a store version streams it while it is being written (a producer
thread serialises into a bounded queue, so memory stays bounded whatever the graph size) and tees
it into `{home}/cache/dumps/v{version}/`; later requests for the same version get that file
(with Range support). ETag and Last-Modified come from the store version, and a matching
If-None-Match answers 304 before anything is generated. `/dump/alliances` and
`/dump/source/{source}` without a suffix negotiate the format (`Accept` or `?format=`) and answer
303 to the file.
"""

from __future__ import annotations

import gzip
import io
import os
import queue
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from flask import Blueprint, Flask, Response, abort, redirect, request, send_file, url_for

from graph.iris import is_id
from graph.queries.publishing import source_graph
from ontology.namespaces import EU_FILE_TYPE

from .app_context import get_instance
from .conneg import MediaType, negotiate
from .rdfdoc import finish, not_modified, validators

bp = Blueprint("dumps", __name__)

CHUNK = 64 * 1024
QUEUE_CHUNKS = 64  # at most ~4 MB in flight per download


@dataclass(frozen=True)
class DumpFormat:
    """A downloadable serialisation: file suffix, store format, media type, EU file type."""

    suffix: str
    store_format: str
    mime: str
    gzip: bool
    eu_file_type: str
    label: str


DUMP_FORMATS: tuple[DumpFormat, ...] = (
    DumpFormat("ttl", "ttl", "text/turtle", False, "RDF_TURTLE", "Turtle"),
    DumpFormat("nt.gz", "nt", "application/n-triples", True, "RDF_N_TRIPLES", "N-Triples (gzip)"),
    DumpFormat("jsonld", "jsonld", "application/ld+json", False, "JSON_LD", "JSON-LD"),
    DumpFormat(
        "nq.gz",
        "nq",
        "application/n-quads",
        True,
        "RDF_N_QUADS",
        "N-Quads (gzip), with the named graphs",
    ),
)
SOURCE_FORMATS = tuple(f for f in DUMP_FORMATS if f.suffix in ("ttl", "nt.gz"))
_BY_SUFFIX = {f.suffix: f for f in DUMP_FORMATS}
_NAMES = {
    "ttl": ("ttl", "turtle"),
    "nt.gz": ("nt", "ntriples", "n-triples", "nt.gz"),
    "jsonld": ("jsonld", "json-ld", "json"),
    "nq.gz": ("nq", "nquads", "n-quads", "nq.gz"),
}
_ALIASES = {
    "ttl": ("application/x-turtle", "application/turtle", "text/n3"),
    "nt.gz": ("text/plain",),
    "jsonld": ("application/json",),
    "nq.gz": (),
}
#: The negotiable representations of a dump, default (Turtle) first.
DUMP_TYPES: tuple[MediaType, ...] = tuple(
    MediaType(f.suffix, f.mime, _NAMES[f.suffix], _ALIASES[f.suffix], f.suffix)
    for f in DUMP_FORMATS
)
_generating: set[Path] = set()
_gen_lock = threading.Lock()


def eu_file_type(fmt: DumpFormat) -> Any:
    """The EU file-type authority IRI of a dump format."""
    return EU_FILE_TYPE[fmt.eu_file_type]


class _Sink(io.RawIOBase):
    """A write-only stream feeding a bounded queue (and, optionally, a cache file)."""

    def __init__(self, q: queue.Queue[bytes | None], file: IO[bytes] | None) -> None:
        self.q = q
        self.file = file
        self.listening = True

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        data = bytes(b)
        if self.file is not None:
            self.file.write(data)
        if self.listening:
            try:
                self.q.put(data, timeout=120)
            except queue.Full:
                self.listening = False
        elif self.file is None:
            raise OSError("client gone")
        return len(data)


def _cache_dir(version: int) -> Path:
    return get_instance().home / "cache" / "dumps" / f"v{version}"


def _stream(name: str, fmt: DumpFormat, produce: Callable[[IO[bytes]], None], tag: str) -> Response:
    """Serve `name` for the current version: from the cache, or streamed while produced."""
    cached304 = not_modified(tag)
    if cached304 is not None:
        return cached304
    store = get_instance().store
    version = store.version
    final = _cache_dir(version) / name
    if final.exists():
        resp = send_file(final, mimetype=fmt.mime, conditional=True, download_name=name, etag=False)
        return _headers(resp, fmt, tag)
    with _gen_lock:
        tee = final not in _generating
        if tee:
            _generating.add(final)
    q: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUE_CHUNKS)
    tmp = final.with_name(final.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
    file: IO[bytes] | None = None
    if tee:
        _prune(final.parent.parent, keep=final.parent.name)
        final.parent.mkdir(parents=True, exist_ok=True)
        file = open(tmp, "wb")  # noqa: SIM115 - closed by the producer thread
    sink = _Sink(q, file)

    def producer() -> None:
        ok = False
        try:
            out: IO[bytes] = io.BufferedWriter(sink, CHUNK)  # type: ignore[arg-type]
            if fmt.gzip:
                with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as gz:
                    produce(gz)  # type: ignore[arg-type]
            else:
                produce(out)
            out.flush()
            ok = True
        except OSError:
            pass
        finally:
            if file is not None:
                file.close()
                if ok and store.version == version:
                    tmp.replace(final)
                else:
                    tmp.unlink(missing_ok=True)
                with _gen_lock:
                    _generating.discard(final)
            if sink.listening:
                try:
                    q.put(None, timeout=120)
                except queue.Full:
                    pass

    threading.Thread(target=producer, name=f"dump-{name}", daemon=True).start()

    def body() -> Iterator[bytes]:
        try:
            while True:
                chunk = q.get()
                if chunk is None:
                    return
                yield chunk
        finally:
            sink.listening = False
            while not q.empty():  # unblock the producer
                q.get_nowait()

    resp = Response(body(), mimetype=fmt.mime, direct_passthrough=True)
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return _headers(resp, fmt, tag)


def _headers(resp: Response, fmt: DumpFormat, tag: str) -> Response:
    if fmt.gzip:
        resp.headers["Content-Type"] = "application/gzip"
        resp.headers["X-Content-Type"] = fmt.mime
    etag, _ = validators(tag)
    resp.set_etag(etag)
    return finish(resp, tag)


def _prune(root: Path, keep: str) -> None:
    """Delete the cached dumps of other versions."""
    if not root.exists():
        return
    for d in root.iterdir():
        if d.is_dir() and d.name != keep:
            shutil.rmtree(d, ignore_errors=True)


def _see_other(endpoint: str, suffixes: tuple[str, ...], **values: str) -> Response:
    """303 to the dump file in the format the client prefers (`Vary: Accept`)."""
    media = negotiate([m for m in DUMP_TYPES if m.key in suffixes], request.args.get("format"))
    return finish(redirect(url_for(endpoint, suffix=media.key, **values), code=303))


@bp.route("/dump/alliances")
def dump_negotiated() -> Response:
    """The whole graph in the negotiated format: 303 to `/dump/alliances.{suffix}`."""
    return _see_other("dumps.dump", tuple(_BY_SUFFIX))


@bp.route("/dump/source/<source>")
def source_dump_negotiated(source: str) -> Response:
    """One source graph in the negotiated format: 303 to `/dump/source/{source}.{suffix}`."""
    if not is_id(source) or source_graph(get_instance().store, source) is None:
        abort(404)
    return _see_other("dumps.source_dump", tuple(f.suffix for f in SOURCE_FORMATS), source=source)


@bp.route("/dump/alliances.<any(ttl, 'nt.gz', jsonld, 'nq.gz'):suffix>")
def dump(suffix: str) -> Response:
    """The whole published graph (N-Quads keeps the named graphs)."""
    fmt = _BY_SUFFIX[suffix]
    store = get_instance().store
    return _stream(
        f"alliances.{suffix}", fmt, lambda out: store.dump(out, fmt.store_format), f"dump/{suffix}"
    )


@bp.route("/dump/source/<source>.<any(ttl, 'nt.gz'):suffix>")
def source_dump(source: str, suffix: str) -> Response:
    """One source graph (the bundled demo, CIS 2019, an import, a vocabulary)."""
    if not is_id(source):
        abort(404)
    store = get_instance().store
    graph = source_graph(store, source)
    if graph is None:
        abort(404, description=f"source {source} introuvable / not found")
    fmt = _BY_SUFFIX[suffix]

    return _stream(
        f"{source}.{suffix}",
        fmt,
        lambda out: store.dump(out, fmt.store_format, graphs=[graph]),
        f"source/{source}/{suffix}",
    )


def init_app(app: Flask) -> None:
    """Register the dump routes."""
    app.register_blueprint(bp)
