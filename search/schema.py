"""What the index holds, declared once for all backends: kinds, documents, facets, boosts."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import analysis

#: Kinds of indexed resources, in the order completion lists them.
KINDS = ("actor", "alliance", "tool", "sdg", "territory")

#: Facets (multi-valued keyword fields), in display order. Values are codes: actor type, SDG goal
#: number, INSEE région / département code, SIREN of the intercommunality (EPCI or EPT), maturity,
#: pillar, resource type, alliance status, tool kind (`skos:notation` of the concept).
FACETS = (
    "kind",
    "actor_type",
    "sdg",
    "region",
    "departement",
    "epci",
    "maturity",
    "pillar",
    "resource_type",
    "status",
    "tool_kind",
)

#: Analysed text fields and their boosts: names weigh more than descriptions. A word's score is
#: the sum over the fields it occurs in (whoosh's DisjunctionMax scores wrongly, so both backends
#: use a plain disjunction).
TEXT_BOOSTS: dict[str, float] = {
    "label": 4.0,
    "label_en": 2.5,
    "description": 1.0,
    "description_en": 0.6,
    "place": 0.4,
}
#: Fields whose original text is stored (for display and snippets); `note` is stored only.
STORED_TEXT = ("label", "label_en", "description", "note")
#: Boost of a match of the whole query on a whole name (`exact` field), and on an identifier.
EXACT_BOOST = 100.0
CODE_BOOST = 80.0

#: Bump when the document shape or the analysis changes: older indexes are rebuilt.
SCHEMA_VERSION = 5  # 3: every apostrophe and quote read alike (issue 9); 4: the epci facet;
# 5: the source and its fictional flag stored with hits (issue 10)


@dataclass
class Doc:
    """One indexed resource, built from the graph (see `search/documents.py`)."""

    iri: str
    id: str
    kind: str
    source: str
    label: str
    label_en: str = ""
    description: str = ""
    description_en: str = ""
    place: str = ""
    note: str = ""
    codes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    facets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The document comes from a fictional source (the demo dataset): stored, shown with hits.
    fictional: bool = False

    def __post_init__(self) -> None:
        for name in ("label", "label_en", "description", "description_en", "place"):
            setattr(self, name, analysis.clean(getattr(self, name)))

    def facet_values(self, name: str) -> tuple[str, ...]:
        """The values of facet `name` (the kind facet is the document's kind)."""
        if name == "kind":
            return (self.kind,)
        return self.facets.get(name, ())

    def exact_keys(self) -> set[str]:
        """Whole names (label, English label, aliases) reduced for exact matching."""
        return {analysis.exact_key(x) for x in (self.label, self.label_en, *self.aliases)} - {""}

    def all_codes(self) -> set[str]:
        """Codes matched exactly (lower-cased): `codes`, or else the identifier."""
        return {c.lower() for c in (self.codes or (self.id,)) if c}

    def names(self) -> str:
        """The names completed as typed (their words also feed spelling suggestions)."""
        return f"{self.label}\n{self.label_en}"
