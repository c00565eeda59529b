"""Registers of another deployment, as the Zaken, Besluiten and Documenten registers use them.

One implementation over :mod:`zaakwerk.client` for what the registers ask of each other across
deployments (RULES.md 1.13, zrc-005, brc-005, brc-006, drc-004): read an informatieobject, zaak or
besluit; create and delete the mirror ``objectinformatieobject`` in a Documenten API; link and
unlink a besluit in a Zaken API; check that a relation exists. Each register's interface
(``zaken/registers.py``, ``besluiten/registers.py``) names these classes as its remote
implementation and sets :attr:`error` to its own ``RegisterError``.

Requests carry this deployment's own credentials (RULES.md 1.5: never the consumer's token).
What went wrong is logged in full; the error raised says which API refused, not what lies behind
the URL (docs/adr/0035).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar, cast
from urllib.parse import urlsplit

from zaakwerk.client import ClientError, Http
from zaakwerk.client.errors import service_name
from zaakwerk.client.http import with_params
from zaakwerk.core import prefetch, references
from zaakwerk.core.errors import ValidationError
from zaakwerk.core.references import Shape, shape_fields

logger = logging.getLogger("zaakwerk.registers")

Data = dict[str, Any]
_http = Http()


class RegisterError(Exception):
    """The other register refused a change or could not be reached."""


def read(url: str) -> Data | None:
    """The object at ``url`` as its API renders it; None when not there (no 200)."""
    body, status = references.fetch(url)
    return body if status == 200 else None


def checked(url: str, found: Data | None, shape: Callable[..., Shape], *, field: str, kind: str) -> Shape:
    """``found`` as ``shape`` if it carries the keys ``shape`` requires; ``bad-url`` when nothing was
    found, else ``invalid-resource``."""
    fields, _ = shape_fields(shape)
    if found is None:
        raise ValidationError.single(field, "bad-url", f"De URL {url} resulteerde niet in een HTTP 200.")
    if any(key not in found for key in fields):
        raise ValidationError.single(
            field, "invalid-resource", f"De URL {url} verwijst niet naar een {kind}."
        )
    return cast(Shape, found)


def _items(body: Any) -> list[Data]:
    """The objects of a list answer, paginated (``results``) or not."""
    items = body.get("results") if isinstance(body, dict) else body
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _http_url(value: Any) -> str | None:
    return value if isinstance(value, str) and urlsplit(value).scheme in ("http", "https") else None


class RemoteRegister:
    """Calls to another deployment's API, raising :attr:`error` when it refuses or fails."""

    error: ClassVar[type[RegisterError]] = RegisterError
    in_process = False

    def _call(self, method: str, url: str, expected: tuple[int, ...], **kwargs: Any) -> Any:
        # one text for every failure: unreachable, refused and garbled read the same to the caller
        failed = self.error(f"De {service_name(url)} heeft het verzoek niet uitgevoerd.")
        try:
            reply = _http.send(method, url, **kwargs)
            if reply.status not in expected:
                logger.warning("remote register refused %s %s: HTTP %s", method, url, reply.status)
                raise failed
            return reply.json() if reply.content else None
        except ClientError as exc:
            logger.warning("remote register call failed: %s", exc)
            raise failed from exc

    def _delete_listed(self, list_url: str, params: dict[str, str], keep: Any = None) -> None:
        """DELETE every object the list at ``list_url`` gives (an already deleted one is fine)."""
        for item in _items(self._call("GET", with_params(list_url, params), (200,))):
            url = _http_url(item.get("url"))
            if url is not None and (keep is None or keep(item)):
                self._call("DELETE", url, (204, 404))


class RemoteDocumenten(RemoteRegister):
    """A Documenten API elsewhere: informatieobjecten and their objectinformatieobjecten."""

    def informatieobject(self, url: str) -> Data | None:
        return read(url)

    def _collection(self, informatieobject: str) -> str:
        """``{api root}/objectinformatieobjecten`` of the API that holds ``informatieobject``."""
        marker = "/enkelvoudiginformatieobjecten/"
        if marker not in informatieobject:
            raise self.error(f"{informatieobject} is geen URL van een Documenten API.")
        return informatieobject.split(marker, 1)[0] + "/objectinformatieobjecten"

    def create_objectinformatieobject(self, informatieobject: str, object_url: str, object_type: str) -> None:
        body = {"informatieobject": informatieobject, "object": object_url, "objectType": object_type}
        self._call("POST", self._collection(informatieobject), (201,), json=body)

    def delete_objectinformatieobject(self, informatieobject: str, object_url: str) -> None:
        params = {"informatieobject": informatieobject, "object": object_url}
        self._delete_listed(self._collection(informatieobject), params)


class RemoteZaken(RemoteRegister):
    """A Zaken API elsewhere: zaken and their zaakbesluiten (``{zaak}/besluiten``, brc-006)."""

    def zaak(self, url: str) -> Data | None:
        return read(url)

    def link_besluit(self, zaak: str, besluit: str, actor: Any) -> None:
        self._call("POST", f"{zaak.rstrip('/')}/besluiten", (201,), json={"besluit": besluit})

    def unlink_besluit(self, zaak: str, besluit: str, actor: Any) -> None:
        self._delete_listed(f"{zaak.rstrip('/')}/besluiten", {}, lambda item: item.get("besluit") == besluit)


class RemoteBesluiten(RemoteRegister):
    """A Besluiten API elsewhere: besluiten."""

    def besluit(self, url: str) -> Data | None:
        return read(url)


def _list(url: str) -> references.Fetched:
    """GET a list for :func:`relation_listed`: its objects as ``{"results": [...]}``."""
    try:
        reply = _http.send("GET", url)
        body = reply.json() if reply.status == 200 else None
    except ClientError as exc:
        logger.info("relation list not fetched: %s", exc)
        return None, 0
    return ({"results": _items(body)} if body is not None else None), reply.status


def relation_listed(list_url: str, params: dict[str, str], informatieobject: str) -> bool:
    """drc-004 with the other register elsewhere: whether its list of relations at ``list_url``,
    filtered by ``params``, holds one with ``informatieobject`` (fetched outside any transaction)."""
    body, _ = prefetch.get(with_params(list_url, params), _list)
    return any(item.get("informatieobject") == informatieobject for item in _items(body))
