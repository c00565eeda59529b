"""URL values in request bodies, stored in their canonical form (docs/adr/0036).

Every URL field of a request body goes through :func:`url_value`: an empty string stays empty
(where the field allows it), anything else must be an absolute http(s) URL and is stored as
:func:`zaakwerk.client.urls.canonical` spells it, so that one resource is one string for
filters, abonnement filters, authorisations and notification kenmerken. A URL of this
deployment is a resource's own URL, which has no query: one with a query is refused.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from zaakwerk.api.schemas import ZGWValueError
from zaakwerk.client.transport import is_local
from zaakwerk.client.urls import NotAUrl, canonical


def url_value(value: str) -> str:
    if not value:
        return value
    try:
        spelled = canonical(value)
    except NotAUrl:
        raise ZGWValueError("invalid", "Voer een geldige URL in.") from None
    if is_local(spelled) and "?" in spelled:
        raise ZGWValueError("invalid", "Een URL van deze installatie bevat geen query.")
    return spelled


Url200 = Annotated[str, Field(max_length=200), AfterValidator(url_value)]
RequiredUrl200 = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(url_value)]
Url1000 = Annotated[str, Field(max_length=1000), AfterValidator(url_value)]
RequiredUrl1000 = Annotated[str, Field(min_length=1, max_length=1000), AfterValidator(url_value)]
