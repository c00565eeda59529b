"""Rules shared by the types that belong to one zaaktype version (RULES.md 2.2–2.4).

- ztc-010: a sub-type of a published zaaktype (``concept=false``) MAG NIET be created, changed
  or deleted, except as a *correctie* (scope ``catalogi.geforceerd-schrijven``; deleting:
  ``catalogi.geforceerd-verwijderen``) → ``non-concept-zaaktype``. Moving a sub-type to another
  zaaktype checks both zaaktypen.
- Validity follows the zaaktype: a ``beginGeldigheid`` the client supplies must be the
  zaaktype's ``beginGeldigheid`` or ``versiedatum``.
- ``catalogus``, where a client may still send it (roltype, resultaattype), must be the
  zaaktype's catalogus.
- Every change is recorded on the zaaktype it belongs to: an audit line and a notification on
  kanaal ``zaaktypen`` with the sub-type as ``resource`` and the zaaktype as ``hoofdObject``,
  in the transaction of the change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from django.db import models
from django.db.models import ProtectedError, RestrictedError

from zaakwerk.catalogi.models import StatusType, ZaakType
from zaakwerk.catalogi.queries import ZAAKTYPE_KIND
from zaakwerk.catalogi.urls import url
from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, ValidationError
from zaakwerk.core.references import parse_local, resolve

Render = Callable[[list[Any]], list[dict[str, Any]]]
# a sub-type's service input: a ``TypedDict`` of :mod:`zaakwerk.catalogi.services.inputs`
V = TypeVar("V", bound=Mapping[str, Any])


@dataclass(frozen=True)
class SubKind:
    """What differs between the sub-types for recording their changes."""

    resource: str  # e.g. "statustype"
    collection: str  # URL segment, e.g. "statustypen"
    render: Render


def zaaktype_from_url(value: str, errors: ErrorCollector, field: str = "zaaktype") -> ZaakType | None:
    """The local zaaktype version of ``value``; ``bad-url``/``invalid-resource`` otherwise."""
    ref = parse_local(value)
    if ref is not None and ref.api == "catalogi" and ref.resource == "zaaktypen" and not ref.rest:
        found = ZaakType.objects.select_related("catalogus").filter(uuid=ref.uuid).first()
        if found is not None:
            return found
        errors.add(field, "bad-url", f"De URL {value} resulteerde niet in een HTTP 200 (status 404).")
        return None
    try:
        resolve(value, ZAAKTYPE_KIND, field=field)
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
        return None
    # a zaaktype of another Catalogi API: sub-types belong to a zaaktype of this one
    errors.add(field, "invalid-resource", f"{value} is geen zaaktype van deze Catalogi API.")
    return None


def require_zaaktype(value: str) -> ZaakType:
    """:func:`zaaktype_from_url`, raising its error at once (it decides every other check)."""
    errors = ErrorCollector()
    zaaktype = zaaktype_from_url(value, errors)
    errors.raise_if_any()
    assert zaaktype is not None
    return zaaktype


def check_zaaktype_editable(*zaaktypen: ZaakType, correctie: bool) -> None:
    """ztc-010: refuse a change that touches a published zaaktype, unless it is a correctie."""
    if correctie or all(zaaktype.concept for zaaktype in zaaktypen):
        return
    raise ValidationError.single(
        NON_FIELD,
        "non-concept-zaaktype",
        "Objecttypen van een gepubliceerd zaaktype mogen niet aangemaakt, gewijzigd of verwijderd "
        "worden (behalve als correctie met de scope catalogi.geforceerd-schrijven).",
    )


def check_geldigheid(begin: date | None, zaaktype: ZaakType, errors: ErrorCollector) -> None:
    """A supplied beginGeldigheid must be the zaaktype's (RULES.md 2.3); omitted it follows it."""
    if begin is None or begin in (zaaktype.begin_geldigheid, zaaktype.versiedatum):
        return
    errors.add(
        "beginGeldigheid",
        "invalid",
        "beginGeldigheid moet gelijk zijn aan de beginGeldigheid of versiedatum van het zaaktype "
        f"({zaaktype.begin_geldigheid.isoformat()}).",
    )


def check_catalogus(value: str | None, zaaktype: ZaakType, errors: ErrorCollector) -> None:
    """A ``catalogus`` sent with the sub-type must be that of its zaaktype (RULES.md 2.4)."""
    if value and value != url("catalogussen", zaaktype.catalogus.uuid):
        errors.add(
            "catalogus",
            "relations-incorrect-catalogus",
            "De catalogus moet de catalogus van het zaaktype zijn.",
        )


