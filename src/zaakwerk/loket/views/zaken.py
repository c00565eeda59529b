"""Mijn zaken, one zaak, its documents and adding one; "Wie heeft mijn gegevens bekeken"."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from zaakwerk.client import HTTPStatusError
from zaakwerk.loket import zgw
from zaakwerk.loket.forms import UploadForm
from zaakwerk.loket.identity import Identity
from zaakwerk.loket.services import inzage as inzage_service
from zaakwerk.loket.services import upload as upload_service
from zaakwerk.loket.services import zaak as zaak_service
from zaakwerk.loket.services.mijn_zaken import mijn_zaken as list_zaken
from zaakwerk.loket.views import for_visitor


@for_visitor
def mijn_zaken(request: HttpRequest, visitor: Identity) -> HttpResponse:
    return render(request, "loket/mijn_zaken.html", {"zaken": list_zaken(zgw.client_for(visitor), visitor)})


def _pagina(
    request: HttpRequest, visitor: Identity, uuid: str, form: UploadForm, problem: str = "", status: int = 200
) -> HttpResponse:
    try:
        pagina = zaak_service.pagina(zgw.client_for(visitor), visitor, uuid)
    except zaak_service.ZaakNotFound:
        raise Http404 from None
    context = {
        "pagina": pagina,
        "zaak": pagina.zaak,
        "form": form,
        "problem": problem,
        "max_mb": f"{int(settings.LOKET_MAX_UPLOAD_BYTES) / 1048576:.0f}",
        "types": ", ".join(upload_service.EXTENSIONS[k].upper() for k in upload_service.allowed_types()),
        "accept": ",".join(upload_service.allowed_types()),
    }
    return render(request, "loket/zaak/zaak.html", context, status=status)


@for_visitor
def zaak(request: HttpRequest, visitor: Identity, uuid: str) -> HttpResponse:
    return _pagina(request, visitor, str(uuid), UploadForm())


@for_visitor
def toevoegen(request: HttpRequest, visitor: Identity, uuid: str) -> HttpResponse:
    """Add a document to the zaak (POST from the zaak page); a refusal is said on the page."""
    if request.method != "POST":
        return HttpResponseRedirect(reverse("loket:zaak", args=[uuid]))
    form = UploadForm(request.POST, request.FILES)
    client = zgw.client_for(visitor)
    if not form.is_valid():
        # the zaak is opened first, so that a zaak of someone else answers 404 here too
        try:
            zaak_service.open_zaak(client, visitor, str(uuid), expand=("zaaktype", "rollen"))
        except zaak_service.ZaakNotFound:
            raise Http404 from None
        return _pagina(request, visitor, str(uuid), form, status=200)
    bestand = form.cleaned_data["bestand"]
    limit = int(settings.LOKET_MAX_UPLOAD_BYTES)
    # read one byte more than allowed: enough to know it is too large, never the whole of a huge file
    inhoud = bestand.read(limit + 1)
    upload = upload_service.Upload(naam=bestand.name or "", inhoud=inhoud, titel=form.cleaned_data["titel"])
    try:
        eio = upload_service.add_document(client, visitor, str(uuid), upload)
    except zaak_service.ZaakNotFound:
        raise Http404 from None
    except upload_service.UploadRefused as exc:
        return _pagina(request, visitor, str(uuid), UploadForm(), problem=str(exc))
    except HTTPStatusError as exc:
        if exc.status in (400, 403):
            return _pagina(
                request,
                visitor,
                str(uuid),
                UploadForm(),
                problem=_("Het document kon niet worden toegevoegd. Er is niets gewijzigd."),
            )
        raise
    messages.success(request, _("Het document ‘%(titel)s’ is toegevoegd aan uw zaak.") % {"titel": eio.titel})
    return HttpResponseRedirect(reverse("loket:zaak", args=[uuid]) + "#documenten")


@for_visitor
def download(request: HttpRequest, visitor: Identity, uuid: str, document: str) -> HttpResponse:
    client = zgw.client_for(visitor)
    try:
        found = zaak_service.document(client, visitor, str(uuid), str(document))
    except zaak_service.ZaakNotFound:
        raise Http404 from None
    content = client.documenten.download(found.informatieobject, max_bytes=int(settings.OUTGOING_MAX_BYTES))
    response = HttpResponse(content, content_type=found.formaat or "application/octet-stream")
    response["Content-Disposition"] = (
        content_disposition_header(True, found.bestandsnaam or found.titel or "document") or "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@for_visitor
def mijn_gegevens(request: HttpRequest, visitor: Identity) -> HttpResponse:
    try:
        pagina = int(request.GET.get("pagina", "1"))
    except ValueError:
        pagina = 1
    found = inzage_service.inzage(zgw.client_for(visitor), visitor, pagina)
    return render(request, "loket/mijn_gegevens.html", {"inzage": found})
