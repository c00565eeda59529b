"""A submission becomes a zaak: everything is worked out and checked first (the plan), then
registered through the ZGW APIs (docs/formulieren.md, docs/adr/0088).

- Against this deployment the registers' transactional extension (``POST /zaken/_registreren``,
  ADR 0012) registers the zaak with its rol, status, eigenschappen, objecten and document links
  in one transaction; the documents are made just before it, side by side where they can be
  (ADR 0106).
- Against another deployment each part is its own call.

Either way each done step is recorded (:class:`Registratiestap`), and every step first looks for
what an earlier, interrupted try made: the zaak has a zaaknummer reserved before it is created
(so a zaak from an earlier try is found by its identificatie), documents have an identificatie
made of the submission's reference, and rollen, status, eigenschappen, objecten and links are
looked up on the zaak. A retry therefore never makes anything twice.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from zaakwerk.client import HTTPStatusError, ZGWClient, concurrent, models
from zaakwerk.client import inhoud as inhoud_text
from zaakwerk.formulieren import definition as definitions
from zaakwerk.formulieren.models import Bijlage, Inzending, Registratiestap
from zaakwerk.formulieren.services import bevestiging, pdf, velden
from zaakwerk.formulieren.services import bijlagen as bijlagen_store

CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
KENMERK_BRON = "Zaakwerk loket"
AUTEUR = "Loket"


class RegistrationRefused(Exception):
    """The submission cannot become a zaak as it is (the visitor is told; nothing registered)."""


@dataclass
class DocumentPlan:
    sleutel: str  # "document:<field>" or "document:pdf"
    identificatie: str
    titel: str
    bestandsnaam: str
    formaat: str
    inhoud: Callable[[], bytes]  # read when the document is sent, not when it was made before
    informatieobjecttype: models.InformatieObjectType


@dataclass
class Plan:
    zaaktype: models.ZaakType
    rsin: str
    identificatie_prefix: str
    zaak: dict[str, Any]
    rol: dict[str, Any] | None
    status: dict[str, Any] | None
    eigenschappen: list[dict[str, Any]] = field(default_factory=list)
    zaakobjecten: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    documents: list[DocumentPlan] = field(default_factory=list)


# --- working it out -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ZaaktypeInfo:
    """What a submission needs of a published zaaktype. A published zaaktype and its sub-types
    never change (only its end of validity does, which :func:`current_zaaktype` reads live), so
    this is kept per process, per client and zaaktype URL (docs/adr/0088)."""

    rsin: str
    initiator: str  # roltype URL ("" when the zaaktype has none)
    first_status: str  # statustype URL ("" when none)
    eigenschappen: dict[str, models.Eigenschap]
    informatieobjecttypen: dict[str, models.InformatieObjectType]
    kanaal: str


_INFO: dict[tuple[str, str], ZaaktypeInfo] = {}
_INFO_SIZE = 256


def zaaktype_info(client: ZGWClient, zaaktype: models.ZaakType) -> ZaaktypeInfo:
    key = (client.http.party, zaaktype.url)
    found = _INFO.get(key)
    if found is not None:
        return found
    roltype = next(
        client.catalogi.roltypen.list(zaaktype=zaaktype.url, omschrijvingGeneriek="initiator"), None
    )
    statustypen = sorted(client.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda t: t.volgnummer)
    found = ZaaktypeInfo(
        rsin=client.catalogi.catalogussen.get(str(zaaktype.catalogus)).rsin,
        initiator=roltype.url if roltype else "",
        first_status=statustypen[0].url if statustypen else "",
        eigenschappen={
            eigenschap.naam: eigenschap
            for eigenschap in client.catalogi.eigenschappen.list(zaaktype=zaaktype.url)
        },
        informatieobjecttypen=_types_by_name(client, zaaktype),
        kanaal=_kanaal(client),
    )
    if len(_INFO) >= _INFO_SIZE:
        _INFO.clear()
    _INFO[key] = found
    return found


def current_zaaktype(
    client: ZGWClient, catalogus: str, identificatie: str, day: date
) -> models.ZaakType | None:
    """The published version of the zaaktype valid on ``day``, if any."""
    found = [
        zaaktype
        for zaaktype in client.catalogi.zaaktypen.list(
            catalogus=catalogus, identificatie=identificatie, datumGeldigheid=day.isoformat()
        )
        if not zaaktype.concept
    ]
    return max(found, key=lambda zaaktype: zaaktype.begin_geldigheid or date.min) if found else None


def format_waarde(value: Any, item: definitions.Field, specificatie: dict[str, Any]) -> str:
    """A field's value written as the eigenschap's specificatie wants it (its ``formaat``)."""
    formaat = specificatie.get("formaat", "tekst")
    if formaat == "datum" and isinstance(value, str):
        return value.replace("-", "")  # jjjjmmdd
    if formaat == "datum_tijd" and isinstance(value, str):
        return value.replace("-", "") + "000000"
    if formaat == "getal":
        text = str(value)
        return text[:-2] if text.endswith(".0") else text.replace(".", ",")
    if item.type == "checkbox":
        return "ja" if value else "nee"
    if item.type in ("postcode", "location"):
        return velden.display(item, value)
    return str(value)


def _eigenschap_problem(waarde: str, specificatie: dict[str, Any]) -> str:
    allowed = [str(value) for value in specificatie.get("waardenverzameling") or []]
    if allowed and waarde not in allowed:
        return "waarde komt niet voor in de waardenverzameling"
    lengte = str(specificatie.get("lengte") or "")
    if specificatie.get("formaat", "tekst") == "tekst" and lengte.isdigit() and len(waarde) > int(lengte):
        return f"waarde is langer dan {lengte} tekens"
    return ""


def _rol(
    inzending: Inzending, definition: definitions.Definition, values: dict[str, Any], roltype: str
) -> dict[str, Any] | None:
    contact_naam = str(values.get(definition.contact.get("naam", "")) or "")
    identificatie: dict[str, Any]
    if inzending.identiteit_soort == "bsn":
        kind, identificatie = "natuurlijk_persoon", {"inpBsn": inzending.identiteit}
    elif inzending.identiteit_soort == "kvk":  # Zaken API: kvkNummer only on a vestiging (ADR 0063)
        kind, identificatie = "vestiging", {"kvkNummer": inzending.identiteit}
        if inzending.vestigingsnummer:
            identificatie["vestigingsNummer"] = inzending.vestigingsnummer
    elif contact_naam:
        kind, identificatie = "natuurlijk_persoon", {"geslachtsnaam": contact_naam[:200]}
    else:
        return None
    body: dict[str, Any] = {
        "roltype": roltype,
        "roltoelichting": "initiator",
        "betrokkeneType": kind,
        "betrokkeneIdentificatie": identificatie,
    }
    if contact_naam:
        body["afwijkendeNaamBetrokkene"] = contact_naam[:625]
    email = str(values.get(definition.contact.get("emailadres", "")) or "")
    phone = str(values.get(definition.contact.get("telefoonnummer", "")) or "")
    if email or phone:
        body["contactpersoonRol"] = {
            "naam": contact_naam[:40] or "-",
            **({"emailadres": email[:254]} if email else {}),
            **({"telefoonnummer": phone[:20]} if phone else {}),
        }
    return body


def _kanaal(client: ZGWClient) -> str:
    url: str | None = (
        f"{client.zaken.zaken.url.rsplit('/zaken/api/', 1)[0]}/referentielijsten/api/v1/communicatiekanalen"
    )
    while url:
        try:
            data = client.http.request("GET", url)
        except HTTPStatusError:
            return ""
        items = data.get("results", []) if isinstance(data, dict) else data
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and item.get("naam") == settings.FORMULIEREN_KANAAL:
                return str(item.get("url", ""))
        url = data.get("next") if isinstance(data, dict) else None
    return ""


def _types_by_name(client: ZGWClient, zaaktype: models.ZaakType) -> dict[str, models.InformatieObjectType]:
    found = {}
    for url in zaaktype.informatieobjecttypen:
        iotype = client.catalogi.informatieobjecttypen.get(url)
        found[iotype.omschrijving] = iotype
    return found


def _informatieobjecttype(
    types: dict[str, models.InformatieObjectType], wanted: str
) -> models.InformatieObjectType:
    if wanted and wanted in types:
        return types[wanted]
    if not types:
        raise RegistrationRefused("het zaaktype heeft geen documenttypen")
    return next(iter(types.values()))


def sections(definition: definitions.Definition, state: definitions.State) -> list[pdf.Section]:
    return [
        pdf.Section(
            step.titel,
            [
                pdf.Answer(item.label, velden.display(item, state.values.get(item.key)))
                for item in step.fields
                if item.key in state.visible_fields
            ],
        )
        for step in definition.steps
        if step.key in state.visible_steps
    ]


def _given(content: bytes) -> Callable[[], bytes]:
    return lambda: content


def plan(client: ZGWClient, inzending: Inzending, *, today: date | None = None) -> Plan:
    """Everything the zaak will get, checked; RegistrationRefused before anything is written."""
    day = today or timezone.localdate()
    formulier = inzending.versie.formulier
    definition = definitions.parse(inzending.versie.definitie)
    state = definitions.resolve(definition, inzending.waarden)
    zaaktype = current_zaaktype(client, formulier.catalogus, formulier.zaaktype_identificatie, day)
    if zaaktype is None:
        raise RegistrationRefused("het zaaktype van dit formulier is nu niet beschikbaar")
    info = zaaktype_info(client, zaaktype)
    rsin = info.rsin
    values = state.values
    filled = bevestiging.placeholders(definition, values, referentie=inzending.referentie)
    omschrijving = (
        bevestiging.fill(definition.omschrijving, filled) if definition.omschrijving else definition.titel
    )
    zaak: dict[str, Any] = {
        "bronorganisatie": rsin,
        "verantwoordelijkeOrganisatie": rsin,
        "zaaktype": zaaktype.url,
        "startdatum": day.isoformat(),
        "registratiedatum": day.isoformat(),
        "omschrijving": omschrijving[:80],
        "toelichting": bevestiging.fill(definition.toelichting, filled)[:1000],
        "kenmerken": [{"kenmerk": inzending.referentie, "bron": KENMERK_BRON}],
    }
    if info.kanaal:
        zaak["communicatiekanaal"] = info.kanaal
    result = Plan(
        zaaktype=zaaktype,
        rsin=rsin,
        identificatie_prefix=inzending.referentie,
        zaak=zaak,
        rol=_rol(inzending, definition, values, info.initiator) if info.initiator else None,
        status=(
            {"statustype": info.first_status, "statustoelichting": "Ontvangen via het loket"}
            if info.first_status
            else None
        ),
    )
    eigenschappen = info.eigenschappen
    for item in definition.fields:
        value = values.get(item.key)
        if item.key not in state.visible_fields or (velden.is_empty(item, value) and item.type != "checkbox"):
            continue
        if item.eigenschap:
            eigenschap = eigenschappen.get(item.eigenschap)
            if eigenschap is None:
                raise RegistrationRefused(f"het zaaktype kent de eigenschap {item.eigenschap!r} niet")
            waarde = format_waarde(value, item, eigenschap.specificatie or {})
            problem = _eigenschap_problem(waarde, eigenschap.specificatie or {})
            if problem:
                raise RegistrationRefused(f"{item.label}: {problem}")
            result.eigenschappen.append({"eigenschap": eigenschap.url, "waarde": waarde})
        if item.type == "location" and isinstance(value, dict) and "zaakgeometrie" not in zaak:
            zaak["zaakgeometrie"] = {"type": "Point", "coordinates": [value["lon"], value["lat"]]}
        if item.zaakobject:
            result.zaakobjecten.append(
                (
                    item.key,
                    {
                        "objectType": "overige",
                        "objectTypeOverige": "adres" if item.type == "postcode" else "locatie",
                        "relatieomschrijving": item.zaakobject[:80],
                        "objectIdentificatie": {"overigeData": value},
                    },
                )
            )
    types = info.informatieobjecttypen
    moment = inzending.ingediend or timezone.now()
    organisation = str(settings.WEB_ORGANISATION_NAME)
    result.documents.append(
        DocumentPlan(
            sleutel="document:pdf",
            identificatie=f"{inzending.referentie}-0",
            titel=definition.titel[:200],
            bestandsnaam=f"{inzending.referentie}.pdf",
            formaat="application/pdf",
            inhoud=_given(
                pdf.render(
                    definition.titel,
                    inzending.referentie,
                    timezone.localtime(moment),
                    organisation,
                    sections(definition, state),
                )
            ),
            informatieobjecttype=_informatieobjecttype(types, definition.documenttype),
        )
    )
    bijlagen = {bijlage.veld: bijlage for bijlage in inzending.bijlagen.defer("inhoud")}
    for number, item in enumerate((f for f in definition.fields if f.type == "file"), start=1):
        bijlage = bijlagen.get(item.key)
        if bijlage is None or item.key not in state.visible_fields:
            continue
        result.documents.append(
            DocumentPlan(
                sleutel=f"document:{item.key}",
                identificatie=f"{inzending.referentie}-{number}",
                titel=f"{item.label}: {bijlage.bestandsnaam}"[:200],
                bestandsnaam=bijlage.bestandsnaam,
                formaat=bijlage.formaat,
                inhoud=functools.partial(bijlagen_store.content, inzending, item.key),
                informatieobjecttype=_informatieobjecttype(types, item.informatieobjecttype),
            )
        )
    return result


# --- registering --------------------------------------------------------------------------------


def _done(inzending: Inzending) -> dict[str, Registratiestap]:
    return {stap.sleutel: stap for stap in inzending.stappen.all()}


def _record(inzending: Inzending, *steps: tuple[str, str, str]) -> None:
    """Record done steps (``(sleutel, url, waarde)``) in one statement, without savepoints: an
    insert that updates a step recorded before (one per sleutel, a unique constraint). Only the
    claimed submission's own process records its steps (indienen.retry), so nothing races here."""
    Registratiestap.objects.bulk_create(
        [
            Registratiestap(inzending=inzending, sleutel=sleutel, url=url, waarde=waarde)
            for sleutel, url, waarde in steps
        ],
        update_conflicts=True,
        unique_fields=["inzending", "sleutel"],
        update_fields=["url", "waarde"],
    )


