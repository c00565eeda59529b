"""The werkplek's way to the ZGW APIs: one client per staff member (docs/adr/0053).

The werkplek is one registered application (``ZAAKWERK_WERKPLEK_CLIENT_ID``); every call it makes
for a person carries that person in the token's ``user_id`` and ``user_representation`` claims, so
the registers' audit trails name who did what. It reads and writes the registers only through
these clients, so it works against this deployment (in-process) and against any other conformant
deployment (``ZAAKWERK_WERKPLEK_ZGW_URL``, over HTTP) alike.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from zaakwerk.client import ClientCredentials, ZGWClient


def base_url() -> str:
    """The base URL of the deployment the werkplek works against."""
    return (settings.WERKPLEK_ZGW_URL or settings.PUBLIC_URL).rstrip("/")


def client_secret() -> str:
    """The werkplek's JWT secret: configured, or derived from this deployment's secret key."""
    if settings.WERKPLEK_CLIENT_SECRET:
        return str(settings.WERKPLEK_CLIENT_SECRET)
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"zaakwerk-werkplek-client-secret", hashlib.sha256).hexdigest()


def display_name(user: AbstractBaseUser | AnonymousUser) -> str:
    full = user.get_full_name().strip() if hasattr(user, "get_full_name") else ""
    return full or user.get_username()


def client_for(user: AbstractBaseUser | AnonymousUser, *, in_process: bool = True) -> ZGWClient:
    """A client that acts for ``user`` (a logged-in staff member)."""
    credentials = ClientCredentials(
        str(settings.WERKPLEK_CLIENT_ID),
        client_secret(),
        user_id=user.get_username()[:255],
        user_representation=display_name(user)[:255],
    )
    return ZGWClient(ZGWClient.roots_at(base_url()), auth=credentials, in_process=in_process)


def service_client(*, in_process: bool = True) -> ZGWClient:
    """A client for the werkplek's own background work (sync, notifications): no person."""
    credentials = ClientCredentials(str(settings.WERKPLEK_CLIENT_ID), client_secret())
    return ZGWClient(ZGWClient.roots_at(base_url()), auth=credentials, in_process=in_process)
