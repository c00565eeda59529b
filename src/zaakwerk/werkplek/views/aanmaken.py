"""Zaak aanmaken: the form, and the zaak page after it (docs/adr/0063)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from zaakwerk.client import ClientError, HTTPStatusError
from zaakwerk.werkplek.access import access_for, team_names
from zaakwerk.werkplek.services import aanmaken as service
from zaakwerk.werkplek.services.gegevens import ChangeRefused
from zaakwerk.werkplek.views.zaak import registers_unavailable
from zaakwerk.werkplek.zgw import base_url, client_for, display_name

SOORTEN = [
    (service.BSN, _("Persoon (BSN)")),
    (service.KVK, _("Bedrijf (KVK-nummer)")),
    (service.VESTIGING, _("Vestiging (vestigingsnummer)")),
    (service.CONTACT, _("Contact zonder nummer")),
]


class AanmakenForm(forms.Form):
    zaaktype = forms.ChoiceField(label=_("Zaaktype"))
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=80, help_text=_("Kort: waar gaat de zaak over?")
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    kanaal = forms.ChoiceField(label=_("Kanaal"), required=False, help_text=_("Hoe kwam de zaak binnen?"))
    initiator = forms.ChoiceField(label=_("Soort initiator"), choices=SOORTEN)
    nummer = forms.CharField(
        label=_("BSN, KVK-nummer of vestigingsnummer"),
        max_length=12,
        required=False,
        help_text=_("Niet nodig bij een contact zonder nummer."),
    )
    naam = forms.CharField(label=_("Naam"), max_length=200, required=False)
    emailadres = forms.EmailField(label=_("E-mailadres"), required=False)
    telefoonnummer = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)

    def __init__(
        self, *args: Any, zaaktypen: list[tuple[str, str]], kanalen: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["zaaktype"]).choices = [("", _("Kies een zaaktype")), *zaaktypen]
        cast(forms.ChoiceField, self.fields["kanaal"]).choices = [("", _("Onbekend")), *kanalen]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        soort, nummer = data.get("initiator"), (data.get("nummer") or "").strip()
        data["nummer"] = nummer
        if soort == service.BSN and not service.elfproef(nummer):
            self.add_error("nummer", _("Een BSN is negen cijfers die de elfproef doorstaan."))
        elif soort == service.KVK and not (len(nummer) == 8 and nummer.isdigit()):
            self.add_error("nummer", _("Een KVK-nummer is acht cijfers."))
        elif soort == service.VESTIGING and not (len(nummer) == 12 and nummer.isdigit()):
            self.add_error("nummer", _("Een vestigingsnummer is twaalf cijfers."))
        elif soort == service.CONTACT and not data.get("naam"):
            self.add_error("naam", _("Geef de naam van het contact."))
        elif soort == service.CONTACT and nummer:
            self.add_error("nummer", _("Een contact zonder nummer heeft geen nummer."))
        return data

    def nieuwe_zaak(self) -> service.NieuweZaak:
        data = self.cleaned_data
        initiator = service.Initiator(
            data["initiator"], data["nummer"], data["naam"], data["emailadres"], data["telefoonnummer"]
        )
        return service.NieuweZaak(
            data["zaaktype"], initiator, data["omschrijving"], data["toelichting"], data["kanaal"]
        )


def _kanalen(request: HttpRequest) -> list[tuple[str, str]]:
    try:
        return service.kanalen(
            client_for(request.user), f"{base_url()}/referentielijsten/api/v1/communicatiekanalen"
        )
    except ClientError:  # without the list the zaak can still be made, without a kanaal
        return []


@login_required
@registers_unavailable
@require_http_methods(["GET", "POST"])
def aanmaken(request: HttpRequest) -> HttpResponse:
    client = client_for(request.user)
    access = access_for(request.user)
    zaaktypen = [
        (zaaktype.url, zaaktype.omschrijving) for zaaktype in service.handled_zaaktypen(client, access)
    ]
    form = AanmakenForm(request.POST or None, zaaktypen=zaaktypen, kanalen=_kanalen(request))
    if request.method == "POST" and form.is_valid():
        try:
            zaak = service.create_zaak(
                client,
                access,
                form.nieuwe_zaak(),
                teams=team_names(request.user),
                door=display_name(request.user),
            )
        except service.NotAllowed:
            form.add_error("zaaktype", gettext("Je mag geen zaken van dit zaaktype aanmaken."))
        except ChangeRefused as exc:
            for text in [t for texts in exc.messages.values() for t in texts]:
                form.add_error(None, text)
        except HTTPStatusError:
            form.add_error(None, gettext("De registers weigerden de zaak. Er is niets aangemaakt."))
        else:
            messages.success(
                request,
                gettext("Zaak %(identificatie)s is aangemaakt.") % {"identificatie": zaak.identificatie},
            )
            return redirect("werkplek:zaak", uuid=zaak.uuid)
    context = {"form": form, "zaaktypen": zaaktypen}
    return render(request, "werkplek/zaak/aanmaken.html", context)
