"""Export and import of a catalogus or one zaaktype as a ZIP in Open Zaak's catalogus export format.

The format: a ZIP with one JSON file per resource collection, named after the resource
(``Catalogus.json``, ``ZaakType.json``, ``StatusType.json``, …), each a list of the objects as
the Catalogi API represents them. Objects refer to each other by the URLs of the deployment that
exported them; an import maps those onto the objects it creates (docs/adr/0077).

An import reads and checks everything first (:func:`read_archive`, :func:`plan`) and writes
only when nothing is wrong; when the API refuses a write midway, what was created is deleted again.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson
from django.db import DatabaseError
from django.utils.translation import gettext as _

from zaakwerk.beheer.services import transfer_extra
from zaakwerk.beheer.services.catalogus import Json, document_name, document_names, every, refused_by_api
from zaakwerk.beheer.services.editor import User
from zaakwerk.beheer.services.versions import subtype_body, writable
from zaakwerk.beheer.services.wijzigingen import record
from zaakwerk.beheer.zgw import referentielijsten_root
from zaakwerk.client import ClientError, ZGWClient
from zaakwerk.client.api import Collection

#: the files of the format, in the order an import creates their objects
FILES = {
    "Catalogus.json": "catalogussen",
    "InformatieObjectType.json": "informatieobjecttypen",
    "BesluitType.json": "besluittypen",
    "ZaakType.json": "zaaktypen",
    "StatusType.json": "statustypen",
    "RolType.json": "roltypen",
    "ResultaatType.json": "resultaattypen",
    "Eigenschap.json": "eigenschappen",
    "ZaakTypeInformatieObjectType.json": "informatieobjecttypen_relaties",
}
SUBTYPE_FILES = {
    "StatusType.json": "statustypen",
    "RolType.json": "roltypen",
    "ResultaatType.json": "resultaattypen",
    "Eigenschap.json": "eigenschappen",
    "ZaakTypeInformatieObjectType.json": "zaaktype_informatieobjecttypen",
}
#: the zaaktype's field listing each sub-type file's objects
ZAAKTYPE_LISTS = {
    "StatusType.json": "statustypen",
    "RolType.json": "roltypen",
    "ResultaatType.json": "resultaattypen",
    "Eigenschap.json": "eigenschappen",
}

MAX_ZIP_BYTES = 10 * 1024 * 1024
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MAX_OBJECTS = 20_000

_SELECTIELIJST = re.compile(r"/(procestypen|resultaten|resultaattypeomschrijvingen)/([0-9a-fA-F-]{36})/?$")
SELECTIELIJST_FIELDS = ("selectielijstProcestype", "selectielijstklasse", "resultaattypeomschrijving")


def _api(client: ZGWClient, attribute: str) -> Collection[Any]:
    """The client's collection by its attribute name (``zaaktype_informatieobjecttypen``…)."""
    found: Collection[Any] = getattr(client.catalogi, attribute)
    return found


# --- export ----------------------------------------------------------------------------------------


