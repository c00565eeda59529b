"""What a register reads of another register is a type (docs/adr/0050): the fields a reference must
carry are derived from that type, so the check and the reads agree, and a summary served in-process
holds every field of the shape it is read as."""

from __future__ import annotations

import pytest

from tests.zaken.factories import zaaktype
from tests.zgw import ZGWClient
from zaakwerk.core.references import ResourceKind, resolve, shape_fields
from zaakwerk.core.summaries import Roltype, ZaakSummary, ZaaktypeSummary


def test_a_kind_requires_the_required_keys_of_its_shape_and_declares_the_others_as_read() -> None:
    kind = ResourceKind.of(ZaaktypeSummary, "catalogi", "zaaktypen")

    assert kind.required_fields == ("url", "identificatie", "vertrouwelijkheidaanduiding")
    assert kind.used_fields == ("concept", "productenOfDiensten")


def test_inherited_keys_count_as_the_shapes_own() -> None:
    assert shape_fields(Roltype) == (("url", "zaaktype", "omschrijving", "omschrijvingGeneriek"), ())
    assert shape_fields(ZaakSummary) == (("url", "identificatie", "bronorganisatie", "zaaktype"), ())


@pytest.mark.django_db
def test_the_local_zaaktype_summary_holds_every_key_of_its_shape(api: ZGWClient) -> None:
    url = zaaktype(api, vertrouwelijkheidaanduiding="geheim")["url"]

    found = resolve(url, ResourceKind.of(ZaaktypeSummary, "catalogi", "zaaktypen"), field="zaaktype")

    assert set(found) == set(ZaaktypeSummary.__annotations__)
    assert found["vertrouwelijkheidaanduiding"] == "geheim"
    assert found.get("concept") is False


def test_a_missing_required_key_is_an_invalid_resource() -> None:
    from zaakwerk.core.errors import ValidationError
    from zaakwerk.core.remote_registers import checked

    url = "https://elders.example/zaken/api/v1/zaken/1"
    with pytest.raises(ValidationError) as refused:
        checked(
            url, {"url": url, "zaaktype": "x", "identificatie": "Z1"}, ZaakSummary, field="zaak", kind="zaak"
        )

    assert [(e.name, e.code) for e in refused.value.errors] == [("zaak", "invalid-resource")]
