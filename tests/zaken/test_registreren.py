"""POST /zaken/_registreren (extension, docs/adr/0012): a zaak with its parts, all or nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.catalogi.main_types import catalogus, create, fuzz_send, iot_body, publish, zaaktype_body
from tests.catalogi.sub_types import (
    eigenschap_body,
    roltype_body,
    statustype_body,
    zaakobjecttype_body,
    ziot_body,
)
from tests.robustness import bodies
from tests.zaken.factories import BASE, CRS, codes, zaak_body, zaken_client
from tests.zaken.relation_helpers import FakeDocumenten, documenten
from tests.zaken.subresource_helpers import CREATE, READ, UPDATE, rol_body, zaakobject_body
from tests.zaken.test_robustness import CrsClient
from tests.zgw import ZGWClient
from zaakwerk.api.versions import APIS
from zaakwerk.core.models import AuditTrail, OutboxMessage
from zaakwerk.zaken import registers
from zaakwerk.zaken.models import Rol, Status, Zaak, ZaakEigenschap, ZaakInformatieObject, ZaakObject

pytestmark = pytest.mark.django_db
__all__ = ["documenten"]  # fixture

URL = f"{BASE}/zaken/_registreren"
SPEC = "zaken-1.7.0.yaml"
ROWS = (Zaak, Rol, Status, ZaakEigenschap, ZaakObject, ZaakInformatieObject, AuditTrail, OutboxMessage)


@dataclass(frozen=True)
class Types:
    zaaktype: str
    roltype: str
    eigenschap: str  # kenteken: tekst, lengte 8
    zaakobjecttype: str
    ontvangen: str  # first statustype
    eind: str  # the eindstatus
    iot: str  # related to the zaaktype
    other_iot: str  # not related


@pytest.fixture
def types(api: ZGWClient) -> Types:
    cat = catalogus(api, domein="REGIS")
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat, identificatie="ZT-REG"))["url"]
    iot = publish(api, create(api, "informatieobjecttypen", iot_body(cat))["url"])["url"]
    other = publish(api, create(api, "informatieobjecttypen", iot_body(cat, omschrijving="Ander"))["url"])
    create(api, "zaaktype-informatieobjecttypen", ziot_body(zaaktype, iot))
    result = Types(
        zaaktype=zaaktype,
        roltype=create(api, "roltypen", roltype_body(zaaktype))["url"],
        eigenschap=create(api, "eigenschappen", eigenschap_body(zaaktype))["url"],
        zaakobjecttype=create(api, "zaakobjecttypen", zaakobjecttype_body(zaaktype, cat))["url"],
        ontvangen=create(api, "statustypen", statustype_body(zaaktype))["url"],
        eind=create(api, "statustypen", statustype_body(zaaktype, omschrijving="Klaar", volgnummer=2))["url"],
        iot=iot,
        other_iot=other["url"],
    )
    publish(api, zaaktype)
    return result


def part(body: dict[str, Any]) -> dict[str, Any]:
    """A part's create body without its zaak."""
    return {key: value for key, value in body.items() if key != "zaak"}


def full_body(types: Types, documenten: FakeDocumenten, **overrides: Any) -> dict[str, Any]:
    return {
        **zaak_body(types.zaaktype),
        "rollen": [
            part(rol_body("", types.roltype)),
            part(rol_body("", types.roltype, roltoelichting="Tweede melder")),
        ],
        "status": {"statustype": types.ontvangen, "datumStatusGezet": "2024-03-01T09:00:00Z"},
        "zaakeigenschappen": [{"eigenschap": types.eigenschap, "waarde": "AB-12-CD"}],
        "zaakobjecten": [part(zaakobject_body(""))],
        "zaakinformatieobjecten": [{"informatieobject": documenten.add(types.iot), "titel": "Foto"}],
        **overrides,
    }


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ROWS}


def records() -> Counter[tuple[str, str, str | None, str]]:
    """Audit lines and notifications, by what they say (not by which zaak or when)."""
    lines: Counter[tuple[str, str, str | None, str]] = Counter(
        (a.resource, a.actie, None, a.bron) for a in AuditTrail.objects.all()
    )
    messages = Counter(
        (m.resource, m.actie, m.kanaal, str(sorted(m.kenmerken.items()))) for m in OutboxMessage.objects.all()
    )
    return lines + messages


