"""Read-only browsing of the catalogs: catalogussen, zaaktypen (with their statustypen, roltypen,
resultaattypen and eigenschappen), informatieobjecttypen and besluittypen.

Nothing can be added, changed or deleted here. Catalog changes go through the Catalogi API (or
the beheer app on top of it), whose service functions enforce the standard's rules (concept and
publish, geldigheid, the Selectielijst checks) and write the audit trail and notifications; the
admin would bypass all of that. Every value is rendered as text by the admin's templates, which
escape it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import Model
from django.http import HttpRequest

from zaakwerk.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakType,
)

# The admin still builds (unused) forms for read-only pages; give URL fields Django 6's default.
_URLS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Lists and detail pages only: no add, change or delete (not even as a bulk action)."""

    formfield_overrides = _URLS

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):  # type: ignore[type-arg]
    """The zaaktype's parts as a table; without change permission every column is read-only."""

    formfield_overrides = _URLS
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Catalogus)
class CatalogusAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "domein", "rsin", "versie", "begindatum_versie", "contactpersoon_beheer_naam"]
    search_fields = ["naam", "domein", "rsin"]
    readonly_fields = ["uuid"]


class StatusTypeInline(ReadOnlyInline):
    model = StatusType
    fields = [
        "volgnummer",
        "omschrijving",
        "omschrijving_generiek",
        "statustekst",
        "informeren",
        "doorlooptijd",
    ]


class RolTypeInline(ReadOnlyInline):
    model = RolType
    fields = ["omschrijving", "omschrijving_generiek"]


class ResultaatTypeInline(ReadOnlyInline):
    model = ResultaatType
    fields = ["omschrijving", "selectielijstklasse", "archiefnominatie", "archiefactietermijn"]


class EigenschapInline(ReadOnlyInline):
    model = Eigenschap
    fields = [
        "naam",
        "definitie",
        "specificatie_formaat",
        "specificatie_lengte",
        "specificatie_kardinaliteit",
    ]


class VersionedTypeAdmin(ReadOnlyAdmin):
    """What the three versioned main types share: their catalogus, validity and concept state."""

    list_filter = ["catalogus", "concept"]
    list_select_related = ["catalogus"]
    readonly_fields = ["uuid"]
    date_hierarchy = "begin_geldigheid"


@admin.register(ZaakType)
class ZaakTypeAdmin(VersionedTypeAdmin):
    list_display = [
        "identificatie",
        "omschrijving",
        "catalogus",
        "versiedatum",
        "begin_geldigheid",
        "einde_geldigheid",
        "concept",
    ]
    search_fields = ["identificatie", "omschrijving"]
    inlines = [StatusTypeInline, RolTypeInline, ResultaatTypeInline, EigenschapInline]


@admin.register(InformatieObjectType)
class InformatieObjectTypeAdmin(VersionedTypeAdmin):
    list_display = [
        "omschrijving",
        "catalogus",
        "vertrouwelijkheidaanduiding",
        "begin_geldigheid",
        "einde_geldigheid",
        "concept",
    ]
    search_fields = ["omschrijving", "informatieobjectcategorie"]


@admin.register(BesluitType)
class BesluitTypeAdmin(VersionedTypeAdmin):
    list_display = [
        "omschrijving",
        "catalogus",
        "besluitcategorie",
        "begin_geldigheid",
        "einde_geldigheid",
        "concept",
    ]
    search_fields = ["omschrijving", "besluitcategorie"]
