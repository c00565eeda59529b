"""Staff login through an OpenID Connect provider (mozilla-django-oidc), when configured.

A staff member is found by the username claim (``ZAAKWERK_OIDC_USERNAME_CLAIM``) and created at
the first login; name, e-mail and groups are set from the claims at every login, the groups from
``ZAAKWERK_OIDC_GROUPS_CLAIM`` (ADR 0045).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView


def claim(claims: dict[str, Any], path: str) -> Any:
    """The value at a dotted path (``realm_access.roles``), or None."""
    value: Any = claims
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def group_names(claims: dict[str, Any]) -> set[str]:
    """The groups claim as a set of names; a single string counts as one group."""
    value = claim(claims, settings.OIDC_GROUPS_CLAIM)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return set()
    # some providers send paths (Keycloak: "/team/behandelaar"): the last part is the name
    return {str(item).rstrip("/").rsplit("/", 1)[-1] for item in value if str(item).strip("/")}


class StaffBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claim(claims, settings.OIDC_USERNAME_CLAIM))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        username = claim(claims, settings.OIDC_USERNAME_CLAIM)
        if not username:
            return User.objects.none()
        return User.objects.filter(username=str(username))

    def create_user(self, claims: dict[str, Any]) -> User:
        user = User.objects.create_user(username=str(claim(claims, settings.OIDC_USERNAME_CLAIM)))
        return self.update_user(user, claims)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        with transaction.atomic():
            user.first_name = str(claims.get("given_name", ""))[:150]
            user.last_name = str(claims.get("family_name", ""))[:150]
            user.email = str(claims.get("email", ""))[:254]
            user.save(update_fields=["first_name", "last_name", "email"])
            groups = [Group.objects.get_or_create(name=name[:150])[0] for name in sorted(group_names(claims))]
            user.groups.set(groups)
        return user


def only_when_enabled(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The OIDC pages answer 404 while OIDC is not configured."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.OIDC_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


start = only_when_enabled(OIDCAuthenticationRequestView.as_view())
callback = only_when_enabled(OIDCAuthenticationCallbackView.as_view())
