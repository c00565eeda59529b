"""Applicaties: create, change, delete (Autorisaties API rules ac-001..ac-003, RULES.md 6).

Called by the API, the admin and ``register_client`` alike. Every change writes its audit line
and its notification (kanaal ``autorisaties``) and bumps :class:`AuthorisationsGeneration` in
the same transaction, so every process sees the new authorisations on its next request.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypedDict
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction

from zaakwerk.autorisaties.models import Applicatie, AuthorisationsGeneration, Autorisatie, ClientId
from zaakwerk.autorisaties.models.applicatie import Component
from zaakwerk.autorisaties.queries import applicatie_url, represent
from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, FieldError, ValidationError

# ac-003: an autorisatie for these components with a scope of the component's own API needs the
# type it applies to (and, for zaken and documenten, the highest vertrouwelijkheidaanduiding).
# Other scopes (e.g. notificaties.publiceren for a zrc) need neither.
TYPE_FIELDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # component: (scope prefix, API field name, required model fields)
    Component.zrc: ("zaken.", "zaaktype", ("zaaktype", "max_vertrouwelijkheidaanduiding")),
    Component.drc: (
        "documenten.",
        "informatieobjecttype",
        ("informatieobjecttype", "max_vertrouwelijkheidaanduiding"),
    ),
    Component.brc: ("besluiten.", "besluittype", ("besluittype",)),
}
API_NAMES = {
    "zaaktype": "zaaktype",
    "informatieobjecttype": "informatieobjecttype",
    "besluittype": "besluittype",
    "max_vertrouwelijkheidaanduiding": "maxVertrouwelijkheidaanduiding",
}
# Which type fields a component keeps; the others are not part of its representation.
KEPT_FIELDS: dict[str, tuple[str, ...]] = {
    Component.zrc: ("zaaktype", "max_vertrouwelijkheidaanduiding"),
    Component.drc: ("informatieobjecttype", "max_vertrouwelijkheidaanduiding"),
    Component.brc: ("besluittype",),
}


@dataclass(frozen=True)
class AutorisatieData:
    component: str
    scopes: list[str]
    zaaktype: str = ""
    informatieobjecttype: str = ""
    besluittype: str = ""
    max_vertrouwelijkheidaanduiding: str = ""

    def normalised(self) -> AutorisatieData:
        """Only the fields the component has (an empty string means "not given")."""
        kept = KEPT_FIELDS.get(self.component, ())
        return replace(
            self,
            scopes=list(self.scopes),
            **{name: getattr(self, name) if name in kept else "" for name in API_NAMES},
        )


@dataclass
class ApplicatieData:
    client_ids: list[str]
    label: str
    heeft_alle_autorisaties: bool = False
    alleen_is_gereed_voor_publicatie: bool = False
    autorisaties: list[AutorisatieData] = field(default_factory=list)


class ApplicatieValues(TypedDict, total=False):
    """The fields of :class:`ApplicatieData` a change gives (all for PUT, those sent for PATCH)."""

    client_ids: list[str]
    label: str
    heeft_alle_autorisaties: bool
    alleen_is_gereed_voor_publicatie: bool
    autorisaties: list[AutorisatieData]


# --- rules, shared with the admin's forms ------------------------------------------------------


def is_absolute_url(value: str) -> bool:
    """The form of a type reference: an absolute http(s) URL.

    The type itself is not fetched: the standard lets the AC check it ("MAG"), and an
    applicatie may be authorised for a catalogue this register cannot read (ADR 0008).
    """
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in value)


def client_id_errors(client_ids: Sequence[str], *, applicatie: Applicatie | None = None) -> list[FieldError]:
    """ac-001: a client id belongs to at most one Applicatie (and is listed once)."""
    errors = ErrorCollector()
    if len(set(client_ids)) != len(client_ids):
        errors.add("clientIds", "unique", "Een client ID mag maar één keer opgegeven worden.")
    taken = ClientId.objects.filter(client_id__in=set(client_ids))
    if applicatie is not None and applicatie.pk is not None:
        taken = taken.exclude(applicatie_id=applicatie.pk)
    used = sorted(taken.values_list("client_id", flat=True))
    if used:
        errors.add(
            "clientIds",
            "clientId-exists",
            f"De client ID(s) {', '.join(used)} zijn al in gebruik in een andere applicatie.",
        )
    return errors.errors


def autorisatie_errors(
    heeft_alle_autorisaties: bool, autorisaties: Sequence[AutorisatieData]
) -> list[FieldError]:
    """ac-002 (all or some, not both, not neither) and ac-003 (required fields per component)."""
    errors = ErrorCollector()
    if heeft_alle_autorisaties and autorisaties:
        errors.add(
            NON_FIELD,
            "ambiguous-authorizations-specified",
            "Met heeftAlleAutorisaties mogen geen afzonderlijke autorisaties opgegeven worden.",
        )
    if not heeft_alle_autorisaties and not autorisaties:
        errors.add(
            NON_FIELD,
            "missing-authorizations",
            "Geef autorisaties op, of zet heeftAlleAutorisaties.",
        )
    for index, autorisatie in enumerate(autorisaties):
        rule = TYPE_FIELDS.get(autorisatie.component)
        if rule is None:
            continue
        prefix, _, required = rule
        if not any(scope.startswith(prefix) for scope in autorisatie.scopes):
            continue
        for name in required:
            if not getattr(autorisatie, name):
                errors.add(
                    f"autorisaties.{index}.{API_NAMES[name]}",
                    "required",
                    f"Dit veld is vereist voor component {autorisatie.component} met scopes {prefix}*.",
                )
    return errors.errors


def check(data: ApplicatieData, *, applicatie: Applicatie | None = None) -> None:
    """All rules of an Applicatie; raises one ValidationError with every problem found."""
    errors = client_id_errors(data.client_ids, applicatie=applicatie) + autorisatie_errors(
        data.heeft_alle_autorisaties, data.autorisaties
    )
    if errors:
        raise ValidationError(errors)


# --- verbs ---------------------------------------------------------------------------------------


@transaction.atomic
def create_applicatie(data: ApplicatieData, actor: Actor) -> Applicatie:
    data = _normalised(data)
    check(data)
    applicatie = Applicatie.objects.create(
        label=data.label,
        heeft_alle_autorisaties=data.heeft_alle_autorisaties,
        alleen_is_gereed_voor_publicatie=data.alleen_is_gereed_voor_publicatie,
    )
    _store_relations(applicatie, data)
    _record(applicatie, "create", actor, nieuw=represent([applicatie])[0])
    return applicatie


@transaction.atomic
def update_applicatie(
    applicatie: Applicatie, changes: ApplicatieValues, actor: Actor, *, partial: bool = False
) -> Applicatie:
    """Apply ``changes`` (all fields for PUT, some for PATCH; not changed here).

    ``autorisaties`` in the changes replaces the whole set, for PUT and PATCH alike.
    """
    # Lock the row: two concurrent updates of one applicatie apply one after the other.
    applicatie = Applicatie.objects.select_for_update().get(pk=applicatie.pk)
    before = represent([applicatie])[0]
    merged = _normalised(replace(current_data(applicatie), **changes))
    check(merged, applicatie=applicatie)
    applicatie.label = merged.label
    applicatie.heeft_alle_autorisaties = merged.heeft_alle_autorisaties
    applicatie.alleen_is_gereed_voor_publicatie = merged.alleen_is_gereed_voor_publicatie
    applicatie.save()
    applicatie.client_ids.all().delete()
    applicatie.autorisaties.all().delete()
    _store_relations(applicatie, merged)
    _record(
        applicatie,
        "partial_update" if partial else "update",
        actor,
        oud=before,
        nieuw=represent([applicatie])[0],
    )
    return applicatie


@transaction.atomic
def delete_applicatie(applicatie: Applicatie, actor: Actor) -> None:
    before = represent([applicatie])[0]
    _record(applicatie, "destroy", actor, oud=before)
    applicatie.delete()


def current_data(applicatie: Applicatie) -> ApplicatieData:
    return ApplicatieData(
        client_ids=list(applicatie.client_ids.order_by("position", "id").values_list("client_id", flat=True)),
        label=applicatie.label,
        heeft_alle_autorisaties=applicatie.heeft_alle_autorisaties,
        alleen_is_gereed_voor_publicatie=applicatie.alleen_is_gereed_voor_publicatie,
        autorisaties=[
            AutorisatieData(
                component=a.component,
                scopes=list(a.scopes),
                zaaktype=a.zaaktype,
                informatieobjecttype=a.informatieobjecttype,
                besluittype=a.besluittype,
                max_vertrouwelijkheidaanduiding=a.max_vertrouwelijkheidaanduiding,
            )
            for a in applicatie.autorisaties.order_by("position", "id")
        ],
    )


def _normalised(data: ApplicatieData) -> ApplicatieData:
    return replace(
        data, client_ids=list(data.client_ids), autorisaties=[a.normalised() for a in data.autorisaties]
    )


def _store_relations(applicatie: Applicatie, data: ApplicatieData) -> None:
    try:
        # A savepoint: a concurrent request that took one of these client ids after check()
        # makes this a 400 like ac-001, not a database error.
        with transaction.atomic():
            ClientId.objects.bulk_create(
                ClientId(applicatie=applicatie, client_id=client_id, position=position)
                for position, client_id in enumerate(data.client_ids)
            )
    except IntegrityError:
        raise ValidationError.single(
            "clientIds",
            "clientId-exists",
            "Een van de client ID's is al in gebruik in een andere applicatie.",
        ) from None
    Autorisatie.objects.bulk_create(
        Autorisatie(applicatie=applicatie, position=position, **vars(item))
        for position, item in enumerate(data.autorisaties)
    )


def _record(applicatie: Applicatie, actie: str, actor: Actor, *, oud: Any = None, nieuw: Any = None) -> None:
    """Audit line, notification and cache invalidation of a change, inside its transaction."""
    url = applicatie_url(applicatie)
    record_change(
        Change(
            bron="ac",
            kanaal="autorisaties",
            resource="applicatie",
            resource_url=url,
            actie=actie,
            hoofd_object=url,
            kenmerken={},
            resource_weergave=applicatie.label,
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )
    AuthorisationsGeneration.bump()
