"""The report's filters (GET): period, zaaktype and team."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zaakwerk.rapportages.services.figures import MAX_WEEKS, Selection
from zaakwerk.werkplek.acties_forms import WerkplekForm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FilterForm(WerkplekForm):
    van = forms.DateField(label=_("Van"), required=False, widget=DATE, help_text=_("De week van deze dag."))
    tot = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=DATE,
        help_text=_("De week van deze dag; leeg: vandaag."),
    )
    zaaktype = forms.ChoiceField(label=_("Zaaktype"), required=False)
    team = forms.ChoiceField(label=_("Team"), required=False)

    def __init__(
        self,
        *args: Any,
        today: date,
        zaaktypen: list[tuple[str, str]],
        teams: list[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        default = Selection.default(today)
        self.fields["van"].initial = default.van
        self.fields["tot"].initial = today
        teams_choices = [("", _("Alle teams")), *((team, team) for team in teams)]
        self.fields["zaaktype"].choices = [("", _("Alle zaaktypen")), *zaaktypen]  # type: ignore[attr-defined]
        self.fields["team"].choices = teams_choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        default = Selection.default(self.today)
        van, tot = data.get("van") or default.van, data.get("tot") or self.today
        if "van" in data and van > self.today:
            self.add_error("van", _("Deze datum ligt in de toekomst."))
        elif "tot" in data and van > tot:
            self.add_error("tot", _("Deze datum ligt voor de datum 'van'."))
        elif (min(tot, self.today) - van) > timedelta(weeks=MAX_WEEKS):
            self.add_error("van", _("Kies een periode van hoogstens %(weken)s weken.") % {"weken": MAX_WEEKS})
        return data

    def selection(self) -> Selection:
        """The chosen selection; the default one when the form is not valid."""
        if not self.is_valid():
            return Selection.default(self.today)
        data = self.cleaned_data
        default = Selection.default(self.today)
        return Selection.of(
            data.get("van") or default.van,
            data.get("tot") or self.today,
            today=self.today,
            zaaktype=data.get("zaaktype") or "",
            team=data.get("team") or "",
        )
