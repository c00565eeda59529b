"""Starting Django outside a web request, for the operator commands."""

from __future__ import annotations

import os
from pathlib import Path

SETTINGS_MODULE = "zaakwerk.conf.settings"


def setup_django() -> None:
    """Configure Django once; ``DJANGO_SETTINGS_MODULE`` wins when the operator set it.

    Setting up runs the composition root (docs/adr/0040); settings that leave it out stop here
    with :class:`~zaakwerk.core.registry.NotConnected`, before a command does anything.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from django.conf import settings

    from zaakwerk.core.registry import require_connected

    require_connected()

    # The embedded database and local documents live here; SQLite does not create folders.
    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
