"""The loket in ``zaakwerk quickstart`` and ``zaakwerk loket authorise`` (docs/loket.md).

``authorise_loket`` registers the loket as an API client of this deployment with the least it
needs (docs/adr/0070): per extern zaaktype reading its zaken and audit trail and linking a document
(``zaken.bijwerken`` is the standard's only scope that allows a zaakinformatieobject); per
informatieobjecttype of those zaaktypen reading and creating documents; reading the catalogue. All
up to ``ZAAKWERK_LOKET_MAX_VERTROUWELIJKHEID``. Run it again after publishing a new extern
zaaktype (version), so the loket may read its zaken too.

``ensure_demo_resident`` gives the quickstart's demo resident (BSN :data:`DEMO_BSN`) a few zaken,
registered as the werkplek would: one open melding, an open bezwaar, a granted parkeervergunning
with its besluit document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from zaakwerk.client import ClientCredentials, ZGWClient, models
from zaakwerk.client import inhoud as inhoud_text

# a test BSN of the BRP's test set (it passes the elfproef); never a real person
DEMO_BSN = "999993653"
DEMO_NAME = {"voornamen": "Dirk", "geslachtsnaam": "Demo"}


@dataclass(frozen=True)
class LoketRights:
    zaaktypen: list[str] = field(default_factory=list)
    informatieobjecttypen: list[str] = field(default_factory=list)


def extern_types(client: ZGWClient) -> LoketRights:
    """Every published version of every extern zaaktype and their informatieobjecttypen."""
    zaaktypen = [
        zt
        for zt in client.catalogi.zaaktypen.list(status="definitief")
        if zt.indicatie_intern_of_extern == "extern"
    ]
    iotypen = sorted({url for zt in zaaktypen for url in zt.informatieobjecttypen})
    return LoketRights(sorted(zt.url for zt in zaaktypen), iotypen)


def authorise_loket() -> str:
    """Register the loket in this deployment's Autorisaties (idempotent); its client id."""
    from django.conf import settings
    from django.db import transaction

    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.autorisaties.models import ClientId
    from zaakwerk.autorisaties.services import (
        ApplicatieData,
        AutorisatieData,
        create_applicatie,
        update_applicatie,
    )
    from zaakwerk.core.actor import Actor
    from zaakwerk.loket.services.rules import maximum
    from zaakwerk.loket.zgw import client_secret

    client_id = str(settings.LOKET_CLIENT_ID)
    actor = Actor.system("zaakwerk loket authorise")
    catalogue = AutorisatieData(component="ztc", scopes=["catalogi.lezen"])
    with transaction.atomic():
        register_client(client_id, client_secret(), label="Zaakwerk loket")
        if not ClientId.objects.filter(client_id=client_id).exists():
            create_applicatie(
                ApplicatieData(client_ids=[client_id], label="Zaakwerk loket", autorisaties=[catalogue]),
                actor,
            )
    # the loket reads the catalogue as itself: what it finds there is what it is authorised for
    rights = extern_types(ZGWClient.for_deployment(ClientCredentials(client_id, client_secret())))
    top = maximum()
    autorisaties = [catalogue]
    autorisaties += [
        AutorisatieData(
            component="zrc",
            scopes=["zaken.lezen", "zaken.bijwerken", "audittrails.lezen"],
            zaaktype=url,
            max_vertrouwelijkheidaanduiding=top,
        )
        for url in rights.zaaktypen
    ]
    autorisaties += [
        AutorisatieData(
            component="drc",
            scopes=["documenten.lezen", "documenten.aanmaken"],
            informatieobjecttype=url,
            max_vertrouwelijkheidaanduiding=top,
        )
        for url in rights.informatieobjecttypen
    ]
    link = ClientId.objects.select_related("applicatie").get(client_id=client_id)
    update_applicatie(
        link.applicatie, {"heeft_alle_autorisaties": False, "autorisaties": autorisaties}, actor
    )
    return client_id


# --- the demo resident ------------------------------------------------------------------------

RSIN = "002220647"


def _types(
    client: ZGWClient, zaaktype: models.ZaakType
) -> tuple[list[models.StatusType], list[models.RolType], list[models.ResultaatType]]:
    statustypen = sorted(client.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda t: t.volgnummer)
    roltypen = list(client.catalogi.roltypen.list(zaaktype=zaaktype.url))
    resultaattypen = list(client.catalogi.resultaattypen.list(zaaktype=zaaktype.url))
    return statustypen, roltypen, resultaattypen


