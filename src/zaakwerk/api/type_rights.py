"""The caller's right on the type a new object names, checked before anything else in its body.

Autorisaties are per zaaktype, informatieobjecttype or besluittype (RULES.md 1.7). A caller that
may not create objects of the type its body names gets 403, as the standard requires, before the
rest of the body is validated and before any URL in it is fetched: what the caller named is not
fetched on behalf of a caller that may not make this request at all (docs/adr/0037). The final
check, with the vertrouwelijkheidaanduiding known, stays where the object is created.
"""

from __future__ import annotations

from django.http import HttpRequest

from zaakwerk.api.schemas import ZGWValueError, read_json
from zaakwerk.api.url_fields import url_value
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import PermissionDenied


def require_type_right(
    caller: Caller, request: HttpRequest, *, component: str, scope: str, field: str
) -> None:
    """403 when the body's ``field`` (a type URL) is none the caller has ``scope`` on.

    A body without a usable URL there passes: validating it answers 400 a moment later."""
    allowed = caller.types_with_scope(component, scope)
    if allowed is None:
        return  # heeftAlleAutorisaties
    raw = read_json(request)
    value = raw.get(field) if isinstance(raw, dict) else None
    if not isinstance(value, str) or not value:
        return
    try:
        type_url = url_value(value)
    except ZGWValueError:
        return
    if type_url not in allowed:
        raise PermissionDenied()