def test_registers_everything_with_the_records_of_separate_calls(
    api: ZGWClient, types: Types, documenten: FakeDocumenten
) -> None:
    # given
    body = full_body(types, documenten)
    before = records()
    # when
    response = api.post(URL, body, headers=CRS)
    # then
    assert response.status_code == 201, response.json_body
    data = response.json_body
    zaak = data["zaak"]
    assert response["Location"] == zaak["url"]
    assert response["Content-Crs"] == "EPSG:4326"
    assert [rol["roltoelichting"] for rol in data["rollen"]] == [
        "Melder van de losliggende tegel",
        "Tweede melder",
    ]
    assert data["status"]["statustype"] == types.ontvangen
    assert data["zaakeigenschappen"][0]["waarde"] == "AB-12-CD"
    assert data["zaakobjecten"][0]["objectType"] == "adres"
    document = body["zaakinformatieobjecten"][0]["informatieobject"]
    assert data["zaakinformatieobjecten"][0]["informatieobject"] == document
    assert documenten.mirrors == {(document, zaak["url"], "zaak")}
    # stored: one current status, every part on the zaak
    stored = Zaak.objects.get(uuid=zaak["uuid"])
    assert stored.status is not None and str(stored.status.uuid) == data["status"]["uuid"]
    assert zaak["status"] == data["status"]["url"]
    assert sorted(zaak["rollen"]) == sorted(rol["url"] for rol in data["rollen"])
    assert api.get(zaak["url"], headers=CRS).json_body == zaak
    assert api.get(data["status"]["url"]).json_body["indicatieLaatstGezetteStatus"] is True
    registered = records() - before
    # its audit lines in the order the parts were made
    lines = AuditTrail.objects.filter(hoofd_object=zaak["url"]).order_by("id")
    assert [line.resource for line in lines] == [
        "zaak",
        "rol",
        "rol",
        "status",
        "zaakeigenschap",
        "zaakobject",
        "zaakinformatieobject",
    ]

    # the same registration through the standard's separate calls
    separate_before = records()
    created = api.post(f"{BASE}/zaken", zaak_body(types.zaaktype), headers=CRS).json_body
    for rol in body["rollen"]:
        assert api.post(f"{BASE}/rollen", {**rol, "zaak": created["url"]}).status_code == 201
    status = {**body["status"], "zaak": created["url"]}
    assert api.post(f"{BASE}/statussen", status).status_code == 201
    eigenschap = body["zaakeigenschappen"][0]
    assert api.post(f"{created['url']}/zaakeigenschappen", eigenschap).status_code == 201
    zaakobject = {**body["zaakobjecten"][0], "zaak": created["url"]}
    assert api.post(f"{BASE}/zaakobjecten", zaakobject).status_code == 201
    zio = {"informatieobject": documenten.add(types.iot), "titel": "Foto", "zaak": created["url"]}
    assert api.post(f"{BASE}/zaakinformatieobjecten", zio).status_code == 201
    assert records() - separate_before == registered


def _break(types: Types, body: dict[str, Any], kind: str) -> dict[str, Any]:
    """``body`` with one error in the part ``kind``."""
    unknown = types.roltype.rsplit("/", 1)[0] + "/6f7c0000-0000-4000-8000-000000000001"
    changes: dict[str, Any] = {
        "zaak": {"zaaktype": unknown},
        "rol": {"rollen": [body["rollen"][0], {**body["rollen"][1], "roltype": unknown}]},
        "rol-shape": {"rollen": [{**body["rollen"][0], "betrokkeneType": "iemand"}]},
        "status": {"status": {**body["status"], "statustype": types.roltype}},
        "eigenschap": {"zaakeigenschappen": [{"eigenschap": unknown, "waarde": "x"}]},
        "zaakobject": {"zaakobjecten": [{"objectType": "adres", "relatieomschrijving": "Niets"}]},
        "zio": {
            "zaakinformatieobjecten": [{**body["zaakinformatieobjecten"][0], "informatieobject": unknown}]
        },
    }
    return {**body, **changes[kind]}


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("zaak", "zaaktype"),
        ("rol", "rollen.1.roltype"),
        ("rol-shape", "rollen.0.betrokkeneType"),
        ("status", "status.statustype"),
        ("eigenschap", "zaakeigenschappen.0.eigenschap"),
        ("zaakobject", "zaakobjecten.0.object"),
        ("zio", "zaakinformatieobjecten.0.informatieobject"),
    ],
)
def test_an_error_in_any_part_stores_nothing(
    api: ZGWClient, types: Types, documenten: FakeDocumenten, kind: str, name: str
) -> None:
    # given
    body = _break(types, full_body(types, documenten), kind)
    before = counts()
    # when
    response = api.post(URL, body, headers=CRS)
    # then
    assert response.status_code == 400, response.json_body
    assert name in [found for found, _ in codes(response)]
    assert counts() == before
    assert documenten.mirrors == set()


