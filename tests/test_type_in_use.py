"""A catalogue type that a zaak still uses cannot be deleted, not even with the geforceerd scope:
the zaak would point at nothing (issue: "deleting a type that is still referenced is a 400")."""

from __future__ import annotations

import pytest

from tests.zaken.factories import CRS, codes, create_zaak, zaaktype
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


def test_a_zaaktype_in_use_is_not_deleted(api: ZGWClient) -> None:
    # given a published zaaktype with one zaak (api has every scope, geforceerd-verwijderen too)
    used = zaaktype(api)
    zaak = create_zaak(api, used["url"])
    # when
    refused = api.delete(used["url"])
    # then
    assert refused.status_code == 400
    assert codes(refused) == [("nonFieldErrors", "pending-relations")]
    assert api.get(used["url"]).status_code == 200
    # once the zaak is gone, the (forced) delete goes through
    assert api.delete(zaak["url"], headers=CRS).status_code == 204
    assert api.delete(used["url"]).status_code == 204
