"""Informatieobjecten: create, new versions, delete (RULES.md 4.1, 4.3).

Each function is one transaction that writes the change, its audit trail line and its
notification (kanaal ``documenten``) together; contents are staged inside the same transaction
(:func:`zaakwerk.documenten.storage.staging`), so a failure leaves no file and no row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, PermissionDenied, ValidationError
from zaakwerk.core.models import AuditTrail
from zaakwerk.core.summaries import InformatieobjecttypeSummary
from zaakwerk.core.values import only
from zaakwerk.core.vertrouwelijkheid import rank
from zaakwerk.documenten import counts, storage
from zaakwerk.documenten.models import (
    BestandsDeel,
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectVersie,
    Inhoud,
)
from zaakwerk.documenten.representations import kenmerken, render_latest
from zaakwerk.documenten.services import content, identificatie, locking, validation
from zaakwerk.documenten.services.inputs import InformatieObjectValues


def _values_of(versie: EnkelvoudigInformatieObjectVersie) -> InformatieObjectValues:
    """The fields a new version takes over from ``versie`` unless the request sets them."""
    return {
        "identificatie": versie.identificatie,
        "bronorganisatie": versie.bronorganisatie,
        "creatiedatum": versie.creatiedatum,
        "titel": versie.titel,
        "vertrouwelijkheidaanduiding": versie.vertrouwelijkheidaanduiding,
        "is_gereed_voor_publicatie": versie.is_gereed_voor_publicatie,
        "tonen_aan_initiator": versie.tonen_aan_initiator,
        "auteur": versie.auteur,
        "status": versie.status,
        "inhoud_is_vervallen": versie.inhoud_is_vervallen,
        "formaat": versie.formaat,
        "taal": versie.taal,
        "bestandsnaam": versie.bestandsnaam,
        "bestandsomvang": versie.bestandsomvang,
        "link": versie.link,
        "beschrijving": versie.beschrijving,
        "ontvangstdatum": versie.ontvangstdatum,
        "verzenddatum": versie.verzenddatum,
        "indicatie_gebruiksrecht": versie.indicatie_gebruiksrecht,
        "verschijningsvorm": versie.verschijningsvorm,
        "ondertekening": versie.ondertekening,
        "integriteit": versie.integriteit,
        "informatieobjecttype": versie.informatieobjecttype,
        "trefwoorden": versie.trefwoorden,
    }


def record(
    eio: EnkelvoudigInformatieObject,
    actie: str,
    actor: Actor,
    *,
    oud: Any = None,
    audit: bool = True,
    delen: list[BestandsDeel] | None = None,
) -> None:
    """The audit line and notification of a change; ``delen``: the document's bestandsdelen when
    the caller knows them (saves reading them for the audit line)."""
    versie = eio.latest
    assert versie is not None
    record_change(
        Change(
            bron="drc",
            kanaal="documenten",
            resource="enkelvoudiginformatieobject",
            resource_url=eio.url,
            actie=actie,
            hoofd_object=eio.url,
            kenmerken=kenmerken(versie),
            resource_weergave=versie.identificatie,
            oud=oud,
            nieuw=render_latest(eio, delen=delen) if audit and actie != "destroy" else None,
        ),
        actor,
        audit=audit,
    )


def _check(
    values: InformatieObjectValues, changed: set[str], has_gebruiksrechten: bool
) -> InformatieobjecttypeSummary | None:
    errors = ErrorCollector()
    type_data = None
    if "informatieobjecttype" in changed:
        type_data = validation.informatieobjecttype(values["informatieobjecttype"], errors)
    validation.status(values, errors)
    if "indicatie_gebruiksrecht" in changed:
        validation.indicatie_gebruiksrecht(values.get("indicatie_gebruiksrecht"), has_gebruiksrechten, errors)
    errors.raise_if_any()
    return type_data


def _new_version(
    eio: EnkelvoudigInformatieObject, values: InformatieObjectValues, inhoud: Inhoud | None, number: int
) -> EnkelvoudigInformatieObjectVersie:
    versie = EnkelvoudigInformatieObjectVersie.objects.create(
        informatieobject=eio,
        versie=number,
        begin_registratie=timezone.now(),
        inhoud=inhoud,
        vertrouwelijkheid_rank=rank(values["vertrouwelijkheidaanduiding"]),
        **values,
    )
    # the document is counted in the group of its current version
    counts.move(eio.pk, counts.group(eio.latest) if eio.latest is not None else None, counts.group(versie))
    eio.latest = versie
    eio.bronorganisatie = versie.bronorganisatie
    eio.identificatie = versie.identificatie
    eio.informatieobjecttype = versie.informatieobjecttype
    eio.vertrouwelijkheid_rank = versie.vertrouwelijkheid_rank
    eio.save(
        update_fields=[
            "latest",
            "bronorganisatie",
            "identificatie",
            "informatieobjecttype",
            "vertrouwelijkheid_rank",
            "lock",
        ]
    )
    versie.informatieobject = eio
    return versie


@dataclass(frozen=True)
class Content:
    """A new version's file, or None (parts to come, or none), and the bestandsomvang to store;
    ``delen``: the document's bestandsdelen now, when known without reading them."""

    inhoud: Inhoud | None
    bestandsomvang: int | None
    delen: list[BestandsDeel] | None = None