def test_rule_errors_are_named_by_path(api: ZGWClient, types: Types, documenten: FakeDocumenten) -> None:
    # given: the eindstatus (needs a resultaat) and an eigenschap of no zaaktype of the zaak
    body = full_body(
        types,
        documenten,
        status={"statustype": types.eind, "datumStatusGezet": "2024-03-01T09:00:00Z"},
        zaakeigenschappen=[{"eigenschap": types.roltype, "waarde": "x"}],
    )
    before = counts()
    # when
    response = api.post(URL, body, headers=CRS)
    # then: the errors of every part at once; the Documenten register was not asked
    assert response.status_code == 400
    assert sorted(codes(response)) == [
        ("status.nonFieldErrors", "resultaat-does-not-exist"),
        ("zaakeigenschappen.0.eigenschap", "invalid-resource"),
    ]
    assert counts() == before
    assert documenten.mirrors == set()


def test_document_of_another_type_is_named_by_path(
    api: ZGWClient, types: Types, documenten: FakeDocumenten
) -> None:
    other = documenten.add(types.other_iot)
    body = full_body(types, documenten, zaakinformatieobjecten=[{"informatieobject": other}])
    before = counts()
    response = api.post(URL, body, headers=CRS)
    assert response.status_code == 400
    assert codes(response) == [
        ("zaakinformatieobjecten.0.nonFieldErrors", "missing-zaaktype-informatieobjecttype-relation")
    ]
    assert counts() == before


def test_refused_mirror_stores_nothing(api: ZGWClient, types: Types, documenten: FakeDocumenten) -> None:
    body = full_body(types, documenten)
    documenten.refuse = True
    before = counts()
    response = api.post(URL, body, headers=CRS)
    assert response.status_code == 400
    assert codes(response) == [("zaakinformatieobjecten.0.nonFieldErrors", "remote-relation-failed")]
    assert counts() == before


@dataclass
class RemoteDocumenten(FakeDocumenten):
    """A Documenten register in another deployment: its changes are not in our transaction."""

    in_process = False
    refuse_for: set[str] | None = None

    def create_objectinformatieobject(self, informatieobject: str, object_url: str, object_type: str) -> None:
        if self.refuse_for and informatieobject in self.refuse_for:
            raise registers.RegisterError("geweigerd")
        self.mirrors.add((informatieobject, object_url, object_type))


@pytest.fixture
def remote() -> Iterator[RemoteDocumenten]:
    fake = RemoteDocumenten()
    with registers.local_documenten.replaced("documenten", fake):
        yield fake


def test_remote_mirrors_come_last_and_are_compensated(
    api: ZGWClient, types: Types, remote: RemoteDocumenten
) -> None:
    # given: two documents elsewhere; that register refuses the second
    first, second = remote.add(types.iot), remote.add(types.iot)
    remote.refuse_for = {second}
    body = full_body(
        types, remote, zaakinformatieobjecten=[{"informatieobject": first}, {"informatieobject": second}]
    )
    before = counts()
    # when
    response = api.post(URL, body, headers=CRS)
    # then: the first mirror is undone, nothing is stored here
    assert response.status_code == 400
    assert codes(response) == [("zaakinformatieobjecten.1.nonFieldErrors", "remote-relation-failed")]
    assert remote.mirrors == set()
    assert counts() == before


def test_remote_mirrors_are_not_asked_when_a_local_part_fails(
    api: ZGWClient, types: Types, remote: RemoteDocumenten
) -> None:
    body = full_body(types, remote, zaakeigenschappen=[{"eigenschap": types.roltype, "waarde": "x"}])
    response = api.post(URL, body, headers=CRS)
    assert response.status_code == 400
    assert remote.mirrors == set()


def test_remote_success(api: ZGWClient, types: Types, remote: RemoteDocumenten) -> None:
    response = api.post(URL, full_body(types, remote), headers=CRS)
    assert response.status_code == 201, response.json_body
    assert len(remote.mirrors) == 1
    # the relation with the remote document is the last change recorded
    last = AuditTrail.objects.filter(hoofd_object=response.json_body["zaak"]["url"]).order_by("-id").first()
    assert last is not None and last.resource == "zaakinformatieobject"


@pytest.mark.parametrize(
    ("scopes", "status"),
    [
        ([READ], 403),  # no zaken.aanmaken
        ([CREATE], 403),  # rollen and zaakeigenschappen need zaken.bijwerken
        ([CREATE, UPDATE], 201),
    ],
)
def test_scopes(types: Types, documenten: FakeDocumenten, scopes: list[str], status: int) -> None:
    caller = zaken_client(f"reg-{len(scopes)}-{scopes[0]}", (types.zaaktype, "zeer_geheim", scopes))
    before = counts()
    response = caller.post(URL, full_body(types, documenten), headers=CRS)
    assert response.status_code == status, response.json_body
    if status == 403:
        assert counts() == before


