from __future__ import annotations

from django.urls import URLPattern, path

from zaakwerk.rapportages import views

app_name = "rapportages"

urlpatterns: list[URLPattern] = [
    path("", views.dashboard, name="dashboard"),
    path("export/<slug:table>.<str:format>", views.export, name="export"),
]
