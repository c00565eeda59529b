from __future__ import annotations

from django.urls import URLPattern, path

from zaakwerk.werkplek import acties_views, handling_views, task_views, views

app_name = "werkplek"

urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
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
