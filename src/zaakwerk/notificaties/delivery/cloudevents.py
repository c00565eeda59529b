"""A notification as a CloudEvent 1.0 in the NL GOV profile (beyond the standard; ADR 0016).

An abonnement with ``cloudevents=True`` receives, instead of the ZGW message, a structured-mode
CloudEvent (``application/cloudevents+json``) that wraps the ZGW message as ``data``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

CONTENT_TYPE = "application/cloudevents+json"
SPECVERSION = "1.0"
TYPE_PREFIX = "nl.overheid"

# Past participles as the NL GOV examples spell event types (zaak-aangemaakt).
ACTIE_EVENT = {
    "create": "aangemaakt",
    "update": "gewijzigd",
    "partial_update": "gewijzigd",
    "destroy": "verwijderd",
    "publish": "gepubliceerd",
}
_EVENT_ID_NAMESPACE = uuid.UUID("6f1d3c1e-58a4-4d3b-9a55-0e0f6b3c2a71")


def event_type(message: Mapping[str, Any]) -> str:
    """``nl.overheid.<kanaal>.<resource>-<actie>``, e.g. ``nl.overheid.zaken.zaak-aangemaakt``."""
    kanaal = str(message.get("kanaal", "")).lower()
    resource = str(message.get("resource", "")).lower()
    actie = str(message.get("actie", ""))
    return f"{TYPE_PREFIX}.{kanaal}.{resource}-{ACTIE_EVENT.get(actie, actie.lower())}"


def _source(message: Mapping[str, Any], default: str) -> str:
    """The API that produced the event: the root (``…/api/v1``) of the hoofdObject's URL."""
    url = str(message.get("hoofdObject") or message.get("resourceUrl") or "")
    marker = "/api/v1/"
    return url.split(marker, 1)[0] + marker.rstrip("/") if marker in url else default


def _subject(message: Mapping[str, Any]) -> str:
    """The object the event is about: the last path segment (UUID) of the resource URL."""
    return str(message.get("resourceUrl", "")).rstrip("/").rsplit("/", 1)[-1]


def to_cloudevent(message: Mapping[str, Any], *, notificatie_id: int, default_source: str) -> dict[str, Any]:
    """The CloudEvent for ``message``; its id is stable, so retries carry the same id."""
    source = _source(message, default_source)
    return {
        "specversion": SPECVERSION,
        "id": str(uuid.uuid5(_EVENT_ID_NAMESPACE, f"{default_source}#{notificatie_id}")),
        "source": source,
        "type": event_type(message),
        "subject": _subject(message),
        "time": message.get("aanmaakdatum"),
        "datacontenttype": "application/json",
        "dataref": message.get("resourceUrl"),
        "data": dict(message),
    }
