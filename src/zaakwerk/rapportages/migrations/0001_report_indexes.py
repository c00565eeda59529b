"""Indexes on the werkplek's read model for the reports' aggregates (docs/adr/0093).

The reports count and group the read model's rows by week of startdatum and einddatum, and its
open zaken by status. These covering indexes let PostgreSQL answer each from the index alone
(an index-only scan over the period's entries) instead of visiting a million rows. The table is
the werkplek's; the indexes are the reports' need, so they live here and go with this app.
SQLite has no INCLUDE: there the same columns make a plain composite index.
"""

from typing import Any

from django.db import migrations

INDEXES = [
    # instroom per week
    ("rapportages_zr_start", "(startdatum) INCLUDE (zaaktype_identificatie, team)", "", "(startdatum, zaaktype_identificatie, team)"),
    # uitstroom, doorlooptijd and termijnoverschrijdingen per week of einddatum
    (
        "rapportages_zr_end",
        "(einddatum) INCLUDE (startdatum, zaaktype_identificatie, team, uiterlijke_einddatum_afdoening)",
        "WHERE einddatum IS NOT NULL",
        "(einddatum, startdatum, zaaktype_identificatie, team, uiterlijke_einddatum_afdoening)",
    ),
    # open zaken per status (and the werkvoorraad counted back from them)
    (
        "rapportages_zr_open",
        "(zaaktype_identificatie, status_omschrijving) INCLUDE (team, startdatum, uiterlijke_einddatum_afdoening)",
        "WHERE einddatum IS NULL",
        "(zaaktype_identificatie, status_omschrijving, team, startdatum, uiterlijke_einddatum_afdoening)",
    ),
]


def create(apps: Any, schema_editor: Any) -> None:
    postgresql = schema_editor.connection.vendor == "postgresql"
    for name, columns, condition, plain in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON werkplek_zaakrow "
            f"{columns if postgresql else plain} {condition}".strip()
        )


def drop(apps: Any, schema_editor: Any) -> None:
    for name, *_ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("werkplek", "0006_read_model")]

    operations = [migrations.RunPython(create, drop)]
