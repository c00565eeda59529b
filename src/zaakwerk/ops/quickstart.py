"""``zaakwerk quickstart``: from a fresh install to a running server with demo data.

Steps: data folder and secret key, database, demo API client, demo admin account, demo
catalogus, server. Every step is idempotent, so running it again starts the same installation
(with a fresh token). The address it listens on is checked first, so a port that is taken
refuses the start before anything else happens.
"""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zaakwerk.conf.secret import create_key_file
from zaakwerk.ops.serve import ServerOptions, options_problem

if TYPE_CHECKING:
    from zaakwerk.ops.webapps import WebReport

DEMO_CLIENT_ID = "zaakwerk-demo"
DEMO_USER_ID = "demo"
DEMO_USER = "Demo Gebruiker"
DEMO_ADMIN = "admin"
# the demo zaaktype the printed Zaken example creates a zaak of
EXAMPLE_ZAAKTYPE = "MELDING-OPENBARE-RUIMTE"


@dataclass(frozen=True)
class DemoCredentials:
    client_id: str
    secret: str
    token: str


@dataclass(frozen=True)
class DemoAdmin:
    username: str
    password: str | None  # None: changed since the quickstart set it, so not known


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
    return create_key_file(folder)


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


def ensure_demo_admin(folder: Path) -> DemoAdmin:
    """A superuser for ``/admin/`` with the data folder's demo password.

    The password is the one of the demo staff accounts (:func:`zaakwerk.ops.webapps.demo_password`,
    generated once and kept in the data folder), so later runs print it while it still opens the
    account. A password the operator changed is never reset.
    """
    from django.contrib.auth import get_user_model

    from zaakwerk.ops.webapps import demo_password

    password = demo_password(folder)
    user = get_user_model().objects.filter(username=DEMO_ADMIN).first()
    if user is None:
        get_user_model().objects.create_superuser(DEMO_ADMIN, email="", password=password)
        return DemoAdmin(DEMO_ADMIN, password)
    return DemoAdmin(DEMO_ADMIN, password if user.check_password(password) else None)


def step(number: int, total: int, text: str) -> None:
    print(f"[{number}/{total}] {text}", flush=True)


@dataclass(frozen=True)
class Prepared:
    credentials: DemoCredentials
    admin: DemoAdmin
    zaaktype: str  # the URL of the zaaktype the printed Zaken example uses
    web: WebReport


def run(*, serve: bool = True, host: str | None = None, port: int | None = None) -> int:
    defaults = ServerOptions()
    options = ServerOptions(
        host=host or defaults.host,
        port=port or defaults.port,
        workers=defaults.workers,
        threads=defaults.threads,
        connections=defaults.connections,
    )
    problem = options_problem(options) if serve else None
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    prepared = prepare(total=6 if serve else 5)
    if prepared is None:
        return 1
    print_examples(prepared.credentials, prepared.admin, prepared.zaaktype)

    from zaakwerk.ops import formulieren, webapps

    webapps.print_login(prepared.web)
    formulieren.print_links(prepared.web.formulieren)
    if not serve:
        return 0
    from zaakwerk.ops.serve import run as run_server

    step(6, 6, "Starting the server")
    return run_server(options)


def prepare(total: int) -> Prepared | None:
    """Steps 1–5, up to the server; None when loading the demo catalogus failed."""
    from zaakwerk.ops.bootstrap import setup_django

    # The demo runs on this machine: subscribers and services tried with it listen on loopback too
    # (production refuses loopback addresses unless configured, docs/adr/0035).
    os.environ.setdefault("ZAAKWERK_OUTGOING_PRIVATE_NETWORKS", "127.0.0.0/8,::1/128")
    # the demo is where the loket's development login belongs (never in production, docs/loket.md)
    os.environ.setdefault("ZAAKWERK_LOKET_DEV_LOGIN", "true")
    folder = data_dir()
    new_key = prepare_data_dir(folder)
    step(1, total, f"Data folder {folder} ({'new secret key' if new_key else 'existing secret key'})")
    setup_django()

    from zaakwerk.ops import migrate

    applied = migrate.migrate()
    step(2, total, f"Database: {migrate.describe_database()} ({len(applied)} migration(s) applied)")

    credentials = ensure_demo_client()
    admin = ensure_demo_admin(folder)
    step(
        3,
        total,
        f"Demo API client {credentials.client_id!r} with all authorisations, admin account {DEMO_ADMIN!r}",
    )

    from zaakwerk.ops.demo import DemoLoadError, demo_client, load_demo

    try:
        report = load_demo(demo_client(credentials.client_id, credentials.secret))
    except DemoLoadError as exc:
        print(f"error: loading the demo catalogus failed: {exc}", file=sys.stderr)
        return None
    step(4, total, f"Demo catalogus: {len(report.created)} object(s) created, {len(report.present)} present")

    from zaakwerk.ops import webapps

    web = webapps.prepare(folder)
    from zaakwerk.ops import formulieren

    web.formulieren = formulieren.prepare(report.catalogus)
    summary = web.summary()
    from django.conf import settings

    if not settings.WERKPLEK_ZGW_URL:  # demo teams and zaken, the werkplek's abonnement and lists
        from zaakwerk.werkplek.demo import load_demo_zaken

        summary += f", {load_demo_zaken().rows} zaken in the werkplek's lists"
    step(5, total, summary)
    return Prepared(credentials, admin, report.zaaktypen[EXAMPLE_ZAAKTYPE], web)


def print_examples(credentials: DemoCredentials, admin: DemoAdmin, zaaktype: str) -> None:
    from django.conf import settings

    from zaakwerk.ops.examples import create_zaak_command, list_zaaktypen_command, list_zaken_command

    root = settings.PUBLIC_URL
    password = admin.password or "(changed by you; reset it with `zaakwerk admin password --username admin`)"
    print()
    print(f"  Root          {root}/  (API's, documentation)")
    print(f"  Admin         {root}/admin/  user {admin.username}, password {password}")
    print(f"  Client id     {credentials.client_id}")
    print(f"  Secret        {credentials.secret}")
    print(f"  Bearer token  {credentials.token}")
    print(
        f"  (valid for {settings.JWT_MAX_AGE} s; new one: zaakwerk token --client-id {credentials.client_id})"
    )
    print()
    print("  The zaaktypen of the demo catalogus (Catalogi API):")
    print(f"  {list_zaaktypen_command(root, credentials.token)}")
    print()
    print("  Create a zaak of the zaaktype 'Melding openbare ruimte' (Zaken API), then list the zaken:")
    print(f"  {create_zaak_command(root, credentials.token, zaaktype)}")
    print()
    print(f"  {list_zaken_command(root, credentials.token)}")
    print(flush=True)
