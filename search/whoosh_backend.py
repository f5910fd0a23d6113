"""The embedded default backend, on whoosh (package whoosh-reloaded).

Facet counts use bitmaps (Python integers): one per facet value, built once per index generation
from the postings, and one for the matches of the text query; counting is then `&` and
`int.bit_count`, which keeps disjunctive faceting cheap however many facets are filtered.
"""

from __future__ import annotations

import gc
import threading
import warnings
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import fields, index, query
from whoosh.analysis import Filter, RegexTokenizer
from whoosh.searching import Searcher

from . import analysis
from .backend import Backend, Filters, Hit, IndexCorrupt, RawPage
from .query import Clause, Plan
from .schema import CODE_BOOST, EXACT_BOOST, FACETS, STORED_TEXT, TEXT_BOOSTS, Doc

INDEX_NAME = "alliances"
#: Memory the writer may use before spilling to disk.
WRITER_LIMIT_MB = 256


class TermFilter(Filter):
    """Replace each token by its term under `fn` (from `search.analysis`); drop it for None."""

    def __init__(self, fn: Any) -> None:
        self.fn = fn

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TermFilter) and other.fn is self.fn

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        fn = self.fn
        for t in tokens:
            if not analysis.is_word(t.text):
                continue
            text = fn(t.text)
            if text:
                t.text = text
                yield t


def french() -> Any:
    """The shared French analysis as a whoosh analyzer."""
    return RegexTokenizer(analysis.TOKEN_PATTERN) | TermFilter(analysis.term)


def folding() -> Any:
    """Lower-cased, folded words (completion, spelling) as a whoosh analyzer."""
    return RegexTokenizer(analysis.TOKEN_PATTERN) | TermFilter(analysis.fold)


def make_schema() -> fields.Schema:
    """The whoosh schema, declared once."""
    fr, fo = french(), folding()
    spec: dict[str, Any] = {
        "iri": fields.ID(stored=True, unique=True),
        "id": fields.STORED(),
        "note": fields.STORED(),
        "kind": fields.KEYWORD(stored=True),
        "source": fields.ID(stored=True),
        "fictional": fields.STORED(),
        "label": fields.TEXT(analyzer=fr, stored=True),
        "label_en": fields.TEXT(analyzer=fr, stored=True),
        "description": fields.TEXT(analyzer=fr, stored=True),
        "description_en": fields.TEXT(analyzer=fr),
        "place": fields.TEXT(analyzer=fr, phrase=False),
        "exact": fields.KEYWORD(commas=True),
        "code": fields.KEYWORD(commas=True, lowercase=True),
        "prefix": fields.TEXT(analyzer=fo, phrase=False),
        "spell": fields.TEXT(analyzer=fo, phrase=False),
    }
    spec.update({name: fields.KEYWORD() for name in FACETS if name != "kind"})
    return fields.Schema(**spec)


def doc_fields(doc: Doc) -> dict[str, Any]:
    """A Doc as whoosh field values."""
    out = {
        "iri": doc.iri,
        "id": doc.id,
        "kind": doc.kind,
        "source": doc.source,
        "fictional": doc.fictional,
        "label": doc.label,
        "label_en": doc.label_en,
        "description": doc.description,
        "description_en": doc.description_en,
        "place": doc.place,
        "exact": ",".join(sorted(doc.exact_keys())),
        "code": ",".join(sorted(doc.all_codes())),
        "prefix": doc.names(),
        "spell": doc.description,
        "note": doc.note,
    }
    for name in FACETS:
        values = doc.facet_values(name)
        if name != "kind" and values:
            out[name] = " ".join(values)
    return out


#: Posting bitmaps of single terms kept per index generation (about 12 KB each at 100,000 docs).
TERM_BITMAPS = 2048


