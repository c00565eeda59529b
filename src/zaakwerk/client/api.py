"""The typed ZGW client for applications (DESIGN.md rule 2).

    client = ZGWClient.for_deployment(ClientCredentials("werkplek", secret))
    for zaak in client.zaken.zaken.list(zaaktype=url):
        status = client.zaken.statussen.get(zaak.status, expand=["statustype"])

It speaks only the ZGW APIs, so the same code works against this deployment (in-process) and
against any other conformant deployment (over HTTP): give it that deployment's API roots.
Lists iterate over every page; ``expand`` fills ``.expanded``; a refused request raises
:class:`~zaakwerk.client.errors.HTTPStatusError` with the API's error body.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import quote

from django.conf import settings

from zaakwerk.client import models
from zaakwerk.client.auth import Auth
from zaakwerk.client.errors import HTTPStatusError, InvalidResponse
from zaakwerk.client.http import Http, Params, parsed
from zaakwerk.client.urls import same_origin

M = TypeVar("M", bound=models.Resource)
Body = Mapping[str, Any] | models.Resource
#: An API's root URL (``…/zaken/api/v1``) per API name
Roots = Mapping[str, str]
APIS = ("zaken", "documenten", "besluiten", "catalogi")
AUDIT_HEADER = "X-Audit-Toelichting"


def audit_header(toelichting: str) -> str:
    """``toelichting`` as a header value: one line of ASCII, each other character as its
    percent-encoded UTF-8 bytes (``coördinator`` → ``co%C3%B6rdinator``), which the registers decode
    again (``core.caller.audit_toelichting``, docs/adr/0053)."""
    line = " ".join(toelichting.split())
    return "".join(char if char.isascii() else quote(char) for char in line)


def _body(data: Body) -> dict[str, Any]:
    return data.as_json() if isinstance(data, models.Resource) else dict(data)


@dataclass(frozen=True)
class Page(Generic[M]):
    count: int | None
    next: str | None
    results: list[M]


class Collection(Generic[M]):
    """One resource collection (``{root}/{path}``) and the standard operations on it."""

    def __init__(
        self, http: Http, root: str, path: str, model: type[M], headers: Mapping[str, str] | None = None
    ) -> None:
        self.http = http
        self.url = f"{root.rstrip('/')}/{path}"
        self.model = model
        self.headers = dict(headers or {})

    def _one(self, data: Any, url: str) -> M:
        if not isinstance(data, dict):
            raise InvalidResponse("GET", url, "het antwoord is geen object")
        return self.model.model_validate(data)

    def _page(self, data: Any, url: str) -> Page[M]:
        if isinstance(data, list):  # an unpaginated list (e.g. zaakinformatieobjecten)
            return Page(len(data), None, [self._one(item, url) for item in data])
        if not isinstance(data, dict) or not isinstance(data.get("results"), list):
            raise InvalidResponse("GET", url, "het antwoord is geen lijst")
        following = data.get("next")
        if isinstance(following, str) and not same_origin(following, url):
            raise InvalidResponse("GET", url, "de volgende pagina ligt bij een andere host")
        count = data.get("count")
        return Page(
            count if isinstance(count, int) else None,
            following if isinstance(following, str) and following else None,
            [self._one(item, url) for item in data["results"]],
        )

    def page(self, **params: Any) -> Page[M]:
        """One page of the list (``page=2`` for the second), filtered by ``params``."""
        return self._page(self._request("GET", self.url, params=_params(params)), self.url)

    def list(self, **params: Any) -> Iterator[M]:
        """Every object of the list, page after page, filtered by ``params``."""
        current: Page[M] = self.page(**params)
        yield from current.results
        while current.next:
            current = self._page(self._request("GET", current.next), current.next)
            yield from current.results

    def get(self, url: str, *, expand: Iterable[str] = ()) -> M:
        """The object at ``url`` (an absolute URL, as other objects refer to it)."""
        names = ",".join(expand)
        data = self._request("GET", url, params={"expand": names} if names else None)
        return self._one(data, url)

    # ``toelichting`` on a write: why it is made, kept in the API's audit trail (X-Audit-Toelichting)

    def create(self, data: Body, *, toelichting: str = "") -> M:
        reply = self._request("POST", self.url, expected=(201,), json=_body(data), toelichting=toelichting)
        return self._one(reply, self.url)

    def update(self, url: str, data: Body, *, toelichting: str = "") -> M:
        return self._one(self._request("PUT", url, json=_body(data), toelichting=toelichting), url)

    def partial_update(self, url: str, data: Body, *, toelichting: str = "") -> M:
        return self._one(self._request("PATCH", url, json=_body(data), toelichting=toelichting), url)

    def delete(self, url: str, *, toelichting: str = "") -> None:
        self._request("DELETE", url, expected=(204,), toelichting=toelichting)

    def _request(self, method: str, url: str, *, toelichting: str = "", **kwargs: Any) -> Any:
        headers = {**self.headers, **({AUDIT_HEADER: audit_header(toelichting)} if toelichting else {})}
        return self.http.request(method, url, headers=headers, **kwargs)


class SearchableCollection(Collection[M]):
    """A collection with ``POST …/_zoek`` (zaken)."""

    def zoek(self, query: Mapping[str, Any]) -> Iterator[M]:
        """Every object matching ``query`` (the ``_zoek`` body), page after page."""
        url = f"{self.url}/_zoek"
        while url:
            data = self._request("POST", url, json=dict(query))
            page = self._page(data, url)
            yield from page.results
            url = page.next or ""


def _params(params: Mapping[str, Any]) -> Params:
    found: dict[str, str | int | list[str]] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            found[key] = "true" if value else "false"
        elif isinstance(value, str | int):
            found[key] = value
        else:
            found[key] = [str(item) for item in value]
    return found


class ZakenApi:
    # the Zaken API wants the coordinate system of geometry said, also where there is none
    CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}

    def __init__(self, http: Http, root: str) -> None:
        self.zaken = SearchableCollection(http, root, "zaken", models.Zaak, self.CRS)
        self.statussen = Collection(http, root, "statussen", models.Status, self.CRS)
        self.rollen = Collection(http, root, "rollen", models.Rol, self.CRS)
        self.resultaten = Collection(http, root, "resultaten", models.Resultaat, self.CRS)
        self.zaakinformatieobjecten = Collection(
            http, root, "zaakinformatieobjecten", models.ZaakInformatieObject, self.CRS
        )
        self.zaaknotities = Collection(http, root, "zaaknotities", models.ZaakNotitie, self.CRS)

    def audittrail(self, zaak_url: str) -> list[models.AuditTrail]:
        """The zaak's audit trail (``GET {zaak}/audittrail``): every change to it and its
        sub-resources, oldest first, with who made it and why."""
        url = f"{zaak_url}/audittrail"
        data = self.zaken._request("GET", url)
        if not isinstance(data, list):
            raise InvalidResponse("GET", url, "het antwoord is geen lijst")
        return [models.AuditTrail.model_validate(item) for item in data]


class DocumentenApi:
    def __init__(self, http: Http, root: str) -> None:
        self.http = http
        self.enkelvoudiginformatieobjecten = Collection(
            http, root, "enkelvoudiginformatieobjecten", models.EnkelvoudigInformatieObject
        )

    def lock(self, url: str) -> str:
        """Lock the informatieobject at ``url`` for changes; the lock's secret id."""
        data = self.http.request("POST", f"{url}/lock")
        if not isinstance(data, dict) or not isinstance(data.get("lock"), str):
            raise InvalidResponse("POST", f"{url}/lock", "het antwoord bevat geen lock")
        return str(data["lock"])

    def unlock(self, url: str, lock: str = "", *, toelichting: str = "") -> None:
        """Unlock with the ``lock`` id (empty: a forced unlock, which needs that right)."""
        headers = {AUDIT_HEADER: audit_header(toelichting)} if toelichting else None
        self.http.request(
            "POST", f"{url}/unlock", expected=(204,), json={"lock": lock} if lock else {}, headers=headers
        )

    def download(
        self,
        informatieobject: models.EnkelvoudigInformatieObject | str,
        *,
        max_bytes: int,
        timeout: float | None = None,
    ) -> bytes:
        """The content of an informatieobject: of the version read (its ``inhoud`` link), or for a
        URL of the latest version; at most ``max_bytes`` long, ``timeout`` the whole download's
        deadline."""
        if isinstance(informatieobject, str):
            url = f"{informatieobject}/download"
        elif informatieobject.inhoud:
            url = informatieobject.inhoud
        else:
            raise InvalidResponse("GET", informatieobject.url, "het informatieobject heeft geen inhoud")
        reply = self.http.send("GET", url, max_bytes=max_bytes, timeout=timeout, headers={"Accept": "*/*"})
        if reply.status != 200:
            raise HTTPStatusError("GET", reply.url, reply.status, parsed(reply))
        return reply.content


