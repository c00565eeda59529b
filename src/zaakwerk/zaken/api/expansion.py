"""``expand`` on every Zaken resource (RULES.md 1.12; zrc-025..028), for one caller.

The machinery (paths, nesting, ``_expand``, 404s) is :mod:`zaakwerk.api.expand`; this module
decides what may be fetched for whom, so that expanding never shows more than reading would:

- a zaak, or a sub-resource of one (status, rol, zaakinformatieobject, …), of this register:
  only when the caller may read that zaak (:func:`zaakwerk.zaken.access.may_access`);
- a zaak of another Zaken API: by the same rule applied to its zaaktype and
  vertrouwelijkheidaanduiding;
- an informatieobject: only of an informatieobjecttype the caller may read with
  ``documenten.lezen``, up to that autorisatie's maximum vertrouwelijkheidaanduiding;
- a besluit: only of a besluittype the caller may read with ``besluiten.lezen``;
- catalogue objects (zaaktype, statustype, …) and reference lists: to any reader of the zaak.

What may not be shown is not fetched, which the machinery answers with 404 (zrc-028), exactly
as for an object that does not exist. Informatieobjecten and besluiten of this deployment come
through :mod:`zaakwerk.zaken.registers`; everything else through ``references.fetch``.
"""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from django.db import models

from zaakwerk.api import expand as machinery
from zaakwerk.catalogi.models import ResultaatType, StatusType, ZaakType
from zaakwerk.core import references, visibility
from zaakwerk.core.caller import Caller
from zaakwerk.zaken import registers
from zaakwerk.zaken.access import may_access
from zaakwerk.zaken.models import (
    KlantContact,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakContactMoment,
    ZaakInformatieObject,
    ZaakNotitie,
    ZaakObject,
    ZaakVerzoek,
)

Data = dict[str, Any]
READ = "zaken.lezen"

# collection → model of the Zaken resources that belong to one zaak (by their ``zaak`` column)
SUB_RESOURCES: dict[str, type[models.Model]] = {
    "statussen": Status,
    "resultaten": Resultaat,
    "rollen": Rol,
    "zaakobjecten": ZaakObject,
    "zaakinformatieobjecten": ZaakInformatieObject,
    "klantcontacten": KlantContact,
    "zaakcontactmomenten": ZaakContactMoment,
    "zaakverzoeken": ZaakVerzoek,
    "zaaknotities": ZaakNotitie,
}


def _own_zaak(ref: references.LocalRef) -> Zaak | None:
    """The zaak a URL of this Zaken API belongs to (``/zaken/{uuid}/…`` or a sub-resource)."""
    if ref.resource == "zaken":
        return Zaak.objects.filter(uuid=ref.uuid).first()
    model = SUB_RESOURCES.get(ref.resource)
    if model is None or ref.rest:
        return None
    zaak_id = model._default_manager.filter(uuid=ref.uuid).values_list("zaak_id", flat=True).first()
    return Zaak.objects.filter(pk=zaak_id).first() if zaak_id is not None else None


def _read(url: str) -> Data | None:
    ref = references.parse_local(url)
    if ref is not None and ref.api == "documenten":
        return registers.documenten(url).informatieobject(url)
    if ref is not None and ref.api == "besluiten":
        return registers.besluiten(url).besluit(url)
    body, status = references.fetch(url)
    return body if status == 200 else None


def fetcher(caller: Caller) -> machinery.Fetch:
    """The fetch function of an expander for ``caller``: None for what it may not see."""

    def fetch(url: str) -> Data | None:
        ref = references.parse_local(url)
        if ref is not None and ref.api == "zaken":
            zaak = _own_zaak(ref)
            # a zaak (or part of one) the caller may not read is never fetched
            if zaak is None or not may_access(caller, zaak, READ):
                return None
            body, status = references.fetch(url)
            return body if status == 200 else None
        body = _read(url)
        if body is None or not visibility.may_show(caller.types_with_scope, body):
            return None
        return body

    return fetch


def expander(caller: Caller) -> machinery.Expander:
    """An expander that fetches only what ``caller`` may see (also used by ``fields`` on _zoek)."""
    return machinery.Expander(fetcher(caller))


