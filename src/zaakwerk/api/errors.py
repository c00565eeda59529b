"""The standard's error bodies (RULES.md 1.4): ``Fout`` and, for 400, ``ValidatieFout``.

Every error the API layer produces goes through :func:`problem`, so each has the same shape,
media type ``application/problem+json`` and a unique ``instance`` for log correlation.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from zaakwerk.api.responses import json_response
from zaakwerk.core.errors import NON_FIELD, FieldError

logger = logging.getLogger("zaakwerk.api")

TITLES = {
    400: "Ongeldige invoer.",
    401: "Authenticatiegegevens zijn niet opgegeven.",
    403: "U heeft geen toestemming om deze actie uit te voeren.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Kon niet voldoen aan de opgegeven Accept header.",
    409: "Conflict.",
    410: "Verdwenen.",
    412: "Niet aan de voorwaarde voldaan.",
    413: "Verzoek te groot.",
    415: "Niet-ondersteund mediatype in verzoek.",
    429: "Te veel verzoeken.",
    500: "Er is een serverfout opgetreden.",
}


class ApiError(Exception):
    """An error with an HTTP status and a machine code, raised from the API layer."""

    def __init__(self, status: int, code: str, detail: str = "") -> None:
        self.status = status
        self.code = code
        self.detail = detail or TITLES.get(status, "")
        super().__init__(f"{status} {code}: {self.detail}")


class ApiValidationError(ApiError):
    """HTTP 400 with invalidParams."""

    def __init__(self, errors: Iterable[FieldError], detail: str = "") -> None:
        self.errors = list(errors)
        super().__init__(400, "invalid", detail or TITLES[400])


def problem(
    status: int,
    code: str,
    detail: str = "",
    *,
    invalid_params: list[FieldError] | None = None,
    request: HttpRequest | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": f"https://zaakwerk.nl/ref/fouten/{code}/",
        "code": code,
        "title": TITLES.get(status, "Fout"),
        "status": status,
        "detail": detail or TITLES.get(status, ""),
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if invalid_params is None and status == 400:
        invalid_params = []  # every 400 is a ValidatieFout, which requires the list
    if invalid_params is not None:
        body["invalidParams"] = [{"name": e.name, "code": e.code, "reason": e.reason} for e in invalid_params]
    return json_response(body, status=status, content_type="application/problem+json")


def validation_problem(errors: Iterable[FieldError], detail: str = "") -> HttpResponse:
    return problem(400, "invalid", detail or TITLES[400], invalid_params=list(errors))


def _mebibytes(size: int) -> str:
    return f"{size / 2**20:.0f} MiB" if size >= 2**20 else f"{size} bytes"


def request_too_large() -> HttpResponse:
    """413 for a body over ``ZGW_MAX_REQUEST_SIZE``, telling the client how to send a large file."""
    limit = _mebibytes(settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)
    return problem(
        413,
        "request_too_large",
        f"Het verzoek is groter dan {limit}, het maximum van deze installatie. Verstuur een groot "
        "bestand in bestandsdelen: maak het informatieobject aan met bestandsomvang en zonder "
        "inhoud, en upload elk deel met PUT /documenten/api/v1/bestandsdelen/{uuid}.",
    )


def too_many_parameters() -> HttpResponse:
    """400 for a query string or form with more fields than Django parses (TooManyFieldsSent)."""
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    reason = f"Het verzoek bevat meer dan {limit} parameters."
    return validation_problem([FieldError(NON_FIELD, "too-many-parameters", reason)], reason)
