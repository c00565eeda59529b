from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "zaakwerk.notificaties"
    label = "notificaties"
    verbose_name = "Notificaties"
