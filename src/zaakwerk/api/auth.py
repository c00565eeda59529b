"""ZGW JWT authentication and the caller's authorisations (RULES.md 1.6–1.8).

A request carries ``Authorization: Bearer <JWT>``, signed with HS256 and the secret registered
for its ``client_id``. The authorisations come from the Autorisaties register (the same
records its API serves): the composition root registers its :class:`CredentialStore` in
:data:`credential_stores` at start-up, so this layer does not import it.

Refusals: no token, a malformed token, another algorithm than HS256 (``none`` included), an
unknown ``client_id``, a bad signature, no finite numeric ``iat``, ``iat`` too far in the future
or older than the maximum age, an ``exp`` that is no finite number or has passed, a ``user_id``
or ``user_representation`` longer than the audit trail holds → 401 ``not_authenticated``. A valid
token without the needed scope → 403 ``permission_denied``.
"""

from __future__ import annotations

import math
import time
from typing import Protocol

import jwt
from django.conf import settings
from django.http import HttpRequest

from zaakwerk.api.errors import ApiError
from zaakwerk.core.caller import NO_AUTHORISATIONS, Caller, Credentials
from zaakwerk.core.registry import Registry


class CredentialStore(Protocol):
    """Where the secrets and authorisations of API clients are kept (the Autorisaties register)."""

    def credentials_for(self, client_id: str) -> Credentials | None:
        """The JWT secret and the Applicatie's authorisations registered for ``client_id``, or
        None when it has no secret. Read once per request, so one consistent state is used."""


CREDENTIALS = "autorisaties"
#: The credential store, under :data:`CREDENTIALS`: the register that keeps API clients.
credential_stores: Registry[CredentialStore] = Registry("credential store", required=(CREDENTIALS,))


def credential_store() -> CredentialStore:
    return credential_stores.get(CREDENTIALS)


def _refuse(detail: str) -> ApiError:
    return ApiError(401, "not_authenticated", detail)


# Tokens whose signature was verified, with the client id and the secret it was verified against:
# a client sends the same token with every request for up to an hour, and checking an HMAC again
# gives the same answer. The claims' times are still checked on every request, and an entry only
# counts while the client's current secret is the one it was verified with.
_VERIFIED: dict[str, tuple[str, str, dict[str, object]]] = {}
_VERIFIED_MAX = 4096


def _verified_claims(token: str) -> tuple[str, Credentials, dict[str, object]]:
    """The client id, its credentials and the claims of ``token`` after checking its signature;
    raises a 401."""
    cached = _VERIFIED.get(token)
    if cached is not None:
        cached_client, secret, cached_claims = cached
        current = credential_store().credentials_for(cached_client)
        if current is not None and current.secret == secret:
            return cached_client, current, cached_claims
    try:
        header = jwt.get_unverified_header(token)
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError as exc:
        raise _refuse("Het JWT kon niet gelezen worden.") from exc
    if header.get("alg") != "HS256":
        raise _refuse("Alleen JWT's met algoritme HS256 worden geaccepteerd.")
    client_id = unverified.get("client_id")
    if not isinstance(client_id, str) or not client_id:
        raise _refuse("Het JWT bevat geen client_id.")
    credentials = credential_store().credentials_for(client_id)
    if credentials is None:
        raise _refuse("Onbekende client_id.")
    try:
        claims = jwt.decode(
            token,
            credentials.secret,
            algorithms=["HS256"],
            options={"verify_exp": False, "verify_iat": False, "verify_aud": False},
        )
    except jwt.PyJWTError as exc:
        raise _refuse("De handtekening van het JWT is ongeldig.") from exc
    if len(_VERIFIED) >= _VERIFIED_MAX:
        _VERIFIED.clear()
    _VERIFIED[token] = (client_id, credentials.secret, claims)
    return client_id, credentials, claims


def _moment_claim(claims: dict[str, object], name: str) -> float:
    """A NumericDate claim as seconds; raises a 401 when it is no finite number (RFC 7519 4.1.4).

    NaN would pass every comparison and make a token valid forever; an integer beyond any float
    (``10**400``) cannot be compared with the clock at all; a string is not a NumericDate.
    """
    value = claims.get(name)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            moment = float(value)
        except OverflowError:
            moment = math.nan
        if math.isfinite(moment):
            return moment
    raise _refuse(f"Het JWT bevat geen geldige {name}-claim (een getal: seconden sinds 1970).")


#: The audit trail's gebruikersId and gebruikersWeergave hold 255 characters (the standard's
#: AuditTrail schema); a claim that cannot be recorded whole refuses the token (ADR 0023).
USER_CLAIM_MAX_LENGTH = 255


def _user_claim(claims: dict[str, object], name: str) -> str:
    value = claims.get(name)
    if value is None:
        return ""
    if isinstance(value, dict | list):
        raise _refuse(f"De claim {name} van het JWT moet een tekst zijn.")
    text = str(value)
    if len(text) > USER_CLAIM_MAX_LENGTH:
        raise _refuse(
            f"De claim {name} van het JWT is langer dan {USER_CLAIM_MAX_LENGTH} tekens, "
            "meer dan de audittrail kan vastleggen."
        )
    if "\x00" in text:
        raise _refuse(f"De claim {name} van het JWT bevat een NUL-teken.")
    return text


def caller_from_token(token: str) -> Caller:
    """Verify a ZGW JWT and return its caller, or raise a 401 ``ApiError``."""
    client_id, credentials, claims = _verified_claims(token)
    iat = _moment_claim(claims, "iat")
    now = time.time()
    if iat > now + settings.JWT_LEEWAY:
        raise _refuse("Het JWT is in de toekomst uitgegeven.")
    if now - iat > settings.JWT_MAX_AGE + settings.JWT_LEEWAY:
        raise _refuse("Het JWT is verlopen.")
    if "exp" in claims and now > _moment_claim(claims, "exp") + settings.JWT_LEEWAY:
        raise _refuse("Het JWT is verlopen.")
    return Caller(
        client_id=client_id,
        user_id=_user_claim(claims, "user_id"),
        user_representation=_user_claim(claims, "user_representation"),
        authorisations=credentials.authorisations or NO_AUTHORISATIONS,
    )


def authenticate(request: HttpRequest) -> Caller:
    """The caller of ``request``; cached on the request object."""
    cached = getattr(request, "_zgw_caller", None)
    if isinstance(cached, Caller):
        return cached
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _refuse("Authenticatiegegevens zijn niet opgegeven.")
    caller = caller_from_token(token.strip())
    request._zgw_caller = caller  # type: ignore[attr-defined]
    return caller
