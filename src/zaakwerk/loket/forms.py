"""The loket's forms: the development login and adding a document."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zaakwerk.loket.services.oidc import valid_bsn, valid_kvk, valid_vestigingsnummer


class DevLoginForm(forms.Form):
    nummer = forms.CharField(
        label=_("BSN of KVK-nummer"),
        help_text=_("Negen cijfers voor een inwoner (BSN), acht cijfers voor een bedrijf (KVK-nummer)."),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    vestigingsnummer = forms.CharField(
        label=_("Vestigingsnummer (alleen voor een bedrijf, mag leeg)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_nummer(self) -> str:
        value = "".join(str(self.cleaned_data["nummer"]).split())
        if len(value) == 9:
            if not valid_bsn(value):
                raise forms.ValidationError(_("Dit is geen geldig BSN: het klopt niet met de elfproef."))
        elif not valid_kvk(value):
            raise forms.ValidationError(
                _("Vul een BSN van negen cijfers of een KVK-nummer van acht cijfers in.")
            )
        return value

    def clean_vestigingsnummer(self) -> str:
        value = "".join(str(self.cleaned_data["vestigingsnummer"]).split())
        if value and not valid_vestigingsnummer(value):
            raise forms.ValidationError(_("Een vestigingsnummer heeft twaalf cijfers."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if len(data.get("nummer", "")) == 9 and data.get("vestigingsnummer"):
            self.add_error(
                "vestigingsnummer", _("Een vestigingsnummer hoort bij een KVK-nummer, niet bij een BSN.")
            )
        return data


class UploadForm(forms.Form):
    bestand = forms.FileField(label=_("Bestand"))
    titel = forms.CharField(
        label=_("Titel"), help_text=_("Leeg: de naam van het bestand."), required=False, max_length=200
    )
