"""One error hierarchy for the whole application.

Each error carries the HTTP status it maps to; `webui/errors.py` turns them into responses and the
CLI into messages on stderr with exit code 1. Library code raises these, never prints or exits.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


class AlliancesError(Exception):
    """Base of every error the application reports to a user."""

    status = 500
    code = "error"

    def __init__(self, message: str, *, message_fr: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_fr = message_fr or message

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of the error (pinned by a test)."""
        return {"error": self.code, "message": self.message, "message_fr": self.message_fr}


class BadRequest(AlliancesError):
    """The request or the input is malformed."""

    status = 400
    code = "bad_request"


class QueryRefused(BadRequest):
    """A query asks for something a public endpoint never does (SERVICE, a graph that is not
    published)."""

    code = "query_refused"


class NotFound(AlliancesError):
    """The resource does not exist."""

    status = 404
    code = "not_found"


class NotAcceptable(AlliancesError):
    """No representation the client accepts can be produced (content negotiation, RFC 9110)."""

    status = 406
    code = "not_acceptable"


class PayloadTooLarge(AlliancesError):
    """A request body or an input file is larger than the configured limit."""

    status = 413
    code = "payload_too_large"


class Conflict(AlliancesError):
    """Another writer holds the store, or the state forbids the operation."""

    status = 409
    code = "conflict"


class StoreError(AlliancesError):
    """The store could not be opened or written."""

    status = 503
    code = "store_unavailable"


class StoreBusy(StoreError):
    """Another process writes the embedded store (it has one writer at a time)."""

    code = "store_busy"


class QueryError(BadRequest):
    """A SPARQL query is malformed or failed in the engine (the engine's message is kept)."""

    @classmethod
    def syntax(cls, detail: str) -> QueryError:
        """A syntax error."""
        return cls(
            f"SPARQL syntax error: {detail}", message_fr=f"erreur de syntaxe SPARQL : {detail}"
        )

    @classmethod
    def failed(cls, detail: str) -> QueryError:
        """An error while evaluating."""
        return cls(f"the query failed: {detail}", message_fr=f"la requête a échoué : {detail}")


class QueryTimeout(StoreError):
    """The query ran past the deadline and was stopped."""

    code = "query_timeout"


class ConfigError(AlliancesError):
    """A setting is missing or invalid (checked at start-up)."""

    code = "config_error"


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file: where, what, and why (FR and EN)."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    reason: str
    reason_fr: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.column:
            where += f" [{self.column}]"
        value = f" « {self.value} »" if self.value not in (None, "") else ""
        return f"{where}{value}: {self.reason_fr} / {self.reason}"


class ValidationFailed(BadRequest):
    """An import or validation found problems; nothing was written.

    `warnings` are the things that were cleaned rather than refused (kept apart from the
    problems); `inputs` says how each file was read (encoding, delimiter, sheet, rows).
    """

    code = "validation_failed"

    def __init__(
        self,
        problems: list[Problem],
        warnings: list[Problem] | None = None,
        inputs: list[dict[str, Any]] | None = None,
    ) -> None:
        self.problems = list(problems)
        self.warnings = list(warnings or [])
        self.inputs = list(inputs or [])
        n = len(self.problems)
        super().__init__(
            f"{n} problem(s) found; nothing was written",
            message_fr=f"{n} problème(s) trouvé(s) ; rien n'a été écrit",
        )

    def __str__(self) -> str:
        return self.message_fr + "\n" + "\n".join(str(p) for p in self.problems)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: the base shape plus the lists of problems, warnings and inputs read."""
        data = super().to_dict()
        data["problems"] = [asdict(p) for p in self.problems]
        data["warnings"] = [asdict(p) for p in self.warnings]
        data["inputs"] = self.inputs
        return data
