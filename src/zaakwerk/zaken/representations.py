"""JSON representation of zaken (Zaken API 1.7.0 ``Zaak``).

Used by the endpoints, the audit trail (``oud``/``nieuw``) and the in-process reference loader.
A batch is rendered with one query for all its related rows, whatever its size (DESIGN.md: no
N+1): deelzaken, eigenschappen, rollen, zaakinformatieobjecten, zaakobjecten, status, resultaat
and hoofdzaak come from one ``UNION ALL`` for the whole page (:mod:`zaakwerk.zaken.queries`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from zaakwerk.core.references import build_url
from zaakwerk.core.shapes import given_uris
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.models.choices import Betalingsindicatie
from zaakwerk.zaken.queries import Related, related_rows

Data = dict[str, Any]


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def iso_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# Per kind of related row (a plain number, as queries.related_rows gives it): the resource its URL
# names, and the attribute of _Related it goes to.
_EIGENSCHAP = int(Related.EIGENSCHAP)
_RESOURCE = {
    int(kind): resource
    for kind, resource in (
        (Related.DEELZAAK, "zaken"),
        (Related.ROL, "rollen"),
        (Related.ZAAKINFORMATIEOBJECT, "zaakinformatieobjecten"),
        (Related.ZAAKOBJECT, "zaakobjecten"),
        (Related.RESULTAAT, "resultaten"),
        (Related.STATUS, "statussen"),
        (Related.HOOFDZAAK, "zaken"),
    )
}
_MANY = {
    int(Related.DEELZAAK): "deelzaken",
    int(Related.ROL): "rollen",
    int(Related.ZAAKINFORMATIEOBJECT): "zios",
    int(Related.ZAAKOBJECT): "zaakobjecten",
}
_SINGLE = {
    int(Related.RESULTAAT): "resultaat",
    int(Related.STATUS): "status",
    int(Related.HOOFDZAAK): "hoofdzaak",
}


class _Related:
    """The related URLs of a batch of zaken, from one query (:func:`queries.related_rows`)."""

    deelzaken: dict[int, list[str]]
    rollen: dict[int, list[str]]
    zios: dict[int, list[str]]
    zaakobjecten: dict[int, list[str]]
    status: dict[int, str]
    resultaat: dict[int, str]
    hoofdzaak: dict[int, str]

    @classmethod
    def of_new(cls, zaak: Zaak) -> _Related:
        """A zaak just inserted in this transaction has no related rows yet: no queries."""
        related = cls.__new__(cls)
        related.deelzaken, related.rollen, related.zios, related.zaakobjecten = {}, {}, {}, {}
        related.eigenschappen, related.status, related.resultaat = defaultdict(list), {}, {}
        # the hoofdzaak instance was resolved while validating; its URL needs no query
        parent = zaak.hoofdzaak if zaak.hoofdzaak_id is not None else None
        related.hoofdzaak = {parent.pk: parent.url} if parent is not None else {}
        return related

    def __init__(self, zaken: Sequence[Zaak]) -> None:
        self.deelzaken = defaultdict(list)
        self.rollen = defaultdict(list)
        self.zios = defaultdict(list)
        self.zaakobjecten = defaultdict(list)
        self.eigenschappen: dict[int, list[str]] = defaultdict(list)
        self.status, self.resultaat, self.hoofdzaak = {}, {}, {}
        by_id = {z.pk: z for z in zaken}
        status_ids = sorted({z.status_id for z in zaken if z.status_id is not None})
        hoofdzaak_ids = sorted({z.hoofdzaak_id for z in zaken if z.hoofdzaak_id is not None})
        for kind, owner, key in related_rows(sorted(by_id), status_ids, hoofdzaak_ids):
            if kind == _EIGENSCHAP:
                url = build_url("zaken", "zaken", by_id[owner].uuid, "zaakeigenschappen", key)
                self.eigenschappen[owner].append(url)
            elif kind in _SINGLE:
                getattr(self, _SINGLE[kind])[owner] = build_url("zaken", _RESOURCE[kind], key)
            else:
                getattr(self, _MANY[kind])[owner].append(build_url("zaken", _RESOURCE[kind], key))


def _verlenging(zaak: Zaak) -> Data | None:
    if not zaak.verlenging_duur:
        return None
    return {"reden": zaak.verlenging_reden, "duur": zaak.verlenging_duur}


def _render(zaak: Zaak, related: _Related) -> Data:
    pk = zaak.pk
    betalingsindicatie = zaak.betalingsindicatie
    data: Data = {
        "url": zaak.url,
        "uuid": str(zaak.uuid),
        "identificatie": zaak.identificatie,
        "bronorganisatie": zaak.bronorganisatie,
        "omschrijving": zaak.omschrijving,
        "toelichting": zaak.toelichting,
        "zaaktype": zaak.zaaktype,
        "registratiedatum": iso(zaak.registratiedatum),
        "verantwoordelijkeOrganisatie": zaak.verantwoordelijke_organisatie,
        "startdatum": iso(zaak.startdatum),
        "einddatum": iso(zaak.einddatum),
        "einddatumGepland": iso(zaak.einddatum_gepland),
        "uiterlijkeEinddatumAfdoening": iso(zaak.uiterlijke_einddatum_afdoening),
        "publicatiedatum": iso(zaak.publicatiedatum),
        "productenOfDiensten": list(zaak.producten_of_diensten or []),
        "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
        "betalingsindicatie": betalingsindicatie,
        "betalingsindicatieWeergave": (
            Betalingsindicatie(betalingsindicatie).label if betalingsindicatie else ""
        ),
        "laatsteBetaaldatum": iso_datetime(zaak.laatste_betaaldatum),
        "opschorting": {"indicatie": zaak.opschorting_indicatie, "reden": zaak.opschorting_reden},
        "hoofdzaak": related.hoofdzaak.get(zaak.hoofdzaak_id) if zaak.hoofdzaak_id else None,
        "deelzaken": related.deelzaken.get(pk, []),
        "relevanteAndereZaken": list(zaak.relevante_andere_zaken or []),
        "eigenschappen": related.eigenschappen.get(pk, []),
        "rollen": related.rollen.get(pk, []),
        "status": related.status.get(zaak.status_id) if zaak.status_id else None,
        "zaakinformatieobjecten": related.zios.get(pk, []),
        "zaakobjecten": related.zaakobjecten.get(pk, []),
        "kenmerken": list(zaak.kenmerken or []),
        "archiefnominatie": zaak.archiefnominatie or None,
        "archiefstatus": zaak.archiefstatus,
        "archiefactiedatum": iso(zaak.archiefactiedatum),
        "resultaat": related.resultaat.get(pk),
        "opdrachtgevendeOrganisatie": zaak.opdrachtgevende_organisatie,
        "processobjectaard": zaak.processobjectaard,
        "startdatumBewaartermijn": iso(zaak.startdatum_bewaartermijn),
    }
    # Gegevensgroepen declared `allOf` + `nullable` are left out when empty: the spec's own
    # validators do not accept null there (as the Catalogi API does for broncatalogus).
    optional = {
        "zaakgeometrie": zaak.zaakgeometrie,
        "verlenging": _verlenging(zaak),
        "processobject": zaak.processobject,
    }
    data.update({key: value for key, value in optional.items() if value is not None})
    data.update(
        given_uris(communicatiekanaal=zaak.communicatiekanaal, selectielijstklasse=zaak.selectielijstklasse)
    )
    return data


def render_zaken(zaken: Sequence[Zaak]) -> list[Data]:
    """The representations of ``zaken``, in the same order."""
    if not zaken:
        return []
    related = _Related(zaken)
    return [_render(zaak, related) for zaak in zaken]


def render_new_zaak(zaak: Zaak) -> Data:
    """The representation of a zaak created in the current transaction (nothing relates to it yet)."""
    return _render(zaak, _Related.of_new(zaak))


def kenmerken(zaak: Zaak) -> dict[str, str]:
    """The notification kenmerken of the ``zaken`` kanaal."""
    return {
        "bronorganisatie": zaak.bronorganisatie,
        "zaaktype": zaak.zaaktype,
        "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
    }
