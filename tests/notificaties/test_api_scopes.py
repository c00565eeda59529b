"""Who may do what on the Notificaties API: 401 without a valid token, 403 without the scope
(component ``nrc``), as the OAS ``security`` of each operation says (RULES.md 1.8)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.notificaties.api_helpers import (
    BASE,
    CONSUMEREN,
    PUBLICEREN,
    Receiver,
    abonnement_body,
    check_error_body,
    create_abonnement,
    message,
    nrc_client,
)
from tests.zgw import ZGWClient, make_token

pytestmark = pytest.mark.django_db

# operation → scopes that allow it
OPERATIONS: list[tuple[str, str, frozenset[str]]] = [
    ("GET", "/kanaal", frozenset({CONSUMEREN, PUBLICEREN})),
    ("POST", "/kanaal", frozenset({PUBLICEREN})),
    ("GET", "/kanaal/{kanaal}", frozenset({CONSUMEREN, PUBLICEREN})),
    ("GET", "/abonnement", frozenset({CONSUMEREN, PUBLICEREN})),
    ("POST", "/abonnement", frozenset({CONSUMEREN})),
    ("GET", "/abonnement/{abonnement}", frozenset({CONSUMEREN, PUBLICEREN})),
    ("PUT", "/abonnement/{abonnement}", frozenset({CONSUMEREN})),
    ("PATCH", "/abonnement/{abonnement}", frozenset({CONSUMEREN})),
    ("DELETE", "/abonnement/{abonnement}", frozenset({CONSUMEREN})),
    ("POST", "/notificaties", frozenset({PUBLICEREN})),
]


def _call(client: ZGWClient, method: str, template: str, targets: dict[str, str], receiver: Receiver) -> Any:
    url = BASE + template.format(**targets)
    body: dict[str, Any] | None = None
    if template == "/kanaal":
        body = {"naam": "nieuw-kanaal"}
    elif template.startswith("/abonnement"):
        body = abonnement_body(receiver.url())
    elif template == "/notificaties":
        body = message()
    if template == "/notificaties":
        # the operation declares only its 200; errors are checked against Fout below
        client = ZGWClient(client.token, validate=False)
    return client.request(method, url, body)


@pytest.fixture
def targets(api: ZGWClient, receiver: Receiver) -> dict[str, str]:
    kanaal = api.get(f"{BASE}/kanaal", naam="zaken").json_body[0]["url"]
    abonnement = create_abonnement(api, abonnement_body(receiver.url()))["url"]
    # the last segment: the uuid in the path template
    return {"kanaal": kanaal.rsplit("/", 1)[1], "abonnement": abonnement.rsplit("/", 1)[1]}


@pytest.mark.parametrize(("method", "template", "allowed"), OPERATIONS)
@pytest.mark.parametrize("scope", [CONSUMEREN, PUBLICEREN])
def test_scope_per_operation(
    targets: dict[str, str],
    receiver: Receiver,
    method: str,
    template: str,
    allowed: frozenset[str],
    scope: str,
) -> None:
    # given
    client = nrc_client(f"nrc-{scope}", scope)
    # when
    response = _call(client, method, template, targets, receiver)
    # then
    if scope in allowed:
        assert response.status_code < 300, response.json_body
    else:
        assert response.status_code == 403
        assert response.json_body["code"] == "permission_denied"
        if template == "/notificaties":
            check_error_body(response)


@pytest.mark.parametrize(("method", "template", "allowed"), OPERATIONS)
def test_scope_of_another_component_is_not_enough(
    targets: dict[str, str], receiver: Receiver, method: str, template: str, allowed: frozenset[str]
) -> None:
    client = nrc_client("zrc-client", CONSUMEREN, PUBLICEREN, component="zrc")
    response = _call(client, method, template, targets, receiver)
    assert response.status_code == 403


@pytest.mark.parametrize(("method", "template", "allowed"), OPERATIONS)
@pytest.mark.parametrize("token", [None, "not-a-jwt", make_token("onbekend", "secret")])
def test_without_valid_token(
    targets: dict[str, str],
    receiver: Receiver,
    method: str,
    template: str,
    allowed: frozenset[str],
    token: str | None,
) -> None:
    response = _call(ZGWClient(token), method, template, targets, receiver)
    assert response.status_code == 401
    assert response.json_body["code"] == "not_authenticated"
    if template == "/notificaties":
        check_error_body(response)


def test_forbidden_write_changes_nothing(targets: dict[str, str], receiver: Receiver) -> None:
    client = nrc_client("alleen-publiceren", PUBLICEREN)
    url = f"{BASE}/abonnement/{targets['abonnement']}"
    response = client.delete(url)
    assert response.status_code == 403
    assert client.get(url).status_code == 200
