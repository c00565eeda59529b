from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WerkplekConfig(AppConfig):
    name = "zaakwerk.werkplek"
    label = "werkplek"
    verbose_name = "Werkplek"

    def ready(self) -> None:
        from zaakwerk.web import navigation

        navigation.register(
            navigation.Menu(
                app="werkplek",
                label=_("Menu werkplek"),
                items=(
                    navigation.NavItem(_("Start"), "werkplek:home"),
                    navigation.NavItem(_("Zaken-werkvoorraad"), "werkplek:zaken-werkvoorraad"),
                    navigation.NavItem(_("Mijn zaken"), "werkplek:zaken-mijn"),
                    navigation.NavItem(_("Afgehandelde zaken"), "werkplek:zaken-afgehandeld"),
                    navigation.NavItem(_("Zaken zoeken"), "werkplek:zaken-alle"),
                    navigation.NavItem(_("Zaak aanmaken"), "werkplek:zaak-aanmaken"),
                    navigation.NavItem(_("Mijn taken"), "werkplek:mijn-taken"),
                    navigation.NavItem(_("Taken-werkvoorraad"), "werkplek:taken-werkvoorraad"),
                    navigation.NavItem(_("Behandelparameters"), "werkplek:behandelparameters"),
                ),
            )
        )
