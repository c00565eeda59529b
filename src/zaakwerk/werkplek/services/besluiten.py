"""Besluit vastleggen: a besluit of one of the zaaktype's besluittypen on the zaak, with its
document (docs/adr/0066). The besluit, its document and the link between them are three writes;
when a later one is refused the earlier ones are removed again."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from zaakwerk.client import HTTPStatusError, ZGWClient, models
from zaakwerk.werkplek.services.acties import ActieError, ZaakState, _open, api_message
from zaakwerk.werkplek.services.documenten import Upload, create_document, link_to_zaak


def besluittypen(client: ZGWClient, state: ZaakState) -> list[models.BesluitType]:
    return [client.catalogi.besluittypen.get(url) for url in state.zaaktype.besluittypen]


def vastleggen(
    client: ZGWClient,
    url: str,
    *,
    besluittype_url: str,
    datum: date,
    ingangsdatum: date,
    toelichting: str,
    document: Upload,
    auteur: str,
) -> models.Besluit:
    state = _open(client, url)
    if besluittype_url not in state.zaaktype.besluittypen:
        raise ActieError(_("Kies een soort besluit van dit zaaktype."))
    if ingangsdatum < datum:
        raise ActieError(_("De ingangsdatum kan niet voor de datum van het besluit liggen."))
    if not document.content:
        raise ActieError(_("Het besluitdocument is leeg."))
    besluittype = client.catalogi.besluittypen.get(besluittype_url)
    if not besluittype.informatieobjecttypen:
        raise ActieError(
            _("Bij dit soort besluit hoort geen documenttype; vraag de beheerder van de catalogus.")
        )
    informatieobjecttype = client.catalogi.informatieobjecttypen.get(besluittype.informatieobjecttypen[0])
    reason = toelichting or str(_("Besluit vastgelegd"))
    written: list[tuple[str, str]] = []  # (collection, url) to remove again, newest last
    try:
        besluit = client.besluiten.besluiten.create(
            {
                "verantwoordelijkeOrganisatie": state.zaak.bronorganisatie,
                "besluittype": besluittype.url,
                "zaak": state.zaak.url,
                "datum": datum.isoformat(),
                "ingangsdatum": ingangsdatum.isoformat(),
                "toelichting": toelichting[:1000],
            },
            toelichting=reason,
        )
        written.append(("besluit", besluit.url))
        titel = f"{besluittype.omschrijving or _('Besluit')} {datum.isoformat()}"
        eio = create_document(
            client, state, informatieobjecttype, document, titel=titel, auteur=auteur, toelichting=reason
        )
        written.append(("document", eio.url))
        client.besluiten.besluitinformatieobjecten.create(
            {"besluit": besluit.url, "informatieobject": eio.url}, toelichting=reason
        )
        if informatieobjecttype.url in state.zaaktype.informatieobjecttypen:
            link_to_zaak(client, state, eio, titel=titel, toelichting=reason)
    except HTTPStatusError as exc:
        for kind, written_url in reversed(written):
            collection = (
                client.besluiten.besluiten
                if kind == "besluit"
                else client.documenten.enkelvoudiginformatieobjecten
            )
            collection.delete(written_url, toelichting=str(_("Besluit vastleggen mislukt")))
        raise ActieError(
            _("Het besluit kon niet worden vastgelegd: %(reden)s") % {"reden": api_message(exc)}
        ) from exc
    return besluit
