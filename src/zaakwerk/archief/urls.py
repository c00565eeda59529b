from __future__ import annotations

from django.urls import URLPattern, path

from zaakwerk.archief import transfer_views, views

app_name = "archief"

urlpatterns: list[URLPattern] = [
    path("", views.overview, name="lijsten"),
    path("selectie/", views.selectie, name="selectie"),
    path("lijsten/<uuid:uuid>/", views.lijst, name="lijst"),
    path("lijsten/<uuid:uuid>/verklaring/", views.verklaring, name="verklaring"),
    path("vernietigd/", views.vernietigd, name="vernietigd"),
    path("overbrengen/", transfer_views.overbrengen, name="overbrengen"),
    path("overbrengen/<uuid:uuid>/", transfer_views.download, name="pakket"),
    path("overbrengen/pakketten/<uuid:uuid>/", transfer_views.pakket, name="pakketpagina"),
]
