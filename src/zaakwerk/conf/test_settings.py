"""Settings for the test suite: the production settings with a throw-away data folder."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("ZAAKWERK_DATA_DIR", tempfile.mkdtemp(prefix="zaakwerk-test-"))
os.environ.setdefault("ZAAKWERK_PUBLIC_URL", "http://testserver")
# Subscribers and stand-in APIs of the tests listen on loopback; the tests of the outgoing-request
# policy switch this off to see it refuse them (docs/adr/0035).
os.environ.setdefault("ZAAKWERK_OUTGOING_PRIVATE_NETWORKS", "127.0.0.0/8,::1/128")
# Zaakwerk refuses to start without a key; the suite (and the commands it starts) use this one.
os.environ.setdefault("SECRET_KEY", "zaakwerk-test-suite-only-key-0123456789-abcdefghijklmnopqrstuvwxyz")

from zaakwerk.conf.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":  # noqa: F405
    # One test database per run, so parallel runs on one server do not trample each other.
    DATABASES["default"]["TEST"]["NAME"] = f"test_{DATABASES['default']['NAME']}_{os.getpid()}"  # noqa: F405
