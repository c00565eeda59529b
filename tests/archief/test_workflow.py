"""The reviewed workflow of a destruction list: who may do what, in which state; send-back with
comments per zaak; exclusion with a reason; mail to whoever is next."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from tests.archief.support import archief_client, closed_zaak, staff, zaaktype
from zaakwerk.archief.models import Action, ListState
from zaakwerk.archief.roles import ArchiefRole
from zaakwerk.archief.services import lists, selection
from zaakwerk.client import ZGWClient

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 3)


@pytest.fixture
def client() -> ZGWClient:
    return archief_client()


@pytest.fixture
def people() -> dict[str, object]:
    return {
        "rm": staff("rm", ArchiefRole.RECORDMANAGER, email="rm@example.org"),
        "rev": staff("rev", ArchiefRole.REVIEWER, email="rev@example.org"),
        "arch": staff("arch", ArchiefRole.ARCHIVARIS, email="arch@example.org"),
        "nobody": staff("nobody"),
    }


def _candidates(client: ZGWClient, count: int) -> list[selection.Candidate]:
    melding = zaaktype(client)
    urls = [closed_zaak(client, melding, documenten=0).zaak.url for _ in range(count)]
    return selection.by_urls(client, urls)


def test_compose_review_send_back_exclude_and_approve(client: ZGWClient, people: dict[str, object]) -> None:
    rm, rev, arch = people["rm"], people["rev"], people["arch"]
    chosen = _candidates(client, 3)
    # given a concept list of three zaken
    found = lists.compose(rm, "Meldingen 2014", chosen)  # type: ignore[arg-type]
    assert found.state == ListState.CONCEPT and found.items.count() == 3
    # when it is offered to the reviewer, who is mailed
    lists.submit(rm, found, rev)  # type: ignore[arg-type]
    assert found.state == ListState.TER_BEOORDELING
    assert mail.outbox[-1].to == ["rev@example.org"] and "Meldingen 2014" in mail.outbox[-1].subject
    # and the reviewer sends it back with a comment on one zaak
    first = found.items.get(position=0)
    lists.send_back(rev, found, "", {first.pk: "Loopt nog een bezwaar"})  # type: ignore[arg-type]
    found.refresh_from_db()
    first.refresh_from_db()
    assert found.state == ListState.TERUGGESTUURD and first.review_comment == "Loopt nog een bezwaar"
    assert mail.outbox[-1].to == ["rm@example.org"]
    # then the recordmanager excludes that zaak with a reason and offers it again
    with pytest.raises(lists.WorkflowError):
        lists.exclude(rm, found, first.pk, "  ")  # type: ignore[arg-type]
    lists.exclude(rm, found, first.pk, "Bezwaar loopt nog")  # type: ignore[arg-type]
    lists.submit(rm, found, rev)  # type: ignore[arg-type]
    # the reviewer approves; every archivaris but them is mailed
    lists.approve(rev, found)  # type: ignore[arg-type]
    assert found.state == ListState.BIJ_ARCHIVARIS and mail.outbox[-1].to == ["arch@example.org"]
    assert lists.next_actor(found) == "Archivaris"
    lists.approve(arch, found, "Akkoord")  # type: ignore[arg-type]
    found.refresh_from_db()
    assert found.state == ListState.GOEDGEKEURD
    # the composer is told it may be destroyed now; the page says the destruction is next
    assert mail.outbox[-1].to == ["rm@example.org"] and "goedgekeurd" in mail.outbox[-1].subject
    assert "vernietiging" in lists.next_actor(found)
    # and the history says who did what, in order
    assert [(e.username, e.action) for e in found.events.all()] == [
        ("rm", Action.AANGEMAAKT),
        ("rm", Action.INGEDIEND),
        ("rev", Action.TERUGGESTUURD),
        ("rm", Action.UITGEZONDERD),
        ("rm", Action.INGEDIEND),
        ("rev", Action.BEOORDEELD),
        ("arch", Action.GOEDGEKEURD),
    ]
    assert found.items.filter(excluded=False).count() == 2


def test_who_may_do_what(client: ZGWClient, people: dict[str, object]) -> None:
    rm, rev, arch, nobody = people["rm"], people["rev"], people["arch"], people["nobody"]
    chosen = _candidates(client, 1)
    with pytest.raises(lists.WorkflowError):
        lists.compose(nobody, "x", chosen)  # type: ignore[arg-type]
    with pytest.raises(lists.WorkflowError):
        lists.compose(rm, " ", chosen)  # type: ignore[arg-type]
    found = lists.compose(rm, "Lijst", chosen)  # type: ignore[arg-type]
    # a zaak can be on one open list only
    with pytest.raises(lists.WorkflowError, match="andere lijst"):
        lists.compose(rm, "Nog een", chosen)  # type: ignore[arg-type]
    # only a reviewer can be chosen, and not the composer
    with pytest.raises(lists.WorkflowError):
        lists.submit(rm, found, arch)  # type: ignore[arg-type]
    both = staff("both", ArchiefRole.RECORDMANAGER, ArchiefRole.REVIEWER)
    own = lists.compose(both, "Eigen", _candidates(client, 1))  # type: ignore[arg-type]
    with pytest.raises(lists.WorkflowError, match="zelf"):
        lists.submit(both, own, both)  # type: ignore[arg-type]
    lists.submit(rm, found, rev)  # type: ignore[arg-type]
    # nobody but the chosen reviewer judges, an archivaris not before the reviewer did
    other = staff("other", ArchiefRole.REVIEWER)
    for judge in (other, arch, rm):
        with pytest.raises(lists.WorkflowError):
            lists.approve(judge, found)  # type: ignore[arg-type]
    # sending back needs a reason
    with pytest.raises(lists.WorkflowError):
        lists.send_back(rev, found, "", {})  # type: ignore[arg-type]
    # a list under review cannot be changed
    with pytest.raises(lists.WorkflowError):
        lists.exclude(rm, found, found.items.get().pk, "reden")  # type: ignore[arg-type]
    lists.approve(rev, found)  # type: ignore[arg-type]
    # the reviewer cannot also approve as archivaris
    rev.groups.add(*arch.groups.all())  # type: ignore[attr-defined]
    with pytest.raises(lists.WorkflowError, match="archivaris"):
        lists.approve(rev, found)  # type: ignore[arg-type]
    # an archivaris may send it back as well
    lists.send_back(arch, found, "Eerst de bezwaren nagaan", {})  # type: ignore[arg-type]
    assert found.state == ListState.TERUGGESTUURD


def test_only_zaken_to_destroy_go_on_a_list(client: ZGWClient, people: dict[str, object]) -> None:
    melding = zaaktype(client)
    keep = closed_zaak(client, melding, documenten=0, archiefnominatie="blijvend_bewaren")
    chosen = selection.by_urls(client, [keep.zaak.url])
    with pytest.raises(lists.WorkflowError, match="vernietigen"):
        lists.compose(people["rm"], "Lijst", chosen)  # type: ignore[arg-type]
