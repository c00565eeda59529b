"""Kept counts of zaken per block of ids (deep pages), and an index for zaaktype + bronorganisatie."""

from typing import Any

from django.db import migrations, models

BLOK_GROOTTE = 10_000  # as zaakwerk.zaken.counts.BLOK_GROOTTE when this migration was written


def fill_blocks(apps: Any, schema_editor: Any) -> None:
    """Count the zaken that exist already; services keep the counts from here on."""
    zaak = apps.get_model("zaken", "Zaak")
    blok_aantal = apps.get_model("zaken", "ZaakBlokAantal")
    q = schema_editor.connection.ops.quote_name
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {q('id')} / %s, COUNT(*) FROM {q(zaak._meta.db_table)} GROUP BY 1", [BLOK_GROOTTE]
        )
        rows = cursor.fetchall()
    blok_aantal.objects.bulk_create(blok_aantal(blok=blok, aantal=n) for blok, n in rows)


class Migration(migrations.Migration):
    dependencies = [
        ("zaken", "0002_zaak_counts_and_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="ZaakBlokAantal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("blok", models.BigIntegerField(unique=True)),
                ("aantal", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.AddIndex(
            model_name="zaak",
            index=models.Index(
                fields=["zaaktype", "bronorganisatie", "id"],
                include=("einddatum", "vertrouwelijkheid_rank"),
                name="zaak_zaaktype_bron_id",
            ),
        ),
        migrations.RunPython(fill_blocks, migrations.RunPython.noop),
    ]