class WhooshBackend(Backend):
    """A whoosh index in one folder."""

    name = "whoosh"

    def __init__(self, path: Path, ix: Any) -> None:
        super().__init__(path)
        self._ix = ix
        self._bitmaps: dict[tuple[Any, str], dict[str, int]] = {}
        self._terms: OrderedDict[tuple[Any, str, str], int] = OrderedDict()
        self._lock = threading.Lock()
        self._local = threading.local()
        self._searchers: list[Searcher] = []

    @classmethod
    def create(cls, path: Path) -> WhooshBackend:
        path.mkdir(parents=True, exist_ok=True)
        return cls(path, index.create_in(str(path), make_schema(), indexname=INDEX_NAME))

    @classmethod
    def open(cls, path: Path) -> WhooshBackend:
        error = None
        with _damaged_files():
            try:
                ix = index.open_dir(str(path), indexname=INDEX_NAME)
            except Exception as exc:  # whoosh raises many kinds on damaged files
                error = f"cannot open whoosh index {path}: {exc}"
        if error is not None:
            raise IndexCorrupt(error)
        return cls(path, ix)

    def close(self) -> None:
        with self._lock:
            self._bitmaps.clear()
            self._terms.clear()
            for s in self._searchers:
                s.close()
            self._searchers.clear()
        self._ix.close()

    # -- writing ---------------------------------------------------------------------------
    def write(
        self,
        docs: Iterable[Doc] = (),
        *,
        delete: Iterable[str] = (),
        delete_kinds: Iterable[str] = (),
    ) -> int:
        kinds = set(delete_kinds)
        writer = self._ix.writer(limitmb=WRITER_LIMIT_MB)
        n = 0
        try:
            for kind in kinds:
                writer.delete_by_term("kind", kind)
            for doc in docs:
                if doc.kind in kinds:
                    writer.add_document(**doc_fields(doc))
                else:
                    writer.update_document(**doc_fields(doc))
                n += 1
            for iri in delete:
                writer.delete_by_term("iri", iri)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        with self._lock:
            self._bitmaps.clear()
        return n

    # -- reading ---------------------------------------------------------------------------
    @contextmanager
    def _searcher(self) -> Iterator[Searcher]:
        """This thread's searcher, refreshed when the index changed (one per request)."""
        s: Searcher | None = getattr(self._local, "searcher", None)
        try:
            if s is None or not s.up_to_date():
                fresh = self._ix.searcher()
                with self._lock:
                    if s is not None and s in self._searchers:
                        self._searchers.remove(s)
                        s.close()
                    self._searchers.append(fresh)
                s = self._local.searcher = fresh
        except Exception as exc:
            raise IndexCorrupt(f"cannot read whoosh index {self.path}: {exc}") from exc
        yield s

    def doc_count(self) -> int:
        return int(self._ix.doc_count())

    def check(self) -> None:
        error = None
        with _damaged_files():
            try:
                self._check()
            except Exception as exc:
                error = f"damaged whoosh index {self.path}: {exc}"
        if error is not None:
            raise IndexCorrupt(error)

    def _check(self) -> None:
        with self._searcher() as s:
            reader = s.reader()
            for docnum in reader.all_doc_ids():
                reader.stored_fields(docnum)
                break
            for name in ("label", "prefix", "spell", *FACETS):
                for _ in reader.lexicon(name) if name in reader.indexed_field_names() else ():
                    break
            s.search(query.Term("kind", "actor"), limit=1)

    def iris(self, *, source: str | None = None, kind: str | None = None) -> set[str]:
        terms = [query.Term("source", source)] if source is not None else []
        terms += [query.Term("kind", kind)] if kind is not None else []
        q = query.And(terms) if terms else query.Every()
        with self._searcher() as s:
            return {s.stored_fields(d)["iri"] for d in s.docs_for_query(q)}

    def search(
        self, plan: Plan, filters: Filters, *, offset: int, limit: int, facets: Sequence[str]
    ) -> RawPage:
        with self._searcher() as s:
            reader = s.reader()
            q = compile_plan(plan, lambda field, text: reader.doc_frequency(field, text) > 0)
            if q is None:
                return RawPage(0, facets={name: {} for name in facets})
            bitmaps = {name: self._facet_bitmaps(s, name) for name in {*facets, *filters}}
            matches = self._matches(s, plan, q)
            chosen = {name: _union(bitmaps[name], values) for name, values in filters.items()}
            total = _intersection(chosen.values(), matches).bit_count()
            counts = {}
            for name in facets:
                base = _intersection((b for n, b in chosen.items() if n != name), matches)
                counts[name] = {
                    v: c for v, bits in bitmaps[name].items() if (c := (base & bits).bit_count())
                }
            hits: list[Hit] = []
            if total and limit > 0:
                results = s.search(q, limit=offset + limit, filter=_filter_query(filters))
                for r in results[offset : offset + limit]:
                    hits.append(_hit(r.fields(), r.score or 0.0))
        return RawPage(total, hits, counts)

    def _matches(self, s: Searcher, plan: Plan, q: query.Query) -> int:
        """Bitmap of the documents `q` matches.

        Word clauses are combined from per-term posting bitmaps (cached per generation), which is
        several times faster than walking whoosh's compound matchers; phrases and blank queries
        go through whoosh itself.
        """
        size = s.doc_count_all()
        if plan.browse or any(c.phrase for c in (*plan.must, *plan.must_not)):
            return _bitmap(s.docs_for_query(q), size)

        def clause(c: Clause) -> int:
            out = 0
            for f in TEXT_BOOSTS:
                out |= self._term_bitmap(s, f, c.terms[0], size)
            return out

        matches = 0
        if plan.must:
            parts = [clause(c) for c in plan.must]
            matches = parts[0]
            for p in parts[1:]:
                matches = (matches | p) if plan.any else (matches & p)
        if plan.exact:
            matches |= self._term_bitmap(s, "exact", plan.exact, size)
        for code in plan.codes:
            matches |= self._term_bitmap(s, "code", code, size)
        for c in plan.must_not:
            matches &= ~clause(c)
        return matches

    def _term_bitmap(self, s: Searcher, field: str, text: str, size: int) -> int:
        key = (s.ixreader.generation(), field, text)
        with self._lock:
            cached = self._terms.get(key)
            if cached is not None:
                self._terms.move_to_end(key)
                return cached
        reader = s.reader()
        bits = 0
        if field in reader.indexed_field_names() and reader.doc_frequency(field, text):
            bits = _bitmap(reader.postings(field, text).all_ids(), size)
        with self._lock:
            self._terms[key] = bits
            while len(self._terms) > TERM_BITMAPS:
                self._terms.popitem(last=False)
        return bits

    def _facet_bitmaps(self, s: Searcher, name: str) -> dict[str, int]:
        key = (s.ixreader.generation(), name)
        with self._lock:
            cached = self._bitmaps.get(key)
        if cached is not None:
            return cached
        reader, size = s.reader(), s.doc_count_all()
        out: dict[str, int] = {}
        if name in reader.indexed_field_names():
            for value in reader.lexicon(name):
                text = _text(value)
                out[text] = _bitmap(reader.postings(name, text).all_ids(), size)
        with self._lock:
            self._bitmaps = {k: v for k, v in self._bitmaps.items() if k[0] == key[0]}
            self._bitmaps[key] = out
        return out

    def complete(self, words: Sequence[str], kinds: Sequence[str], limit: int) -> list[Hit]:
        if not words or not kinds:
            return []
        parts: list[query.Query] = [query.Term("prefix", w) for w in words[:-1]]
        parts.append(query.Prefix("prefix", words[-1]))
        kind_q = query.Or([query.Term("kind", k) for k in kinds])
        with self._searcher() as s:
            results = s.search(query.And(parts), limit=limit, filter=kind_q)
            return [_hit(r.fields(), r.score or 0.0) for r in results]

    def vocabulary(self, prefix: str) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        with self._searcher() as s:
            reader = s.reader()
            for name in ("prefix", "spell"):
                for t, info in reader.iter_prefix(name, prefix):
                    counts[_text(t)] = counts.get(_text(t), 0) + info.doc_frequency()
        return list(counts.items())


