"""The backend for large instances, on tantivy (PyPI `tantivy`).

Facets are multi-valued fast fields counted with terms aggregations (`Searcher.aggregate`).
Analysed text is handed to tantivy pre-tokenized by `search.analysis` (the very terms whoosh
indexes); completion and spelling fields use `analysis.folding_analyzer()`, registered on every
opening of the index. What results display is stored once per document as JSON (`display`).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import tantivy

from . import analysis
from .backend import Backend, Filters, Hit, IndexCorrupt, RawPage
from .query import Clause, Plan
from .schema import CODE_BOOST, EXACT_BOOST, FACETS, STORED_TEXT, TEXT_BOOSTS, Doc

#: Memory the writer may use (split between its threads).
WRITER_HEAP_BYTES = 128_000_000
#: Phrase queries run on these fields (the others are indexed without positions).
PHRASE_FIELDS = ("label", "label_en", "description", "description_en")
#: Completion expands the last word to at most this many terms.
PREFIX_EXPANSIONS = 256
_MAX_BUCKETS = 10_000
_Must, _Should, _MustNot = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot


def make_schema() -> tantivy.Schema:
    """The tantivy schema, declared once."""
    sb = tantivy.SchemaBuilder()
    for name in ("iri", "id", "source"):
        sb.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("kind", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    for name in PHRASE_FIELDS:
        sb.add_text_field(name, tokenizer_name="fr")  # always given pre-tokenized
    sb.add_text_field("place", tokenizer_name="fr", index_option="freq")
    sb.add_bytes_field("display", stored=True)  # JSON of STORED_TEXT, not indexed
    for name in ("exact", "code"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("prefix", tokenizer_name="fold", index_option="basic")
    sb.add_text_field("spell", tokenizer_name="fold", index_option="basic")
    for name in FACETS:
        if name != "kind":
            sb.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    return sb.build()


def to_document(doc: Doc) -> tantivy.Document:
    """A Doc as a tantivy document."""
    d = tantivy.Document()
    values: dict[str, Iterable[str]] = {
        "iri": [doc.iri],
        "id": [doc.id],
        "kind": [doc.kind],
        "source": [doc.source],
        "exact": doc.exact_keys(),
        "code": doc.all_codes(),
        "prefix": [doc.names()],
        "spell": [doc.description],
    }
    values.update({name: doc.facet_values(name) for name in FACETS if name != "kind"})
    for name, vs in values.items():
        for v in vs:
            if v:
                d.add_text(name, v)
    for name in TEXT_BOOSTS:
        text = getattr(doc, name)
        if text:
            d.add_pre_tokenized_text(name, pre_tokenized(text))
    display: dict[str, object] = {f: getattr(doc, f) for f in STORED_TEXT if getattr(doc, f)}
    if doc.fictional:
        display["fictional"] = True
    d.add_bytes("display", json.dumps(display, ensure_ascii=False).encode("utf-8"))
    return d


def pre_tokenized(text: str) -> tantivy.PreTokenizedString:
    """Clean text with the terms of the shared analysis, at their positions."""
    token = tantivy.Token
    return tantivy.PreTokenizedString(
        text, [token(t, position, start, end) for t, position, start, end in analysis.indexed(text)]
    )


class TantivyBackend(Backend):
    """A tantivy index in one folder."""

    name = "tantivy"

    def __init__(self, path: Path, ix: tantivy.Index) -> None:
        super().__init__(path)
        ix.register_tokenizer("fr", analysis.folding_analyzer())  # unused: text is pre-tokenized
        ix.register_tokenizer("fold", analysis.folding_analyzer())
        self._ix = ix
        self._schema = ix.schema
        self._write_lock = threading.Lock()

    @classmethod
    def create(cls, path: Path) -> TantivyBackend:
        path.mkdir(parents=True, exist_ok=True)
        return cls(path, tantivy.Index(make_schema(), path=str(path), reuse=False))

    @classmethod
    def open(cls, path: Path) -> TantivyBackend:
        try:
            if not tantivy.Index.exists(str(path)):
                raise IndexCorrupt(f"no tantivy index in {path}")
            return cls(path, tantivy.Index.open(str(path)))
        except IndexCorrupt:
            raise
        except Exception as exc:  # tantivy raises ValueError and others on damaged files
            raise IndexCorrupt(f"cannot open tantivy index {path}: {exc}") from exc

    def close(self) -> None:
        self._ix = None  # type: ignore[assignment]

    # -- writing ---------------------------------------------------------------------------
    def write(
        self,
        docs: Iterable[Doc] = (),
        *,
        delete: Iterable[str] = (),
        delete_kinds: Iterable[str] = (),
    ) -> int:
        with self._write_lock:
            kinds = set(delete_kinds)
            writer = self._ix.writer(heap_size=WRITER_HEAP_BYTES)
            n = 0
            try:
                for kind in kinds:
                    writer.delete_documents_by_term("kind", kind)
                for doc in docs:
                    if doc.kind not in kinds:
                        writer.delete_documents_by_term("iri", doc.iri)
                    writer.add_document(to_document(doc))
                    n += 1
                for iri in delete:
                    writer.delete_documents_by_term("iri", iri)
            except BaseException:
                writer.rollback()
                raise
            writer.commit()
            writer.wait_merging_threads()
            self._ix.reload()
            return n

    # -- reading ---------------------------------------------------------------------------
    def _searcher(self) -> tantivy.Searcher:
        try:
            return self._ix.searcher()
        except Exception as exc:
            raise IndexCorrupt(f"cannot read tantivy index {self.path}: {exc}") from exc

    def doc_count(self) -> int:
        return int(self._searcher().num_docs)

    def check(self) -> None:
        try:
            s = self._searcher()
            result = s.search(tantivy.Query.all_query(), 1)
            for _, address in result.hits:
                s.doc(address)
            s.aggregate(tantivy.Query.all_query(), _terms_aggs(FACETS))
            s.terms_with_prefix("spell", "a", limit=1)
        except IndexCorrupt:
            raise
        except Exception as exc:
            raise IndexCorrupt(f"damaged tantivy index {self.path}: {exc}") from exc

    def iris(self, *, source: str | None = None, kind: str | None = None) -> set[str]:
        parts = [(_Must, self._term("source", source))] if source is not None else []
        parts += [(_Must, self._term("kind", kind))] if kind is not None else []
        q = tantivy.Query.boolean_query(parts) if parts else tantivy.Query.all_query()
        s = self._searcher()
        result = s.search(q, max(1, s.num_docs), count=False)
        return {str(s.doc(address).get_first("iri")) for _, address in result.hits}

    def search(
        self, plan: Plan, filters: Filters, *, offset: int, limit: int, facets: Sequence[str]
    ) -> RawPage:
        q = self.compile(plan)
        if q is None:
            return RawPage(0, facets={name: {} for name in facets})
        s = self._searcher()
        filtered = self._with_filters(q, filters)
        result = s.search(filtered, max(1, limit), offset=offset, count=True)
        total = int(getattr(result, "count", 0) or 0)  # `count` is missing from the stubs
        hits = [self._hit(s, score, address) for score, address in result.hits] if limit else []
        counts: dict[str, dict[str, int]] = {}
        shared = [name for name in facets if name not in filters]
        if shared and total:
            counts.update(_buckets(s.aggregate(filtered, _terms_aggs(shared))))
        for name in facets:
            if name in filters:
                others = {n: v for n, v in filters.items() if n != name}
                agg = s.aggregate(self._with_filters(q, others), _terms_aggs([name]))
                counts.update(_buckets(agg))
            counts.setdefault(name, {})
        return RawPage(total, hits, counts)

    def complete(self, words: Sequence[str], kinds: Sequence[str], limit: int) -> list[Hit]:
        if not words or not kinds:
            return []
        s = self._searcher()
        expansions = [
            t for t, _ in s.terms_with_prefix("prefix", words[-1], limit=PREFIX_EXPANSIONS)
        ]
        if not expansions:
            return []
        parts = [(_Must, self._term("prefix", w)) for w in words[:-1]]
        parts.append((_Must, tantivy.Query.term_set_query(self._schema, "prefix", expansions)))
        parts.append(
            (
                _Must,
                tantivy.Query.const_score_query(
                    tantivy.Query.term_set_query(self._schema, "kind", list(kinds)), 0.0
                ),
            )
        )
        result = s.search(tantivy.Query.boolean_query(parts), limit, count=False)
        return [self._hit(s, score, address) for score, address in result.hits]

    def vocabulary(self, prefix: str) -> list[tuple[str, int]]:
        s = self._searcher()
        counts: dict[str, int] = {}
        for name in ("prefix", "spell"):
            for t, n in s.terms_with_prefix(name, prefix):
                counts[t] = counts.get(t, 0) + int(n)
        return list(counts.items())

    # -- compiling a plan ------------------------------------------------------------------
    def compile(self, plan: Plan) -> tantivy.Query | None:
        """The tantivy query of a plan; None when nothing can match."""
        if plan.browse:
            return tantivy.Query.all_query()
        if plan.empty:
            return None
        should: list[tuple[Any, tantivy.Query]] = []
        if plan.must:
            occur = _Should if plan.any else _Must
            clauses = [(occur, self._clause(c)) for c in plan.must]
            should.append((_Should, tantivy.Query.boolean_query(clauses)))
        if plan.exact:
            should.append(
                (
                    _Should,
                    tantivy.Query.const_score_query(self._term("exact", plan.exact), EXACT_BOOST),
                )
            )
        for code in plan.codes:
            should.append(
                (_Should, tantivy.Query.const_score_query(self._term("code", code), CODE_BOOST))
            )
        should += [(_MustNot, self._clause(c)) for c in plan.must_not]
        return tantivy.Query.boolean_query(should)

    def _clause(self, c: Clause) -> tantivy.Query:
        subs = []
        for name, boost in TEXT_BOOSTS.items():
            if c.phrase:
                if name not in PHRASE_FIELDS:
                    continue
                q = tantivy.Query.phrase_query(
                    self._schema, name, list(zip(c.positions, c.terms, strict=True))
                )
            else:
                q = self._term(name, c.terms[0])
            subs.append(tantivy.Query.boost_query(q, boost))
        return tantivy.Query.boolean_query([(_Should, q) for q in subs])

    def _term(self, name: str, value: str) -> tantivy.Query:
        return tantivy.Query.term_query(self._schema, name, value)

    def _with_filters(self, q: tantivy.Query, filters: Filters) -> tantivy.Query:
        if not filters:
            return q
        parts = [(_Must, q)]
        for name, values in filters.items():
            one = tantivy.Query.term_set_query(self._schema, name, sorted(values))
            parts.append((_Must, tantivy.Query.const_score_query(one, 0.0)))
        return tantivy.Query.boolean_query(parts)

    def _hit(self, s: tantivy.Searcher, score: float, address: Any) -> Hit:
        d = s.doc(address)
        text = {f: _str(d.get_first(f)) for f in ("iri", "id", "kind", "source")}
        shown = json.loads(_str(d.get_first("display")) or "{}")
        return Hit(
            text["iri"],
            text["id"],
            text["kind"],
            shown.get("label", ""),
            shown.get("label_en", ""),
            shown.get("description") or shown.get("note", ""),
            float(score),
            text["source"],
            bool(shown.get("fictional", False)),
        )


def _str(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value or "")


def _terms_aggs(names: Iterable[str]) -> dict[str, Any]:
    return {name: {"terms": {"field": name, "size": _MAX_BUCKETS}} for name in names}


def _buckets(agg: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {
        name: {str(b["key"]): int(b["doc_count"]) for b in body.get("buckets", [])}
        for name, body in agg.items()
    }
