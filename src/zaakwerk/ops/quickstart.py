"""``zaakwerk quickstart``: from a fresh install to a running server with demo data.

Steps: data folder and secret key, database, demo API client, demo catalogus, server. Every
step is idempotent, so running it again starts the same installation (with a fresh token).
"""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

DEMO_CLIENT_ID = "zaakwerk-demo"
DEMO_USER_ID = "demo"
DEMO_USER = "Demo Gebruiker"


@dataclass(frozen=True)
class DemoCredentials:
    client_id: str
    secret: str
    token: str


def data_dir() -> Path:
    """The data folder as :mod:`zaakwerk.conf.settings` will read it.

    Needed before the settings are imported, because they read the key file at import time.
    """
    return Path(os.environ.get("ZAAKWERK_DATA_DIR", "var")).resolve()


def prepare_data_dir(folder: Path) -> bool:
    """Create the folder and a random secret key file in it; True when the key is new.

    The settings read ``<data folder>/secret_key`` when ``SECRET_KEY`` is not set. The key
    also encrypts the stored API client secrets, so an existing key is never replaced.
    """
    folder.mkdir(parents=True, exist_ok=True)
    key_file = folder / "secret_key"
    if key_file.exists() and key_file.read_text().strip():
        return False
    key_file.write_text(secrets.token_urlsafe(50) + "\n")
    key_file.chmod(0o600)
    return True


def ensure_demo_client() -> DemoCredentials:
    """The demo client with all authorisations; an existing, readable secret is kept."""
    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.autorisaties.models import ApiClient
    from zaakwerk.ops.tokens import mint_token

    existing = ApiClient.objects.filter(client_id=DEMO_CLIENT_ID).first()
    secret = (existing.get_secret() if existing else None) or secrets.token_urlsafe(32)
    register_client(DEMO_CLIENT_ID, secret, all_authorizations=True, label="Zaakwerk demo")
    token = mint_token(DEMO_CLIENT_ID, secret, user_id=DEMO_USER_ID, user_representation=DEMO_USER)
    return DemoCredentials(client_id=DEMO_CLIENT_ID, secret=secret, token=token)


def step(number: int, total: int, text: str) -> None:
    print(f"[{number}/{total}] {text}", flush=True)


def run(*, serve: bool = True, host: str | None = None, port: int | None = None) -> int:
    from zaakwerk.ops.bootstrap import setup_django

    total = 6 if serve else 5
    # The demo runs on this machine: subscribers and services tried with it listen on loopback too
    # (production refuses loopback addresses unless configured, docs/adr/0035).
    os.environ.setdefault("ZAAKWERK_OUTGOING_PRIVATE_NETWORKS", "127.0.0.0/8,::1/128")
    folder = data_dir()
    new_key = prepare_data_dir(folder)
    step(1, total, f"Data folder {folder} ({'new secret key' if new_key else 'existing secret key'})")
    setup_django()

    from zaakwerk.ops import migrate

    applied = migrate.migrate()
    step(2, total, f"Database: {migrate.describe_database()} ({len(applied)} migration(s) applied)")

    credentials = ensure_demo_client()
    step(3, total, f"Demo API client {credentials.client_id!r} with all authorisations")

    from zaakwerk.ops.demo import DemoLoadError, demo_client, load_demo

    try:
        report = load_demo(demo_client(credentials.client_id, credentials.secret))
    except DemoLoadError as exc:
        print(f"error: loading the demo catalogus failed: {exc}", file=sys.stderr)
        return 1
    step(4, total, f"Demo catalogus: {len(report.created)} object(s) created, {len(report.present)} present")

    from zaakwerk.ops import webapps

    web = webapps.prepare(folder)
    step(5, total, web.summary())
    print_credentials(credentials)
    webapps.print_login(web)
    if not serve:
        return 0
    from zaakwerk.ops.serve import ServerOptions
    from zaakwerk.ops.serve import run as run_server

    options = ServerOptions()
    options = ServerOptions(host=host or options.host, port=port or options.port, workers=options.workers)
    step(6, total, "Starting the server")
    return run_server(options)


def print_credentials(credentials: DemoCredentials) -> None:
    from django.conf import settings

    print()
    print(f"  API root      {settings.PUBLIC_URL}/catalogi/api/v1")
    print(f"  Client id     {credentials.client_id}")
    print(f"  Secret        {credentials.secret}")
    print(f"  Bearer token  {credentials.token}")
    print(
        f"  (valid for {settings.JWT_MAX_AGE} s; new one: zaakwerk token --client-id {credentials.client_id})"
    )
    print()
    zaaktypen = f"{settings.PUBLIC_URL}/catalogi/api/v1/zaaktypen"
    print(f"  curl -H 'Authorization: Bearer {credentials.token}' {zaaktypen}")
    print()