def _content(
    eio: EnkelvoudigInformatieObject,
    values: InformatieObjectValues,
    inhoud_text: str | None,
    omvang_given: bool,
    *,
    new: bool = False,
) -> Content:
    """The new version's file (base64), or parts to come (bestandsomvang without inhoud).

    A bestandsomvang sent with the inhoud must match it; one taken over from the previous
    version is replaced by the new size. ``values`` are not changed: the size is returned.
    ``new``: the document was created in this transaction, so it has no parts to discard."""
    omvang = values.get("bestandsomvang")
    inhoud = content.from_base64(inhoud_text or "", omvang if omvang_given else None)
    if inhoud is not None:
        if not new:
            content.discard_parts(eio)
        return Content(inhoud, inhoud.omvang, [])
    if omvang:
        delen = content.create_parts(eio, omvang, replace=not new)
        if not eio.lock:
            eio.lock = locking.new_lock()  # RULES.md 4.4: the document is locked for the upload
        return Content(None, omvang, delen)
    return Content(None, omvang, [] if new else None)


Allowed = Callable[[EnkelvoudigInformatieObjectVersie], bool]


def _always(versie: EnkelvoudigInformatieObjectVersie) -> bool:
    return True


def create_informatieobject(
    values: InformatieObjectValues, inhoud_text: str | None, actor: Actor, *, allowed: Allowed = _always
) -> EnkelvoudigInformatieObject:
    """Create a document and its first version; ``values`` are version field values (not changed
    here).

    ``allowed`` decides whether the caller may have the document as created (its type and
    vertrouwelijkheid are known only now); False rolls everything back with a 403."""
    with storage.staging():
        type_data = _check(values, set(values), has_gebruiksrechten=False)
        assert type_data is not None
        bronorganisatie = values["bronorganisatie"]
        nummer = values.get("identificatie")
        if nummer:
            identificatie.claim(bronorganisatie, nummer)
        else:
            nummer = identificatie.generate(bronorganisatie, timezone.localdate().year)
        eio = EnkelvoudigInformatieObject.objects.create(
            bronorganisatie=bronorganisatie, identificatie=nummer
        )
        found = _content(eio, values, inhoud_text, omvang_given=True, new=True)
        stored: InformatieObjectValues = {
            **values,
            "identificatie": nummer,
            # drc-007: the informatieobjecttype's vertrouwelijkheidaanduiding unless one is given
            "vertrouwelijkheidaanduiding": values.get("vertrouwelijkheidaanduiding")
            or type_data["vertrouwelijkheidaanduiding"],
            "bestandsomvang": found.bestandsomvang,
        }
        if not allowed(_new_version(eio, stored, found.inhoud, 1)):
            raise PermissionDenied()
        record(eio, "create", actor, delen=found.delen)
    return eio


