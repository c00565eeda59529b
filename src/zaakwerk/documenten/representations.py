"""JSON representation of informatieobjecten (Documenten API 1.7.0 ``EnkelvoudigInformatieObject``).

Used by the endpoints, the audit trail (``oud``/``nieuw``) and the in-process reference loader.
A batch costs one query for its bestandsdelen, whatever its size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

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


def download_url(eio: EnkelvoudigInformatieObject, versie: EnkelvoudigInformatieObjectVersie) -> str:
    return f"{eio.url}/download?versie={versie.versie}"


def render_versies(versies: Sequence[EnkelvoudigInformatieObjectVersie], *, lock: str = "") -> list[Data]:
    """Versions with their document (``select_related("informatieobject")``) rendered in one batch."""
    ids = [v.informatieobject_id for v in versies]
    delen: dict[int, list[BestandsDeel]] = defaultdict(list)
    for deel in BestandsDeel.objects.filter(informatieobject_id__in=ids).order_by("volgnummer"):
        delen[deel.informatieobject_id].append(deel)
    return [_render(v, delen[v.informatieobject_id], lock) for v in versies]


def _render(versie: EnkelvoudigInformatieObjectVersie, delen: list[BestandsDeel], lock: str) -> Data:
    eio = versie.informatieobject
    return {
        "url": eio.url,
        "identificatie": versie.identificatie,
        "bronorganisatie": versie.bronorganisatie,
        "creatiedatum": iso(versie.creatiedatum),
        "titel": versie.titel,
        "vertrouwelijkheidaanduiding": versie.vertrouwelijkheidaanduiding,
        "isGereedVoorPublicatie": versie.is_gereed_voor_publicatie,
        "tonenAanInitiator": versie.tonen_aan_initiator,
        "auteur": versie.auteur,
        "status": versie.status,
        "inhoudIsVervallen": versie.inhoud_is_vervallen,
        "formaat": versie.formaat,
        "taal": versie.taal,
        "versie": versie.versie,
        "beginRegistratie": iso_datetime(versie.begin_registratie),
        "bestandsnaam": versie.bestandsnaam,
        "inhoud": download_url(eio, versie) if versie.inhoud_id is not None else None,
        "bestandsomvang": versie.bestandsomvang,
        "link": versie.link,
        "beschrijving": versie.beschrijving,
        "ontvangstdatum": iso(versie.ontvangstdatum),
        "verzenddatum": iso(versie.verzenddatum),
        "indicatieGebruiksrecht": versie.indicatie_gebruiksrecht,
        "verschijningsvorm": versie.verschijningsvorm,
        "ondertekening": versie.ondertekening,
        "integriteit": versie.integriteit,
        "informatieobjecttype": versie.informatieobjecttype,
        "locked": eio.locked,
        # parts belong to the current version only: an older one was complete when replaced
        "bestandsdelen": [render_bestandsdeel(d, lock) for d in delen] if eio.latest_id == versie.pk else [],
        "trefwoorden": list(versie.trefwoorden or []),
    }


def render_latest(eio: EnkelvoudigInformatieObject, *, lock: str = "") -> Data:
    versie = eio.latest
    assert versie is not None
    versie.informatieobject = eio
    return render_versies([versie], lock=lock)[0]


def kenmerken(versie: EnkelvoudigInformatieObjectVersie) -> dict[str, str]:
    """The notification kenmerken of the Documenten API (kanaal ``documenten``)."""
    return {
        "bronorganisatie": versie.bronorganisatie,
        "informatieobjecttype": versie.informatieobjecttype,
        "vertrouwelijkheidaanduiding": versie.vertrouwelijkheidaanduiding,
    }
