"""Reading and checking one field's input: the value kept in the draft, or a message for the
visitor. Files are checked here too (size and type, by their content) before anything is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from zaakwerk.formulieren.definition import Field

POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")
PHONE = re.compile(r"^\+?[0-9 ()\-]{6,20}$")
# the Netherlands, generously: a point outside is a typing error (lat and lon swapped, say)
LATITUDE, LONGITUDE = (50.5, 53.8), (3.1, 7.3)
SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
}
EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}


class Invalid(ValueError):
    """The input is not valid; the message is for the visitor."""


@dataclass(frozen=True)
class UploadedFile:
    name: str
    content: bytes


def elfproef(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(bsn[:8], range(9, 1, -1), strict=True))
    return (total - int(bsn[8])) % 11 == 0


def max_upload_bytes(item: Field) -> int:
    limit = int(settings.FORMULIEREN_MAX_UPLOAD_BYTES)
    return min(item.max_size, limit) if item.max_size else limit


def file_type(content: bytes) -> str:
    """The media type the content shows itself to be ("" when none of the known ones)."""
    for media_type, signatures in SIGNATURES.items():
        if content.startswith(signatures):
            return media_type
    return ""


def human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",") if size >= 1024 * 1024 else f"{size // 1024} kB"


def check_file(item: Field, upload: UploadedFile) -> dict[str, Any]:
    """The file's description for the draft; Invalid when it is too large or of a forbidden type."""
    limit = max_upload_bytes(item)
    if len(upload.content) > limit:
        raise Invalid(
            _("Het bestand is te groot: het mag ten hoogste %(grootte)s zijn.")
            % {"grootte": human_size(limit)}
        )
    if not upload.content:
        raise Invalid(_("Het bestand is leeg."))
    found = file_type(upload.content)
    if found not in item.accept:
        allowed = ", ".join(EXTENSIONS[kind].lstrip(".").upper() for kind in item.accept)
        raise Invalid(
            _("Dit soort bestand is niet toegestaan; kies een %(soorten)s-bestand.") % {"soorten": allowed}
        )
    name = upload.name.replace("\\", "/").rsplit("/", 1)[-1][:200] or f"bijlage{EXTENSIONS[found]}"
    return {"naam": name, "grootte": len(upload.content), "formaat": found}


def _text(item: Field, raw: str) -> str:
    value = raw.strip()
    if item.min_length is not None and len(value) < item.min_length:
        raise Invalid(_("Vul ten minste %(aantal)s tekens in.") % {"aantal": item.min_length})
    if item.max_length is not None and len(value) > item.max_length:
        raise Invalid(_("Vul ten hoogste %(aantal)s tekens in.") % {"aantal": item.max_length})
    if item.pattern and not re.fullmatch(item.pattern, value):
        raise Invalid(item.pattern_message or _("De invoer heeft niet de juiste vorm."))
    return value


def _number(item: Field, raw: str) -> int | float:
    try:
        number = Decimal(raw.strip().replace(",", "."))
    except InvalidOperation:
        raise Invalid(_("Vul een getal in.")) from None
    if not number.is_finite():
        raise Invalid(_("Vul een getal in."))
    if -number.as_tuple().exponent > item.decimals:  # type: ignore[operator]
        if item.decimals == 0:
            raise Invalid(_("Vul een geheel getal in."))
        raise Invalid(_("Vul ten hoogste %(aantal)s cijfers achter de komma in.") % {"aantal": item.decimals})
    if item.min is not None and number < Decimal(str(item.min)):
        raise Invalid(_("Vul een getal van ten minste %(min)s in.") % {"min": _plain(item.min)})
    if item.max is not None and number > Decimal(str(item.max)):
        raise Invalid(_("Vul een getal van ten hoogste %(max)s in.") % {"max": _plain(item.max)})
    return int(number) if item.decimals == 0 else float(number)


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number).replace(".", ",")


def _limit(value: str, today: date) -> date:
    return today if value == "today" else date.fromisoformat(value)


def _date(item: Field, raw: str, today: date) -> str:
    text = raw.strip()
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
    if match:  # as people write it: dd-mm-jjjj
        text = f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise Invalid(_("Vul een bestaande datum in, bijvoorbeeld 31-12-2025.")) from None
    if item.min_date and value < _limit(item.min_date, today):
        raise Invalid(
            _("De datum mag niet vóór %(datum)s liggen.")
            % {"datum": _limit(item.min_date, today).strftime("%d-%m-%Y")}
        )
    if item.max_date and value > _limit(item.max_date, today):
        raise Invalid(
            _("De datum mag niet na %(datum)s liggen.")
            % {"datum": _limit(item.max_date, today).strftime("%d-%m-%Y")}
        )
    return value.isoformat()


