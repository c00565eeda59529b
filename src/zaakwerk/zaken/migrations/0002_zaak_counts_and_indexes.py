"""Kept counts of zaken per (zaaktype, vertrouwelijkheid_rank), and covering list indexes."""

from typing import Any

from django.db import migrations, models
from django.db.models import Count


def fill_counts(apps: Any, schema_editor: Any) -> None:
    """Count the zaken that exist already; services keep the counts from here on."""
    zaak = apps.get_model("zaken", "Zaak")
    aantal = apps.get_model("zaken", "ZaakAantal")
    groups = zaak.objects.order_by().values("zaaktype", "vertrouwelijkheid_rank").annotate(n=Count("id"))
    aantal.objects.bulk_create(
        aantal(zaaktype=g["zaaktype"], vertrouwelijkheid_rank=g["vertrouwelijkheid_rank"], aantal=g["n"])
        for g in groups
    )


class Migration(migrations.Migration):
    dependencies = [
        ("zaken", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ZaakAantal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("zaaktype", models.CharField(max_length=1000)),
                ("vertrouwelijkheid_rank", models.PositiveSmallIntegerField()),
                ("aantal", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.AddConstraint(
            model_name="zaakaantal",
            constraint=models.UniqueConstraint(
                fields=("zaaktype", "vertrouwelijkheid_rank"), name="zaakaantal_unique_groep"
            ),
        ),
        migrations.RemoveIndex(model_name="zaak", name="zaak_authorisation"),
        migrations.RemoveIndex(model_name="zaak", name="zaak_identificatie"),
        migrations.AddIndex(
            model_name="zaak",
            index=models.Index(
                fields=["zaaktype", "vertrouwelijkheid_rank", "id"], name="zaak_authorisation_id"
            ),
        ),
        migrations.AddIndex(
            model_name="zaak",
            index=models.Index(fields=["identificatie", "id"], name="zaak_identificatie_id"),
        ),
        migrations.RunPython(fill_counts, migrations.RunPython.noop),
    ]
