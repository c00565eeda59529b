"""``zaakwerk archief run``: destroy the approved lists, from where the last run stopped;
``zaakwerk archief overdragen``: mark the zaken of the packages the e-Depot received as
overgedragen."""

from __future__ import annotations

import sys

from zaakwerk.archief.services import destruction, lock, overdracht
from zaakwerk.archief.services.verklaring import MissingZaaktype
from zaakwerk.archief.zgw import client_for
from zaakwerk.client import ClientError


def run(*, list_uuid: str | None = None, seconds: float | None = None) -> int:
    """0 when everything approved is destroyed, 3 when time ran out first, 1 on a problem."""
    try:
        report = destruction.run(client_for(), list_uuid=list_uuid, seconds=seconds)
    except lock.Busy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (MissingZaaktype, destruction.DestructionError, ClientError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"{report.lists} list(s): {report.destroyed} zaak/zaken destroyed, {report.skipped} skipped"
        + ("" if report.finished else f", {report.remaining} to go (run again)")
    )
    return 0 if report.finished else 3


def overdragen(*, package_uuid: str | None = None, seconds: float | None = None) -> int:
    """0 when every zaak of the confirmed packages is done, 3 when some wait (time ran out, or a
    document was locked: run again), 1 on a problem."""
    try:
        report = overdracht.run(client_for(), package_uuid=package_uuid, seconds=seconds)
    except (lock.Busy, ClientError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"{report.packages} package(s): {report.marked} zaak/zaken overgedragen, {report.rejected} not "
        "(changed since the package)"
        + ("" if report.finished else f", {report.remaining + report.postponed} to go (run again)")
    )
    return 0 if report.finished else 3
