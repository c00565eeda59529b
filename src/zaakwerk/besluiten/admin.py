"""Read-only browsing of the Besluiten register: besluiten with their besluitinformatieobjecten.

Nothing can be added, changed or deleted here, and the pages say so. Every change goes through the
Besluiten API, whose service functions enforce the standard's rules (brc-001..009: published
besluittype, unique identificatie, the zaak's zaaktype, mirrors in the Zaken and Documenten
registers) and write the audit trail and notifications in the same transaction; the admin would
bypass all of that. Every value is rendered as text by the admin's templates, which escape it.
"""

from __future__ import annotations

from django.contrib import admin

from zaakwerk.besluiten.models import Besluit, BesluitInformatieObject
from zaakwerk.catalogi.admin import ReadOnlyAdmin, ReadOnlyInline
from zaakwerk.core.admin_note import NoteAdmin

# shown under each page's heading (and in its <title>), so keep it short
READ_ONLY_NOTE = (
    "Alleen lezen: wijzigen via de Besluiten API / Read-only: changes go through the Besluiten API"
)


class BesluitInformatieObjectInline(ReadOnlyInline):
    model = BesluitInformatieObject
    fields = ["uuid", "informatieobject"]
    readonly_fields = ["uuid"]


@admin.register(Besluit)
class BesluitAdmin(NoteAdmin, ReadOnlyAdmin):
    note = READ_ONLY_NOTE
    list_display = [
        "identificatie",
        "verantwoordelijke_organisatie",
        "datum",
        "ingangsdatum",
        "vervaldatum",
        "vervalreden",
        "zaak",
    ]
    list_filter = ["vervalreden"]
    search_fields = ["identificatie", "verantwoordelijke_organisatie", "toelichting", "zaak", "uuid"]
    date_hierarchy = "datum"
    readonly_fields = ["uuid"]
    inlines = [BesluitInformatieObjectInline]
