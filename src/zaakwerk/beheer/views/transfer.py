"""Export and import of a catalogus or a zaaktype as a ZIP (Open Zaak's export format)."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from zaakwerk.beheer.forms import ImportForm
from zaakwerk.beheer.services import catalogus, transfer
from zaakwerk.beheer.services.wijzigingen import record
from zaakwerk.beheer.views.common import beheer_view, client, zaaktype_url


def _zip(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}.zip"'
    return response


@beheer_view
def export_catalogus(request: HttpRequest, uuid: UUID) -> HttpResponse:
    api = client(request)
    url = f"{api.catalogi.catalogussen.url}/{uuid}"
    found = api.catalogi.catalogussen.get(url)
    data = transfer.export_catalogus(api, url)
    record(
        request.user,
        "geëxporteerd",
        "catalogus",
        _("Catalogus %(domein)s geëxporteerd") % {"domein": found.domein},
        url=url,
    )
    return _zip(data, f"catalogus-{found.domein}")


@beheer_view
def export_zaaktype(request: HttpRequest, uuid: UUID) -> HttpResponse:
    api = client(request)
    url = zaaktype_url(api, str(uuid))
    found = catalogus.read(api, "zaaktypen", url)
    data = transfer.export_zaaktype(api, url)
    identificatie = str(found.get("identificatie"))
    record(
        request.user,
        "geëxporteerd",
        "zaaktype",
        _("Zaaktype %(naam)s (vanaf %(datum)s) geëxporteerd")
        % {"naam": identificatie, "datum": found.get("beginGeldigheid")},
        url=url,
        zaaktype=identificatie,
    )
    return _zip(data, f"zaaktype-{identificatie}-{found.get('beginGeldigheid')}")


@beheer_view
def importeren(request: HttpRequest) -> HttpResponse:
    form = ImportForm()
    context: dict[str, object] = {}
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["bestand"]
            if upload.size > transfer.MAX_ZIP_BYTES:
                archive = transfer.Archive(
                    problems=[
                        _("Het bestand is te groot (%(mb)s MB); het mag hoogstens %(max)s MB zijn.")
                        % {
                            "mb": round(upload.size / 1024 / 1024, 1),
                            "max": transfer.MAX_ZIP_BYTES // 1024 // 1024,
                        }
                    ]
                )
            else:
                data = upload.read()
                archive = transfer.read_archive(data)
            api = client(request)
            plan = transfer.plan(api, archive)
            context["plan"] = plan
            if plan.ok:
                try:
                    result = transfer.import_archive(api, request.user, plan)
                except transfer.ImportFailed as failure:
                    context["failure"] = failure
                else:
                    context["result"] = result
                    context["catalogus_uuid"] = catalogus.uuid_of(result.catalogus)
    context["form"] = form
    return render(request, "beheer/import.html", context)
