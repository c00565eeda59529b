"""Reading the catalogue's version-independent relations (RULES.md 2.3, ADR "related types").

Relations between the main types are stored by *name*: an informatieobjecttype or besluittype
by its ``omschrijving``, a zaaktype by its ``identificatie``. A response shows them as URLs of
the versions valid on a day ``D`` (today, or the ``datumGeldigheid`` of the request): same
catalogus, published (``concept=false``), ``beginGeldigheid <= D <= eindeGeldigheid`` or an open
end. The end is **inclusive**: publishing a new version ends the previous one on the day
before the new ``beginGeldigheid``, so on every day exactly one version is valid.

When no published version of a name is valid on ``D``, the concept versions of that name are
shown instead. A catalogue is built as concepts first, and a client that related a zaaktype to
a concept besluittype expects to see that relation (the VNG conformance suite asserts it);
published versions always take precedence.

Incoming references may be a name or a URL of a local version; both are stored as the name.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from zaakwerk.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeBesluitType,
    ZaakTypeDeelzaaktype,
    ZaakTypeInformatieObjectType,
    ZaakTypenRelatie,
)
from zaakwerk.catalogi.urls import url
from zaakwerk.core import sql
from zaakwerk.core.errors import ErrorCollector, ValidationError
from zaakwerk.core.references import ResourceKind, parse_local, resolve
from zaakwerk.core.summaries import (
    BesluittypeReference,
    CatalogusReference,
    InformatieobjecttypeReference,
    ZaaktypeReference,
)

M = TypeVar("M", bound=Model)

ZAAKTYPE_KIND = ResourceKind.of(ZaaktypeReference, "catalogi", "zaaktypen")
INFORMATIEOBJECTTYPE_KIND = ResourceKind.of(
    InformatieobjecttypeReference, "catalogi", "informatieobjecttypen"
)
BESLUITTYPE_KIND = ResourceKind.of(BesluittypeReference, "catalogi", "besluittypen")


def today() -> date:
    return timezone.localdate()


def geldig_op(day: date, prefix: str = "") -> Q:
    """Versions whose validity period contains ``day`` (both ends inclusive, open end).

    ``prefix`` reaches the version through a relation, e.g. ``"zaaktype__"``.
    """
    return Q(**{f"{prefix}begin_geldigheid__lte": day}) & (
        Q(**{f"{prefix}einde_geldigheid__isnull": True}) | Q(**{f"{prefix}einde_geldigheid__gte": day})
    )


def is_valid_on(begin: date, einde: date | None, day: date) -> bool:
    return begin <= day and (einde is None or einde >= day)


VersionRow = tuple[int, str, str, Any, bool, date, "date | None"]


def prefer_published(
    rows: Iterable[VersionRow], resource: str, day: date
) -> tuple[dict[tuple[int, str], list[str]], dict[tuple[int, str], list[str]]]:
    """Group version rows ``(catalogus_id, key, name, uuid, concept, begin, einde)`` by
    ``(catalogus_id, key)``: the URLs to show on ``day`` (per name the published versions valid
    then, else its concepts) and all names, whatever their validity."""
    published: dict[tuple[int, str, str], list[str]] = defaultdict(list)
    concepts: dict[tuple[int, str, str], list[str]] = defaultdict(list)
    names: dict[tuple[int, str], list[str]] = defaultdict(list)
    for catalogus_id, key, name, uuid, concept, begin, einde in sorted(rows, key=lambda r: (r[5], str(r[3]))):
        if name not in names[(catalogus_id, key)]:
            names[(catalogus_id, key)].append(name)
        if concept:
            concepts[(catalogus_id, key, name)].append(url(resource, uuid))
        elif is_valid_on(begin, einde, day):
            published[(catalogus_id, key, name)].append(url(resource, uuid))
    urls: dict[tuple[int, str], list[str]] = defaultdict(list)
    for (catalogus_id, key), all_names in names.items():
        for name in all_names:
            group = (catalogus_id, key, name)
            urls[(catalogus_id, key)].extend(published.get(group) or concepts.get(group, []))
    for group_names in names.values():
        group_names.sort()
    return dict(urls), dict(names)


def _urls_by_name(
    queryset: QuerySet[M, M], resource: str, name_field: str, names: Iterable[str], day: date
) -> dict[str, list[str]]:
    """For each name: URLs of its published versions valid on ``day``, else of its concepts."""
    wanted = set(names)
    if not wanted:
        return {}
    rows = (
        queryset.filter(**{f"{name_field}__in": wanted})
        .filter(Q(concept=True) | geldig_op(day))
        .order_by("begin_geldigheid", "id")
        .values_list(name_field, "uuid", "concept")
    )
    published: dict[str, list[str]] = defaultdict(list)
    concepts: dict[str, list[str]] = defaultdict(list)
    for name, uuid, concept in rows:
        (concepts if concept else published)[name].append(url(resource, uuid))
    return {name: published.get(name) or concepts.get(name, []) for name in wanted}


def informatieobjecttype_urls(
    catalogus_id: int, omschrijvingen: Iterable[str], day: date
) -> dict[str, list[str]]:
    """omschrijving → URLs of the informatieobjecttype versions to show for it on ``day``."""
    return _urls_by_name(
        InformatieObjectType.objects.filter(catalogus_id=catalogus_id),
        "informatieobjecttypen",
        "omschrijving",
        omschrijvingen,
        day,
    )


def besluittype_urls(catalogus_id: int, omschrijvingen: Iterable[str], day: date) -> dict[str, list[str]]:
    """omschrijving → URLs of the besluittype versions to show for it on ``day``."""
    return _urls_by_name(
        BesluitType.objects.filter(catalogus_id=catalogus_id),
        "besluittypen",
        "omschrijving",
        omschrijvingen,
        day,
    )


def zaaktype_urls_by_identificatie(
    catalogus_id: int, identificaties: Iterable[str], day: date
) -> dict[str, list[str]]:
    """identificatie → URLs of the zaaktype versions to show for it on ``day``."""
    return _urls_by_name(
        ZaakType.objects.filter(catalogus_id=catalogus_id), "zaaktypen", "identificatie", identificaties, day
    )


CATALOGUS_KIND = ResourceKind.of(CatalogusReference, "catalogi", "catalogussen")


def catalogus_from_url(value: str, errors: ErrorCollector, field: str = "catalogus") -> Catalogus | None:
    """The local catalogus of a URL; adds ``bad-url``/``invalid-resource`` to ``errors``."""
    ref = parse_local(value)
    if ref is not None and ref.api == "catalogi" and ref.resource == "catalogussen" and not ref.rest:
        found = Catalogus.objects.filter(uuid=ref.uuid).first()
        if found is not None:
            return found
        errors.add(field, "bad-url", f"De URL {value} resulteerde niet in een HTTP 200 (status 404).")
        return None
    try:
        resolve(value, CATALOGUS_KIND, field=field)
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
        return None
    # a catalogue of another Catalogi API: types are kept in a catalogue of this one
    errors.add(field, "invalid-resource", f"{value} is geen catalogus van deze Catalogi API.")
    return None


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _name_from_ref(
    value: str,
    catalogus: Catalogus,
    field: str,
    *,
    kind: ResourceKind[Any],
    model: type[InformatieObjectType] | type[BesluitType] | type[ZaakType],
    name_field: str,
) -> str:
    if _is_url(value):
        # bad-url when nothing is there, invalid-resource when it is something else
        resolve(value, kind, field=field)
        ref = parse_local(value)
        row = model.objects.filter(uuid=ref.uuid).first() if ref is not None else None
        if row is None or row.catalogus_id != catalogus.pk:
            # Relations between types hold by name within one catalogus (RULES.md 2.3), so a type
            # of another catalogue cannot be related.
            raise ValidationError.single(
                field,
                "invalid-resource",
                f"{value} is geen {kind.resource[:-1]} in catalogus {url('catalogussen', catalogus.uuid)}.",
            )
        name: str = getattr(row, name_field)
        return name
    if not model.objects.filter(catalogus=catalogus, **{name_field: value}).exists():
        raise ValidationError.single(
            field,
            "does_not_exist",
            f"Er bestaat geen {kind.resource[:-1]} met {name_field} {value!r} in deze catalogus.",
        )
    return value


def informatieobjecttype_name_from_ref(value: str, catalogus: Catalogus, field: str) -> str:
    """The omschrijving for ``value``: a URL of a local informatieobjecttype version, or the
    omschrijving itself. Raises ``bad-url``/``invalid-resource``/``does_not_exist`` on ``field``."""
    return _name_from_ref(
        value,
        catalogus,
        field,
        kind=INFORMATIEOBJECTTYPE_KIND,
        model=InformatieObjectType,
        name_field="omschrijving",
    )


def besluittype_name_from_ref(value: str, catalogus: Catalogus, field: str) -> str:
    """The omschrijving for ``value``: a URL of a local besluittype version, or the omschrijving."""
    return _name_from_ref(
        value, catalogus, field, kind=BESLUITTYPE_KIND, model=BesluitType, name_field="omschrijving"
    )


def zaaktype_identificatie_from_ref(value: str, catalogus: Catalogus, field: str) -> str:
    """The identificatie for ``value``: a URL of a local zaaktype version, or the identificatie."""
    return _name_from_ref(
        value, catalogus, field, kind=ZAAKTYPE_KIND, model=ZaakType, name_field="identificatie"
    )


# --- everything a zaaktype's representation shows besides its own columns ----------------------


@dataclass
class ZaakTypeRelations:
    """What :func:`zaaktype_relations` reads for one zaaktype, in the order the API shows it."""

    catalogus_uuid: uuid_lib.UUID | None = None
    begin_object: date | None = None
    einde_object: date | None = None
    statustypen: list[str] = field(default_factory=list)
    roltypen: list[str] = field(default_factory=list)
    eigenschappen: list[str] = field(default_factory=list)
    zaakobjecttypen: list[str] = field(default_factory=list)
    resultaattypen: list[str] = field(default_factory=list)
    resultaattype_omschrijvingen: list[str] = field(default_factory=list)
    informatieobjecttype_omschrijvingen: list[str] = field(default_factory=list)
    besluittype_omschrijvingen: list[str] = field(default_factory=list)
    deelzaaktype_identificaties: list[str] = field(default_factory=list)
    # (gerelateerd zaaktype: identificatie or URL, aardRelatie, toelichting)
    relaties: list[tuple[str, str, str]] = field(default_factory=list)


# Kinds of row in the query below; the numbers are also its first sort key.
_CATALOGUS, _STATUS, _ROL, _EIGENSCHAP, _OBJECT, _RESULTAAT, _IOT, _BESLUIT, _DEEL, _RELATIE = range(10)
_URL_KINDS = {
    _STATUS: ("statustypen", "statustypen"),
    _ROL: ("roltypen", "roltypen"),
    _EIGENSCHAP: ("eigenschappen", "eigenschappen"),
    _OBJECT: ("zaakobjecttypen", "zaakobjecttypen"),
    _RESULTAAT: ("resultaattypen", "resultaattypen"),
}
_NAME_KINDS = {
    _RESULTAAT: "resultaattype_omschrijvingen",
    _IOT: "informatieobjecttype_omschrijvingen",
    _BESLUIT: "besluittype_omschrijvingen",
    _DEEL: "deelzaaktype_identificaties",
}


@cache
def _relations_sql(vendor: str) -> str:
    """One ``UNION ALL`` over every collection a zaaktype shows, for a batch of zaaktype ids.

    A zaaktype has nine related collections; a query each made a detail read cost a dozen round
    trips and as many ORM compilations, which was most of its time. Each branch selects
    ``(kind, zaaktype id, uuid, name, aard, toelichting, sort, id, begin, einde, open ends)``.
    The first branch types every column (the catalogus UUID, the dates of beginObject and
    eindeObject over all versions with the same identificatie); PostgreSQL resolves the types of
    the NULLs in the later branches from it. Written as SQL because the ORM cannot combine
    aggregates and unrelated models in one statement; names come from the models, and each branch
    takes the batch of ids as one parameter (:func:`zaakwerk.core.sql.in_ids`).
    """
    col = sql.column

    def child(
        kind: int,
        model: type[Model],
        uuid: str | None,
        name: str | None,
        extra: tuple[str, ...],
        sort: str | None,
    ) -> str:
        """A branch for one collection: its fields by name (None: a NULL, or 0 for the sort)."""
        owner = col(model, "zaaktype")
        values = [col(model, field) if field else "NULL" for field in (uuid, name, *(extra or ("", "")))]
        return (
            f"SELECT {kind}, {owner}, {', '.join(values)}, {col(model, sort) if sort else '0'}, "
            f"{col(model, 'pk')}, NULL, NULL, NULL FROM {sql.table(model)} WHERE {sql.in_ids(owner)}"
        )

    def of(alias: str, name: str) -> str:
        return f"{alias}.{col(ZaakType, name)}"

    begin, einde = of("v", "begin_geldigheid"), of("v", "einde_geldigheid")
    branches = [
        f"SELECT {_CATALOGUS}, {of('z', 'pk')}, c.{col(Catalogus, 'uuid')}, NULL, NULL, NULL, 0, 0, "
        f"MIN({begin}), MAX({einde}), SUM(CASE WHEN {einde} IS NULL THEN 1 ELSE 0 END) "
        f"FROM {sql.table(ZaakType)} z JOIN {sql.table(Catalogus)} c ON c.{col(Catalogus, 'pk')} = "
        f"{of('z', 'catalogus')} JOIN {sql.table(ZaakType)} v ON {of('v', 'catalogus')} = "
        f"{of('z', 'catalogus')} AND {of('v', 'identificatie')} = {of('z', 'identificatie')} "
        f"WHERE {sql.in_ids(of('z', 'pk'))} GROUP BY {of('z', 'pk')}, c.{col(Catalogus, 'uuid')}",
        child(_STATUS, StatusType, "uuid", None, (), "volgnummer"),
        child(_ROL, RolType, "uuid", None, (), None),
        child(_EIGENSCHAP, Eigenschap, "uuid", None, (), None),
        child(_OBJECT, ZaakObjectType, "uuid", None, (), None),
        child(_RESULTAAT, ResultaatType, "uuid", "omschrijving", (), None),
        child(
            _IOT, ZaakTypeInformatieObjectType, None, "informatieobjecttype_omschrijving", (), "volgnummer"
        ),
        child(_BESLUIT, ZaakTypeBesluitType, None, "besluittype_omschrijving", (), "position"),
        child(_DEEL, ZaakTypeDeelzaaktype, None, "identificatie", (), "position"),
        child(
            _RELATIE,
            ZaakTypenRelatie,
            None,
            "gerelateerd_zaaktype",
            ("aard_relatie", "toelichting"),
            "position",
        ),
    ]
    return " UNION ALL ".join(branches) + " ORDER BY 1, 2, 7, 8"


def _as_date(value: date | str | None) -> date | None:
    # SQLite returns the dates of a raw query as ISO strings
    return date.fromisoformat(value) if isinstance(value, str) else value


def zaaktype_relations(ids: Sequence[int]) -> dict[int, ZaakTypeRelations]:
    """Per zaaktype id: its catalogus, object span and related collections, in one query."""
    found: dict[int, ZaakTypeRelations] = {pk: ZaakTypeRelations() for pk in ids}
    if not ids:
        return found
    with connection.cursor() as cursor:
        cursor.execute(_relations_sql(connection.vendor), [sql.ids(ids)] * 10)
        rows = cursor.fetchall()
    for kind, zaaktype_id, uuid, name, aard, toelichting, _, _, begin, einde, open_ends in rows:
        item = found[zaaktype_id]
        if kind == _CATALOGUS:
            item.catalogus_uuid = _as_uuid(uuid)
            item.begin_object = _as_date(begin)
            item.einde_object = None if open_ends else _as_date(einde)
            continue
        if kind in _URL_KINDS:
            attribute, resource = _URL_KINDS[kind]
            getattr(item, attribute).append(url(resource, _as_uuid(uuid)))
        if kind in _NAME_KINDS:
            names: list[str] = getattr(item, _NAME_KINDS[kind])
            if name not in names:
                names.append(name)
        elif kind == _RELATIE:
            item.relaties.append((name, aard, toelichting))
    return found


def _as_uuid(value: uuid_lib.UUID | str) -> uuid_lib.UUID:
    # SQLite stores UUIDs as 32 hex digits; URLs show them with hyphens
    return value if isinstance(value, uuid_lib.UUID) else uuid_lib.UUID(value)
