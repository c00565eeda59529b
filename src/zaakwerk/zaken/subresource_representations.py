"""JSON representations of a zaak's rollen, zaakobjecten, zaakeigenschappen, klantcontacten,
zaakcontactmomenten, zaakverzoeken and zaaknotities (Zaken API 1.7.0).

Each ``render_*`` takes a batch (a page, or one row) and costs one query for the zaak URLs of
the whole batch, plus one per related collection — never one per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from zaakwerk.core.references import build_url
from zaakwerk.core.shapes import given_uris
from zaakwerk.zaken.models import (
    KlantContact,
    Rol,
    Status,
    Zaak,
    ZaakContactMoment,
    ZaakEigenschap,
    ZaakNotitie,
    ZaakObject,
    ZaakVerzoek,
)
from zaakwerk.zaken.representations import iso_datetime

Data = dict[str, Any]


def zaak_uuids(zaak_ids: Iterable[int], rows: Iterable[Any] = ()) -> dict[int, str]:
    """zaak pk → uuid, in one query; none when every one of ``rows`` already holds its zaak (a row
    just created for it): a zaak's uuid never changes."""
    known = {row.zaak_id: str(row.zaak.uuid) for row in rows if _has_zaak(row)}
    missing = set(zaak_ids) - set(known)
    if missing:
        known.update(
            (pk, str(key)) for pk, key in Zaak.objects.filter(pk__in=missing).values_list("pk", "uuid")
        )
    return known


def _has_zaak(row: Any) -> bool:
    return bool(type(row)._meta.get_field("zaak").is_cached(row))


def _zaak_urls(zaak_ids: Iterable[int], rows: Iterable[Any] = ()) -> dict[int, str]:
    return {pk: build_url("zaken", "zaken", key) for pk, key in zaak_uuids(zaak_ids, rows).items()}


def _contactpersoon(value: Any) -> Any:
    """The contactpersoon without an empty ``emailadres``: ``format: email`` allows no ``""``, and
    the field is not required, so an address that was never given is left out (as for URIs)."""
    if not isinstance(value, dict):
        return value
    return {key: item for key, item in value.items() if key != "emailadres" or item}


def render_rollen(rows: Sequence[Rol]) -> list[Data]:
    zaken = _zaak_urls((row.zaak_id for row in rows), rows)
    statussen: dict[int, list[str]] = {row.pk: [] for row in rows}
    for rol_id, key in (
        Status.objects.filter(gezetdoor_id__in=list(statussen))
        .order_by("id")
        .values_list("gezetdoor_id", "uuid")
    ):
        if rol_id is not None:
            statussen[rol_id].append(build_url("zaken", "statussen", key))
    return [
        {
            "url": row.url,
            "uuid": str(row.uuid),
            "zaak": zaken[row.zaak_id],
            **given_uris(betrokkene=row.betrokkene),
            "betrokkeneType": row.betrokkene_type,
            "afwijkendeNaamBetrokkene": row.afwijkende_naam_betrokkene,
            "roltype": row.roltype,
            "omschrijving": row.omschrijving,
            "omschrijvingGeneriek": row.omschrijving_generiek,
            "roltoelichting": row.roltoelichting,
            "registratiedatum": iso_datetime(row.registratiedatum),
            "indicatieMachtiging": row.indicatie_machtiging,
            "contactpersoonRol": _contactpersoon(row.contactpersoon_rol),
            "statussen": statussen[row.pk],
            "betrokkeneIdentificatie": row.betrokkene_identificatie or {},
        }
        for row in rows
    ]


def render_zaakobjecten(rows: Sequence[ZaakObject]) -> list[Data]:
    zaken = _zaak_urls((row.zaak_id for row in rows), rows)
    result = []
    for row in rows:
        data: Data = {
            "url": row.url,
            "uuid": str(row.uuid),
            "zaak": zaken[row.zaak_id],
            "objectType": row.object_type,
            "relatieomschrijving": row.relatieomschrijving,
            "objectIdentificatie": row.object_identificatie or {},
            **given_uris(object=row.object, zaakobjecttype=row.zaakobjecttype),
        }
        # The OAS allows neither "" (pattern [a-z_]+) nor null here: absent when not given.
        if row.object_type_overige:
            data["objectTypeOverige"] = row.object_type_overige
        if row.object_type_overige_definitie is not None:
            data["objectTypeOverigeDefinitie"] = row.object_type_overige_definitie
        result.append(data)
    return result


def zaakeigenschap_url(zaak_uuid: str, key: Any) -> str:
    return build_url("zaken", "zaken", zaak_uuid, "zaakeigenschappen", str(key))


def render_zaakeigenschappen(rows: Sequence[ZaakEigenschap]) -> list[Data]:
    uuids = zaak_uuids((row.zaak_id for row in rows), rows)
    return [
        {
            "url": zaakeigenschap_url(uuids[row.zaak_id], row.uuid),
            "uuid": str(row.uuid),
            "zaak": build_url("zaken", "zaken", uuids[row.zaak_id]),
            "eigenschap": row.eigenschap,
            "naam": row.naam,
            "waarde": row.waarde,
        }
        for row in rows
    ]


def render_klantcontacten(rows: Sequence[KlantContact]) -> list[Data]:
    zaken = _zaak_urls((row.zaak_id for row in rows), rows)
    return [
        {
            "url": row.url,
            "uuid": str(row.uuid),
            "zaak": zaken[row.zaak_id],
            "identificatie": row.identificatie,
            "datumtijd": iso_datetime(row.datumtijd),
            "kanaal": row.kanaal,
            "onderwerp": row.onderwerp,
            "toelichting": row.toelichting,
        }
        for row in rows
    ]


def render_zaakcontactmomenten(rows: Sequence[ZaakContactMoment]) -> list[Data]:
    zaken = _zaak_urls((row.zaak_id for row in rows), rows)
    return [
        {
            "url": row.url,
            "uuid": str(row.uuid),
            "zaak": zaken[row.zaak_id],
            "contactmoment": row.contactmoment,
        }
        for row in rows
    ]


def render_zaakverzoeken(rows: Sequence[ZaakVerzoek]) -> list[Data]:
    zaken = _zaak_urls((row.zaak_id for row in rows), rows)
    return [
        {"url": row.url, "uuid": str(row.uuid), "zaak": zaken[row.zaak_id], "verzoek": row.verzoek}
        for row in rows
    ]


def render_zaaknotities(rows: Sequence[ZaakNotitie]) -> list[Data]:
    zaken = _zaak_urls(row.gerelateerd_aan_id for row in rows)
    result = []
    for row in rows:
        data: Data = {
            "url": row.url,
            "onderwerp": row.onderwerp,
            "tekst": row.tekst,
            "aangemaaktDoor": row.aangemaakt_door,
            "aanmaakdatum": iso_datetime(row.aanmaakdatum),
            "wijzigingsdatum": iso_datetime(row.wijzigingsdatum),
            "gerelateerdAan": zaken[row.gerelateerd_aan_id],
        }
        # both are enumerations without a blank value in the OAS: absent rather than ""
        if row.notitie_type:
            data["notitieType"] = row.notitie_type
        if row.status:
            data["status"] = row.status
        result.append(data)
    return result
