"""The forms' way to the ZGW APIs: the loket's own registered application (docs/adr/0085).

Every zaak a form becomes is registered through this client, in this deployment (in-process) or
in another conformant one (``ZAAKWERK_FORMULIEREN_ZGW_URL``, over HTTP). The token names the
submission's reference as ``user_id`` (never the BSN: audit trails are read widely), so the
registers' audit trails say which submission made a change.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

from zaakwerk.client import ClientCredentials, ZGWClient


def base_url() -> str:
    """The base URL of the deployment submissions are registered in."""
    return (settings.FORMULIEREN_ZGW_URL or settings.PUBLIC_URL).rstrip("/")


def is_this_deployment() -> bool:
    return not settings.FORMULIEREN_ZGW_URL or base_url() == settings.PUBLIC_URL.rstrip("/")


def client_secret() -> str:
    """The forms' JWT secret: configured, or derived from this deployment's secret key."""
    if settings.FORMULIEREN_CLIENT_SECRET:
        return str(settings.FORMULIEREN_CLIENT_SECRET)
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"zaakwerk-formulieren-client-secret", hashlib.sha256).hexdigest()


def client(*, referentie: str = "", in_process: bool = True) -> ZGWClient:
    """A client of the forms; ``referentie`` (a submission's) goes into the audit trail."""
    credentials = ClientCredentials(
        str(settings.FORMULIEREN_CLIENT_ID),
        client_secret(),
        user_id=referentie[:255],
        user_representation="Loket (formulier)",
    )
    return ZGWClient(ZGWClient.roots_at(base_url()), auth=credentials, in_process=in_process)
