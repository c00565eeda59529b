"""Statussen: setting, closing and reopening zaken through the API (RULES.md 3.4, 3.5, zrc-016)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.robustness import Json, bodies
from tests.zaken.factories import BASE, CRS, codes, create_zaak, zaken_client
from tests.zaken.status_helpers import (
    BEGIN,
    EIND,
    ClosableType,
    add_resultaat,
    add_status,
    closable_zaaktype,
    closed_zaak,
    read_zaak,
)
from tests.zgw import ZGWClient
from zaakwerk.core import references
from zaakwerk.core.actor import Actor
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken.models import Rol, Status, Zaak, ZaakInformatieObject
from zaakwerk.zaken.services import statussen as statussen_service
from zaakwerk.zaken.services.inputs import StatusValues

pytestmark = pytest.mark.django_db

READ = "zaken.lezen"
TOEVOEGEN = "zaken.statussen.toevoegen"
HEROPENEN = "zaken.heropenen"
FORCED = "zaken.geforceerd-bijwerken"
DOCUMENT = "http://testserver/documenten/api/v1/enkelvoudiginformatieobjecten/{}"


@pytest.fixture
def types(api: ZGWClient) -> ClosableType:
    return closable_zaaktype(api)


def test_set_status_read_and_head(api: ZGWClient, types: ClosableType) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype)
    # when
    created = add_status(api, zaak["url"], types.begin, statustoelichting="Ontvangen aan de balie")
    # then
    assert created.status_code == 201, created.json_body
    data = created.json_body
    assert created["Location"] == data["url"]
    assert data["zaak"] == zaak["url"]
    assert data["indicatieLaatstGezetteStatus"] is True
    assert data["datumStatusGezet"] == BEGIN
    assert read_zaak(api, zaak["url"])["status"] == data["url"]
    read = api.get(data["url"])
    assert read.status_code == 200
    assert read.json_body == data
    head = api.head(data["url"])
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == read["ETag"]
    assert api.get(data["url"], headers={"If-None-Match": read["ETag"]}).status_code == 304
    # the change is in the zaak's audit trail and announced on kanaal zaken
    line = AuditTrail.objects.get(resource="status")
    assert (line.hoofd_object, line.resource_url, line.actie) == (zaak["url"], data["url"], "create")
    message = OutboxMessage.objects.get(resource="status")
    assert message.kanaal == "zaken" and message.hoofd_object == zaak["url"]
    assert message.kenmerken == {
        "bronorganisatie": zaak["bronorganisatie"],
        "zaaktype": types.zaaktype,
        "vertrouwelijkheidaanduiding": zaak["vertrouwelijkheidaanduiding"],
    }


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2024-03-02T10:00:00+01:00", "2024-03-02T09:00:00Z"),
        ("2024-03-02T09:00:00", "2024-03-02T08:00:00Z"),  # without offset: the local time (Europe/Amsterdam)
        ("1937-01-01T00:00:00", "1936-12-31T23:40:28Z"),  # a local offset of seconds becomes UTC
    ],
)
def test_datum_status_gezet_is_answered_in_utc(
    api: ZGWClient, types: ClosableType, given: str, stored: str
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    response = add_status(api, zaak["url"], types.begin, given)
    assert response.status_code == 201, response.json_body
    assert response.json_body["datumStatusGezet"] == stored
    assert api.get(response.json_body["url"]).json_body["datumStatusGezet"] == stored


def test_latest_datum_status_gezet_is_current(api: ZGWClient, types: ClosableType) -> None:
    zaak = create_zaak(api, types.zaaktype)
    later = add_status(api, zaak["url"], types.begin, "2024-04-01T08:00:00Z").json_body
    earlier = add_status(api, zaak["url"], types.begin, "2024-03-15T08:00:00Z").json_body
    assert read_zaak(api, zaak["url"])["status"] == later["url"]
    assert api.get(earlier["url"]).json_body["indicatieLaatstGezetteStatus"] is False
    assert api.get(later["url"]).json_body["indicatieLaatstGezetteStatus"] is True


def test_closing_sets_einddatum_and_archiving(api: ZGWClient, types: ClosableType) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype)
    assert add_resultaat(api, zaak["url"], types.vernietigen).status_code == 201
    # when
    response = add_status(api, zaak["url"], types.eind, EIND)
    # then: the date as the client wrote it, archiving derived from the resultaattype (afgehandeld, P10Y)
    assert response.status_code == 201, response.json_body
    closed = read_zaak(api, zaak["url"])
    assert closed["einddatum"] == "2024-05-10"
    assert closed["archiefnominatie"] == "vernietigen"
    assert closed["archiefactiedatum"] == "2034-05-10"
    assert closed["status"] == response.json_body["url"]


def test_closing_keeps_a_given_archiefnominatie(api: ZGWClient, types: ClosableType) -> None:
    zaak = closed_zaak(api, types, archiefnominatie="blijvend_bewaren")
    assert zaak["archiefnominatie"] == "blijvend_bewaren"
    assert zaak["archiefactiedatum"] == "2034-05-10"


def test_closing_without_resultaat_is_refused_and_writes_nothing(api: ZGWClient, types: ClosableType) -> None:
    zaak = create_zaak(api, types.zaaktype)
    before = OutboxMessage.objects.count()
    response = add_status(api, zaak["url"], types.eind, EIND)
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "resultaat-does-not-exist")]
    assert not Status.objects.exists()
    assert OutboxMessage.objects.count() == before
    assert read_zaak(api, zaak["url"])["einddatum"] is None


@pytest.fixture
def documents() -> Iterator[dict[uuid.UUID, bool | None]]:
    """A stand-in Documenten API: the informatieobjecten a test puts in, with their
    indicatieGebruiksrecht."""
    indicaties: dict[uuid.UUID, bool | None] = {}

    def load(key: uuid.UUID) -> dict[str, Any] | None:
        if key not in indicaties:
            return None
        return {"url": DOCUMENT.format(key), "indicatieGebruiksrecht": indicaties[key]}

    with references.loaders.replaced(
        references.loader_key("documenten", "enkelvoudiginformatieobjecten"), load
    ):
        yield indicaties


@pytest.mark.parametrize(
    ("indicaties", "closes"),
    [
        ([True, False], True),
        ([True, None], False),
        ([], True),
    ],
)
def test_closing_needs_indicatie_gebruiksrecht(
    api: ZGWClient,
    types: ClosableType,
    documents: dict[uuid.UUID, bool | None],
    indicaties: list[bool | None],
    closes: bool,
) -> None:
    # given: a zaak with informatieobjecten (zrc-007)
    keys = {uuid.uuid4(): value for value in indicaties}
    documents.update(keys)
    zaak = create_zaak(api, types.zaaktype)
    row = Zaak.objects.get(uuid=zaak["uuid"])
    for key in keys:
        ZaakInformatieObject.objects.create(
            zaak=row, informatieobject=DOCUMENT.format(key), registratiedatum=timezone.now()
        )
    add_resultaat(api, zaak["url"], types.vernietigen)
    # when
    response = add_status(api, zaak["url"], types.eind, EIND)
    # then
    if closes:
        assert response.status_code == 201, response.json_body
    else:
        assert response.status_code == 400
        assert codes(response) == [("nonFieldErrors", "indicatiegebruiksrecht-unset")]
        assert read_zaak(api, zaak["url"])["einddatum"] is None


def test_unreadable_informatieobject_blocks_closing(
    api: ZGWClient, types: ClosableType, documents: dict[uuid.UUID, bool | None]
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    row = Zaak.objects.get(uuid=zaak["uuid"])
    ZaakInformatieObject.objects.create(
        zaak=row, informatieobject=DOCUMENT.format(uuid.uuid4()), registratiedatum=timezone.now()
    )
    add_resultaat(api, zaak["url"], types.vernietigen)
    response = add_status(api, zaak["url"], types.eind, EIND)
    assert codes(response) == [("nonFieldErrors", "indicatiegebruiksrecht-unset")]


def test_statustype_of_another_zaaktype(api: ZGWClient, types: ClosableType) -> None:
    other = closable_zaaktype(api, identificatie="ZT-ANDER")
    zaak = create_zaak(api, types.zaaktype)
    response = add_status(api, zaak["url"], other.begin)
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "zaaktype-mismatch")]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"statustype": "http://testserver/catalogi/api/v1/statustypen/" + str(uuid.UUID(int=1))},
            [("statustype", "bad-url")],
        ),
        ({"statustype": "https://elders.example/statustypen/1"}, [("statustype", "bad-url")]),
        ({"zaak": "http://testserver/zaken/api/v1/zaken/" + str(uuid.UUID(int=2))}, [("zaak", "bad-url")]),
        ({"zaak": "https://elders.example/zaken/1"}, [("zaak", "bad-url")]),
        ({"datumStatusGezet": "gisteren"}, [("datumStatusGezet", "invalid")]),
        ({"datumStatusGezet": None}, [("datumStatusGezet", "null")]),
        ({"statustoelichting": "x" * 1001}, [("statustoelichting", "max_length")]),
        ({"gezetdoor": "geen url"}, [("gezetdoor", "invalid")]),
        (
            {"gezetdoor": "http://testserver/zaken/api/v1/rollen/" + str(uuid.UUID(int=3))},
            [("gezetdoor", "bad-url")],
        ),
    ],
)
def test_invalid_input(
    api: ZGWClient, types: ClosableType, change: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    zaak = create_zaak(api, types.zaaktype)
    body = {"zaak": zaak["url"], "statustype": types.begin, "datumStatusGezet": BEGIN, **change}
    response = api.post(f"{BASE}/statussen", body)
    assert response.status_code == 400
    assert codes(response) == expected
    assert not Status.objects.exists()


def test_gezetdoor_must_be_a_rol_of_the_zaak(api: ZGWClient, types: ClosableType) -> None:
    zaak, other = create_zaak(api, types.zaaktype), create_zaak(api, types.zaaktype)
    rollen = [
        Rol.objects.create(zaak=Zaak.objects.get(uuid=z["uuid"]), betrokkene_type="medewerker", roltype="x")
        for z in (zaak, other)
    ]
    wrong = add_status(api, zaak["url"], types.begin, gezetdoor=rollen[1].url)
    assert codes(wrong) == [("gezetdoor", "zaak-mismatch")]
    right = add_status(api, zaak["url"], types.begin, gezetdoor=rollen[0].url)
    assert right.status_code == 201
    assert right.json_body["gezetdoor"] == rollen[0].url


def test_reopen_needs_heropenen(api: ZGWClient, types: ClosableType) -> None:
    # given: a closed zaak
    zaak = closed_zaak(api, types)
    toevoegen = zaken_client("toevoegen", (types.zaaktype, "zeer_geheim", [READ, TOEVOEGEN]))
    heropenen = zaken_client("heropenen", (types.zaaktype, "zeer_geheim", [READ, HEROPENEN]))
    # when a status that is not the eindstatus is added without zaken.heropenen: 403
    refused = add_status(toevoegen, zaak["url"], types.begin, "2024-06-01T08:00:00Z")
    assert refused.status_code == 403
    assert refused.json_body["code"] == "permission_denied"
    # with zaken.heropenen the zaak is open again, and what closing derived is cleared (zrc-008)
    reopened = add_status(heropenen, zaak["url"], types.begin, "2024-06-01T08:00:00Z")
    assert reopened.status_code == 201, reopened.json_body
    after = read_zaak(api, zaak["url"])
    assert (after["einddatum"], after["archiefnominatie"], after["archiefactiedatum"]) == (None, None, None)
    assert after["status"] == reopened.json_body["url"]


def test_eindstatus_on_closed_zaak_needs_geforceerd(api: ZGWClient, types: ClosableType) -> None:
    zaak = closed_zaak(api, types)
    toevoegen = zaken_client("toevoegen", (types.zaaktype, "zeer_geheim", [READ, TOEVOEGEN]))
    forced = zaken_client("forced", (types.zaaktype, "zeer_geheim", [READ, TOEVOEGEN, FORCED]))
    assert add_status(toevoegen, zaak["url"], types.eind, "2024-06-01T08:00:00Z").status_code == 403
    again = add_status(forced, zaak["url"], types.eind, "2024-06-01T08:00:00Z")
    assert again.status_code == 201, again.json_body
    assert read_zaak(api, zaak["url"])["einddatum"] == "2024-06-01"


def test_forced_failure_midway_leaves_nothing(
    api: ZGWClient, types: ClosableType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: a zaak ready to close
    zaak = create_zaak(api, types.zaaktype)
    add_resultaat(api, zaak["url"], types.vernietigen)
    row = Zaak.objects.get(uuid=zaak["uuid"])
    audit, outbox = AuditTrail.objects.count(), OutboxMessage.objects.count()

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the outbox is unavailable")

    # when writing the audit line and notification fails after the status and the zaak were written
    monkeypatch.setattr(statussen_service, "record", broken)
    values: StatusValues = {
        "statustype": types.eind,
        "datum_status_gezet": timezone.now(),
        "statustoelichting": "",
    }
    rights = statussen_service.StatusRights(heropenen=True, geforceerd=True)
    with pytest.raises(RuntimeError):
        statussen_service.set_status(row, values, Actor.system("test"), rights=rights)
    # then nothing of it remains
    row.refresh_from_db()
    assert (row.einddatum, row.status_id, row.archiefnominatie, row.archiefactiedatum) == (
        None,
        None,
        "",
        None,
    )
    assert not Status.objects.exists()
    assert (AuditTrail.objects.count(), OutboxMessage.objects.count()) == (audit, outbox)


def test_list_filters_and_pagination(api: ZGWClient, types: ClosableType) -> None:
    first, second = create_zaak(api, types.zaaktype), create_zaak(api, types.zaaktype)
    old = add_status(api, first["url"], types.begin, "2024-03-02T09:00:00Z").json_body
    new = add_status(api, first["url"], types.begin, "2024-03-03T09:00:00Z").json_body
    other = add_status(api, second["url"], types.begin).json_body

    def urls(**query: str) -> list[str]:
        response = api.get(f"{BASE}/statussen", **query)
        assert response.status_code == 200, response.json_body
        assert response.json_body["count"] == len(response.json_body["results"])
        return [item["url"] for item in response.json_body["results"]]

    assert urls() == [old["url"], new["url"], other["url"]]
    assert urls(zaak=first["url"]) == [old["url"], new["url"]]
    assert urls(statustype=types.begin) == [old["url"], new["url"], other["url"]]
    assert urls(statustype=types.eind) == []
    assert urls(indicatieLaatstGezetteStatus="true") == [new["url"], other["url"]]
    assert urls(indicatieLaatstGezetteStatus="false") == [old["url"]]
    assert urls(zaak="https://elders.example/zaken/1") == []
    page = api.get(f"{BASE}/statussen", page="1").json_body
    assert page["next"] is None and page["previous"] is None
    assert api.get(f"{BASE}/statussen", page="2").status_code == 404
    assert codes(api.get(f"{BASE}/statussen", onbekend="1")) == [("nonFieldErrors", "unknown-parameters")]
    assert codes(api.get(f"{BASE}/statussen", zaak="geen-url")) == [("zaak", "invalid")]
    assert codes(api.get(f"{BASE}/statussen", indicatieLaatstGezetteStatus="soms"))[0][0] == (
        "indicatieLaatstGezetteStatus"
    )


def test_expand_zaak(api: ZGWClient, types: ClosableType) -> None:
    zaak = create_zaak(api, types.zaaktype)
    status = add_status(api, zaak["url"], types.begin).json_body
    response = api.get(status["url"], expand="zaak")
    assert response.status_code == 200
    assert response.json_body["_expand"]["zaak"]["url"] == zaak["url"]
    listed = api.get(f"{BASE}/statussen", expand="zaak").json_body["results"]
    assert [item["_expand"]["zaak"]["url"] for item in listed] == [zaak["url"]]
    assert api.get(status["url"], expand="onbekend").status_code == 404


def test_a_standard_reference_left_out_when_empty_expands_to_the_empty_object(
    api: ZGWClient, types: ClosableType
) -> None:
    # given a status without gezetdoor (left out of its representation), as the VNG OAS suite reads it
    zaak = create_zaak(api, types.zaaktype)
    status = add_status(api, zaak["url"], types.begin).json_body
    assert "gezetdoor" not in status
    # when the zaak is read with its status and the status's gezetdoor expanded
    response = api.get(zaak["url"], expand="status.statustype,status.gezetdoor", headers=CRS)
    # then gezetdoor is the empty object (StatusEmbedded names it), not a 404
    assert response.status_code == 200, response.json_body
    embedded = response.json_body["_expand"]["status"]["_expand"]
    assert embedded["gezetdoor"] == {}
    assert embedded["statustype"]["url"] == types.begin


@pytest.fixture
def visible_setup(api: ZGWClient, types: ClosableType) -> dict[str, str]:
    """Statussen of an openbare and a geheime zaak of one zaaktype, and one of another zaaktype."""
    other = closable_zaaktype(api, identificatie="ZT-ANDER")
    made = {
        "openbaar": create_zaak(api, types.zaaktype, vertrouwelijkheidaanduiding="openbaar"),
        "geheim": create_zaak(api, types.zaaktype, vertrouwelijkheidaanduiding="geheim"),
        "ander": create_zaak(api, other.zaaktype, vertrouwelijkheidaanduiding="openbaar"),
    }
    statustypen = {"openbaar": types.begin, "geheim": types.begin, "ander": other.begin}
    return {
        name: add_status(api, zaak["url"], statustypen[name]).json_body["url"] for name, zaak in made.items()
    }


@pytest.mark.parametrize(
    ("maximum", "visible"),
    [("openbaar", {"openbaar"}), ("geheim", {"openbaar", "geheim"}), ("zeer_geheim", {"openbaar", "geheim"})],
)
def test_visibility_per_zaaktype_and_vertrouwelijkheid(
    types: ClosableType, visible_setup: dict[str, str], maximum: str, visible: set[str]
) -> None:
    client = zaken_client(f"lezer-{maximum}", (types.zaaktype, maximum, [READ]))
    listed = client.get(f"{BASE}/statussen").json_body
    assert {item["url"] for item in listed["results"]} == {visible_setup[name] for name in visible}
    assert listed["count"] == len(visible)
    for name, url in visible_setup.items():
        assert client.get(url).status_code == (200 if name in visible else 403)


def test_scopes(types: ClosableType, visible_setup: dict[str, str]) -> None:
    zaak_url = (
        Status.objects.select_related("zaak").get(uuid=visible_setup["openbaar"].rsplit("/", 1)[1]).zaak.url
    )
    only_read = zaken_client("alleen-lezen", (types.zaaktype, "zeer_geheim", [READ]))
    no_read = zaken_client("geen-lezen", (types.zaaktype, "zeer_geheim", [TOEVOEGEN]))
    assert add_status(only_read, zaak_url, types.begin).status_code == 403
    assert no_read.get(f"{BASE}/statussen").status_code == 403
    assert no_read.get(visible_setup["openbaar"]).status_code == 403
    # a status for a zaak of a zaaktype the caller may not add statussen to
    other_type = zaken_client(
        "ander-type", ("https://elders.example/zaaktypen/1", "zeer_geheim", [TOEVOEGEN])
    )
    assert add_status(other_type, zaak_url, types.begin).status_code == 403
    assert add_status(no_read, zaak_url, types.begin).status_code == 201


def test_unknown_status_is_404(api: ZGWClient) -> None:
    assert api.get(f"{BASE}/statussen/{uuid.uuid4()}").status_code == 404
    assert api.get(f"{BASE}/statussen/geen-uuid").status_code == 404


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def test_robust_create(api: ZGWClient, types: ClosableType) -> None:
    zaak = create_zaak(api, types.zaaktype)
    add_resultaat(api, zaak["url"], types.vernietigen)
    aimed: list[Callable[[dict[str, Json]], dict[str, Json]]] = [
        lambda body: body,
        lambda body: {**body, "zaak": zaak["url"]},
        lambda body: {**body, "zaak": zaak["url"], "statustype": types.eind},
        lambda body: {**body, "zaak": zaak["url"], "statustype": types.begin},
    ]

    @given(body=bodies("zaken-1.7.0.yaml", "/statussen", "post"))
    @FUZZ
    def run(body: Json) -> None:
        if isinstance(body, dict):
            body = aimed[len(body) % len(aimed)](body)
        fuzz_send(api, "POST", f"{BASE}/statussen", body)

    run()
