"""Logging in to the loket (DigiD, eHerkenning, the development login) and out."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zaakwerk.loket import identity
from zaakwerk.loket.forms import DevLoginForm
from zaakwerk.loket.services import oidc

logger = logging.getLogger(__name__)


def _next(request: HttpRequest, value: str | None) -> str:
    """Where to go after logging in: a path of this site, else Mijn zaken."""
    if value and oidc.same_origin_path(value):
        return value
    return reverse("loket:mijn-zaken")


def inloggen(request: HttpRequest) -> HttpResponse:
    """The login page: DigiD and eHerkenning when configured, the development login when on."""
    volgende = _next(request, request.GET.get("volgende") or request.POST.get("volgende"))
    form = DevLoginForm(request.POST or None) if settings.LOKET_DEV_LOGIN else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            nummer = form.cleaned_data["nummer"]
            visitor = (
                identity.Identity(kind="bsn", value=nummer, via="dev")
                if len(nummer) == 9
                else identity.Identity(
                    kind="kvk",
                    value=nummer,
                    via="dev",
                    vestigingsnummer=form.cleaned_data["vestigingsnummer"],
                )
            )
            identity.log_in(request, visitor)
            return HttpResponseRedirect(volgende)
    return render(
        request,
        "loket/inloggen.html",
        {
            "form": form,
            "providers": oidc.providers(),
            "volgende": volgende,
            "failed": request.GET.get("fout") == "1",
        },
    )


def oidc_start(request: HttpRequest, means: str) -> HttpResponse:
    provider = oidc.providers().get(means)
    if provider is None:
        raise Http404
    volgende = _next(request, request.GET.get("volgende"))
    try:
        url = oidc.start(request, provider, request.build_absolute_uri(reverse("loket:oidc-terug")), volgende)
    except oidc.LoginFailed:
        logger.exception("starting the %s login failed", means)
        return HttpResponseRedirect(f"{reverse('loket:inloggen')}?fout=1")
    return HttpResponseRedirect(url)


def oidc_terug(request: HttpRequest) -> HttpResponse:
    try:
        result = oidc.finish(request, {key: str(value) for key, value in request.GET.items()})
    except oidc.LoginFailed as exc:
        logger.warning("a loket login failed: %s", exc)
        return HttpResponseRedirect(f"{reverse('loket:inloggen')}?fout=1")
    identity.log_in(request, result.identity)
    return HttpResponseRedirect(_next(request, result.next_url))


@require_POST
def uitloggen(request: HttpRequest) -> HttpResponse:
    was_in = identity.current(request) is not None
    identity.log_out(request)
    if was_in:
        messages.success(request, _("U bent uitgelogd."))
    return HttpResponseRedirect(reverse("loket:home"))
