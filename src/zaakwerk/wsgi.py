"""WSGI entry point, used by ``zaakwerk serve``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zaakwerk.conf.settings")

application = get_wsgi_application()
