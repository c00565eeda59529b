"""The record of changes made through beheer, newest first."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from zaakwerk.beheer.access import beheerder_required
from zaakwerk.beheer.models import Wijziging
from zaakwerk.web.rendering import render_page

PAGE_SIZE = 50


@beheerder_required
def wijzigingen(request: HttpRequest) -> HttpResponse:
    found = Wijziging.objects.all()
    zaaktype = request.GET.get("zaaktype", "").strip()
    if zaaktype:
        found = found.filter(zaaktype_identificatie=zaaktype)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render_page(
        request, "beheer/wijzigingen.html", {"page": page, "zaaktype": zaaktype}, fragment="lijst"
    )
