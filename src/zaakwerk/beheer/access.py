"""Who may use beheer: a logged-in staff member with the beheerder role (docs/adr/0075)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from zaakwerk.web.roles import Role, roles_of

View = Callable[..., HttpResponse]


def is_beheerder(request: HttpRequest) -> bool:
    return Role.BEHEERDER in roles_of(request.user)


def beheerder_required(view: View) -> View:
    """Not logged in: to the login page; logged in without the beheerder role: 403."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_beheerder(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapped)