def _zaaknummer(client: ZGWClient, rsin: str, done: dict[str, Registratiestap]) -> str:
    """The zaak's identificatie: recorded on an earlier try, or reserved now (to be recorded)."""
    if "zaaknummer" in done:
        return done["zaaknummer"].waarde
    root = client.zaken.zaken.url.rsplit("/", 1)[0]
    reply = client.http.request(
        "POST", f"{root}/zaaknummer_reserveren", expected=(201,), json={"bronorganisatie": rsin}, headers=CRS
    )
    return str(reply[0]["zaaknummer"])


def _document(
    client: ZGWClient,
    inzending: Inzending,
    item: DocumentPlan,
    rsin: str,
    done: dict[str, Registratiestap],
    *,
    look_first: bool,
) -> str:
    """The document's URL: recorded, found by its identificatie (``look_first``: a later try, after
    an interruption that may have come between making it and recording it), or made now (to be
    recorded)."""
    if item.sleutel in done:
        return done[item.sleutel].url
    api = client.documenten.enkelvoudiginformatieobjecten
    existing = (
        next(api.list(identificatie=item.identificatie, bronorganisatie=rsin), None) if look_first else None
    )
    if existing is None:
        existing = api.create(
            {
                "identificatie": item.identificatie,
                "bronorganisatie": rsin,
                "creatiedatum": timezone.localdate().isoformat(),
                "ontvangstdatum": timezone.localdate().isoformat(),
                "titel": item.titel,
                "auteur": AUTEUR,
                "taal": "dut",
                "formaat": item.formaat,
                "bestandsnaam": item.bestandsnaam[:255],
                "inhoud": inhoud_text.encode(item.inhoud()),
                "informatieobjecttype": item.informatieobjecttype.url,
                "vertrouwelijkheidaanduiding": item.informatieobjecttype.vertrouwelijkheidaanduiding
                or "zaakvertrouwelijk",
                "indicatieGebruiksrecht": False,
                "status": "definitief",
            },
            toelichting=f"Formulier {inzending.referentie}",
        )
    return existing.url


