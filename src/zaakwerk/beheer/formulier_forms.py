"""The forms of the Formulier tab: the loket form's settings, a step, a field (with the options of
its type) and the rules. Each turns what was entered into the definition's JSON (docs/formulieren.md);
the definition's own check decides what is valid."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zaakwerk.werkplek.acties_forms import WerkplekForm

KEY_HELP = _("Kleine letters, cijfers en _; begint met een letter. Regels en sjablonen noemen het veld zo.")
FIELD_TYPES = [
    ("text", _("tekst (één regel)")),
    ("textarea", _("tekst (meer regels)")),
    ("number", _("getal")),
    ("date", _("datum")),
    ("email", _("e-mailadres")),
    ("phone", _("telefoonnummer")),
    ("postcode", _("adres (postcode en huisnummer)")),
    ("choice", _("keuze uit opties")),
    ("checkbox", _("vinkje")),
    ("file", _("bestand")),
    ("bsn", _("BSN (van de DigiD-login)")),
    ("kvk", _("KVK-nummer (van de eHerkenning-login)")),
    ("location", _("locatie (coördinaten)")),
]
LOGINS = [("bsn", _("DigiD (burgers)")), ("kvk", _("eHerkenning (bedrijven)"))]
FILE_TYPES = [("application/pdf", "PDF"), ("image/png", "PNG"), ("image/jpeg", "JPEG")]
#: the type-specific options, per field type
TYPE_OPTIONS: dict[str, tuple[str, ...]] = {
    "text": ("min_length", "max_length", "pattern", "pattern_message"),
    "textarea": ("min_length", "max_length", "pattern", "pattern_message"),
    "number": ("min", "max", "decimals"),
    "date": ("min_date", "max_date"),
    "choice": ("options",),
    "file": ("max_size", "accept", "informatieobjecttype"),
    "postcode": ("zaakobject",),
    "location": ("zaakobject",),
}
NO_EIGENSCHAP = ("file",)


def _json_field(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "zw-code", "spellcheck": "false"}),
        help_text=help_text,
    )


def parse_json(form: forms.Form, name: str) -> Any:
    """The JSON in field ``name`` (None when empty); a form error when it is no JSON."""
    text = str(form.cleaned_data.get(name) or "").strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        form.add_error(name, _("Dit is geen geldige JSON: %(fout)s") % {"fout": exc.msg})
        return None


def as_json_text(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, indent=2)


class NieuwFormulierForm(WerkplekForm):
    slug = forms.SlugField(
        label=_("Adres van het formulier"),
        max_length=80,
        help_text=_("Het deel van de link na /loket/formulieren/, bijvoorbeeld parkeervergunning."),
    )
    titel = forms.CharField(label=_("Titel"), max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "nieuw")
        super().__init__(*args, **kwargs)


class InstellingenForm(WerkplekForm):
    titel = forms.CharField(label=_("Titel"), max_length=200)
    inleiding = forms.CharField(
        label=_("Inleiding"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    login = forms.MultipleChoiceField(
        label=_("Inloggen met"),
        choices=LOGINS,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 2}),
        help_text=_("Niets gekozen: iedereen mag het formulier invullen, ook zonder in te loggen."),
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving van de zaak"),
        required=False,
        max_length=400,
        help_text=_("Met {{ veld }} voor de waarde van een veld."),
    )
    toelichting = forms.CharField(label=_("Toelichting bij de zaak"), required=False, max_length=1000)
    documenttype = forms.ChoiceField(label=_("Documenttype van de PDF met de antwoorden"), required=False)
    contact_naam = forms.ChoiceField(label=_("Veld met de naam van de aanvrager"), required=False)
    contact_emailadres = forms.ChoiceField(label=_("Veld met het e-mailadres"), required=False)
    contact_telefoonnummer = forms.ChoiceField(label=_("Veld met het telefoonnummer"), required=False)
    bevestiging_onderwerp = forms.CharField(
        label=_("Onderwerp van de bevestigingsmail"), required=False, max_length=200
    )
    bevestiging_tekst = forms.CharField(
        label=_("Tekst van de bevestigingsmail"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Met {{ veld }}, {{ identificatie }}, {{ referentie }} en {{ formulier }}."),
    )

    def __init__(self, *args: Any, field_keys: list[str], documenttypen: list[str], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "instellingen")
        super().__init__(*args, **kwargs)
        keys = [("", "—"), *((key, key) for key in field_keys)]
        for name in ("contact_naam", "contact_emailadres", "contact_telefoonnummer"):
            self.fields[name].choices = keys  # type: ignore[attr-defined]
        self.fields["documenttype"].choices = [("", "—"), *((name, name) for name in documenttypen)]  # type: ignore[attr-defined]

    @staticmethod
    def initial_from(data: dict[str, Any]) -> dict[str, Any]:
        contact = data.get("contact") or {}
        bevestiging = data.get("bevestiging") or {}
        return {
            **{
                name: data.get(name, "")
                for name in ("titel", "inleiding", "omschrijving", "toelichting", "documenttype")
            },
            "login": data.get("login", []),
            **{f"contact_{role}": contact.get(role, "") for role in ("naam", "emailadres", "telefoonnummer")},
            "bevestiging_onderwerp": bevestiging.get("onderwerp", ""),
            "bevestiging_tekst": bevestiging.get("tekst", ""),
        }

    def settings(self) -> dict[str, Any]:
        data = self.cleaned_data
        contact = {
            role: data[f"contact_{role}"]
            for role in ("naam", "emailadres", "telefoonnummer")
            if data.get(f"contact_{role}")
        }
        bevestiging = (
            {"onderwerp": data["bevestiging_onderwerp"], "tekst": data["bevestiging_tekst"]}
            if data.get("bevestiging_onderwerp") or data.get("bevestiging_tekst")
            else None
        )
        return {
            **{
                name: data.get(name, "")
                for name in ("titel", "inleiding", "omschrijving", "toelichting", "documenttype")
            },
            "login": list(data.get("login") or []),
            "contact": contact,
            "bevestiging": bevestiging,
        }

    #: the definition's place of a problem → the field it is shown at
    PLACES = {
        "titel": "titel",
        "inleiding": "inleiding",
        "login": "login",
        "omschrijving": "omschrijving",
        "toelichting": "toelichting",
        "documenttype": "documenttype",
        "contact.naam": "contact_naam",
        "contact.emailadres": "contact_emailadres",
        "contact.telefoonnummer": "contact_telefoonnummer",
        "bevestiging.onderwerp": "bevestiging_onderwerp",
        "bevestiging.tekst": "bevestiging_tekst",
        "bevestiging": "bevestiging_tekst",
    }


class StapForm(WerkplekForm):
    key = forms.RegexField(label=_("Sleutel"), regex=r"^[a-z][a-z0-9_]{0,39}$", help_text=KEY_HELP)
    titel = forms.CharField(label=_("Titel"), max_length=200)
    inleiding = forms.CharField(
        label=_("Inleiding"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    show_if = _json_field(
        _("Alleen tonen als (regel, JSON)"),
        _('Leeg: altijd tonen. Bijvoorbeeld {"==": [{"var": "categorie"}, "verlichting"]}.'),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "stap")
        super().__init__(*args, **kwargs)

    @staticmethod
    def initial_from(step: dict[str, Any]) -> dict[str, Any]:
        return {
            "key": step.get("key"),
            "titel": step.get("titel"),
            "inleiding": step.get("inleiding", ""),
            "show_if": as_json_text(step.get("show_if")),
        }

    def values(self) -> dict[str, Any] | None:
        """The step's settings; None when the condition is no JSON (then the form has an error)."""
        show_if = parse_json(self, "show_if")
        if self.errors:
            return None
        data = self.cleaned_data
        return {
            "key": data["key"],
            "titel": data["titel"],
            "inleiding": data["inleiding"],
            "show_if": show_if,
        }


