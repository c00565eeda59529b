from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "zaakwerk.documenten"
    label = "documenten"
    verbose_name = "Documenten"
