"""Resultaten: the outcome of a zaak, and the archiving parameters it decides (RULES.md 3.4, 3.6).

One resultaat per zaak; its resultaattype must belong to the zaak's zaaktype (zrc-020). Once the
zaak is closed a resultaat only changes with ``zaken.geforceerd-bijwerken``, and a change then
derives the archiving parameters again (zrc-021). Each function is one transaction that writes
the change, its audit trail line and its notification (kanaal ``zaken``) together.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import NON_FIELD, PermissionDenied, ValidationError
from zaakwerk.core.references import ResourceKind, fetch, resolve
from zaakwerk.core.summaries import CatalogusTypeOfZaaktype, Resultaattype
from zaakwerk.zaken import archiving
from zaakwerk.zaken.models import Resultaat, Zaak, ZaakBesluit, ZaakEigenschap
from zaakwerk.zaken.representations import kenmerken
from zaakwerk.zaken.representations_status import render_resultaten
from zaakwerk.zaken.services.inputs import ResultaatValues

#: A sub-type of a zaaktype, read as at least its url and zaaktype.
TypeOf = TypeVar("TypeOf", bound=CatalogusTypeOfZaaktype)
RESULTAATTYPE = ResourceKind.of(Resultaattype, "catalogi", "resultaattypen")
CLOSED = "Deze zaak is afgesloten; wijzigen vereist zaken.geforceerd-bijwerken."


def record(
    resource: str, url: str, zaak: Zaak, actie: str, actor: Actor, *, oud: Any = None, nieuw: Any = None
) -> None:
    """The audit line and notification of a change to a sub-resource of ``zaak``."""
    record_change(
        Change(
            bron="zrc",
            kanaal="zaken",
            resource=resource,
            resource_url=url,
            actie=actie,
            hoofd_object=zaak.url,
            kenmerken=kenmerken(zaak),
            resource_weergave=zaak.identificatie,
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )


def check_type_of_zaaktype(url: str, zaak: Zaak, kind: ResourceKind[TypeOf], field: str) -> TypeOf:
    """zrc-016/020: the type resolves and belongs to the zaak's zaaktype (``zaaktype-mismatch``)."""
    found = resolve(url, kind, field=field)
    if found["zaaktype"] != zaak.zaaktype:
        raise ValidationError.single(
            NON_FIELD, "zaaktype-mismatch", f"Het {field} hoort niet bij het zaaktype van de zaak."
        )
    return found


def _fetched(url: str) -> dict[str, Any]:
    body, status = fetch(url)
    return body if status == 200 and body is not None else {}


def archiving_facts(zaak: Zaak, afleidingswijze: str) -> archiving.ZaakFacts:
    """What ``afleidingswijze`` reads of ``zaak``; only that is queried or fetched."""
    facts: dict[str, Any] = {}
    if afleidingswijze == archiving.HOOFDZAAK and zaak.hoofdzaak_id is not None:
        facts["has_hoofdzaak"] = True
        facts["hoofdzaak_einddatum"] = Zaak.objects.filter(pk=zaak.hoofdzaak_id).values_list(
            "einddatum", flat=True
        )[0]
    elif afleidingswijze == archiving.EIGENSCHAP:
        facts["eigenschappen"] = dict(ZaakEigenschap.objects.filter(zaak=zaak).values_list("naam", "waarde"))
    elif afleidingswijze == archiving.ZAAKOBJECT:
        facts["zaakobjecten"] = [
            (kind, _fetched(url) if url else (identificatie or {}))
            for kind, url, identificatie in zaak.zaakobjecten.values_list(
                "object_type", "object", "object_identificatie"
            )
        ]
    elif afleidingswijze == archiving.GERELATEERDE_ZAAK:
        facts["gerelateerde_einddatums"] = [
            archiving.parse_date(_fetched(item["url"]).get("einddatum"))
            for item in zaak.relevante_andere_zaken or []
        ]
    elif afleidingswijze in (archiving.INGANGSDATUM_BESLUIT, archiving.VERVALDATUM_BESLUIT):
        urls = ZaakBesluit.objects.filter(zaak=zaak).values_list("besluit", flat=True)
        facts["besluiten"] = [_fetched(url) for url in urls]
    return archiving.ZaakFacts(
        einddatum=zaak.einddatum,
        archiefnominatie=zaak.archiefnominatie,
        archiefactiedatum=zaak.archiefactiedatum,
        **facts,
    )


