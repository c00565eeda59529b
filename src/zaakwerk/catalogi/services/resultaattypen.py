"""Resultaattypen: the possible outcomes of zaken of a zaaktype (RULES.md 2.1–2.4).

- ztc-002: ``resultaattypeomschrijving`` is a ResultaatTypeOmschrijving of the
  Referentielijsten API (its ``omschrijving`` becomes ``omschrijvingGeneriek``);
  ``selectielijstklasse`` is a Resultaat of the Selectielijst whose ``procesType`` is the
  zaaktype's ``selectielijstProcestype`` (``procestype-mismatch``). ``archiefnominatie`` and
  ``archiefactietermijn`` default to the Resultaat's ``waardering`` and ``bewaartermijn``.
- ztc-003..008: the ``brondatumArchiefprocedure`` matrix (:mod:`.brondatum`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from zaakwerk.catalogi.models import (
    Catalogus,
    ResultaatType,
    ResultaatTypeBesluitType,
    ResultaatTypeInformatieObjectType,
    ZaakType,
)
from zaakwerk.catalogi.models.choices import Archiefnominatie
from zaakwerk.catalogi.queries import besluittype_name_from_ref, informatieobjecttype_name_from_ref
from zaakwerk.catalogi.services import brondatum, subtypes
from zaakwerk.catalogi.services.inputs import ResultaatTypeValues
from zaakwerk.catalogi.services.subtypes import AfterSave, Columns, Values
from zaakwerk.catalogi.subtype_representations import render_resultaattypen
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, ValidationError
from zaakwerk.core.references import ResourceKind, Shape, resolve
from zaakwerk.core.summaries import Resultaattypeomschrijving, SelectielijstResultaat

KIND = subtypes.SubKind(resource="resultaattype", collection="resultaattypen", render=render_resultaattypen)
RESULTAAT = ResourceKind.of(SelectielijstResultaat, "referentielijsten", "resultaten")
OMSCHRIJVING = ResourceKind.of(Resultaattypeomschrijving, "referentielijsten", "resultaattypeomschrijvingen")
# how a name or URL of a local version becomes the name stored: (value, catalogus, field)
NameOf = Callable[[str, Catalogus, str], str]
COLUMNS = (
    "omschrijving",
    "resultaattypeomschrijving",
    "selectielijstklasse",
    "toelichting",
    "archiefnominatie",
    "archiefactietermijn",
    "procesobjectaard",
    "indicatie_specifiek",
    "procestermijn",
    "begin_geldigheid",
    "einde_geldigheid",
    "begin_object",
    "einde_object",
    *brondatum.COLUMNS,
)


def _resolve(value: str, kind: ResourceKind[Shape], field: str, errors: ErrorCollector) -> Shape | None:
    try:
        return resolve(value, kind, field=field)
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
        return None


def _names(
    refs: list[str], name_of: NameOf, catalogus: Catalogus, field: str, errors: ErrorCollector
) -> list[str]:
    names: list[str] = []
    for index, ref in enumerate(refs):
        try:
            name = name_of(ref, catalogus, f"{field}.{index}")
        except ValidationError as exc:
            errors.errors.extend(exc.errors)
            continue
        if name not in names:
            names.append(name)
    return names


def _relations(
    values: Values[ResultaatTypeValues], zaaktype: ZaakType, errors: ErrorCollector
) -> AfterSave | None:
    catalogus = zaaktype.catalogus
    besluit = iot = None
    if values.sent("besluittypen"):
        besluit = _names(
            values.given["besluittypen"], besluittype_name_from_ref, catalogus, "besluittypen", errors
        )
    if values.sent("informatieobjecttypen"):
        iot = _names(
            values.given["informatieobjecttypen"],
            informatieobjecttype_name_from_ref,
            catalogus,
            "informatieobjecttypen",
            errors,
        )
    if besluit is None and iot is None:
        return None

    def save(row: ResultaatType) -> None:
        if besluit is not None:
            row.besluittype_links.all().delete()
            ResultaatTypeBesluitType.objects.bulk_create(
                ResultaatTypeBesluitType(resultaattype=row, besluittype_omschrijving=n, position=i)
                for i, n in enumerate(besluit)
            )
        if iot is not None:
            row.informatieobjecttype_links.all().delete()
            ResultaatTypeInformatieObjectType.objects.bulk_create(
                ResultaatTypeInformatieObjectType(
                    resultaattype=row, informatieobjecttype_omschrijving=n, position=i
                )
                for i, n in enumerate(iot)
            )

    return save


def _selectielijst(
    values: Values[ResultaatTypeValues], zaaktype: ZaakType, columns: Columns, errors: ErrorCollector
) -> None:
    """ztc-002/003: check the selectielijstklasse and derive the archive defaults from it."""
    selectielijst_changed = values.sent("selectielijstklasse") or values.sent("zaaktype")
    if not (selectielijst_changed or brondatum.sent(values)):
        return
    resultaat = _resolve(values.get("selectielijstklasse") or "", RESULTAAT, "selectielijstklasse", errors)
    brondatum.check(values, resultaat, errors)
    if resultaat is None:
        return
    procestype = zaaktype.selectielijst_procestype
    if selectielijst_changed and procestype and resultaat.get("procesType") != procestype:
        errors.add(
            NON_FIELD,
            "procestype-mismatch",
            "De selectielijstklasse moet horen bij het selectielijstProcestype van het zaaktype.",
        )
    waardering = resultaat.get("waardering")
    if not values.get("archiefnominatie") and waardering in Archiefnominatie.values:
        columns["archiefnominatie"] = waardering
    if not values.get("archiefactietermijn") and resultaat.get("bewaartermijn"):
        columns["archiefactietermijn"] = resultaat["bewaartermijn"]


def _prepare(
    values: Values[ResultaatTypeValues], zaaktype: ZaakType, errors: ErrorCollector
) -> tuple[Columns, AfterSave | None]:
    columns = subtypes.columns_of(values, COLUMNS)
    if values.sent("catalogus"):
        subtypes.check_catalogus(values.given["catalogus"], zaaktype, errors)
    _selectielijst(values, zaaktype, columns, errors)
    if values.sent("resultaattypeomschrijving"):
        found = _resolve(
            values.given["resultaattypeomschrijving"], OMSCHRIJVING, "resultaattypeomschrijving", errors
        )
        if found is not None:
            columns["omschrijving_generiek"] = str(found.get("omschrijving") or "")[:80]
    return columns, _relations(values, zaaktype, errors)


@transaction.atomic
def create_resultaattype(values: ResultaatTypeValues, actor: Actor, *, correctie: bool) -> ResultaatType:
    row: ResultaatType = subtypes.create_subtype(
        KIND, ResultaatType, values, actor, correctie=correctie, prepare=_prepare
    )
    return row


@transaction.atomic
def update_resultaattype(
    row: ResultaatType, changes: ResultaatTypeValues, actor: Actor, *, partial: bool, correctie: bool
) -> ResultaatType:
    updated: ResultaatType = subtypes.update_subtype(
        KIND, row, changes, actor, partial=partial, correctie=correctie, prepare=_prepare
    )
    return updated


@transaction.atomic
def delete_resultaattype(row: ResultaatType, actor: Actor, *, geforceerd: bool) -> None:
    subtypes.delete_subtype(KIND, row, actor, geforceerd=geforceerd)
