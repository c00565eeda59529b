"""The transfer pages: zaken with archiefnominatie blijvend_bewaren that are due, the packages
made, a package's page (its zaken; the e-Depot's receipt; marking the zaken overgedragen) and its
download."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zaakwerk.archief.forms import FilterForm, PackageForm, ReceiptForm
from zaakwerk.archief.models import PackageState, TransferPackage, TransferState
from zaakwerk.archief.roles import ArchiefRole
from zaakwerk.archief.services import lock, overdracht, selection, transfer
from zaakwerk.archief.views import SLICE_SECONDS, UNREACHABLE, _user, roles_or_403
from zaakwerk.archief.zgw import client_for
from zaakwerk.client import ClientError


@login_required
def overbrengen(request: HttpRequest) -> HttpResponse:
    roles = roles_or_403(request)
    client = client_for(request.user)
    try:
        options = selection.options(client)
    except ClientError:
        return render(request, "archief/onbereikbaar.html", status=503)
    form = FilterForm(request.GET or None, options=options)
    package_form = PackageForm()
    problem = ""
    if request.method == "POST":
        if ArchiefRole.RECORDMANAGER not in roles:
            raise PermissionDenied
        package_form = PackageForm(request.POST)
        if package_form.is_valid():
            try:
                package = transfer.create(
                    client,
                    _user(request),
                    package_form.cleaned_data["naam"],
                    request.POST.getlist("zaak")[:1000],
                )
            except transfer.TransferError as exc:
                problem = exc.message
            else:
                if package.state == PackageState.KLAAR:
                    messages.success(request, _("Het overbrengingspakket is gemaakt."))
                else:
                    messages.error(
                        request, _("Het pakket kon niet worden gemaakt: %(fout)s") % {"fout": package.problem}
                    )
                return HttpResponseRedirect(reverse("archief:overbrengen"))
    try:
        filters = form.filters(selection.Kind.OVERBRENGEN)
        found = (
            selection.select(client, filters, timezone.localdate())
            if not form.is_bound or form.is_valid()
            else None
        )
    except ClientError:
        problem = _(UNREACHABLE)
        found = None
    return render(
        request,
        "archief/overbrengen.html",
        {
            "form": form,
            "package_form": package_form,
            "selection": found,
            "packages": TransferPackage.objects.select_related("created_by")[:100],
            "may_compose": ArchiefRole.RECORDMANAGER in roles,
            "problem": problem,
            "chosen": set(request.POST.getlist("zaak")),
            "busy": transfer.in_open_packages(zaak.url for zaak in found.rows) if found else set(),
            "busy_label": _("Al in een pakket"),
        },
    )


@login_required
def download(request: HttpRequest, uuid: UUID) -> FileResponse:
    roles_or_403(request)
    package = get_object_or_404(TransferPackage.objects.exclude(sha256=""), uuid=uuid)
    path = transfer.export_dir() / package.file_name
    if not package.file_name or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=package.file_name)


@login_required
def pakket(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """A package: its zaken and how far each is; the recordmanager records the e-Depot's receipt,
    after which the zaken are marked overgedragen (docs/adr/0098)."""
    roles = roles_or_403(request)
    package = get_object_or_404(TransferPackage.objects.select_related("created_by"), uuid=uuid)
    may_act = ArchiefRole.RECORDMANAGER in roles
    receipt = ReceiptForm(initial={"ontvangen_op": timezone.localdate()})
    problem: str | None = ""
    if request.method == "POST":
        if not may_act:
            raise PermissionDenied
        what = request.POST.get("what")
        if what == "ontvangen":
            receipt = ReceiptForm(request.POST)
            problem = _confirm(request, package, receipt) if receipt.is_valid() else None
        elif what == "overdragen":
            problem = _mark(request, package)
        else:
            problem = _("Onbekende handeling.")
        if problem == "":
            return HttpResponseRedirect(request.path)
        package.refresh_from_db()
    items = package.items.all()
    counts = {state: items.filter(state=state).count() for state in TransferState}
    page = Paginator(items, 100).get_page(request.GET.get("pagina"))
    return render(
        request,
        "archief/pakket.html",
        {
            "package": package,
            "page": page,
            "items": page.object_list,
            "counts": {"total": sum(counts.values()), **{str(k): v for k, v in counts.items()}},
            "may_confirm": may_act and package.state == PackageState.KLAAR,
            "may_mark": may_act and package.state == PackageState.ONTVANGEN,
            "receipt_form": receipt,
            "problem": problem or "",
        },
    )


def _confirm(request: HttpRequest, package: TransferPackage, receipt: ReceiptForm) -> str:
    try:
        package = overdracht.confirm_receipt(
            _user(request),
            package,
            ontvangen_op=receipt.cleaned_data["ontvangen_op"],
            kenmerk=receipt.cleaned_data["kenmerk"],
            today=timezone.localdate(),
        )
    except overdracht.OverdrachtError as exc:
        return exc.message
    return _mark(request, package)


def _mark(request: HttpRequest, package: TransferPackage) -> str:
    """One slice of marking the package's zaken overgedragen; a problem, or empty."""
    if package.state != PackageState.ONTVANGEN:
        return _("De ontvangst van dit pakket is niet vastgelegd.")
    try:
        report = overdracht.run(
            client_for(request.user), package_uuid=str(package.uuid), seconds=SLICE_SECONDS
        )
    except lock.Busy:
        return _("Er worden al zaken als overgedragen vastgelegd; probeer het straks opnieuw.")
    except ClientError:
        return _(UNREACHABLE)
    if report.finished:
        messages.success(request, _("De zaken van het pakket zijn als overgedragen vastgelegd."))
    elif report.postponed:
        messages.info(
            request,
            _(
                "%(n)s zaak/zaken konden nu niet worden vastgelegd; zie de reden bij de zaak en "
                "probeer het later opnieuw."
            )
            % {"n": report.postponed},
        )
    else:
        messages.info(request, _("Het vastleggen is nog bezig; ga verder om het af te maken."))
    return ""
