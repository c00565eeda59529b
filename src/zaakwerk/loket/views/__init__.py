"""The loket's pages: each view parses the request, calls a service and renders (docs/loket.md)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from zaakwerk.client import ClientError
from zaakwerk.loket import identity

logger = logging.getLogger(__name__)

View = Callable[..., HttpResponse]


def login_url(next_path: str) -> str:
    return f"{reverse('loket:inloggen')}?{urlencode({'volgende': next_path})}"


def for_visitor(view: View) -> View:
    """The page needs a logged-in visitor (else the login page, and back here after); registers
    that cannot be reached or fail are a page that says so (503), never an error."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        visitor = identity.current(request)
        if visitor is None:
            return HttpResponseRedirect(login_url(request.get_full_path()))
        try:
            response = view(request, visitor, *args, **kwargs)
        except ClientError:
            logger.exception("the registers failed for %s", request.path)
            return render(request, "loket/onbereikbaar.html", {}, status=503)
        response.headers.setdefault("Cache-Control", "private, no-store")
        return response

    return wrapper
