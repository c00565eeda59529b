"""The editor's forms. Field names are the Catalogi API's own (``beginGeldigheid``; nested fields
with ``__``: ``brondatumArchiefprocedure__afleidingswijze``), so the API's ``invalidParams`` land
next to the field they name (:func:`show_refusal`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from zaakwerk.beheer.services.catalogus import Json, Refused
from zaakwerk.beheer.services.selectielijst import Choice
from zaakwerk.web.widgets import ListSelect
from zaakwerk.werkplek.acties_forms import WerkplekForm

VERTROUWELIJKHEID = [
    (value, value.replace("_", " "))
    for value in (
        "openbaar",
        "beperkt_openbaar",
        "intern",
        "zaakvertrouwelijk",
        "vertrouwelijk",
        "confidentieel",
        "geheim",
        "zeer_geheim",
    )
]
INTERN_OF_EXTERN = [("intern", _("intern")), ("extern", _("extern"))]
ROL_GENERIEK = [
    (value, value.replace("_", " "))
    for value in (
        "adviseur",
        "behandelaar",
        "belanghebbende",
        "beslisser",
        "initiator",
        "klantcontacter",
        "zaakcoordinator",
        "mede_initiator",
    )
]
RICHTING = [("inkomend", _("inkomend")), ("intern", _("intern")), ("uitgaand", _("uitgaand"))]
FORMAAT = [
    ("tekst", _("tekst")),
    ("getal", _("getal")),
    ("datum", _("datum")),
    ("datum_tijd", _("datum en tijd")),
]
ARCHIEFNOMINATIE = [("", "—"), ("blijvend_bewaren", _("blijvend bewaren")), ("vernietigen", _("vernietigen"))]
AARD_RELATIE = [("vervolg", _("vervolg")), ("bijdrage", _("bijdrage")), ("onderwerp", _("onderwerp"))]

#: each afleidingswijze in words: from which date the archiving term runs
AFLEIDINGSWIJZE = [
    ("afgehandeld", _("Afgehandeld — de datum waarop de zaak is afgehandeld")),
    ("ander_datumkenmerk", _("Ander datumkenmerk — een datum die de behandelaar vastlegt")),
    ("eigenschap", _("Eigenschap — de datum in een eigenschap van de zaak (noem die eigenschap)")),
    ("gerelateerde_zaak", _("Gerelateerde zaak — de afhandeling van de laatste gerelateerde zaak")),
    ("hoofdzaak", _("Hoofdzaak — de afhandeling van de hoofdzaak")),
    ("ingangsdatum_besluit", _("Ingangsdatum besluit — de ingangsdatum van het besluit")),
    ("termijn", _("Termijn — de afhandeling plus de procestermijn")),
    ("vervaldatum_besluit", _("Vervaldatum besluit — de vervaldatum van het besluit")),
    ("zaakobject", _("Zaakobject — een datum van een object van de zaak")),
]


def lines(value: str) -> list[str]:
    return [line.strip() for line in value.replace(",", "\n").splitlines() if line.strip()]


class EditorForm(WerkplekForm):
    """A form of the editor: ``body()`` is the request body, ``initial_from(item)`` the reverse."""

    #: fields the API wants as a list (entered one per line)
    list_fields: tuple[str, ...] = ()
    #: nested fields the API wants as null rather than "" when left empty
    null_if_empty: tuple[str, ...] = ()

    def body(self) -> Json:
        data: Json = {}
        for name, value in self.cleaned_data.items():
            if isinstance(value, date):
                value = value.isoformat()
            if name in self.list_fields:
                value = lines(value or "")
            if "__" in name:
                outer, inner = name.split("__", 1)
                data.setdefault(outer, {})[inner] = (
                    None if value == "" and name in self.null_if_empty else value
                )
            else:
                data[name] = value
        return data

    @classmethod
    def initial_from(cls, item: Json) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name in cls.base_fields:
            if "__" in name:
                outer, inner = name.split("__", 1)
                value = (item.get(outer) or {}).get(inner)
            else:
                value = item.get(name)
            if name in cls.list_fields and isinstance(value, list):
                value = "\n".join(str(part) for part in value)
            found[name] = value
        return found


def show_refusal(form: forms.Form, refusal: Refused) -> list[str]:
    """Put the API's reasons next to the fields they name; the rest is returned for the page."""
    rest: list[str] = []
    for name, reasons in refusal.fields.items():
        key = name.replace(".", "__")
        if key not in form.fields:
            key = key.split("__", 1)[0]
        for reason in reasons:
            if key in form.fields:
                form.add_error(key, reason)
            else:
                rest.append(f"{name}: {reason}")
    return rest


