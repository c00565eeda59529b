"""Read-only browsing of the Documenten register: enkelvoudige informatieobjecten with their
versions, gebruiksrechten, verzendingen and objectinformatieobjecten.

Nothing can be added, changed or deleted here, and the pages say so. Every change to a document
goes through the Documenten API, whose service functions enforce the standard's rules (locking,
a new version per change, indicatieGebruiksrecht kept in step, one afzender per document, mirrors
kept by the Zaken and Besluiten registers) and write the audit trail and notifications in the same
transaction; the admin would bypass all of that. The lock value is never shown: whoever holds it
may change the document. Every value is rendered as text by the admin's templates, which escape it.
"""

from __future__ import annotations

from django.contrib import admin

from zaakwerk.catalogi.admin import ReadOnlyAdmin, ReadOnlyInline
from zaakwerk.core.admin_note import NoteAdmin
from zaakwerk.documenten.models import (
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectVersie,
    Gebruiksrecht,
    ObjectInformatieObject,
    Verzending,
)

# shown under each page's heading (and in its <title>), so keep it short
READ_ONLY_NOTE = (
    "Alleen lezen: wijzigen via de Documenten API / Read-only: changes go through the Documenten API"
)


class VersieInline(ReadOnlyInline):
    model = EnkelvoudigInformatieObjectVersie
    fields = [
        "versie",
        "begin_registratie",
        "titel",
        "status",
        "vertrouwelijkheidaanduiding",
        "auteur",
        "bestandsnaam",
        "bestandsomvang",
    ]
    ordering = ["-versie"]
    verbose_name = "versie"
    verbose_name_plural = "versies (nieuwste eerst) / versions (newest first)"


class GebruiksrechtInline(ReadOnlyInline):
    model = Gebruiksrecht
    fields = ["uuid", "startdatum", "einddatum", "omschrijving_voorwaarden"]
    readonly_fields = ["uuid"]


class VerzendingInline(ReadOnlyInline):
    model = Verzending
    fields = [
        "uuid",
        "aard_relatie",
        "betrokkene",
        "ontvangstdatum",
        "verzenddatum",
        "emailadres",
        "toelichting",
    ]
    readonly_fields = ["uuid"]


class ObjectInformatieObjectInline(ReadOnlyInline):
    model = ObjectInformatieObject
    fields = ["uuid", "object_type", "object"]
    readonly_fields = ["uuid"]


@admin.register(EnkelvoudigInformatieObject)
class EnkelvoudigInformatieObjectAdmin(NoteAdmin, ReadOnlyAdmin):
    note = READ_ONLY_NOTE
    list_display = [
        "identificatie",
        "bronorganisatie",
        "titel",
        "versie",
        "status",
        "vertrouwelijkheid",
        "locked",
    ]
    list_select_related = ["latest"]
    list_filter = ["latest__status", "latest__vertrouwelijkheidaanduiding"]
    search_fields = ["identificatie", "bronorganisatie", "latest__titel", "latest__auteur", "uuid"]
    fields = ["uuid", "identificatie", "bronorganisatie", "locked"]
    readonly_fields = ["uuid", "identificatie", "bronorganisatie", "locked"]
    inlines = [VersieInline, GebruiksrechtInline, VerzendingInline, ObjectInformatieObjectInline]

    @admin.display(description="titel", ordering="latest__titel")
    def titel(self, obj: EnkelvoudigInformatieObject) -> str:
        return obj.latest.titel if obj.latest else ""

    @admin.display(description="versie")
    def versie(self, obj: EnkelvoudigInformatieObject) -> int | None:
        return obj.latest.versie if obj.latest else None

    @admin.display(description="status")
    def status(self, obj: EnkelvoudigInformatieObject) -> str:
        return obj.latest.get_status_display() if obj.latest else ""

    @admin.display(description="vertrouwelijkheidaanduiding")
    def vertrouwelijkheid(self, obj: EnkelvoudigInformatieObject) -> str:
        return obj.latest.get_vertrouwelijkheidaanduiding_display() if obj.latest else ""

    @admin.display(description="vergrendeld / locked", boolean=True)
    def locked(self, obj: EnkelvoudigInformatieObject) -> bool:
        return obj.locked


@admin.register(Verzending)
class VerzendingAdmin(NoteAdmin, ReadOnlyAdmin):
    note = READ_ONLY_NOTE
    list_display = [
        "uuid",
        "informatieobject",
        "aard_relatie",
        "betrokkene",
        "ontvangstdatum",
        "verzenddatum",
    ]
    list_select_related = ["informatieobject"]
    list_filter = ["aard_relatie"]
    search_fields = ["informatieobject__identificatie", "betrokkene", "emailadres", "uuid"]
    readonly_fields = ["uuid"]
