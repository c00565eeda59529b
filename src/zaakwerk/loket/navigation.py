"""The loket's menu and where its pages lead, with a safe look-up of the forms' pages.

The forms (``zaakwerk.formulieren``) are served under ``/loket/formulieren/`` by an app of their
own that sits above the loket; the loket links to their list only when that URL name resolves in
this deployment, so it never depends on the app being installed.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from zaakwerk.web.navigation import Link

FORMULIEREN = "formulieren:lijst"


def url_or_empty(name: str) -> str:
    """The URL of ``name``, or "" when no installed app serves it."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def links(request: HttpRequest) -> list[Link]:
    match = request.resolver_match
    shown = match.view_name if match else ""
    items = [
        (_("Start"), "loket:home"),
        (_("Formulieren"), FORMULIEREN),
        (_("Mijn zaken"), "loket:mijn-zaken"),
        (_("Wie heeft mijn gegevens bekeken"), "loket:mijn-gegevens"),
    ]
    found = []
    for label, name in items:
        url = url_or_empty(name)
        if url:
            current = name == shown or (name == "loket:mijn-zaken" and shown.startswith("loket:zaak"))
            found.append(Link(label=label, url=url, current=current))
    return found
