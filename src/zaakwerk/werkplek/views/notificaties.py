"""``POST /werkplek/notificaties/``: the callback of the werkplek's abonnement (docs/adr/0057).

Not a page for people: the Notificaties API calls it with the abonnement's ``Authorization``
value, which is checked first. The answer is 204 once the message is handled (or was already), 400
for a body that is not a notification, and 503 when the registers cannot be read now, so the
Notificaties API delivers it again later.
"""

from __future__ import annotations

import hmac
import logging

import orjson
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from zaakwerk.client import ClientError
from zaakwerk.werkplek.read_model.notifications import InvalidMessage, receive
from zaakwerk.werkplek.read_model.subscribe import callback_auth
from zaakwerk.werkplek.zgw import service_client

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def notificaties(request: HttpRequest) -> HttpResponse:
    given = request.headers.get("Authorization", "")
    if not given:
        return JsonResponse({"detail": "Authorization ontbreekt."}, status=401)
    if not hmac.compare_digest(given.encode(), callback_auth().encode()):
        return JsonResponse({"detail": "Deze Authorization geeft geen toegang."}, status=403)
    try:
        message = orjson.loads(request.body)
        if not isinstance(message, dict):
            raise InvalidMessage("geen object")
        outcome = receive(service_client(), message)
    except (orjson.JSONDecodeError, InvalidMessage) as exc:
        return JsonResponse({"detail": f"Geen notificatie: {exc}"}, status=400)
    except ClientError as exc:
        logger.warning("notificatie niet verwerkt, de registers zijn niet bereikbaar: %s", exc)
        return JsonResponse({"detail": "De registers zijn nu niet bereikbaar."}, status=503)
    # one line per message: which instance did the work, and which skipped a message already done
    what = "al verwerkt, overgeslagen" if outcome.duplicate else "verwerkt"
    kanaal, actie, resource = (message.get(key) for key in ("kanaal", "actie", "resourceUrl"))
    logger.info("notificatie %s: %s %s %s", what, kanaal, actie, resource)
    return HttpResponse(status=204)
