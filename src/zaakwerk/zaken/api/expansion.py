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
from zaakwerk.zaken.access import may_access, may_access_type
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


# What the access rule reads of a zaak (access.may_access_type): its zaaktype and vertrouwelijkheid.
_RULE_FIELDS = ("zaaktype", "vertrouwelijkheidaanduiding")


def _own_zaken(refs: dict[str, references.LocalRef]) -> dict[str, tuple[str, str] | None]:
    """Per URL the zaaktype and vertrouwelijkheidaanduiding of the zaak it belongs to (as
    :func:`_own_zaak`), None when there is none: one query per kind of resource, which reads those
    two fields of its zaak with it, and one for URLs of zaken themselves. Only what the access
    rule reads is loaded, not whole zaken."""
    found: dict[str, tuple[str, str] | None] = {}
    zaken: dict[str, Any] = {}  # url → zaak uuid
    by_resource: dict[str, dict[str, Any]] = {}
    for url, ref in refs.items():
        if ref.resource == "zaken":
            zaken[url] = ref.uuid
        elif ref.resource in SUB_RESOURCES and not ref.rest:
            by_resource.setdefault(ref.resource, {})[url] = ref.uuid
    for resource, urls in by_resource.items():
        rows = {
            key: (zaaktype, aanduiding)
            for key, zaaktype, aanduiding in SUB_RESOURCES[resource]
            ._default_manager.filter(uuid__in=list(urls.values()))
            .values_list("uuid", *(f"zaak__{name}" for name in _RULE_FIELDS))
        }
        found.update({url: rows.get(key) for url, key in urls.items()})
    if zaken:
        rows = {
            key: (zaaktype, aanduiding)
            for key, zaaktype, aanduiding in Zaak.objects.filter(uuid__in=list(zaken.values())).values_list(
                "uuid", *_RULE_FIELDS
            )
        }
        found.update({url: rows.get(key) for url, key in zaken.items()})
    return {url: found.get(url) for url in refs}


def fetcher_many(caller: Caller) -> machinery.FetchMany:
    """:func:`fetcher` for many URLs at once, by the same rules: one query per kind of resource
    for the access check, one batch per kind for the representations."""
    one = fetcher(caller)

    def fetch_many(urls: list[str]) -> dict[str, Data | None]:
        result: dict[str, Data | None] = {}
        zaken_refs: dict[str, references.LocalRef] = {}
        batched: list[str] = []
        documents: list[str] = []
        for url in urls:
            ref = references.parse_local(url)
            if ref is not None and ref.api == "zaken":
                zaken_refs[url] = ref
            elif ref is not None and ref.api == "documenten":
                documents.append(url)
            elif ref is not None and ref.api != "besluiten":
                batched.append(url)  # catalogue types and reference lists of this deployment
            else:
                result[url] = one(url)  # besluiten and remote URLs: one by one
        owners = _own_zaken(zaken_refs)
        readable = [
            url
            for url, owner in owners.items()
            if owner is not None and may_access_type(caller, owner[0], owner[1], READ)
        ]
        result.update({url: None for url in zaken_refs if url not in readable})
        # documents through the Documenten register, as _read reads them; together where it can
        found = registers.documenten(documents[0]).informatieobjecten(documents) if documents else {}
        for url, (body, status) in references.fetch_many([*readable, *batched]).items():
            if url in zaken_refs:
                result[url] = body if status == 200 else None
            else:
                found[url] = body if status == 200 else None
        for url, body in found.items():
            result[url] = (
                body if body is not None and visibility.may_show(caller.types_with_scope, body) else None
            )
        return result

    return fetch_many


def expander(caller: Caller) -> machinery.Expander:
    """An expander that fetches only what ``caller`` may see (also used by ``fields`` on _zoek)."""
    return machinery.Expander(fetcher(caller), fetch_many=fetcher_many(caller))


def expand(caller: Caller, items: list[Data], value: str | None) -> None:
    """Add ``_expand`` to ``items`` (representations of Zaken resources) following ``value``."""
    tree = machinery.parse(value)
    if tree:
        expander(caller).expand(items, tree)
