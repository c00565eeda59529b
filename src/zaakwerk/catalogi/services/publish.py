"""Rules shared by the versioned main types: zaaktypen, informatieobjecttypen, besluittypen.

- ztc-009: a published version (``concept=false``) is frozen. It MAG NIET be changed or deleted,
  except a PATCH of only ``eindeGeldigheid``, or as a *correctie* (scope
  ``catalogi.geforceerd-schrijven``; deleting: ``catalogi.geforceerd-verwijderen``).
- Publishing a version ends the previous published version of the same name on the day before
  the new ``beginGeldigheid`` (RULES.md 2.3); validity is inclusive on both ends.
- Every change is recorded (audit + notification) in its own transaction (DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import models
from django.db.models import ProtectedError, Q, RestrictedError

from zaakwerk.catalogi.models import BesluitType, InformatieObjectType, ZaakType
from zaakwerk.catalogi.urls import url
from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, ValidationError

Version = ZaakType | InformatieObjectType | BesluitType
Render = Callable[[list[Any]], list[dict[str, Any]]]

# Fields a PATCH may change on a published version without being a correctie (ztc-009).
ALWAYS_CHANGEABLE = frozenset({"einde_geldigheid"})


@dataclass(frozen=True)
class Kind:
    """What differs between the three versioned types."""

    resource: str  # the notification's resource name, e.g. "zaaktype"
    collection: str  # URL segment and kanaal, e.g. "zaaktypen"
    name_field: str  # the field versions share: identificatie or omschrijving
    render: Render


def check_editable(version: Version, fields: Iterable[str], *, correctie: bool) -> None:
    """ztc-009 for PUT/PATCH: refuse changes of a published version unless allowed."""
    if version.concept or correctie:
        return
    if set(fields) <= ALWAYS_CHANGEABLE:
        return
    raise ValidationError.single(
        NON_FIELD,
        "non-concept-object",
        "Het is niet toegestaan een gepubliceerd object te wijzigen, behalve de eindeGeldigheid "
        "(of als correctie met de scope catalogi.geforceerd-schrijven).",
    )


def check_deletable(version: Version, *, geforceerd: bool) -> None:
    """ztc-009 for DELETE."""
    if version.concept or geforceerd:
        return
    raise ValidationError.single(
        NON_FIELD,
        "non-concept-object",
        "Het is niet toegestaan een gepubliceerd object te verwijderen "
        "(behalve met de scope catalogi.geforceerd-verwijderen).",
    )


def check_geldigheid(begin: date, einde: date | None, errors: ErrorCollector) -> None:
    if einde is not None and einde < begin:
        errors.add(
            "eindeGeldigheid",
            "date-mismatch",
            "eindeGeldigheid mag niet voor beginGeldigheid liggen.",
        )


def delete_rows(version: Version) -> None:
    """Delete a version; objects elsewhere that still refer to it make this a 400, not a 500."""
    try:
        version.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise ValidationError.single(
            NON_FIELD,
            "pending-relations",
            f"Dit object kan niet verwijderd worden: er verwijzen nog {len(exc.args[1])} objecten naar.",
        ) from exc


def record(
    kind: Kind, version: Version, actie: str, actor: Actor, *, oud: Any = None, nieuw: Any = None
) -> None:
    """The audit line and the notification of a change, inside its transaction."""
    resource_url = url(kind.collection, version.uuid)
    catalogus_url = url("catalogussen", version.catalogus.uuid)
    record_change(
        Change(
            bron="ztc",
            kanaal=kind.collection,
            resource=kind.resource,
            resource_url=resource_url,
            actie=actie,
            hoofd_object=resource_url,
            kenmerken={"catalogus": catalogus_url},
            resource_weergave=str(version),
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )


def snapshot(kind: Kind, version: Version) -> dict[str, Any]:
    return kind.render([version])[0]


def other_versions(version: Version, name_field: str) -> models.QuerySet[Any]:
    """The other versions of the same name in the same catalogus."""
    manager: Any = type(version).objects
    found: models.QuerySet[Any] = manager.filter(
        catalogus_id=version.catalogus_id, **{name_field: getattr(version, name_field)}
    ).exclude(pk=version.pk)
    return found


def end_previous_version(version: Version, name_field: str, actor: Actor, kind: Kind) -> None:
    """Publishing ``version`` ends the published version it follows on the day before its start.

    The previous version is the published one with the latest ``beginGeldigheid`` before the
    new one whose validity still runs on that day (open end or an end on/after it).
    """
    begin = version.begin_geldigheid
    previous = (
        other_versions(version, name_field)
        .filter(concept=False, begin_geldigheid__lt=begin)
        .filter(Q(einde_geldigheid__isnull=True) | Q(einde_geldigheid__gte=begin))
        .order_by("-begin_geldigheid", "-id")
        .first()
    )
    if previous is None:
        return
    oud = snapshot(kind, previous)
    previous.einde_geldigheid = begin - timedelta(days=1)
    previous.save(update_fields=["einde_geldigheid"])
    record(kind, previous, "partial_update", actor, oud=oud, nieuw=snapshot(kind, previous))


def overlapping_published(version: Version, name_field: str) -> list[Version]:
    """Published versions of the same name whose validity overlaps that of ``version``."""
    begin, einde = version.begin_geldigheid, version.einde_geldigheid
    clash = other_versions(version, name_field).filter(concept=False)
    clash = clash.filter(Q(einde_geldigheid__isnull=True) | Q(einde_geldigheid__gte=begin))
    if einde is not None:
        clash = clash.filter(begin_geldigheid__lte=einde)
    return list(clash.order_by("begin_geldigheid", "id"))
