"""``/besluiten/{besluit_uuid}/audittrail``: every recorded change of a besluit (RULES.md 1.11).

Scope ``audittrails.lezen``, for besluiten of a besluittype the caller may use with that scope.
"""

from __future__ import annotations

from zaakwerk.api.audittrail import audittrail_router
from zaakwerk.besluiten.access import access_besluit
from zaakwerk.besluiten.api.common import AUDIT, caller_with

router = audittrail_router(
    "besluiten",
    tag="besluiten",
    authorise=lambda request: caller_with(request, AUDIT),
    object_url=lambda caller, key: access_besluit(caller, key, scope=AUDIT).url,
)
