"""Django settings for Zaakwerk. Every value an operator can change is read through
:func:`zaakwerk.conf.env.config`, documented where it is read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

from zaakwerk.conf.env import config

BASE_DIR = Path(__file__).resolve().parent.parent

# --- core ------------------------------------------------------------------------------------
DATA_DIR = Path(
    config(
        "ZAAKWERK_DATA_DIR",
        "var",
        help="Folder for the embedded SQLite database and local document storage "
        "(relative to the working directory).",
    )
).resolve()

SECRET_KEY = config(
    "SECRET_KEY",
    "",
    help="Django secret key; also derives the key that encrypts stored API client secrets. "
    "Required when `DEBUG` is false; `zaakwerk quickstart` generates one into the data folder.",
)
DEBUG = config("DEBUG", False, help="Django debug mode. Never enable in production.")
if not SECRET_KEY:
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        SECRET_KEY = key_file.read_text().strip()
    else:
        # Reproducible per data folder, never shared: the quickstart writes a random key here.
        SECRET_KEY = "insecure-development-key-set-SECRET_KEY-in-production"

PUBLIC_URL = config(
    "ZAAKWERK_PUBLIC_URL",
    "http://127.0.0.1:8000",
    help="Public base URL of this deployment, as clients reach it (scheme, host, optional path "
    "prefix, no trailing slash). All resource URLs are built from it, and URLs that start with "
    "it are resolved locally without HTTP. Set it to the reverse proxy's address.",
).rstrip("/")

ALLOWED_HOSTS = config(
    "ALLOWED_HOSTS",
    ["127.0.0.1", "localhost", "testserver"],
    help="Host names this server answers to (comma separated). The host of "
    "`ZAAKWERK_PUBLIC_URL` is always added.",
)
_public_host = PUBLIC_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
if _public_host and _public_host not in ALLOWED_HOSTS:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, _public_host]

USE_X_FORWARDED_HOST = config(
    "USE_X_FORWARDED_HOST",
    False,
    help="Trust the X-Forwarded-Host header (only behind a reverse proxy that sets it).",
)
if config(
    "SECURE_PROXY_SSL",
    False,
    help="Trust `X-Forwarded-Proto: https` from the reverse proxy to mark requests secure.",
):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- database --------------------------------------------------------------------------------
DATABASE_URL = config(
    "DATABASE_URL",
    "",
    help="Database URL, e.g. `postgres://user:pass@host:5432/zaakwerk`. Empty: the embedded "
    "SQLite database `zaakwerk.sqlite3` in `ZAAKWERK_DATA_DIR`.",
    group="Database",
)
DB_CONN_MAX_AGE = config(
    "DB_CONN_MAX_AGE",
    60,
    help="Seconds a database connection is kept open between requests (0: close after each).",
    group="Database",
)
if DATABASE_URL:
    DATABASES: dict[str, Any] = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=DB_CONN_MAX_AGE)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "zaakwerk.sqlite3"),
            "OPTIONS": {
                # WAL lets readers proceed while one writer commits; IMMEDIATE avoids
                # "database is locked" upgrade deadlocks between concurrent writers.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DATABASES["default"].setdefault("TEST", {})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- API -------------------------------------------------------------------------------------
JWT_LEEWAY = config(
    "ZGW_JWT_LEEWAY",
    300,
    help="Clock leeway in seconds when checking a JWT's `iat` (tokens issued slightly in the "
    "future are accepted).",
    group="API",
)
JWT_MAX_AGE = config(
    "ZGW_JWT_MAX_AGE",
    3600,
    help="Maximum age in seconds of a JWT, counted from its `iat` claim.",
    group="API",
)
PAGE_SIZE = config("ZGW_PAGE_SIZE", 100, help="Page size of paginated lists.", group="API")
REMOTE_TIMEOUT = config(
    "ZGW_REMOTE_TIMEOUT",
    10,
    help="Seconds to wait for another ZGW API when validating or fetching a URL reference.",
    group="API",
)
REMOTE_CACHE_SECONDS = config(
    "ZGW_REMOTE_CACHE_SECONDS",
    300,
    help="Seconds a fetched remote resource is cached in memory.",
    group="API",
)
REMOTE_CREDENTIALS = config(
    "ZGW_REMOTE_CREDENTIALS",
    [],
    help="How this deployment authenticates to other ZGW APIs it fetches from: comma-separated "
    "`root|client_id|secret` entries, e.g. `https://zaken.example/zaken/api/v1|zaakwerk|s3cret`. The "
    "longest matching root wins; URLs under no root are fetched without a token.",
    group="API",
)
REFERENTIELIJSTEN_URL = config(
    "ZGW_REFERENTIELIJSTEN_URL",
    "",
    help="Root URL (`…/api/v1`) of an external Referentielijsten API. Empty: the built-in one, "
    "resolved without HTTP.",
    group="API",
)

# --- Documenten ------------------------------------------------------------------------------
DOCUMENT_STORAGE = config(
    "ZAAKWERK_DOCUMENT_STORAGE",
    "local",
    help="Where document contents are stored: `local` (files under `ZAAKWERK_DATA_DIR/documenten`) "
    "or `s3` (S3-compatible object storage).",
    group="Documenten",
)
DOCUMENT_S3_BUCKET = config(
    "ZAAKWERK_DOCUMENT_S3_BUCKET", "", help="Bucket for document contents (storage `s3`).", group="Documenten"
)
DOCUMENT_S3_ENDPOINT_URL = config(
    "ZAAKWERK_DOCUMENT_S3_ENDPOINT_URL",
    "",
    help="Endpoint URL of the S3-compatible service (MinIO, Ceph, …); empty: AWS S3.",
    group="Documenten",
)
DOCUMENT_S3_REGION = config(
    "ZAAKWERK_DOCUMENT_S3_REGION", "", help="Region of the bucket (storage `s3`).", group="Documenten"
)
DOCUMENT_S3_ACCESS_KEY = config(
    "ZAAKWERK_DOCUMENT_S3_ACCESS_KEY",
    "",
    help="Access key for the bucket (storage `s3`).",
    group="Documenten",
)
DOCUMENT_S3_SECRET_KEY = config(
    "ZAAKWERK_DOCUMENT_S3_SECRET_KEY",
    "",
    help="Secret key for the bucket (storage `s3`).",
    group="Documenten",
)
DOCUMENT_PART_SIZE = config(
    "ZAAKWERK_DOCUMENT_PART_SIZE",
    100 * 1024 * 1024,
    help="Size in bytes of each bestandsdeel a large upload is split into.",
    group="Documenten",
)
DOCUMENT_UPLOAD_MAX_AGE = config(
    "ZAAKWERK_DOCUMENT_UPLOAD_MAX_AGE",
    3600,
    help="Seconds after which an unpublished upload (of a transaction that never committed) is "
    "removed by the periodic clean-up.",
    group="Documenten",
)

# --- Django ----------------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "zaakwerk.core",
    "zaakwerk.api",
    "zaakwerk.referentielijsten",
    "zaakwerk.autorisaties",
    "zaakwerk.catalogi",
    "zaakwerk.zaken",
    "zaakwerk.documenten",
    "zaakwerk.besluiten",
    "zaakwerk.notificaties",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "zaakwerk.api.middleware.ApiVersionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
APPEND_SLASH = False

ROOT_URLCONF = "zaakwerk.urls"
WSGI_APPLICATION = "zaakwerk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = config("TIME_ZONE", "Europe/Amsterdam", help="Local time zone for dates.")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = str(DATA_DIR / "static")

LOG_LEVEL = config("LOG_LEVEL", "INFO", help="Log level (DEBUG, INFO, WARNING, ERROR).", group="Operations")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
