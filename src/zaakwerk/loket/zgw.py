"""The loket's way to the ZGW APIs: one registered application (docs/adr/0070).

The loket is its own API client (``ZAAKWERK_LOKET_CLIENT_ID``), registered by
``zaakwerk loket authorise`` with the least it needs: reading the zaken, documents and catalogue of
the extern zaaktypen, adding documents to them, and reading their audit trail. Every call it makes
for a visitor names that visitor in the token by a pseudonym (``user_id``: ``inwoner:<hmac>``),
so the registers' audit trails say on whose behalf the loket acted without holding a BSN, and the
loket recognises the visitor's own changes on "Wie heeft mijn gegevens bekeken".
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

from zaakwerk.client import ClientCredentials, ZGWClient
from zaakwerk.loket.identity import Identity


def base_url() -> str:
    """The base URL of the deployment the loket works against."""
    return (settings.LOKET_ZGW_URL or settings.PUBLIC_URL).rstrip("/")


def client_secret() -> str:
    """The loket's JWT secret: configured, or derived from this deployment's secret key."""
    if settings.LOKET_CLIENT_SECRET:
        return str(settings.LOKET_CLIENT_SECRET)
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"zaakwerk-loket-client-secret", hashlib.sha256).hexdigest()


def user_id(identity: Identity) -> str:
    """How a visitor is named in the registers' audit trails: a pseudonym of their number (the
    same for every login, unreadable without this deployment's secret key)."""
    kind = "inwoner" if identity.is_resident else "ondernemer"
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"loket:{identity.kind}:{identity.value}".encode(), "sha256"
    )
    return f"{kind}:{digest.hexdigest()[:24]}"


def client_for(identity: Identity, *, in_process: bool = True) -> ZGWClient:
    """A client that acts for the logged-in ``identity``."""
    credentials = ClientCredentials(
        str(settings.LOKET_CLIENT_ID),
        client_secret(),
        user_id=user_id(identity),
        # a resident's name is theirs to see, not the registers': the audit trail gets the kind only
        user_representation="inwoner" if identity.is_resident else "ondernemer",
    )
    return ZGWClient(ZGWClient.roots_at(base_url()), auth=credentials, in_process=in_process)


def service_client(*, in_process: bool = True) -> ZGWClient:
    """A client for the loket's own work, on behalf of no one."""
    credentials = ClientCredentials(str(settings.LOKET_CLIENT_ID), client_secret())
    return ZGWClient(ZGWClient.roots_at(base_url()), auth=credentials, in_process=in_process)
