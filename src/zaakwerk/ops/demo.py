"""The demo catalogus of ``zaakwerk quickstart``, loaded through the Catalogi API.

The loader is an ordinary API client: it sends the requests any other client would send, so
every validation rule, audit record and notification applies to the demo data exactly as to
real data. In one process it talks to the application over httpx's WSGI transport (no network).

Loading is idempotent: objects are looked up by their natural keys (catalogus by domein and
rsin, informatieobjecttype by omschrijving, zaaktype by identificatie) and only what is
missing is created. A concept zaaktype left behind by an interrupted run is deleted and
created again, because its sub-types may be incomplete.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import httpx
import yaml
from django.conf import settings

CATALOGI = "/catalogi/api/v1"

# Sub-type collections of a zaaktype, in the order they are created, with the key that holds
# each definition's items in the demo file.
SUBTYPES = (
    ("statustypen", "statustypen"),
    ("roltypen", "roltypen"),
    ("resultaattypen", "resultaattypen"),
    ("eigenschappen", "eigenschappen"),
    ("zaaktype-informatieobjecttypen", "informatieobjecttypen"),
)


class DemoLoadError(RuntimeError):
    """The API refused a request of the loader; the message carries its answer."""


@dataclass
class DemoReport:
    catalogus: str = ""
    created: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    # identificatie → URL of the published zaaktype, for the examples the quickstart prints
    zaaktypen: dict[str, str] = field(default_factory=dict)


def definition() -> dict[str, Any]:
    """The demo file, with ``{referentielijsten}`` replaced by the API root in use."""
    text = resources.files("zaakwerk.ops").joinpath("demo/catalogus.yaml").read_text(encoding="utf-8")
    text = text.replace("{referentielijsten}", referentielijsten_root())
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def referentielijsten_root() -> str:
    external: str = settings.REFERENTIELIJSTEN_URL
    return external.rstrip("/") if external else f"{settings.PUBLIC_URL}/referentielijsten/api/v1"


def in_process_client(token: str) -> httpx.Client:
    """An httpx client that calls this deployment's WSGI application directly."""
    from django.core.wsgi import get_wsgi_application

    # One line per request is noise here; refusals surface as DemoLoadError.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    public = urlsplit(settings.PUBLIC_URL)
    return httpx.Client(
        transport=httpx.WSGITransport(app=get_wsgi_application()),
        base_url=f"{public.scheme}://{public.netloc}",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
    )


class CatalogiApi:
    """The few Catalogi API calls the loader needs; any unexpected answer raises."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def _path(self, url: str) -> str:
        # Resource URLs start with the public URL, which may carry a path prefix that the
        # reverse proxy strips; the application itself routes from the API segment on.
        return url.removeprefix(settings.PUBLIC_URL) if url.startswith(settings.PUBLIC_URL) else url

    def _send(self, method: str, url: str, expected: int, **kwargs: Any) -> Any:
        response = self.client.request(method, self._path(url), **kwargs)
        if response.status_code != expected:
            raise DemoLoadError(f"{method} {url} answered {response.status_code}: {response.text[:2000]}")
        return response.json() if response.content else None

    def find(self, collection: str, **query: str) -> list[dict[str, Any]]:
        data = self._send("GET", f"{CATALOGI}/{collection}", 200, params=query)
        results: list[dict[str, Any]] = data["results"] if isinstance(data, dict) else data
        return results

    def create(self, collection: str, body: dict[str, Any]) -> dict[str, Any]:
        created: dict[str, Any] = self._send("POST", f"{CATALOGI}/{collection}", 201, json=body)
        return created

    def publish(self, url: str) -> None:
        self._send("POST", f"{url}/publish", 200)

    def delete(self, url: str) -> None:
        self._send("DELETE", url, 204)


def load_demo(client: httpx.Client) -> DemoReport:
    """Create whatever part of the demo catalogus is missing."""
    api = CatalogiApi(client)
    data = definition()
    report = DemoReport()
    report.catalogus = _catalogus(api, data["catalogus"], report)
    for item in data["informatieobjecttypen"]:
        _informatieobjecttype(api, report.catalogus, item, report)
    for item in data["zaaktypen"]:
        _zaaktype(api, report.catalogus, item, report)
    return report


def _catalogus(api: CatalogiApi, body: dict[str, Any], report: DemoReport) -> str:
    label = f"catalogus {body['naam']}"
    found = api.find("catalogussen", domein=body["domein"], rsin=body["rsin"])
    if found:
        report.present.append(label)
        return str(found[0]["url"])
    report.created.append(label)
    return str(api.create("catalogussen", body)["url"])


def _informatieobjecttype(api: CatalogiApi, catalogus: str, body: dict[str, Any], report: DemoReport) -> None:
    label = f"informatieobjecttype {body['omschrijving']}"
    found = api.find(
        "informatieobjecttypen", catalogus=catalogus, omschrijving=body["omschrijving"], status="alles"
    )
    if any(not version["concept"] for version in found):
        report.present.append(label)
        return
    url = (
        found[0]["url"]
        if found
        else api.create("informatieobjecttypen", {**body, "catalogus": catalogus})["url"]
    )
    api.publish(url)
    report.created.append(label)


def _zaaktype(api: CatalogiApi, catalogus: str, item: dict[str, Any], report: DemoReport) -> None:
    label = f"zaaktype {item['omschrijving']}"
    found = api.find("zaaktypen", catalogus=catalogus, identificatie=item["identificatie"], status="alles")
    published = [version for version in found if not version["concept"]]
    if published:
        report.present.append(label)
        report.zaaktypen[item["identificatie"]] = str(published[-1]["url"])
        return
    for concept in found:  # left by an interrupted run: its sub-types may be incomplete
        api.delete(concept["url"])
    body = {key: value for key, value in item.items() if key not in {key for _, key in SUBTYPES}}
    zaaktype = api.create("zaaktypen", {**body, "catalogus": catalogus})["url"]
    for collection, key in SUBTYPES:
        for sub in item.get(key, []):
            api.create(collection, {**sub, "zaaktype": zaaktype})
    api.publish(zaaktype)
    report.created.append(label)
    report.zaaktypen[item["identificatie"]] = str(zaaktype)
