from __future__ import annotations

from django.urls import URLPattern, path

from zaakwerk.werkplek import views

app_name = "werkplek"

urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
]
