"""The werkplek's pages. Every page needs a logged-in staff member."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zaakwerk.web.roles import roles_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The front door: who is logged in, with which roles, and the way in."""
    return render(request, "werkplek/home.html", {"roles": roles_of(request.user)})
