"""Zaaktypen: create, change, delete and publish versions (RULES.md 2.1–2.3)."""

from __future__ import annotations

from typing import TypedDict

from django.db import transaction

from zaakwerk.catalogi import usage
from zaakwerk.catalogi.models import (
    Catalogus,
    ZaakType,
    ZaakTypeBesluitType,
    ZaakTypeDeelzaaktype,
    ZaakTypenRelatie,
)
from zaakwerk.catalogi.queries import (
    besluittype_name_from_ref,
    catalogus_from_url,
    zaaktype_identificatie_from_ref,
)
from zaakwerk.catalogi.representations import render_zaaktypen
from zaakwerk.catalogi.services import publish
from zaakwerk.catalogi.services.inputs import GerelateerdZaaktype, ZaakTypeValues
from zaakwerk.catalogi.urls import url
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ErrorCollector, ValidationError
from zaakwerk.core.references import ResourceKind, resolve
from zaakwerk.core.summaries import Procestype, ZaaktypeReference

KIND = publish.Kind(
    resource="zaaktype", collection="zaaktypen", name_field="identificatie", render=render_zaaktypen
)
PROCESTYPE = ResourceKind.of(Procestype, "referentielijsten", "procestypen")

# Input keys that are relations, not columns of the zaaktype row.
RELATIONS = ("catalogus", "besluittypen", "deelzaaktypen", "gerelateerde_zaaktypen")


class Relations(TypedDict, total=False):
    """The relations sent, as stored: besluittype omschrijvingen, deelzaaktype identificaties,
    and gerelateerde zaaktypen by identificatie (or URL, for one of another catalogue)."""

    besluittypen: list[str]
    deelzaaktypen: list[str]
    gerelateerde_zaaktypen: list[GerelateerdZaaktype]


def _columns(values: ZaakTypeValues) -> dict[str, object]:
    """The columns of the row among ``values`` (a new dict): all but the relations."""
    return {key: value for key, value in values.items() if key not in RELATIONS}


def _resolve_relations(values: ZaakTypeValues, catalogus: Catalogus, errors: ErrorCollector) -> Relations:
    """Turn the incoming references (names or URLs of local versions) into stored names."""
    resolved: Relations = {}
    if "besluittypen" in values:
        names = []
        for index, ref in enumerate(values["besluittypen"]):
            try:
                name = besluittype_name_from_ref(ref, catalogus, f"besluittypen.{index}")
            except ValidationError as exc:
                errors.errors.extend(exc.errors)
                continue
            if name not in names:
                names.append(name)
        resolved["besluittypen"] = names
    if "deelzaaktypen" in values:
        identificaties = []
        for index, ref in enumerate(values["deelzaaktypen"]):
            try:
                identificatie = zaaktype_identificatie_from_ref(ref, catalogus, f"deelzaaktypen.{index}")
            except ValidationError as exc:
                errors.errors.extend(exc.errors)
                continue
            if identificatie not in identificaties:
                identificaties.append(identificatie)
        resolved["deelzaaktypen"] = identificaties
    if "gerelateerde_zaaktypen" in values:
        relaties: list[GerelateerdZaaktype] = []
        for index, item in enumerate(values["gerelateerde_zaaktypen"]):
            target = _gerelateerd(
                item["zaaktype"], catalogus, f"gerelateerdeZaaktypen.{index}.zaaktype", errors
            )
            if target is not None:
                relaties.append({**item, "zaaktype": target})
        resolved["gerelateerde_zaaktypen"] = relaties
    return resolved


def _gerelateerd(ref: str, catalogus: Catalogus, name: str, errors: ErrorCollector) -> str | None:
    """A related zaaktype: its identificatie when it is in this catalogus, else the URL given.

    Unlike the other relations, gerelateerdeZaaktypen may point at another catalogue (its
    response field is a URL), so a valid URL of a zaaktype elsewhere is kept as it is.
    """
    try:
        return zaaktype_identificatie_from_ref(ref, catalogus, name)
    except ValidationError as exc:
        if ref.startswith(("http://", "https://")) and all(e.code == "invalid-resource" for e in exc.errors):
            try:
                body = resolve(ref, KIND_REMOTE, field=name)
            except ValidationError as inner:
                errors.errors.extend(inner.errors)
                return None
            return str(body.get("url") or ref)
        errors.errors.extend(exc.errors)
        return None


KIND_REMOTE = ResourceKind.of(ZaaktypeReference, "catalogi", "zaaktypen")


def _check(
    values: ZaakTypeValues, zaaktype: ZaakType | None, errors: ErrorCollector, *, changed: set[str]
) -> None:
    begin = values["begin_geldigheid"]
    publish.check_geldigheid(begin, values.get("einde_geldigheid"), errors)
    # OAS: verlengingstermijn "Mag alleen een waarde bevatten als verlenging mogelijk is."
    if not values.get("verlenging_mogelijk") and values.get("verlengingstermijn"):
        errors.add(
            "verlengingstermijn",
            "must-be-empty",
            "verlengingstermijn mag alleen een waarde hebben als verlengingMogelijk waar is.",
        )
    procestype = values.get("selectielijst_procestype") or ""
    if procestype and "selectielijst_procestype" in changed:
        # ztc-001: the URL must be a ProcesType of the Selectielijst API
        try:
            resolve(procestype, PROCESTYPE, field="selectielijstProcestype")
        except ValidationError as exc:
            errors.errors.extend(exc.errors)


