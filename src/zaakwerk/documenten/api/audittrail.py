"""``/enkelvoudiginformatieobjecten/{uuid}/audittrail``: every recorded change of a document (RULES.md 1.11).

Scope ``audittrails.lezen``, for documents the caller may use with that scope: the lines are
visible exactly when the document is.
"""

from __future__ import annotations

from zaakwerk.api.audittrail import audittrail_router
from zaakwerk.documenten.access import access_informatieobject
from zaakwerk.documenten.api.common import AUDIT, caller_with

router = audittrail_router(
    "enkelvoudiginformatieobjecten",
    tag="enkelvoudiginformatieobjecten",
    authorise=lambda request: caller_with(request, AUDIT),
    object_url=lambda caller, key: access_informatieobject(caller, key, scope=AUDIT).url,
)
