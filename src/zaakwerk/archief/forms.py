"""The archief's forms: they parse and say what is wrong; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from zaakwerk.archief.roles import ArchiefRole, display_name, users_with
from zaakwerk.archief.services.selection import Filters, Kind, Options


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class FilterForm(forms.Form):
    zaaktype = forms.ChoiceField(label=_("Zaaktype"), required=False)
    van = forms.DateField(label=_("Archiefactiedatum vanaf"), required=False, widget=DateInput())
    tot = forms.DateField(
        label=_("Archiefactiedatum tot en met"),
        required=False,
        widget=DateInput(),
        help_text=_("Leeg: tot en met vandaag."),
    )
    resultaattype = forms.ChoiceField(label=_("Resultaat"), required=False)
    selectielijstklasse = forms.ChoiceField(label=_("Selectielijstklasse"), required=False)

    def __init__(self, *args: Any, options: Options, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = [("", _("Alle"))]
        self.fields["zaaktype"].choices = every + [(o.value, o.label) for o in options.zaaktypen]  # type: ignore[attr-defined]
        self.fields["resultaattype"].choices = every + [(o.value, o.label) for o in options.resultaattypen]  # type: ignore[attr-defined]
        self.fields["selectielijstklasse"].choices = every + [  # type: ignore[attr-defined]
            (o.value, o.label) for o in options.selectielijstklassen
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        return data

    def filters(self, kind: Kind) -> Filters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return Filters(
            kind=kind,
            zaaktype=data.get("zaaktype") or "",
            van=data.get("van"),
            tot=data.get("tot"),
            resultaattype=data.get("resultaattype") or "",
            selectielijstklasse=data.get("selectielijstklasse") or "",
        )


class ComposeForm(forms.Form):
    naam = forms.CharField(label=_("Naam van de lijst"), max_length=200)
    alles = forms.BooleanField(
        label=_("Alle zaken van deze selectie, ook die niet getoond worden"), required=False
    )


class PackageForm(forms.Form):
    naam = forms.CharField(label=_("Naam van het pakket"), max_length=200)


class ExcludeForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    reden = forms.CharField(label=_("Reden"), max_length=1000)


class ReviewerChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        return f"{display_name(obj)} ({obj.get_username()})"


class SubmitForm(forms.Form):
    reviewer = ReviewerChoice(
        label=_("Beoordelaar"), queryset=User.objects.none(), empty_label=_("Kies een beoordelaar")
    )

    def __init__(self, *args: Any, composer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = users_with(ArchiefRole.REVIEWER).exclude(pk=composer.pk)  # type: ignore[attr-defined]


class JudgeForm(forms.Form):
    opmerking = forms.CharField(
        label=_("Opmerking bij de lijst"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReceiptForm(forms.Form):
    """The e-Depot's confirmation of receipt of a transfer package."""

    ontvangen_op = forms.DateField(label=_("Ontvangen door het e-Depot op"), widget=DateInput())
    kenmerk = forms.CharField(
        label=_("Kenmerk van de ontvangstbevestiging"),
        max_length=200,
        help_text=_("Het kenmerk dat het e-Depot bij de bevestiging van de ontvangst gaf."),
    )
