"""JSON representation of zaken (Zaken API 1.7.0 ``Zaak``).

Used by the endpoints, the audit trail (``oud``/``nieuw``) and the in-process reference loader.
A batch is rendered with one query for all its related rows, whatever its size (DESIGN.md: no
N+1): deelzaken, eigenschappen, rollen, zaakinformatieobjecten, zaakobjecten, status, resultaat
and hoofdzaak come from one ``UNION ALL`` for the whole page.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from django.db import connection, models

from zaakwerk.core import prepared
from zaakwerk.core.references import build_url
from zaakwerk.core.shapes import given_uris
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


class _Related:
    """The related URLs of a batch of zaken, from one query."""

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
        for kind, owner, key in _related_rows(sorted(by_id), status_ids, hoofdzaak_ids):
            if kind == _EIGENSCHAP:
                url = build_url("zaken", "zaken", by_id[owner].uuid, "zaakeigenschappen", str(key))
                self.eigenschappen[owner].append(url)
            elif kind in _SINGLE:
                getattr(self, _SINGLE[kind])[owner] = build_url("zaken", _RESOURCE[kind], key)
            else:
                getattr(self, _MANY[kind])[owner].append(build_url("zaken", _RESOURCE[kind], key))


# The related rows of a page, by kind: (table's model, the column naming the owner, resource).
_DEELZAAK, _EIGENSCHAP, _ROL, _ZIO, _ZAAKOBJECT, _RESULTAAT, _STATUS, _HOOFDZAAK = range(8)
_RESOURCE = {
    _DEELZAAK: "zaken",
    _ROL: "rollen",
    _ZIO: "zaakinformatieobjecten",
    _ZAAKOBJECT: "zaakobjecten",
    _RESULTAAT: "resultaten",
    _STATUS: "statussen",
    _HOOFDZAAK: "zaken",
}
_MANY = {_DEELZAAK: "deelzaken", _ROL: "rollen", _ZIO: "zios", _ZAAKOBJECT: "zaakobjecten"}
_SINGLE = {_RESULTAAT: "resultaat", _STATUS: "status", _HOOFDZAAK: "hoofdzaak"}


# (kind, table's model, the column naming the owner, the ids table it is looked up in)
_PARTS: tuple[tuple[int, type[models.Model], str, str], ...] = (
    (_DEELZAAK, Zaak, "hoofdzaak_id", "pagina"),
    (_EIGENSCHAP, ZaakEigenschap, "zaak_id", "pagina"),
    (_ROL, Rol, "zaak_id", "pagina"),
    (_ZIO, ZaakInformatieObject, "zaak_id", "pagina"),
    (_ZAAKOBJECT, ZaakObject, "zaak_id", "pagina"),
    (_RESULTAAT, Resultaat, "zaak_id", "pagina"),
    (_STATUS, Status, "id", "statussen"),
    (_HOOFDZAAK, Zaak, "id", "hoofdzaken"),
)


def _part(kind: int, model: type[models.Model], owner: str, ids: str) -> str:
    """One kind of related row: those whose ``owner`` column matches ``ids`` (an SQL condition)."""
    q = connection.ops.quote_name
    # as text: the URLs need the string, and a UUID object per row costs more than the query
    return (
        f"SELECT {kind} AS kind, {q(owner)} AS owner, {q('id')} AS id, CAST({q('uuid')} AS TEXT) AS uuid "
        f"FROM {q(model._meta.db_table)} WHERE {q(owner)} {ids}"
    )


def _prepared_statement() -> str:
    """The related rows of any batch, in one statement whose text never changes: the three id
    lists are array parameters, so PostgreSQL plans it once per connection (core.prepared)."""
    parts = (_part(kind, model, owner, f"= ANY(%({of})s::bigint[])") for kind, model, owner, of in _PARTS)
    return " UNION ALL ".join(parts) + " ORDER BY 1, 3"


def _related_rows(
    ids: list[int], status_ids: list[int], hoofdzaak_ids: list[int]
) -> list[tuple[int, int, str]]:
    """(kind, owner id, uuid) of every related row of the zaken ``ids``, in one query.

    One ``UNION ALL`` rather than a query per collection: a page costs one round trip for all
    its related rows. Within a kind the rows come in id order (creation order), as the lists of
    the representation need them.

    On PostgreSQL the statement is prepared (planning it cost more than running it) and each
    part probes its index with ``= ANY(array)``, in key order. Elsewhere the ids come in as small
    ``MATERIALIZED`` ``VALUES`` tables that every part joins against (long ``IN`` lists made the
    union look expensive enough to plan parallel workers).
    """
    given = {"pagina": ids, "statussen": status_ids, "hoofdzaken": hoofdzaak_ids}
    if not any(given.values()):
        return []
    if prepared.enabled():
        # as array literals: one parameter type whatever the values (a list of small numbers
        # would be sent as int2[], of large ones as int8[]: another prepared statement)
        arrays = {name: "{" + ",".join(map(str, values)) + "}" for name, values in given.items()}
        with prepared.cursor() as cursor:
            cursor.execute(_prepared_statement(), arrays)
            rows = cursor.fetchall()
        return [(kind, owner, key) for kind, owner, _, key in rows]
    q = connection.ops.quote_name
    tables: list[str] = []
    params: list[int] = []
    for name, values in given.items():
        if values:
            rows_sql = ", ".join(["(CAST(%s AS BIGINT))"] * len(values))
            tables.append(f"{q(name)} ({q('id')}) AS MATERIALIZED (VALUES {rows_sql})")
            params.extend(values)
    parts = [
        _part(kind, model, owner, f"IN (SELECT {q('id')} FROM {q(of)})")
        for kind, model, owner, of in _PARTS
        if given[of]
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(tables)} " + " UNION ALL ".join(parts) + " ORDER BY 1, 3", params)
        rows = cursor.fetchall()
    return [(kind, owner, str(_uuid(key))) for kind, owner, _, key in rows]


def _uuid(value: Any) -> uuid_lib.UUID:
    """A uuid column's value: a UUID on PostgreSQL, its 32 hex digits on SQLite."""
    return value if isinstance(value, uuid_lib.UUID) else uuid_lib.UUID(str(value))


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
