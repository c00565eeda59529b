"""JSON representations of zaaktypen, informatieobjecttypen and besluittypen (Catalogi 1.3.3).

Used by the endpoints, by the audit trail (``oud``/``nieuw``) and by the in-process reference
loaders. Each function renders a batch with one query per related collection, whatever the size
of the batch (DESIGN.md: no N+1). Relations between main types are shown as the versions valid
on ``day`` (:mod:`zaakwerk.catalogi.queries`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db.models import Count, Max, Min, Q

from zaakwerk.catalogi.models import (
    BesluitType,
    BesluitTypeInformatieObjectType,
    Catalogus,
    InformatieObjectType,
    ResultaatTypeBesluitType,
    ZaakType,
)
from zaakwerk.catalogi.queries import (
    besluittype_urls,
    geldig_op,
    informatieobjecttype_urls,
    prefer_published,
    today,
    zaaktype_relations,
    zaaktype_urls_by_identificatie,
)
from zaakwerk.catalogi.urls import url
from zaakwerk.core.shapes import given_uris
from zaakwerk.core.summaries import InformatieobjecttypeSummary, ZaaktypeSummary

Data = dict[str, Any]


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _catalogus_uuids(catalogus_ids: Iterable[int]) -> dict[int, str]:
    return {
        pk: str(uuid)
        for pk, uuid in Catalogus.objects.filter(pk__in=set(catalogus_ids)).values_list("pk", "uuid")
    }


def _object_span(
    model: type[ZaakType] | type[InformatieObjectType] | type[BesluitType],
    name_field: str,
    rows: Sequence[Any],
) -> dict[tuple[int, str], tuple[date | None, date | None]]:
    """beginObject/eindeObject: the first begin and the last end over all versions of a name."""
    keys = {(row.catalogus_id, getattr(row, name_field)) for row in rows}
    if not keys:
        return {}
    found = (
        model.objects.filter(
            catalogus_id__in={k[0] for k in keys}, **{f"{name_field}__in": {k[1] for k in keys}}
        )
        .values("catalogus_id", name_field)
        .annotate(
            begin=Min("begin_geldigheid"),
            einde=Max("einde_geldigheid"),
            open_end=Count("id", filter=Q(einde_geldigheid__isnull=True)),
        )
    )
    return {
        (item["catalogus_id"], item[name_field]): (item["begin"], None if item["open_end"] else item["einde"])
        for item in found
    }


def _group_names(pairs: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = defaultdict(list)
    for key, name in pairs:
        if name not in grouped[key]:
            grouped[key].append(name)
    return grouped


def _urls_per_catalogus(
    rows: Sequence[Any],
    names_of: dict[int, list[str]],
    lookup: Any,
    day: date,
) -> dict[int, dict[str, list[str]]]:
    """Per catalogus id: name → URLs, one query per catalogus in the batch."""
    wanted: dict[int, set[str]] = defaultdict(set)
    for row in rows:
        wanted[row.catalogus_id].update(names_of.get(row.pk, []))
    return {catalogus_id: lookup(catalogus_id, names, day) for catalogus_id, names in wanted.items() if names}


def _flatten(names: list[str], by_name: dict[str, list[str]]) -> list[str]:
    result: list[str] = []
    for name in names:
        for item in by_name.get(name, []):
            if item not in result:
                result.append(item)
    return result


# The fields of a zaaktype's representation that its own row holds and other registers check.
#: The fields of a zaaktype's summary: every key of the shape the Zaken register reads.
ZAAKTYPE_SUMMARY = frozenset(ZaaktypeSummary.__annotations__)


def zaaktype_summary(row: ZaakType) -> ZaaktypeSummary:
    """:data:`ZAAKTYPE_SUMMARY` of a zaaktype, from its row alone (no related rows)."""
    return {
        "url": url("zaaktypen", row.uuid),
        "identificatie": row.identificatie,
        "vertrouwelijkheidaanduiding": row.vertrouwelijkheidaanduiding,
        "productenOfDiensten": list(row.producten_of_diensten),
        "concept": row.concept,
    }


INFORMATIEOBJECTTYPE_SUMMARY = frozenset(InformatieobjecttypeSummary.__annotations__)


def informatieobjecttype_summary(row: InformatieObjectType) -> InformatieobjecttypeSummary:
    """:data:`INFORMATIEOBJECTTYPE_SUMMARY` of an informatieobjecttype, from its row alone: what a
    document is checked against (drc-001), without the zaaktypen and besluittypen that name it."""
    return {
        "url": url("informatieobjecttypen", row.uuid),
        "omschrijving": row.omschrijving,
        "vertrouwelijkheidaanduiding": row.vertrouwelijkheidaanduiding,
        "concept": row.concept,
    }


def render_zaaktypen(rows: Sequence[ZaakType], day: date | None = None) -> list[Data]:
    day = day or today()
    relations = zaaktype_relations([row.pk for row in rows])
    iot_names = {pk: rel.informatieobjecttype_omschrijvingen for pk, rel in relations.items()}
    besluit_names = {pk: rel.besluittype_omschrijvingen for pk, rel in relations.items()}
    # zaaktypen named by identificatie: deelzaaktypen, and related zaaktypen not given as a URL
    zaaktype_names = {
        pk: rel.deelzaaktype_identificaties
        + [target for target, _, _ in rel.relaties if not target.startswith(("http://", "https://"))]
        for pk, rel in relations.items()
    }
    # the versions to show per name: a query per kind and catalogus, only when names are there
    iot_urls = _urls_per_catalogus(rows, iot_names, informatieobjecttype_urls, day)
    besluit_urls = _urls_per_catalogus(rows, besluit_names, besluittype_urls, day)
    zaaktype_urls = _urls_per_catalogus(rows, zaaktype_names, zaaktype_urls_by_identificatie, day)

    result = []
    for row in rows:
        rel = relations[row.pk]
        zaaktypen_here = zaaktype_urls.get(row.catalogus_id, {})
        data: Data = {
            **zaaktype_summary(row),
            "omschrijving": row.omschrijving,
            "omschrijvingGeneriek": row.omschrijving_generiek,
            "doel": row.doel,
            "aanleiding": row.aanleiding,
            "toelichting": row.toelichting,
            "indicatieInternOfExtern": row.indicatie_intern_of_extern,
            "handelingInitiator": row.handeling_initiator,
            "onderwerp": row.onderwerp,
            "handelingBehandelaar": row.handeling_behandelaar,
            "doorlooptijd": row.doorlooptijd,
            "servicenorm": row.servicenorm,
            "opschortingEnAanhoudingMogelijk": row.opschorting_en_aanhouding_mogelijk,
            "verlengingMogelijk": row.verlenging_mogelijk,
            "verlengingstermijn": row.verlengingstermijn,
            "trefwoorden": list(row.trefwoorden),
            "publicatieIndicatie": row.publicatie_indicatie,
            "publicatietekst": row.publicatietekst,
            "verantwoordingsrelatie": list(row.verantwoordingsrelatie),
            **given_uris(selectielijstProcestype=row.selectielijst_procestype),
            "referentieproces": {
                "naam": row.referentieproces_naam,
                **given_uris(link=row.referentieproces_link),
            },
            "verantwoordelijke": row.verantwoordelijke,
            "zaakobjecttypen": rel.zaakobjecttypen,
            "catalogus": url("catalogussen", str(rel.catalogus_uuid)),
            "statustypen": rel.statustypen,
            "resultaattypen": rel.resultaattypen,
            "resultaattypeOmschrijving": rel.resultaattype_omschrijvingen,
            "eigenschappen": rel.eigenschappen,
            "informatieobjecttypen": _flatten(
                rel.informatieobjecttype_omschrijvingen, iot_urls.get(row.catalogus_id, {})
            ),
            "informatieobjecttypeOmschrijving": rel.informatieobjecttype_omschrijvingen,
            "roltypen": rel.roltypen,
            "besluittypen": _flatten(rel.besluittype_omschrijvingen, besluit_urls.get(row.catalogus_id, {})),
            "besluittypeOmschrijving": rel.besluittype_omschrijvingen,
            "deelzaaktypen": _flatten(rel.deelzaaktype_identificaties, zaaktypen_here),
            "deelzaaktypeIdentificaties": rel.deelzaaktype_identificaties,
            "gerelateerdeZaaktypen": [
                _relatie(target, aard, toelichting, zaaktypen_here)
                for target, aard, toelichting in rel.relaties
            ],
            "beginGeldigheid": iso(row.begin_geldigheid),
            "eindeGeldigheid": iso(row.einde_geldigheid),
            "beginObject": iso(rel.begin_object),
            "eindeObject": iso(rel.einde_object),
            "versiedatum": iso(row.versiedatum or row.begin_geldigheid),
        }
        if row.broncatalogus_url or row.broncatalogus_domein or row.broncatalogus_rsin:
            data["broncatalogus"] = {
                "url": row.broncatalogus_url,
                "domein": row.broncatalogus_domein,
                "rsin": row.broncatalogus_rsin,
            }
        if row.bronzaaktype_url or row.bronzaaktype_identificatie or row.bronzaaktype_omschrijving:
            data["bronzaaktype"] = {
                "url": row.bronzaaktype_url,
                "identificatie": row.bronzaaktype_identificatie,
                "omschrijving": row.bronzaaktype_omschrijving,
            }
        result.append(data)
    return result


def _relatie(value: str, aard_relatie: str, toelichting: str, zaaktypen_here: dict[str, list[str]]) -> Data:
    if value.startswith(("http://", "https://")):
        # a zaaktype of another catalogue, kept as the URL that was given
        target, identificatie = value, ""
    else:
        found = zaaktypen_here.get(value, [])
        target, identificatie = (found[-1] if found else ""), value
    return {
        "zaaktype": target,
        "zaaktypeIdentificatie": identificatie,
        "aardRelatie": aard_relatie,
        "toelichting": toelichting,
    }


def render_informatieobjecttypen(rows: Sequence[InformatieObjectType], day: date | None = None) -> list[Data]:
    day = day or today()
    catalogi = _catalogus_uuids(row.catalogus_id for row in rows)
    catalogus_ids = {row.catalogus_id for row in rows}
    names = {row.omschrijving for row in rows}
    # zaaktypen whose zaaktype-informatieobjecttypen name these informatieobjecttypen
    zaaktype_rows = ZaakType.objects.filter(
        catalogus_id__in=catalogus_ids,
        informatieobjecttype_links__informatieobjecttype_omschrijving__in=names,
    ).values_list(
        "catalogus_id",
        "informatieobjecttype_links__informatieobjecttype_omschrijving",
        "identificatie",
        "uuid",
        "concept",
        "begin_geldigheid",
        "einde_geldigheid",
    )
    zaaktypen, zaaktype_ids = prefer_published(zaaktype_rows, "zaaktypen", day)
    besluittype_rows = BesluitType.objects.filter(
        catalogus_id__in=catalogus_ids,
        informatieobjecttype_links__informatieobjecttype_omschrijving__in=names,
    ).values_list(
        "catalogus_id",
        "informatieobjecttype_links__informatieobjecttype_omschrijving",
        "omschrijving",
        "uuid",
        "concept",
        "begin_geldigheid",
        "einde_geldigheid",
    )
    besluittypen, besluittype_names = prefer_published(besluittype_rows, "besluittypen", day)
    spans = _object_span(InformatieObjectType, "omschrijving", rows)
    result = []
    for row in rows:
        key = (row.catalogus_id, row.omschrijving)
        begin_object, einde_object = spans.get(key, (None, None))
        result.append(
            {
                "url": url("informatieobjecttypen", row.uuid),
                "catalogus": url("catalogussen", catalogi[row.catalogus_id]),
                "omschrijving": row.omschrijving,
                "vertrouwelijkheidaanduiding": row.vertrouwelijkheidaanduiding,
                "beginGeldigheid": iso(row.begin_geldigheid),
                "eindeGeldigheid": iso(row.einde_geldigheid),
                "beginObject": iso(begin_object),
                "eindeObject": iso(einde_object),
                "concept": row.concept,
                "zaaktypen": zaaktypen.get(key, []),
                "zaaktypeIdentificaties": zaaktype_ids.get(key, []),
                "besluittypen": besluittypen.get(key, []),
                "besluittypeOmschrijving": besluittype_names.get(key, []),
                "informatieobjectcategorie": row.informatieobjectcategorie,
                "trefwoord": list(row.trefwoord),
                "omschrijvingGeneriek": _omschrijving_generiek(row),
            }
        )
    return result


def _omschrijving_generiek(row: InformatieObjectType) -> Data:
    suffix = "InformatieobjecttypeOmschrijvingGeneriek"
    return {
        "informatieobjecttypeOmschrijvingGeneriek": row.omschrijving_generiek_informatieobjecttype,
        f"definitie{suffix}": row.omschrijving_generiek_definitie,
        f"herkomst{suffix}": row.omschrijving_generiek_herkomst,
        f"hierarchie{suffix}": row.omschrijving_generiek_hierarchie,
        f"opmerking{suffix}": row.omschrijving_generiek_opmerking,
    }


def render_besluittypen(rows: Sequence[BesluitType], day: date | None = None) -> list[Data]:
    day = day or today()
    ids = [row.pk for row in rows]
    catalogi = _catalogus_uuids(row.catalogus_id for row in rows)
    catalogus_ids = {row.catalogus_id for row in rows}
    names = {row.omschrijving for row in rows}
    iot_names = _group_names(
        BesluitTypeInformatieObjectType.objects.filter(besluittype_id__in=ids)
        .order_by("position", "id")
        .values_list("besluittype_id", "informatieobjecttype_omschrijving")
    )
    iot_urls = _urls_per_catalogus(rows, iot_names, informatieobjecttype_urls, day)
    zaaktype_rows = ZaakType.objects.filter(
        catalogus_id__in=catalogus_ids, besluittype_links__besluittype_omschrijving__in=names
    ).values_list(
        "catalogus_id",
        "besluittype_links__besluittype_omschrijving",
        "identificatie",
        "uuid",
        "concept",
        "begin_geldigheid",
        "einde_geldigheid",
    )
    zaaktypen, zaaktype_ids = prefer_published(zaaktype_rows, "zaaktypen", day)
    # resultaattypen of zaaktypen (shown on ``day``) in the same catalogus that name this besluittype
    resultaat_rows = (
        ResultaatTypeBesluitType.objects.filter(
            besluittype_omschrijving__in=names, resultaattype__zaaktype__catalogus_id__in=catalogus_ids
        )
        .filter(Q(resultaattype__zaaktype__concept=True) | geldig_op(day, "resultaattype__zaaktype__"))
        .values_list(
            "resultaattype__zaaktype__catalogus_id",
            "besluittype_omschrijving",
            "resultaattype__uuid",
            "resultaattype__omschrijving",
        )
    )
    resultaattypen: dict[tuple[int, str], list[str]] = defaultdict(list)
    resultaat_namen: dict[tuple[int, str], list[str]] = defaultdict(list)
    for catalogus_id, name, uuid, omschrijving in resultaat_rows:
        resultaattypen[(catalogus_id, name)].append(url("resultaattypen", uuid))
        if omschrijving not in resultaat_namen[(catalogus_id, name)]:
            resultaat_namen[(catalogus_id, name)].append(omschrijving)
    spans = _object_span(BesluitType, "omschrijving", rows)
    result = []
    for row in rows:
        key = (row.catalogus_id, row.omschrijving)
        begin_object, einde_object = spans.get(key, (None, None))
        names_here = iot_names.get(row.pk, [])
        result.append(
            {
                "url": url("besluittypen", row.uuid),
                "catalogus": url("catalogussen", catalogi[row.catalogus_id]),
                "zaaktypen": zaaktypen.get(key, []),
                "zaaktypeIdentificaties": zaaktype_ids.get(key, []),
                "omschrijving": row.omschrijving,
                "omschrijvingGeneriek": row.omschrijving_generiek,
                "besluitcategorie": row.besluitcategorie,
                "reactietermijn": row.reactietermijn,
                "publicatieIndicatie": row.publicatie_indicatie,
                "publicatietekst": row.publicatietekst,
                "publicatietermijn": row.publicatietermijn,
                "toelichting": row.toelichting,
                "informatieobjecttypen": _flatten(names_here, iot_urls.get(row.catalogus_id, {})),
                "informatieobjecttypeOmschrijvingen": names_here,
                "vastgelegdIn": names_here,
                "beginGeldigheid": iso(row.begin_geldigheid),
                "eindeGeldigheid": iso(row.einde_geldigheid),
                "beginObject": iso(begin_object),
                "eindeObject": iso(einde_object),
                "concept": row.concept,
                "resultaattypen": resultaattypen.get(key, []),
                "resultaattypenOmschrijving": resultaat_namen.get(key, []),
            }
        )
    return result