class NieuweStapForm(WerkplekForm):
    key = forms.RegexField(
        label=_("Sleutel van de stap"), regex=r"^[a-z][a-z0-9_]{0,39}$", help_text=KEY_HELP
    )
    titel = forms.CharField(label=_("Titel van de stap"), max_length=200)
    veld_key = forms.RegexField(
        label=_("Sleutel van het eerste veld"), regex=r"^[a-z][a-z0-9_]{0,39}$", help_text=KEY_HELP
    )
    veld_label = forms.CharField(label=_("Vraag van het eerste veld"), max_length=200)
    veld_type = forms.ChoiceField(label=_("Soort van het eerste veld"), choices=FIELD_TYPES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "nieuwestap")
        super().__init__(*args, **kwargs)

    def step(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "key": data["key"],
            "titel": data["titel"],
            "fields": [starter_field(data["veld_key"], data["veld_type"], data["veld_label"])],
        }


def starter_field(key: str, kind: str, label: str) -> dict[str, Any]:
    """A new field of ``kind``; a choice gets two options to change, as it needs some."""
    item: dict[str, Any] = {"key": key, "type": kind, "label": label}
    if kind == "choice":
        item["options"] = [{"value": "ja", "label": "Ja"}, {"value": "nee", "label": "Nee"}]
    return item


