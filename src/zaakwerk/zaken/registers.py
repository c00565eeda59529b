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
from urllib.parse import urlsplit

import httpx
from django.conf import settings

from zaakwerk.core import references
from zaakwerk.core.errors import ValidationError
from zaakwerk.core.registry import Registry

Data = dict[str, Any]

# What an informatieobject and a besluit must carry to be recognised as one (RULES.md 1.5).
INFORMATIEOBJECT_FIELDS = ("url", "informatieobjecttype")
BESLUIT_FIELDS = ("url", "besluittype")


class RegisterError(Exception):
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

# Tests install an httpx.MockTransport here; None = the network.
remote_transport: httpx.BaseTransport | None = None


def _auth_headers(url: str) -> dict[str, str]:
    """This deployment's own JWT for ``url``: the same provider references.fetch uses."""
    return references.remote_headers(url)


def _client() -> httpx.Client:
    return httpx.Client(timeout=settings.REMOTE_TIMEOUT, follow_redirects=True, transport=remote_transport)


def _read(url: str) -> Data | None:
    body, status = references.fetch(url)
    return body if status == 200 else None


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


class RemoteDocumentenRegister(DocumentenRegister):
    """A Documenten API elsewhere, over HTTP."""

    in_process = False

    def informatieobject(self, url: str) -> Data | None:
        return _read(url)

    @staticmethod
    def _collection(informatieobject: str) -> str:
        """``{api root}/objectinformatieobjecten`` of the API that holds ``informatieobject``."""
        marker = "/enkelvoudiginformatieobjecten/"
        if marker not in informatieobject:
            raise RegisterError(f"{informatieobject} is geen URL van een Documenten API.")
        return informatieobject.split(marker, 1)[0] + "/objectinformatieobjecten"

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        headers = {"Accept": "application/json", **_auth_headers(url)}
        try:
            with _client() as client:
                return client.request(method, url, headers=headers, **kwargs)
        except (httpx.HTTPError, ValueError) as exc:
            raise RegisterError(f"{method} {url} mislukte: {exc}") from exc

    def create_objectinformatieobject(self, informatieobject: str, object_url: str, object_type: str) -> None:
        body = {"informatieobject": informatieobject, "object": object_url, "objectType": object_type}
        response = self._send("POST", self._collection(informatieobject), json=body)
        if response.status_code != 201:
            raise RegisterError(f"De Documenten API weigerde de relatie (HTTP {response.status_code}).")

    def delete_objectinformatieobject(self, informatieobject: str, object_url: str) -> None:
        collection = self._collection(informatieobject)
        found = self._send(
            "GET", collection, params={"informatieobject": informatieobject, "object": object_url}
        )
        if found.status_code != 200:
            raise RegisterError(f"De Documenten API gaf HTTP {found.status_code}.")
        try:
            items = found.json()
        except ValueError as exc:
            raise RegisterError("De Documenten API gaf geen JSON.") from exc
        for item in items if isinstance(items, list) else []:
            url = item.get("url") if isinstance(item, dict) else None
            if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
                continue
            response = self._send("DELETE", url)
            if response.status_code not in (204, 404):
                raise RegisterError(
                    f"De Documenten API weigerde het verwijderen (HTTP {response.status_code})."
                )


class RemoteBesluitenRegister(BesluitenRegister):
    """A Besluiten API elsewhere, over HTTP."""

    def besluit(self, url: str) -> Data | None:
        return _read(url)


def _is_own(url: str) -> bool:
    return url.startswith(settings.PUBLIC_URL)


def documenten(url: str) -> DocumentenRegister:
    """The Documenten register that holds ``url``."""
    ref = references.parse_local(url)
    if ref is not None:
        return local_documenten.find(ref.api) or _Nothing()
    return _Nothing() if _is_own(url) else RemoteDocumentenRegister()


def besluiten(url: str) -> BesluitenRegister:
    """The Besluiten register that holds ``url``."""
    ref = references.parse_local(url)
    if ref is not None:
        return local_besluiten.find(ref.api) or _Nothing()
    return _Nothing() if _is_own(url) else RemoteBesluitenRegister()


def _checked(url: str, found: Data | None, fields: tuple[str, ...], *, field: str, kind: str) -> Data:
    if found is None:
        raise ValidationError.single(field, "bad-url", f"De URL {url} resulteerde niet in een HTTP 200.")
    if any(key not in found for key in fields):
        raise ValidationError.single(
            field, "invalid-resource", f"De URL {url} verwijst niet naar een {kind}."
        )
    return found


def informatieobject(url: str, *, field: str = "informatieobject") -> Data:
    """zrc-003: the informatieobject at ``url``; ``bad-url`` / ``invalid-resource`` otherwise."""
    return _checked(
        url,
        documenten(url).informatieobject(url),
        INFORMATIEOBJECT_FIELDS,
        field=field,
        kind="informatieobject",
    )


def besluit(url: str, *, field: str = "besluit") -> Data:
    """The besluit at ``url``; ``bad-url`` / ``invalid-resource`` otherwise."""
    return _checked(url, besluiten(url).besluit(url), BESLUIT_FIELDS, field=field, kind="besluit")
