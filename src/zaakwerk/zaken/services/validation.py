"""Checks of a zaak's input against its zaaktype and the other registers (RULES.md 3.1)."""

from __future__ import annotations

from django.utils import timezone

from zaakwerk.core.errors import ErrorCollector, ValidationError
from zaakwerk.core.references import ResourceKind, prefetch_remote, resolve, uuid_from_url
from zaakwerk.core.summaries import Communicatiekanaal, ZaakSummary, ZaaktypeSummary
from zaakwerk.zaken import geometry
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.models.choices import Archiefstatus
from zaakwerk.zaken.services.inputs import RelevanteZaak, ZaakValues

ZAAKTYPE = ResourceKind.of(ZaaktypeSummary, "catalogi", "zaaktypen")
COMMUNICATIEKANAAL = ResourceKind.of(Communicatiekanaal, "referentielijsten", "communicatiekanalen")
ZAAK = ResourceKind.of(ZaakSummary, "zaken", "zaken")


def _collect(errors: ErrorCollector, exc: ValidationError) -> None:
    errors.errors.extend(exc.errors)


def zaaktype(url: str, errors: ErrorCollector) -> ZaaktypeSummary | None:
    """zrc-001: the zaaktype resolves to a ZaakType and is published."""
    try:
        found = resolve(url, ZAAKTYPE, field="zaaktype")
    except ValidationError as exc:
        _collect(errors, exc)
        return None
    if found.get("concept", False):
        errors.add("zaaktype", "not-published", "Het zaaktype is nog niet gepubliceerd.")
        return None
    return found


def communicatiekanaal(url: str, errors: ErrorCollector) -> None:
    """zrc-010: a CommunicatieKanaal of the Referentielijsten API."""
    try:
        resolve(url, COMMUNICATIEKANAAL, field="communicatiekanaal")
    except ValidationError as exc:
        _collect(errors, exc)


def relevante_andere_zaken(items: list[RelevanteZaak], errors: ErrorCollector) -> None:
    """zrc-011: every relevanteAndereZaken[i].url resolves to a zaak."""
    prefetch_remote(item["url"] for item in items)  # the remote ones in one go
    for index, item in enumerate(items):
        try:
            resolve(item["url"], ZAAK, field=f"relevanteAndereZaken.{index}.url")
        except ValidationError as exc:
            _collect(errors, exc)


def hoofdzaak(url: str | None, zaak: Zaak | None, errors: ErrorCollector) -> Zaak | None:
    """zrc-013: a zaak of this register that is no deelzaak itself, and not the zaak itself."""
    if not url:
        return None
    key = uuid_from_url(url, "zaken", "zaken")
    found = Zaak.objects.filter(uuid=key).first() if key is not None else None
    if found is None:
        errors.add("hoofdzaak", "no_match", "De hoofdzaak moet een zaak van dit zakenregister zijn.")
        return None
    if zaak is not None and found.pk == zaak.pk:
        errors.add("hoofdzaak", "self-forbidden", "Een zaak kan niet haar eigen hoofdzaak zijn.")
        return None
    if found.hoofdzaak_id is not None:
        errors.add("hoofdzaak", "deelzaak-als-hoofdzaak", "Een deelzaak kan geen hoofdzaak zijn.")
        return None
    if zaak is not None and zaak.deelzaken.exists():
        errors.add(
            "hoofdzaak", "deelzaak-als-hoofdzaak", "Een zaak met deelzaken kan zelf geen deelzaak worden."
        )
        return None
    return found


def producten_of_diensten(values: list[str], zaaktype_data: ZaaktypeSummary, errors: ErrorCollector) -> None:
    """zrc-015: only the zaaktype's productenOfDiensten."""
    allowed = set(zaaktype_data.get("productenOfDiensten") or [])
    if not set(values) <= allowed:
        errors.add(
            "productenOfDiensten",
            "invalid-products-services",
            "Niet alle producten/diensten komen voor in de producten/diensten op het zaaktype.",
        )


def betaling(values: ZaakValues, errors: ErrorCollector) -> None:
    """zrc-014 and the OAS: no laatsteBetaaldatum for 'nvt', and none in the future."""
    betaald = values.get("laatste_betaaldatum")
    if betaald is None:
        return
    if values.get("betalingsindicatie") == "nvt":
        errors.add(
            "laatsteBetaaldatum",
            "betaling-nvt",
            'Laatste betaaldatum kan niet gezet worden als er geen betaling nodig is ("nvt").',
        )
    elif betaald > timezone.now():
        errors.add("laatsteBetaaldatum", "future_not_allowed", "De datum mag niet in de toekomst liggen.")


def archief(values: ZaakValues, errors: ErrorCollector) -> None:
    """zrc-022: another archiefstatus than nog_te_archiveren needs nominatie and actiedatum."""
    if values.get("archiefstatus", Archiefstatus.nog_te_archiveren) == Archiefstatus.nog_te_archiveren:
        return
    if not values.get("archiefnominatie"):
        errors.add(
            "archiefnominatie",
            "archiefnominatie-not-set",
            "Moet van een waarde voorzien zijn als de archiefstatus een waarde heeft anders dan "
            '"nog_te_archiveren".',
        )
    if not values.get("archiefactiedatum"):
        errors.add(
            "archiefactiedatum",
            "archiefactiedatum-not-set",
            "Moet van een waarde voorzien zijn als de archiefstatus een waarde heeft anders dan "
            '"nog_te_archiveren".',
        )


def geometrie(values: ZaakValues, errors: ErrorCollector) -> dict[str, float | None]:
    """The bounding box of a valid zaakgeometrie, stored beside it (the `_zoek` pre-filter): its
    four columns; none when no zaakgeometrie is given."""
    if "zaakgeometrie" not in values:
        return {}
    value = values["zaakgeometrie"]
    box: tuple[float | None, ...] = (None, None, None, None)
    if value is not None:
        try:
            box = geometry.bbox(value, field="zaakgeometrie")
        except ValidationError as exc:
            _collect(errors, exc)
    return dict(zip(("bbox_min_x", "bbox_min_y", "bbox_max_x", "bbox_max_y"), box, strict=True))
