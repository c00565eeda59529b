from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zaakwerk.loket import identity, navigation


def home(request: HttpRequest) -> HttpResponse:
    """The loket's start: to the forms, and to Mijn zaken (or the login first)."""
    return render(
        request,
        "loket/home.html",
        {
            "visitor": identity.current(request),
            "formulieren": navigation.url_or_empty(navigation.FORMULIEREN),
        },
    )
