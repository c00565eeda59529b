"""The one plug-in mechanism of Zaakwerk (STYLE.md 6, docs/adr/0041).

A package that needs something it may not import — a register's view of another register, the
loaders that resolve URLs of this deployment in-process, the check whether a catalogue type is
still in use, the API layer's credential store — declares a :class:`Registry` of a typed contract
(a base class or protocol whose docstrings say what an implementation must do) and looks the
implementation up by key when it needs it. It never fills the registry itself: the composition
root, :mod:`zaakwerk.wiring`, registers every implementation when the process starts
(``registry.register("documenten")(implementation)``) and then calls :func:`mark_connected`.

A missing connection refuses, it never allows:

- a registry names the keys a connected process must have (``required``); :func:`mark_connected`
  raises :class:`NotConnected` when one is missing, so such a process does not start;
- every lookup raises :class:`NotConnected` while the composition root has not run in this
  process (settings without ``zaakwerk.wiring``), instead of answering "nothing there";
- :meth:`Registry.get` raises it for a key nothing is registered for. :meth:`Registry.find` is for
  keys taken from input (the API segment of a URL): None there means "not a thing this deployment
  has", an answer for the caller to turn into the standard's error.

Tests put a stand-in in place with :meth:`Registry.replaced`; afterwards exactly what was there
before is back.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")

COMPOSITION_ROOT = "zaakwerk.wiring"


class NotConnected(RuntimeError):
    """This process lacks a connection it needs: a fault of the deployment, never of the input."""


class AlreadyRegistered(RuntimeError):
    """Two different implementations for one key: the composition root would silently pick one."""


_registries: weakref.WeakSet[Registry[Any]] = weakref.WeakSet()
_connected = threading.Event()


class Registry(Generic[T]):
    """Implementations of one contract, by key, registered by the composition root.

    ``name`` says in errors and logs what the registry holds; ``required`` are the keys a connected
    process must have registered.
    """

    def __init__(self, name: str, *, required: Iterable[str] = ()) -> None:
        self.name = name
        self.required = tuple(required)
        self._entries: dict[str, T] = {}
        _registries.add(self)

    def register(self, key: str) -> Callable[[T], T]:
        """Decorator: register ``implementation`` under ``key``.

        Registering the same implementation again changes nothing; a different one for a key that
        already has one raises :class:`AlreadyRegistered`.
        """

        def decorate(implementation: T) -> T:
            present = self._entries.get(key)
            if present is not None and present is not implementation:
                raise AlreadyRegistered(f"{self.name}: {key!r} is already registered ({present!r}).")
            self._entries[key] = implementation
            return implementation

        return decorate

    def get(self, key: str) -> T:
        """The implementation for ``key``; :class:`NotConnected` when there is none."""
        found = self.find(key)
        if found is None:
            raise NotConnected(
                f"{self.name}: nothing is registered for {key!r} in this process; "
                f"{COMPOSITION_ROOT} connects it at start-up."
            )
        return found

    def find(self, key: str) -> T | None:
        """The implementation for ``key``, or None when this deployment has none for it."""
        require_connected()
        return self._entries.get(key)

    def items(self) -> list[tuple[str, T]]:
        """Every registered (key, implementation), by key."""
        require_connected()
        return sorted(self._entries.items(), key=lambda item: item[0])

    def missing(self) -> list[str]:
        """The required keys that have nothing registered."""
        return [key for key in self.required if key not in self._entries]

    def describe(self) -> str:
        """``name: key, key, …`` — what is connected, for the start-up log."""
        return f"{self.name}: {', '.join(sorted(self._entries)) or '-'}"

    @contextmanager
    def replaced(self, key: str, implementation: T) -> Iterator[None]:
        """Use ``implementation`` for ``key`` inside the block (a stand-in in a test)."""
        before = self._entries.get(key)
        self._entries[key] = implementation
        try:
            yield
        finally:
            if before is None:
                self._entries.pop(key, None)
            else:
                self._entries[key] = before


def registries() -> list[Registry[Any]]:
    """Every registry of this process, by name."""
    return sorted(_registries, key=lambda registry: registry.name)


def mark_connected() -> None:
    """Declare the composition root done; :class:`NotConnected` if a required key is missing."""
    missing = [f"{r.name}: {', '.join(r.missing())}" for r in registries() if r.missing()]
    if missing:
        raise NotConnected(f"{COMPOSITION_ROOT} left connections out: {'; '.join(missing)}.")
    _connected.set()


def is_connected() -> bool:
    return _connected.is_set()


def require_connected() -> None:
    """:class:`NotConnected` unless the composition root has run in this process."""
    if not _connected.is_set():
        raise NotConnected(
            f"The registers of this process are not connected: the composition root "
            f"({COMPOSITION_ROOT}, an installed app whose ready() connects them) has not run. "
            f"Add {COMPOSITION_ROOT!r} to INSTALLED_APPS."
        )
