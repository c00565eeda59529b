"""The werkplek's abonnement on the Notificaties API of the deployment it works against.

``zaakwerk werkplek subscribe`` makes it once: an abonnement whose callback is the werkplek's
``/werkplek/notificaties/`` on the kanalen zaken, documenten and besluiten, with an
``Authorization`` value only the werkplek knows (derived from the secret key), which the callback
checks. Running it again finds the abonnement by its callback URL and puts it right if its auth or
kanalen changed; it never makes a second one.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse

from zaakwerk.client import ClientCredentials, Http
from zaakwerk.werkplek.read_model.notifications import KANALEN
from zaakwerk.werkplek.zgw import base_url, client_secret


@dataclass(frozen=True)
class Subscribed:
    url: str
    created: bool
    updated: bool


def notificaties_root() -> str:
    return f"{base_url()}/notificaties/api/v1"


def callback_url() -> str:
    return f"{settings.PUBLIC_URL.rstrip('/')}{reverse('werkplek:notificaties')}"


def callback_auth() -> str:
    """The ``Authorization`` value the Notificaties API sends with each notification."""
    key = settings.SECRET_KEY.encode()
    token = hmac.new(key, b"zaakwerk-werkplek-notificaties", hashlib.sha256).hexdigest()
    return f"Bearer {token}"


def _http() -> Http:
    credentials = ClientCredentials(str(settings.WERKPLEK_CLIENT_ID), client_secret())
    return Http(credentials, roots=[notificaties_root()])


def _wanted() -> dict[str, Any]:
    return {
        "callbackUrl": callback_url(),
        "auth": callback_auth(),
        "kanalen": [{"naam": naam, "filters": {}} for naam in KANALEN],
    }


def _kanalen(abonnement: dict[str, Any]) -> set[str]:
    return {str(kanaal.get("naam")) for kanaal in abonnement.get("kanalen") or [] if isinstance(kanaal, dict)}


def subscribe() -> Subscribed:
    """Make or repair the abonnement; idempotent."""
    http = _http()
    root = notificaties_root()
    wanted = _wanted()
    found = http.request("GET", f"{root}/abonnement")
    existing = [
        item
        for item in (found if isinstance(found, list) else (found or {}).get("results", []))
        if isinstance(item, dict) and item.get("callbackUrl") == wanted["callbackUrl"]
    ]
    if not existing:
        made = http.request("POST", f"{root}/abonnement", expected=(201,), json=wanted)
        return Subscribed(str(made["url"]), created=True, updated=False)
    current = existing[0]
    # responses mask the abonnement's auth, so whether it is still ours cannot be seen: it is
    # sent again, with the kanalen, every time (the callback is tested again, nothing else changes)
    http.request("PUT", str(current["url"]), json=wanted)
    return Subscribed(str(current["url"]), created=False, updated=_kanalen(current) != set(KANALEN))
