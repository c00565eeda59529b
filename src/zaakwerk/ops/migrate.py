"""``zaakwerk migrate``: bring the database schema up to date."""

from __future__ import annotations

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def pending_migrations() -> list[str]:
    """The migrations not yet applied to the default database, in the order they will run."""
    executor = MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    return [f"{migration.app_label}.{migration.name}" for migration, _ in executor.migration_plan(targets)]


def migrate() -> list[str]:
    """Apply every pending migration quietly; returns the names of those applied."""
    pending = pending_migrations()
    if pending:
        call_command("migrate", interactive=False, verbosity=0)
    return pending


def describe_database() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite database {settings['NAME']}"
    host = settings.get("HOST") or "localhost"
    return f"{connection.vendor} database {settings['NAME']} on {host}"


def run() -> int:
    applied = migrate()
    where = describe_database()
    if applied:
        print(f"Applied {len(applied)} migration(s) to the {where}.")
    else:
        print(f"The {where} is up to date.")
    return 0
