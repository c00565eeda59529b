"""Zaken: create, change and delete (RULES.md 3.1, 3.4, 3.7).

Each function is one transaction that writes the change, its audit trail line and its
notification (kanaal ``zaken``) together.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import ErrorCollector, PermissionDenied
from zaakwerk.core.references import read
from zaakwerk.core.summaries import InformatieobjectStatus, ZaaktypeSummary
from zaakwerk.core.vertrouwelijkheid import rank
from zaakwerk.zaken import counts, registers
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.models.choices import Archiefstatus
from zaakwerk.zaken.representations import kenmerken, render_new_zaak, render_zaken
from zaakwerk.zaken.services import identificatie, validation
from zaakwerk.zaken.services.inputs import ZaakValues

logger = logging.getLogger("zaakwerk.zaken")

# Fields that identify a zaak: fixed once it exists (zrc-002).
IMMUTABLE = ("identificatie", "bronorganisatie")


def _record(zaak: Zaak, actie: str, actor: Actor, *, oud: Any = None, nieuw: Any = None) -> None:
    record_change(
        Change(
            bron="zrc",
            kanaal="zaken",
            resource="zaak",
            resource_url=zaak.url,
            actie=actie,
            hoofd_object=zaak.url,
            kenmerken=kenmerken(zaak),
            resource_weergave=zaak.identificatie,
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )


def _snapshot(zaak: Zaak) -> dict[str, Any]:
    return render_zaken([zaak])[0]


@dataclass(frozen=True)
class _Checked:
    """What the checks found beside the input: the zaaktype when it was resolved, the hoofdzaak
    row when it was to be checked, the bounding box of a valid zaakgeometrie (its columns)."""

    zaaktype: ZaaktypeSummary | None
    hoofdzaak: Zaak | None
    bbox: dict[str, float | None]


def _check(values: ZaakValues, zaak: Zaak | None, changed: set[str], errors: ErrorCollector) -> _Checked:
    """Validate ``values`` (the merged state); references only when they changed."""
    zaaktype_data = None
    if "zaaktype" in changed:
        zaaktype_data = validation.zaaktype(values["zaaktype"], errors)
    if values.get("communicatiekanaal") and "communicatiekanaal" in changed:
        validation.communicatiekanaal(values["communicatiekanaal"], errors)
    if "relevante_andere_zaken" in changed:
        validation.relevante_andere_zaken(values.get("relevante_andere_zaken") or [], errors)
    hoofdzaak = None
    if "hoofdzaak" in changed:
        hoofdzaak = validation.hoofdzaak(values.get("hoofdzaak"), zaak, errors)
    if "producten_of_diensten" in changed or "zaaktype" in changed:
        if zaaktype_data is None and "zaaktype" not in changed and values.get("producten_of_diensten"):
            zaaktype_data = validation.zaaktype(values["zaaktype"], errors)
        if zaaktype_data is not None:
            validation.producten_of_diensten(values.get("producten_of_diensten") or [], zaaktype_data, errors)
    validation.betaling(values, errors)
    validation.archief(values, errors)
    bbox = validation.geometrie(values, errors)
    return _Checked(zaaktype_data, hoofdzaak, bbox)


@transaction.atomic
def create_zaak(values: ZaakValues, actor: Actor, *, allowed: Callable[[Zaak], bool] | None = None) -> Zaak:
    """Create a zaak from ``values`` (not changed here).

    ``allowed``: whether the caller may have the zaak as created (its zaaktype and
    vertrouwelijkheidaanduiding are only final here); if not, nothing is written
    (PermissionDenied).
    """
    errors = ErrorCollector()
    checked = _check(values, None, set(values), errors)
    errors.raise_if_any()
    assert checked.zaaktype is not None
    # zrc-009: the zaaktype's vertrouwelijkheidaanduiding unless one is given
    vertrouwelijkheid = (
        values.get("vertrouwelijkheidaanduiding") or checked.zaaktype["vertrouwelijkheidaanduiding"]
    )
    nummer = values.get("identificatie")
    if nummer:
        identificatie.claim(values["bronorganisatie"], nummer)
    else:
        nummer = identificatie.generate(values["bronorganisatie"], values["startdatum"])
    columns: dict[str, object] = {
        **values,
        "vertrouwelijkheidaanduiding": vertrouwelijkheid,
        "vertrouwelijkheid_rank": rank(vertrouwelijkheid),
        "registratiedatum": values.get("registratiedatum", timezone.localdate()),
        "identificatie": nummer,
        **checked.bbox,
    }
    if "hoofdzaak" in values:
        columns["hoofdzaak"] = checked.hoofdzaak
    zaak = Zaak(**columns)
    if allowed is not None and not allowed(zaak):
        raise PermissionDenied()
    zaak.save(force_insert=True)
    counts.created(zaak)
    _record(zaak, "create", actor, nieuw=render_new_zaak(zaak))
    return zaak


def _check_immutable(zaak: Zaak, changes: ZaakValues, errors: ErrorCollector) -> None:
    for name in IMMUTABLE:
        if name in changes and changes.get(name) != getattr(zaak, name):
            errors.add(name, "wijzigen-niet-toegelaten", f"Het veld {name} mag niet gewijzigd worden.")


def _check_documents_archived(zaak: Zaak, errors: ErrorCollector) -> None:
    """zrc-022: archived only when every related informatieobject is archived."""
    for url in zaak.zaakinformatieobjecten.values_list("informatieobject", flat=True):
        found = read(url, InformatieobjectStatus)
        if found is None or found.get("status") != "gearchiveerd":
            errors.add(
                "archiefstatus",
                "documents-not-archived",
                "Alle gerelateerde informatieobjecten moeten de status 'gearchiveerd' hebben.",
            )
            return


@transaction.atomic
def update_zaak(zaak: Zaak, changes: ZaakValues, actor: Actor, *, partial: bool, geforceerd: bool) -> Zaak:
    """PUT (all fields) or PATCH (``changes`` = the fields sent) of a zaak; ``changes`` is not changed."""
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    # zrc-007: a closed zaak only changes with zaken.geforceerd-bijwerken
    if zaak.einddatum is not None and not geforceerd:
        raise PermissionDenied("Deze zaak is afgesloten; wijzigen vereist zaken.geforceerd-bijwerken.")
    oud = _snapshot(zaak)
    errors = ErrorCollector()
    _check_immutable(zaak, changes, errors)
    changed = {
        key
        for key, value in changes.items()
        if value != (oud["hoofdzaak"] if key == "hoofdzaak" else getattr(zaak, key))
    }
    merged = _merged(zaak, changes)
    if (
        "betalingsindicatie" in changed
        and merged["betalingsindicatie"] == "nvt"
        and "laatste_betaaldatum" not in changes
    ):
        merged["laatste_betaaldatum"] = None  # zrc-014: nvt clears the payment date
        changed.add("laatste_betaaldatum")
    # zrc-022: the documents first, the reason a client cannot fix in this request
    if "archiefstatus" in changed and merged["archiefstatus"] != Archiefstatus.nog_te_archiveren:
        _check_documents_archived(zaak, errors)
    checked = _check(merged, zaak, changed, errors)
    errors.raise_if_any()
    columns: dict[str, object] = {key: value for key, value in merged.items() if key in changed}
    if "hoofdzaak" in changed:
        columns["hoofdzaak"] = checked.hoofdzaak
    if "zaakgeometrie" in changed:
        columns.update(checked.bbox)
    group = (zaak.zaaktype, zaak.vertrouwelijkheid_rank)
    for key, value in columns.items():
        setattr(zaak, key, value)
    zaak.vertrouwelijkheid_rank = rank(zaak.vertrouwelijkheidaanduiding)
    zaak.save()
    counts.move(group, (zaak.zaaktype, zaak.vertrouwelijkheid_rank))
    _record(zaak, "partial_update" if partial else "update", actor, oud=oud, nieuw=_snapshot(zaak))
    return zaak


def _merged(zaak: Zaak, changes: ZaakValues) -> ZaakValues:
    """The zaak's values with ``changes`` applied, for the checks that span fields (a new dict).

    The hoofdzaak is only read when it changed, and then ``changes`` holds it."""
    merged: ZaakValues = {
        "zaaktype": zaak.zaaktype,
        "producten_of_diensten": zaak.producten_of_diensten,
        "betalingsindicatie": zaak.betalingsindicatie,
        "laatste_betaaldatum": zaak.laatste_betaaldatum,
        "archiefstatus": zaak.archiefstatus,
        "archiefnominatie": zaak.archiefnominatie,
        "archiefactiedatum": zaak.archiefactiedatum,
        "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
        "communicatiekanaal": zaak.communicatiekanaal,
    }
    merged.update(changes)
    return merged


@transaction.atomic
def delete_zaak(zaak: Zaak, actor: Actor) -> None:
    """zrc-023: the zaak and everything of it (deelzaken included); one notification.

    The zaak's audit trail goes too: a line for the deletion would outlive what it is about,
    so only the notification is written.
    """
    from zaakwerk.core.models import AuditTrail

    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    deelzaken = _descendants(zaak)
    deelzaak_urls = [z.url for z in deelzaken]
    record_change(
        Change(
            bron="zrc",
            kanaal="zaken",
            resource="zaak",
            resource_url=zaak.url,
            actie="destroy",
            hoofd_object=zaak.url,
            kenmerken=kenmerken(zaak),
            resource_weergave=zaak.identificatie,
        ),
        actor,
        audit=False,
    )
    AuditTrail.objects.filter(hoofd_object__in=[zaak.url, *deelzaak_urls]).delete()
    for each in (zaak, *deelzaken):
        _unmirror(each)
    counts.remove([zaak, *deelzaken])
    zaak.delete()


def _unmirror(zaak: Zaak) -> None:
    """zrc-023: the zaak's objectinformatieobjecten go with it, as far as the register allows.

    An in-process register deletes them in this transaction; a remote one once it commits.
    """
    zaak_url = zaak.url
    for url in zaak.zaakinformatieobjecten.values_list("informatieobject", flat=True):
        documenten = registers.documenten(url)
        if documenten.in_process:
            _delete_mirror(documenten, url, zaak_url)
        else:
            transaction.on_commit(functools.partial(_delete_mirror, documenten, url, zaak_url))


def _delete_mirror(documenten: registers.DocumentenRegister, informatieobject: str, zaak_url: str) -> None:
    try:
        documenten.delete_objectinformatieobject(informatieobject, zaak_url)
    except registers.RegisterError:
        logger.warning("objectinformatieobject of %s not deleted", informatieobject, exc_info=True)


def _descendants(zaak: Zaak) -> list[Zaak]:
    """The deelzaken the delete cascades to (and theirs, should there be any)."""
    found: list[Zaak] = []
    level = list(Zaak.objects.filter(hoofdzaak=zaak).only("uuid", "zaaktype", "vertrouwelijkheid_rank"))
    while level:
        found.extend(level)
        level = list(
            Zaak.objects.filter(hoofdzaak__in=level).only("uuid", "zaaktype", "vertrouwelijkheid_rank")
        )
    return found
