"""What one register asks another register of this deployment, answered from the other's tables.

Catalogi asks whether a type version is still in use before it deletes it
(:mod:`zaakwerk.catalogi.usage`); the Documenten register asks whether the zaak or besluit of an
objectinformatieobject still relates it to the document (drc-004,
:mod:`zaakwerk.documenten.services.objectinformatieobjecten`). The composition root
(:mod:`zaakwerk.wiring.root`) registers these functions.
"""

from __future__ import annotations

from zaakwerk.besluiten.models import Besluit, BesluitInformatieObject
from zaakwerk.core import references
from zaakwerk.documenten.models import EnkelvoudigInformatieObjectVersie
from zaakwerk.zaken.models import Zaak, ZaakInformatieObject


def zaaktype_in_use(url: str) -> bool:
    """A zaak of this deployment has the zaaktype version ``url``."""
    return Zaak.objects.filter(zaaktype=url).exists()


def informatieobjecttype_in_use(url: str) -> bool:
    """A version of a document of this deployment has the informatieobjecttype version ``url``."""
    return EnkelvoudigInformatieObjectVersie.objects.filter(informatieobjecttype=url).exists()


def besluittype_in_use(url: str) -> bool:
    """A besluit of this deployment has the besluittype version ``url``."""
    return Besluit.objects.filter(besluittype=url).exists()


def zaak_relates(informatieobject: str, object_url: str) -> bool:
    """drc-004 for a zaak of this deployment: its zaakinformatieobject exists."""
    key = references.uuid_from_url(object_url, "zaken", "zaken")
    return (
        key is not None
        and ZaakInformatieObject.objects.filter(zaak__uuid=key, informatieobject=informatieobject).exists()
    )


def besluit_relates(informatieobject: str, object_url: str) -> bool:
    """drc-004 for a besluit of this deployment: its besluitinformatieobject exists."""
    key = references.uuid_from_url(object_url, "besluiten", "besluiten")
    return (
        key is not None
        and BesluitInformatieObject.objects.filter(
            besluit__uuid=key, informatieobject=informatieobject
        ).exists()
    )