def test_only_aanmaken_without_parts_that_need_bijwerken(types: Types, documenten: FakeDocumenten) -> None:
    caller = zaken_client("reg-aanmaken", (types.zaaktype, "zeer_geheim", [CREATE]))
    body = full_body(types, documenten, rollen=[], zaakeigenschappen=[])
    assert caller.post(URL, body, headers=CRS).status_code == 201


def test_zaak_above_the_callers_vertrouwelijkheid_is_refused(
    types: Types, documenten: FakeDocumenten
) -> None:
    caller = zaken_client("reg-openbaar", (types.zaaktype, "openbaar", [CREATE, UPDATE, READ]))
    before = counts()
    body = full_body(types, documenten, vertrouwelijkheidaanduiding="geheim")
    response = caller.post(URL, body, headers=CRS)
    assert response.status_code == 403
    assert counts() == before
    assert documenten.mirrors == set()


def test_creator_without_read_access_gets_the_result_but_cannot_read_it(
    types: Types, documenten: FakeDocumenten
) -> None:
    # given: may create zaken of this zaaktype, may not read them (as with POST /zaken)
    elsewhere = types.zaaktype.rsplit("/", 1)[0] + "/6f7c0000-0000-4000-8000-000000000002"
    caller = zaken_client(
        "reg-blind",
        (types.zaaktype, "zeer_geheim", [CREATE, UPDATE]),
        (elsewhere, "zeer_geheim", [READ]),  # reads zaken of another zaaktype only
    )
    # when
    response = caller.post(URL, full_body(types, documenten), headers=CRS)
    # then
    assert response.status_code == 201
    assert caller.get(response.json_body["zaak"]["url"], headers=CRS).status_code == 403
    assert caller.get(f"{BASE}/zaken", headers=CRS).json_body["count"] == 0


def test_crs_headers_are_required(api: ZGWClient, types: Types, documenten: FakeDocumenten) -> None:
    assert api.post(URL, full_body(types, documenten)).status_code == 412
    wrong = {**CRS, "Accept-Crs": "EPSG:28992"}
    assert api.post(URL, full_body(types, documenten), headers=wrong).status_code == 406


def test_served_spec_marks_the_extension(api: ZGWClient) -> None:
    served = yaml.safe_load(api.get(f"{BASE}/schema/openapi.yaml").content)
    operation = served["paths"]["/zaken/_registreren"]["post"]
    # on the operation only: gemma-zds-client reads every other key of a path item as an operation
    assert set(served["paths"]["/zaken/_registreren"]) == {"post"}
    assert operation["x-zaakwerk-extension"] is True
    assert "geen onderdeel van de ZGW-standaard" in operation["description"]
    assert served["components"]["schemas"]["ZaakRegistratie"]["x-zaakwerk-extension"] is True
    as_json = api.get(f"{BASE}/schema/openapi.json").json_body
    assert as_json["paths"]["/zaken/_registreren"]["post"]["x-zaakwerk-extension"] is True
    # the standard's own operations are served as published, and the vendored file is untouched
    official = yaml.safe_load(APIS["zaken"].spec_path.read_text())
    assert served["paths"]["/zaken"] == official["paths"]["/zaken"]
    assert "/zaken/_registreren" not in official["paths"]


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def _parts(path: str) -> st.SearchStrategy[list[Any]]:
    return st.lists(bodies(SPEC, path, "post"), max_size=2)


@given(
    zaak=bodies(SPEC, "/zaken", "post"),
    rollen=_parts("/rollen"),
    statussen=_parts("/statussen"),
    zaakobjecten=_parts("/zaakobjecten"),
    zios=_parts("/zaakinformatieobjecten"),
)
@FUZZ
def test_any_body_gets_no_server_error(
    api: ZGWClient, types: Types, zaak: Any, rollen: Any, statussen: Any, zaakobjecten: Any, zios: Any
) -> None:
    body: Any = zaak
    if isinstance(zaak, dict):
        body = {
            **zaak,
            "zaaktype": types.zaaktype,
            "rollen": rollen,
            "status": statussen[0] if statussen else None,
            "zaakobjecten": zaakobjecten,
            "zaakinformatieobjecten": zios,
        }
    fuzz_send(CrsClient(api), "POST", URL, body)  # type: ignore[arg-type]
