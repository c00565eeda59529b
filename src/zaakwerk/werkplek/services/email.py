"""E-mail to the initiator of a zaak from one of the zaaktype's templates; the sent mail is kept
as a document on the zaak (docs/adr/0068).

Placeholders are written ``{{ naam }}``: ``identificatie``, ``omschrijving``, ``status``,
``initiator``, ``einddatum_gepland`` and ``medewerker``; any other stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext_lazy as _

from zaakwerk.client import ZGWClient
from zaakwerk.werkplek.models import MailTemplate
from zaakwerk.werkplek.services.acties import ActieError, ZaakState, _open
from zaakwerk.werkplek.services.documenten import (
    Upload,
    create_document,
    link_to_zaak,
    zaak_informatieobjecttype,
)

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


@dataclass(frozen=True)
class Initiator:
    naam: str
    emailadres: str


def initiator(client: ZGWClient, state: ZaakState) -> Initiator | None:
    """The zaak's initiator with an e-mail address (the rol's contactpersoonRol), if any."""
    for rol in client.zaken.rollen.list(zaak=state.zaak.url, omschrijvingGeneriek="initiator"):
        contact = (rol.model_extra or {}).get("contactpersoonRol") or {}
        address = str(contact.get("emailadres") or "")
        if address:
            identificatie = rol.betrokkene_identificatie or {}
            naam = str(
                contact.get("naam")
                or " ".join(
                    str(identificatie.get(key) or "")
                    for key in ("voornamen", "geslachtsnaam", "statutaireNaam")
                ).strip()
                or rol.afwijkende_naam_betrokkene
            )
            return Initiator(naam, address)
    return None


def fill(text: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def values_for(state: ZaakState, person: Initiator, medewerker: str) -> dict[str, str]:
    return {
        "identificatie": state.zaak.identificatie,
        "omschrijving": state.zaak.omschrijving,
        "status": state.status.omschrijving if state.status else "",
        "initiator": person.naam,
        "einddatum_gepland": state.zaak.einddatum_gepland.isoformat() if state.zaak.einddatum_gepland else "",
        "medewerker": medewerker,
    }


def send(client: ZGWClient, url: str, template: MailTemplate, *, medewerker: str) -> EmailMessage:
    """Send the template to the zaak's initiator and keep the mail as a document on the zaak.

    The document is written first: a mail that cannot be kept is not sent."""
    state = _open(client, url)
    person = initiator(client, state)
    if person is None:
        raise ActieError(_("De initiator van de zaak heeft geen e-mailadres."))
    values = values_for(state, person, medewerker)
    message = EmailMessage(
        subject=fill(template.subject, values),
        body=fill(template.body, values),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.emailadres],
    )
    raw = bytes(message.message().as_bytes())
    iotype = zaak_informatieobjecttype(client, state)
    titel = str(_("E-mail: %(onderwerp)s") % {"onderwerp": message.subject})
    reason = str(_("E-mail aan de initiator"))
    document = create_document(
        client,
        state,
        iotype,
        Upload(naam="e-mail.eml", content=raw, content_type="message/rfc822"),
        titel=titel,
        auteur=medewerker,
        toelichting=reason,
    )
    link_to_zaak(client, state, document, titel=titel, toelichting=reason)
    try:
        message.send()
    except OSError as exc:  # smtplib's errors are OSErrors too
        raise ActieError(
            _("De e-mail is bij de zaak opgeslagen, maar kon niet worden verstuurd: %(reden)s")
            % {"reden": exc}
        ) from exc
    return message