def apply_archiving(zaak: Zaak, resultaattype_url: str) -> None:
    """zrc-021: set the archiving parameters of a closed ``zaak`` (not saved here)."""
    resultaattype, status = fetch(resultaattype_url)
    if status != 200 or resultaattype is None:
        raise ValidationError.single(
            NON_FIELD, "archiefactiedatum-error", "Het resultaattype van de zaak kan niet opgehaald worden."
        )
    afleidingswijze = (resultaattype.get("brondatumArchiefprocedure") or {}).get("afleidingswijze") or ""
    try:
        derived = archiving.derive(resultaattype, archiving_facts(zaak, afleidingswijze))
    except archiving.ArchivingError as exc:
        raise ValidationError.single(NON_FIELD, "archiefactiedatum-error", str(exc)) from exc
    zaak.archiefnominatie = derived.archiefnominatie
    zaak.archiefactiedatum = derived.archiefactiedatum


def _rearchive(zaak: Zaak, resultaattype_url: str) -> None:
    """After a forced change of the resultaat of a closed zaak: derive again from scratch."""
    zaak.archiefnominatie, zaak.archiefactiedatum = "", None
    apply_archiving(zaak, resultaattype_url)
    zaak.save(update_fields=["archiefnominatie", "archiefactiedatum"])


def _locked(zaak: Zaak, geforceerd: bool) -> Zaak:
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    # zrc-007: the resultaat of a closed zaak only changes with zaken.geforceerd-bijwerken
    if zaak.einddatum is not None and not geforceerd:
        raise PermissionDenied(CLOSED)
    return zaak


@transaction.atomic
def create_resultaat(zaak: Zaak, values: ResultaatValues, actor: Actor, *, geforceerd: bool) -> Resultaat:
    """``values``: resultaattype (URL) and toelichting.

    A zaak has one resultaat: a second one is refused (400) before the closed-zaak check (403),
    as no scope could make it acceptable.
    """
    if Resultaat.objects.filter(zaak=Zaak.objects.select_for_update().get(pk=zaak.pk)).exists():
        raise ValidationError.single(NON_FIELD, "unique", "Deze zaak heeft al een resultaat.")
    zaak = _locked(zaak, geforceerd)
    check_type_of_zaaktype(values["resultaattype"], zaak, RESULTAATTYPE, "resultaattype")
    resultaat = Resultaat.objects.create(
        zaak=zaak, resultaattype=values["resultaattype"], toelichting=values.get("toelichting", "")
    )
    if zaak.einddatum is not None:
        _rearchive(zaak, resultaat.resultaattype)
    record("resultaat", resultaat.url, zaak, "create", actor, nieuw=render_resultaten([resultaat])[0])
    return resultaat


@transaction.atomic
def update_resultaat(
    resultaat: Resultaat, changes: ResultaatValues, actor: Actor, *, partial: bool, geforceerd: bool
) -> Resultaat:
    """PUT (all fields) or PATCH (``changes`` = the fields sent, not changed here); the zaak cannot
    change."""
    zaak = _locked(resultaat.zaak, geforceerd)
    resultaat = Resultaat.objects.select_for_update().get(pk=resultaat.pk)
    oud = render_resultaten([resultaat])[0]
    if "zaak" in changes and changes["zaak"] != zaak.url:
        raise ValidationError.single(
            "zaak", "wijzigen-niet-toegelaten", "De zaak van een resultaat mag niet wijzigen."
        )
    retyped = "resultaattype" in changes and changes["resultaattype"] != resultaat.resultaattype
    if retyped:
        check_type_of_zaaktype(changes["resultaattype"], zaak, RESULTAATTYPE, "resultaattype")
    if "resultaattype" in changes:
        resultaat.resultaattype = changes["resultaattype"]
    if "toelichting" in changes:
        resultaat.toelichting = changes["toelichting"]
    resultaat.save()
    if retyped and zaak.einddatum is not None:
        _rearchive(zaak, resultaat.resultaattype)
    nieuw = render_resultaten([resultaat])[0]
    record(
        "resultaat",
        resultaat.url,
        zaak,
        "partial_update" if partial else "update",
        actor,
        oud=oud,
        nieuw=nieuw,
    )
    return resultaat


@transaction.atomic
def delete_resultaat(resultaat: Resultaat, actor: Actor, *, geforceerd: bool) -> None:
    zaak = _locked(resultaat.zaak, geforceerd)
    oud = render_resultaten([resultaat])[0]
    record("resultaat", resultaat.url, zaak, "destroy", actor, oud=oud)
    resultaat.delete()