class BesluitenApi:
    def __init__(self, http: Http, root: str) -> None:
        self.besluiten = Collection(http, root, "besluiten", models.Besluit)
        self.besluitinformatieobjecten = Collection(
            http, root, "besluitinformatieobjecten", models.BesluitInformatieObject
        )


class CatalogiApi:
    def __init__(self, http: Http, root: str) -> None:
        self.http = http
        self.catalogussen = Collection(http, root, "catalogussen", models.Catalogus)
        self.zaaktypen = Collection(http, root, "zaaktypen", models.ZaakType)
        self.statustypen = Collection(http, root, "statustypen", models.StatusType)
        self.roltypen = Collection(http, root, "roltypen", models.RolType)
        self.resultaattypen = Collection(http, root, "resultaattypen", models.ResultaatType)
        self.informatieobjecttypen = Collection(
            http, root, "informatieobjecttypen", models.InformatieObjectType
        )
        self.besluittypen = Collection(http, root, "besluittypen", models.BesluitType)
        self.eigenschappen = Collection(http, root, "eigenschappen", models.Eigenschap)
        self.zaaktype_informatieobjecttypen = Collection(
            http, root, "zaaktype-informatieobjecttypen", models.ZaakTypeInformatieObjectType
        )

    def publish(self, url: str) -> None:
        """Publish the concept zaaktype, informatieobjecttype or besluittype at ``url``."""
        self.http.request("POST", f"{url}/publish")


