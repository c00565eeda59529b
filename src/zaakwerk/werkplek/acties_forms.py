"""The forms of the action pages. They check the input's shape; the rules are the services'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zaakwerk.werkplek.tasks import kinds

Choices = list[tuple[str, str]]


class WerkplekForm(forms.Form):
    """A form whose required fields say so with ``aria-required`` rather than ``required``: the
    forms are ``novalidate`` (the server's messages are shown), and the NL Design System marks a
    ``required`` textarea invalid before anything was typed."""

    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mark_required()

    def mark_required(self) -> None:
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["aria-required"] = "true"


class StatusForm(WerkplekForm):
    statustype = forms.ChoiceField(label=_("Nieuwe status"))
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, statustypen: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["statustype"].choices = statustypen  # type: ignore[attr-defined]


class ReasonForm(WerkplekForm):
    """One reason, required or not (opschorten, hervatten, vrijgeven, heropenen)."""

    reden = forms.CharField(label=_("Reden"), max_length=200, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, required: bool = True, label: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reden"].required = required
        if not required:
            self.fields["reden"].widget.attrs.pop("aria-required", None)
        if label is not None:
            self.fields["reden"].label = label


class VerlengenForm(WerkplekForm):
    dagen = forms.IntegerField(label=_("Verlenging in dagen"), min_value=1, max_value=3650)
    reden = forms.CharField(label=_("Reden"), max_length=200, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, maximum: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dagen"].help_text = _("Ten hoogste %(max)d dagen.") % {"max": maximum}


class ToekennenForm(WerkplekForm):
    team = forms.ChoiceField(label=_("Team"), required=False)
    medewerker = forms.ChoiceField(label=_("Behandelaar"), required=False)
    toelichting = forms.CharField(label=_("Reden"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, teams: Choices, medewerkers: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", _("(niet wijzigen)")), *teams]  # type: ignore[attr-defined]
        self.fields["medewerker"].choices = [("", _("(niet wijzigen)")), *medewerkers]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("team") and not data.get("medewerker"):
            raise forms.ValidationError(_("Kies een team, een behandelaar of beide."))
        return data


class AfsluitenForm(WerkplekForm):
    resultaattype = forms.ChoiceField(label=_("Resultaat"))
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, resultaattypen: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resultaattype"].choices = resultaattypen  # type: ignore[attr-defined]


class BesluitForm(WerkplekForm):
    besluittype = forms.ChoiceField(label=_("Soort besluit"))
    datum = forms.DateField(label=_("Datum van het besluit"), widget=forms.DateInput(attrs={"type": "date"}))
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), widget=forms.DateInput(attrs={"type": "date"}))
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    document = forms.FileField(label=_("Besluitdocument"))

    def __init__(self, *args: Any, besluittypen: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["besluittype"].choices = besluittypen  # type: ignore[attr-defined]


class EmailForm(WerkplekForm):
    sjabloon = forms.ChoiceField(label=_("Sjabloon"))

    def __init__(self, *args: Any, sjablonen: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sjabloon"].choices = sjablonen  # type: ignore[attr-defined]


class TaakForm(WerkplekForm):
    kind = forms.ChoiceField(label=_("Soort taak"))
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    medewerker = forms.ChoiceField(label=_("Medewerker"), required=False)
    team = forms.ChoiceField(label=_("Team"), required=False)
    due_date = forms.DateField(
        label=_("Uiterste datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, teams: Choices, medewerkers: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds()  # type: ignore[attr-defined]
        self.fields["team"].choices = [("", _("(geen)")), *teams]  # type: ignore[attr-defined]
        self.fields["medewerker"].choices = [("", _("(geen)")), *medewerkers]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("team") and not data.get("medewerker"):
            raise forms.ValidationError(_("Kies een medewerker of een team voor de taak."))
        return data


class CompleteTaskForm(WerkplekForm):
    outcome = forms.ChoiceField(label=_("Uitkomst"))
    outcome_text = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, outcomes: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = outcomes  # type: ignore[attr-defined]


class CommentForm(WerkplekForm):
    text = forms.CharField(label=_("Opmerking"), widget=forms.Textarea(attrs={"rows": 3}))