# What zaken (a page, or one) expand for every zaak, loaded for all of them in one query per kind
# rather than fetched one by one: the zaak's own status, resultaat and rollen, and the catalogue
# types they and the zaak name. (name, its child in the expand tree or "") → (API, resource, model)
_PAGE_WIDE: dict[tuple[str, str], tuple[str, str, type[models.Model]]] = {
    ("status", ""): ("zaken", "statussen", Status),
    ("resultaat", ""): ("zaken", "resultaten", Resultaat),
    ("rollen", ""): ("zaken", "rollen", Rol),
    ("zaaktype", ""): ("catalogi", "zaaktypen", ZaakType),
    ("status", "statustype"): ("catalogi", "statustypen", StatusType),
    ("resultaat", "resultaattype"): ("catalogi", "resultaattypen", ResultaatType),
    ("zaaktype", "statustypen"): ("catalogi", "statustypen", StatusType),
}


def _renderer(model: type[models.Model]) -> Any:
    from zaakwerk.catalogi.representations import render_zaaktypen
    from zaakwerk.catalogi.subtype_representations import render_resultaattypen, render_statustypen
    from zaakwerk.zaken.representations_status import render_resultaten, render_statussen
    from zaakwerk.zaken.subresource_representations import render_rollen

    return {
        Rol: render_rollen,
        Status: render_statussen,
        Resultaat: render_resultaten,
        ZaakType: render_zaaktypen,
        StatusType: render_statustypen,
        ResultaatType: render_resultaattypen,
    }[model]


def _load_all(urls: list[str], api: str, resource: str, model: type[models.Model]) -> dict[str, Data]:
    """The representations of the objects of this deployment at ``urls``, in one query."""
    wanted: dict[uuid_lib.UUID, list[str]] = {}
    for url in urls:
        ref = references.parse_local(url)
        if ref is not None and (ref.api, ref.resource) == (api, resource) and not ref.rest:
            wanted.setdefault(ref.uuid, []).append(url)
    if not wanted:
        return {}
    rows = list(model._default_manager.filter(uuid__in=list(wanted)))
    found: dict[str, Data] = {}
    for row, body in zip(rows, _renderer(model)(rows), strict=True):
        for url in wanted[row.uuid]:  # type: ignore[attr-defined]
            found[url] = body
    return found


def _urls(value: Any) -> list[str]:
    """The URLs a reference field holds: one, or a list of them."""
    if isinstance(value, str) and value:
        return [value]
    if isinstance(value, list):
        return [entry for entry in value if isinstance(entry, str) and entry]
    return []


def _prime_page(
    caller: Caller, expander: machinery.Expander, items: list[Data], tree: machinery.Tree
) -> None:
    """Load what every zaak of the page expands in one query per kind, and give it to ``expander``.

    The answer is the one ``fetcher`` gives object by object: ``items`` are zaken the caller may
    read with ``zaken.lezen`` (the page it asked for), so their own status and resultaat are
    readable too; a catalogue type is given only when the caller may see it (``may_show``), else
    it is left to the fetch, which refuses it as before."""
    loaded: dict[str, dict[str, Data]] = {}
    for (name, child), (api, resource, model) in _PAGE_WIDE.items():
        if name not in tree or (child and child not in tree[name]):
            continue
        sources = list(loaded.get(name, {}).values()) if child else items
        urls = [url for source in sources for url in _urls(source.get(child or name))]
        found = _load_all(urls, api, resource, model)
        if not child:
            loaded[name] = found
        for url, body in found.items():
            if api == "zaken" or visibility.may_show(caller.types_with_scope, body):
                expander.prime(url, body)


def expand(caller: Caller, items: list[Data], value: str | None) -> None:
    """Add ``_expand`` to ``items`` (representations of Zaken resources) following ``value``."""
    tree = machinery.parse(value)
    if not tree:
        return
    found = expander(caller)
    if items and all(machinery.kind_of(item.get("url")) == "zaken" for item in items):
        _prime_page(caller, found, items, tree)
    found.expand(items, tree)
