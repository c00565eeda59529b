"""Django settings for Zaakwerk. Every value an operator can change is read through
:func:`zaakwerk.conf.env.config`, documented where it is read."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

from zaakwerk.conf.env import ConfigError, config
from zaakwerk.conf.secret import read_key_file

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
    help="Django secret key; also derives the key that encrypts stored API client secrets. Keep it "
    "stable and the same on every server. When empty, `<ZAAKWERK_DATA_DIR>/secret_key` is read (the "
    "embedded demo: `zaakwerk quickstart` generates that file); without either Zaakwerk refuses to start.",
)
DEBUG = config("DEBUG", False, help="Django debug mode. Never enable in production.")
if not SECRET_KEY:
    # Never a built-in key: an empty key makes Django (and `zaakwerk`, at start) refuse to run.
    SECRET_KEY = read_key_file(DATA_DIR)

PUBLIC_URL = config(
    "ZAAKWERK_PUBLIC_URL",
    "http://127.0.0.1:8000",
    help="Public base URL of this deployment, as clients reach it (scheme, host, optional path "
    "prefix, no trailing slash). All resource URLs are built from it, and URLs that start with "
    "it are resolved locally without HTTP. Set it to the reverse proxy's address.",
).rstrip("/")
# Scheme and host in lower case: resource URLs are compared as strings (docs/adr/0036).
_public = urlsplit(PUBLIC_URL)
PUBLIC_URL = urlunsplit((_public.scheme.lower(), _public.netloc.lower(), _public.path, "", ""))

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

# --- security: HTTPS behind a proxy, cookies, HSTS, Content-Security-Policy ------------------
# `zaakwerk serve` speaks plain HTTP, so an https public URL means a TLS-terminating reverse proxy
# in front: then cookies are Secure, HTTP is redirected and HSTS is sent (ADR 0028).
HTTPS = PUBLIC_URL.startswith("https://")
_proxy_ssl = config(
    "SECURE_PROXY_SSL",
    "auto",
    help="Trust the reverse proxy's `ZAAKWERK_PROXY_PROTO_HEADER: https` to mark a request secure: "
    "`true`, `false`, or `auto` (true when `ZAAKWERK_PUBLIC_URL` starts with `https://`). The proxy "
    "must set the header on every request (and drop one a client sent).",
    group="Security",
).lower()
_proxy_header = config(
    "ZAAKWERK_PROXY_PROTO_HEADER",
    "X-Forwarded-Proto",
    help="Header in which the reverse proxy passes the scheme the client used (`https`).",
    group="Security",
)
if _proxy_ssl not in {"auto", "true", "false"}:
    raise ConfigError(f"SECURE_PROXY_SSL must be auto, true or false, got {_proxy_ssl!r}")
if _proxy_ssl == "true" or (_proxy_ssl == "auto" and HTTPS):
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
# probes and scrapers on the private address stay on plain HTTP
SECURE_REDIRECT_EXEMPT = [r"^healthz(/|$)", r"^metrics$"]
CSRF_TRUSTED_ORIGINS = ["/".join(PUBLIC_URL.split("/", 3)[:3])]
SECURE_HSTS_SECONDS = config(
    "ZAAKWERK_HSTS_SECONDS",
    31536000,
    help="`Strict-Transport-Security` max-age sent on HTTPS responses (0: none). Browsers then refuse "
    "plain HTTP to this host for that long.",
    group="Security",
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = config(
    "ZAAKWERK_HSTS_INCLUDE_SUBDOMAINS",
    True,
    help="Add `includeSubDomains` to `Strict-Transport-Security` (the subdomains of this host).",
    group="Security",
)
# Preloading is a decision for the owner of the registrable domain, not for one service on it.
SECURE_HSTS_PRELOAD = False
SILENCED_SYSTEM_CHECKS = ["security.W021"]
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

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
DB_PREPARED_STATEMENTS = config(
    "DB_PREPARED_STATEMENTS",
    True,
    help="PostgreSQL: run the few hot fixed statements (a page's related rows) as server-side "
    "prepared statements with a generic plan, planned once per connection. Turn off behind a "
    "pooler in transaction mode that does not keep prepared statements.",
    group="Database",
)
if DB_PREPARED_STATEMENTS and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Only statements prepared on purpose are affected (Django's own cursors bind client-side
    # and never prepare): plan them once, whatever the parameter values (ADR 0018).
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c plan_cache_mode=force_generic_plan".strip()
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
# A JSON body is read into memory whole; a document sent with its `inhoud` inline is the largest
# body there is. Larger files go in bestandsdelen, whose file parts do not count (ADR 0024).
DATA_UPLOAD_MAX_MEMORY_SIZE = config(
    "ZGW_MAX_REQUEST_SIZE",
    32 * 1024 * 1024,
    help="Largest request body in bytes, not counting the file parts of a bestandsdelen upload "
    "(a document of about 24 MB fits inline as base64). A larger body is answered with 413.",
    group="API",
)
REMOTE_TIMEOUT = config(
    "ZGW_REMOTE_TIMEOUT",
    10,
    help="Seconds one request to another API may take in total (connecting, sending, waiting, "
    "reading the whole answer, redirects and retries included): a server that answers slowly, "
    "byte by byte, is cut off at this deadline.",
    group="Outgoing requests",
)
REMOTE_RETRIES = config(
    "ZGW_REMOTE_RETRIES",
    2,
    help="Retries of an idempotent request (GET, PUT, DELETE) to another API after a failed "
    "connection or a 502/503/504 answer, with a growing pause, within `ZGW_REMOTE_TIMEOUT`. "
    "A POST or PATCH is never repeated.",
    group="Outgoing requests",
)
REMOTE_CACHE_SECONDS = config(
    "ZGW_REMOTE_CACHE_SECONDS",
    300,
    help="Seconds a published catalogue object or reference-list entry of another API is used from "
    "the shared cache without asking; after that it is revalidated (`If-None-Match`). Zaken, "
    "documents and besluiten of other APIs are never cached.",
    group="Outgoing requests",
)
REMOTE_CREDENTIALS = config(
    "ZGW_REMOTE_CREDENTIALS",
    [],
    help="How this deployment authenticates to other ZGW APIs it fetches from: comma-separated "
    "`root|client_id|secret` entries, e.g. `https://zaken.example/zaken/api/v1|zaakwerk|s3cret`. The "
    "longest matching root wins; URLs under no root are fetched without a token. Each root's host "
    "may be fetched from (see `ZAAKWERK_OUTGOING_HOSTS`).",
    group="Outgoing requests",
)
REFERENTIELIJSTEN_URL = config(
    "ZGW_REFERENTIELIJSTEN_URL",
    "",
    help="Root URL (`…/api/v1`) of an external Referentielijsten API. Empty: the built-in one, "
    "resolved without HTTP.",
    group="API",
)
OUTGOING_HOSTS = config(
    "ZAAKWERK_OUTGOING_HOSTS",
    [],
    help="Hosts this deployment may send requests to when it follows a URL (references, `expand`, "
    "remote registers), besides itself and the hosts of `ZGW_REMOTE_CREDENTIALS`, "
    "`ZAAKWERK_NOTIFICATIES_API_URL` and `ZGW_REFERENTIELIJSTEN_URL`: comma-separated `host`, "
    "`host:port` or `*.domain`; `*` allows every host. A URL on any other host is not fetched.",
    group="Outgoing requests",
)
OUTGOING_PRIVATE_NETWORKS = config(
    "ZAAKWERK_OUTGOING_PRIVATE_NETWORKS",
    [],
    help="Networks (CIDR, comma-separated) of non-public addresses that outgoing requests may "
    "connect to, e.g. `10.0.0.0/8` when the other APIs run in the same cluster, or `127.0.0.0/8` "
    "for subscribers on the same machine. Any other loopback, private, link-local or reserved "
    "address is refused, whatever name resolves to it; this holds for subscriber callbacks too.",
    group="Outgoing requests",
)
OUTGOING_MAX_BYTES = config(
    "ZAAKWERK_OUTGOING_MAX_BYTES",
    10 * 1024 * 1024,
    help="Largest answer (bytes) accepted from another API or a subscriber; a larger one counts "
    "as a failed request.",
    group="Outgoing requests",
)
CACHE_MAX_ENTRIES = config(
    "ZAAKWERK_CACHE_MAX_ENTRIES",
    5000,
    help="Entries the shared cache of other APIs' published catalogue objects keeps (a table in "
    "the database, shared by every process); beyond it the oldest third is removed.",
    group="Outgoing requests",
)

# --- Notificaties API: abonnement callbacks --------------------------------------------------
NOTIFICATIES_CALLBACK_TIMEOUT = config(
    "ZAAKWERK_NOTIFICATIES_CALLBACK_TIMEOUT",
    5,
    help="Seconds to wait for a subscriber's callback URL when an abonnement is created or "
    "changed and the Notificaties API posts a test message to it.",
    group="Notificaties",
)
NOTIFICATIES_CALLBACK_AUTH_CHECK = config(
    "ZAAKWERK_NOTIFICATIES_CALLBACK_AUTH_CHECK",
    False,
    help="Also require that a callback URL refuses the test message without the abonnement's "
    "`auth` (401 or 403), else 400 `no-auth-on-callback-url`. Off by default, as in the "
    "reference implementation.",
    group="Notificaties",
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

# --- Notificaties ---------------------------------------------------------------------------
NOTIFICATIES_API_URL = config(
    "ZAAKWERK_NOTIFICATIES_API_URL",
    "",
    help="Root URL (`…/notificaties/api/v1`) of an external Notificaties API our registers publish "
    "their notifications to (authenticated with `ZGW_REMOTE_CREDENTIALS`). Empty: the built-in "
    "Notificaties API, which routes them to its abonnementen without HTTP.",
    group="Notificaties",
).rstrip("/")
DELIVERY_EMBEDDED_WORKER = config(
    "ZAAKWERK_EMBEDDED_WORKER",
    "auto",
    help="Run the notification worker inside `zaakwerk serve` (one extra process, so exactly one "
    "runs): `on`, `off`, or `auto` (on with the embedded SQLite database, off with PostgreSQL, "
    "where you run `zaakwerk worker` processes yourself).",
    group="Notificaties",
)
DELIVERY_THREADS = config(
    "ZAAKWERK_DELIVERY_THREADS",
    8,
    help="Deliveries one worker process sends at the same time.",
    group="Notificaties",
)
DELIVERY_PER_ABONNEMENT = config(
    "ZAAKWERK_DELIVERY_PER_ABONNEMENT",
    2,
    help="Threads of one worker process that may send to the same abonnement at the same time, so "
    "a slow subscriber cannot occupy every thread.",
    group="Notificaties",
)
DELIVERY_LANE = config(
    "ZAAKWERK_DELIVERY_LANE",
    20,
    help="Deliveries to one abonnement a worker thread takes at once and sends one after the other "
    "(fewer claims, one kept-alive connection); a failure or half the lease ends the lane early.",
    group="Notificaties",
)
DELIVERY_TIMEOUT = config(
    "ZAAKWERK_DELIVERY_TIMEOUT",
    5,
    help="Seconds to wait for a subscriber's callback to answer before the attempt counts as failed.",
    group="Notificaties",
)
DELIVERY_MAX_ATTEMPTS = config(
    "ZAAKWERK_DELIVERY_MAX_ATTEMPTS",
    12,
    help="Attempts per delivery before it becomes a dead letter (re-send it from the admin).",
    group="Notificaties",
)
DELIVERY_BACKOFF_MS = config(
    "ZAAKWERK_DELIVERY_BACKOFF_MS",
    2000,
    help="Delay in milliseconds before the first retry; it doubles per attempt, with random jitter "
    "(between half and all of the delay).",
    group="Notificaties",
)
DELIVERY_BACKOFF_MAX_SECONDS = config(
    "ZAAKWERK_DELIVERY_BACKOFF_MAX_SECONDS",
    3600,
    help="Longest delay between two attempts of one delivery.",
    group="Notificaties",
)
DELIVERY_LEASE_SECONDS = config(
    "ZAAKWERK_DELIVERY_LEASE_SECONDS",
    60,
    help="Seconds a claimed delivery stays reserved for its worker; when a worker dies, another "
    "one picks the delivery up after this time. At least twice the timeout.",
    group="Notificaties",
)
DELIVERY_POLL_MS = config(
    "ZAAKWERK_DELIVERY_POLL_MS",
    1000,
    help="Milliseconds a worker waits between looks for due work when nothing woke it (on "
    "PostgreSQL a commit wakes it at once through LISTEN/NOTIFY).",
    group="Notificaties",
)
CIRCUIT_FAILURES = config(
    "ZAAKWERK_CIRCUIT_FAILURES",
    5,
    help="Consecutive failed attempts to one abonnement that open its circuit: its deliveries wait.",
    group="Notificaties",
)
CIRCUIT_COOLDOWN_SECONDS = config(
    "ZAAKWERK_CIRCUIT_COOLDOWN_SECONDS",
    60,
    help="Seconds an open circuit stays open; then one probe delivery decides whether it closes.",
    group="Notificaties",
)
METRICS_TOKEN = config(
    "ZAAKWERK_METRICS_TOKEN",
    "",
    help="Bearer token that opens `/healthz/notificaties` and `/metrics` to monitoring. Empty: only "
    "logged-in staff users may read them.",
    group="Notificaties",
)

# --- Django ----------------------------------------------------------------------------------
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Published objects of other APIs, shared by every process of the deployment (docs/adr/0038).
    "zgw": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "zaakwerk_cache",
        "OPTIONS": {"MAX_ENTRIES": CACHE_MAX_ENTRIES, "CULL_FREQUENCY": 3},
    },
}
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
    # last: its ready() connects the packages above (the composition root, docs/adr/0040)
    "zaakwerk.wiring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "zaakwerk.core.csp.ContentSecurityPolicyMiddleware",
    # the authorisations' generation once per request, in-process requests included (ADR 0101)
    "zaakwerk.autorisaties.middleware.OneGenerationPerRequestMiddleware",
    "zaakwerk.api.middleware.ApiVersionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # last, so it wraps only the view: remote references are fetched outside transactions (ADR 0037)
    "zaakwerk.core.prefetch.FetchBeforeTransactionMiddleware",
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

# === Web applications: werkplek, loket, beheer, archief, rapportages ==========================
# The shared web layer (`zaakwerk.web`) and the apps on it. Kept in this one block, apart from
# the registers' settings above (ADR 0043–0046).
# before zaakwerk.wiring, which stays last (the composition root)
INSTALLED_APPS[INSTALLED_APPS.index("zaakwerk.wiring") : INSTALLED_APPS.index("zaakwerk.wiring")] = [
    "django_htmx",
    "template_partials",
    "zaakwerk.web",
    "zaakwerk.werkplek",
    "zaakwerk.loket",
    "zaakwerk.rapportages",
    "zaakwerk.beheer",
]
# the user's language from the language switcher's cookie, else Dutch (ADR 0044)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
    "zaakwerk.web.i18n.ChosenLanguageMiddleware",
)
MIDDLEWARE.append("django_htmx.middleware.HtmxMiddleware")
TEMPLATES[0]["OPTIONS"]["context_processors"] += [  # type: ignore[index]
    "django.template.context_processors.i18n",
    "zaakwerk.web.context.web",
]

WEB_ORGANISATION_NAME = config(
    "ZAAKWERK_ORGANISATION_NAME",
    "Gemeente Voorbeeld",
    help="Name of the municipality (or organisation) shown in the header of the web applications.",
    group="Web applications",
)
WEB_LOGO_URL = config(
    "ZAAKWERK_LOGO_URL",
    "",
    help="URL of the organisation's logo in the header (an absolute URL or a path on this server). "
    "Empty: the Zaakwerk logo.",
    group="Web applications",
)
WEB_THEME_STYLESHEET = config(
    "ZAAKWERK_THEME_STYLESHEET",
    "",
    help="URL of a stylesheet with the organisation's own NL Design System design tokens, loaded "
    "instead of the voorbeeld theme. Empty: the EUPL voorbeeld design tokens.",
    group="Web applications",
)
WEB_THEME_CLASS = config(
    "ZAAKWERK_THEME_CLASS",
    "voorbeeld-theme",
    help="CSS class on the page's root element that activates the design tokens of the theme.",
    group="Web applications",
)

# --- staff login: Django accounts, OIDC when configured (ADR 0045) --------------------------
LOGIN_URL = "zaakwerk_web:login"
LOGIN_REDIRECT_URL = "werkplek:home"
LOGOUT_REDIRECT_URL = "zaakwerk_web:login"
SESSION_COOKIE_AGE = config(
    "ZAAKWERK_SESSION_AGE",
    8 * 3600,
    help="Seconds a staff login lasts (a new login is needed after this time).",
    group="Staff login",
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOCAL_LOGIN = config(
    "ZAAKWERK_LOCAL_LOGIN",
    True,
    help="Offer the login form for local accounts (username and password). Turn off when every "
    "staff member logs in through OIDC.",
    group="Staff login",
)
OIDC_RP_CLIENT_ID = config(
    "ZAAKWERK_OIDC_CLIENT_ID",
    "",
    help="Client id of Zaakwerk at the OpenID Connect provider (Keycloak, Entra ID, …). Empty: "
    "OIDC login is off.",
    group="Staff login",
)
OIDC_RP_CLIENT_SECRET = config(
    "ZAAKWERK_OIDC_CLIENT_SECRET", "", help="Client secret at the OIDC provider.", group="Staff login"
)
OIDC_OP_AUTHORIZATION_ENDPOINT = config(
    "ZAAKWERK_OIDC_AUTHORIZATION_ENDPOINT",
    "",
    help="The provider's authorization endpoint (from its `.well-known/openid-configuration`).",
    group="Staff login",
)
OIDC_OP_TOKEN_ENDPOINT = config(
    "ZAAKWERK_OIDC_TOKEN_ENDPOINT", "", help="The provider's token endpoint.", group="Staff login"
)
OIDC_OP_USER_ENDPOINT = config(
    "ZAAKWERK_OIDC_USERINFO_ENDPOINT", "", help="The provider's userinfo endpoint.", group="Staff login"
)
OIDC_OP_JWKS_ENDPOINT = config(
    "ZAAKWERK_OIDC_JWKS_ENDPOINT",
    "",
    help="The provider's JWKS endpoint (its signing keys, for RS256/ES256 ID tokens).",
    group="Staff login",
)
OIDC_RP_SIGN_ALGO = config(
    "ZAAKWERK_OIDC_SIGN_ALGO",
    "RS256",
    help="Signing algorithm of the provider's ID tokens.",
    group="Staff login",
)
OIDC_RP_SCOPES = config(
    "ZAAKWERK_OIDC_SCOPES", "openid email profile", help="Scopes requested at login.", group="Staff login"
)
OIDC_USERNAME_CLAIM = config(
    "ZAAKWERK_OIDC_USERNAME_CLAIM",
    "preferred_username",
    help="Claim whose value is the staff member's username in Zaakwerk.",
    group="Staff login",
)
OIDC_GROUPS_CLAIM = config(
    "ZAAKWERK_OIDC_GROUPS_CLAIM",
    "groups",
    help="Claim with the staff member's groups (a list of names; a dotted path such as "
    "`realm_access.roles` reads a nested claim). The user's groups are set from it at every login.",
    group="Staff login",
)
OIDC_PROVIDER_NAME = config(
    "ZAAKWERK_OIDC_PROVIDER_NAME",
    "",
    help="Name of the provider on the login button, e.g. `Microsoft Entra ID`.",
    group="Staff login",
)
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
# after a refused or failed OIDC login the login page says so
LOGIN_REDIRECT_URL_FAILURE = "/medewerker/inloggen/?fout=oidc"
# local accounts stay for the admin's operators, whatever ZAAKWERK_LOCAL_LOGIN says
AUTHENTICATION_BACKENDS = [
    *(["zaakwerk.web.auth.oidc.StaffBackend"] if OIDC_ENABLED else []),
    "django.contrib.auth.backends.ModelBackend",
]

# --- werkplek: the ZGW deployment it works against (ADR 0053) --------------------------------
WERKPLEK_ZGW_URL = config(
    "ZAAKWERK_WERKPLEK_ZGW_URL",
    "",
    help="Base URL of the ZGW deployment whose zaken the werkplek handles, in Open Zaak's URL "
    "layout (`<base>/zaken/api/v1`, `<base>/catalogi/api/v1`, …). Empty: this deployment.",
    group="Werkplek",
)
WERKPLEK_CLIENT_ID = config(
    "ZAAKWERK_WERKPLEK_CLIENT_ID",
    "zaakwerk-werkplek",
    help="Client id the werkplek calls the ZGW APIs with; each call also names the staff member "
    "(the token's user_id), so the registers' audit trails say who did it.",
    group="Werkplek",
)
WERKPLEK_CLIENT_SECRET = config(
    "ZAAKWERK_WERKPLEK_CLIENT_SECRET",
    "",
    help="The werkplek's JWT secret. Empty: derived from the secret key; `zaakwerk werkplek "
    "authorise` registers it in this deployment's Autorisaties API. Set it when the werkplek works "
    "against another deployment, where the werkplek is registered with this secret.",
    group="Werkplek",
)
WERKPLEK_MAX_UPLOAD_BYTES = config(
    "ZAAKWERK_WERKPLEK_MAX_UPLOAD_BYTES",
    20 * 1024 * 1024,
    help="Largest file in bytes a staff member may add to a zaak in the werkplek (sent inline to "
    "the Documenten API, so it must stay below ZGW_MAX_REQUEST_SIZE's base64 limit).",
    group="Werkplek",
)

# --- loket: residents' and businesses' login and Mijn zaken (docs/loket.md, ADR 0070–0074) ---
LOKET_ZGW_URL = config(
    "ZAAKWERK_LOKET_ZGW_URL",
    "",
    help="Base URL of the ZGW deployment whose zaken the loket shows, in Open Zaak's URL layout. "
    "Empty: this deployment.",
    group="Loket",
)
LOKET_CLIENT_ID = config(
    "ZAAKWERK_LOKET_CLIENT_ID",
    "zaakwerk-loket",
    help="Client id the loket calls the ZGW APIs with (`zaakwerk loket authorise` registers it here "
    "with read rights on the extern zaaktypen only).",
    group="Loket",
)
LOKET_CLIENT_SECRET = config(
    "ZAAKWERK_LOKET_CLIENT_SECRET",
    "",
    help="The loket's JWT secret. Empty: derived from the secret key. Set it when the loket works "
    "against another deployment, where the loket is registered with this secret.",
    group="Loket",
)
LOKET_DEV_LOGIN = config(
    "ZAAKWERK_LOKET_DEV_LOGIN",
    False,
    help="Offer the development login, where anyone types a BSN or KVK-nummer and is logged in as "
    "that resident or business. Only for demos and tests: `zaakwerk quickstart` turns it on; never "
    "in production.",
    group="Loket",
)
LOKET_OIDC_DIGID_CLIENT_ID = config(
    "ZAAKWERK_LOKET_DIGID_CLIENT_ID",
    "",
    help="Client id of the loket at the OIDC broker for DigiD (residents). Empty: no DigiD login.",
    group="Loket",
)
LOKET_OIDC_DIGID_CLIENT_SECRET = config(
    "ZAAKWERK_LOKET_DIGID_CLIENT_SECRET", "", help="Client secret for DigiD at the broker.", group="Loket"
)
LOKET_OIDC_DIGID_ISSUER = config(
    "ZAAKWERK_LOKET_DIGID_ISSUER",
    "",
    help="Issuer URL of the broker for DigiD; its endpoints come from "
    "`<issuer>/.well-known/openid-configuration`.",
    group="Loket",
)
LOKET_OIDC_DIGID_SCOPES = config(
    "ZAAKWERK_LOKET_DIGID_SCOPES", "openid", help="Scopes requested for DigiD.", group="Loket"
)
LOKET_OIDC_BSN_CLAIM = config(
    "ZAAKWERK_LOKET_BSN_CLAIM",
    "bsn",
    help="Claim of the DigiD ID token that holds the BSN (a dotted path reads a nested claim).",
    group="Loket",
)
LOKET_OIDC_EHERKENNING_CLIENT_ID = config(
    "ZAAKWERK_LOKET_EHERKENNING_CLIENT_ID",
    "",
    help="Client id of the loket at the OIDC broker for eHerkenning (businesses). Empty: no "
    "eHerkenning login.",
    group="Loket",
)
LOKET_OIDC_EHERKENNING_CLIENT_SECRET = config(
    "ZAAKWERK_LOKET_EHERKENNING_CLIENT_SECRET",
    "",
    help="Client secret for eHerkenning at the broker.",
    group="Loket",
)
LOKET_OIDC_EHERKENNING_ISSUER = config(
    "ZAAKWERK_LOKET_EHERKENNING_ISSUER",
    "",
    help="Issuer URL of the broker for eHerkenning (may be the DigiD one).",
    group="Loket",
)
LOKET_OIDC_EHERKENNING_SCOPES = config(
    "ZAAKWERK_LOKET_EHERKENNING_SCOPES", "openid", help="Scopes requested for eHerkenning.", group="Loket"
)
LOKET_OIDC_KVK_CLAIM = config(
    "ZAAKWERK_LOKET_KVK_CLAIM",
    "kvk",
    help="Claim of the eHerkenning ID token that holds the KVK-nummer.",
    group="Loket",
)
LOKET_OIDC_VESTIGING_CLAIM = config(
    "ZAAKWERK_LOKET_VESTIGING_CLAIM",
    "vestiging",
    help="Claim of the eHerkenning ID token that holds the vestigingsnummer, when the login is for "
    "one vestiging (optional).",
    group="Loket",
)
LOKET_OIDC_NAME_CLAIM = config(
    "ZAAKWERK_LOKET_NAME_CLAIM",
    "name",
    help="Claim with the name shown in the loket's header (optional, either login).",
    group="Loket",
)
LOKET_MAX_VERTROUWELIJKHEID = config(
    "ZAAKWERK_LOKET_MAX_VERTROUWELIJKHEID",
    "vertrouwelijk",
    help="Highest vertrouwelijkheidaanduiding of a zaak or document the loket shows a resident "
    "(openbaar … zeer_geheim); `zaakwerk loket authorise` grants no more.",
    group="Loket",
)
LOKET_MAX_UPLOAD_BYTES = config(
    "ZAAKWERK_LOKET_MAX_UPLOAD_BYTES",
    10 * 1024 * 1024,
    help="Largest file in bytes a resident may add to their zaak.",
    group="Loket",
)
LOKET_UPLOAD_TYPES = config(
    "ZAAKWERK_LOKET_UPLOAD_TYPES",
    ["application/pdf", "image/jpeg", "image/png"],
    help="Media types a resident may upload (the file's content is checked, not only its name).",
    group="Loket",
)

# --- e-mail: the werkplek's mails to initiators (ADR 0068) ----------------------------------
EMAIL_HOST = config(
    "ZAAKWERK_EMAIL_HOST",
    "",
    help="SMTP server for outgoing e-mail. Empty: e-mail is written to the log (console) instead of sent.",
    group="E-mail",
)
EMAIL_PORT = config("ZAAKWERK_EMAIL_PORT", 587, help="Port of the SMTP server.", group="E-mail")
EMAIL_HOST_USER = config("ZAAKWERK_EMAIL_USER", "", help="User name on the SMTP server.", group="E-mail")
EMAIL_HOST_PASSWORD = config(
    "ZAAKWERK_EMAIL_PASSWORD", "", help="Password on the SMTP server.", group="E-mail"
)
EMAIL_USE_TLS = config(
    "ZAAKWERK_EMAIL_USE_TLS", True, help="Use STARTTLS with the SMTP server.", group="E-mail"
)
DEFAULT_FROM_EMAIL = config(
    "ZAAKWERK_EMAIL_FROM", "noreply@localhost", help="Sender address of outgoing e-mail.", group="E-mail"
)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_TIMEOUT = 20

# --- formulieren: the loket's forms that become zaken (docs/formulieren.md, ADR 0085-0089) ----
INSTALLED_APPS.insert(INSTALLED_APPS.index("zaakwerk.loket") + 1, "zaakwerk.formulieren")
FORMULIEREN_ZGW_URL = config(
    "ZAAKWERK_FORMULIEREN_ZGW_URL",
    "",
    help="Base URL of the ZGW deployment where submitted forms are registered as zaken, in Open "
    "Zaak's URL layout. Empty: this deployment (then the registers' transactional registration "
    "extension is used).",
    group="Formulieren",
)
FORMULIEREN_CLIENT_ID = config(
    "ZAAKWERK_FORMULIEREN_CLIENT_ID",
    "zaakwerk-formulieren",
    help="Client id the loket's forms call the ZGW APIs with.",
    group="Formulieren",
)
FORMULIEREN_CLIENT_SECRET = config(
    "ZAAKWERK_FORMULIEREN_CLIENT_SECRET",
    "",
    help="The forms' JWT secret. Empty: derived from the secret key; `zaakwerk formulieren "
    "authorise` registers it in this deployment's Autorisaties API. Set it when the forms register "
    "zaken in another deployment, where the client is registered with this secret.",
    group="Formulieren",
)
FORMULIEREN_DRAFT_DAYS = config(
    "ZAAKWERK_FORMULIEREN_DRAFT_DAYS",
    14,
    help="Days a form that was started but not submitted is kept for the visitor to resume.",
    group="Formulieren",
)
FORMULIEREN_MAX_UPLOAD_BYTES = config(
    "ZAAKWERK_FORMULIEREN_MAX_UPLOAD_BYTES",
    10 * 1024 * 1024,
    help="Largest file in bytes a visitor may attach to a form, whatever the form allows (sent inline "
    "to the Documenten API, so it must stay below ZGW_MAX_REQUEST_SIZE's base64 limit).",
    group="Formulieren",
)
FORMULIEREN_KANAAL = config(
    "ZAAKWERK_FORMULIEREN_KANAAL",
    "E-formulier",
    help="Name of the communicatiekanaal (Referentielijsten API) a zaak from a form is given.",
    group="Formulieren",
)

# --- archief: selection, destruction lists and transfer to an e-Depot (docs/archief.md) -------
INSTALLED_APPS.insert(INSTALLED_APPS.index("zaakwerk.wiring"), "zaakwerk.archief")
ARCHIEF_CLIENT_ID = config(
    "ZAAKWERK_ARCHIEF_CLIENT_ID",
    "zaakwerk-archief",
    help="Client id the archief calls the ZGW APIs with (its own application; `zaakwerk archief "
    "authorise` registers it in this deployment). Each call also names the staff member.",
    group="Archief",
)
ARCHIEF_CLIENT_SECRET = config(
    "ZAAKWERK_ARCHIEF_CLIENT_SECRET",
    "",
    help="The archief's JWT secret. Empty: derived from the secret key. Set it when the archief "
    "works against another deployment (`ZAAKWERK_WERKPLEK_ZGW_URL`), where it is registered with it.",
    group="Archief",
)
ARCHIEF_EXPORT_DIR = config(
    "ZAAKWERK_ARCHIEF_EXPORT_DIR",
    "",
    help="Folder the transfer packages (ZIP files for the e-Depot) are written to. Empty: "
    "`archief/` in the data folder.",
    group="Archief",
)
ARCHIEF_MAX_DOCUMENT_BYTES = config(
    "ZAAKWERK_ARCHIEF_MAX_DOCUMENT_BYTES",
    1024 * 1024 * 1024,
    help="Largest document content in bytes a transfer package takes; a larger one fails the package "
    "with a message (one document's content is held in memory at a time).",
    group="Archief",
)
ARCHIEF_VERKLARING_ZAAKTYPE = config(
    "ZAAKWERK_ARCHIEF_VERKLARING_ZAAKTYPE",
    "VERKLARING-VAN-VERNIETIGING",
    help="Identificatie of the published zaaktype whose zaak keeps each verklaring van vernietiging "
    "(with its first informatieobjecttype). No list is destroyed while it is missing.",
    group="Archief",
)