def record(kind: SubKind, row: Any, actie: str, actor: Actor, *, oud: Any = None, nieuw: Any = None) -> None:
    """The audit line and the notification of a change, inside its transaction."""
    zaaktype: ZaakType = row.zaaktype
    zaaktype_url = url("zaaktypen", zaaktype.uuid)
    record_change(
        Change(
            bron="ztc",
            kanaal="zaaktypen",
            resource=kind.resource,
            resource_url=url(kind.collection, row.uuid),
            actie=actie,
            hoofd_object=zaaktype_url,
            kenmerken={"catalogus": url("catalogussen", zaaktype.catalogus.uuid)},
            resource_weergave=str(row),
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )


def snapshot(kind: SubKind, row: Any) -> dict[str, Any]:
    return kind.render([row])[0]


def apply_columns(row: models.Model, values: Columns) -> None:
    for key, value in values.items():
        setattr(row, key, value)


def delete_row(kind: SubKind, row: Any, actor: Actor) -> None:
    """Record and delete; rows elsewhere that still refer to it make this a 400, not a 500."""
    record(kind, row, "destroy", actor, oud=snapshot(kind, row))
    try:
        row.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise ValidationError.single(
            NON_FIELD,
            "pending-relations",
            f"Dit object kan niet verwijderd worden: er verwijzen nog {len(exc.args[1])} objecten naar.",
        ) from exc


class Values(Generic[V]):
    """The input of a create, or of an update on top of the stored row: ``get`` answers what
    the sub-type will hold after the change, ``sent`` whether the client gave a field. ``given``
    is the service input as the endpoint built it (a ``TypedDict`` of :mod:`.inputs`)."""

    def __init__(self, given: V, row: Any | None = None) -> None:
        self.given = given
        self.row = row

    def sent(self, key: str) -> bool:
        return key in self.given

    def get(self, key: str, default: Any = None) -> Any:
        if key in self.given:
            return self.given[key]
        if self.row is not None and hasattr(self.row, key):
            return getattr(self.row, key)
        return default


# the columns a sub-type's ``prepare`` gives to write: a new dict, by model field name
Columns = dict[str, Any]
AfterSave = Callable[[Any], None]
Prepare = Callable[[Values[V], ZaakType, ErrorCollector], tuple[Columns, AfterSave | None]]
Guard = Callable[[list[ZaakType], Values[Any], bool], None]


def default_guard(zaaktypen: list[ZaakType], values: Values[Any], correctie: bool) -> None:
    check_zaaktype_editable(*zaaktypen, correctie=correctie)


def create_subtype(
    kind: SubKind,
    model: type[models.Model],
    values: V,
    actor: Actor,
    *,
    correctie: bool,
    prepare: Prepare[V],
    guard: Guard = default_guard,
) -> Any:
    """Create a sub-type; ``prepare`` checks the kind's own rules and gives its columns
    (``values`` are not changed). Must run inside a transaction."""
    zaaktype = require_zaaktype(values["zaaktype"])
    given = Values(values)
    guard([zaaktype], given, correctie)
    errors = ErrorCollector()
    check_geldigheid(values.get("begin_geldigheid"), zaaktype, errors)
    columns, after_save = prepare(given, zaaktype, errors)
    errors.raise_if_any()
    manager: Any = model._default_manager
    row = manager.create(zaaktype=zaaktype, **columns)
    if after_save is not None:
        after_save(row)
    record(kind, row, "create", actor, nieuw=snapshot(kind, row))
    return row


def update_subtype(
    kind: SubKind,
    row: Any,
    changes: V,
    actor: Actor,
    *,
    partial: bool,
    correctie: bool,
    prepare: Prepare[V],
    guard: Guard = default_guard,
) -> Any:
    """PUT (all fields) or PATCH (``changes`` = the fields sent, not changed here). Must run in a
    transaction."""
    manager: Any = type(row).objects
    row = manager.select_for_update().select_related("zaaktype__catalogus").get(pk=row.pk)
    zaaktype = require_zaaktype(changes["zaaktype"]) if "zaaktype" in changes else row.zaaktype
    given = Values(changes, row)
    guard([row.zaaktype, zaaktype], given, correctie)
    oud = snapshot(kind, row)
    errors = ErrorCollector()
    if "begin_geldigheid" in changes:
        check_geldigheid(changes["begin_geldigheid"], zaaktype, errors)
    columns, after_save = prepare(given, zaaktype, errors)
    errors.raise_if_any()
    apply_columns(row, columns)
    row.zaaktype = zaaktype
    row.save()
    if after_save is not None:
        after_save(row)
    actie = "partial_update" if partial else "update"
    record(kind, row, actie, actor, oud=oud, nieuw=snapshot(kind, row))
    return row


def delete_subtype(
    kind: SubKind, row: Any, actor: Actor, *, geforceerd: bool, guard: Guard = default_guard
) -> None:
    """ztc-010 for DELETE (correctie: ``catalogi.geforceerd-verwijderen``). In a transaction."""
    guard([row.zaaktype], Values({}, row), geforceerd)
    delete_row(kind, row, actor)


def columns_of(values: Values[Any], names: tuple[str, ...]) -> Columns:
    """The plain columns among ``names`` the client sent."""
    return {name: values.given[name] for name in names if values.sent(name)}


def statustype_of(
    value: str | None, zaaktype: ZaakType, errors: ErrorCollector, field: str = "statustype"
) -> StatusType | None:
    """The statustype a URL names; it must belong to ``zaaktype``. None for no value or an error."""
    if not value:
        return None
    ref = parse_local(value)
    if ref is None or ref.api != "catalogi" or ref.resource != "statustypen" or ref.rest:
        errors.add(field, "bad-url", f"{value} is geen statustype van deze Catalogi API.")
        return None
    found = StatusType.objects.filter(uuid=ref.uuid).first()
    if found is None:
        errors.add(field, "bad-url", f"De URL {value} resulteerde niet in een HTTP 200 (status 404).")
        return None
    if found.zaaktype_id != zaaktype.pk:
        errors.add(field, "invalid-resource", "Het statustype hoort niet bij het zaaktype.")
        return None
    return found
