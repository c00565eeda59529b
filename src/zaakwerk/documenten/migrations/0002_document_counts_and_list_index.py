"""Lists from the documents' rows alone: copies of the current version's informatieobjecttype and
vertrouwelijkheid_rank on each document, the narrow index pages are cut from, and kept counts of
documents per (informatieobjecttype, vertrouwelijkheid_rank), in all and per block of ids."""

from typing import Any

from django.db import migrations, models
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Cast

BLOCK = 10_000  # zaakwerk.documenten.counts.BLOCK when this migration was written


def copy_current(apps: Any, schema_editor: Any) -> None:
    """Each document takes its current version's informatieobjecttype and vertrouwelijkheid_rank."""
    informatieobject = apps.get_model("documenten", "EnkelvoudigInformatieObject")
    versie = apps.get_model("documenten", "EnkelvoudigInformatieObjectVersie")
    current = versie.objects.filter(pk=OuterRef("latest_id"))
    informatieobject.objects.filter(latest__isnull=False).update(
        informatieobjecttype=Subquery(current.values("informatieobjecttype")[:1]),
        vertrouwelijkheid_rank=Subquery(current.values("vertrouwelijkheid_rank")[:1]),
    )


def fill_counts(apps: Any, schema_editor: Any) -> None:
    """Count the documents that exist already; the services keep the counts from here on."""
    informatieobject = apps.get_model("documenten", "EnkelvoudigInformatieObject")
    aantal = apps.get_model("documenten", "DocumentAantal")
    blok_aantal = apps.get_model("documenten", "DocumentBlokAantal")
    groups = (
        informatieobject.objects.filter(latest__isnull=False)
        .order_by()
        .annotate(blok=Cast(F("id") / Value(BLOCK), IntegerField()))
        .values("informatieobjecttype", "vertrouwelijkheid_rank", "blok")
        .annotate(n=Count("id"))
        .values_list("informatieobjecttype", "vertrouwelijkheid_rank", "blok", "n")
    )
    totals: dict[tuple[str, int], int] = {}
    blocks = []
    for iot, rank, blok, n in groups.iterator():
        totals[(iot, rank)] = totals.get((iot, rank), 0) + n
        blocks.append(blok_aantal(informatieobjecttype=iot, vertrouwelijkheid_rank=rank, blok=blok, aantal=n))
    blok_aantal.objects.bulk_create(blocks, batch_size=1000)
    aantal.objects.bulk_create(
        aantal(informatieobjecttype=iot, vertrouwelijkheid_rank=rank, aantal=n) for (iot, rank), n in totals.items()
    )


def _group_fields() -> list[tuple[str, Any]]:
    return [
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("informatieobjecttype", models.CharField(max_length=1000)),
        ("vertrouwelijkheid_rank", models.PositiveSmallIntegerField()),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("documenten", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="enkelvoudiginformatieobject",
            name="informatieobjecttype",
            field=models.CharField(blank=True, default="", max_length=1000),
        ),
        migrations.AddField(
            model_name="enkelvoudiginformatieobject",
            name="vertrouwelijkheid_rank",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.RunPython(copy_current, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="enkelvoudiginformatieobject",
            index=models.Index(
                condition=models.Q(("latest__isnull", False)),
                fields=["id", "latest", "informatieobjecttype", "vertrouwelijkheid_rank"],
                name="eio_current",
            ),
        ),
        migrations.CreateModel(
            name="DocumentAantal",
            fields=[*_group_fields(), ("aantal", models.BigIntegerField(default=0))],
        ),
        migrations.CreateModel(
            name="DocumentBlokAantal",
            fields=[
                *_group_fields(),
                ("blok", models.PositiveIntegerField()),
                ("aantal", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.AddConstraint(
            model_name="documentaantal",
            constraint=models.UniqueConstraint(
                fields=("informatieobjecttype", "vertrouwelijkheid_rank"), name="documentaantal_unique_groep"
            ),
        ),
        migrations.AddConstraint(
            model_name="documentblokaantal",
            constraint=models.UniqueConstraint(
                fields=("informatieobjecttype", "vertrouwelijkheid_rank", "blok"),
                name="documentblokaantal_unique_groep",
            ),
        ),
        migrations.RunPython(fill_counts, migrations.RunPython.noop),
    ]
