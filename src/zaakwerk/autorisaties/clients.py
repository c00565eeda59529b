"""API clients: a client id and the JWT secret it signs with (the operator's ``zaakwerk client
add``, and the admin). Registering a secret is not an Autorisaties API operation (RULES.md 6)."""

from __future__ import annotations

from django.db import transaction

from zaakwerk.autorisaties.models import ApiClient, AuthorisationsGeneration, ClientId
from zaakwerk.autorisaties.services import ApplicatieData, create_applicatie, update_applicatie
from zaakwerk.core.actor import Actor


@transaction.atomic
def register_client(
    client_id: str, secret: str, *, all_authorizations: bool = False, label: str = ""
) -> ApiClient:
    """Create or update ``client_id`` with ``secret``; idempotent.

    With ``all_authorizations`` the client id also gets an Applicatie with
    heeftAlleAutorisaties (reusing the Applicatie it already belongs to).
    """
    if not client_id.strip() or not secret:
        raise ValueError("client id and secret must not be empty")
    client = ApiClient.objects.filter(client_id=client_id).first() or ApiClient(client_id=client_id)
    save_client(client, secret)
    if all_authorizations:
        actor = Actor.system("zaakwerk client add")
        link = ClientId.objects.select_related("applicatie").filter(client_id=client_id).first()
        if link is None:
            create_applicatie(
                ApplicatieData(
                    client_ids=[client_id], label=(label or client_id)[:100], heeft_alle_autorisaties=True
                ),
                actor,
            )
        elif not link.applicatie.heeft_alle_autorisaties:
            update_applicatie(link.applicatie, {"heeft_alle_autorisaties": True, "autorisaties": []}, actor)
    return client


@transaction.atomic
def save_client(client: ApiClient, secret: str | None = None) -> ApiClient:
    """Save ``client``, with a new ``secret`` if one is given (required for a new client)."""
    if secret:
        client.set_secret(secret)
    elif client.pk is None or not client.secret_encrypted:
        raise ValueError("a new client needs a secret")
    client.save()
    AuthorisationsGeneration.bump()
    return client


@transaction.atomic
def delete_client(client: ApiClient) -> None:
    """Remove the client's secret: its tokens are refused from the next request on.

    Its client id stays in its Applicatie (if any), so registering it again restores access.
    """
    client.delete()
    AuthorisationsGeneration.bump()
