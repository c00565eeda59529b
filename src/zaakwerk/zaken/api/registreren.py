"""``POST /zaken/_registreren``: a zaak with its parts in one request (extension, docs/adr/0012).

Not part of the ZGW standard; served in the API's document from ``extension_spec.yaml``, marked
``x-zaakwerk-extension``. The body is the zaak's create body plus arrays of the parts' create
bodies without their ``zaak``; the rules are those of the separate operations
(:mod:`zaakwerk.zaken.services.registreren`).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import parse_body
from zaakwerk.api.type_rights import require_type_right
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import FieldError, PermissionDenied
from zaakwerk.zaken.access import may_access, may_access_any
from zaakwerk.zaken.api import spec_shapes
from zaakwerk.zaken.api.common import CREATE, FORCED, UPDATE, caller_with, check_crs, with_crs
from zaakwerk.zaken.api.rollen import RolIn
from zaakwerk.zaken.api.schemas import ZaakIn
from zaakwerk.zaken.api.statussen import StatusIn
from zaakwerk.zaken.api.zaakeigenschappen import ZaakEigenschapIn, warning_headers
from zaakwerk.zaken.api.zaakinformatieobjecten import ZioIn
from zaakwerk.zaken.api.zaakobjecten import ZaakObjectIn
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.relation_representations import render_zio
from zaakwerk.zaken.representations import render_zaken
from zaakwerk.zaken.representations_status import render_statussen
from zaakwerk.zaken.services.registreren import Geregistreerd, Registratie, register_zaak
from zaakwerk.zaken.subresource_representations import (
    render_rollen,
    render_zaakeigenschappen,
    render_zaakobjecten,
)

router = Router(tags=["zaken"])

# The parts' create bodies without their zaak: the new zaak is theirs. A ``zaak`` sent anyway
# is ignored, as any unknown field is.


class RolItem(RolIn):
    zaak: Any = None


class StatusItem(StatusIn):
    zaak: Any = None


class ZaakEigenschapItem(ZaakEigenschapIn):
    zaak: Any = None


class ZaakObjectItem(ZaakObjectIn):
    zaak: Any = None


class ZioItem(ZioIn):
    zaak: Any = None


class RegistratieIn(ZaakIn):
    rollen: list[RolItem] = Field(default_factory=list)
    status: StatusItem | None = None
    zaakeigenschappen: list[ZaakEigenschapItem] = Field(default_factory=list)
    zaakobjecten: list[ZaakObjectItem] = Field(default_factory=list)
    zaakinformatieobjecten: list[ZioItem] = Field(default_factory=list)

    def registratie(self) -> Registratie:
        return Registratie(
            zaak=self.to_values(set(ZaakIn.model_fields)),
            rollen=[item.to_values() for item in self.rollen],
            status=self.status.to_values() if self.status is not None else None,
            zaakeigenschappen=[
                {"eigenschap": i.eigenschap, "waarde": i.waarde} for i in self.zaakeigenschappen
            ],
            zaakobjecten=[item.to_values() for item in self.zaakobjecten],
            zaakinformatieobjecten=[
                item.to_values(set(ZioIn.model_fields) - {"zaak"}) for item in self.zaakinformatieobjecten
            ],
        )


def _shape_errors(body: RegistratieIn) -> None:
    """The polymorphic identificaties, checked against the spec as the separate endpoints do."""
    errors: list[FieldError] = []
    checks = [
        ("Rol", f"rollen.{i}", r.betrokkene_type.value, "betrokkeneIdentificatie", r.betrokkene_identificatie)
        for i, r in enumerate(body.rollen)
    ] + [
        (
            "ZaakObject",
            f"zaakobjecten.{i}",
            o.object_type.value,
            "objectIdentificatie",
            o.object_identificatie,
        )
        for i, o in enumerate(body.zaakobjecten)
    ]
    for resource, path, kind, name, value in checks:
        if value is not None:
            schema = spec_shapes.variant_schema(resource, kind, name)
            errors += spec_shapes.validate(schema or {}, value, f"{path}.{name}")
    if errors:
        raise ApiValidationError(errors)


def _authorise(caller: Caller, body: RegistratieIn) -> Any:
    """The scopes of the separate operations, for the new zaak as it is (zaaktype, vertrouwelijkheid)."""
    needs_update = bool(body.rollen or body.zaakeigenschappen)
    if needs_update:
        caller.require_scope(UPDATE, FORCED, component="zrc")

    def authorise(zaak: Zaak) -> None:
        if not may_access(caller, zaak, CREATE):
            raise PermissionDenied()
        # rollen and zaakeigenschappen are added with zaken.bijwerken (or geforceerd-bijwerken)
        if needs_update and not may_access_any(caller, zaak, (UPDATE, FORCED)):
            raise PermissionDenied()

    return authorise


def _render(done: Geregistreerd) -> dict[str, Any]:
    data: dict[str, Any] = {
        "zaak": render_zaken([done.zaak])[0],
        "rollen": render_rollen(done.rollen),
        "zaakeigenschappen": render_zaakeigenschappen(done.zaakeigenschappen),
        "zaakobjecten": render_zaakobjecten(done.zaakobjecten),
        "zaakinformatieobjecten": [render_zio(zio) for zio in done.zaakinformatieobjecten],
    }
    if done.status is not None:
        data["status"] = render_statussen([done.status])[0]
    return data


@router.post("/zaken/_registreren")
def registreren(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CREATE)
    check_crs(request, body=True)
    require_type_right(caller, request, component="zrc", scope=CREATE, field="zaaktype")
    body = parse_body(request, RegistratieIn)
    _shape_errors(body)
    authorise = _authorise(caller, body)
    done = register_zaak(body.registratie(), caller.actor(request), authorise=authorise)
    data = _render(done)
    warnings = [f"{path}: {text}" for path, items in done.warnings.items() for text in items]
    headers = {"Location": data["zaak"]["url"], **warning_headers(warnings)}
    return with_crs(json_response(data, status=201, headers=headers))
