"""A subscriber's queue as a partial index, the latency index, and the PostgreSQL triggers that wake workers when work is committed."""

from typing import Any

from django.db import migrations, models

# NOTIFY inside a transaction is delivered at commit (and dropped on rollback); one per statement
# is enough, identical notifications within a transaction are folded into one.
TRIGGERS = [
    ("core_outboxmessage", "zaakwerk_outbox"),
    ("notificaties_delivery", "zaakwerk_delivery"),
]


def create_triggers(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, channel in TRIGGERS:
        schema_editor.execute(
            f"""
            CREATE OR REPLACE FUNCTION {channel}_notify() RETURNS trigger AS $$
            BEGIN PERFORM pg_notify('{channel}', ''); RETURN NULL; END
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER {channel}_notify AFTER INSERT ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION {channel}_notify();
            """
        )


def drop_triggers(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, channel in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {channel}_notify ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {channel}_notify()")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("notificaties", "0002_standard_kanalen"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="delivery", name="delivery_per_abonnement"),
        migrations.AddIndex(
            model_name="delivery",
            index=models.Index(
                condition=models.Q(("state", "pending")),
                fields=["abonnement", "id"],
                name="delivery_queue",
            ),
        ),
        migrations.AddIndex(
            model_name="delivery",
            index=models.Index(
                condition=models.Q(("state", "delivered")),
                fields=["-delivered_at"],
                name="delivery_delivered",
            ),
        ),
        migrations.CreateModel(
            name="DeadLetter",
            fields=[],
            options={
                "verbose_name": "dode brief / dead letter",
                "verbose_name_plural": "dode brieven / dead letters",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("notificaties.delivery",),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
