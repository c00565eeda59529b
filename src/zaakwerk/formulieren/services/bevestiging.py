"""The confirmation e-mail to the visitor, from the form's template (docs/formulieren.md).

Placeholders are written ``{{ naam }}`` as in the werkplek's templates (docs/adr/0068): each field
key, and ``identificatie`` (the zaak's), ``referentie`` (the submission's) and ``formulier`` (the
form's title); any other stays as written. The mail goes to the form's contact e-mail field.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from zaakwerk.formulieren.definition import Definition
from zaakwerk.formulieren.models import Inzending
from zaakwerk.formulieren.services import velden

logger = logging.getLogger(__name__)
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


def fill(text: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def placeholders(definition: Definition, values: dict[str, Any], **extra: str) -> dict[str, str]:
    found = {
        item.key: velden.display(item, values.get(item.key))
        for item in definition.fields
        if item.key in values and item.type not in ("file", "bsn")  # never a BSN in a mail or omschrijving
    }
    return {**found, "formulier": definition.titel, **extra}


def send(inzending: Inzending, definition: Definition, values: dict[str, Any]) -> bool:
    """Send the confirmation when the form has a template and the visitor gave an address; whether
    a mail left. A failure to send is logged, never shown as a failed submission: the zaak exists."""
    key = definition.contact.get("emailadres", "")
    address = str(values.get(key) or "")
    if not address:
        return False
    extra = {"identificatie": inzending.zaak_identificatie, "referentie": inzending.referentie}
    filled = placeholders(definition, values, **extra)
    subject = fill(definition.bevestiging_onderwerp, filled) or _("Wij hebben uw formulier ontvangen")
    body = fill(definition.bevestiging_tekst, filled) or _(
        "U hebt het formulier %(formulier)s ingediend. Uw zaak heeft nummer %(identificatie)s."
    ) % {"formulier": definition.titel, "identificatie": inzending.zaak_identificatie}
    message = EmailMessage(
        subject=subject.replace("\n", " ")[:200],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
    )
    try:
        message.send()
    except OSError:  # smtplib's errors are OSErrors too
        logger.exception("confirmation of submission %s not sent", inzending.referentie)
        return False
    return True