class NieuwVeldForm(WerkplekForm):
    key = forms.RegexField(label=_("Sleutel"), regex=r"^[a-z][a-z0-9_]{0,39}$", help_text=KEY_HELP)
    label = forms.CharField(label=_("Vraag"), max_length=200)
    type = forms.ChoiceField(label=_("Soort veld"), choices=FIELD_TYPES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "nieuwveld")
        super().__init__(*args, **kwargs)

    def item(self) -> dict[str, Any]:
        data = self.cleaned_data
        return starter_field(data["key"], data["type"], data["label"])


class VeldForm(WerkplekForm):
    """A field with the options of its type (``kind``): changing the type shows the new type's
    options after saving."""

    key = forms.RegexField(label=_("Sleutel"), regex=r"^[a-z][a-z0-9_]{0,39}$", help_text=KEY_HELP)
    type = forms.ChoiceField(
        label=_("Soort veld"),
        choices=FIELD_TYPES,
        help_text=_("Na het wijzigen van de soort verschijnen de opties van de nieuwe soort."),
    )
    label = forms.CharField(label=_("Vraag"), max_length=200)
    help = forms.CharField(label=_("Uitleg bij de vraag"), required=False, max_length=1000)
    required = forms.BooleanField(label=_("Verplicht"), required=False)
    show_if = _json_field(
        _("Alleen tonen als (regel, JSON)"),
        _('Leeg: altijd tonen. Bijvoorbeeld {"not": {"empty": {"var": "email"}}}.'),
    )
    eigenschap = forms.ChoiceField(
        label=_("Eigenschap van de zaak"), required=False, help_text=_("De waarde wordt deze zaakeigenschap.")
    )
    min_length = forms.IntegerField(label=_("Minimale lengte"), required=False, min_value=0)
    max_length = forms.IntegerField(label=_("Maximale lengte"), required=False, min_value=1, max_value=10000)
    pattern = forms.CharField(
        label=_("Patroon (reguliere expressie)"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld [0-9]{4}."),
    )
    pattern_message = forms.CharField(
        label=_("Melding als het patroon niet past"), required=False, max_length=200
    )
    min = forms.FloatField(label=_("Minimum"), required=False)
    max = forms.FloatField(label=_("Maximum"), required=False)
    decimals = forms.IntegerField(label=_("Decimalen"), required=False, min_value=0, max_value=6)
    min_date = forms.CharField(
        label=_("Vroegste datum"), required=False, help_text=_("jjjj-mm-dd, of today voor vandaag.")
    )
    max_date = forms.CharField(
        label=_("Laatste datum"), required=False, help_text=_("jjjj-mm-dd, of today voor vandaag.")
    )
    options = forms.CharField(
        label=_("Opties"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén per regel: waarde=tekst, bijvoorbeeld verlichting=Straatverlichting."),
    )
    max_size = forms.IntegerField(label=_("Grootste bestand (bytes)"), required=False, min_value=1)
    accept = forms.MultipleChoiceField(
        label=_("Toegestane bestanden"),
        choices=FILE_TYPES,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 3}),
    )
    informatieobjecttype = forms.ChoiceField(label=_("Documenttype"), required=False)
    zaakobject = forms.CharField(
        label=_("Ook als zaakobject, met relatieomschrijving"),
        required=False,
        max_length=80,
        help_text=_("Leeg: geen zaakobject."),
    )

    def __init__(
        self, *args: Any, kind: str, eigenschappen: list[str], documenttypen: list[str], **kwargs: Any
    ) -> None:
        kwargs.setdefault("prefix", "veld")
        super().__init__(*args, **kwargs)
        self.kind = kind
        shown = set(TYPE_OPTIONS.get(kind, ()))
        for names in TYPE_OPTIONS.values():
            for name in names:
                if name not in shown:
                    self.fields.pop(name, None)
        if kind in NO_EIGENSCHAP:
            self.fields.pop("eigenschap")
        else:
            current = str(self.initial.get("eigenschap") or "")
            choices = [("", "—"), *((name, name) for name in eigenschappen)]
            if current and current not in eigenschappen:
                choices.append((current, current))
            self.fields["eigenschap"].choices = choices  # type: ignore[attr-defined]
        if "informatieobjecttype" in self.fields:
            self.fields["informatieobjecttype"].choices = [  # type: ignore[attr-defined]
                ("", "—"),
                *((name, name) for name in documenttypen),
            ]

    @staticmethod
    def initial_from(item: dict[str, Any]) -> dict[str, Any]:
        found = {key: value for key, value in item.items() if key not in ("options", "zaakobject", "show_if")}
        found["show_if"] = as_json_text(item.get("show_if"))
        found["options"] = "\n".join(
            f"{option['value']}={option['label']}" for option in item.get("options", [])
        )
        found["zaakobject"] = (item.get("zaakobject") or {}).get("relatieomschrijving", "")
        return found

    def clean_options(self) -> list[dict[str, str]]:
        options = []
        for line in str(self.cleaned_data.get("options") or "").splitlines():
            if not line.strip():
                continue
            value, sep, label = line.partition("=")
            if not sep or not value.strip() or not label.strip():
                raise forms.ValidationError(
                    _("Elke regel is waarde=tekst; deze niet: %(regel)s") % {"regel": line}
                )
            options.append({"value": value.strip(), "label": label.strip()})
        return options

    def item(self) -> dict[str, Any] | None:
        """The field's JSON; None when the condition is no JSON (then the form has an error)."""
        show_if = parse_json(self, "show_if")
        if self.errors:
            return None
        data = self.cleaned_data
        item: dict[str, Any] = {"key": data["key"], "type": data["type"], "label": data["label"]}
        if data.get("help"):
            item["help"] = data["help"]
        if data.get("required"):
            item["required"] = True
        if show_if is not None:
            item["show_if"] = show_if
        if data.get("eigenschap"):
            item["eigenschap"] = data["eigenschap"]
        # the options of the type the field had on the page; a changed type keeps those it shares
        for name in TYPE_OPTIONS.get(self.kind, ()):
            if name not in TYPE_OPTIONS.get(data["type"], ()):
                continue
            value = data.get(name)
            if value in (None, "", []):
                continue
            if name == "zaakobject":
                item[name] = {"relatieomschrijving": value}
            elif name in ("min", "max") and isinstance(value, float) and value.is_integer():
                item[name] = int(value)
            else:
                item[name] = value
        if data["type"] == "choice" and self.kind != "choice":  # new choice: options to change
            item["options"] = [{"value": "ja", "label": "Ja"}, {"value": "nee", "label": "Nee"}]
        if data["type"] in NO_EIGENSCHAP:
            item.pop("eigenschap", None)
        return item


class RegelsForm(WerkplekForm):
    regels = forms.CharField(
        label=_("Regels (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "zw-code", "spellcheck": "false"}),
        help_text=_(
            'Een lijst van regels: [{"when": …, "set": {"veld": …}}]. Leeg: geen regels. '
            "De regeltaal staat in de documentatie van de formulieren."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "regels")
        super().__init__(*args, **kwargs)

    def rules(self) -> list[Any] | None:
        rules = parse_json(self, "regels")
        if self.errors:
            return None
        if rules is None:
            return []
        if not isinstance(rules, list):
            self.add_error("regels", _("De regels zijn een lijst: [ … ]."))
            return None
        return rules
