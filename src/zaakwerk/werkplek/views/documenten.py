"""A zaak's documents: adding several at once, a document's page (metadata, versions, preview),
locking, a new version, changing metadata and downloading.

Each view opens the zaak through the access door first (404 for a zaak the user may not see) and
then the document through the zaak (404 for a document that is not the zaak's). What the
registers or the werkplek refuse is said on the page, and nothing changes (docs/adr/0062).
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from zaakwerk.client import ZGWClient, models
from zaakwerk.werkplek.services import documenten
from zaakwerk.werkplek.services.gegevens import ZaakClosed
from zaakwerk.werkplek.views.zaak import (
    VERTROUWELIJKHEID,
    identificatie_of,
    may_handle,
    open_or_404,
    registers_unavailable,
)
from zaakwerk.werkplek.zgw import display_name

# formats a browser shows itself without running anything of the file (no HTML, no SVG)
PREVIEWABLE = {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"}
IMAGES = PREVIEWABLE - {"application/pdf"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


def _max_size_text() -> str:
    return gettext("Elk bestand mag hoogstens %(size)s zijn.") % {
        "size": filesizeformat(settings.WERKPLEK_MAX_UPLOAD_BYTES)
    }


class ToevoegenForm(forms.Form):
    bestanden = MultipleFileField(label=_("Bestanden"))
    informatieobjecttype = forms.ChoiceField(label=_("Soort document"))
    vertrouwelijkheidaanduiding = forms.ChoiceField(
        label=_("Vertrouwelijkheid"),
        required=False,
        choices=[("", _("Zoals het soort document zegt")), *VERTROUWELIJKHEID],
    )
    reden = forms.CharField(label=_("Toelichting"), max_length=1000, required=False)

    def __init__(self, *args: Any, types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["informatieobjecttype"]).choices = types
        self.fields["bestanden"].help_text = _max_size_text()


def _uploads(files: list[UploadedFile]) -> list[documenten.Upload]:
    return [
        documenten.Upload(
            str(file.name or "document"), file.content_type or "application/octet-stream", file.read()
        )
        for file in files
    ]


def _types(client: ZGWClient, zaak: models.Zaak) -> list[tuple[str, str]]:
    zaaktype = models.ZaakType.model_validate(zaak.expanded.get("zaaktype") or {})
    return [
        (url, client.catalogi.informatieobjecttypen.get(url).omschrijving)
        for url in zaaktype.informatieobjecttypen
    ]


def _zaak_url(zaak: models.Zaak) -> str:
    return reverse("werkplek:zaak", args=[zaak.uuid])


@login_required
@registers_unavailable
@require_http_methods(["GET", "POST"])
def toevoegen(request: HttpRequest, uuid: Any) -> HttpResponse:
    client, access, zaak = open_or_404(request, str(uuid))
    if not may_handle(access, identificatie_of(zaak)):
        return HttpResponseForbidden()
    types = _types(client, zaak)
    problem = ""
    if request.method == "POST":
        form = ToevoegenForm(request.POST, request.FILES, types=types)
        if form.is_valid():
            try:
                made = documenten.add_documents(
                    client,
                    zaak,
                    _uploads(form.cleaned_data["bestanden"]),
                    informatieobjecttype=form.cleaned_data["informatieobjecttype"],
                    auteur=display_name(request.user),
                    vertrouwelijkheidaanduiding=form.cleaned_data["vertrouwelijkheidaanduiding"],
                    toelichting=form.cleaned_data["reden"],
                )
            except documenten.TooLarge as exc:
                form.add_error(
                    "bestanden",
                    gettext("%(name)s is te groot (%(size)s). Er is niets toegevoegd.")
                    % {"name": exc.name, "size": filesizeformat(exc.size)},
                )
            except ZaakClosed:
                problem = gettext("Deze zaak is intussen afgesloten. Er is niets toegevoegd.")
            except documenten.ChangeRefused as exc:
                for text in [t for texts in exc.messages.values() for t in texts]:
                    form.add_error(None, text)
            else:
                messages.success(
                    request, gettext("%(count)d document(en) toegevoegd.") % {"count": len(made)}
                )
                return redirect(_zaak_url(zaak) + "#documenten")
    else:
        form = ToevoegenForm(types=types)
    context = {"zaak": zaak, "form": form, "problem": problem}
    return render(request, "werkplek/zaak/documenten_toevoegen.html", context)


def _document_or_404(client: ZGWClient, zaak: models.Zaak, document: Any) -> documenten.Stuk:
    try:
        return documenten.document_of(client, zaak, str(document))
    except documenten.DocumentNotFound as exc:
        raise Http404 from exc


class MetadataForm(forms.Form):
    prefix = "metadata"  # two forms on one page: their fields' ids differ
    titel = forms.CharField(label=_("Titel"), max_length=200)
    beschrijving = forms.CharField(
        label=_("Beschrijving"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    vertrouwelijkheidaanduiding = forms.ChoiceField(label=_("Vertrouwelijkheid"), choices=VERTROUWELIJKHEID)
    reden = forms.CharField(label=_("Reden van de wijziging"), max_length=1000)


class VersieForm(forms.Form):
    prefix = "versie"
    bestand = forms.FileField(label=_("Nieuw bestand"))
    reden = forms.CharField(label=_("Reden van de nieuwe versie"), max_length=1000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text = _max_size_text()


def _document_page(
    request: HttpRequest,
    uuid: Any,
    document: Any,
    *,
    metadata_form: MetadataForm | None = None,
    versie_form: VersieForm | None = None,
    problem: str = "",
) -> HttpResponse:
    client, access, zaak = open_or_404(request, str(uuid))
    stuk = _document_or_404(client, zaak, document)
    eio = stuk.informatieobject
    holder = documenten.holder(stuk)
    context = {
        "zaak": zaak,
        "stuk": stuk,
        "document": eio,
        "versions": documenten.versions(client, stuk),
        "holder": holder,
        "own_lock": holder is not None and holder.username == request.user.get_username(),
        "may_handle": may_handle(access, identificatie_of(zaak)) and zaak.einddatum is None,
        "previewable": eio.formaat in PREVIEWABLE,
        "image": eio.formaat in IMAGES,
        "metadata_form": metadata_form
        or MetadataForm(
            initial={
                "titel": eio.titel,
                "beschrijving": eio.beschrijving,
                "vertrouwelijkheidaanduiding": eio.vertrouwelijkheidaanduiding,
            }
        ),
        "versie_form": versie_form or VersieForm(),
        "problem": problem,
    }
    return render(request, "werkplek/zaak/document.html", context)


@login_required
@registers_unavailable
def document(request: HttpRequest, uuid: Any, document: Any) -> HttpResponse:
    return _document_page(request, uuid, document)


def _problem_text(exc: Exception) -> str:
    if isinstance(exc, ZaakClosed):
        return gettext("Deze zaak is intussen afgesloten. Er is niets gewijzigd.")
    if isinstance(exc, documenten.LockedByOther):
        if exc.naam:
            return gettext("%(naam)s heeft dit document vergrendeld. Er is niets gewijzigd.") % {
                "naam": exc.naam
            }
        return gettext("Iemand anders heeft dit document vergrendeld. Er is niets gewijzigd.")
    if isinstance(exc, documenten.LockExpired):
        return gettext(
            "Je vergrendeling is verlopen: iemand heeft het document intussen ontgrendeld. "
            "Er is niets gewijzigd."
        )
    if isinstance(exc, documenten.TooLarge):
        return gettext("%(name)s is te groot (%(size)s). Er is niets gewijzigd.") % {
            "name": exc.name,
            "size": filesizeformat(exc.size),
        }
    if isinstance(exc, documenten.ChangeRefused):
        return " ".join(text for texts in exc.messages.values() for text in texts)
    raise exc


PROBLEMS = (
    ZaakClosed,
    documenten.LockedByOther,
    documenten.LockExpired,
    documenten.TooLarge,
    documenten.ChangeRefused,
)


def _handler_or_403(
    request: HttpRequest, uuid: Any, document: Any
) -> tuple[ZGWClient, models.Zaak, documenten.Stuk] | None:
    client, access, zaak = open_or_404(request, str(uuid))
    stuk = _document_or_404(client, zaak, document)
    if not may_handle(access, identificatie_of(zaak)):
        return None
    return client, zaak, stuk


def _user(request: HttpRequest) -> AbstractBaseUser:
    """The logged-in staff member (every view here is behind ``login_required``)."""
    return cast(AbstractBaseUser, request.user)


def _document_url(uuid: Any, document: Any) -> str:
    return reverse("werkplek:zaak-document", args=[uuid, document])


@login_required
@registers_unavailable
@require_POST
def vergrendelen(request: HttpRequest, uuid: Any, document: Any) -> HttpResponse:
    found = _handler_or_403(request, uuid, document)
    if found is None:
        return HttpResponseForbidden()
    client, zaak, stuk = found
    try:
        documenten.lock(client, _user(request), zaak, stuk)
    except PROBLEMS as exc:
        return _document_page(request, uuid, document, problem=_problem_text(exc))
    messages.success(
        request, gettext("Je hebt het document vergrendeld. Anderen kunnen het nu niet wijzigen.")
    )
    return redirect(_document_url(uuid, document))


@login_required
@registers_unavailable
@require_POST
def ontgrendelen(request: HttpRequest, uuid: Any, document: Any) -> HttpResponse:
    found = _handler_or_403(request, uuid, document)
    if found is None:
        return HttpResponseForbidden()
    client, _zaak, stuk = found
    try:
        documenten.unlock(client, _user(request), stuk)
    except PROBLEMS as exc:
        return _document_page(request, uuid, document, problem=_problem_text(exc))
    messages.success(request, gettext("Het document is ontgrendeld."))
    return redirect(_document_url(uuid, document))


@login_required
@registers_unavailable
@require_POST
def wijzigen(request: HttpRequest, uuid: Any, document: Any) -> HttpResponse:
    found = _handler_or_403(request, uuid, document)
    if found is None:
        return HttpResponseForbidden()
    client, zaak, stuk = found
    form = MetadataForm(request.POST)
    if not form.is_valid():
        return _document_page(request, uuid, document, metadata_form=form)
    values = {
        name: form.cleaned_data[name] for name in ("titel", "beschrijving", "vertrouwelijkheidaanduiding")
    }
    try:
        documenten.change(client, _user(request), zaak, stuk, values, toelichting=form.cleaned_data["reden"])
    except PROBLEMS as exc:
        return _document_page(request, uuid, document, metadata_form=form, problem=_problem_text(exc))
    messages.success(request, gettext("De gegevens van het document zijn gewijzigd."))
    return redirect(_document_url(uuid, document))


@login_required
@registers_unavailable
@require_POST
def nieuwe_versie(request: HttpRequest, uuid: Any, document: Any) -> HttpResponse:
    found = _handler_or_403(request, uuid, document)
    if found is None:
        return HttpResponseForbidden()
    client, zaak, stuk = found
    form = VersieForm(request.POST, request.FILES)
    if not form.is_valid():
        return _document_page(request, uuid, document, versie_form=form)
    upload = _uploads([form.cleaned_data["bestand"]])[0]
    try:
        documenten.new_version(
            client, _user(request), zaak, stuk, upload, toelichting=form.cleaned_data["reden"]
        )
    except PROBLEMS as exc:
        return _document_page(request, uuid, document, versie_form=form, problem=_problem_text(exc))
    messages.success(request, gettext("De nieuwe versie is opgeslagen."))
    return redirect(_document_url(uuid, document))


@login_required
@registers_unavailable
def download(request: HttpRequest, uuid: Any, document: Any) -> HttpResponse:
    """The document's content (``?versie=n`` for an older version); ``?bekijken=1`` shows a PDF or
    an image in the browser, every other format is always a download."""
    client, _access, zaak = open_or_404(request, str(uuid))
    stuk = _document_or_404(client, zaak, document)
    versie_text = request.GET.get("versie", "")
    versie = int(versie_text) if versie_text.isdigit() else None
    try:
        content, version = documenten.download(client, stuk, versie)
    except documenten.DocumentNotFound as exc:
        raise Http404 from exc
    inline = request.GET.get("bekijken") == "1" and version.formaat in PREVIEWABLE
    response = HttpResponse(content, content_type=version.formaat if inline else "application/octet-stream")
    name = version.bestandsnaam or version.identificatie or "document"
    response["Content-Disposition"] = content_disposition_header(not inline, name) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response
