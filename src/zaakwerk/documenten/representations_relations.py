"""JSON representations of gebruiksrechten, objectinformatieobjecten and verzendingen (Documenten API 1.7.0).

Each row is rendered with its document's URL: callers load ``informatieobject`` with
``select_related`` so a page costs no query per row.
"""

from __future__ import annotations

from typing import Any

from zaakwerk.documenten.models import Gebruiksrecht, ObjectInformatieObject, Verzending
from zaakwerk.documenten.representations import iso, iso_datetime

Data = dict[str, Any]


def render_gebruiksrecht(recht: Gebruiksrecht) -> Data:
    return {
        "url": recht.url,
        "informatieobject": recht.informatieobject.url,
        "startdatum": iso_datetime(recht.startdatum),
        "einddatum": iso_datetime(recht.einddatum),
        "omschrijvingVoorwaarden": recht.omschrijving_voorwaarden,
    }


def render_objectinformatieobject(oio: ObjectInformatieObject) -> Data:
    return {
        "url": oio.url,
        "informatieobject": oio.informatieobject.url,
        "object": oio.object,
        "objectType": oio.object_type,
    }


def render_verzending(verzending: Verzending) -> Data:
    return {
        "url": verzending.url,
        "betrokkene": verzending.betrokkene,
        "informatieobject": verzending.informatieobject.url,
        "aardRelatie": verzending.aard_relatie,
        "toelichting": verzending.toelichting,
        "ontvangstdatum": iso(verzending.ontvangstdatum),
        "verzenddatum": iso(verzending.verzenddatum),
        "contactPersoon": verzending.contact_persoon,
        "contactpersoonnaam": verzending.contactpersoonnaam,
        "binnenlandsCorrespondentieadres": verzending.binnenlands_correspondentieadres,
        "buitenlandsCorrespondentieadres": verzending.buitenlands_correspondentieadres,
        "correspondentiePostadres": verzending.correspondentie_postadres,
        "faxnummer": verzending.faxnummer,
        "emailadres": verzending.emailadres,
        "mijnOverheid": verzending.mijn_overheid,
        "telefoonnummer": verzending.telefoonnummer,
    }