def _save_relations(zaaktype: ZaakType, relations: Relations) -> None:
    if "besluittypen" in relations:
        zaaktype.besluittype_links.all().delete()
        ZaakTypeBesluitType.objects.bulk_create(
            ZaakTypeBesluitType(zaaktype=zaaktype, besluittype_omschrijving=name, position=i)
            for i, name in enumerate(relations["besluittypen"])
        )
    if "deelzaaktypen" in relations:
        zaaktype.deelzaaktype_links.all().delete()
        ZaakTypeDeelzaaktype.objects.bulk_create(
            ZaakTypeDeelzaaktype(zaaktype=zaaktype, identificatie=name, position=i)
            for i, name in enumerate(relations["deelzaaktypen"])
        )
    if "gerelateerde_zaaktypen" in relations:
        zaaktype.gerelateerde_zaaktypen.all().delete()
        ZaakTypenRelatie.objects.bulk_create(
            ZaakTypenRelatie(
                zaaktype=zaaktype,
                gerelateerd_zaaktype=item["zaaktype"],
                aard_relatie=item["aard_relatie"],
                toelichting=item.get("toelichting") or "",
                position=i,
            )
            for i, item in enumerate(relations["gerelateerde_zaaktypen"])
        )


def _check_published_overlap(zaaktype: ZaakType) -> None:
    """ztc-016: published versions of one identificatie MOGEN NIET overlap in validity."""
    clash = publish.overlapping_published(zaaktype, "identificatie")
    if clash:
        other = clash[0]
        raise ValidationError.single(
            "beginGeldigheid",
            "overlap",
            f"De geldigheid overlapt met die van de gepubliceerde versie van zaaktype "
            f"{zaaktype.identificatie} geldig vanaf {other.begin_geldigheid.isoformat()}"
            + (f" tot en met {other.einde_geldigheid.isoformat()}." if other.einde_geldigheid else "."),
        )


@transaction.atomic
def create_zaaktype(values: ZaakTypeValues, actor: Actor) -> ZaakType:
    """Create a concept version; ``values`` are column values plus the relations by reference (not
    changed here)."""
    errors = ErrorCollector()
    catalogus = catalogus_from_url(values["catalogus"], errors)
    _check(values, None, errors, changed=set(values))
    relations = _resolve_relations(values, catalogus, errors) if catalogus is not None else Relations()
    errors.raise_if_any()
    assert catalogus is not None
    zaaktype = ZaakType.objects.create(
        catalogus=catalogus, concept=True, **{"versiedatum": None, **_columns(values)}
    )
    _save_relations(zaaktype, relations)
    publish.record(KIND, zaaktype, "create", actor, nieuw=publish.snapshot(KIND, zaaktype))
    return zaaktype


@transaction.atomic
def update_zaaktype(
    zaaktype: ZaakType, changes: ZaakTypeValues, actor: Actor, *, partial: bool, correctie: bool
) -> ZaakType:
    """PUT (all fields) or PATCH (``changes`` = the fields sent, not changed here) of a version."""
    zaaktype = ZaakType.objects.select_for_update().get(pk=zaaktype.pk)
    publish.check_editable(zaaktype, changes, correctie=correctie)
    oud = publish.snapshot(KIND, zaaktype)
    errors = ErrorCollector()
    catalogus = zaaktype.catalogus
    if "catalogus" in changes:
        catalogus = catalogus_from_url(changes["catalogus"], errors) or catalogus
    # what the checks read, as the version will be
    merged: ZaakTypeValues = {
        "begin_geldigheid": zaaktype.begin_geldigheid,
        "einde_geldigheid": zaaktype.einde_geldigheid,
        "verlenging_mogelijk": zaaktype.verlenging_mogelijk,
        "verlengingstermijn": zaaktype.verlengingstermijn,
        "selectielijst_procestype": zaaktype.selectielijst_procestype,
        **changes,
    }
    columns = _columns(changes)
    changed = {key for key, value in columns.items() if value != getattr(zaaktype, key)}
    _check(merged, zaaktype, errors, changed=changed)
    relations = _resolve_relations(changes, catalogus, errors)
    errors.raise_if_any()
    for key, value in columns.items():
        setattr(zaaktype, key, value)
    zaaktype.catalogus = catalogus
    zaaktype.save()
    _save_relations(zaaktype, relations)
    if not zaaktype.concept:
        _check_published_overlap(zaaktype)
    publish.record(
        KIND,
        zaaktype,
        "partial_update" if partial else "update",
        actor,
        oud=oud,
        nieuw=publish.snapshot(KIND, zaaktype),
    )
    return zaaktype


@transaction.atomic
def delete_zaaktype(zaaktype: ZaakType, actor: Actor, *, geforceerd: bool) -> None:
    publish.check_deletable(zaaktype, geforceerd=geforceerd)
    usage.check_not_in_use("zaaktypen", url("zaaktypen", zaaktype.uuid))
    oud = publish.snapshot(KIND, zaaktype)
    publish.record(KIND, zaaktype, "destroy", actor, oud=oud)
    publish.delete_rows(zaaktype)


@transaction.atomic
def publish_zaaktype(zaaktype: ZaakType, actor: Actor) -> ZaakType:
    """Make a concept version definitive; it ends the version it follows (RULES.md 2.3).

    The standard sets no completeness conditions (statustypen etc.) on publishing, and no
    longer requires related besluittypen/informatieobjecttypen to be published (ztc-012 was
    removed in Catalogi 1.3.2).
    """
    zaaktype = ZaakType.objects.select_for_update().get(pk=zaaktype.pk)
    if not zaaktype.concept:
        return zaaktype  # publishing is idempotent
    oud = publish.snapshot(KIND, zaaktype)
    publish.end_previous_version(zaaktype, "identificatie", actor, KIND)
    zaaktype.concept = False
    zaaktype.save(update_fields=["concept"])
    _check_published_overlap(zaaktype)
    publish.record(KIND, zaaktype, "publish", actor, oud=oud, nieuw=publish.snapshot(KIND, zaaktype))
    return zaaktype
