"""The actions on a zaak, each written through the ZGW APIs with its reason (``toelichting``) in
the zaak's audit trail.

Every action reads the zaak afresh before it writes, so a zaak another staff member closed or
changed meanwhile is refused with a message (:class:`ActieError`), and nothing is written. An
action of more than one write undoes its first write when a later one is refused, so it never
leaves half a change (docs/adr/0065).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from zaakwerk.client import HTTPStatusError, ZGWClient, models
from zaakwerk.werkplek.models import Opschorting


class ActieError(Exception):
    """The action cannot be done: ``message`` says why, for the page."""

    def __init__(self, message: Promise | str) -> None:
        self.message = str(message)
        super().__init__(self.message)


@dataclass(frozen=True)
class ZaakState:
    """A zaak as read just now, with its zaaktype, the zaaktype's statustypen (by volgnummer) and
    the current statustype."""

    zaak: models.Zaak
    zaaktype: models.ZaakType
    statustypen: list[models.StatusType]
    status: models.StatusType | None

    @property
    def closed(self) -> bool:
        return self.zaak.einddatum is not None

    @property
    def suspended(self) -> bool:
        return bool(self.zaak.opschorting and self.zaak.opschorting.get("indicatie"))

    @property
    def extended(self) -> bool:
        return bool(self.zaak.verlenging and self.zaak.verlenging.get("duur"))

    @property
    def eindstatustype(self) -> models.StatusType | None:
        return self.statustypen[-1] if self.statustypen else None

    def next_statustypen(self) -> list[models.StatusType]:
        """The statustypen that may follow the current status: later ones, except the
        eindstatus (a zaak is closed by :func:`afsluiten`, with its resultaat)."""
        current = self.status.volgnummer if self.status else 0
        final = self.eindstatustype
        return [
            statustype
            for statustype in self.statustypen
            if statustype.volgnummer > current and (final is None or statustype.url != final.url)
        ]


def zaak_url(client: ZGWClient, uuid: str) -> str:
    return f"{client.zaken.zaken.url}/{uuid}"


def load(client: ZGWClient, url: str) -> ZaakState:
    """The zaak at ``url`` as it is now (HTTPStatusError 404 when it does not exist)."""
    zaak = client.zaken.zaken.get(url)
    zaaktype = client.catalogi.zaaktypen.get(zaak.zaaktype)
    statustypen = sorted(client.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda s: s.volgnummer)
    status: models.StatusType | None = None
    if zaak.status:
        current = client.zaken.statussen.get(zaak.status).statustype
        status = next((statustype for statustype in statustypen if statustype.url == current), None)
    return ZaakState(zaak, zaaktype, statustypen, status)


def _open(client: ZGWClient, url: str) -> ZaakState:
    state = load(client, url)
    if state.closed:
        raise ActieError(_("De zaak is inmiddels afgesloten; er is niets veranderd."))
    return state


def api_message(exc: HTTPStatusError) -> str:
    """What the API said, for the page: its reasons per field, else its detail."""
    reasons = [str(item.get("reason", "")) for item in exc.invalid_params if item.get("reason")]
    return " ".join(reasons) or exc.what


def _now() -> str:
    return timezone.now().isoformat()


def _shift(value: date | None, days: int) -> str | None:
    return (value + timedelta(days=days)).isoformat() if value is not None else None


# --- status ------------------------------------------------------------------------------------


def set_status(
    client: ZGWClient,
    url: str,
    statustype_url: str,
    *,
    toelichting: str,
    on_status: Callable[[ZaakState, models.StatusType, models.Status], Any] | None = None,
) -> models.Status:
    """Give the zaak its next status; ``on_status`` runs after (the tasks of that status)."""
    state = _open(client, url)
    statustype = next((item for item in state.next_statustypen() if item.url == statustype_url), None)
    if statustype is None:
        raise ActieError(_("Deze status kan niet volgen op de huidige status van de zaak."))
    status = client.zaken.statussen.create(
        {
            "zaak": state.zaak.url,
            "statustype": statustype.url,
            "datumStatusGezet": _now(),
            "statustoelichting": toelichting[:1000],
        },
        toelichting=toelichting or str(statustype.omschrijving),
    )
    if on_status is not None:
        on_status(state, statustype, status)
    return status


# --- opschorten and hervatten ------------------------------------------------------------------


def opschorten(client: ZGWClient, url: str, *, reden: str, today: date | None = None) -> None:
    """Suspend the zaak (once, if its zaaktype allows it); the werkplek keeps the start date."""
    state = _open(client, url)
    if not state.zaaktype.opschorting_en_aanhouding_mogelijk:
        raise ActieError(_("Zaken van dit zaaktype kunnen niet worden opgeschort."))
    if state.suspended:
        raise ActieError(_("De zaak is al opgeschort."))
    if Opschorting.objects.filter(zaak_url=state.zaak.url).exists():
        raise ActieError(_("De zaak is al eens opgeschort; dat kan maar één keer."))
    if not reden.strip():
        raise ActieError(_("Geef de reden van de opschorting."))
    with transaction.atomic():
        Opschorting.objects.create(
            zaak_url=state.zaak.url, reden=reden[:200], started_on=today or date.today()
        )
        client.zaken.zaken.partial_update(
            state.zaak.url, {"opschorting": {"indicatie": True, "reden": reden[:200]}}, toelichting=reden
        )


def hervatten(client: ZGWClient, url: str, *, toelichting: str, today: date | None = None) -> int:
    """Resume the suspended zaak; its end dates move by the days it was suspended (returned)."""
    state = _open(client, url)
    if not state.suspended:
        raise ActieError(_("De zaak is niet opgeschort."))
    today = today or date.today()
    record = Opschorting.objects.filter(zaak_url=state.zaak.url, ended_on__isnull=True).first()
    days = max((today - record.started_on).days, 0) if record else 0
    reden = str((state.zaak.opschorting or {}).get("reden", ""))
    with transaction.atomic():
        if record is not None:
            record.ended_on = today
            record.save(update_fields=["ended_on"])
        client.zaken.zaken.partial_update(
            state.zaak.url,
            {
                "opschorting": {"indicatie": False, "reden": reden},
                "einddatumGepland": _shift(state.zaak.einddatum_gepland, days),
                "uiterlijkeEinddatumAfdoening": _shift(state.zaak.uiterlijke_einddatum_afdoening, days),
            },
            toelichting=toelichting or str(_("Hervat")),
        )
    return days


# --- verlengen ---------------------------------------------------------------------------------

_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")


def duration_days(text: str | None) -> int | None:
    """An ISO 8601 duration of years, months, weeks and days as days (a month as 30, a year as
    365: a limit, not a date); ``None`` for none or one with a time part."""
    match = _DURATION.fullmatch(text or "")
    if match is None or not text or text == "P":
        return None
    years, months, weeks, days = (int(part or 0) for part in match.groups())
    return years * 365 + months * 30 + weeks * 7 + days


def max_verlenging(zaaktype: models.ZaakType, configured: int | None) -> int:
    """The longest verlenging in days: the zaaktype's verlengingstermijn, or less when the
    handling parameters say so; 0 when the zaaktype allows none."""
    if not zaaktype.verlenging_mogelijk:
        return 0
    limit = duration_days(zaaktype.verlengingstermijn) or 0
    return min(limit, configured) if configured is not None else limit


def verlengen(client: ZGWClient, url: str, *, dagen: int, reden: str, max_dagen: int | None = None) -> None:
    """Extend the zaak's term by ``dagen`` (once, within the zaaktype's limit); its end dates move."""
    state = _open(client, url)
    if not state.zaaktype.verlenging_mogelijk:
        raise ActieError(_("Zaken van dit zaaktype kunnen niet worden verlengd."))
    if state.extended:
        raise ActieError(_("De zaak is al verlengd; dat kan maar één keer."))
    limit = max_verlenging(state.zaaktype, max_dagen)
    if dagen < 1 or dagen > limit:
        raise ActieError(_("Een verlenging is 1 tot en met %(max)d dagen.") % {"max": limit})
    if not reden.strip():
        raise ActieError(_("Geef de reden van de verlenging."))
    client.zaken.zaken.partial_update(
        state.zaak.url,
        {
            "verlenging": {"reden": reden[:200], "duur": f"P{dagen}D"},
            "einddatumGepland": _shift(state.zaak.einddatum_gepland, dagen),
            "uiterlijkeEinddatumAfdoening": _shift(state.zaak.uiterlijke_einddatum_afdoening, dagen),
        },
        toelichting=reden,
    )


# --- resultaat and afsluiten, heropenen --------------------------------------------------------


def resultaattypen(client: ZGWClient, state: ZaakState) -> list[models.ResultaatType]:
    return list(client.catalogi.resultaattypen.list(zaaktype=state.zaaktype.url))


def besluiten_of(client: ZGWClient, url: str) -> list[models.Besluit]:
    return list(client.besluiten.besluiten.list(zaak=url))


def afsluiten(client: ZGWClient, url: str, *, resultaattype_url: str, toelichting: str) -> models.Status:
    """Record the resultaat and close the zaak with its eindstatus.

    A resultaattype that names besluittypen needs a besluit of one of them on the zaak first, and
    one that names informatieobjecttypen needs a document of each in the zaakdossier
    (docs/adr/0066). When the eindstatus is refused, the resultaat just written is removed again.
    """
    state = _open(client, url)
    if state.suspended:
        raise ActieError(_("Een opgeschorte zaak kan niet worden afgesloten; hervat hem eerst."))
    final = state.eindstatustype
    if final is None:
        raise ActieError(_("Het zaaktype heeft geen statustypen."))
    resultaattype = next(
        (item for item in resultaattypen(client, state) if item.url == resultaattype_url), None
    )
    if resultaattype is None:
        raise ActieError(_("Kies een resultaat van dit zaaktype."))
    if resultaattype.besluittypen:
        wanted = set(resultaattype.besluittypen)
        if not any(besluit.besluittype in wanted for besluit in besluiten_of(client, state.zaak.url)):
            raise ActieError(
                _("Bij het resultaat %(resultaat)s hoort een besluit; leg eerst het besluit vast.")
                % {"resultaat": resultaattype.omschrijving}
            )
    if resultaattype.informatieobjecttypen:
        present = {
            client.documenten.enkelvoudiginformatieobjecten.get(link.informatieobject).informatieobjecttype
            for link in client.zaken.zaakinformatieobjecten.list(zaak=state.zaak.url)
        }
        missing = [url for url in resultaattype.informatieobjecttypen if url not in present]
        if missing:
            names = ", ".join(client.catalogi.informatieobjecttypen.get(url).omschrijving for url in missing)
            raise ActieError(
                _("Bij het resultaat %(resultaat)s horen deze documenten in het zaakdossier: %(namen)s.")
                % {"resultaat": resultaattype.omschrijving, "namen": names}
            )
    reason = toelichting or str(_("Afgesloten"))
    previous = client.zaken.resultaten.get(state.zaak.resultaat) if state.zaak.resultaat else None
    if previous is not None:
        resultaat = client.zaken.resultaten.update(
            previous.url,
            {"zaak": state.zaak.url, "resultaattype": resultaattype.url, "toelichting": toelichting[:1000]},
            toelichting=reason,
        )
    else:
        resultaat = client.zaken.resultaten.create(
            {"zaak": state.zaak.url, "resultaattype": resultaattype.url, "toelichting": toelichting[:1000]},
            toelichting=reason,
        )
    try:
        return client.zaken.statussen.create(
            {
                "zaak": state.zaak.url,
                "statustype": final.url,
                "datumStatusGezet": _now(),
                "statustoelichting": toelichting[:1000],
            },
            toelichting=reason,
        )
    except HTTPStatusError as exc:
        if previous is None:
            client.zaken.resultaten.delete(resultaat.url, toelichting=str(_("Afsluiten mislukt")))
        else:
            client.zaken.resultaten.update(
                previous.url, previous.as_json(), toelichting=str(_("Afsluiten mislukt"))
            )
        raise ActieError(
            _("De zaak kon niet worden afgesloten: %(reden)s") % {"reden": api_message(exc)}
        ) from exc


def heropenen(client: ZGWClient, url: str, *, reden: str) -> models.Status:
    """Reopen a closed zaak: it gets the last status before the eindstatus again."""
    if not reden.strip():
        raise ActieError(_("Geef de reden waarom de zaak wordt heropend."))
    state = load(client, url)
    if not state.closed:
        raise ActieError(_("De zaak is niet afgesloten."))
    earlier = [
        item for item in state.statustypen if state.eindstatustype and item.url != state.eindstatustype.url
    ]
    if not earlier:
        raise ActieError(_("Het zaaktype heeft geen status om naar terug te gaan."))
    return client.zaken.statussen.create(
        {
            "zaak": state.zaak.url,
            "statustype": earlier[-1].url,
            "datumStatusGezet": _now(),
            "statustoelichting": reden[:1000],
        },
        toelichting=reden,
    )


def today_local() -> date:
    return timezone.localdate()
