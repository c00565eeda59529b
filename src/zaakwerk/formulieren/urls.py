"""The forms in the loket: ``/loket/formulieren/`` (namespace ``formulieren``)."""

from django.urls import path

from zaakwerk.formulieren import views

app_name = "formulieren"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<slug:slug>/", views.start, name="start"),
    path("<slug:slug>/<uuid:draft>/stap/<slug:step>/", views.stap, name="stap"),
    path("<slug:slug>/<uuid:draft>/overzicht/", views.overzicht, name="overzicht"),
    path("<slug:slug>/<uuid:draft>/opgeslagen/", views.opgeslagen, name="opgeslagen"),
    path("<slug:slug>/<uuid:draft>/bevestiging/", views.bevestiging, name="bevestiging"),
]
