"""Starting Django outside a web request, for the operator commands and the WSGI entry point."""

from __future__ import annotations

import os
from pathlib import Path

SETTINGS_MODULE = "zaakwerk.conf.settings"


class StartupError(RuntimeError):
    """The installation cannot start; the message is the one line the operator sees."""


def setup_django(*, require_secret_key: bool = True) -> None:
    """Configure Django once; ``DJANGO_SETTINGS_MODULE`` wins when the operator set it.

    Setting up runs the composition root (docs/adr/0040); settings that leave it out stop here
    with :class:`~zaakwerk.core.registry.NotConnected`, before a command does anything. Refuses
    (:class:`StartupError`) when no secret key is configured, unless the command does not need
    one (``config-docs`` only reads the settings' declarations).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from django.conf import settings

    from zaakwerk.core.registry import require_connected

    require_connected()

    if require_secret_key:
        check_secret_key()
    # The embedded database and local documents live here; SQLite does not create folders.
    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)


def check_secret_key() -> None:
    """Raise :class:`StartupError` with one clear line when ``SECRET_KEY`` is empty."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    from zaakwerk.conf.secret import missing_key_message

    try:
        settings.SECRET_KEY  # noqa: B018 - Django refuses an empty key on access
    except ImproperlyConfigured:
        raise StartupError(missing_key_message(Path(settings.DATA_DIR))) from None
