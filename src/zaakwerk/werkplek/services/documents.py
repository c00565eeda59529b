"""Documents the werkplek writes for a zaak (a besluit's document, a sent e-mail): an
enkelvoudiginformatieobject in the Documenten API, linked to the zaak or the besluit."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from zaakwerk.client import ZGWClient, models
from zaakwerk.werkplek.services.acties import ActieError, ZaakState


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes
    content_type: str = "application/octet-stream"


def zaak_informatieobjecttype(
    client: ZGWClient, state: ZaakState, wanted: str = ""
) -> models.InformatieObjectType:
    """The zaaktype's informatieobjecttype named ``wanted`` (omschrijving), else its first
    outgoing one (richting ``uitgaand``), else its first."""
    links = sorted(
        client.catalogi.zaaktype_informatieobjecttypen.list(zaaktype=state.zaaktype.url),
        key=lambda item: item.volgnummer,
    )
    types = {
        url: client.catalogi.informatieobjecttypen.get(url) for url in state.zaaktype.informatieobjecttypen
    }
    if wanted:
        for found in types.values():
            if found.omschrijving == wanted:
                return found
    for link in links:
        if link.richting == "uitgaand" and link.informatieobjecttype in types:
            return types[link.informatieobjecttype]
    if not types:
        raise ActieError(_("Het zaaktype heeft geen documenttypen; het document kan niet worden opgeslagen."))
    return next(iter(types.values()))


def create_document(
    client: ZGWClient,
    state: ZaakState,
    informatieobjecttype: models.InformatieObjectType,
    upload: Upload,
    *,
    titel: str,
    auteur: str,
    toelichting: str,
) -> models.EnkelvoudigInformatieObject:
    return client.documenten.enkelvoudiginformatieobjecten.create(
        {
            "bronorganisatie": state.zaak.bronorganisatie,
            "creatiedatum": date.today().isoformat(),
            "titel": titel[:200],
            "auteur": auteur[:200] or "werkplek",
            "taal": "dut",
            "formaat": upload.content_type[:255],
            "bestandsnaam": upload.name[:255],
            "inhoud": base64.b64encode(upload.content).decode("ascii"),
            "informatieobjecttype": informatieobjecttype.url,
            "vertrouwelijkheidaanduiding": informatieobjecttype.vertrouwelijkheidaanduiding
            or "zaakvertrouwelijk",
            "indicatieGebruiksrecht": False,
            "status": "definitief",
        },
        toelichting=toelichting,
    )


def link_to_zaak(
    client: ZGWClient,
    state: ZaakState,
    document: models.EnkelvoudigInformatieObject,
    *,
    titel: str,
    toelichting: str,
) -> models.ZaakInformatieObject:
    return client.zaken.zaakinformatieobjecten.create(
        {"zaak": state.zaak.url, "informatieobject": document.url, "titel": titel[:200]},
        toelichting=toelichting,
    )
