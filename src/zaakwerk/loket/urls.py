"""The loket at ``/loket/``: its start, the login, Mijn zaken and "Wie heeft mijn gegevens
bekeken". The forms are served by ``zaakwerk.formulieren`` under ``/loket/formulieren/``."""

from __future__ import annotations

from django.urls import URLPattern, path

from zaakwerk.loket.views import home, inloggen, zaken

app_name = "loket"

urlpatterns: list[URLPattern] = [
    path("", home.home, name="home"),
    path("inloggen/", inloggen.inloggen, name="inloggen"),
    path("inloggen/terug/", inloggen.oidc_terug, name="oidc-terug"),
    path("inloggen/<slug:means>/", inloggen.oidc_start, name="oidc-start"),
    path("uitloggen/", inloggen.uitloggen, name="uitloggen"),
    path("mijn-zaken/", zaken.mijn_zaken, name="mijn-zaken"),
    path("mijn-zaken/<uuid:uuid>/", zaken.zaak, name="zaak"),
    path("mijn-zaken/<uuid:uuid>/documenten/toevoegen/", zaken.toevoegen, name="zaak-toevoegen"),
    path("mijn-zaken/<uuid:uuid>/documenten/<uuid:document>/", zaken.download, name="zaak-download"),
    path("mijn-gegevens/", zaken.mijn_gegevens, name="mijn-gegevens"),
]