def _existing_zaak(client: ZGWClient, identificatie: str, rsin: str) -> models.Zaak | None:
    return next(client.zaken.zaken.list(identificatie=identificatie, bronorganisatie=rsin), None)


def _not_unique(exc: HTTPStatusError) -> bool:
    body = exc.body if isinstance(exc.body, dict) else {}
    return exc.status == 400 and any(
        str(param.get("code", "")) == "identificatie-niet-uniek" for param in body.get("invalidParams") or []
    )


def _refused(exc: HTTPStatusError) -> RegistrationRefused:
    body = exc.body if isinstance(exc.body, dict) else {}
    reasons = [f"{param.get('name')}: {param.get('reason')}" for param in body.get("invalidParams") or []]
    return RegistrationRefused("; ".join(reasons) or str(body.get("detail") or exc))


def _links(plan_: Plan, documents: dict[str, str]) -> list[dict[str, Any]]:
    return [{"informatieobject": documents[item.sleutel], "titel": item.titel} for item in plan_.documents]


def _register_at_once(
    client: ZGWClient, inzending: Inzending, plan_: Plan, identificatie: str, documents: dict[str, str]
) -> models.Zaak:
    root = client.zaken.zaken.url
    body: dict[str, Any] = {
        **plan_.zaak,
        "identificatie": identificatie,
        "rollen": [plan_.rol] if plan_.rol else [],
        "zaakeigenschappen": plan_.eigenschappen,
        "zaakobjecten": [item for _key, item in plan_.zaakobjecten],
        "zaakinformatieobjecten": _links(plan_, documents),
    }
    if plan_.status:
        body["status"] = {**plan_.status, "datumStatusGezet": datetime.now(UTC).isoformat()}
    try:
        reply = client.http.request(
            "POST",
            f"{root}/_registreren",
            expected=(201,),
            json=body,
            headers={**CRS, "X-Audit-Toelichting": f"Formulier {inzending.referentie}"},
        )
    except HTTPStatusError as exc:
        found = _existing_zaak(client, identificatie, plan_.rsin) if _not_unique(exc) else None
        if found is None:
            raise _refused(exc) if exc.status == 400 else exc from exc
        return found
    return models.Zaak.model_validate(reply["zaak"])


