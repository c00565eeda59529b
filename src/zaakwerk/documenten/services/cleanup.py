"""Periodic clean-up of the content storage: safe to run at any time, from a worker or a cron job."""

from __future__ import annotations

from datetime import timedelta

from zaakwerk.documenten import storage
from zaakwerk.documenten.models import BestandsDeel, Inhoud


def _known(name: str) -> bool:
    return Inhoud.objects.filter(naam=name).exists() or BestandsDeel.objects.filter(naam=name).exists()


def cleanup_storage(*, older_than: timedelta | None = None) -> list[str]:
    """Publish committed uploads that missed publishing, remove files no row refers to."""
    return storage.cleanup(older_than=older_than, known=_known)
