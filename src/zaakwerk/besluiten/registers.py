"""Typed interfaces to the registers the Besluiten register talks to (DESIGN.md rule 1, STYLE.md 6).

The Besluiten register keeps the Zaken register's zaakbesluiten (brc-006) and the Documenten
register's ``objectinformatieobjecten`` (brc-005) in step with its own besluiten and
besluitinformatieobjecten. It does so only through :class:`ZakenRegister` and
:class:`DocumentenRegister`:

- a URL of another deployment goes to the remote implementation, over HTTP with this
  deployment's own credentials (RULES.md 1.5: never the consumer's token);
- a URL of this deployment goes to the local implementation that the composition root
  (:mod:`zaakwerk.wiring`; this package never imports another register) registered in
  :data:`local_zaken` / :data:`local_documenten` for the URL's API. A URL of another API of this
  deployment is never a zaak or informatieobject. A process in which they were not registered
  refuses (``NotConnected``, docs/adr/0041).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from zaakwerk.client.transport import is_local
from zaakwerk.core import references, remote_registers
from zaakwerk.core.actor import Actor
from zaakwerk.core.registry import Registry
from zaakwerk.core.summaries import InformatieobjectSummary, ZaakSummary

Data = dict[str, Any]


class RegisterError(remote_registers.RegisterError):
    """The other register refused a change or could not be reached."""


class ZakenRegister(ABC):
    """The Zaken API as the Besluiten register needs it."""

    #: True when calls run in this process and this database transaction (a later failure rolls
    #: them back). A remote register commits on its own and reads the besluit back over HTTP.
    in_process: bool = True

    @abstractmethod
    def zaak(self, url: str) -> Data | None:
        """The zaak at ``url`` as its API renders it; None when not there (no 200)."""

    @abstractmethod
    def link_besluit(self, zaak: str, besluit: str, actor: Actor) -> None:
        """Record that ``besluit`` is about ``zaak`` (a zaakbesluit); RegisterError if refused."""

    @abstractmethod
    def unlink_besluit(self, zaak: str, besluit: str, actor: Actor) -> None:
        """Remove the zaakbesluit of (zaak, besluit) if there is one; RegisterError if refused."""


class DocumentenRegister(ABC):
    """The Documenten API as the Besluiten register needs it."""

    in_process: bool = True

    @abstractmethod
    def informatieobject(self, url: str) -> Data | None:
        """The informatieobject at ``url`` as its API renders it; None when not there (no 200)."""

    def informatieobject_summary(self, url: str) -> Data | None:
        """At least the ``url`` and ``informatieobjecttype`` of the informatieobject at ``url``
        (:class:`InformatieobjectSummary`); a register that can reads only those."""
        return self.informatieobject(url)

    @abstractmethod
    def create_objectinformatieobject(self, informatieobject: str, object_url: str, object_type: str) -> None:
        """Create the mirror ``{informatieobject, object, objectType}``; RegisterError if refused."""

    @abstractmethod
    def delete_objectinformatieobject(self, informatieobject: str, object_url: str) -> None:
        """Delete the mirror of (informatieobject, object) if it exists; RegisterError if refused."""


local_zaken: Registry[ZakenRegister] = Registry("besluiten: Zaken register", required=("zaken",))
local_documenten: Registry[DocumentenRegister] = Registry(
    "besluiten: Documenten register", required=("documenten",)
)

NOT_AVAILABLE = "De {} API is in deze installatie niet beschikbaar."
_read = remote_registers.read


class _Nothing(ZakenRegister, DocumentenRegister):
    """A local URL of another API: nothing can be changed there, and what can be read
    (another kind of resource of this deployment) is never a zaak or informatieobject."""

    def zaak(self, url: str) -> Data | None:
        return _read(url)

    def informatieobject(self, url: str) -> Data | None:
        return _read(url)

    def link_besluit(self, zaak: str, besluit: str, actor: Actor) -> None:
        raise RegisterError(NOT_AVAILABLE.format("Zaken"))

    def unlink_besluit(self, zaak: str, besluit: str, actor: Actor) -> None:
        raise RegisterError(NOT_AVAILABLE.format("Zaken"))

    def create_objectinformatieobject(self, informatieobject: str, object_url: str, object_type: str) -> None:
        raise RegisterError(NOT_AVAILABLE.format("Documenten"))

    def delete_objectinformatieobject(self, informatieobject: str, object_url: str) -> None:
        raise RegisterError(NOT_AVAILABLE.format("Documenten"))


class RemoteZakenRegister(remote_registers.RemoteZaken, ZakenRegister):
    """A Zaken API elsewhere: ``POST/DELETE {zaak}/besluiten`` (brc-006)."""

    error = RegisterError


class RemoteDocumentenRegister(remote_registers.RemoteDocumenten, DocumentenRegister):
    """A Documenten API elsewhere, over HTTP (brc-005)."""

    error = RegisterError


def zaken(url: str) -> ZakenRegister:
    """The Zaken register that holds ``url``."""
    ref = references.parse_local(url)
    if ref is not None:
        return local_zaken.find(ref.api) or _Nothing()
    return _Nothing() if is_local(url) else RemoteZakenRegister()


def documenten(url: str) -> DocumentenRegister:
    """The Documenten register that holds ``url``."""
    ref = references.parse_local(url)
    if ref is not None:
        return local_documenten.find(ref.api) or _Nothing()
    return _Nothing() if is_local(url) else RemoteDocumentenRegister()


_checked = remote_registers.checked


def zaak(url: str, *, field: str = "zaak") -> ZaakSummary:
    """The zaak at ``url``; ``bad-url`` / ``invalid-resource`` otherwise (what it must carry to be
    recognised as one, RULES.md 1.5: the keys the summary requires)."""
    return _checked(url, zaken(url).zaak(url), ZaakSummary, field=field, kind="zaak")


def informatieobject(url: str, *, field: str = "informatieobject") -> InformatieobjectSummary:
    """brc-003: the informatieobject at ``url``; ``bad-url`` / ``invalid-resource`` otherwise."""
    found = documenten(url).informatieobject_summary(url)
    return _checked(url, found, InformatieobjectSummary, field=field, kind="informatieobject")