def _register_step_by_step(
    client: ZGWClient,
    inzending: Inzending,
    plan_: Plan,
    identificatie: str,
    documents: dict[str, str],
    done: dict[str, Registratiestap],
) -> models.Zaak:
    reden = f"Formulier {inzending.referentie}"
    zaak = _existing_zaak(client, identificatie, plan_.rsin)
    if zaak is None:
        try:
            zaak = client.zaken.zaken.create(
                {**plan_.zaak, "identificatie": identificatie}, toelichting=reden
            )
        except HTTPStatusError as exc:
            zaak = _existing_zaak(client, identificatie, plan_.rsin) if _not_unique(exc) else None
            if zaak is None:
                raise _refused(exc) if exc.status == 400 else exc from exc
    _record(inzending, ("zaak", zaak.url, zaak.identificatie))
    zaken = client.zaken
    if plan_.rol and "rol" not in done:
        if not any(zaken.rollen.list(zaak=zaak.url, roltype=plan_.rol["roltype"])):
            zaken.rollen.create({**plan_.rol, "zaak": zaak.url}, toelichting=reden)
        _record(inzending, ("rol", "", ""))
    if plan_.status and "status" not in done:
        if not any(zaken.statussen.list(zaak=zaak.url)):
            zaken.statussen.create(
                {**plan_.status, "zaak": zaak.url, "datumStatusGezet": datetime.now(UTC).isoformat()},
                toelichting=reden,
            )
        _record(inzending, ("status", "", ""))
    if plan_.eigenschappen and "eigenschappen" not in done:
        url = f"{zaak.url}/zaakeigenschappen"
        present = {item["eigenschap"] for item in client.http.request("GET", url, headers=CRS) or []}
        for item in plan_.eigenschappen:
            if item["eigenschap"] not in present:
                client.http.request(
                    "POST", url, expected=(201,), json={**item, "zaak": zaak.url}, headers=CRS
                )
        _record(inzending, ("eigenschappen", "", ""))
    objecten_url = f"{zaken.zaken.url.rsplit('/', 1)[0]}/zaakobjecten"
    for key, item in plan_.zaakobjecten:
        if f"zaakobject:{key}" in done:
            continue
        present = client.http.request("GET", objecten_url, params={"zaak": zaak.url}, headers=CRS)
        rows = present.get("results", []) if isinstance(present, dict) else present or []
        if not any(row.get("relatieomschrijving") == item["relatieomschrijving"] for row in rows):
            client.http.request(
                "POST", objecten_url, expected=(201,), json={**item, "zaak": zaak.url}, headers=CRS
            )
        _record(inzending, (f"zaakobject:{key}", "", ""))
    for link in _links(plan_, documents):
        sleutel = f"link:{link['informatieobject']}"[:80]
        if sleutel in done:
            continue
        if not any(
            zaken.zaakinformatieobjecten.list(zaak=zaak.url, informatieobject=link["informatieobject"])
        ):
            zaken.zaakinformatieobjecten.create({**link, "zaak": zaak.url}, toelichting=reden)
        _record(inzending, (sleutel, "", ""))
    return zaak


