"""URLs of catalogue resources, and turning a local URL back into a row."""

from __future__ import annotations

import uuid as uuid_lib

from zaakwerk.core.references import build_url, uuid_from_url

API = "catalogi"


def url(resource: str, uuid: uuid_lib.UUID | str) -> str:
    return build_url(API, resource, uuid)


def uuid_of(resource: str, value: str) -> uuid_lib.UUID | None:
    """UUID of a URL of this Catalogi API's ``resource``; None if it is not one."""
    return uuid_from_url(value, API, resource)
