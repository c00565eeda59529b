"""Who calls, and what its Applicatie may do (RULES.md 1.6–1.8), below the API layer.

The JWT layer (:mod:`zaakwerk.api.auth`) builds a :class:`Caller` from a verified token; access
rules, lists and services take it as a plain value, so domain code never imports the API layer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote_to_bytes

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import PermissionDenied
from zaakwerk.core.vertrouwelijkheid import RANK

if TYPE_CHECKING:
    from django.http import HttpRequest


@dataclass(frozen=True)
class Autorisatie:
    component: str
    scopes: frozenset[str]
    type_url: str = ""
    max_vertrouwelijkheidaanduiding: str = ""


@dataclass(frozen=True)
class Authorisations:
    label: str
    heeft_alle_autorisaties: bool
    autorisaties: tuple[Autorisatie, ...] = ()
    alleen_is_gereed_voor_publicatie: bool = False
    # Caller.types_with_scope per (component, scope): the autorisaties never change (a changed set
    # is a new object, docs of zaakwerk.autorisaties.credentials), and an application with an
    # autorisatie per zaaktype version has hundreds to walk, dozens of times per request.
    _types: dict[tuple[str, str], dict[str, int]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def types_with_scope(self, component: str, scope: str) -> dict[str, int]:
        """Per type URL the highest vertrouwelijkheid rank readable with ``scope`` (not for
        heeftAlleAutorisaties). The same dict on every call: callers must not change it."""
        key = (component, scope)
        found = self._types.get(key)
        if found is None:
            found = {}
            for a in self.autorisaties:
                if a.component != component or scope not in a.scopes or not a.type_url:
                    continue
                level = RANK.get(a.max_vertrouwelijkheidaanduiding, len(RANK) - 1)
                found[a.type_url] = max(level, found.get(a.type_url, -1))
            self._types[key] = found
        return found


@dataclass(frozen=True)
class Credentials:
    secret: str
    # None when the client id belongs to no Applicatie
    authorisations: Authorisations | None


NO_AUTHORISATIONS = Authorisations(label="", heeft_alle_autorisaties=False)


@dataclass(frozen=True)
class Caller:
    """The authenticated application behind a request."""

    client_id: str
    user_id: str = ""
    user_representation: str = ""
    authorisations: Authorisations = field(default=NO_AUTHORISATIONS)

    def has_scope(self, scopes: Iterable[str], component: str | None = None) -> bool:
        """True when any autorisatie (of ``component``, if given) grants any of ``scopes``."""
        if self.authorisations.heeft_alle_autorisaties:
            return True
        wanted = set(scopes)
        return any(
            wanted & a.scopes
            for a in self.authorisations.autorisaties
            if component is None or a.component == component
        )

    def require_scope(self, *scopes: str, component: str | None = None) -> None:
        """403 ``permission_denied`` unless an autorisatie grants one of ``scopes``."""
        if not self.has_scope(scopes, component):
            raise PermissionDenied()

    def types_with_scope(self, component: str, scope: str) -> dict[str, int] | None:
        """Per type URL the highest vertrouwelijkheid rank readable with ``scope``.

        ``None`` means no restriction (heeftAlleAutorisaties). An empty dict means nothing.
        Used to filter lists in SQL, so counts never include what the caller may not see.
        Worked out once per set of autorisaties: callers must not change the dict.
        """
        if self.authorisations.heeft_alle_autorisaties:
            return None
        return self.authorisations.types_with_scope(component, scope)

    def actor(self, request: HttpRequest | None = None) -> Actor:
        toelichting = audit_toelichting(request.headers.get("X-Audit-Toelichting", "")) if request else ""
        return Actor(
            client_id=self.client_id,
            applicatie_weergave=self.authorisations.label,
            gebruikers_id=self.user_id,
            gebruikers_weergave=self.user_representation,
            toelichting=toelichting,
        )


# runs of percent-encoded bytes outside ASCII: the UTF-8 of characters a header cannot carry
_ENCODED_NON_ASCII = re.compile(r"(?:%[89a-fA-F][0-9a-fA-F])+")


def audit_toelichting(header: str) -> str:
    """The ``X-Audit-Toelichting`` header as text: an HTTP header carries ASCII only, so characters
    beyond it arrive as percent-encoded UTF-8 and are decoded here; a ``%`` followed by anything else
    (``10%``, ``%41``) stays as sent (docs/adr/0053)."""

    def decoded(match: re.Match[str]) -> str:
        try:
            return unquote_to_bytes(match.group(0)).decode("utf-8")
        except UnicodeDecodeError:
            return match.group(0)

    return _ENCODED_NON_ASCII.sub(decoded, header)