def _zip(files: dict[str, list[Json]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in (*FILES, *transfer_extra.FILES):
            if name in files:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, orjson.dumps(files[name], option=orjson.OPT_INDENT_2))
    return buffer.getvalue()


def _subtype_files(client: ZGWClient, zaaktypen: list[Json]) -> dict[str, list[Json]]:
    files: dict[str, list[Json]] = {name: [] for name in SUBTYPE_FILES}
    for zaaktype in zaaktypen:
        for name, kind in SUBTYPE_FILES.items():
            files[name] += every(_api(client, kind).list(zaaktype=zaaktype["url"], status="alles"))
    return files


def _zaaktype_order(item: Json) -> tuple[str, str]:
    return (str(item.get("identificatie")), str(item.get("beginGeldigheid")))


def _type_order(item: Json) -> tuple[str, str]:
    return (str(item.get("omschrijving")), str(item.get("beginGeldigheid")))


def export_catalogus(client: ZGWClient, catalogus_url: str) -> bytes:
    """Every version of every type of the catalogus, concepts included."""
    params = {"catalogus": catalogus_url, "status": "alles"}
    zaaktypen = sorted(every(client.catalogi.zaaktypen.list(**params)), key=_zaaktype_order)
    files = {
        "Catalogus.json": [client.catalogi.catalogussen.get(catalogus_url).as_json()],
        "InformatieObjectType.json": sorted(
            every(client.catalogi.informatieobjecttypen.list(**params)), key=_type_order
        ),
        "BesluitType.json": sorted(every(client.catalogi.besluittypen.list(**params)), key=_type_order),
        "ZaakType.json": zaaktypen,
        **_subtype_files(client, zaaktypen),
        **transfer_extra.export({str(item.get("identificatie")) for item in zaaktypen}, catalogus_url),
    }
    return _zip(files)


def export_zaaktype(client: ZGWClient, zaaktype_url: str) -> bytes:
    """One zaaktype version, its sub-types and the informatieobjecttypen and besluittypen it names
    (every version of those names)."""
    zaaktype = client.catalogi.zaaktypen.get(zaaktype_url).as_json()
    catalogus = str(zaaktype["catalogus"])
    files = _subtype_files(client, [zaaktype])
    names = document_names(client, catalogus)
    documenten = {document_name(item, names) for item in files["ZaakTypeInformatieObjectType.json"]}
    besluiten = set(zaaktype.get("besluittypeOmschrijving") or [])
    for item in files["ResultaatType.json"]:
        besluiten |= set(item.get("besluittypeOmschrijving") or [])
        documenten |= set(item.get("informatieobjecttypeOmschrijving") or [])
    params = {"catalogus": catalogus, "status": "alles"}
    besluittypen = [
        item
        for item in every(client.catalogi.besluittypen.list(**params))
        if item.get("omschrijving") in besluiten
    ]
    for item in besluittypen:
        documenten |= set(item.get("informatieobjecttypeOmschrijvingen") or [])
    files.update(
        {
            "Catalogus.json": [client.catalogi.catalogussen.get(catalogus).as_json()],
            "ZaakType.json": [zaaktype],
            **transfer_extra.export([str(zaaktype.get("identificatie"))], catalogus),
            "BesluitType.json": sorted(besluittypen, key=_type_order),
            "InformatieObjectType.json": sorted(
                (
                    item
                    for item in every(client.catalogi.informatieobjecttypen.list(**params))
                    if item.get("omschrijving") in documenten
                ),
                key=_type_order,
            ),
        }
    )
    return _zip(files)


# --- reading and checking an archive ------------------------------------------------------------


@dataclass
class Archive:
    files: dict[str, list[Json]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    #: our own files (transfer_extra): handling parameters and forms, JSON lists without URLs
    own: dict[str, list[Any]] = field(default_factory=dict)

    def objects(self, name: str) -> list[Json]:
        return self.files.get(name, [])


def read_archive(data: bytes) -> Archive:
    """The archive's files as JSON, or the problems that stop it from being read at all."""
    archive = Archive()
    if len(data) > MAX_ZIP_BYTES:
        archive.problems.append(
            _("Het bestand is te groot (%(mb)s MB); het mag hoogstens %(max)s MB zijn.")
            % {"mb": round(len(data) / 1024 / 1024, 1), "max": MAX_ZIP_BYTES // 1024 // 1024}
        )
        return archive
    try:
        opened = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        archive.problems.append(_("Het bestand is geen ZIP-bestand."))
        return archive
    total = 0
    with opened:
        for info in opened.infolist():
            if info.is_dir():
                continue
            name = info.filename.rsplit("/", 1)[-1]
            if name not in FILES and name not in transfer_extra.FILES:
                archive.ignored.append(info.filename)
                continue
            if info.file_size > MAX_FILE_BYTES:
                archive.problems.append(
                    _("%(naam)s is te groot (%(mb)s MB uitgepakt); hoogstens %(max)s MB per bestand.")
                    % {
                        "naam": name,
                        "mb": round(info.file_size / 1024 / 1024, 1),
                        "max": MAX_FILE_BYTES // 1024 // 1024,
                    }
                )
                continue
            with opened.open(info) as member:
                content = member.read(MAX_FILE_BYTES + 1)  # the header's size may lie
            total += len(content)
            if len(content) > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
                archive.problems.append(_("%(naam)s is te groot uitgepakt.") % {"naam": name})
                continue
            try:
                parsed = orjson.loads(content)
            except orjson.JSONDecodeError:
                archive.problems.append(_("%(naam)s is geen geldige JSON.") % {"naam": name})
                continue
            if name in transfer_extra.FILES:
                if isinstance(parsed, list) and len(parsed) <= MAX_OBJECTS:
                    archive.own[name] = parsed
                else:
                    archive.problems.append(_("%(naam)s moet een lijst zijn.") % {"naam": name})
                continue
            if not isinstance(parsed, list) or not all(
                isinstance(item, dict) and item.get("url") for item in parsed
            ):
                archive.problems.append(
                    _("%(naam)s moet een lijst van objecten met een url zijn.") % {"naam": name}
                )
                continue
            if len(parsed) > MAX_OBJECTS:
                archive.problems.append(_("%(naam)s bevat te veel objecten.") % {"naam": name})
                continue
            archive.files[name] = parsed
    for required in ("Catalogus.json", "ZaakType.json"):
        if required not in archive.files and not any(required in problem for problem in archive.problems):
            archive.problems.append(_("%(naam)s ontbreekt in het ZIP-bestand.") % {"naam": required})
    if len(archive.objects("Catalogus.json")) > 1:
        archive.problems.append(_("Catalogus.json moet precies één catalogus bevatten."))
    return archive


def local_selectielijst(url: str) -> str:
    """A selectielijst URL of any deployment as the same entry (by UUID) in the Referentielijsten
    API this deployment uses; other URLs as given."""
    match = _SELECTIELIJST.search(url or "")
    if not match:
        return url
    return f"{referentielijsten_root()}/{match.group(1)}/{match.group(2).lower()}"


@dataclass
class Plan:
    """What an import will do, or why it cannot."""

    archive: Archive
    catalogus: Json
    target: str = ""  # the existing catalogus it goes into ("" = create it)
    problems: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # URL in the archive → name of the object

    @property
    def ok(self) -> bool:
        return not self.problems and not self.archive.problems


def _name(item: Json, kind: str) -> str:
    return str(item.get("identificatie") if kind == "ZaakType.json" else item.get("omschrijving") or "")


def _reference_names(plan: Plan, values: Iterable[Any], kind: str, where: str) -> list[str]:
    """References (URLs in the archive, or names) as names; a URL the archive lacks is a problem."""
    names = []
    for value in values:
        text = str(value)
        if text.startswith(("http://", "https://")):
            if text not in plan.names:
                plan.problems.append(
                    _("%(waar)s verwijst naar %(url)s, maar dat staat niet in %(bestand)s.")
                    % {"waar": where, "url": text, "bestand": kind}
                )
                continue
            names.append(plan.names[text])
        else:
            names.append(text)
    return names


def plan(client: ZGWClient, archive: Archive) -> Plan:
    """Check every reference and clash before anything is written."""
    catalogus = archive.objects("Catalogus.json")[0] if archive.objects("Catalogus.json") else {}
    result = Plan(archive, catalogus)
    if archive.problems:
        return result
    for name in FILES:
        for item in archive.objects(name):
            result.names[str(item["url"])] = _name(item, name)
    catalogus_url = str(catalogus["url"])
    zaaktype_urls = {str(item["url"]) for item in archive.objects("ZaakType.json")}
    for name in ("InformatieObjectType.json", "BesluitType.json", "ZaakType.json"):
        for item in archive.objects(name):
            if item.get("catalogus") != catalogus_url:
                result.problems.append(
                    _("%(bestand)s: %(naam)s hoort bij een andere catalogus (%(url)s) dan in Catalogus.json.")
                    % {"bestand": name, "naam": _name(item, name), "url": item.get("catalogus")}
                )
    # every object a zaaktype lists is in its file, and every sub-type's zaaktype is in ZaakType.json
    for zaaktype in archive.objects("ZaakType.json"):
        for name, listing in ZAAKTYPE_LISTS.items():
            urls = {str(item["url"]) for item in archive.objects(name)}
            missing = [url for url in zaaktype.get(listing) or [] if url not in urls]
            if missing and name not in archive.files:
                result.problems.append(
                    _("%(bestand)s ontbreekt, maar zaaktype %(naam)s heeft %(aantal)s %(soort)s.")
                    % {
                        "bestand": name,
                        "naam": zaaktype.get("identificatie"),
                        "aantal": len(missing),
                        "soort": listing,
                    }
                )
            elif missing:
                result.problems.append(
                    _("Zaaktype %(naam)s noemt %(aantal)s %(soort)s die niet in %(bestand)s staan.")
                    % {
                        "naam": zaaktype.get("identificatie"),
                        "aantal": len(missing),
                        "soort": listing,
                        "bestand": name,
                    }
                )
    for name in SUBTYPE_FILES:
        for item in archive.objects(name):
            if item.get("zaaktype") not in zaaktype_urls:
                result.problems.append(
                    _("%(bestand)s: zaaktype %(url)s ontbreekt in ZaakType.json.")
                    % {"bestand": name, "url": item.get("zaaktype")}
                )
            statustype = item.get("statustype")
            if statustype and statustype not in {
                str(entry["url"]) for entry in archive.objects("StatusType.json")
            }:
                result.problems.append(
                    _("%(bestand)s: statustype %(url)s ontbreekt in StatusType.json.")
                    % {"bestand": name, "url": statustype}
                )
    _check_type_references(result)
    _check_selectielijst(client, result)
    _check_target(client, result)
    result.problems += transfer_extra.problems(
        archive.own, {str(item.get("identificatie")) for item in archive.objects("ZaakType.json")}
    )
    return result


def _check_type_references(plan: Plan) -> None:
    archive = plan.archive
    for zaaktype in archive.objects("ZaakType.json"):
        where = _("Zaaktype %(naam)s") % {"naam": zaaktype.get("identificatie")}
        _reference_names(
            plan,
            _names_or_urls(zaaktype, "besluittypen", "besluittypeOmschrijving"),
            "BesluitType.json",
            where,
        )
        _reference_names(
            plan,
            _names_or_urls(zaaktype, "deelzaaktypen", "deelzaaktypeIdentificaties"),
            "ZaakType.json",
            where,
        )
    for item in archive.objects("ZaakTypeInformatieObjectType.json"):
        _reference_names(
            plan,
            [item.get("informatieobjecttype")],
            "InformatieObjectType.json",
            "ZaakTypeInformatieObjectType.json",
        )
    for item in archive.objects("ResultaatType.json"):
        where = _("Resultaattype %(naam)s") % {"naam": item.get("omschrijving")}
        _reference_names(
            plan, _names_or_urls(item, "besluittypen", "besluittypeOmschrijving"), "BesluitType.json", where
        )
        _reference_names(
            plan,
            _names_or_urls(item, "informatieobjecttypen", "informatieobjecttypeOmschrijving"),
            "InformatieObjectType.json",
            where,
        )
    for item in archive.objects("BesluitType.json"):
        where = _("Besluittype %(naam)s") % {"naam": item.get("omschrijving")}
        _reference_names(
            plan,
            _names_or_urls(item, "informatieobjecttypen", "informatieobjecttypeOmschrijvingen"),
            "InformatieObjectType.json",
            where,
        )


def _names_or_urls(item: Json, urls: str, names: str) -> list[Any]:
    """The 1.3.3 name list when the object has it, else its URL list (older exports)."""
    found = item.get(names)
    return list(found) if isinstance(found, list) else list(item.get(urls) or [])


def _check_selectielijst(client: ZGWClient, plan: Plan) -> None:
    seen: set[str] = set()
    for name in ("ZaakType.json", "ResultaatType.json"):
        for item in plan.archive.objects(name):
            for key in SELECTIELIJST_FIELDS:
                value = item.get(key)
                if not value or value in seen:
                    continue
                seen.add(str(value))
                local = local_selectielijst(str(value))
                try:
                    client.http.request("GET", local)
                except ClientError:
                    plan.problems.append(
                        _("%(veld)s %(url)s staat niet in de referentielijsten van deze installatie.")
                        % {"veld": key, "url": value}
                    )


def _check_target(client: ZGWClient, plan: Plan) -> None:
    catalogus = plan.catalogus
    found = list(
        client.catalogi.catalogussen.list(domein=catalogus.get("domein"), rsin=catalogus.get("rsin"))
    )
    if not found:
        return
    plan.target = found[0].url
    params = {"catalogus": plan.target, "status": "alles"}
    existing = {item.identificatie for item in client.catalogi.zaaktypen.list(**params)}
    for zaaktype in plan.archive.objects("ZaakType.json"):
        if zaaktype.get("identificatie") in existing:
            plan.problems.append(
                _("Zaaktype %(naam)s bestaat al in catalogus %(domein)s; er is niets geïmporteerd.")
                % {"naam": zaaktype.get("identificatie"), "domein": catalogus.get("domein")}
            )
    documenten = {item.omschrijving for item in client.catalogi.informatieobjecttypen.list(**params)}
    besluiten = {item.omschrijving for item in client.catalogi.besluittypen.list(**params)}
    for name, present in (("InformatieObjectType.json", documenten), ("BesluitType.json", besluiten)):
        for item in plan.archive.objects(name):
            if item.get("omschrijving") in present and item.get("omschrijving") not in plan.reused:
                plan.reused.append(str(item.get("omschrijving")))


# --- writing -------------------------------------------------------------------------------------


@dataclass
class Result:
    created: list[str] = field(default_factory=list)  # URLs, in the order of creation
    catalogus: str = ""
    counts: dict[str, int] = field(default_factory=dict)


class ImportFailed(Exception):
    def __init__(self, message: str, fields: dict[str, list[str]], catalogus_left: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields
        self.catalogus_left = catalogus_left


class _Writer:
    def __init__(self, client: ZGWClient, plan: Plan) -> None:
        self.client = client
        self.plan = plan
        self.result = Result()
        self.urls: dict[str, str] = {}  # archive URL → created URL
        self.to_publish: list[tuple[str, str, Json]] = []  # (collection, created URL, source)

    def create(self, name: str, body: Json, source: Json, kind: str) -> str:
        created = _api(self.client, name).create(body, toelichting="beheer: import").as_json()
        url = str(created["url"])
        self.result.created.append(url)
        self.urls[str(source["url"])] = url
        self.result.counts[kind] = self.result.counts.get(kind, 0) + 1
        if "concept" in source and not source.get("concept"):
            self.to_publish.append((name, url, source))
        return url

    def names(self, values: Iterable[Any]) -> list[str]:
        return [self.plan.names.get(str(value), str(value)) for value in values]

    def run(self) -> Result:
        plan, archive = self.plan, self.plan.archive
        catalogus = plan.target or self._catalogus()
        self.result.catalogus = catalogus
        for name, kind in (
            ("InformatieObjectType.json", "informatieobjecttypen"),
            ("BesluitType.json", "besluittypen"),
        ):
            for item in sorted(archive.objects(name), key=_type_order):
                if item.get("omschrijving") in plan.reused:
                    continue
                body = writable(item)
                body["catalogus"] = catalogus
                if kind == "besluittypen":
                    body["informatieobjecttypen"] = self.names(
                        _names_or_urls(item, "informatieobjecttypen", "informatieobjecttypeOmschrijvingen")
                    )
                    body.pop("zaaktypen", None)
                    body.pop("resultaattypen", None)
                    body.pop("vastgelegdIn", None)
                if kind == "informatieobjecttypen":
                    body.pop("zaaktypen", None)
                    body.pop("besluittypen", None)
                for key in (
                    "informatieobjecttypeOmschrijvingen",
                    "resultaattypenOmschrijving",
                    "zaaktypeIdentificaties",
                ):
                    body.pop(key, None)
                self.create(kind, body, item, kind)
        zaaktypen = sorted(archive.objects("ZaakType.json"), key=_zaaktype_order)
        for item in zaaktypen:
            body = writable(item)
            body.update(
                catalogus=catalogus,
                besluittypen=self.names(_names_or_urls(item, "besluittypen", "besluittypeOmschrijving")),
                deelzaaktypen=[],
                gerelateerdeZaaktypen=[],
            )
            for key in SELECTIELIJST_FIELDS:
                if body.get(key):
                    body[key] = local_selectielijst(str(body[key]))
            self.create("zaaktypen", body, item, "zaaktypen")
        for item in zaaktypen:
            related = [
                {
                    **relation,
                    "zaaktype": self.urls.get(str(relation.get("zaaktype")), relation.get("zaaktype")),
                }
                for relation in item.get("gerelateerdeZaaktypen") or []
                if isinstance(relation, dict)
            ]
            deel = self.names(_names_or_urls(item, "deelzaaktypen", "deelzaaktypeIdentificaties"))
            if related or deel:
                self.client.catalogi.zaaktypen.partial_update(
                    self.urls[str(item["url"])],
                    {"gerelateerdeZaaktypen": related, "deelzaaktypen": deel},
                    toelichting="beheer: import",
                )
        for name, kind in SUBTYPE_FILES.items():
            ordered = archive.objects(name)
            if kind == "statustypen":
                ordered = sorted(ordered, key=lambda entry: int(entry.get("volgnummer") or 0))
            for item in ordered:
                body = subtype_body(item)
                body["zaaktype"] = self.urls[str(item["zaaktype"])]
                if body.get("statustype"):
                    body["statustype"] = self.urls.get(str(body["statustype"]))
                if kind == "zaaktype_informatieobjecttypen":
                    body["informatieobjecttype"] = self.names([item.get("informatieobjecttype")])[0]
                if kind == "resultaattypen":
                    body["besluittypen"] = self.names(
                        _names_or_urls(item, "besluittypen", "besluittypeOmschrijving")
                    )
                    body["informatieobjecttypen"] = self.names(
                        _names_or_urls(item, "informatieobjecttypen", "informatieobjecttypeOmschrijving")
                    )
                    body.pop("omschrijvingGeneriek", None)
                    for key in SELECTIELIJST_FIELDS:
                        if body.get(key):
                            body[key] = local_selectielijst(str(body[key]))
                self.create(kind, body, item, kind)
        self._publish()
        return self.result

    def _catalogus(self) -> str:
        body = {
            key: value
            for key, value in self.plan.catalogus.items()
            if key
            in (
                "domein",
                "rsin",
                "contactpersoonBeheerNaam",
                "contactpersoonBeheerTelefoonnummer",
                "contactpersoonBeheerEmailadres",
                "naam",
                "versie",
                "begindatumVersie",
            )
        }
        created = self.client.catalogi.catalogussen.create(body, toelichting="beheer: import")
        self.urls[str(self.plan.catalogus["url"])] = created.url
        return created.url

    def _publish(self) -> None:
        order = {"informatieobjecttypen": 0, "besluittypen": 1, "zaaktypen": 2}
        items = sorted(
            (entry for entry in self.to_publish if entry[0] in order),
            key=lambda entry: (order[entry[0]], str(entry[2].get("beginGeldigheid"))),
        )
        for entry in items:
            self.client.http.request("POST", f"{entry[1]}/publish")
        for name, url, source in items:
            einde = source.get("eindeGeldigheid")
            current = _api(self.client, name).get(url).as_json()
            if current.get("eindeGeldigheid") != einde:
                _api(self.client, name).partial_update(
                    url, {"eindeGeldigheid": einde}, toelichting="beheer: import"
                )

    def undo(self) -> None:
        """Delete what was created, newest first (a concept zaaktype takes its sub-types along; a
        sub-type already gone is fine)."""
        for url in reversed(self.result.created):
            try:
                self.client.http.request("DELETE", url, expected=(204, 404))
            except ClientError:
                continue


def import_archive(client: ZGWClient, user: User, checked: Plan) -> Result:
    """Write a checked plan; on a refusal midway delete what was created and raise ImportFailed."""
    writer = _Writer(client, checked)
    try:
        result = writer.run()
    except ClientError as exc:
        writer.undo()
        refusal = refused_by_api(exc)
        left = writer.result.catalogus if not checked.target else ""
        raise ImportFailed(refusal.message, refusal.fields, left) from exc
    try:
        result.counts.update(transfer_extra.restore(checked.archive.own, result.catalogus))
    except DatabaseError as exc:  # our own tables refused (checked before: a conflict meanwhile)
        writer.undo()
        left = writer.result.catalogus if not checked.target else ""
        raise ImportFailed(
            _("De behandelparameters of formulieren konden niet worden opgeslagen: %(fout)s") % {"fout": exc},
            {},
            left,
        ) from exc
    record(
        user,
        "geïmporteerd",
        "catalogus",
        _("Import in catalogus %(domein)s: %(aantallen)s")
        % {
            "domein": checked.catalogus.get("domein"),
            "aantallen": ", ".join(f"{count} {kind}" for kind, count in sorted(result.counts.items())),
        },
        url=result.catalogus,
        details={"aangemaakt": result.created, "hergebruikt": checked.reused},
    )
    return result


# --- comparing exports -----------------------------------------------------------------------------


def canonical(data: bytes, referentielijsten: str | None = None) -> dict[str, list[Json]]:
    """An export with every URL of its own objects replaced by the object's file and name, so the
    exports of two deployments with the same catalogue compare equal."""
    archive = read_archive(data)
    names: dict[str, str] = {}
    for name in FILES:
        for item in archive.objects(name):
            key = _name(item, name)
            if name in SUBTYPE_FILES:
                label = item.get("omschrijving") or item.get("naam") or item.get("informatieobjecttype")
                label = names.get(str(label), label)
                key = f"{names.get(str(item.get('zaaktype')), '')}/{label}/{item.get('volgnummer', '')}"
            elif name != "Catalogus.json":
                key = f"{key}@{item.get('beginGeldigheid')}"
            names[str(item["url"])] = f"{name[:-5]}:{key}"
    root = referentielijsten or referentielijsten_root()

    def replace(value: Any) -> Any:
        if isinstance(value, str):
            if value in names:
                return names[value]
            return "<referentielijsten>" + value[len(root) :] if value.startswith(root) else value
        if isinstance(value, list):
            replaced = [replace(item) for item in value]
            return sorted(replaced, key=lambda item: orjson.dumps(item, option=orjson.OPT_SORT_KEYS))
        if isinstance(value, dict):
            return {key: replace(item) for key, item in value.items()}
        return value

    result: dict[str, list[Json]] = {}
    for name in FILES:
        if name in archive.files:
            items = [replace(item) for item in archive.objects(name)]
            result[name] = sorted(items, key=lambda item: str(item.get("url")))
    result.update(archive.own)  # our own files hold no URLs and are written in a fixed order
    return result


Sorter = Callable[[Json], Any]
