"""The Documenten register's tables (Documenten API 1.7.0)."""

from zaakwerk.documenten.models.aantal import DocumentAantal, DocumentBlokAantal
from zaakwerk.documenten.models.informatieobject import (
    BestandsDeel,
    DocumentIdentificatieTeller,
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectVersie,
    Inhoud,
)
from zaakwerk.documenten.models.relations import Gebruiksrecht, ObjectInformatieObject, Verzending

__all__ = [
    "BestandsDeel",
    "DocumentAantal",
    "DocumentBlokAantal",
    "DocumentIdentificatieTeller",
    "EnkelvoudigInformatieObject",
    "EnkelvoudigInformatieObjectVersie",
    "Gebruiksrecht",
    "Inhoud",
    "ObjectInformatieObject",
    "Verzending",
]
