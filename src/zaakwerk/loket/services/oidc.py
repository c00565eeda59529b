"""Login through an OpenID Connect broker: DigiD for residents, eHerkenning for businesses
(docs/adr/0070).

The authorization code flow with PKCE, state and nonce (authlib), the ID token verified against
the broker's published keys (joserfc): its issuer, audience, expiry and nonce. The visitor's number
comes from a configurable claim (``ZAAKWERK_LOKET_BSN_CLAIM``, ``…_KVK_CLAIM``, optionally
``…_VESTIGING_CLAIM``) and is checked before the login starts a session. The broker's discovery
document and keys are fetched through the ZGW client's transport, under the outgoing-request
policy (the configured issuer's host may be called), with one deadline per request.
"""

from __future__ import annotations

import base64
import hmac
import re
import time
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit

import orjson
from authlib.common.security import generate_token  # type: ignore[import-untyped]
from authlib.oauth2.rfc7636 import create_s256_code_challenge  # type: ignore[import-untyped]
from django.conf import settings
from django.http import HttpRequest
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from zaakwerk.client import ClientError, policy, transport
from zaakwerk.loket.identity import Identity

PENDING_KEY = "zaakwerk.loket.oidc"
DISCOVERY_SECONDS = 3600
LEEWAY_SECONDS = 60
Means = Literal["digid", "eherkenning"]


class LoginFailed(Exception):
    """The broker refused or failed, or its answer does not hold; the reason is for the log only."""


@dataclass(frozen=True)
class Provider:
    means: Means
    issuer: str
    client_id: str
    client_secret: str
    scopes: str

    @property
    def for_residents(self) -> bool:
        return self.means == "digid"


def providers() -> dict[str, Provider]:
    """The configured login means, by name (``digid``, ``eherkenning``)."""
    found: dict[str, Provider] = {}
    if settings.LOKET_OIDC_DIGID_CLIENT_ID and settings.LOKET_OIDC_DIGID_ISSUER:
        found["digid"] = Provider(
            "digid",
            str(settings.LOKET_OIDC_DIGID_ISSUER).rstrip("/"),
            str(settings.LOKET_OIDC_DIGID_CLIENT_ID),
            str(settings.LOKET_OIDC_DIGID_CLIENT_SECRET),
            str(settings.LOKET_OIDC_DIGID_SCOPES),
        )
    if settings.LOKET_OIDC_EHERKENNING_CLIENT_ID and settings.LOKET_OIDC_EHERKENNING_ISSUER:
        found["eherkenning"] = Provider(
            "eherkenning",
            str(settings.LOKET_OIDC_EHERKENNING_ISSUER).rstrip("/"),
            str(settings.LOKET_OIDC_EHERKENNING_CLIENT_ID),
            str(settings.LOKET_OIDC_EHERKENNING_CLIENT_SECRET),
            str(settings.LOKET_OIDC_EHERKENNING_SCOPES),
        )
    return found


# --- the broker's documents -----------------------------------------------------------------

_discovered: dict[str, tuple[float, dict[str, Any]]] = {}


