from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiefConfig(AppConfig):
    name = "zaakwerk.archief"
    label = "archief"
    verbose_name = "Archief"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from zaakwerk.web import navigation

        navigation.register(
            navigation.Menu(
                app="archief",
                label=_("Menu archief"),
                items=(
                    navigation.NavItem(_("Vernietigingslijsten"), "archief:lijsten"),
                    navigation.NavItem(_("Selectie vernietigen"), "archief:selectie"),
                    navigation.NavItem(_("Vernietigde zaken"), "archief:vernietigd"),
                    navigation.NavItem(_("Overbrengen"), "archief:overbrengen"),
                ),
            )
        )
