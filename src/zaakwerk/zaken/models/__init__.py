"""The Zaken register's tables: one module per resource of the Zaken API 1.7.0."""

from zaakwerk.zaken.models.aantal import ZaakAantal, ZaakBlokAantal
from zaakwerk.zaken.models.contact import KlantContact, ZaakContactMoment, ZaakVerzoek
from zaakwerk.zaken.models.rol import Rol
from zaakwerk.zaken.models.status import Resultaat, Status
from zaakwerk.zaken.models.zaak import Zaak, ZaakIdentificatieTeller, ZaaknummerReservering
from zaakwerk.zaken.models.zaakbesluit import ZaakBesluit
from zaakwerk.zaken.models.zaakeigenschap import ZaakEigenschap
from zaakwerk.zaken.models.zaakinformatieobject import ZaakInformatieObject
from zaakwerk.zaken.models.zaaknotitie import ZaakNotitie
from zaakwerk.zaken.models.zaakobject import ZaakObject

__all__ = [
    "KlantContact",
    "Resultaat",
    "Rol",
    "Status",
    "Zaak",
    "ZaakAantal",
    "ZaakBesluit",
    "ZaakBlokAantal",
    "ZaakContactMoment",
    "ZaakEigenschap",
    "ZaakIdentificatieTeller",
    "ZaakInformatieObject",
    "ZaakNotitie",
    "ZaakObject",
    "ZaakVerzoek",
    "ZaaknummerReservering",
]
