"""Where document contents live: one typed interface, two backends (STYLE.md 6, DESIGN.md "Technology").

``local`` keeps files under ``ZAAKWERK_DATA_DIR/documenten``; ``s3`` uses S3-compatible object
storage through django-storages. ``ZAAKWERK_DOCUMENT_STORAGE`` selects one of :data:`backends`,
which the composition root (:mod:`zaakwerk.wiring`) fills at start-up.

Contents never exist half-way (DESIGN.md "Nothing lost"): an upload is streamed in chunks to a
*temporary* name while its checksum is computed; only when the database transaction that refers
to it commits is it published under its final name (``transaction.on_commit``). When the
transaction fails, :func:`staging` removes what it staged; a crash between the two leaves a
temporary file that :func:`cleanup` publishes (its row exists) or removes (it does not).
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import uuid as uuid_lib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import IO, Any

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, Storage
from django.db import transaction

from zaakwerk.core.registry import Registry

CHUNK_SIZE = 64 * 1024
TEMP_PREFIX = "tmp/"
FINAL_PREFIX = "inhoud/"


@dataclass(frozen=True)
class Stored:
    """A staged upload: the final name it will get, its size and SHA-256."""

    naam: str
    omvang: int
    sha256: str


class ContentStorage(ABC):
    """The contract of a content backend. Names are relative, ``/``-separated."""

    @abstractmethod
    def write(self, name: str, chunks: Iterable[bytes]) -> None:
        """Write ``chunks`` to ``name`` (new or replaced), without holding the whole file in memory."""

    @abstractmethod
    def open(self, name: str) -> IO[bytes]:
        """Open ``name`` for reading in binary mode; FileNotFoundError when absent."""

    @abstractmethod
    def move(self, source: str, target: str) -> None:
        """Give ``source`` the name ``target`` (atomically where the backend can)."""

    @abstractmethod
    def delete(self, name: str) -> None:
        """Remove ``name``; nothing happens when it is absent."""

    @abstractmethod
    def exists(self, name: str) -> bool:
        """True when ``name`` is stored."""

    @abstractmethod
    def listing(self, prefix: str) -> list[tuple[str, datetime]]:
        """Every name under ``prefix`` with its modification time (UTC)."""


class DjangoStorage(ContentStorage):
    """A backend on a Django ``Storage`` (the file system, or django-storages' S3)."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    def write(self, name: str, chunks: Iterable[bytes]) -> None:
        self.delete(name)
        reader: Any = _ChunkReader(chunks)  # file-like enough for Storage.save: it only reads
        self.storage.save(name, File(reader, name=name))

    def open(self, name: str) -> IO[bytes]:
        if not self.storage.exists(name):
            raise FileNotFoundError(name)
        handle: IO[bytes] = self.storage.open(name, "rb")
        return handle

    def move(self, source: str, target: str) -> None:
        with self.open(source) as handle:
            self.write(target, iter(lambda: handle.read(CHUNK_SIZE), b""))
        self.delete(source)

    def delete(self, name: str) -> None:
        if self.storage.exists(name):
            self.storage.delete(name)

    def exists(self, name: str) -> bool:
        return bool(self.storage.exists(name))

    def listing(self, prefix: str) -> list[tuple[str, datetime]]:
        found: list[tuple[str, datetime]] = []
        directory = prefix.rstrip("/")
        try:
            _, files = self.storage.listdir(directory)
        except FileNotFoundError:
            return []
        for file_name in files:
            name = f"{directory}/{file_name}"
            found.append((name, self.storage.get_modified_time(name).astimezone(UTC)))
        return found


class LocalStorage(DjangoStorage):
    """Files under ``ZAAKWERK_DATA_DIR/documenten``; publishing is an atomic rename."""

    def __init__(self) -> None:
        super().__init__(FileSystemStorage(location=str(settings.DATA_DIR / "documenten")))

    def move(self, source: str, target: str) -> None:
        import os

        storage = self.storage
        target_path = storage.path(target)
        os.makedirs(os.path.dirname(target_path), exist_ok=True)
        os.replace(storage.path(source), target_path)


def s3_storage() -> ContentStorage:
    """S3-compatible object storage configured by the ``ZAAKWERK_DOCUMENT_S3_*`` settings."""
    from storages.backends.s3 import S3Storage

    return DjangoStorage(
        S3Storage(
            bucket_name=settings.DOCUMENT_S3_BUCKET,
            endpoint_url=settings.DOCUMENT_S3_ENDPOINT_URL or None,
            region_name=settings.DOCUMENT_S3_REGION or None,
            access_key=settings.DOCUMENT_S3_ACCESS_KEY or None,
            secret_key=settings.DOCUMENT_S3_SECRET_KEY or None,
            file_overwrite=True,
        )
    )


class _ChunkReader:
    """A read-only file object over an iterator of chunks, for ``Storage.save``."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data


#: What makes a backend: a :class:`ContentStorage` subclass or a function that returns one.
BackendFactory = Callable[[], ContentStorage]
#: The backends by the value of ZAAKWERK_DOCUMENT_STORAGE that selects them.
backends: Registry[BackendFactory] = Registry("document storage backends", required=("local", "s3"))

_current: dict[str, ContentStorage] = {}


def backend() -> ContentStorage:
    """The configured backend (one instance per process and setting)."""
    name = settings.DOCUMENT_STORAGE
    found = _current.get(name)
    if found is None:
        factory = backends.find(name)
        if factory is None:
            choices = [key for key, _ in backends.items()]
            raise RuntimeError(f"Unknown ZAAKWERK_DOCUMENT_STORAGE {name!r}; choose one of {choices}.")
        found = _current[name] = factory()
    return found


def reset() -> None:
    """Forget the backend instance (after the settings changed)."""
    _current.clear()


def temporary_name(final: str) -> str:
    return TEMP_PREFIX + final.removeprefix(FINAL_PREFIX)


def final_name(temporary: str) -> str:
    return FINAL_PREFIX + temporary.removeprefix(TEMP_PREFIX)


_staged: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("staged", default=None)


@contextlib.contextmanager
def staging() -> Iterator[None]:
    """A transaction that may stage contents: on failure, what it staged is removed at once."""
    staged: list[str] = []
    token = _staged.set(staged)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for name in staged:
            backend().delete(name)
        raise
    finally:
        _staged.reset(token)


def stage(chunks: Iterable[bytes]) -> Stored:
    """Stream ``chunks`` to a temporary name; published under ``naam`` when the transaction commits.

    Call inside :func:`staging` (or another transaction: then a failure leaves the temporary
    file for :func:`cleanup`).
    """
    final = f"{FINAL_PREFIX}{uuid_lib.uuid4().hex}"
    temporary = temporary_name(final)
    digest = hashlib.sha256()
    size = 0

    def counted() -> Iterator[bytes]:
        nonlocal size
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            yield chunk

    store = backend()
    staged = _staged.get()
    if staged is not None:
        staged.append(temporary)
    try:
        store.write(temporary, counted())
    except BaseException:
        store.delete(temporary)
        raise
    transaction.on_commit(lambda: store.move(temporary, final))
    return Stored(naam=final, omvang=size, sha256=digest.hexdigest())


def discard_on_commit(name: str) -> None:
    """Remove a published file once the transaction that stopped using it commits."""
    transaction.on_commit(lambda: backend().delete(name))


def read_chunks(name: str) -> Iterator[bytes]:
    """The content of ``name`` in chunks, closing the file at the end."""
    with backend().open(name) as handle:
        while chunk := handle.read(CHUNK_SIZE):
            yield chunk


def cleanup(*, older_than: timedelta | None = None, known: Callable[[str], bool]) -> list[str]:
    """Bring the storage in line with the database; safe to run at any time, and repeatedly.

    A temporary file older than ``older_than`` is published when ``known(final name)`` (its
    transaction committed but publishing did not happen), else removed (its transaction never
    committed). A final file that is not ``known`` is removed. Returns the names removed.
    """
    age = older_than if older_than is not None else timedelta(seconds=settings.DOCUMENT_UPLOAD_MAX_AGE)
    limit = datetime.now(UTC) - age
    store = backend()
    removed: list[str] = []
    for name, modified in store.listing(TEMP_PREFIX):
        if modified > limit:
            continue  # possibly a transaction still running
        final = final_name(name)
        if known(final):
            store.move(name, final)
        else:
            store.delete(name)
            removed.append(name)
    for name, modified in store.listing(FINAL_PREFIX):
        if modified <= limit and not known(name):
            store.delete(name)
            removed.append(name)
    return removed
