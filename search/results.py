"""What a search answers (the JSON of the CLI and the API), and how filters are read from users."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import SearchError
from .schema import FACETS, KINDS

#: Largest page size, and last page reachable.
MAX_LIMIT = 100
MAX_PAGE = 1000
#: Prefixes accepted (and dropped) in territory facet values: `region:32` means `32`.
_VALUE_PREFIXES = {"region": "region:", "departement": "departement:", "epci": "epci:"}


@dataclass(frozen=True)
class Result:
    """One hit as shown to users."""

    id: str
    iri: str
    kind: str
    label: str
    score: float
    snippet: str
    label_en: str = ""
    #: The source graph it comes from, and whether that source is fictional (the demo data).
    source: str = ""
    fictional: bool = False


@dataclass
class SearchResponse:
    """A page of results with facet counts and, when few results, a spelling suggestion."""

    query: str
    total: int
    page: int
    limit: int
    results: list[Result] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    relaxed: bool = False
    filters: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: query, total, results, facets, suggestion (and page, limit, filters,
        relaxed)."""
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "limit": self.limit,
            "results": [asdict(r) for r in self.results],
            "facets": self.facets,
            "suggestion": self.suggestion,
            "relaxed": self.relaxed,
            "filters": self.filters,
        }


@dataclass(frozen=True)
class Completion:
    """A name proposed while typing."""

    id: str
    iri: str
    kind: str
    label: str

    def to_dict(self) -> dict[str, str]:
        """JSON shape."""
        return asdict(self)


def parse_facet_args(args: Iterable[str]) -> dict[str, list[str]]:
    """`NAME=VALUE` strings (CLI `--facet`, API `facet=`) → facet name → values."""
    out: dict[str, list[str]] = {}
    for arg in args:
        name, sep, value = str(arg).partition("=")
        if not sep:
            raise SearchError(
                f"facet filter {arg!r} is not NAME=VALUE",
                message_fr=f"filtre de facette {arg!r} : NOM=VALEUR attendu",
            )
        out.setdefault(name.strip(), []).append(value.strip())
    return out


def make_filters(
    kind: str | Iterable[str] | None, facets: Mapping[str, Iterable[str]] | None
) -> dict[str, frozenset[str]]:
    """Validated filters: known facet names, values without their `region:` style prefix."""
    raw: dict[str, set[str]] = {}
    for name, values in (facets or {}).items():
        if name not in FACETS:
            raise SearchError(
                f"unknown facet {name!r} (known: {', '.join(FACETS)})",
                message_fr=f"facette inconnue {name!r} (connues : {', '.join(FACETS)})",
            )
        vals = [values] if isinstance(values, str) else list(values)
        raw.setdefault(name, set()).update(_value(name, v) for v in vals if str(v).strip())
    if kind:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise SearchError(
                f"unknown kind {unknown[0]!r} (known: {', '.join(KINDS)})",
                message_fr=f"type inconnu {unknown[0]!r} (connus : {', '.join(KINDS)})",
            )
        raw.setdefault("kind", set()).update(kinds)
    return {name: frozenset(values) for name, values in raw.items() if values}


def _value(name: str, value: str) -> str:
    value = str(value).strip()[:100]
    prefix = _VALUE_PREFIXES.get(name)
    if prefix and value.lower().startswith(prefix):
        value = value[len(prefix) :]
    return value
