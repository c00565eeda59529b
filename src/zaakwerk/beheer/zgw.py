"""Beheer's way to the Catalogi API: one registered application, each call naming the person.

Beheer is its own API client (``CLIENT_ID``, registered by ``zaakwerk beheer authorise`` and by
the quickstart); the token of every call carries the beheerder in ``user_id`` and
``user_representation``, so the catalogue's audit trail names who changed what (docs/adr/0075).
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from zaakwerk.client import ClientCredentials, ZGWClient

CLIENT_ID = "zaakwerk-beheer"


def base_url() -> str:
    """The base URL of the deployment whose catalogue beheer edits."""
    return str(settings.PUBLIC_URL).rstrip("/")


def referentielijsten_root() -> str:
    """The Referentielijsten API root the catalogue's selectielijst references point into."""
    external = str(settings.REFERENTIELIJSTEN_URL or "")
    return external.rstrip("/") if external else f"{base_url()}/referentielijsten/api/v1"


def client_secret() -> str:
    """Beheer's JWT secret, derived from this deployment's secret key (never stored in clear)."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"zaakwerk-beheer-client-secret", hashlib.sha256).hexdigest()


def display_name(user: AbstractBaseUser | AnonymousUser) -> str:
    full = user.get_full_name().strip() if hasattr(user, "get_full_name") else ""
    return full or user.get_username()


def client_for(user: AbstractBaseUser | AnonymousUser) -> ZGWClient:
    """A client that acts for ``user`` (a logged-in beheerder)."""
    credentials = ClientCredentials(
        CLIENT_ID,
        client_secret(),
        user_id=user.get_username()[:255],
        user_representation=display_name(user)[:255],
    )
    return ZGWClient(ZGWClient.roots_at(base_url()), auth=credentials)
