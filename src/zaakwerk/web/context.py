"""What every page of the web applications needs: the theme and the languages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static


def web(request: HttpRequest) -> dict[str, Any]:
    return {
        "theme": {
            "organisation": settings.WEB_ORGANISATION_NAME,
            "logo_url": settings.WEB_LOGO_URL or static("zaakwerk_web/logo.svg"),
            "stylesheet": settings.WEB_THEME_STYLESHEET or static("zaakwerk_web/vendor/voorbeeld/theme.css"),
            "css_class": settings.WEB_THEME_CLASS,
        },
    }
