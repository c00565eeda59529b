"""What a register reads of another register's resources, as types (docs/adr/0050).

A register refers to another register's object by URL and reads a few fields of what that URL
answers: the JSON of the standard's representation, with the standard's camelCase names. Each
``TypedDict`` below names those fields and their JSON types; it is the answer itself, not a copy
or a conversion, so a summary served by this deployment and a body fetched from another one are
read alike. Keys a caller relies on are required: :func:`zaakwerk.core.references.resolve` and
:func:`zaakwerk.core.remote_registers.checked` refuse an answer without them
(``invalid-resource``), and derive the list of those keys from these types, so the check and the
reads cannot drift apart. ``NotRequired`` keys are read with ``.get`` and a default.

The relation shapes (``…Relations``) are answers read without a check: every key is optional.

This module does not use ``from __future__ import annotations``: on Python 3.11 a ``TypedDict``
only sees ``NotRequired`` in an evaluated annotation, and the required keys are read at run time.
"""

from typing import NotRequired, TypedDict


class ZaaktypeSummary(TypedDict):
    """A zaaktype as the Zaken register checks a zaak against it (zrc-001, zrc-009, zrc-015)."""

    url: str
    identificatie: str
    vertrouwelijkheidaanduiding: str
    concept: NotRequired[bool]
    productenOfDiensten: NotRequired[list[str]]


class ZaaktypeRelations(TypedDict, total=False):
    """The types a zaaktype allows: informatieobjecttypen (zrc-017), besluittypen (brc-007)."""

    informatieobjecttypen: list[str]
    besluittypen: list[str]


class InformatieobjecttypeSummary(TypedDict):
    """An informatieobjecttype as the Documenten register checks a document against it (drc-001)."""

    url: str
    omschrijving: str
    vertrouwelijkheidaanduiding: str
    concept: NotRequired[bool]


class BesluittypeSummary(TypedDict):
    """A besluittype as the Besluiten register checks a besluit against it (brc-001)."""

    url: str
    catalogus: str
    publicatieIndicatie: bool
    informatieobjecttypen: list[str]
    concept: NotRequired[bool]


class BesluittypeRelations(TypedDict, total=False):
    """The informatieobjecttypen a besluittype allows (brc-008)."""

    informatieobjecttypen: list[str]


class ZaaktypeReference(TypedDict):
    """A zaaktype named by a catalogue type's relation (another catalogus's, or one elsewhere)."""

    url: str
    identificatie: str
    catalogus: str


class InformatieobjecttypeReference(TypedDict):
    """An informatieobjecttype named by a catalogue type's relation."""

    url: str
    omschrijving: str
    catalogus: str


class BesluittypeReference(TypedDict):
    """A besluittype named by a catalogue type's relation."""

    url: str
    catalogus: str
    publicatieIndicatie: bool


class CatalogusReference(TypedDict):
    """A catalogus named by a catalogue type."""

    url: str
    domein: str
    rsin: str


class ZaakSummary(TypedDict):
    """A zaak as the Besluiten register and the relevanteAndereZaken check read it (RULES.md 1.5)."""

    url: str
    identificatie: str
    bronorganisatie: str
    zaaktype: str


class ZaakReference(TypedDict):
    """A zaak an objectinformatieobject names (drc-002)."""

    url: str
    zaaktype: str


class InformatieobjectSummary(TypedDict):
    """An informatieobject as the Zaken and Besluiten registers relate it (zrc-003, brc-003)."""

    url: str
    informatieobjecttype: str


class InformatieobjectStatus(TypedDict, total=False):
    """What the Zaken register reads of a related document: its status (zrc-022) and whether it has
    gebruiksrechten (zrc-008)."""

    status: str
    indicatieGebruiksrecht: bool | None


class BesluitSummary(TypedDict):
    """A besluit as the Zaken register relates it (zrc-004)."""

    url: str
    besluittype: str


class BesluitReference(TypedDict):
    """A besluit an objectinformatieobject names (drc-002)."""

    url: str
    besluittype: str


class VerzoekReference(TypedDict):
    """A verzoek an objectinformatieobject names (drc-002)."""

    url: str


class CatalogusTypeOfZaaktype(TypedDict):
    """A sub-type of a zaaktype (statustype, roltype, resultaattype, eigenschap, zaakobjecttype) as
    the Zaken register checks that it belongs to the zaak's zaaktype."""

    url: str
    zaaktype: str


class Roltype(CatalogusTypeOfZaaktype):
    """A roltype, whose omschrijvingen a rol copies (zrc-006)."""

    omschrijving: str
    omschrijvingGeneriek: str


class Eigenschap(CatalogusTypeOfZaaktype):
    """An eigenschap, whose naam and specificatie a zaakeigenschap follows (zrc-018)."""

    naam: str
    specificatie: dict[str, object]


class Statustype(CatalogusTypeOfZaaktype):
    """A statustype, whose volgnummer orders the statussen and whose isEindstatus closes the zaak."""

    volgnummer: int
    isEindstatus: NotRequired[bool]


class Resultaattype(CatalogusTypeOfZaaktype):
    """A resultaattype, whose archiving rules close a zaak (zrc-021)."""

    omschrijving: str


class Zaakobjecttype(CatalogusTypeOfZaaktype):
    """A zaakobjecttype a zaakobject is of."""

    objecttype: str


class Communicatiekanaal(TypedDict):
    """A communicatiekanaal of the Referentielijsten API (zrc-010)."""

    url: str
    naam: str
    omschrijving: str


class Procestype(TypedDict):
    """A procestype of the Selectielijst (ztc-001)."""

    url: str
    nummer: int
    jaar: int
    naam: str


class SelectielijstResultaat(TypedDict):
    """A resultaat of the Selectielijst, a resultaattype's selectielijstklasse (ztc-005)."""

    url: str
    procesType: str
    waardering: str
    procestermijn: NotRequired[str]
    bewaartermijn: NotRequired[str | None]


class Resultaattypeomschrijving(TypedDict):
    """A resultaattypeomschrijving of the Referentielijsten API (ztc-006)."""

    url: str
    omschrijving: str
