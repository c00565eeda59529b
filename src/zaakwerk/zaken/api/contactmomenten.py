"""``/zaakcontactmomenten``: list, create, read, delete (Zaken API 1.7.0).

The contactmoment is a URL into the Contactmomenten API: checked to be a URL, not fetched
(docs/adr/0009-external-references-in-zaken.md).
"""

from zaakwerk.zaken.api.links import link_router
from zaakwerk.zaken.services.links import CONTACTMOMENT

router = link_router(CONTACTMOMENT)
