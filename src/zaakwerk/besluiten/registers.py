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
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
from django.conf import settings

from zaakwerk.core import references
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ValidationError
from zaakwerk.core.registry import Registry

Data = dict[str, Any]

# What a zaak and an informatieobject must carry to be recognised as one (RULES.md 1.5).
ZAAK_FIELDS = ("url", "zaaktype", "bronorganisatie", "identificatie")
INFORMATIEOBJECT_FIELDS = ("url", "informatieobjecttype")


class RegisterError(Exception):
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

# Tests install an httpx.MockTransport here; None = the network.
remote_transport: httpx.BaseTransport | None = None

NOT_AVAILABLE = "De {} API is in deze installatie niet beschikbaar."


def _read(url: str) -> Data | None:
    body, status = references.fetch(url)
    return body if status == 200 else None


def _send(method: str, url: str, **kwargs: Any) -> httpx.Response:
    headers = {"Accept": "application/json", **references.remote_headers(url)}
    try:
        with httpx.Client(
            timeout=settings.REMOTE_TIMEOUT, follow_redirects=True, transport=remote_transport
        ) as client:
            return client.request(method, url, headers=headers, **kwargs)
    except (httpx.HTTPError, ValueError) as exc:
        raise RegisterError(f"{method} {url} mislukte: {exc}") from exc


def _items(response: httpx.Response) -> list[Data]:
    if response.status_code != 200:
        raise RegisterError(f"De API gaf HTTP {response.status_code}.")
    try:
        items = response.json()
    except ValueError as exc:
        raise RegisterError("De API gaf geen JSON.") from exc
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _delete_each(items: list[Data], matches: Callable[[Data], bool]) -> None:
    for item in items:
        url = item.get("url")
        if not matches(item) or not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            continue
        response = _send("DELETE", url)
        if response.status_code not in (204, 404):
            raise RegisterError(f"De API weigerde het verwijderen (HTTP {response.status_code}).")


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


class RemoteZakenRegister(ZakenRegister):
    """A Zaken API elsewhere: ``POST/DELETE {zaak}/besluiten`` (brc-006)."""

    in_process = False

    def zaak(self, url: str) -> Data | None:
        return _read(url)

    def link_besluit(self, zaak: str, besluit: str, actor: Actor) -> None:
        response = _send("POST", f"{zaak.rstrip('/')}/besluiten", json={"besluit": besluit})
        if response.status_code != 201:
            raise RegisterError(f"De Zaken API weigerde de relatie (HTTP {response.status_code}).")

    def unlink_besluit(self, zaak: str, besluit: str, actor: Actor) -> None:
        items = _items(_send("GET", f"{zaak.rstrip('/')}/besluiten"))
        _delete_each(items, lambda item: item.get("besluit") == besluit)


class RemoteDocumentenRegister(DocumentenRegister):
    """A Documenten API elsewhere, over HTTP (brc-005)."""

    in_process = False

    def informatieobject(self, url: str) -> Data | None:
        return _read(url)

    @staticmethod
    def _collection(informatieobject: str) -> str:
        marker = "/enkelvoudiginformatieobjecten/"
        if marker not in informatieobject:
            raise RegisterError(f"{informatieobject} is geen URL van een Documenten API.")
        return informatieobject.split(marker, 1)[0] + "/objectinformatieobjecten"

    def create_objectinformatieobject(self, informatieobject: str, object_url: str, object_type: str) -> None:
        body = {"informatieobject": informatieobject, "object": object_url, "objectType": object_type}
        response = _send("POST", self._collection(informatieobject), json=body)
        if response.status_code != 201:
            raise RegisterError(f"De Documenten API weigerde de relatie (HTTP {response.status_code}).")

    def delete_objectinformatieobject(self, informatieobject: str, object_url: str) -> None:
        params = {"informatieobject": informatieobject, "object": object_url}
        items = _items(_send("GET", self._collection(informatieobject), params=params))
        _delete_each(items, lambda item: True)


def _is_own(url: str) -> bool:
    return url.startswith(settings.PUBLIC_URL)


def zaken(url: str) -> ZakenRegister:
    """The Zaken register that holds ``url``."""
    ref = references.parse_local(url)
    if ref is not None:
        return local_zaken.find(ref.api) or _Nothing()
    return _Nothing() if _is_own(url) else RemoteZakenRegister()


def documenten(url: str) -> DocumentenRegister:
    """The Documenten register that holds ``url``."""
    ref = references.parse_local(url)
    if ref is not None:
        return local_documenten.find(ref.api) or _Nothing()
    return _Nothing() if _is_own(url) else RemoteDocumentenRegister()


def _checked(url: str, found: Data | None, fields: tuple[str, ...], *, field: str, kind: str) -> Data:
    if found is None:
        raise ValidationError.single(field, "bad-url", f"De URL {url} resulteerde niet in een HTTP 200.")
    if any(key not in found for key in fields):
        raise ValidationError.single(
            field, "invalid-resource", f"De URL {url} verwijst niet naar een {kind}."
        )
    return found


def zaak(url: str, *, field: str = "zaak") -> Data:
    """The zaak at ``url``; ``bad-url`` / ``invalid-resource`` otherwise."""
    return _checked(url, zaken(url).zaak(url), ZAAK_FIELDS, field=field, kind="zaak")


def informatieobject(url: str, *, field: str = "informatieobject") -> Data:
    """brc-003: the informatieobject at ``url``; ``bad-url`` / ``invalid-resource`` otherwise."""
    return _checked(
        url,
        documenten(url).informatieobject(url),
        INFORMATIEOBJECT_FIELDS,
        field=field,
        kind="informatieobject",
    )
