"""The archief's way to the ZGW APIs: its own application, for a person (docs/adr/0080).

The archief is registered as an API client of its own (``ZAAKWERK_ARCHIEF_CLIENT_ID``), apart from
the werkplek: it destroys zaken, documents and besluiten, which no other application needs to.
Every call made for a staff member names them in the token (``user_id``), so the registers'
audit trails and notifications say who did it. It works against the deployment the werkplek works
against (``ZAAKWERK_WERKPLEK_ZGW_URL``, empty: this one).
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from zaakwerk.archief.roles import display_name
from zaakwerk.client import ClientCredentials, ZGWClient
from zaakwerk.werkplek.zgw import base_url


def client_secret() -> str:
    """The archief's JWT secret: configured, or derived from this deployment's secret key."""
    if settings.ARCHIEF_CLIENT_SECRET:
        return str(settings.ARCHIEF_CLIENT_SECRET)
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"zaakwerk-archief-client-secret", hashlib.sha256).hexdigest()


def client_for(user: AbstractBaseUser | AnonymousUser | None = None, *, in_process: bool = True) -> ZGWClient:
    """A client acting for ``user``, or for the archief itself (a run from the command line)."""
    credentials = ClientCredentials(
        str(settings.ARCHIEF_CLIENT_ID),
        client_secret(),
        user_id=user.get_username()[:255] if user is not None else "",
        user_representation=display_name(user)[:255] if user is not None else "",
    )
    return ZGWClient(ZGWClient.roots_at(base_url()), auth=credentials, in_process=in_process)
