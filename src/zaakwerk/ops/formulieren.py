"""``zaakwerk formulieren``: register the forms' API client, retry failed registrations, load the
demo forms (docs/formulieren.md)."""

from __future__ import annotations

import argparse


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    formulieren = commands.add_parser("formulieren", help="the loket's forms that become zaken")
    actions = formulieren.add_subparsers(dest="formulieren_command", required=True, metavar="ACTION")
    actions.add_parser(
        "authorise", help="register the forms as an API client of this deployment (idempotent)"
    )
    actions.add_parser(
        "retry", help="register again what failed or was interrupted (no duplicates); remove expired drafts"
    )
    demo = actions.add_parser("demo", help="load the demo forms for the demo catalogus (idempotent)")
    demo.add_argument("--catalogus", required=True, help="URL of the demo catalogus")


def authorise() -> str:
    """Register the forms' client in this deployment's Autorisaties (idempotent); its client id.

    Its Applicatie may create zaken of every zaaktype: which forms exist, and so which zaaktypen
    get zaken from the loket, is the beheerder's choice in the forms' own tables (docs/adr/0085)."""
    from django.conf import settings

    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.formulieren.zgw import client_secret

    client_id = str(settings.FORMULIEREN_CLIENT_ID)
    register_client(client_id, client_secret(), all_authorizations=True, label="Zaakwerk loket (formulieren)")
    return client_id


def prepare(catalogus: str) -> list[str]:
    """For the quickstart: the client (when the forms work against this deployment) and the demo
    forms; the slugs of the demo forms."""
    from django.conf import settings

    from zaakwerk.formulieren import demo

    if not settings.FORMULIEREN_ZGW_URL:
        authorise()
    return demo.load(catalogus)


def print_links(slugs: list[str]) -> None:
    from django.conf import settings
    from django.urls import reverse

    print(f"  Formulieren   {settings.PUBLIC_URL}{reverse('formulieren:lijst')} ({len(slugs)} demo form(s))")
    print()


def run(args: argparse.Namespace) -> int:
    if args.formulieren_command == "authorise":
        print(f"forms registered as API client {authorise()}")
        return 0
    if args.formulieren_command == "demo":
        from zaakwerk.formulieren import demo

        print(f"demo forms: {', '.join(demo.load(args.catalogus))}")
        return 0
    from zaakwerk.formulieren.services import concepten, indienen

    done = indienen.retry()
    registered = [item.referentie for item in done if item.zaak_identificatie]
    failed = [f"{item.referentie} ({item.fout})" for item in done if not item.zaak_identificatie]
    print(f"{len(registered)} submission(s) registered, {len(failed)} still failing")
    for line in failed:
        print(f"  {line}")
    print(f"{concepten.purge_expired()} expired draft object(s) removed")
    return 1 if failed else 0
