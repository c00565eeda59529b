from django.apps import AppConfig


class FormulierenConfig(AppConfig):
    name = "zaakwerk.formulieren"
    label = "formulieren"
    verbose_name = "Formulieren"
    default_auto_field = "django.db.models.BigAutoField"
