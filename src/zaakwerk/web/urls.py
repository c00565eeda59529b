"""The shared staff pages: login and logout (``/medewerker/``), and the OIDC flow."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

from zaakwerk.web.auth import oidc
from zaakwerk.web.auth.views import LoginView, LogoutView

app_name = "zaakwerk_web"

urlpatterns: list[URLPattern | URLResolver] = [
    path("inloggen/", LoginView.as_view(), name="login"),
    path("uitloggen/", LogoutView.as_view(), name="logout"),
]

# mozilla-django-oidc reverses these names without a namespace
oidc_urlpatterns: list[URLPattern | URLResolver] = [
    path("oidc/authenticate/", oidc.start, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.callback, name="oidc_authentication_callback"),
]


def staff_urls() -> list[URLPattern | URLResolver]:
    """What the project's URLconf mounts under ``/medewerker/``."""
    return [path("", include((urlpatterns, app_name))), *oidc_urlpatterns]
