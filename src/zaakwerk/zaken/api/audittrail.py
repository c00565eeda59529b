"""``/zaken/{zaak_uuid}/audittrail``: every recorded change of a zaak and its parts (RULES.md 1.11).

Scope ``audittrails.lezen``, for zaken the caller may use with that scope (its zaaktype and
vertrouwelijkheidaanduiding): the lines are visible exactly when the zaak is.
"""

from __future__ import annotations

from zaakwerk.api.audittrail import AUDIT, audittrail_router
from zaakwerk.zaken.access import access_zaak
from zaakwerk.zaken.api.common import caller_with

router = audittrail_router(
    "zaken",
    tag="zaken",
    authorise=lambda request: caller_with(request, AUDIT),
    object_url=lambda caller, key: access_zaak(caller, key, scope=AUDIT).url,
)
