"""The werkplek's pages. Every page needs a logged-in staff member."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zaakwerk.web.roles import roles_of
from zaakwerk.werkplek.access import access_for, team_names
from zaakwerk.werkplek.services.dashboard import WINDOW_DAYS, dashboard


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The front door: the dashboard's cards, who is logged in and with which roles."""
    access = access_for(request.user)
    cards = dashboard(
        request.user,
        access,
        teams=team_names(request.user),
        today=timezone.localdate(),
        now=timezone.now(),
    )
    context = {
        "roles": roles_of(request.user),
        "any_role": access.any_role,
        "cards": cards,
        "window": WINDOW_DAYS,
    }
    return render(request, "werkplek/home.html", context)
