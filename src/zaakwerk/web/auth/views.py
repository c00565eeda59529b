"""The staff login and logout pages, shared by the staff applications."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.translation import gettext as _


class LoginView(auth_views.LoginView):
    """Local accounts (unless switched off) and, when configured, a button to the OIDC provider."""

    template_name = "zaakwerk_web/login.html"
    form_class = AuthenticationForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.LOCAL_LOGIN:
            return HttpResponseNotAllowed(["GET"])
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            local_login=settings.LOCAL_LOGIN,
            oidc_enabled=settings.OIDC_ENABLED,
            oidc_provider=settings.OIDC_PROVIDER_NAME,
            oidc_failed=self.request.GET.get("fout") == "oidc",
        )
        return context


class LogoutView(auth_views.LogoutView):
    """Logs out (POST only, as Django requires) and says so on the login page."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        was_logged_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_logged_in:
            messages.success(request, _("Je bent uitgelogd."))
        return response
