"""Zaken of residents and businesses for the loket's tests, made through the APIs as staff would."""

from __future__ import annotations

from django.test import Client

from tests.werkplek import zaken
from zaakwerk.client import ZGWClient, models
from zaakwerk.loket import identity

# test BSNs that pass the elfproef (never real persons)
BSN_A = "999993653"
BSN_B = "999990019"
KVK = "69599084"
VESTIGING = "000038509504"


def initiator(client: ZGWClient, zaak: models.Zaak, **identificatie: str) -> models.Rol:
    roltype = next(
        t
        for t in client.catalogi.roltypen.list(zaaktype=zaak.zaaktype)
        if t.omschrijving_generiek == "initiator"
    )
    if "inpBsn" in identificatie:
        kind = "natuurlijk_persoon"
    elif "vestigingsNummer" in identificatie:
        kind = "vestiging"
    else:
        kind = "niet_natuurlijk_persoon"
    return client.zaken.rollen.create(
        {
            "zaak": zaak.url,
            "betrokkeneType": kind,
            "roltype": roltype.url,
            "roltoelichting": "initiator",
            "betrokkeneIdentificatie": identificatie,
        }
    )


def zaak_of(
    client: ZGWClient, zaaktype: models.ZaakType, omschrijving: str, **identificatie: str
) -> models.Zaak:
    zaak = zaken.zaak(client, zaaktype, omschrijving)
    initiator(client, zaak, **identificatie)
    return zaak


def document(
    client: ZGWClient,
    zaak: models.Zaak,
    titel: str,
    *,
    status: str = "definitief",
    vertrouwelijkheid: str = "",
    iotype: str = "",
) -> models.EnkelvoudigInformatieObject:
    import base64

    zaaktype = client.catalogi.zaaktypen.get(zaak.zaaktype)
    body = {
        "bronorganisatie": zaken.RSIN,
        "creatiedatum": "2026-11-02",
        "titel": titel,
        "auteur": "Gemeente",
        "taal": "nld",
        "status": status,
        "inhoud": base64.b64encode(b"%PDF-1.4 " + titel.encode()).decode(),
        "informatieobjecttype": iotype or zaaktype.informatieobjecttypen[0],
        "bestandsnaam": f"{titel}.pdf",
        "formaat": "application/pdf",
        "indicatieGebruiksrecht": False,
    }
    if vertrouwelijkheid:
        body["vertrouwelijkheidaanduiding"] = vertrouwelijkheid
    eio = client.documenten.enkelvoudiginformatieobjecten.create(body)
    client.zaken.zaakinformatieobjecten.create({"zaak": zaak.url, "informatieobject": eio.url})
    return eio


def visitor(kind: str, value: str, vestiging: str = "") -> identity.Identity:
    return identity.Identity(kind=kind, value=value, via="dev", vestigingsnummer=vestiging)  # type: ignore[arg-type]


def logged_in(who: identity.Identity) -> Client:
    browser = Client()
    session = browser.session
    session[identity.SESSION_KEY] = {
        "kind": who.kind,
        "value": who.value,
        "via": who.via,
        "name": who.name,
        "vestigingsnummer": who.vestigingsnummer,
    }
    session.save()
    return browser
