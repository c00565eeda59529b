"""The interface language: the one the user chose, else Dutch (ADR 0044)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without the browser's ``Accept-Language``.

    Staff of a Dutch municipality work in Dutch, whatever language their browser was installed
    in; the language switcher stores another choice in the language cookie, which is honoured.
    API clients send no such cookie, so the registers keep answering in Dutch.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
