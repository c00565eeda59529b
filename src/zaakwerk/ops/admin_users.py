"""``zaakwerk admin add`` and ``zaakwerk admin password``: accounts for the admin at ``/admin/``.

Thin wrappers around Django's ``createsuperuser`` and ``changepassword``, so operators need
no ``django-admin`` and no settings module. On a terminal they ask for the password; without
one (a script, a container job) ``add`` takes it from ``DJANGO_SUPERUSER_PASSWORD``, as
Django's command does, and refuses rather than create an account nobody can log in with.
"""

from __future__ import annotations

import os
import sys

from django.core.management import call_command
from django.core.management.base import CommandError


def add(username: str, email: str) -> int:
    interactive = sys.stdin.isatty()
    if not interactive and not os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
        print(
            "error: no terminal to ask for the password; set DJANGO_SUPERUSER_PASSWORD for a script.",
            file=sys.stderr,
        )
        return 2
    try:
        call_command("createsuperuser", username=username, email=email, interactive=interactive)
    except CommandError as exc:
        print(f"error: {str(exc).removeprefix('Error: ')}", file=sys.stderr)
        return 2
    return 0


def change_password(username: str) -> int:
    if not sys.stdin.isatty():
        print("error: changing a password asks for it on a terminal.", file=sys.stderr)
        return 2
    try:
        call_command("changepassword", username)
    except CommandError as exc:
        print(f"error: {str(exc).removeprefix('Error: ')}", file=sys.stderr)
        return 2
    return 0
