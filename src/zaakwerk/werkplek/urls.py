from __future__ import annotations

from django.urls import URLPattern, path

from zaakwerk.werkplek import acties_views, handling_views, task_views, views

app_name = "werkplek"

urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
]

# --- the zaak page, its documents, zaak aanmaken --------------------------------------------
from zaakwerk.werkplek.views import aanmaken as aanmaken_views  # noqa: E402
from zaakwerk.werkplek.views import documenten as documenten_views  # noqa: E402
from zaakwerk.werkplek.views import zaak as zaak_views  # noqa: E402

urlpatterns += [
    path("zaken/aanmaken/", aanmaken_views.aanmaken, name="zaak-aanmaken"),
    path("zaken/<uuid:uuid>/", zaak_views.zaak, name="zaak"),
    path("zaken/<uuid:uuid>/gegevens/", zaak_views.gegevens_wijzigen, name="zaak-gegevens"),
    path(
        "zaken/<uuid:uuid>/notities/toevoegen/", zaak_views.notitie_toevoegen, name="zaak-notitie-toevoegen"
    ),
    path(
        "zaken/<uuid:uuid>/documenten/toevoegen/",
        documenten_views.toevoegen,
        name="zaak-documenten-toevoegen",
    ),
    path("zaken/<uuid:uuid>/documenten/<uuid:document>/", documenten_views.document, name="zaak-document"),
    path(
        "zaken/<uuid:uuid>/documenten/<uuid:document>/download/",
        documenten_views.download,
        name="zaak-document-download",
    ),
    path(
        "zaken/<uuid:uuid>/documenten/<uuid:document>/vergrendelen/",
        documenten_views.vergrendelen,
        name="zaak-document-vergrendelen",
    ),
    path(
        "zaken/<uuid:uuid>/documenten/<uuid:document>/ontgrendelen/",
        documenten_views.ontgrendelen,
        name="zaak-document-ontgrendelen",
    ),
    path(
        "zaken/<uuid:uuid>/documenten/<uuid:document>/wijzigen/",
        documenten_views.wijzigen,
        name="zaak-document-wijzigen",
    ),
    path(
        "zaken/<uuid:uuid>/documenten/<uuid:document>/nieuwe-versie/",
        documenten_views.nieuwe_versie,
        name="zaak-document-versie",
    ),
]

# actions, handling parameters and tasks
urlpatterns += [
    path("zaken/<uuid:uuid>/acties/", acties_views.overview, name="acties"),
    path("zaken/<uuid:uuid>/acties/<str:actie>/", acties_views.actie, name="actie"),
    path("zaken/<uuid:uuid>/taken/", task_views.zaak_tasks, name="zaak-taken"),
    path("taken/", task_views.my_tasks, name="mijn-taken"),
    path("taken/werkvoorraad/", task_views.werkvoorraad, name="taken-werkvoorraad"),
    path("taken/<int:pk>/", task_views.task, name="taak"),
    path("behandelparameters/", handling_views.overview, name="behandelparameters"),
    path("behandelparameters/<str:identificatie>/", handling_views.edit, name="behandelparameters-zaaktype"),
]