def register(client: ZGWClient, inzending: Inzending, *, at_once: bool) -> models.Zaak:
    """Register the submitted ``inzending``; its recorded steps make a repeat safe.

    ``at_once``: use the transactional extension (this deployment's registers)."""
    plan_ = plan(client, inzending)
    done = _done(inzending)
    if "zaak" in done and "klaar" in done:
        return client.zaken.zaken.get(done["zaak"].url)
    later_try = inzending.pogingen > 1 or bool(done)
    identificatie = _zaaknummer(client, plan_.rsin, done)
    # the PDF and the attachments do not depend on each other: sent side by side (docs/adr/0106)
    urls = concurrent.each(
        lambda item: _document(client, inzending, item, plan_.rsin, done, look_first=later_try),
        plan_.documents,
    )
    documents = {item.sleutel: url for item, url in zip(plan_.documents, urls, strict=True)}
    # Recorded together, before the zaak is registered under that number (so a later try registers
    # it under the same one). An interruption before this loses only a reserved number, which
    # expires, and documents that a later try finds by their identificatie.
    steps = [("zaaknummer", "", identificatie)] if "zaaknummer" not in done else []
    steps += [(key, url, "") for key, url in documents.items() if key not in done]
    if steps:
        _record(inzending, *steps)
    if at_once:
        zaak = _register_at_once(client, inzending, plan_, identificatie, documents)
    else:
        zaak = _register_step_by_step(client, inzending, plan_, identificatie, documents, done)
    _record(inzending, ("zaak", zaak.url, zaak.identificatie), ("klaar", "", ""))
    inzending.zaaktype = plan_.zaaktype.url
    inzending.zaak = zaak.url
    inzending.zaak_identificatie = zaak.identificatie
    return zaak


def delete_attachments(inzending: Inzending) -> None:
    """The files are in the zaak's documents now; the draft's copies go."""
    Bijlage.objects.filter(inzending=inzending).delete()