def _zaak(
    client: ZGWClient, zaaktype: models.ZaakType, omschrijving: str, started: date, statussen: int
) -> models.Zaak:
    statustypen, roltypen, _ = _types(client, zaaktype)
    zaak = client.zaken.zaken.create(
        {
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "zaaktype": zaaktype.url,
            "startdatum": started.isoformat(),
            "omschrijving": omschrijving,
        }
    )
    initiator = next(t for t in roltypen if t.omschrijving_generiek == "initiator")
    client.zaken.rollen.create(
        {
            "zaak": zaak.url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": initiator.url,
            "roltoelichting": "Ingediend via het loket",
            "betrokkeneIdentificatie": {"inpBsn": DEMO_BSN, **DEMO_NAME},
        }
    )
    for number, statustype in enumerate(statustypen[:statussen]):
        client.zaken.statussen.create(
            {
                "zaak": zaak.url,
                "statustype": statustype.url,
                "datumStatusGezet": f"{(started + timedelta(days=number * 3)).isoformat()}T10:00:00Z",
                "statustoelichting": statustype.statustekst,
            }
        )
    return zaak


def _document(client: ZGWClient, zaak: models.Zaak, iotype: str, titel: str) -> None:
    eio = client.documenten.enkelvoudiginformatieobjecten.create(
        {
            "bronorganisatie": RSIN,
            "creatiedatum": zaak.startdatum.isoformat() if zaak.startdatum else date.today().isoformat(),
            "titel": titel,
            "auteur": "Gemeente",
            "taal": "nld",
            "status": "definitief",
            "formaat": "application/pdf",
            "bestandsnaam": f"{titel.lower().replace(' ', '-')}.pdf",
            "inhoud": inhoud_text.encode(f"%PDF-1.4\n% {titel}\n".encode()),
            "informatieobjecttype": iotype,
            "indicatieGebruiksrecht": False,
        }
    )
    client.zaken.zaakinformatieobjecten.create({"zaak": zaak.url, "informatieobject": eio.url})


DEMO_ZAAKTYPEN = ("MELDING-OPENBARE-RUIMTE", "BEZWAAR", "PARKEERVERGUNNING")


def ensure_demo_resident(client: ZGWClient) -> str:
    """The demo resident's zaken, made once (by ``client``, with every right); their BSN, or ""
    when the demo catalogus is not there."""
    if client.zaken.zaken.page(rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=DEMO_BSN).results:
        return DEMO_BSN
    zaaktypen = {zt.identificatie: zt.url for zt in client.catalogi.zaaktypen.list(status="definitief")}
    if not all(name in zaaktypen for name in DEMO_ZAAKTYPEN):
        return ""
    today = date.today()
    get = client.catalogi.zaaktypen.get
    melding = get(zaaktypen["MELDING-OPENBARE-RUIMTE"])
    _zaak(client, melding, "Losse stoeptegel voor Dorpsstraat 12", today - timedelta(days=6), 2)
    bezwaar = get(zaaktypen["BEZWAAR"])
    _zaak(client, bezwaar, "Bezwaar tegen de aanslag afvalstoffenheffing", today - timedelta(days=20), 1)
    parkeren = get(zaaktypen["PARKEERVERGUNNING"])
    zaak = _zaak(client, parkeren, "Parkeervergunning bewoners, gebied A", today - timedelta(days=40), 2)
    iotypen = {io.omschrijving: io.url for io in client.catalogi.informatieobjecttypen.list()}
    _document(client, zaak, iotypen["Besluit"], "Besluit parkeervergunning")
    statustypen, _, resultaattypen = _types(client, parkeren)
    verleend = next(t for t in resultaattypen if t.omschrijving == "Verleend")
    client.zaken.resultaten.create(
        {"zaak": zaak.url, "resultaattype": verleend.url, "toelichting": "Vergunning verleend voor gebied A."}
    )
    client.zaken.statussen.create(
        {
            "zaak": zaak.url,
            "statustype": statustypen[-1].url,
            "datumStatusGezet": f"{(today - timedelta(days=30)).isoformat()}T10:00:00Z",
            "statustoelichting": statustypen[-1].statustekst,
        }
    )
    return DEMO_BSN
