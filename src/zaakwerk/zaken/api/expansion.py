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

from typing import Any

from django.db import models

from zaakwerk.api import expand as machinery
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


def expand(caller: Caller, items: list[Data], value: str | None) -> None:
    """Add ``_expand`` to ``items`` (representations of Zaken resources) following ``value``."""
    machinery.apply(items, value, fetcher(caller))
