"""The inputs of the Zaken register's service functions, keyed by model field name (docs/adr/0050).

Each is a ``TypedDict`` whose keys are all optional: a PATCH gives only the fields it sent, and a
key's presence is what tells "sent" from "not sent". The endpoints build them field by field, so a
renamed model field is a type error in the endpoint and in the service alike. The services read
them and never change them.
"""

from datetime import date, datetime
from typing import Any, TypedDict

# No ``from __future__ import annotations``: a ``TypedDict``'s keys are read at run time.


class RelevanteZaak(TypedDict):
    """An item of ``relevanteAndereZaken``, stored as the standard spells it."""

    url: str
    aardRelatie: str


class Kenmerk(TypedDict):
    kenmerk: str
    bron: str


class Processobject(TypedDict):
    datumkenmerk: str
    identificatie: str
    objecttype: str
    registratie: str


class ZaakValues(TypedDict, total=False):
    """A zaak's fields: all of them to create (``bronorganisatie``, ``verantwoordelijke_organisatie``,
    ``zaaktype`` and ``startdatum`` at least) or to replace, those sent to patch. ``hoofdzaak`` is a
    URL; ``identificatie``, ``vertrouwelijkheidaanduiding`` and ``registratiedatum`` left out are
    generated or derived on create and kept on update."""

    identificatie: str
    bronorganisatie: str
    omschrijving: str
    toelichting: str
    zaaktype: str
    registratiedatum: date
    verantwoordelijke_organisatie: str
    startdatum: date
    einddatum_gepland: date | None
    uiterlijke_einddatum_afdoening: date | None
    publicatiedatum: date | None
    communicatiekanaal: str
    producten_of_diensten: list[str]
    vertrouwelijkheidaanduiding: str
    betalingsindicatie: str
    laatste_betaaldatum: datetime | None
    zaakgeometrie: dict[str, Any] | None
    verlenging_reden: str
    verlenging_duur: str | None
    opschorting_indicatie: bool
    opschorting_reden: str
    selectielijstklasse: str
    hoofdzaak: str | None
    relevante_andere_zaken: list[RelevanteZaak]
    kenmerken: list[Kenmerk]
    archiefnominatie: str
    archiefstatus: str
    archiefactiedatum: date | None
    opdrachtgevende_organisatie: str
    processobjectaard: str | None
    startdatum_bewaartermijn: date | None
    processobject: Processobject | None


class StatusValues(TypedDict, total=False):
    """A new status: ``statustype`` (URL) and ``datum_status_gezet`` always; ``gezetdoor`` a rol URL."""

    statustype: str
    datum_status_gezet: datetime
    statustoelichting: str
    gezetdoor: str | None


class ZaakEigenschapValues(TypedDict):
    """A new zaakeigenschap of a registration: the eigenschap (URL) and its waarde."""

    eigenschap: str
    waarde: str


class ZaakEigenschapChanges(TypedDict, total=False):
    """A change of a zaakeigenschap: the fields sent (all for PUT). Only ``waarde`` may change;
    ``zaak`` and ``eigenschap`` (URLs), when sent, must be the ones it has (``zaak`` may be empty)."""

    zaak: str
    eigenschap: str
    waarde: str


class ResultaatValues(TypedDict, total=False):
    """A resultaat: ``resultaattype`` (URL) and ``toelichting``; ``zaak`` (URL) only to check that
    an update names the zaak it already has."""

    zaak: str
    resultaattype: str
    toelichting: str


class ContactpersoonRol(TypedDict):
    """A rol's ``contactpersoonRol``, stored as the standard spells it."""

    emailadres: str
    functie: str
    telefoonnummer: str
    naam: str


class RolValues(TypedDict, total=False):
    """A new rol (the zaak and what the roltype gives are not input): ``roltype`` (URL) and
    ``betrokkene_type`` always."""

    betrokkene: str
    betrokkene_type: str
    afwijkende_naam_betrokkene: str
    roltype: str
    roltoelichting: str
    indicatie_machtiging: str
    contactpersoon_rol: ContactpersoonRol | None
    betrokkene_identificatie: dict[str, Any] | None


class OverigeDefinitie(TypedDict):
    """A zaakobject's ``objectTypeOverigeDefinitie``, stored as the standard spells it."""

    url: str
    schema: str
    objectData: str


class ZaakObjectValues(TypedDict, total=False):
    """A zaakobject's fields (``object_type`` always on create); those sent to patch."""

    object: str
    zaakobjecttype: str
    object_type: str
    object_type_overige: str
    object_type_overige_definitie: OverigeDefinitie | None
    relatieomschrijving: str
    object_identificatie: dict[str, Any] | None


class ZaakInformatieObjectValues(TypedDict, total=False):
    """A zaakinformatieobject's fields (``informatieobject``, a URL, always on create); ``zaak``
    (URL) only to check that an update names the zaak it already has."""

    informatieobject: str
    zaak: str
    titel: str
    beschrijving: str
    vernietigingsdatum: datetime | None
    status: str | None


class KlantContactValues(TypedDict, total=False):
    """A new klantcontact of a zaak (``datumtijd`` always)."""

    identificatie: str
    datumtijd: datetime
    kanaal: str
    onderwerp: str
    toelichting: str


class ZaakNotitieValues(TypedDict, total=False):
    """A zaaknotitie's fields (``onderwerp`` and ``tekst`` always on create); those sent to patch."""

    onderwerp: str
    tekst: str
    aangemaakt_door: str
    notitie_type: str
    status: str
