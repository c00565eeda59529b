"""The archief in ``zaakwerk quickstart`` and ``zaakwerk archief``: its API client and the demo
accounts of its roles (docs/archief.md)."""

from __future__ import annotations

from django.conf import settings


def authorise_archief() -> str:
    """Register the archief as an API client of this deployment (idempotent); its client id.

    Its Applicatie may read and destroy every zaaktype: which person may do what is the archief's
    own check (its roles and the reviewed workflow, docs/adr/0080). When the archief works against
    another deployment (``ZAAKWERK_WERKPLEK_ZGW_URL``) it is registered there, not here.
    """
    from zaakwerk.archief.zgw import client_secret
    from zaakwerk.autorisaties.clients import register_client

    client_id = str(settings.ARCHIEF_CLIENT_ID)
    register_client(client_id, client_secret(), all_authorizations=True, label="Zaakwerk archief")
    return client_id


def ensure_demo_staff(password: str) -> list[str]:
    """Demo accounts ``reviewer`` and ``archivaris`` (the recordmanager is the werkplek's); an
    existing account is left as it is. Their usernames."""
    from django.contrib.auth.models import Group, User

    from zaakwerk.archief.roles import ArchiefRole

    made = []
    for role in (ArchiefRole.REVIEWER, ArchiefRole.ARCHIVARIS):
        group, _ = Group.objects.get_or_create(name=role.value)
        user = User.objects.filter(username=role.value).first()
        if user is None:
            user = User.objects.create_user(
                username=role.value,
                password=password,
                first_name="Demo",
                last_name=str(role.label),
                email=f"{role.value}@demogemeente.example",
            )
        user.groups.add(group)
        made.append(role.value)
    return made
