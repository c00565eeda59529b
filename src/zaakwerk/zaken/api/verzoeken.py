"""``/zaakverzoeken``: list, create, read, delete (Zaken API 1.7.0).

The verzoek is a URL into the Verzoeken API: checked to be a URL, not fetched
(docs/adr/0009-external-references-in-zaken.md).
"""

from zaakwerk.zaken.api.links import link_router
from zaakwerk.zaken.services.links import VERZOEK

router = link_router(VERZOEK)
