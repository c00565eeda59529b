"""The Catalogi register's tables."""

from zaakwerk.catalogi.models.besluittype import BesluitType, BesluitTypeInformatieObjectType
from zaakwerk.catalogi.models.catalogus import Catalogus
from zaakwerk.catalogi.models.informatieobjecttype import InformatieObjectType
from zaakwerk.catalogi.models.subtypes import (
    Eigenschap,
    ResultaatType,
    ResultaatTypeBesluitType,
    ResultaatTypeInformatieObjectType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakTypeInformatieObjectType,
)
from zaakwerk.catalogi.models.zaaktype import (
    ZaakType,
    ZaakTypeBesluitType,
    ZaakTypeDeelzaaktype,
    ZaakTypenRelatie,
)

__all__ = [
    "BesluitType",
    "BesluitTypeInformatieObjectType",
    "Catalogus",
    "Eigenschap",
    "InformatieObjectType",
    "ResultaatType",
    "ResultaatTypeBesluitType",
    "ResultaatTypeInformatieObjectType",
    "RolType",
    "StatusType",
    "ZaakObjectType",
    "ZaakType",
    "ZaakTypeBesluitType",
    "ZaakTypeDeelzaaktype",
    "ZaakTypeInformatieObjectType",
    "ZaakTypenRelatie",
]
