"""``zaakwerk werkplek subscribe`` and ``zaakwerk werkplek sync``."""

from __future__ import annotations

from zaakwerk.client import ClientError
from zaakwerk.werkplek.read_model import subscribe as subscribing
from zaakwerk.werkplek.read_model import sync as syncing
from zaakwerk.werkplek.zgw import service_client


def subscribe() -> int:
    try:
        done = subscribing.subscribe()
    except ClientError as exc:
        print(f"error: the abonnement could not be made: {exc}")
        return 1
    what = "created" if done.created else "present (auth and kanalen sent again)"
    print(f"werkplek abonnement {done.url} {what}; callback {subscribing.callback_url()}")
    return 0


def _progress(report: syncing.SyncReport) -> None:
    if report.pages % 50 == 0:
        print(f"  {report.zaken} zaken read ({report.pages} pages)", flush=True)


def sync(*, restart: bool = False) -> int:
    try:
        report = syncing.sync(service_client(), restart=restart, progress=_progress)
    except ClientError as exc:
        print(f"error: the sync stopped (run it again to continue where it stopped): {exc}")
        return 1
    resumed = " (continued an interrupted run)" if report.resumed else ""
    print(
        f"werkplek read model synced{resumed}: {report.zaken} zaken in {report.pages} page(s), "
        f"{report.checked} row(s) not listed checked again, {report.removed} removed, "
        f"{report.seconds:.1f} s"
    )
    if report.unreadable_types:
        print(
            f"warning: {len(report.unreadable_types)} type(s) could not be read (host not allowed or "
            "access refused); their zaken are listed without the type's name:"
        )
        for url in report.unreadable_types[:10]:
            print(f"  {url}")
    return 0