class ZGWClient:
    """The Zaken, Documenten, Besluiten and Catalogi APIs of one deployment, for one party.

    ``roots``: each API's root URL; ``auth``: the headers per URL (an application's
    :class:`~zaakwerk.client.auth.ClientCredentials`; default this deployment's own
    ``ZGW_REMOTE_CREDENTIALS``). ``in_process=False`` sends even this deployment's URLs over HTTP.
    """

    def __init__(
        self,
        roots: Roots,
        *,
        auth: Auth | None = None,
        timeout: float | None = None,
        in_process: bool = True,
    ) -> None:
        missing = [name for name in APIS if name not in roots]
        if missing:
            raise ValueError(f"no root URL for {', '.join(missing)}")
        # the roots given here are configuration: their hosts may be called (docs/adr/0035)
        self.http = Http(auth, timeout=timeout, in_process=in_process, roots=roots.values())
        self.zaken = ZakenApi(self.http, roots["zaken"])
        self.documenten = DocumentenApi(self.http, roots["documenten"])
        self.besluiten = BesluitenApi(self.http, roots["besluiten"])
        self.catalogi = CatalogiApi(self.http, roots["catalogi"])

    @staticmethod
    def roots_at(base: str) -> dict[str, str]:
        """The API roots of a deployment with Open Zaak's URL layout at ``base``."""
        return {name: f"{base.rstrip('/')}/{name}/api/v1" for name in APIS}

    @classmethod
    def for_deployment(cls, auth: Auth | None = None, **options: Any) -> ZGWClient:
        """A client of this deployment's own APIs (in-process)."""
        return cls(cls.roots_at(settings.PUBLIC_URL), auth=auth, **options)
