"""Informatieobjecten: create, new versions, delete (RULES.md 4.1, 4.3).

Each function is one transaction that writes the change, its audit trail line and its
notification (kanaal ``documenten``) together; contents are staged inside the same transaction
(:func:`zaakwerk.documenten.storage.staging`), so a failure leaves no file and no row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, PermissionDenied, ValidationError
from zaakwerk.core.models import AuditTrail
from zaakwerk.core.summaries import InformatieobjecttypeSummary
from zaakwerk.core.vertrouwelijkheid import rank
from zaakwerk.documenten import counts, storage
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, EnkelvoudigInformatieObjectVersie, Inhoud
from zaakwerk.documenten.representations import kenmerken, render_latest
from zaakwerk.documenten.services import content, identificatie, locking, validation

# version fields a new version takes over from the previous one unless the request sets them
VERSION_FIELDS = (
    "identificatie",
    "bronorganisatie",
    "creatiedatum",
    "titel",
    "vertrouwelijkheidaanduiding",
    "is_gereed_voor_publicatie",
    "tonen_aan_initiator",
    "auteur",
    "status",
    "inhoud_is_vervallen",
    "formaat",
    "taal",
    "bestandsnaam",
    "bestandsomvang",
    "link",
    "beschrijving",
    "ontvangstdatum",
    "verzenddatum",
    "indicatie_gebruiksrecht",
    "verschijningsvorm",
    "ondertekening",
    "integriteit",
    "informatieobjecttype",
    "trefwoorden",
)


def record(
    eio: EnkelvoudigInformatieObject, actie: str, actor: Actor, *, oud: Any = None, audit: bool = True
) -> None:
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
            nieuw=render_latest(eio) if audit and actie != "destroy" else None,
        ),
        actor,
        audit=audit,
    )


def _check(
    values: dict[str, Any], changed: set[str], has_gebruiksrechten: bool
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
    eio: EnkelvoudigInformatieObject, values: dict[str, Any], inhoud: Inhoud | None, number: int
) -> EnkelvoudigInformatieObjectVersie:
    values["vertrouwelijkheid_rank"] = rank(values["vertrouwelijkheidaanduiding"])
    versie = EnkelvoudigInformatieObjectVersie.objects.create(
        informatieobject=eio, versie=number, begin_registratie=timezone.now(), inhoud=inhoud, **values
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


def _content(
    eio: EnkelvoudigInformatieObject, values: dict[str, Any], inhoud_text: str | None, omvang_given: bool
) -> Inhoud | None:
    """The new version's file (base64), or parts to come (bestandsomvang without inhoud).

    A bestandsomvang sent with the inhoud must match it; one taken over from the previous
    version is replaced by the new size."""
    inhoud = content.from_base64(inhoud_text or "", values.get("bestandsomvang") if omvang_given else None)
    if inhoud is not None:
        content.discard_parts(eio)
        values["bestandsomvang"] = inhoud.omvang
        return inhoud
    omvang = values.get("bestandsomvang")
    if omvang:
        content.create_parts(eio, omvang)
        if not eio.lock:
            eio.lock = locking.new_lock()  # RULES.md 4.4: the document is locked for the upload
    return None


Allowed = Callable[[EnkelvoudigInformatieObjectVersie], bool]


def _always(versie: EnkelvoudigInformatieObjectVersie) -> bool:
    return True


def create_informatieobject(
    values: dict[str, Any], inhoud_text: str | None, actor: Actor, *, allowed: Allowed = _always
) -> EnkelvoudigInformatieObject:
    """Create a document and its first version; ``values`` are version field values.

    ``allowed`` decides whether the caller may have the document as created (its type and
    vertrouwelijkheid are known only now); False rolls everything back with a 403."""
    with storage.staging():
        values = dict(values)
        type_data = _check(values, set(values), has_gebruiksrechten=False)
        assert type_data is not None
        # drc-007: the informatieobjecttype's vertrouwelijkheidaanduiding unless one is given
        if not values.get("vertrouwelijkheidaanduiding"):
            values["vertrouwelijkheidaanduiding"] = type_data["vertrouwelijkheidaanduiding"]
        if values.get("identificatie"):
            identificatie.claim(values["bronorganisatie"], values["identificatie"])
        else:
            values["identificatie"] = identificatie.generate(
                values["bronorganisatie"], timezone.localdate().year
            )
        eio = EnkelvoudigInformatieObject.objects.create(
            bronorganisatie=values["bronorganisatie"], identificatie=values["identificatie"]
        )
        inhoud = _content(eio, values, inhoud_text, omvang_given=True)
        if not allowed(_new_version(eio, values, inhoud, 1)):
            raise PermissionDenied()
        record(eio, "create", actor)
    return eio


def update_informatieobject(
    eio: EnkelvoudigInformatieObject,
    changes: dict[str, Any],
    inhoud_text: str | None,
    lock: str | None,
    actor: Actor,
    *,
    partial: bool,
    allowed: Allowed = _always,
) -> EnkelvoudigInformatieObject:
    """PUT or PATCH: a new version with ``changes`` applied (drc-009: the lock is required)."""
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
        merged = {name: getattr(previous, name) for name in VERSION_FIELDS}
        if not changes.get("identificatie"):
            # an identificatie left out of a PUT keeps the one given or generated before
            changes = {key: value for key, value in changes.items() if key != "identificatie"}
        changed = {key for key, value in changes.items() if value != merged.get(key)}
        merged.update(changes)
        if not merged.get("vertrouwelijkheidaanduiding"):
            merged["vertrouwelijkheidaanduiding"] = previous.vertrouwelijkheidaanduiding
        has_rechten = eio.gebruiksrechten.exists()
        type_data = _check(merged, changed, has_rechten)
        if "identificatie" in changed or "bronorganisatie" in changed:
            identificatie.claim(merged["bronorganisatie"], merged["identificatie"], exclude_pk=eio.pk)
        if type_data is not None and not changes.get("vertrouwelijkheidaanduiding") and not partial:
            merged["vertrouwelijkheidaanduiding"] = type_data["vertrouwelijkheidaanduiding"]
        new_content = inhoud_text is not None or "bestandsomvang" in changed
        given = "bestandsomvang" in changes
        inhoud = _content(eio, merged, inhoud_text, given) if new_content else previous.inhoud
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
