"""Checking a subscriber's callback URL before an abonnement is stored (RULES.md 7).

The Notificaties API posts a test message (kanaal ``test``) to the callback URL with the
abonnement's ``auth`` as ``Authorization`` header. Any 2xx counts as received: the consumer API
says 204, the background text says 200. Optionally (``ZAAKWERK_NOTIFICATIES_CALLBACK_AUTH_CHECK``)
the same message without the header must be refused with 401 or 403, so that a subscriber that
does not check who is calling is refused.

A callback that cannot be reached, times out or answers anything else is a 400 for the client,
never a 500: it is the client's input that is wrong.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from django.conf import settings
from django.utils import timezone

from zaakwerk.client import ClientError, DeadlineExceeded, policy, transport
from zaakwerk.core.errors import ValidationError

logger = logging.getLogger("zaakwerk.notificaties")

FIELD = "callbackUrl"
TEST_KANAAL = "test"


def test_message() -> dict[str, Any]:
    """A message in the shape of the Notificaties API's ``Message``, on a kanaal no register uses."""
    root = f"{settings.PUBLIC_URL}/notificaties/api/v1"
    return {
        "kanaal": TEST_KANAAL,
        "hoofdObject": f"{root}/abonnement",
        "resource": "abonnement",
        "resourceUrl": f"{root}/abonnement",
        "actie": "create",
        "aanmaakdatum": timezone.now().isoformat().replace("+00:00", "Z"),
        "kenmerken": {},
    }


def _post(url: str, message: dict[str, Any], auth: str | None) -> int | str:
    """The status code of the answer, or a description of why there was none.

    Sent under the subscribers' outgoing-request policy (docs/adr/0035): an address it refuses
    reads as "niet bereikbaar", like a closed port, so the answer tells nothing about the network
    behind this deployment. Redirects are not followed: deliveries are POSTs to exactly this URL.
    """
    headers = {"Content-Type": "application/json"}
    if auth is not None:
        headers["Authorization"] = auth
    try:
        return transport.send(
            "POST",
            url,
            headers=headers,
            content=orjson.dumps(message),
            timeout=settings.NOTIFICATIES_CALLBACK_TIMEOUT,
            rules=policy.for_callbacks(),
            retries=0,
        ).status
    except DeadlineExceeded:
        return "geen antwoord binnen de tijdslimiet"
    except ClientError as exc:
        logger.info("callback %s unreachable: %s", url, exc)
        return "niet bereikbaar"


def verify_callback(url: str, auth: str) -> None:
    """Raise a 400 ``ValidationError`` when ``url`` does not accept a notificatie with ``auth``."""
    message = test_message()
    answer = _post(url, message, auth)
    if not isinstance(answer, int) or not 200 <= answer < 300:
        shown = f"antwoordde {answer}" if isinstance(answer, int) else f"is {answer}"
        raise ValidationError.single(
            FIELD,
            "invalid-callback-url",
            f"De callback URL {shown} op een testnotificatie; verwacht werd 204 (of een andere 2xx).",
        )
    if not settings.NOTIFICATIES_CALLBACK_AUTH_CHECK:
        return
    anonymous = _post(url, message, None)
    if anonymous not in (401, 403):
        raise ValidationError.single(
            FIELD,
            "no-auth-on-callback-url",
            "De callback URL accepteert een testnotificatie zonder Authorization header; "
            "verwacht werd 401 of 403.",
        )
