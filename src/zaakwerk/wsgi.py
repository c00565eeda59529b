"""WSGI entry point, used by ``zaakwerk serve`` (and by any other WSGI server)."""

import os

from django.core.wsgi import get_wsgi_application

from zaakwerk.ops.bootstrap import check_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zaakwerk.conf.settings")

application = get_wsgi_application()
# Refuse to serve at all, rather than answer 500 to the first request that needs the key.
check_secret_key()
