from __future__ import annotations

from django.urls import URLPattern, path

from zaakwerk.beheer.views import browse, editor, formulier, lifecycle, transfer, voorbeeld, wijzigingen

app_name = "beheer"

urlpatterns: list[URLPattern] = [
    path("", browse.home, name="home"),
    path("catalogi/<uuid:uuid>/", browse.catalogus_page, name="catalogus"),
    path("catalogi/<uuid:uuid>/export/", transfer.export_catalogus, name="catalogus-export"),
    path("catalogi/<uuid:uuid>/zaaktype-toevoegen/", browse.zaaktype_toevoegen, name="zaaktype-toevoegen"),
    path("zaaktypen/<uuid:uuid>/", editor.zaaktype, name="zaaktype"),
    path("zaaktypen/<uuid:uuid>/export/", transfer.export_zaaktype, name="zaaktype-export"),
    path("zaaktypen/<uuid:uuid>/verschil/<uuid:other>/", lifecycle.verschil, name="verschil"),
    path("zaaktypen/<uuid:uuid>/statustypen/<uuid:sub>/verplaatsen/", editor.verplaatsen, name="verplaatsen"),
    path("zaaktypen/<uuid:uuid>/formulier/stappen/<slug:step>/", formulier.stap, name="formulier-stap"),
    path(
        "zaaktypen/<uuid:uuid>/formulier/stappen/<slug:step>/velden/<slug:field>/",
        formulier.veld,
        name="formulier-veld",
    ),
    path("zaaktypen/<uuid:uuid>/formulier/voorbeeld/", voorbeeld.start, name="voorbeeld"),
    path(
        "zaaktypen/<uuid:uuid>/formulier/voorbeeld/stap/<slug:step>/", voorbeeld.stap, name="voorbeeld-stap"
    ),
    path(
        "zaaktypen/<uuid:uuid>/formulier/voorbeeld/overzicht/",
        voorbeeld.overzicht,
        name="voorbeeld-overzicht",
    ),
    path(
        "zaaktypen/<uuid:uuid>/formulier/voorbeeld/verstuurd/",
        voorbeeld.verstuurd,
        name="voorbeeld-verstuurd",
    ),
    path("zaaktypen/<uuid:uuid>/<slug:tab>/", editor.tab, name="zaaktype-tab"),
    path("zaaktypen/<uuid:uuid>/<slug:tab>/<uuid:sub>/", editor.subtype, name="subtype"),
    path("import/", transfer.importeren, name="import"),
    path("wijzigingen/", wijzigingen.wijzigingen, name="wijzigingen"),
]
