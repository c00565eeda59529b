"""JSON representation of informatieobjecten (Documenten API 1.7.0 ``EnkelvoudigInformatieObject``).

Used by the endpoints, the audit trail (``oud``/``nieuw``) and the in-process reference loader.
A batch costs one query for its bestandsdelen, whatever its size (:mod:`zaakwerk.documenten.queries`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from zaakwerk.core.references import build_url
from zaakwerk.core.shapes import given_uris
from zaakwerk.documenten import queries
from zaakwerk.documenten.models import (
    BestandsDeel,
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectVersie,
)

Data = dict[str, Any]


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def iso_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def render_bestandsdeel(deel: BestandsDeel, lock: str = "") -> Data:
    """A part; ``lock`` is shown only to the client that holds it (the create/update response)."""
    return {
        "url": deel.url,
        "volgnummer": deel.volgnummer,
        "omvang": deel.omvang,
        "voltooid": deel.voltooid,
        "lock": lock,
    }


def render_versies(
    versies: Sequence[EnkelvoudigInformatieObjectVersie],
    *,
    lock: str = "",
    delen: Mapping[int, list[BestandsDeel]] | None = None,
) -> list[Data]:
    """Versions with their document (``select_related("informatieobject")``) rendered in one batch.

    ``delen``: the documents' bestandsdelen when the caller knows them (it just made them, or a
    document it just created has none); else one query reads them."""
    if delen is None:
        delen = queries.bestandsdelen(v.informatieobject_id for v in versies)
    return [
        _render(
            v.__dict__,  # the column values by attribute name, as render_current's rows have them
            v.informatieobject.url,
            v.informatieobject.locked,
            v.informatieobject.latest_id == v.pk,
            delen.get(v.informatieobject_id, []),
            lock,
        )
        for v in versies
    ]


def render_current(versie_ids: Sequence[int]) -> list[Data]:
    """Current versions by id, in that order: one query for the rows as plain values and one for
    their bestandsdelen (:mod:`zaakwerk.documenten.queries`)."""
    rows = queries.current_versions(versie_ids)
    delen = queries.bestandsdelen(row["informatieobject_id"] for row in rows.values())
    return [
        _render(
            row,
            build_url("documenten", "enkelvoudiginformatieobjecten", row["informatieobject__uuid"]),
            bool(row["informatieobject__lock"]),
            True,
            delen[row["informatieobject_id"]],
            "",
        )
        for row in (rows[pk] for pk in versie_ids)
    ]


def _render(
    v: Mapping[str, Any], url: str, locked: bool, current: bool, delen: list[BestandsDeel], lock: str
) -> Data:
    return {
        "url": url,
        "identificatie": v["identificatie"],
        "bronorganisatie": v["bronorganisatie"],
        "creatiedatum": iso(v["creatiedatum"]),
        "titel": v["titel"],
        "vertrouwelijkheidaanduiding": v["vertrouwelijkheidaanduiding"],
        "isGereedVoorPublicatie": v["is_gereed_voor_publicatie"],
        "tonenAanInitiator": v["tonen_aan_initiator"],
        "auteur": v["auteur"],
        "status": v["status"],
        "inhoudIsVervallen": v["inhoud_is_vervallen"],
        "formaat": v["formaat"],
        "taal": v["taal"],
        "versie": v["versie"],
        "beginRegistratie": iso_datetime(v["begin_registratie"]),
        "bestandsnaam": v["bestandsnaam"],
        "inhoud": f"{url}/download?versie={v['versie']}" if v["inhoud_id"] is not None else None,
        "bestandsomvang": v["bestandsomvang"],
        "beschrijving": v["beschrijving"],
        "ontvangstdatum": iso(v["ontvangstdatum"]),
        "verzenddatum": iso(v["verzenddatum"]),
        "indicatieGebruiksrecht": v["indicatie_gebruiksrecht"],
        "verschijningsvorm": v["verschijningsvorm"],
        "ondertekening": v["ondertekening"],
        "integriteit": v["integriteit"],
        "informatieobjecttype": v["informatieobjecttype"],
        "locked": locked,
        # parts belong to the current version only: an older one was complete when replaced
        "bestandsdelen": [render_bestandsdeel(d, lock) for d in delen] if current else [],
        "trefwoorden": list(v["trefwoorden"] or []),
        **given_uris(link=v["link"]),
    }


def render_latest(
    eio: EnkelvoudigInformatieObject, *, lock: str = "", delen: list[BestandsDeel] | None = None
) -> Data:
    """The current version; ``delen``: its bestandsdelen when the caller knows them."""
    versie = eio.latest
    assert versie is not None
    versie.informatieobject = eio
    known = {eio.pk: delen} if delen is not None else None
    return render_versies([versie], lock=lock, delen=known)[0]


def kenmerken(versie: EnkelvoudigInformatieObjectVersie) -> dict[str, str]:
    """The notification kenmerken of the Documenten API (kanaal ``documenten``)."""
    return {
        "bronorganisatie": versie.bronorganisatie,
        "informatieobjecttype": versie.informatieobjecttype,
        "vertrouwelijkheidaanduiding": versie.vertrouwelijkheidaanduiding,
    }
