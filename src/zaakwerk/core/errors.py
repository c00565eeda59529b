"""Domain errors. Service functions raise these; the API layer turns them into the
standard's error bodies (``Fout`` / ``ValidatieFout``), the admin into form errors."""

from __future__ import annotations

from dataclasses import dataclass

NON_FIELD = "nonFieldErrors"


@dataclass(frozen=True)
class FieldError:
    """One entry of ``invalidParams``: ``name`` is the camelCase field path."""

    name: str
    code: str
    reason: str


class DomainError(Exception):
    """Base class for errors a caller can correct."""


class ValidationError(DomainError):
    """Input breaks a rule: HTTP 400 with ``invalidParams``."""

    def __init__(self, errors: list[FieldError] | FieldError) -> None:
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__("; ".join(f"{e.name}: {e.code}" for e in self.errors))

    @classmethod
    def single(cls, name: str, code: str, reason: str) -> ValidationError:
        return cls(FieldError(name, code, reason))


class NotFound(DomainError):
    """The object does not exist (or is not visible to the caller): HTTP 404."""


class PermissionDenied(DomainError):
    """The caller may not do this: HTTP 403."""

    def __init__(self, detail: str = "U heeft geen toestemming om deze actie uit te voeren.") -> None:
        self.detail = detail
        super().__init__(detail)


class ErrorCollector:
    """Gathers field errors so a request reports all of them at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, name: str, code: str, reason: str) -> None:
        self.errors.append(FieldError(name, code, reason))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
