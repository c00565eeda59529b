"""The verklaring van vernietiging: the proof that a list was destroyed lawfully (docs/adr/0083).

It names the list, every destroyed zaak (identificatie, zaaktype, selectielijstklasse, resultaat,
archiefactiedatum), the selectielijst classes with their counts, and who composed, reviewed and
approved it, when. It is kept as a document in the Documenten API on a zaak of its own (the
zaaktype ``ZAAKWERK_ARCHIEF_VERKLARING_ZAAKTYPE``, archiefnominatie blijvend_bewaren). The zaak and
document carry an identificatie fixed per list, so a run that stopped after creating one finds it
again rather than making a second.
"""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zaakwerk.archief.models import Action, DestructionList, ListEvent, ListState, Step
from zaakwerk.client import ZGWClient, models
from zaakwerk.client import inhoud as inhoud_text

FILENAME = "verklaring-van-vernietiging.txt"


class MissingZaaktype(Exception):
    """There is no published zaaktype for the verklaring."""


def zaaktype(client: ZGWClient) -> models.ZaakType:
    identificatie = str(settings.ARCHIEF_VERKLARING_ZAAKTYPE)
    today = timezone.localdate().isoformat()
    found = list(client.catalogi.zaaktypen.list(identificatie=identificatie, datumGeldigheid=today))
    published = [zaaktype for zaaktype in found if not zaaktype.concept]
    if not published or not published[0].informatieobjecttypen:
        raise MissingZaaktype(
            _(
                "Er is geen gepubliceerd zaaktype %(id)s met een documenttype voor de verklaring van "
                "vernietiging; zonder verklaring wordt niets vernietigd."
            )
            % {"id": identificatie}
        )
    return published[0]


def text(found: DestructionList) -> str:
    """The verklaring's content (plain text, UTF-8)."""
    events = list(found.events.all())
    items = list(found.items.filter(excluded=False, step=Step.VERNIETIGD))
    lines = [
        _("VERKLARING VAN VERNIETIGING"),
        "",
        _("Vernietigingslijst: %(naam)s (%(uuid)s)") % {"naam": found.naam, "uuid": found.uuid},
        _("Vernietigd op: %(datum)s") % {"datum": timezone.localtime().strftime("%Y-%m-%d %H:%M")},
        _("Aantal vernietigde zaken: %(aantal)d") % {"aantal": len(items)},
        "",
        _("Verloop"),
    ]
    lines += [
        f"- {timezone.localtime(event.at):%Y-%m-%d %H:%M} {event.get_action_display()}: "
        f"{event.name or '-'} ({event.username or '-'}){' - ' + event.comment if event.comment else ''}"
        for event in events
        if event.action != Action.UITGEZONDERD
    ]
    lines += ["", _("Selectielijstklassen")]
    klassen = Counter((item.selectielijstklasse_label or item.selectielijstklasse or "-") for item in items)
    lines += [f"- {label}: {count}" for label, count in sorted(klassen.items())]
    lines += [
        "",
        _("Vernietigde zaken (identificatie; zaaktype; selectielijstklasse; resultaat; archiefactiedatum)"),
    ]
    lines += [
        f"- {item.identificatie}; {item.zaaktype_omschrijving}; {item.selectielijstklasse_label}; "
        f"{item.resultaat}; {item.archiefactiedatum or ''}"
        for item in items
    ]
    skipped = list(found.items.filter(excluded=False, step=Step.OVERGESLAGEN))
    if skipped:
        lines += ["", _("Niet vernietigd (overgeslagen)")]
        lines += [f"- {item.identificatie}: {item.skip_reason}" for item in skipped]
    return "\n".join(lines) + "\n"


def make(client: ZGWClient, found: DestructionList) -> bool:
    """Create (or find again) the verklaring's zaak and document, then mark the list destroyed.
    The verklaring is written in the deployment's language, whoever started the run. False when
    the list was destroyed already (by another run)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _make(client, found)


def _make(client: ZGWClient, found: DestructionList) -> bool:
    found.refresh_from_db()
    if found.state == ListState.VERNIETIGD:
        return False
    chosen = zaaktype(client)
    rsin = client.catalogi.catalogussen.get(chosen.catalogus or "").rsin
    identificatie = found.verklaring_identificatie
    zaak = next(iter(client.zaken.zaken.list(identificatie=identificatie, bronorganisatie=rsin)), None)
    today = timezone.localdate().isoformat()
    if zaak is None:
        zaak = client.zaken.zaken.create(
            {
                "identificatie": identificatie,
                "bronorganisatie": rsin,
                "verantwoordelijkeOrganisatie": rsin,
                "zaaktype": chosen.url,
                "startdatum": today,
                "omschrijving": (_("Verklaring van vernietiging: %(naam)s") % {"naam": found.naam})[:80],
                "archiefnominatie": "blijvend_bewaren",
            },
            toelichting=_("Verklaring van vernietiging"),
        )
    DestructionList.objects.filter(pk=found.pk).update(verklaring_zaak=zaak.url)
    documents = client.documenten.enkelvoudiginformatieobjecten
    document = next(iter(documents.list(identificatie=identificatie, bronorganisatie=rsin)), None)
    if document is None:
        document = documents.create(
            {
                "identificatie": identificatie,
                "bronorganisatie": rsin,
                "creatiedatum": today,
                "titel": (_("Verklaring van vernietiging: %(naam)s") % {"naam": found.naam})[:200],
                "auteur": "Zaakwerk archief",
                "taal": "nld",
                "status": "definitief",
                "formaat": "text/plain",
                "bestandsnaam": FILENAME,
                "inhoud": inhoud_text.encode(text(found).encode()),
                "informatieobjecttype": chosen.informatieobjecttypen[0],
                "vertrouwelijkheidaanduiding": "intern",
                "indicatieGebruiksrecht": False,
            }
        )
    DestructionList.objects.filter(pk=found.pk).update(verklaring_document=document.url)
    if not list(client.zaken.zaakinformatieobjecten.list(zaak=zaak.url, informatieobject=document.url)):
        client.zaken.zaakinformatieobjecten.create({"zaak": zaak.url, "informatieobject": document.url})
    with transaction.atomic():
        now = timezone.now()
        DestructionList.objects.filter(pk=found.pk).update(
            state=ListState.VERNIETIGD, destroyed_at=now, updated_at=now
        )
        ListEvent.objects.create(
            destruction_list=found, at=now, username="", name=_("Zaakwerk archief"), action=Action.VERNIETIGD
        )
    return True
