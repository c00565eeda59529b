"""The inputs of the Documenten register's service functions, keyed by model field name (docs/adr/0050).

Each is a ``TypedDict`` whose keys are all optional: a PATCH gives only the fields it sent, and a
key's presence is what tells "sent" from "not sent". The endpoints build them field by field, so a
renamed model field is a type error in the endpoint and in the service alike. The services read
them and never change them.
"""

from datetime import date, datetime
from typing import TypedDict

# No ``from __future__ import annotations``: a ``TypedDict``'s keys are read at run time.


class Ondertekening(TypedDict):
    """A version's ``ondertekening``, stored as the standard spells it (``datum`` ISO 8601)."""

    soort: str
    datum: str | None


class Integriteit(TypedDict):
    """A version's ``integriteit``, stored as the standard spells it (``datum`` ISO 8601)."""

    algoritme: str
    waarde: str
    datum: str | None


class InformatieObjectValues(TypedDict, total=False):
    """A document version's fields: all of them to create (``bronorganisatie``, ``creatiedatum``,
    ``titel``, ``auteur``, ``taal`` and ``informatieobjecttype`` at least) or to replace, those sent
    to patch. ``identificatie`` and ``vertrouwelijkheidaanduiding`` left empty are generated or
    derived on create and kept on update; the content (``inhoud``) and the lock are given apart."""

    identificatie: str
    bronorganisatie: str
    creatiedatum: date
    titel: str
    vertrouwelijkheidaanduiding: str
    is_gereed_voor_publicatie: bool | None
    tonen_aan_initiator: bool
    auteur: str
    status: str
    inhoud_is_vervallen: bool | None
    formaat: str
    taal: str
    bestandsnaam: str
    bestandsomvang: int | None
    link: str
    beschrijving: str
    ontvangstdatum: date | None
    verzenddatum: date | None
    indicatie_gebruiksrecht: bool | None
    verschijningsvorm: str
    ondertekening: Ondertekening | None
    integriteit: Integriteit | None
    informatieobjecttype: str
    trefwoorden: list[str]


class GebruiksrechtValues(TypedDict, total=False):
    """A gebruiksrecht's fields (all three to create); the document it belongs to is given apart."""

    startdatum: datetime
    einddatum: datetime | None
    omschrijving_voorwaarden: str


class BinnenlandsAdres(TypedDict):
    """A verzending's ``binnenlandsCorrespondentieadres``, stored as the standard spells it."""

    huisletter: str
    huisnummer: int
    huisnummerToevoeging: str
    naamOpenbareRuimte: str
    postcode: str
    woonplaatsnaam: str


class BuitenlandsAdres(TypedDict):
    """A verzending's ``buitenlandsCorrespondentieadres``, stored as the standard spells it."""

    adresBuitenland1: str
    adresBuitenland2: str
    adresBuitenland3: str
    landPostadres: str


class Postadres(TypedDict):
    """A verzending's ``correspondentiePostadres``, stored as the standard spells it."""

    postBusOfAntwoordnummer: int
    postadresPostcode: str
    postadresType: str
    woonplaatsnaam: str


class VerzendingValues(TypedDict, total=False):
    """A verzending's fields: all of them to create or replace (``betrokkene``, ``aard_relatie`` and
    ``contact_persoon`` at least), those sent to patch; the document it belongs to is given apart."""

    betrokkene: str
    aard_relatie: str
    toelichting: str
    ontvangstdatum: date | None
    verzenddatum: date | None
    contact_persoon: str
    contactpersoonnaam: str
    binnenlands_correspondentieadres: BinnenlandsAdres | None
    buitenlands_correspondentieadres: BuitenlandsAdres | None
    correspondentie_postadres: Postadres | None
    faxnummer: str | None
    emailadres: str | None
    mijn_overheid: bool
    telefoonnummer: str | None