def _email(raw: str) -> str:
    value = raw.strip()
    try:
        validate_email(value)
    except ValidationError:
        raise Invalid(_("Vul een e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")) from None
    return value


def _phone(raw: str) -> str:
    value = raw.strip()
    if not PHONE.match(value) or sum(char.isdigit() for char in value) < 6:
        raise Invalid(_("Vul een telefoonnummer in, bijvoorbeeld 020 123 4567."))
    return value


def _postcode(item: Field, data: Mapping[str, str]) -> dict[str, Any] | None:
    postcode = data.get(f"{item.key}-postcode", "").strip()
    huisnummer = data.get(f"{item.key}-huisnummer", "").strip()
    toevoeging = data.get(f"{item.key}-toevoeging", "").strip()
    if not postcode and not huisnummer and not toevoeging:
        return None
    match = POSTCODE.match(postcode)
    if match is None:
        raise Invalid(_("Vul een postcode in, bijvoorbeeld 1234 AB."))
    if not huisnummer.isdigit() or not 1 <= int(huisnummer) <= 99999:
        raise Invalid(_("Vul een huisnummer in (alleen cijfers)."))
    if len(toevoeging) > 6:
        raise Invalid(_("De toevoeging is ten hoogste 6 tekens."))
    return {
        "postcode": f"{match.group(1)}{match.group(2).upper()}",
        "huisnummer": int(huisnummer),
        "toevoeging": toevoeging,
    }


def _location(item: Field, data: Mapping[str, str]) -> dict[str, float] | None:
    lat_raw = data.get(f"{item.key}-lat", "").strip().replace(",", ".")
    lon_raw = data.get(f"{item.key}-lon", "").strip().replace(",", ".")
    if not lat_raw and not lon_raw:
        return None
    try:
        lat, lon = float(lat_raw), float(lon_raw)
    except ValueError:
        raise Invalid(
            _("Vul de breedtegraad en de lengtegraad in als getallen, bijvoorbeeld 52,0907 en 5,1214.")
        ) from None
    if not (LATITUDE[0] <= lat <= LATITUDE[1] and LONGITUDE[0] <= lon <= LONGITUDE[1]):
        raise Invalid(_("Deze plek ligt niet in Nederland. Staan breedtegraad en lengtegraad goed?"))
    return {"lat": round(lat, 6), "lon": round(lon, 6)}


def clean(item: Field, data: Mapping[str, str], *, today: date | None = None) -> Any:
    """The value of ``item`` from the posted ``data`` (None when left empty); Invalid otherwise.

    Required-ness is checked by the caller, which knows whether the field is visible. Files and the
    identity fields are not read here."""
    day = today or date.today()
    if item.type == "postcode":
        return _postcode(item, data)
    if item.type == "location":
        return _location(item, data)
    if item.type == "checkbox":
        return data.get(item.key) == "ja"
    raw = data.get(item.key, "")
    if not raw.strip():
        return None
    if item.type in ("text", "textarea"):
        return _text(item, raw)
    if item.type == "number":
        return _number(item, raw)
    if item.type == "date":
        return _date(item, raw, day)
    if item.type == "email":
        return _email(raw)
    if item.type == "phone":
        return _phone(raw)
    if item.type == "choice":
        if raw not in {option.value for option in item.options}:
            raise Invalid(_("Kies een van de mogelijkheden."))
        return raw
    return None


def is_empty(item: Field, value: Any) -> bool:
    if item.type == "checkbox":
        return value is not True
    return value is None or value == ""


def display(item: Field, value: Any) -> str:
    """The value as the summary and the PDF show it."""
    if value is None or value == "":
        return "—"
    if item.type == "checkbox":
        return _("Ja") if value else _("Nee")
    if item.type == "choice":
        return item.label_of(str(value))
    if item.type == "date":
        try:
            return date.fromisoformat(str(value)).strftime("%d-%m-%Y")
        except ValueError:
            return str(value)
    if item.type == "postcode" and isinstance(value, dict):
        toevoeging = f" {value['toevoeging']}" if value.get("toevoeging") else ""
        postcode = str(value.get("postcode", ""))
        return f"{postcode[:4]} {postcode[4:]}, {_('huisnummer')} {value.get('huisnummer')}{toevoeging}"
    if item.type == "location" and isinstance(value, dict):
        return f"{value.get('lat')}, {value.get('lon')} (WGS84)"
    if item.type == "file" and isinstance(value, dict):
        return f"{value.get('naam')} ({human_size(int(value.get('grootte') or 0))})"
    if item.type == "number" and isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)