def update_informatieobject(
    eio: EnkelvoudigInformatieObject,
    changes: InformatieObjectValues,
    inhoud_text: str | None,
    lock: str | None,
    actor: Actor,
    *,
    partial: bool,
    allowed: Allowed = _always,
) -> EnkelvoudigInformatieObject:
    """PUT or PATCH: a new version with ``changes`` applied, not changed here (drc-009: the lock
    is required)."""
    with storage.staging():
        eio = (
            EnkelvoudigInformatieObject.objects.select_for_update(of=("self",))
            .select_related("latest")
            .get(pk=eio.pk)
        )
        locking.check_lock(eio, lock)
        previous = eio.latest
        assert previous is not None
        oud = render_latest(eio)
        before = _values_of(previous)
        if not changes.get("identificatie"):
            # an identificatie left out of a PUT keeps the one given or generated before
            changes = only(changes, set(changes) - {"identificatie"})
        changed = {key for key, value in changes.items() if value != before.get(key)}
        merged: InformatieObjectValues = {**before, **changes}
        if not merged.get("vertrouwelijkheidaanduiding"):
            merged["vertrouwelijkheidaanduiding"] = previous.vertrouwelijkheidaanduiding
        has_rechten = eio.gebruiksrechten.exists()
        type_data = _check(merged, changed, has_rechten)
        if "identificatie" in changed or "bronorganisatie" in changed:
            identificatie.claim(merged["bronorganisatie"], merged["identificatie"], exclude_pk=eio.pk)
        if type_data is not None and not changes.get("vertrouwelijkheidaanduiding") and not partial:
            merged["vertrouwelijkheidaanduiding"] = type_data["vertrouwelijkheidaanduiding"]
        if inhoud_text is not None or "bestandsomvang" in changed:
            found = _content(eio, merged, inhoud_text, "bestandsomvang" in changes)
            inhoud = found.inhoud
            merged["bestandsomvang"] = found.bestandsomvang
        else:
            inhoud = previous.inhoud
        if not allowed(_new_version(eio, merged, inhoud, previous.versie + 1)):
            raise PermissionDenied()
        record(eio, "partial_update" if partial else "update", actor, oud=oud)
    return eio


def delete_informatieobject(eio: EnkelvoudigInformatieObject, actor: Actor) -> None:
    """drc-008: the document with all its versions, parts, gebruiksrechten and audit trail; refused
    while objectinformatieobjecten point at it."""
    with storage.staging():
        eio = (
            EnkelvoudigInformatieObject.objects.select_for_update(of=("self",))
            .select_related("latest")
            .get(pk=eio.pk)
        )
        if eio.objectinformatieobjecten.exists():
            raise ValidationError.single(
                NON_FIELD,
                "pending-relations",
                "Het informatieobject kan niet verwijderd worden zolang er objectinformatieobjecten "
                "naar verwijzen.",
            )
        record(eio, "destroy", actor, audit=False)
        assert eio.latest is not None
        counts.move(eio.pk, counts.group(eio.latest), None)
        AuditTrail.objects.filter(hoofd_object=eio.url).delete()
        content.discard_parts(eio)
        inhoud_ids = set(eio.versies.exclude(inhoud=None).values_list("inhoud_id", flat=True))
        eio.latest = None
        eio.save(update_fields=["latest"])
        eio.delete()
        for inhoud in Inhoud.objects.filter(pk__in=inhoud_ids):
            storage.discard_on_commit(inhoud.naam)
            inhoud.delete()


def sync_indicatie_gebruiksrecht(eio: EnkelvoudigInformatieObject) -> None:
    """drc-006 hook for the gebruiksrechten service, inside its transaction: ``true`` while
    gebruiksrechten exist, ``null`` once the last is gone. Changes the current version in place."""
    versie = EnkelvoudigInformatieObjectVersie.objects.select_for_update().get(latest_of=eio)
    wanted = True if eio.gebruiksrechten.exists() else None
    if versie.indicatie_gebruiksrecht != wanted:
        versie.indicatie_gebruiksrecht = wanted
        versie.save(update_fields=["indicatie_gebruiksrecht"])
