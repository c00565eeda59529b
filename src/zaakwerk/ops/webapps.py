"""The web applications in ``zaakwerk quickstart``: front-end files and demo staff accounts.

One demo account per staff role (username = the role), all with one password that is generated
once per data folder and kept in ``<data folder>/demo_password`` beside the secret key, so running
the quickstart again prints the same, still valid, password. An account whose password someone
changed is left as it is.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from zaakwerk.web.roles import Role

PASSWORD_FILE = "demo_password"

# usernames are plain ASCII, so they are easy to type; the group carries the role's own name
USERNAMES = {
    Role.BEHANDELAAR: "behandelaar",
    Role.COORDINATOR: "coordinator",
    Role.RECORDMANAGER: "recordmanager",
    Role.BEHEERDER: "beheerder",
    Role.RAADPLEGER: "raadpleger",
}


@dataclass
class WebReport:
    password: str
    assets_built: bool = False
    assets_problem: str = ""
    accounts: list[str] = field(default_factory=list)
    # the archief's reviewer and archivaris (docs/archief.md)
    archief_accounts: list[str] = field(default_factory=list)
    changed_password: list[str] = field(default_factory=list)
    formulieren: list[str] = field(default_factory=list)  # the demo forms' slugs
    loket_bsn: str = ""  # the demo resident of the loket ("" when the loket is not prepared)

    def summary(self) -> str:
        files = (
            f"front-end files not built ({self.assets_problem})"
            if self.assets_problem
            else f"front-end files {'built' if self.assets_built else 'current'}"
        )
        return f"Web applications: {files}, {len(self.accounts)} demo staff account(s)"


def demo_password(folder: Path) -> str:
    """The data folder's demo password, created at the first call."""
    path = folder / PASSWORD_FILE
    if path.exists() and path.read_text().strip():
        return path.read_text().strip()
    password = secrets.token_urlsafe(12)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password


def ensure_demo_staff(report: WebReport) -> None:
    """One active account per role, in the role's group."""
    from django.contrib.auth.models import Group, User

    for role, username in USERNAMES.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username, password=report.password, first_name="Demo", last_name=str(role.label)
            )
        elif not user.check_password(report.password):
            report.changed_password.append(username)
        user.groups.add(group)
        report.accounts.append(username)


def prepare(folder: Path) -> WebReport:
    """Build the front-end files when needed and create the demo staff accounts."""
    from zaakwerk.web import assets

    report = WebReport(password=demo_password(folder))
    try:
        report.assets_built = assets.ensure()
    except assets.AssetsError as exc:
        # the registers work without them; the pages are served unstyled until they are built
        report.assets_problem = str(exc).splitlines()[0]
    ensure_demo_staff(report)
    from django.conf import settings

    from zaakwerk.ops import archief

    report.archief_accounts = archief.ensure_demo_staff(report.password)
    if not settings.WERKPLEK_ZGW_URL:
        authorise_werkplek()
        archief.authorise_archief()
    if not settings.LOKET_ZGW_URL and not settings.WERKPLEK_ZGW_URL:
        from zaakwerk.ops import loket
        from zaakwerk.werkplek.zgw import service_client

        loket.authorise_loket()
        report.loket_bsn = loket.ensure_demo_resident(service_client())
    authorise_beheer()
    return report


def print_login(report: WebReport) -> None:
    from django.conf import settings
    from django.urls import reverse

    print(f"  Werkplek      {settings.PUBLIC_URL}{reverse('werkplek:home')}")
    print(f"  Archief       {settings.PUBLIC_URL}{reverse('archief:lijsten')}")
    print(f"  Beheer        {settings.PUBLIC_URL}{reverse('beheer:home')}")
    print(f"  Log in at     {settings.PUBLIC_URL}{reverse('zaakwerk_web:login')}")
    print(f"  Demo staff    {', '.join(report.accounts + report.archief_accounts)} (username = role)")
    print(f"  Password      {report.password} (the same for each; kept in the data folder)")
    if report.changed_password:
        print(f"  (password changed since, left as it is: {', '.join(report.changed_password)})")
    if report.assets_problem:
        print(f"  Front-end files missing: {report.assets_problem}")
    print()
    print(f"  Loket         {settings.PUBLIC_URL}{reverse('loket:home')}")
    if report.loket_bsn and settings.LOKET_DEV_LOGIN:
        print(f"  Demo resident BSN {report.loket_bsn} (the development login on the loket's login page)")
    print()


def authorise_werkplek() -> str:
    """Register the werkplek as an API client of this deployment (idempotent); its client id.

    The werkplek checks each staff member's roles per zaaktype itself (docs/adr/0054), so its
    Applicatie may read and write every zaaktype; the token of each call names the staff member.
    When the werkplek works against another deployment (``ZAAKWERK_WERKPLEK_ZGW_URL``) it is
    registered there, not here.
    """
    from django.conf import settings

    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.werkplek.zgw import client_secret

    client_id = str(settings.WERKPLEK_CLIENT_ID)
    register_client(client_id, client_secret(), all_authorizations=True, label="Zaakwerk werkplek")
    return client_id


def authorise_beheer() -> str:
    """Register beheer as an API client of this deployment (idempotent); its client id.

    Beheer edits the whole catalogue for beheerders (docs/adr/0075): its Applicatie holds every
    autorisatie, so it can also delete what a failed import created; each call's token names the
    beheerder.
    """
    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.beheer.zgw import CLIENT_ID, client_secret

    register_client(CLIENT_ID, client_secret(), all_authorizations=True, label="Zaakwerk beheer")
    return CLIENT_ID
