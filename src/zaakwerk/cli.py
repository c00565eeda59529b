"""The ``zaakwerk`` command: parses arguments and hands over to :mod:`zaakwerk.ops`.

Each command lives in its own module under ``zaakwerk.ops``; they are imported only when
called, after Django is set up, so ``zaakwerk --help`` needs no database or settings.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def installed_version() -> str:
    try:
        return version("zaakwerk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zaakwerk", description="Run and manage a Zaakwerk installation.")
    parser.add_argument("--version", action="version", version=f"zaakwerk {installed_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("migrate", help="apply database migrations")

    client = commands.add_parser("client", help="manage API clients")
    client_commands = client.add_subparsers(dest="client_command", required=True, metavar="ACTION")
    add = client_commands.add_parser("add", help="register a client id and its JWT secret (idempotent)")
    add.add_argument("--client-id", required=True)
    add.add_argument("--secret", required=True)
    add.add_argument(
        "--all-authorizations",
        action="store_true",
        help="give the client an Applicatie with all authorisations",
    )
    add.add_argument("--label", default="", help="label of a new Applicatie (default: the client id)")

    _admin_parser(commands)

    serve = commands.add_parser("serve", help="run the production web server")
    _server_arguments(serve)
    serve.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: ZAAKWERK_WORKERS)"
    )
    serve.add_argument(
        "--threads", type=int, default=None, help="threads per worker (default: ZAAKWERK_THREADS)"
    )

    quickstart = commands.add_parser("quickstart", help="set up a demo installation and serve it")
    _server_arguments(quickstart)
    quickstart.add_argument(
        "--no-serve", action="store_true", help="prepare everything, but do not start the server"
    )

    docs = commands.add_parser("config-docs", help="write the configuration reference")
    docs.add_argument("--check", action="store_true", help="exit 1 when the file is out of date")
    docs.add_argument(
        "--output",
        type=Path,
        default=Path("docs/configuration.md"),
        help="file to write; - for standard output",
    )

    worker = commands.add_parser("worker", help="publish and deliver notifications until stopped (SIGTERM)")
    worker.add_argument(
        "--exit-with-parent", action="store_true", help="stop when the starting process is gone"
    )

    notificaties = commands.add_parser("notificaties", help="notification delivery")
    notificaties_commands = notificaties.add_subparsers(
        dest="notificaties_command", required=True, metavar="ACTION"
    )
    resend = notificaties_commands.add_parser(
        "resend", help="deliver the notifications since a moment again to one abonnement"
    )
    resend.add_argument("--abonnement", required=True, help="UUID of the abonnement")
    resend.add_argument("--since", required=True, help="ISO 8601 date-time, e.g. 2024-05-01T00:00:00Z")

    counts = commands.add_parser("counts", help="the kept counts of zaken and documents (list counts)")
    counts_commands = counts.add_subparsers(dest="counts_command", required=True, metavar="ACTION")
    counts_commands.add_parser("verify", help="compare them with the rows; exit 1 when they differ")
    counts_commands.add_parser("rebuild", help="recompute them from the rows (after a bulk load or restore)")

    werkplek = commands.add_parser("werkplek", help="the werkplek (case handling for staff)")
    werkplek_commands = werkplek.add_subparsers(dest="werkplek_command", required=True, metavar="ACTION")
    werkplek_commands.add_parser(
        "authorise", help="register the werkplek as an API client of this deployment (idempotent)"
    )
    werkplek_commands.add_parser(
        "subscribe", help="make the werkplek's abonnement on the Notificaties API (idempotent)"
    )
    werkplek_sync = werkplek_commands.add_parser(
        "sync", help="fill or repair the work lists' read model from the Zaken API (resumable)"
    )
    werkplek_sync.add_argument("--restart", action="store_true", help="start a new run from the first page")

    from zaakwerk.ops import formulieren

    formulieren.add_parser(commands)

    loket = commands.add_parser("loket", help="the loket (Mijn zaken for residents and businesses)")
    loket_commands = loket.add_subparsers(dest="loket_command", required=True, metavar="ACTION")
    loket_commands.add_parser(
        "authorise",
        help="register the loket as an API client of this deployment (least privilege, idempotent)",
    )

    _archief_parser(commands)

    beheer = commands.add_parser("beheer", help="beheer (the editor of catalogi and zaaktypen)")
    beheer.add_subparsers(dest="beheer_command", required=True, metavar="ACTION").add_parser(
        "authorise", help="register beheer as an API client of this deployment (idempotent)"
    )

    token = commands.add_parser("token", help="print a fresh bearer token for a registered client")
    token.add_argument("--client-id", required=True)
    token.add_argument("--user-id", default="", help="the user_id claim")
    token.add_argument("--user-representation", default="", help="the user_representation claim")
    return parser


def _archief_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    archief = commands.add_parser("archief", help="the archief (destruction lists, transfer)")
    archief_commands = archief.add_subparsers(dest="archief_command", required=True, metavar="ACTION")
    archief_commands.add_parser(
        "authorise", help="register the archief as an API client of this deployment (idempotent)"
    )
    run = archief_commands.add_parser(
        "run", help="destroy the approved destruction lists; continues where a stopped run ended"
    )
    run.add_argument("--list", default=None, help="UUID of one destruction list (default: all approved)")
    run.add_argument("--seconds", type=float, default=None, help="stop after about this many seconds")
    overdragen = archief_commands.add_parser(
        "overdragen",
        help="mark the zaken of the transfer packages whose receipt the e-Depot confirmed as overgedragen",
    )
    overdragen.add_argument("--package", default=None, help="UUID of one package (default: all confirmed)")
    overdragen.add_argument("--seconds", type=float, default=None, help="stop after about this many seconds")


def _admin_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    admin = commands.add_parser("admin", help="accounts for the admin at /admin/")
    admin_commands = admin.add_subparsers(dest="admin_command", required=True, metavar="ACTION")
    admin_add = admin_commands.add_parser("add", help="create a superuser (asks for the password)")
    admin_add.add_argument("--username", required=True)
    admin_add.add_argument("--email", default="")
    admin_password = admin_commands.add_parser("password", help="set a new password for an account")
    admin_password.add_argument("--username", required=True)


def _server_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=None, help="address to bind to (default: ZAAKWERK_HOST)")
    parser.add_argument("--port", type=int, default=None, help="port to listen on (default: ZAAKWERK_PORT)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("serve", "quickstart"):
        use_listen_address_as_public_url(args.host, args.port)

    from django.db import DatabaseError

    from zaakwerk.core.registry import NotConnected
    from zaakwerk.ops.bootstrap import StartupError, setup_django

    try:
        if args.command == "quickstart":
            # sets up Django itself: the secret key file must exist before the settings load
            from zaakwerk.ops import quickstart

            return quickstart.run(serve=not args.no_serve, host=args.host, port=args.port)
        setup_django(require_secret_key=args.command != "config-docs")
        return dispatch(args)
    except StartupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except NotConnected as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except DatabaseError as exc:
        print(f"error: database: {exc} (is it reachable, and has `zaakwerk migrate` run?)", file=sys.stderr)
        return 1


def use_listen_address_as_public_url(host: str | None, port: int | None) -> None:
    """Without a configured ``ZAAKWERK_PUBLIC_URL``, the server's own address is the public URL.

    Must run before the settings load. Otherwise ``--port 8101`` would serve on 8101 while every
    URL in the responses (and every reference a client sends back) still named the default port.
    """
    if os.environ.get("ZAAKWERK_PUBLIC_URL", "").strip():
        return
    from zaakwerk.ops.ports import local_url
    from zaakwerk.ops.serve import ServerOptions

    defaults = ServerOptions()
    os.environ["ZAAKWERK_PUBLIC_URL"] = local_url(host or defaults.host, port or defaults.port)


def dispatch(args: argparse.Namespace) -> int:
    if args.command == "migrate":
        from zaakwerk.ops import migrate

        return migrate.run()
    if args.command == "client":
        from zaakwerk.ops import client

        return client.run(
            args.client_id, args.secret, all_authorizations=args.all_authorizations, label=args.label
        )
    if args.command == "admin":
        from zaakwerk.ops import admin_users

        if args.admin_command == "add":
            return admin_users.add(args.username, args.email)
        return admin_users.change_password(args.username)
    if args.command == "serve":
        from zaakwerk.ops import serve

        defaults = serve.ServerOptions()
        options = serve.ServerOptions(
            host=args.host or defaults.host,
            port=args.port or defaults.port,
            workers=defaults.workers if args.workers is None else args.workers,
            threads=defaults.threads if args.threads is None else args.threads,
            connections=defaults.connections,
        )
        return serve.run(options)
    if args.command == "config-docs":
        from zaakwerk.ops import config_docs

        return config_docs.run(args.output, check=args.check)
    if args.command == "worker":
        from zaakwerk.notificaties.delivery import commands

        return commands.worker(exit_with_parent=args.exit_with_parent)
    if args.command == "notificaties":
        from zaakwerk.notificaties.delivery import commands

        return commands.resend(args.abonnement, args.since)
    if args.command == "counts":
        from zaakwerk.ops import counts

        return counts.verify() if args.counts_command == "verify" else counts.rebuild()
    if args.command == "werkplek" and args.werkplek_command in ("subscribe", "sync"):
        from zaakwerk.werkplek import commands as werkplek_commands

        if args.werkplek_command == "subscribe":
            return werkplek_commands.subscribe()
        return werkplek_commands.sync(restart=args.restart)
    if args.command == "werkplek":
        from zaakwerk.ops import webapps

        print(f"werkplek registered as API client {webapps.authorise_werkplek()}")
        return 0
    if args.command == "formulieren":
        from zaakwerk.ops import formulieren

        return formulieren.run(args)
    if args.command == "loket":
        from zaakwerk.ops import loket

        print(f"loket registered as API client {loket.authorise_loket()} (rights on the extern zaaktypen)")
        return 0
    if args.command == "archief":
        from zaakwerk.archief import commands as archief_commands

        if args.archief_command == "authorise":
            from zaakwerk.ops.archief import authorise_archief

            print(f"archief registered as API client {authorise_archief()}")
            return 0
        if args.archief_command == "overdragen":
            return archief_commands.overdragen(package_uuid=args.package, seconds=args.seconds)
        return archief_commands.run(list_uuid=args.list, seconds=args.seconds)
    if args.command == "beheer":
        from zaakwerk.ops import webapps

        print(f"beheer registered as API client {webapps.authorise_beheer()}")
        return 0
    from zaakwerk.ops import tokens

    return tokens.run(args.client_id, user_id=args.user_id, user_representation=args.user_representation)


if __name__ == "__main__":
    sys.exit(main())