def _send(
    method: str,
    url: str,
    provider: Provider,
    *,
    content: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Any:
    rules = policy.current(extra_roots=(provider.issuer, url))
    try:
        reply = transport.send(
            method,
            url,
            headers={"Accept": "application/json", **(headers or {})},
            content=content,
            rules=rules,
        )
    except ClientError as exc:
        raise LoginFailed(f"{method} {url}: {exc}") from exc
    if reply.status != 200:
        raise LoginFailed(f"{method} {url}: status {reply.status}")
    try:
        return orjson.loads(reply.content)
    except orjson.JSONDecodeError as exc:
        raise LoginFailed(f"{method} {url}: no JSON") from exc


def metadata(provider: Provider) -> dict[str, Any]:
    """The broker's discovery document, kept for an hour per process."""
    cached = _discovered.get(provider.issuer)
    if cached and time.monotonic() - cached[0] < DISCOVERY_SECONDS:
        return cached[1]
    data = _send("GET", f"{provider.issuer}/.well-known/openid-configuration", provider)
    needed = ("authorization_endpoint", "token_endpoint", "jwks_uri")
    if not isinstance(data, dict) or not all(isinstance(data.get(name), str) for name in needed):
        raise LoginFailed("discovery document without the endpoints")
    if str(data.get("issuer", "")).rstrip("/") != provider.issuer:
        raise LoginFailed("discovery document of another issuer")
    _discovered[provider.issuer] = (time.monotonic(), data)
    return data


def forget_metadata() -> None:
    _discovered.clear()


# --- the flow ---------------------------------------------------------------------------------


def start(request: HttpRequest, provider: Provider, redirect_uri: str, next_url: str) -> str:
    """Remember state, nonce and code verifier in the session; the broker URL to send the visitor to."""
    meta = metadata(provider)
    state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
    request.session[PENDING_KEY] = {
        "means": provider.means,
        "state": state,
        "nonce": nonce,
        "verifier": verifier,
        "redirect_uri": redirect_uri,
        "next": next_url,
    }
    query = urlencode(
        {
            "response_type": "code",
            "client_id": provider.client_id,
            "redirect_uri": redirect_uri,
            "scope": provider.scopes,
            "state": state,
            "nonce": nonce,
            "code_challenge": create_s256_code_challenge(verifier),
            "code_challenge_method": "S256",
        }
    )
    endpoint = str(meta["authorization_endpoint"])
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


@dataclass(frozen=True)
class Result:
    identity: Identity
    next_url: str


def finish(request: HttpRequest, params: dict[str, str]) -> Result:
    """Complete the login the broker sent the visitor back from; LoginFailed when it does not hold."""
    pending = request.session.pop(PENDING_KEY, None)
    if not isinstance(pending, dict):
        raise LoginFailed("no login was started in this session")
    provider = providers().get(str(pending.get("means")))
    if provider is None:
        raise LoginFailed("the login means is no longer configured")
    if params.get("error"):
        raise LoginFailed(f"the broker answered {params['error']!r}")
    if not hmac.compare_digest(str(params.get("state", "")), str(pending["state"])):
        raise LoginFailed("state does not match")
    code = params.get("code", "")
    if not code:
        raise LoginFailed("no code")
    claims = _claims(provider, code, pending)
    return Result(identity_from_claims(provider, claims), str(pending.get("next") or ""))


def _claims(provider: Provider, code: str, pending: dict[str, Any]) -> dict[str, Any]:
    meta = metadata(provider)
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": str(pending["redirect_uri"]),
        "code_verifier": str(pending["verifier"]),
    }
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    methods = meta.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    if "client_secret_basic" in methods:
        pair = f"{provider.client_id}:{provider.client_secret}".encode()
        headers["Authorization"] = f"Basic {base64.b64encode(pair).decode()}"
    else:
        form.update(client_id=provider.client_id, client_secret=provider.client_secret)
    tokens = _send(
        "POST", str(meta["token_endpoint"]), provider, content=urlencode(form).encode(), headers=headers
    )
    id_token = tokens.get("id_token") if isinstance(tokens, dict) else None
    if not isinstance(id_token, str):
        raise LoginFailed("no ID token")
    keys = _send("GET", str(meta["jwks_uri"]), provider)
    try:
        key_set = KeySet.import_key_set(keys)
        token = jwt.decode(
            id_token, key_set, algorithms=meta.get("id_token_signing_alg_values_supported") or ["RS256"]
        )
        jwt.JWTClaimsRegistry(
            leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": provider.issuer},
            aud={"essential": True, "value": provider.client_id},
            exp={"essential": True},
            nonce={"essential": True, "value": str(pending["nonce"])},
        ).validate(token.claims)
    except (JoseError, ValueError, TypeError) as exc:
        raise LoginFailed(f"ID token refused: {exc}") from exc
    return dict(token.claims)


# --- the claims -------------------------------------------------------------------------------


def claim(claims: dict[str, Any], path: str) -> Any:
    """The value at a dotted path (``urn.bsn`` or ``identity.kvk``), or None."""
    value: Any = claims
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def valid_bsn(value: str) -> bool:
    """Nine digits passing the elfproef (the BSN's check)."""
    if not re.fullmatch(r"\d{9}", value):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:8], range(9, 1, -1), strict=True))
    return (total - int(value[8])) % 11 == 0 and value != "000000000"


def valid_kvk(value: str) -> bool:
    return bool(re.fullmatch(r"\d{8}", value))


def valid_vestigingsnummer(value: str) -> bool:
    return bool(re.fullmatch(r"\d{12}", value))


def identity_from_claims(provider: Provider, claims: dict[str, Any]) -> Identity:
    name = str(claim(claims, settings.LOKET_OIDC_NAME_CLAIM) or "")[:200]
    if provider.for_residents:
        bsn = str(claim(claims, settings.LOKET_OIDC_BSN_CLAIM) or "")
        if not valid_bsn(bsn):
            raise LoginFailed("no valid BSN in the claim")
        return Identity(kind="bsn", value=bsn, via="digid", name=name)
    kvk = str(claim(claims, settings.LOKET_OIDC_KVK_CLAIM) or "")
    if not valid_kvk(kvk):
        raise LoginFailed("no valid KVK-nummer in the claim")
    vestiging = str(claim(claims, settings.LOKET_OIDC_VESTIGING_CLAIM) or "")
    if vestiging and not valid_vestigingsnummer(vestiging):
        raise LoginFailed("an invalid vestigingsnummer in the claim")
    return Identity(kind="kvk", value=kvk, via="eherkenning", name=name, vestigingsnummer=vestiging)


def same_origin_path(url: str) -> bool:
    """Whether ``url`` is a path on this site (where a login may return to)."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and url.startswith("/") and not url.startswith("//")