# -- compiling a plan ----------------------------------------------------------------------


def compile_plan(plan: Plan, known: Any = None) -> query.Query | None:
    """The whoosh query of a plan; None when nothing can match. `known(field, text)` tells
    whether an exact name or code occurs at all: those that do not are left out, which keeps
    whoosh's top-N optimisations (skipping low-scoring blocks) available."""
    if plan.browse:
        return query.Every()
    if plan.empty:
        return None
    should: list[query.Query] = []
    if plan.must:
        clauses = [_clause(c) for c in plan.must]
        should.append(query.Or(clauses) if plan.any else query.And(clauses))
    if plan.exact and (known is None or known("exact", plan.exact)):
        should.append(query.ConstantScoreQuery(query.Term("exact", plan.exact), EXACT_BOOST))
    should += [
        query.ConstantScoreQuery(query.Term("code", c), CODE_BOOST)
        for c in plan.codes
        if known is None or known("code", c)
    ]
    if not should:
        return None
    q: query.Query = query.Or(should)
    if plan.must_not:
        q = query.AndNot(q, query.Or([_clause(c) for c in plan.must_not]))
    return q


def _clause(c: Clause) -> query.Query:
    if c.phrase:
        gaps = [b - a for a, b in zip(c.positions, c.positions[1:], strict=False)]
        subs: list[query.Query] = [
            query.Phrase(f, list(c.terms), slop=max(gaps), boost=b)
            for f, b in TEXT_BOOSTS.items()
            if f != "place"
        ]
    else:
        subs = [query.Term(f, c.terms[0], boost=b) for f, b in TEXT_BOOSTS.items()]
    return query.Or(subs)


def _filter_query(filters: Filters) -> query.Query | None:
    if not filters:
        return None
    return query.And(
        [
            query.Or([query.Term(name, v) for v in sorted(values)])
            for name, values in filters.items()
        ]
    )


def _hit(stored: Mapping[str, Any], score: float) -> Hit:
    text = {f: stored.get(f, "") for f in STORED_TEXT}
    return Hit(
        stored["iri"],
        stored.get("id", ""),
        stored.get("kind", ""),
        text["label"],
        text["label_en"],
        text["description"] or text["note"],
        float(score),
        stored.get("source", ""),
        bool(stored.get("fictional", False)),
    )


@contextmanager
def _damaged_files() -> Iterator[None]:
    """Silence the ResourceWarnings of files whoosh leaves open when it fails on damaged ones."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        yield
        gc.collect()


def _text(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


# -- bitmaps -------------------------------------------------------------------------------


def _bitmap(docnums: Iterable[int], size: int) -> int:
    bits = bytearray((size + 8) // 8)
    for d in docnums:
        bits[d >> 3] |= 1 << (d & 7)
    return int.from_bytes(bits, "little")


def _union(bitmaps: Mapping[str, int], values: Iterable[str]) -> int:
    out = 0
    for v in values:
        out |= bitmaps.get(v, 0)
    return out


def _intersection(bitmaps: Iterable[int], start: int) -> int:
    out = start
    for b in bitmaps:
        out &= b
    return out
