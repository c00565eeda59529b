"""The demo catalogus of ``zaakwerk quickstart``, loaded through the Catalogi API.

The loader is an ordinary API client, the typed ZGW client (:mod:`zaakwerk.client`): it sends
the requests any other client would send, so every validation rule, audit record and
notification applies to the demo data exactly as to real data. Pointed at this deployment it
talks to the application in-process (no network); pointed at another deployment, over HTTP.

Loading is idempotent: objects are looked up by their natural keys (catalogus by domein and
rsin, informatieobjecttype by omschrijving, zaaktype by identificatie) and only what is
missing is created. A concept zaaktype left behind by an interrupted run is deleted and
created again, because its sub-types may be incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml
from django.conf import settings

from zaakwerk.client import ClientCredentials, ClientError, ZGWClient
from zaakwerk.client.api import CatalogiApi, Collection

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


def definition(referentielijsten: str | None = None) -> dict[str, Any]:
    """The demo file, with ``{referentielijsten}`` replaced by the API root in use (default: the one
    this deployment uses)."""
    text = resources.files("zaakwerk.ops").joinpath("demo/catalogus.yaml").read_text(encoding="utf-8")
    text = text.replace("{referentielijsten}", referentielijsten or referentielijsten_root())
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def referentielijsten_root() -> str:
    external: str = settings.REFERENTIELIJSTEN_URL
    return external.rstrip("/") if external else f"{settings.PUBLIC_URL}/referentielijsten/api/v1"


def demo_client(client_id: str, secret: str) -> ZGWClient:
    """The typed client of this deployment's APIs (in-process), as the demo API client."""
    return ZGWClient.for_deployment(ClientCredentials(client_id, secret))


def subtype_collection(api: CatalogiApi, collection: str) -> Collection[Any]:
    """The typed collection of one of :data:`SUBTYPES` (``zaaktype-informatieobjecttypen``, …)."""
    found: Collection[Any] = getattr(api, collection.replace("-", "_"))
    return found


def load_demo(client: ZGWClient, *, referentielijsten: str | None = None) -> DemoReport:
    """Create whatever part of the demo catalogus is missing; DemoLoadError when the API refuses.
    ``referentielijsten``: the Referentielijsten API root the client's deployment uses."""
    try:
        return _load(client.catalogi, definition(referentielijsten))
    except ClientError as exc:
        raise DemoLoadError(str(exc)) from exc


def _load(api: CatalogiApi, data: dict[str, Any]) -> DemoReport:
    report = DemoReport()
    report.catalogus = _catalogus(api, data["catalogus"], report)
    for item in data["informatieobjecttypen"]:
        _informatieobjecttype(api, report.catalogus, item, report)
    for item in data["zaaktypen"]:
        _zaaktype(api, report.catalogus, item, report)
    return report


def _catalogus(api: CatalogiApi, body: dict[str, Any], report: DemoReport) -> str:
    label = f"catalogus {body['naam']}"
    found = list(api.catalogussen.list(domein=body["domein"], rsin=body["rsin"]))
    if found:
        report.present.append(label)
        return found[0].url
    report.created.append(label)
    return api.catalogussen.create(body).url


def _informatieobjecttype(api: CatalogiApi, catalogus: str, body: dict[str, Any], report: DemoReport) -> None:
    label = f"informatieobjecttype {body['omschrijving']}"
    found = list(
        api.informatieobjecttypen.list(catalogus=catalogus, omschrijving=body["omschrijving"], status="alles")
    )
    if any(not version.concept for version in found):
        report.present.append(label)
        return
    url = found[0].url if found else api.informatieobjecttypen.create({**body, "catalogus": catalogus}).url
    api.publish(url)
    report.created.append(label)


def _zaaktype(api: CatalogiApi, catalogus: str, item: dict[str, Any], report: DemoReport) -> None:
    label = f"zaaktype {item['omschrijving']}"
    found = list(api.zaaktypen.list(catalogus=catalogus, identificatie=item["identificatie"], status="alles"))
    published = [version for version in found if not version.concept]
    if published:
        report.present.append(label)
        report.zaaktypen[item["identificatie"]] = published[-1].url
        return
    for concept in found:  # left by an interrupted run: its sub-types may be incomplete
        api.zaaktypen.delete(concept.url)
    body = {key: value for key, value in item.items() if key not in {key for _, key in SUBTYPES}}
    zaaktype = api.zaaktypen.create({**body, "catalogus": catalogus}).url
    for collection, key in SUBTYPES:
        for sub in item.get(key, []):
            subtype_collection(api, collection).create({**sub, "zaaktype": zaaktype})
    api.publish(zaaktype)
    report.created.append(label)
    report.zaaktypen[item["identificatie"]] = str(zaaktype)
