"""Documents of a zaak in the werkplek: adding several, versions, locks, and what is refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.werkplek import zaken
from zaakwerk.client import ZGWClient, models
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.werkplek import zgw
from zaakwerk.werkplek.models import DocumentLock
from zaakwerk.werkplek.services import documenten
from zaakwerk.werkplek.services.gegevens import ZaakClosed

pytestmark = pytest.mark.django_db


@pytest.fixture
def werkplek() -> ZGWClient:
    authorise_werkplek()
    return zgw.service_client()


@pytest.fixture
def demo(werkplek: ZGWClient) -> zaken.Demo:
    return zaken.demo(werkplek, f"{zgw.base_url()}/referentielijsten/api/v1")


def _people() -> tuple[User, User]:
    return (
        User.objects.create_user("anna", first_name="Anna", last_name="Smit"),
        User.objects.create_user("bram", first_name="Bram", last_name="Bos"),
    )


def close(client: ZGWClient, zaak: models.Zaak, zaaktype: models.ZaakType) -> None:
    """Close the zaak as another application would: a resultaat, then the final status."""
    resultaattype = next(client.catalogi.resultaattypen.list(zaaktype=zaaktype.url))
    client.zaken.resultaten.create({"zaak": zaak.url, "resultaattype": resultaattype.url})
    zaken.set_status(client, zaak, zaken.statustypen(client, zaaktype)[-1], "2026-11-20T10:00:00Z")


def _count(client: ZGWClient, zaak: models.Zaak) -> int:
    return len(list(client.zaken.zaakinformatieobjecten.list(zaak=zaak.url)))


def test_several_files_are_added_at_once_or_not_at_all(
    werkplek: ZGWClient, demo: zaken.Demo, settings: object
) -> None:
    zaak = zaken.zaak(werkplek, demo.melding)
    iot = demo.melding.informatieobjecttypen[0]
    # when two files are added
    made = documenten.add_documents(
        werkplek,
        zaak,
        [
            documenten.Upload("a.pdf", "application/pdf", b"%PDF a"),
            documenten.Upload("b.png", "image/png", b"png"),
        ],
        informatieobjecttype=iot,
        auteur="Anna Smit",
        toelichting="Foto's van de melder",
    )
    # then both are documents of the zaak
    assert [eio.titel for eio in made] == ["a.pdf", "b.png"] and _count(werkplek, zaak) == 2
    # and a file over the limit refuses the whole batch before anything is written
    settings.WERKPLEK_MAX_UPLOAD_BYTES = 10  # type: ignore[attr-defined]
    with pytest.raises(documenten.TooLarge) as refused:
        documenten.add_documents(
            werkplek,
            zaak,
            [
                documenten.Upload("klein.txt", "text/plain", b"ok"),
                documenten.Upload("groot.pdf", "application/pdf", b"x" * 11),
            ],
            informatieobjecttype=iot,
            auteur="Anna Smit",
        )
    assert refused.value.name == "groot.pdf" and _count(werkplek, zaak) == 2


def test_a_refused_file_undoes_the_ones_added_before_it(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    zaak = zaken.zaak(werkplek, demo.melding)
    # an informatieobjecttype not of this zaaktype: the Zaken API refuses the link of the first
    other = demo.bezwaar.informatieobjecttypen[0]
    with pytest.raises(documenten.ChangeRefused):
        documenten.add_documents(
            werkplek,
            zaak,
            [documenten.Upload("a.pdf", "application/pdf", b"%PDF")],
            informatieobjecttype=other,
            auteur="A",
        )
    assert _count(werkplek, zaak) == 0


def test_a_document_of_another_zaak_is_not_found(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    zaak, other = zaken.zaak(werkplek, demo.melding), zaken.zaak(werkplek, demo.melding)
    eio = zaken.document(werkplek, other, demo.melding, "van-een-ander")
    uuid = eio.url.rsplit("/", 1)[-1]
    with pytest.raises(documenten.DocumentNotFound):
        documenten.document_of(werkplek, zaak, uuid)
    assert documenten.document_of(werkplek, other, uuid).informatieobject.titel == "van-een-ander"


@pytest.mark.django_db(transaction=True)  # document contents are stored when the transaction commits
def test_locks_versions_and_an_expired_lock(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    anna, bram = _people()
    zaak = zaken.zaak(werkplek, demo.melding)
    uuid = zaken.document(werkplek, zaak, demo.melding, "rapport", b"%PDF v1").url.rsplit("/", 1)[-1]

    def stuk() -> documenten.Stuk:
        return documenten.document_of(werkplek, zaak, uuid)

    # an unlocked document gets a new version in one go (locked and unlocked around it)
    documenten.new_version(
        werkplek,
        bram,
        zaak,
        stuk(),
        documenten.Upload("rapport.pdf", "application/pdf", b"%PDF v2"),
        toelichting="nieuw",
    )
    assert (stuk().informatieobject.versie, stuk().informatieobject.locked) == (2, False)
    # when Anna locks it, Bram can neither change nor unlock it, and is told who holds it
    documenten.lock(werkplek, anna, zaak, stuk())
    with pytest.raises(documenten.LockedByOther) as other:
        documenten.change(werkplek, bram, zaak, stuk(), {"titel": "van Bram"}, toelichting="x")
    assert other.value.naam == "Anna Smit"
    with pytest.raises(documenten.LockedByOther):
        documenten.unlock(werkplek, bram, stuk())
    # Anna changes it under her lock, which stays
    documenten.change(werkplek, anna, zaak, stuk(), {"titel": "Rapport definitief"}, toelichting="titel")
    assert (stuk().informatieobject.titel, stuk().informatieobject.locked) == ("Rapport definitief", True)
    assert [version.versie for version in documenten.versions(werkplek, stuk())] == [3, 2, 1]
    content, version = documenten.download(werkplek, stuk(), versie=1)
    assert (content, version.versie) == (b"%PDF v1", 1)
    # when someone unlocks it by force elsewhere, Anna's kept lock has expired: her change is refused
    werkplek.documenten.unlock(stuk().informatieobject.url)
    werkplek.documenten.enkelvoudiginformatieobjecten.get(stuk().informatieobject.url)
    other_lock = werkplek.documenten.lock(stuk().informatieobject.url)
    with pytest.raises(documenten.LockExpired):
        documenten.change(werkplek, anna, zaak, stuk(), {"titel": "te laat"}, toelichting="x")
    assert stuk().informatieobject.titel == "Rapport definitief"
    assert not DocumentLock.objects.exists()
    werkplek.documenten.unlock(stuk().informatieobject.url, other_lock)
    # also when it was only unlocked by force, not locked again
    documenten.lock(werkplek, anna, zaak, stuk())
    werkplek.documenten.unlock(stuk().informatieobject.url)
    with pytest.raises(documenten.LockExpired):
        documenten.change(werkplek, anna, zaak, stuk(), {"titel": "te laat"}, toelichting="x")
    assert stuk().informatieobject.titel == "Rapport definitief" and not DocumentLock.objects.exists()
    # Anna unlocks what she locked
    documenten.lock(werkplek, anna, zaak, stuk())
    documenten.unlock(werkplek, anna, stuk())
    assert not stuk().informatieobject.locked and not DocumentLock.objects.exists()


def test_nothing_changes_on_a_zaak_closed_meanwhile(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    anna, _ = _people()
    zaak = zaken.zaak(werkplek, demo.melding)
    eio = zaken.document(werkplek, zaak, demo.melding, "rapport")
    stuk = documenten.document_of(werkplek, zaak, eio.url.rsplit("/", 1)[-1])
    zaken.set_status(werkplek, zaak, zaken.statustypen(werkplek, demo.melding)[0], "2026-11-02T10:00:00Z")
    close(werkplek, zaak, demo.melding)
    closed = werkplek.zaken.zaken.get(zaak.url)
    with pytest.raises(ZaakClosed):
        documenten.add_documents(
            werkplek,
            closed,
            [documenten.Upload("a.pdf", "application/pdf", b"%PDF")],
            informatieobjecttype=eio.informatieobjecttype,
            auteur="A",
        )
    with pytest.raises(ZaakClosed):
        documenten.change(werkplek, anna, closed, stuk, {"titel": "nee"}, toelichting="x")
    assert _count(werkplek, zaak) == 1
    assert werkplek.documenten.enkelvoudiginformatieobjecten.get(eio.url).titel == "rapport"


def test_a_zaak_with_documents_added_in_the_werkplek_can_be_closed(
    werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    # given a zaak with a document added in the werkplek
    zaak = zaken.zaak(werkplek, demo.melding)
    documenten.add_documents(
        werkplek,
        zaak,
        [documenten.Upload("foto.png", "image/png", b"png")],
        informatieobjecttype=demo.melding.informatieobjecttypen[0],
        auteur="Anna Smit",
        toelichting="Foto van de melder",
    )
    # when it is closed (closing needs indicatieGebruiksrecht known for every document)
    close(werkplek, zaak, demo.melding)
    # then it is
    assert werkplek.zaken.zaken.get(zaak.url).einddatum is not None
