"""What each resource may expand: the properties of its ``…Embedded`` schema in the official specs.

Per kind of resource (its collection; ``zaken/besluiten`` and ``zaken/zaakeigenschappen`` for the
ones nested under a zaak) the schema and its properties, written out so that no request has to read
the specs; a test keeps this table equal to the vendored specs (docs/adr/0039).
"""

from __future__ import annotations

EMBEDDED: dict[str, tuple[str, frozenset[str]]] = {
    "zaken": (
        "ZaakEmbedded",
        frozenset(
            {
                "zaaktype",
                "communicatiekanaal",
                "productenOfDiensten",
                "selectielijstklasse",
                "hoofdzaak",
                "deelzaken",
                "relevanteAndereZaken",
                "eigenschappen",
                "rollen",
                "status",
                "zaakinformatieobjecten",
                "zaakobjecten",
                "resultaat",
            }
        ),
    ),
    "statussen": ("StatusEmbedded", frozenset({"zaak", "statustype", "gezetdoor", "zaakinformatieobjecten"})),
    "rollen": ("RolEmbedded", frozenset({"zaak", "betrokkene", "roltype", "statussen"})),
    "resultaten": ("ResultaatEmbedded", frozenset({"zaak", "resultaattype"})),
    "zaken/zaakeigenschappen": ("ZaakEigenschapEmbedded", frozenset({"zaak", "eigenschap"})),
    "zaakinformatieobjecten": (
        "ZaakInformatieObjectEmbedded",
        frozenset({"informatieobject", "zaak", "status"}),
    ),
    "zaakobjecten": ("ZaakObjectEmbedded", frozenset({"zaak", "object", "zaakobjecttype"})),
    "zaken/besluiten": ("ZaakBesluitEmbedded", frozenset({"besluit"})),
    "besluiten": ("BesluitEmbedded", frozenset({"besluittype", "zaak"})),
    "besluitinformatieobjecten": (
        "BesluitInformatieObjectEmbedded",
        frozenset({"informatieobject", "besluit"}),
    ),
    "enkelvoudiginformatieobjecten": (
        "EnkelvoudigInformatieObjectEmbedded",
        frozenset({"informatieobjecttype"}),
    ),
    "gebruiksrechten": ("GebruiksrechtenEmbedded", frozenset({"informatieobject"})),
    "objectinformatieobjecten": ("ObjectInformatieObjectEmbedded", frozenset({"informatieobject"})),
    "verzendingen": ("VerzendingEmbedded", frozenset({"informatieobject"})),
    "catalogussen": ("CatalogusEmbedded", frozenset({"zaaktypen", "besluittypen", "informatieobjecttypen"})),
    "zaaktypen": (
        "ZaakTypeEmbedded",
        frozenset(
            {
                "zaakobjecttypen",
                "catalogus",
                "statustypen",
                "resultaattypen",
                "eigenschappen",
                "informatieobjecttypen",
                "roltypen",
                "besluittypen",
                "deelzaaktypen",
                "gerelateerdeZaaktypen",
            }
        ),
    ),
    "statustypen": ("StatusTypeEmbedded", frozenset({"catalogus", "zaaktype", "eigenschappen"})),
    "roltypen": ("RolTypeEmbedded", frozenset({"catalogus", "zaaktype"})),
    "resultaattypen": (
        "ResultaatTypeEmbedded",
        frozenset({"catalogus", "zaaktype", "besluittypen", "informatieobjecttypen"}),
    ),
    "eigenschappen": ("EigenschapEmbedded", frozenset({"catalogus", "zaaktype", "statustype"})),
    "informatieobjecttypen": (
        "InformatieObjectTypeEmbedded",
        frozenset({"catalogus", "zaaktypen", "besluittypen"}),
    ),
    "besluittypen": (
        "BesluitTypeEmbedded",
        frozenset({"catalogus", "zaaktypen", "informatieobjecttypen", "resultaattypen"}),
    ),
    "zaakobjecttypen": (
        "ZaakObjectTypeEmbedded",
        frozenset({"zaaktype", "resultaattypen", "statustypen", "catalogus"}),
    ),
    "zaaktype-informatieobjecttypen": (
        "ZaakTypeInformatieObjectTypeEmbedded",
        frozenset({"zaaktype", "catalogus", "informatieobjecttype", "statustype"}),
    ),
}
