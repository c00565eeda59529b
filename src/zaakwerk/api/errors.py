"""The standard's error bodies (RULES.md 1.4): ``Fout`` and, for 400, ``ValidatieFout``.

Every error the API layer produces goes through :func:`problem`, so each has the same shape,
media type ``application/problem+json`` and a unique ``instance`` for log correlation.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse

from zaakwerk.api.responses import json_response
from zaakwerk.core.errors import FieldError

logger = logging.getLogger("zaakwerk.api")

TITLES = {
    400: "Invalid input.",
    401: "Authenticatiegegevens zijn niet opgegeven.",
    403: "U heeft geen toestemming om deze actie uit te voeren.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Kon niet voldoen aan de opgegeven Accept header.",
    409: "Conflict.",
    410: "Verdwenen.",
    412: "Precondition failed.",
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
