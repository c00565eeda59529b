"""The credential store the JWT layer uses: secrets and authorisations from this register,
cached per process and invalidated by :class:`AuthorisationsGeneration`."""

from __future__ import annotations

import threading

from zaakwerk.api.auth import Authorisations
from zaakwerk.api.auth import Autorisatie as GrantedAutorisatie
from zaakwerk.autorisaties.models import ApiClient, AuthorisationsGeneration, ClientId


class DatabaseCredentialStore:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation = -1
        self._secrets: dict[str, str] = {}
        self._authorisations: dict[str, Authorisations | None] = {}

    def _fresh(self) -> None:
        generation = AuthorisationsGeneration.current()
        if generation != self._generation:
            with self._lock:
                self._secrets = {}
                self._authorisations = {}
                self._generation = generation

    def secret_for(self, client_id: str) -> str | None:
        self._fresh()
        if client_id in self._secrets:
            return self._secrets[client_id]
        client = ApiClient.objects.filter(client_id=client_id).first()
        secret = client.get_secret() if client else None
        if secret is not None:
            # Misses are not cached: anyone can send tokens with made-up client ids, and the
            # cache must not grow with them.
            self._secrets[client_id] = secret
        return secret

    def authorisations_for(self, client_id: str) -> Authorisations | None:
        # secret_for ran just before in the same request and refreshed the generation
        if client_id not in self._authorisations:
            self._authorisations[client_id] = load_authorisations(client_id)
        return self._authorisations[client_id]


def load_authorisations(client_id: str) -> Authorisations | None:
    link = ClientId.objects.select_related("applicatie").filter(client_id=client_id).first()
    if link is None:
        return None
    applicatie = link.applicatie
    return Authorisations(
        label=applicatie.label,
        heeft_alle_autorisaties=applicatie.heeft_alle_autorisaties,
        alleen_is_gereed_voor_publicatie=applicatie.alleen_is_gereed_voor_publicatie,
        autorisaties=tuple(
            GrantedAutorisatie(
                component=a.component,
                scopes=frozenset(a.scopes),
                type_url=a.type_url,
                max_vertrouwelijkheidaanduiding=a.max_vertrouwelijkheidaanduiding,
            )
            for a in applicatie.autorisaties.all()
        ),
    )
