"""JSON representation of zaken (Zaken API 1.7.0 ``Zaak``).

Used by the endpoints, the audit trail (``oud``/``nieuw``) and the in-process reference loader.
A batch is rendered with one query per related collection, whatever its size (DESIGN.md: no
N+1): deelzaken, eigenschappen, rollen, zaakinformatieobjecten, zaakobjecten, status, resultaat
and hoofdzaak each cost one query for the whole page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models import (
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakObject,
)
from zaakwerk.zaken.models.choices import Betalingsindicatie

Data = dict[str, Any]


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def iso_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _urls_by_zaak(rows: Any, resource: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for zaak_id, key in rows:
        found[zaak_id].append(build_url("zaken", resource, key))
    return found


class _Related:
    """The related URLs of a batch of zaken, one query per collection."""

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
        ids = [z.pk for z in zaken]
        by_id = {z.pk: z for z in zaken}
        self.deelzaken = _urls_by_zaak(
            Zaak.objects.filter(hoofdzaak_id__in=ids).order_by("id").values_list("hoofdzaak_id", "uuid"),
            "zaken",
        )
        self.eigenschappen: dict[int, list[str]] = defaultdict(list)
        for zaak_id, key in (
            ZaakEigenschap.objects.filter(zaak_id__in=ids).order_by("id").values_list("zaak_id", "uuid")
        ):
            self.eigenschappen[zaak_id].append(
                build_url("zaken", "zaken", by_id[zaak_id].uuid, "zaakeigenschappen", str(key))
            )
        self.rollen = _urls_by_zaak(
            Rol.objects.filter(zaak_id__in=ids).order_by("id").values_list("zaak_id", "uuid"), "rollen"
        )
        self.zios = _urls_by_zaak(
            ZaakInformatieObject.objects.filter(zaak_id__in=ids)
            .order_by("id")
            .values_list("zaak_id", "uuid"),
            "zaakinformatieobjecten",
        )
        self.zaakobjecten = _urls_by_zaak(
            ZaakObject.objects.filter(zaak_id__in=ids).order_by("id").values_list("zaak_id", "uuid"),
            "zaakobjecten",
        )
        status_ids = {z.status_id for z in zaken if z.status_id is not None}
        self.status = {
            pk: build_url("zaken", "statussen", key)
            for pk, key in Status.objects.filter(pk__in=status_ids).values_list("pk", "uuid")
        }
        self.resultaat = {
            zaak_id: build_url("zaken", "resultaten", key)
            for zaak_id, key in Resultaat.objects.filter(zaak_id__in=ids).values_list("zaak_id", "uuid")
        }
        hoofdzaak_ids = {z.hoofdzaak_id for z in zaken if z.hoofdzaak_id is not None}
        self.hoofdzaak = {
            pk: build_url("zaken", "zaken", key)
            for pk, key in Zaak.objects.filter(pk__in=hoofdzaak_ids).values_list("pk", "uuid")
        }


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
        "communicatiekanaal": zaak.communicatiekanaal,
        "productenOfDiensten": list(zaak.producten_of_diensten or []),
        "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
        "betalingsindicatie": betalingsindicatie,
        "betalingsindicatieWeergave": (
            Betalingsindicatie(betalingsindicatie).label if betalingsindicatie else ""
        ),
        "laatsteBetaaldatum": iso_datetime(zaak.laatste_betaaldatum),
        "opschorting": {"indicatie": zaak.opschorting_indicatie, "reden": zaak.opschorting_reden},
        "selectielijstklasse": zaak.selectielijstklasse,
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
