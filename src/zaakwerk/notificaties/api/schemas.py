"""Request bodies of the Notificaties API 1.0.1: ``Kanaal``, ``Abonnement``, ``Message``."""

from __future__ import annotations

from typing import Annotated, Any

from django.utils.dateparse import parse_datetime
from pydantic import AfterValidator, Field

from zaakwerk.api.moments import storable_moment
from zaakwerk.api.schemas import RequestSchema, ZGWValueError
from zaakwerk.notificaties.services.abonnementen import AbonnementData, AbonnementValues, KanaalFilters
from zaakwerk.notificaties.services.kanalen import KanaalData


def _url(value: str) -> str:
    if value and not value.startswith(("http://", "https://")):
        raise ZGWValueError("invalid", "Voer een geldige URL in.")
    return value


def _header_value(value: str) -> str:
    # sent as an HTTP header with every delivery: no line breaks or other control characters
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in value) or not value.isascii():
        raise ZGWValueError("invalid", "Alleen zichtbare ASCII-tekens zijn toegestaan in een header.")
    return value


def _date_time(value: str) -> str:
    """A date-time as sent (the message is routed as it came), that the delivery queue can store."""
    try:
        parsed = parse_datetime(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ZGWValueError("invalid", "Verwacht een datum en tijd (ISO 8601), bijv. 2024-01-01T12:00:00Z.")
    storable_moment(parsed)
    return value


# URLField columns hold 1000 characters; 1.0.1 dropped the spec's own limit (RULES.md 7).
RequiredUrl = Annotated[str, Field(min_length=1, max_length=1000), AfterValidator(_url)]
Kenmerk = Annotated[str, Field(min_length=1, max_length=1000)]


class KanaalIn(RequestSchema):
    naam: str = Field(min_length=1, max_length=50)
    documentatie_link: Annotated[str, Field(max_length=200), AfterValidator(_url)] = ""
    filters: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(default_factory=list)

    def to_data(self) -> KanaalData:
        return KanaalData(
            naam=self.naam, documentatie_link=self.documentatie_link, filters=list(self.filters)
        )


class FilterGroupIn(RequestSchema):
    naam: str = Field(min_length=1, max_length=1000)
    filters: dict[str, Kenmerk] = Field(default_factory=dict)

    def to_data(self) -> KanaalFilters:
        return KanaalFilters(naam=self.naam, filters=dict(self.filters))


class AbonnementIn(RequestSchema):
    callback_url: RequiredUrl
    auth: Annotated[str, Field(min_length=1, max_length=10_000), AfterValidator(_header_value)]
    kanalen: list[FilterGroupIn]

    def to_data(self) -> AbonnementData:
        return AbonnementData(
            callback_url=self.callback_url, auth=self.auth, kanalen=[k.to_data() for k in self.kanalen]
        )

    def to_changes(self, sent: set[str]) -> AbonnementValues:
        """Service input for the fields sent (PATCH)."""
        changes: AbonnementValues = {}
        if "callback_url" in sent:
            changes["callback_url"] = self.callback_url
        if "auth" in sent:
            changes["auth"] = self.auth
        if "kanalen" in sent:
            changes["kanalen"] = [k.to_data() for k in self.kanalen]
        return changes


class MessageIn(RequestSchema):
    kanaal: str = Field(min_length=1, max_length=50)
    hoofd_object: RequiredUrl
    resource: str = Field(min_length=1, max_length=100)
    resource_url: RequiredUrl
    actie: str = Field(min_length=1, max_length=100)
    aanmaakdatum: Annotated[str, AfterValidator(_date_time)]
    kenmerken: dict[str, Kenmerk] = Field(default_factory=dict)

    def to_message(self) -> dict[str, Any]:
        """The message as it is routed: the fields of ``Message`` that were sent, values as sent."""
        message: dict[str, Any] = {
            "kanaal": self.kanaal,
            "hoofdObject": self.hoofd_object,
            "resource": self.resource,
            "resourceUrl": self.resource_url,
            "actie": self.actie,
            "aanmaakdatum": self.aanmaakdatum,
        }
        if "kenmerken" in self.model_fields_set:
            message["kenmerken"] = dict(self.kenmerken)
        return message
