"""The kanalen this deployment's registers publish on, so a fresh install has them."""

from typing import Any

from django.db import migrations

from zaakwerk.notificaties.kanalen import create_missing


def create_kanalen(apps: Any, schema_editor: Any) -> None:
    create_missing(apps.get_model("notificaties", "Kanaal"))


class Migration(migrations.Migration):
    dependencies = [("notificaties", "0001_initial")]

    operations = [migrations.RunPython(create_kanalen, migrations.RunPython.noop)]
