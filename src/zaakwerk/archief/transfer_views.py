"""The transfer pages: zaken with archiefnominatie blijvend_bewaren that are due, the packages
made, and a package's download."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zaakwerk.archief.forms import FilterForm, PackageForm
from zaakwerk.archief.models import PackageState, TransferPackage
from zaakwerk.archief.roles import ArchiefRole
from zaakwerk.archief.services import selection, transfer
from zaakwerk.archief.views import UNREACHABLE, _user, roles_or_403
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
        },
    )


@login_required
def download(request: HttpRequest, uuid: UUID) -> FileResponse:
    roles_or_403(request)
    package = get_object_or_404(TransferPackage, uuid=uuid, state=PackageState.KLAAR)
    path = transfer.export_dir() / package.file_name
    if not package.file_name or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=package.file_name)
