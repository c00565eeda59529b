"""The credential store the JWT layer uses: secrets and authorisations from this register,
cached per process and invalidated by :class:`AuthorisationsGeneration`.

Every request reads the generation (one indexed row) and uses the cache of exactly that
generation. A request that this deployment makes to its own APIs while handling another (an
application's page calling the registers in-process) uses the generation its outermost request
read first (:func:`one_generation`, docs/adr/0101): a page that makes ten API requests reads it
once, and a change of autorisaties applies from the next page on. Whatever a request loads is
stored in the cache of the generation it read *before* loading, so data read around a concurrent
change can only land in a cache that the next request already discards; a stale secret or
authorisation never outlives the (outermost) request that read it. The Fernet decryption of a
secret and the joins for the authorisations run once per client id and generation, not per
request.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import connection

from zaakwerk.autorisaties.models import ApiClient, AuthorisationsGeneration, ClientId
from zaakwerk.core.caller import Authorisations, Credentials
from zaakwerk.core.caller import Autorisatie as GrantedAutorisatie


@dataclass
class _Cache:
    generation: int
    credentials: dict[str, Credentials] = field(default_factory=dict)


# The generation the outermost request read, once it read one: [generation], or [] before.
# None outside a request (commands, workers): then every lookup reads it.
_request_generation: ContextVar[list[int] | None] = ContextVar("zaakwerk_generation", default=None)


@contextmanager
def one_generation() -> Iterator[None]:
    """Within the block, the generation is read at most once; a block inside another one (a
    request made in-process while another is handled) uses the outer block's."""
    if _request_generation.get() is not None:
        yield
        return
    token = _request_generation.set([])
    try:
        yield
    finally:
        _request_generation.reset(token)


def _generation() -> int:
    read = _request_generation.get()
    if read:
        return read[0]
    generation = current_generation()
    if read is not None:
        read.append(generation)
    return generation


class DatabaseCredentialStore:
    def __init__(self) -> None:
        self._cache = _Cache(generation=-1)

    def _current(self) -> _Cache:
        generation = _generation()
        cache = self._cache
        if cache.generation != generation:
            # Replacing the reference is atomic; concurrent requests that read another
            # generation keep using (and filling) their own cache object.
            cache = _Cache(generation=generation)
            self._cache = cache
        return cache

    def credentials_for(self, client_id: str) -> Credentials | None:
        cache = self._current()
        found = cache.credentials.get(client_id)
        if found is None:
            found = load_credentials(client_id)
            if found is not None:
                # Misses are not cached: anyone can send tokens with made-up client ids, and the
                # cache must not grow with them.
                cache.credentials[client_id] = found
        return found


def current_generation() -> int:
    """The current :class:`AuthorisationsGeneration`, read on every authenticated request.

    A plain statement rather than a queryset: building the ORM query cost more than running it.
    """
    q = connection.ops.quote_name
    table = q(AuthorisationsGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {q('generation')} FROM {table} WHERE {q('id')} = %s", [1])
        row = cursor.fetchone()
    return int(row[0]) if row is not None and row[0] else 0


def load_credentials(client_id: str) -> Credentials | None:
    """The secret and authorisations of ``client_id``; None without a usable secret."""
    client = ApiClient.objects.filter(client_id=client_id).first()
    secret = client.get_secret() if client is not None else None
    if secret is None:
        return None
    return Credentials(secret=secret, authorisations=load_authorisations(client_id))


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
