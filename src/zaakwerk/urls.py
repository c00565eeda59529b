"""URL layout as Open Zaak's, so clients can switch without changes: ``/<api>/api/v1``."""

from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from zaakwerk.api.factory import api_urls
from zaakwerk.autorisaties.api import api as autorisaties_api
from zaakwerk.besluiten.api import api as besluiten_api
from zaakwerk.catalogi.api import api as catalogi_api
from zaakwerk.documenten.api import api as documenten_api
from zaakwerk.notificaties.api import api as notificaties_api
from zaakwerk.notificaties.delivery.metrics import health_view as notificaties_health
from zaakwerk.notificaties.delivery.metrics import metrics_view
from zaakwerk.referentielijsten.api import api as referentielijsten_api
from zaakwerk.views import health, home
from zaakwerk.web.urls import staff_urls
from zaakwerk.zaken.api import api as zaken_api

urlpatterns: list[URLPattern | URLResolver] = [
    path("", home, name="home"),
    path("healthz", health, name="health"),
    path("healthz/notificaties", notificaties_health, name="health-notificaties"),
    path("metrics", metrics_view, name="metrics"),
    path("admin/", admin.site.urls),
    *api_urls("catalogi", catalogi_api),
    *api_urls("autorisaties", autorisaties_api),
    *api_urls("referentielijsten", referentielijsten_api),
    *api_urls("zaken", zaken_api),
    *api_urls("besluiten", besluiten_api),
    *api_urls("documenten", documenten_api),
    *api_urls("notificaties", notificaties_api),
    # the web applications (ADR 0043)
    path("i18n/", include("django.conf.urls.i18n")),
    path("medewerker/", include(staff_urls())),
    path("werkplek/", include("zaakwerk.werkplek.urls")),
    path("rapportages/", include("zaakwerk.rapportages.urls")),
    path("loket/formulieren/", include("zaakwerk.formulieren.urls")),
    path("loket/", include("zaakwerk.loket.urls")),
    path("archief/", include("zaakwerk.archief.urls")),
    path("beheer/", include("zaakwerk.beheer.urls")),
]