class ZaaktypeForm(EditorForm):
    list_fields = ("trefwoorden", "productenOfDiensten")

    identificatie = forms.CharField(label=_("Identificatie"), max_length=50)
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=80)
    vertrouwelijkheidaanduiding = forms.ChoiceField(
        label=_("Vertrouwelijkheidaanduiding"), choices=VERTROUWELIJKHEID
    )
    doel = forms.CharField(label=_("Doel"), widget=forms.Textarea(attrs={"rows": 2}))
    aanleiding = forms.CharField(label=_("Aanleiding"), widget=forms.Textarea(attrs={"rows": 2}))
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    indicatieInternOfExtern = forms.ChoiceField(label=_("Intern of extern"), choices=INTERN_OF_EXTERN)
    handelingInitiator = forms.CharField(label=_("Handeling initiator"), max_length=20)
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=80)
    handelingBehandelaar = forms.CharField(label=_("Handeling behandelaar"), max_length=20)
    doorlooptijd = forms.CharField(
        label=_("Doorlooptijd"), help_text=_("Een ISO 8601-duur, bijvoorbeeld P8W voor acht weken.")
    )
    servicenorm = forms.CharField(label=_("Servicenorm"), required=False, help_text=_("Een ISO 8601-duur."))
    opschortingEnAanhoudingMogelijk = forms.BooleanField(label=_("Opschorten mogelijk"), required=False)
    verlengingMogelijk = forms.BooleanField(label=_("Verlengen mogelijk"), required=False)
    verlengingstermijn = forms.CharField(
        label=_("Verlengingstermijn"), required=False, help_text=_("Verplicht als verlengen mogelijk is.")
    )
    trefwoorden = forms.CharField(label=_("Trefwoorden"), required=False, help_text=_("Eén per regel."))
    publicatieIndicatie = forms.BooleanField(label=_("Publiceren"), required=False)
    publicatietekst = forms.CharField(label=_("Publicatietekst"), required=False)
    productenOfDiensten = forms.CharField(
        label=_("Producten of diensten"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("De URL van elk product of elke dienst, één per regel."),
    )
    selectielijstProcestype = forms.ChoiceField(
        label=_("Selectielijst-procestype"), required=False, widget=ListSelect
    )
    referentieproces__naam = forms.CharField(label=_("Referentieproces"), max_length=80)
    verantwoordelijke = forms.CharField(label=_("Verantwoordelijke"), max_length=255)
    beginGeldigheid = forms.DateField(label=_("Begin geldigheid"), help_text=_("Bijvoorbeeld 2026-01-01."))
    versiedatum = forms.DateField(label=_("Versiedatum"))

    def __init__(self, *args: Any, procestypen: list[Choice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["selectielijstProcestype"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (choice.url, choice.label) for choice in procestypen
        ]

    def body(self) -> Json:
        data = super().body()
        data["selectielijstProcestype"] = data.get("selectielijstProcestype") or ""
        for key in ("servicenorm", "verlengingstermijn"):
            data[key] = data.get(key) or None
        return data


class StatustypeForm(EditorForm):
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=80)
    omschrijvingGeneriek = forms.CharField(label=_("Generieke omschrijving"), required=False, max_length=80)
    statustekst = forms.CharField(
        label=_("Statustekst voor de inwoner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wat de inwoner ziet als de zaak deze status krijgt."),
    )
    doorlooptijd = forms.CharField(
        label=_("Doorlooptijd"), required=False, help_text=_("Een ISO 8601-duur, bijvoorbeeld P5D.")
    )
    informeren = forms.BooleanField(label=_("De initiator informeren"), required=False)
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def body(self) -> Json:
        data = super().body()
        data["doorlooptijd"] = data.get("doorlooptijd") or None
        return data


class RoltypeForm(EditorForm):
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=100)
    omschrijvingGeneriek = forms.ChoiceField(label=_("Generieke omschrijving"), choices=ROL_GENERIEK)


class ResultaattypeForm(EditorForm):
    null_if_empty = ("brondatumArchiefprocedure__procestermijn",)

    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=30)
    resultaattypeomschrijving = forms.ChoiceField(label=_("Generiek resultaat"), widget=ListSelect)
    selectielijstklasse = forms.ChoiceField(
        label=_("Selectielijstklasse"),
        widget=ListSelect,
        help_text=_("Een resultaat uit de selectielijst bij het procestype van het zaaktype."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    archiefnominatie = forms.ChoiceField(
        label=_("Archiefnominatie"),
        required=False,
        choices=ARCHIEFNOMINATIE,
        help_text=_("Leeg: die van de selectielijstklasse."),
    )
    archiefactietermijn = forms.CharField(
        label=_("Archiefactietermijn"),
        required=False,
        help_text=_("Een ISO 8601-duur, bijvoorbeeld P10Y. Leeg: die van de selectielijstklasse."),
    )
    brondatumArchiefprocedure__afleidingswijze = forms.ChoiceField(
        label=_("Afleidingswijze van de brondatum"),
        choices=AFLEIDINGSWIJZE,
        help_text=_(
            "Vanaf welke datum de archiefactietermijn loopt; de uitleg per keuze staat onder het formulier."
        ),
    )
    brondatumArchiefprocedure__datumkenmerk = forms.CharField(
        label=_("Datumkenmerk"),
        required=False,
        help_text=_(
            "Bij eigenschap, ander datumkenmerk en zaakobject: de naam van het gegeven met de datum."
        ),
    )
    brondatumArchiefprocedure__objecttype = forms.CharField(
        label=_("Objecttype"), required=False, help_text=_("Bij zaakobject en ander datumkenmerk.")
    )
    brondatumArchiefprocedure__registratie = forms.CharField(
        label=_("Registratie"), required=False, help_text=_("Bij zaakobject en ander datumkenmerk.")
    )
    brondatumArchiefprocedure__procestermijn = forms.CharField(
        label=_("Procestermijn"), required=False, help_text=_("Bij termijn: een ISO 8601-duur.")
    )
    brondatumArchiefprocedure__einddatumBekend = forms.BooleanField(
        label=_("De einddatum is bekend bij het afhandelen"), required=False
    )

    def __init__(
        self, *args: Any, omschrijvingen: list[Choice], resultaten: list[Choice], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resultaattypeomschrijving"].choices = [(c.url, c.label) for c in omschrijvingen]  # type: ignore[attr-defined]
        self.fields["selectielijstklasse"].choices = [("", "—")] + [(c.url, c.label) for c in resultaten]  # type: ignore[attr-defined]

    def body(self) -> Json:
        data = super().body()
        if not data.get("archiefnominatie"):
            data.pop("archiefnominatie", None)  # not nullable: left out, the selectielijstklasse's holds
        data["archiefactietermijn"] = data.get("archiefactietermijn") or None
        return data


class EigenschapForm(EditorForm):
    list_fields = ("specificatie__waardenverzameling",)

    naam = forms.CharField(label=_("Naam"), max_length=20)
    definitie = forms.CharField(label=_("Definitie"), widget=forms.Textarea(attrs={"rows": 2}))
    toelichting = forms.CharField(label=_("Toelichting"), required=False)
    specificatie__formaat = forms.ChoiceField(label=_("Formaat"), choices=FORMAAT)
    specificatie__lengte = forms.CharField(
        label=_("Lengte"),
        max_length=14,
        help_text=_("Bij een getal: cijfers voor en na de komma, bijvoorbeeld 8,2."),
    )
    specificatie__kardinaliteit = forms.CharField(
        label=_("Kardinaliteit"),
        max_length=3,
        initial="1",
        help_text=_("Hoe vaak de eigenschap voorkomt: 1, 2… of N."),
    )
    specificatie__groep = forms.CharField(label=_("Groep"), required=False, max_length=32)
    specificatie__waardenverzameling = forms.CharField(
        label=_("Waardenverzameling"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De toegestane waarden, één per regel. Leeg: elke waarde."),
    )

    def body(self) -> Json:
        data = super().body()
        specificatie = data.setdefault("specificatie", {})
        specificatie["groep"] = specificatie.get("groep") or ""
        specificatie["waardenverzameling"] = specificatie.get("waardenverzameling") or []
        return data


class InformatieobjecttypeRelatieForm(EditorForm):
    informatieobjecttype = forms.ChoiceField(label=_("Informatieobjecttype"))
    volgnummer = forms.IntegerField(label=_("Volgnummer"), min_value=1, max_value=999)
    richting = forms.ChoiceField(label=_("Richting"), choices=RICHTING)
    statustype = forms.ChoiceField(label=_("Bij status"), required=False)

    def __init__(
        self, *args: Any, documenten: list[str], statustypen: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["informatieobjecttype"].choices = [(name, name) for name in documenten]  # type: ignore[attr-defined]
        self.fields["statustype"].choices = [("", "—"), *statustypen]  # type: ignore[attr-defined]

    def body(self) -> Json:
        data = super().body()
        data["statustype"] = data.get("statustype") or None
        return data


class RelatiesForm(EditorForm):
    """The zaaktype's besluittypen and deelzaaktypen (by name: every version, docs/adr/0004)."""

    besluittypen = forms.MultipleChoiceField(
        label=_("Besluittypen"), required=False, widget=forms.SelectMultiple(attrs={"size": 5})
    )
    deelzaaktypen = forms.MultipleChoiceField(
        label=_("Deelzaaktypen"), required=False, widget=forms.SelectMultiple(attrs={"size": 5})
    )

    def __init__(self, *args: Any, besluittypen: list[str], zaaktypen: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["besluittypen"].choices = [(name, name) for name in besluittypen]  # type: ignore[attr-defined]
        self.fields["deelzaaktypen"].choices = [(name, name) for name in zaaktypen]  # type: ignore[attr-defined]


class GerelateerdZaaktypeForm(EditorForm):
    zaaktype = forms.ChoiceField(label=_("Zaaktype"))
    aardRelatie = forms.ChoiceField(label=_("Aard van de relatie"), choices=AARD_RELATIE)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=255)

    def __init__(self, *args: Any, zaaktypen: list[tuple[str, str]], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "gerelateerd")
        super().__init__(*args, **kwargs)
        self.fields["zaaktype"].choices = zaaktypen  # type: ignore[attr-defined]


class NieuweVersieForm(WerkplekForm):
    beginGeldigheid = forms.DateField(
        label=_("Begin geldigheid van de nieuwe versie"), help_text=_("Na het begin van de huidige versie.")
    )


class ImportForm(WerkplekForm):
    bestand = forms.FileField(
        label=_("ZIP-bestand"),
        help_text=_("Een export van een catalogus of zaaktype in het formaat van Open Zaak."),
    )


#: what each afleidingswijze means, in words, for the explanation under the resultaattype form
AFLEIDINGSWIJZE_UITLEG = [
    (
        _("Afgehandeld"),
        _("De archiefactietermijn loopt vanaf de dag dat de zaak wordt afgehandeld. Verder niets invullen."),
    ),
    (
        _("Ander datumkenmerk"),
        _(
            "De termijn loopt vanaf een datum die de behandelaar bij de zaak vastlegt. Vul het datumkenmerk "
            "in, en het objecttype en de registratie waar die datum staat."
        ),
    ),
    (
        _("Eigenschap"),
        _(
            "De termijn loopt vanaf de datum in een eigenschap van de zaak. Vul bij datumkenmerk de naam "
            "van die eigenschap in."
        ),
    ),
    (
        _("Gerelateerde zaak"),
        _("De termijn loopt vanaf de afhandeling van de laatst afgehandelde gerelateerde zaak."),
    ),
    (_("Hoofdzaak"), _("De termijn loopt vanaf de afhandeling van de hoofdzaak (voor een deelzaak).")),
    (
        _("Ingangsdatum besluit"),
        _("De termijn loopt vanaf de ingangsdatum van het laatste besluit bij de zaak."),
    ),
    (
        _("Termijn"),
        _(
            "De termijn loopt vanaf de afhandeling plus de procestermijn. Vul de procestermijn in als "
            "ISO 8601-duur (P5Y voor vijf jaar)."
        ),
    ),
    (
        _("Vervaldatum besluit"),
        _("De termijn loopt vanaf de vervaldatum van het laatste besluit bij de zaak."),
    ),
    (
        _("Zaakobject"),
        _(
            "De termijn loopt vanaf een datum van een object van de zaak. Vul het objecttype en het "
            "datumkenmerk in."
        ),
    ),
]
