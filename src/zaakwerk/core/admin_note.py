"""A line under each admin page's heading, e.g. that the register's pages are read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse


class NoteAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Shows ``note`` as the list and detail pages' subtitle (the admin escapes it)."""

    note = ""

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        return super().changelist_view(request, {"subtitle": self.note, **(extra_context or {})})

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        return super().change_view(
            request, object_id, form_url, {"subtitle": self.note, **(extra_context or {})}
        )
