"""JSON representations of the types that belong to one zaaktype version (Catalogi 1.3.3):
statustypen, roltypen, resultaattypen, eigenschappen, zaaktype-informatieobjecttypen and
zaakobjecttypen.

Each function renders a batch with one query per related collection. The validity dates
follow the zaaktype (RULES.md 2.3): a date the client supplied is kept, an empty one shows
the zaaktype's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from zaakwerk.catalogi.models import (
    Eigenschap,
    ResultaatType,
    ResultaatTypeBesluitType,
    ResultaatTypeInformatieObjectType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from zaakwerk.catalogi.queries import besluittype_urls, informatieobjecttype_urls, today
from zaakwerk.catalogi.urls import url

Data = dict[str, Any]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _zaaktypen(rows: Iterable[Any]) -> dict[int, ZaakType]:
    ids = {row.zaaktype_id for row in rows}
    return {zt.pk: zt for zt in ZaakType.objects.filter(pk__in=ids).select_related("catalogus")}


def _common(zaaktype: ZaakType) -> Data:
    """zaaktype, zaaktypeIdentificatie and catalogus: what every sub-type shows of its zaaktype."""
    return {
        "zaaktype": url("zaaktypen", zaaktype.uuid),
        "zaaktypeIdentificatie": zaaktype.identificatie,
        "catalogus": url("catalogussen", zaaktype.catalogus.uuid),
    }


def _geldigheid(row: Any, zaaktype: ZaakType) -> Data:
    return {
        "beginGeldigheid": _iso(row.begin_geldigheid or zaaktype.begin_geldigheid),
        "eindeGeldigheid": _iso(row.einde_geldigheid or zaaktype.einde_geldigheid),
        "beginObject": _iso(row.begin_object),
        "eindeObject": _iso(row.einde_object),
    }


def render_statustypen(rows: Sequence[StatusType]) -> list[Data]:
    zaaktypen = _zaaktypen(rows)
    # isEindstatus: the statustype with the highest volgnummer of its zaaktype (RULES.md 2.4)
    highest: dict[int, int] = {}
    for zaaktype_id, volgnummer in StatusType.objects.filter(zaaktype_id__in=zaaktypen).values_list(
        "zaaktype_id", "volgnummer"
    ):
        highest[zaaktype_id] = max(volgnummer, highest.get(zaaktype_id, 0))
    eigenschappen: dict[int, list[str]] = defaultdict(list)
    for statustype_id, uuid in (
        Eigenschap.objects.filter(statustype_id__in=[row.pk for row in rows])
        .order_by("id")
        .values_list("statustype_id", "uuid")
    ):
        eigenschappen[statustype_id].append(url("eigenschappen", uuid))
    result = []
    for row in rows:
        zaaktype = zaaktypen[row.zaaktype_id]
        result.append(
            {
                "url": url("statustypen", row.uuid),
                "omschrijving": row.omschrijving,
                "omschrijvingGeneriek": row.omschrijving_generiek,
                "statustekst": row.statustekst,
                **_common(zaaktype),
                "volgnummer": row.volgnummer,
                "isEindstatus": row.volgnummer == highest.get(row.zaaktype_id),
                "informeren": row.informeren,
                "doorlooptijd": row.doorlooptijd,
                "toelichting": row.toelichting,
                "checklistitemStatustype": list(row.checklistitem_statustype or []),
                "eigenschappen": eigenschappen.get(row.pk, []),
                **_geldigheid(row, zaaktype),
            }
        )
    return result


def render_roltypen(rows: Sequence[RolType]) -> list[Data]:
    zaaktypen = _zaaktypen(rows)
    result = []
    for row in rows:
        zaaktype = zaaktypen[row.zaaktype_id]
        result.append(
            {
                "url": url("roltypen", row.uuid),
                **_common(zaaktype),
                "omschrijving": row.omschrijving,
                "omschrijvingGeneriek": row.omschrijving_generiek,
                **_geldigheid(row, zaaktype),
            }
        )
    return result


def _names(model: Any, field: str, ids: list[int]) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = defaultdict(list)
    for owner, name in (
        model.objects.filter(resultaattype_id__in=ids)
        .order_by("position", "id")
        .values_list("resultaattype_id", field)
    ):
        if name not in grouped[owner]:
            grouped[owner].append(name)
    return grouped


def _urls_of(names: list[str], by_name: dict[str, list[str]]) -> list[str]:
    found: list[str] = []
    for name in names:
        found.extend(u for u in by_name.get(name, []) if u not in found)
    return found


def _brondatum(row: ResultaatType) -> Data | None:
    if not row.brondatum_afleidingswijze:
        return None
    return {
        "afleidingswijze": row.brondatum_afleidingswijze,
        "datumkenmerk": row.brondatum_datumkenmerk,
        "einddatumBekend": row.brondatum_einddatum_bekend,
        "objecttype": row.brondatum_objecttype,
        "registratie": row.brondatum_registratie,
        "procestermijn": row.brondatum_procestermijn,
    }


def render_resultaattypen(rows: Sequence[ResultaatType], day: date | None = None) -> list[Data]:
    day = day or today()
    zaaktypen = _zaaktypen(rows)
    ids = [row.pk for row in rows]
    besluit_names = _names(ResultaatTypeBesluitType, "besluittype_omschrijving", ids)
    iot_names = _names(ResultaatTypeInformatieObjectType, "informatieobjecttype_omschrijving", ids)
    besluit_urls: dict[int, dict[str, list[str]]] = {}
    iot_urls: dict[int, dict[str, list[str]]] = {}
    for catalogus_id in {zt.catalogus_id for zt in zaaktypen.values()}:
        in_catalogus = [row.pk for row in rows if zaaktypen[row.zaaktype_id].catalogus_id == catalogus_id]
        besluit_urls[catalogus_id] = besluittype_urls(
            catalogus_id, {n for pk in in_catalogus for n in besluit_names.get(pk, [])}, day
        )
        iot_urls[catalogus_id] = informatieobjecttype_urls(
            catalogus_id, {n for pk in in_catalogus for n in iot_names.get(pk, [])}, day
        )
    result = []
    for row in rows:
        zaaktype = zaaktypen[row.zaaktype_id]
        besluiten, iots = besluit_names.get(row.pk, []), iot_names.get(row.pk, [])
        result.append(
            {
                "url": url("resultaattypen", row.uuid),
                **_common(zaaktype),
                "omschrijving": row.omschrijving,
                "resultaattypeomschrijving": row.resultaattypeomschrijving,
                "omschrijvingGeneriek": row.omschrijving_generiek,
                "selectielijstklasse": row.selectielijstklasse,
                "toelichting": row.toelichting,
                "archiefnominatie": row.archiefnominatie,
                "archiefactietermijn": row.archiefactietermijn,
                "brondatumArchiefprocedure": _brondatum(row),
                "procesobjectaard": row.procesobjectaard,
                "indicatieSpecifiek": row.indicatie_specifiek,
                "procestermijn": row.procestermijn,
                "besluittypen": _urls_of(besluiten, besluit_urls[zaaktype.catalogus_id]),
                "besluittypeOmschrijving": besluiten,
                "informatieobjecttypen": _urls_of(iots, iot_urls[zaaktype.catalogus_id]),
                "informatieobjecttypeOmschrijving": iots,
                **_geldigheid(row, zaaktype),
            }
        )
    return result


def render_eigenschappen(rows: Sequence[Eigenschap]) -> list[Data]:
    zaaktypen = _zaaktypen(rows)
    statustypen = dict(
        StatusType.objects.filter(
            pk__in={row.statustype_id for row in rows if row.statustype_id}
        ).values_list("pk", "uuid")
    )
    result = []
    for row in rows:
        zaaktype = zaaktypen[row.zaaktype_id]
        statustype = statustypen.get(row.statustype_id) if row.statustype_id else None
        result.append(
            {
                "url": url("eigenschappen", row.uuid),
                "naam": row.naam,
                "definitie": row.definitie,
                "specificatie": {
                    "groep": row.specificatie_groep,
                    "formaat": row.specificatie_formaat,
                    "lengte": row.specificatie_lengte,
                    "kardinaliteit": row.specificatie_kardinaliteit,
                    "waardenverzameling": list(row.specificatie_waardenverzameling or []),
                },
                "toelichting": row.toelichting,
                **_common(zaaktype),
                "statustype": url("statustypen", statustype) if statustype else None,
                **_geldigheid(row, zaaktype),
            }
        )
    return result


def render_zaaktypeinformatieobjecttypen(
    rows: Sequence[ZaakTypeInformatieObjectType], day: date | None = None
) -> list[Data]:
    """ZIOT.informatieobjecttype is stored by omschrijving and shown as the URL of the version
    valid on ``day`` (RULES.md 2.3); its 1.3.3 schema is a plain string, so a name that has no
    version (any more) is shown as the name."""
    day = day or today()
    zaaktypen = _zaaktypen(rows)
    by_catalogus: dict[int, dict[str, list[str]]] = {}
    for catalogus_id in {zt.catalogus_id for zt in zaaktypen.values()}:
        names = {
            row.informatieobjecttype_omschrijving
            for row in rows
            if zaaktypen[row.zaaktype_id].catalogus_id == catalogus_id
        }
        by_catalogus[catalogus_id] = informatieobjecttype_urls(catalogus_id, names, day)
    statustypen = dict(
        StatusType.objects.filter(
            pk__in={row.statustype_id for row in rows if row.statustype_id}
        ).values_list("pk", "uuid")
    )
    result = []
    for row in rows:
        zaaktype = zaaktypen[row.zaaktype_id]
        found = by_catalogus[zaaktype.catalogus_id].get(row.informatieobjecttype_omschrijving) or []
        statustype = statustypen.get(row.statustype_id) if row.statustype_id else None
        result.append(
            {
                "url": url("zaaktype-informatieobjecttypen", row.uuid),
                **_common(zaaktype),
                "informatieobjecttype": found[-1] if found else row.informatieobjecttype_omschrijving,
                "volgnummer": row.volgnummer,
                "richting": row.richting,
                "statustype": url("statustypen", statustype) if statustype else None,
            }
        )
    return result


def render_zaakobjecttypen(rows: Sequence[ZaakObjectType]) -> list[Data]:
    zaaktypen = _zaaktypen(rows)
    result = []
    for row in rows:
        zaaktype = zaaktypen[row.zaaktype_id]
        result.append(
            {
                "url": url("zaakobjecttypen", row.uuid),
                "anderObjecttype": row.ander_objecttype,
                **_geldigheid(row, zaaktype),
                "objecttype": row.objecttype,
                "relatieOmschrijving": row.relatie_omschrijving,
                **_common(zaaktype),
                # statustypen and resultaattypen do not (yet) refer to a zaakobjecttype
                "resultaattypen": [],
                "resultaattypeOmschrijving": [],
                "statustypen": [],
            }
        )
    return result
