"""Typed interfaces to the registers the Zaken register talks to (DESIGN.md rule 1, STYLE.md 6).

The Zaken register reads informatieobjecten and besluiten, and keeps the Documenten register's
``objectinformatieobjecten`` in step with its zaakinformatieobjecten (RULES.md 1.13, zrc-005).
It does so only through :class:`DocumentenRegister` and :class:`BesluitenRegister`:

- a URL of another deployment goes to the remote implementation, over HTTP with this
  deployment's own credentials (RULES.md 1.5: never the consumer's token);
- a URL of this deployment goes to the local implementation that the composition root
  (:mod:`zaakwerk.wiring`) registered in :data:`local_documenten` / :data:`local_besluiten` for
  the URL's API. A URL of another API of this deployment is never an informatieobject or besluit.
  A process in which they were not registered refuses (``NotConnected``, docs/adr/0041).

Which one is used is decided by the URL alone (:func:`zaakwerk.core.references.parse_local`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from zaakwerk.client.transport import is_local
from zaakwerk.core import references, remote_registers
from zaakwerk.core.registry import Registry
from zaakwerk.core.summaries import BesluitSummary, InformatieobjectSummary

Data = dict[str, Any]


class RegisterError(remote_registers.RegisterError):
    """The other register refused a change or could not be reached."""


class DocumentenRegister(ABC):
    """The Documenten API as the Zaken register needs it."""

    #: True when calls run in this process and this database transaction: a failure later in
    #: the same service function rolls them back. A remote register commits on its own, and
    #: checks (drc-004) that the relation it mirrors already exists here.
    in_process: bool = True

    @abstractmethod
    def informatieobject(self, url: str) -> Data | None:
        """The informatieobject at ``url`` as its API renders it; None when not there (no 200)."""

    def informatieobject_summary(self, url: str) -> Data | None:
        """At least the ``url`` and ``informatieobjecttype`` of the informatieobject at ``url``
        (:class:`InformatieobjectSummary`); a register that can reads only those."""
        return self.informatieobject(url)

    def informatieobjecten(self, urls: list[str]) -> dict[str, Data | None]:
        """:meth:`informatieobject` of each of ``urls``; a register that can, reads them together."""
        return {url: self.informatieobject(url) for url in urls}

    @abstractmethod
    def create_objectinformatieobject(self, informatieobject: str, object_url: str, object_type: str) -> None:
        """Create the mirror ``{informatieobject, object, objectType}``; raise RegisterError if refused."""

    @abstractmethod
    def delete_objectinformatieobject(self, informatieobject: str, object_url: str) -> None:
        """Delete the mirror of (informatieobject, object) if it exists; RegisterError if refused."""


class BesluitenRegister(ABC):
    """The Besluiten API as the Zaken register needs it."""

    @abstractmethod
    def besluit(self, url: str) -> Data | None:
        """The besluit at ``url`` as its API renders it; None when not there (no 200)."""


local_documenten: Registry[DocumentenRegister] = Registry(
    "zaken: Documenten register", required=("documenten",)
)
local_besluiten: Registry[BesluitenRegister] = Registry("zaken: Besluiten register", required=("besluiten",))

_read = remote_registers.read


class _Nothing(DocumentenRegister, BesluitenRegister):
    """A local URL of another API: nothing can be changed there, and what can be read
    (another kind of resource of this deployment) is never an informatieobject or besluit."""

    def informatieobject(self, url: str) -> Data | None:
        return _read(url)

    def besluit(self, url: str) -> Data | None:
        return _read(url)

    def create_objectinformatieobject(self, informatieobject: str, object_url: str, object_type: str) -> None:
        raise RegisterError("De Documenten API is in deze installatie niet beschikbaar.")

    def delete_objectinformatieobject(self, informatieobject: str, object_url: str) -> None:
        raise RegisterError("De Documenten API is in deze installatie niet beschikbaar.")


class RemoteDocumentenRegister(remote_registers.RemoteDocumenten, DocumentenRegister):
    """A Documenten API elsewhere, over HTTP."""

    error = RegisterError


class RemoteBesluitenRegister(remote_registers.RemoteBesluiten, BesluitenRegister):
    """A Besluiten API elsewhere, over HTTP."""

    error = RegisterError


def documenten(url: str) -> DocumentenRegister:
    """The Documenten register that holds ``url``."""
    ref = references.parse_local(url)
    if ref is not None:
        return local_documenten.find(ref.api) or _Nothing()
    return _Nothing() if is_local(url) else RemoteDocumentenRegister()


def besluiten(url: str) -> BesluitenRegister:
    """The Besluiten register that holds ``url``."""
    ref = references.parse_local(url)
    if ref is not None:
        return local_besluiten.find(ref.api) or _Nothing()
    return _Nothing() if is_local(url) else RemoteBesluitenRegister()


_checked = remote_registers.checked


def informatieobject(url: str, *, field: str = "informatieobject") -> InformatieobjectSummary:
    """zrc-003: the informatieobject at ``url``; ``bad-url`` / ``invalid-resource`` otherwise (what
    it must carry to be recognised as one, RULES.md 1.5: the keys the summary requires)."""
    found = documenten(url).informatieobject_summary(url)
    return _checked(url, found, InformatieobjectSummary, field=field, kind="informatieobject")


def besluit(url: str, *, field: str = "besluit") -> BesluitSummary:
    """The besluit at ``url``; ``bad-url`` / ``invalid-resource`` otherwise."""
    return _checked(url, besluiten(url).besluit(url), BesluitSummary, field=field, kind="besluit")
