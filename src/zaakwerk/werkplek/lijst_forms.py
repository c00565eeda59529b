"""The forms of the work lists: filter, sort, columns and page size (GET), saving a search, and
the coördinator's bulk toekennen/vrijgeven (POST)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zaakwerk.web.widgets import ListSelect
from zaakwerk.werkplek.acties_forms import Choices, WerkplekForm
from zaakwerk.werkplek.read_model.queries import NOBODY, PAGE_SIZES, Filters
from zaakwerk.werkplek.services.bulk import Wat

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date(label: Any) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=DATE)


class FilterForm(WerkplekForm):
    tekst = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=200,
        help_text=_("Identificatie, omschrijving of initiator (naam, BSN of KVK-nummer)."),
    )
    zaaktype = forms.ChoiceField(label=_("Zaaktype"), required=False, widget=ListSelect)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=ListSelect)
    behandelaar = forms.ChoiceField(label=_("Behandelaar"), required=False, widget=ListSelect)
    team = forms.ChoiceField(label=_("Team"), required=False, widget=ListSelect)
    start_van = _date(_("Startdatum vanaf"))
    start_tot = _date(_("Startdatum tot en met"))
    fataal_van = _date(_("Fatale datum vanaf"))
    fataal_tot = _date(_("Fatale datum tot en met"))
    eind_van = _date(_("Einddatum vanaf"))
    eind_tot = _date(_("Einddatum tot en met"))
    te_laat = forms.BooleanField(label=_("Alleen zaken over de streef- of fatale datum"), required=False)
    sorteer = forms.ChoiceField(label=_("Sorteren op"), required=False, widget=ListSelect)
    per_pagina = forms.TypedChoiceField(
        label=_("Zaken per pagina"),
        required=False,
        coerce=int,
        widget=ListSelect,
        choices=[("", _("(standaard: 25)")), *[(str(size), str(size)) for size in PAGE_SIZES]],
    )
    kolommen = forms.MultipleChoiceField(label=_("Kolommen"), required=False)

    def __init__(
        self,
        *args: Any,
        zaaktypen: Choices,
        statussen: list[str],
        behandelaars: Choices,
        teams: list[str],
        sorts: Choices,
        columns: Choices,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        anything = ("", _("(alle)"))
        self.fields["zaaktype"].choices = [anything, *zaaktypen]  # type: ignore[attr-defined]
        self.fields["status"].choices = [anything, *[(name, name) for name in statussen]]  # type: ignore[attr-defined]
        self.fields["behandelaar"].choices = [anything, (NOBODY, _("(niemand)")), *behandelaars]  # type: ignore[attr-defined]
        self.fields["team"].choices = [anything, (NOBODY, _("(geen team)")), *[(t, t) for t in teams]]  # type: ignore[attr-defined]
        self.fields["sorteer"].choices = [("", _("(standaard)")), *sorts]  # type: ignore[attr-defined]
        self.fields["kolommen"].choices = columns  # type: ignore[attr-defined]
        # a value from a saved search or a link that the catalogue no longer offers (an older
        # zaaktype's status, a team since renamed) still filters, and the list shows it chosen
        for name in ("zaaktype", "status", "behandelaar", "team"):
            value = str(self.data.get(name, "")) if self.is_bound else ""
            field = self.fields[name]
            if value and len(value) <= 254 and value not in {key for key, _ in field.choices}:  # type: ignore[attr-defined]
                field.choices = [*field.choices, (value, value)]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for low, high in (("start_van", "start_tot"), ("fataal_van", "fataal_tot"), ("eind_van", "eind_tot")):
            if data.get(low) and data.get(high) and data[low] > data[high]:
                self.add_error(high, _("Deze datum ligt voor de datum 'vanaf'."))
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data if self.is_valid() else {}
        return Filters(
            zaaktype=data.get("zaaktype") or "",
            status=data.get("status") or "",
            behandelaar=data.get("behandelaar") or "",
            team=data.get("team") or "",
            start_van=data.get("start_van"),
            start_tot=data.get("start_tot"),
            fataal_van=data.get("fataal_van"),
            fataal_tot=data.get("fataal_tot"),
            eind_van=data.get("eind_van"),
            eind_tot=data.get("eind_tot"),
            te_laat=bool(data.get("te_laat")),
            tekst=data.get("tekst") or "",
        )


class SaveSearchForm(WerkplekForm):
    naam = forms.CharField(label=_("Naam van de zoekopdracht"), max_length=80)


class BulkForm(WerkplekForm):
    wat = forms.ChoiceField(
        label=_("Wat wil je doen met de gekozen zaken?"),
        widget=ListSelect,
        choices=[
            (Wat.TEAM.value, _("Toekennen aan een team")),
            (Wat.MEDEWERKER.value, _("Toekennen aan een behandelaar")),
            (Wat.VRIJGEVEN.value, _("Vrijgeven (terug naar de werkvoorraad)")),
        ],
    )
    team = forms.ChoiceField(label=_("Team"), required=False, widget=ListSelect)
    medewerker = forms.ChoiceField(label=_("Behandelaar"), required=False, widget=ListSelect)
    toelichting = forms.CharField(
        label=_("Reden"),
        max_length=1000,
        help_text=_("Komt in de geschiedenis van elke zaak."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, teams: list[str], medewerkers: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", _("(kies een team)")), *[(t, t) for t in teams]]  # type: ignore[attr-defined]
        self.fields["medewerker"].choices = [("", _("(kies een behandelaar)")), *medewerkers]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("wat") == Wat.TEAM and not data.get("team"):
            self.add_error("team", _("Kies het team."))
        if data.get("wat") == Wat.MEDEWERKER and not data.get("medewerker"):
            self.add_error("medewerker", _("Kies de behandelaar."))
        return data
