"""The archief's pages through Django's test client: who gets in, and the workflow by its forms;
bad input is a message on the page and changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.archief.support import archief_client, closed_zaak, staff, zaaktype
from zaakwerk.archief.models import DestructionList, ListState, Step
from zaakwerk.archief.roles import ArchiefRole
from zaakwerk.client import ZGWClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> ZGWClient:
    return archief_client()


def browser(user: User) -> Client:
    web = Client()
    web.force_login(user)
    return web


def test_a_visitor_logs_in_first_and_a_user_without_an_archief_role_is_refused() -> None:
    for name in ("archief:lijsten", "archief:selectie", "archief:overbrengen", "archief:vernietigd"):
        response = Client().get(reverse(name))
        assert response.status_code == 302 and "/medewerker/inloggen/" in response["Location"]
        assert browser(staff(f"geen-{name[8:]}", "behandelaar")).get(reverse(name)).status_code == 403


def test_registers_out_of_reach_are_a_page_that_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from zaakwerk.archief.services import selection
    from zaakwerk.client import Unreachable

    def unreachable(*args: object) -> None:
        raise Unreachable("GET", "http://testserver/catalogi/api/v1/zaaktypen", "connection refused")

    monkeypatch.setattr(selection, "options", unreachable)
    rm = browser(staff("rm", ArchiefRole.RECORDMANAGER))
    for name in ("archief:selectie", "archief:overbrengen"):
        response = rm.get(reverse(name))
        assert response.status_code == 503 and "niet bereikbaar" in response.content.decode()


def test_the_workflow_through_the_pages(client: ZGWClient) -> None:
    melding = zaaktype(client)
    due = [closed_zaak(client, melding, documenten=1) for _ in range(2)]
    later = closed_zaak(client, melding, documenten=0, archiefactiedatum="2099-01-01")
    rm = browser(staff("rm", ArchiefRole.RECORDMANAGER))
    reviewer = staff("rev", ArchiefRole.REVIEWER)
    # the selection shows the zaken whose archiefactiedatum has passed, not the later one
    page = rm.get(reverse("archief:selectie")).content.decode()
    assert all(item.zaak.identificatie in page for item in due) and later.zaak.identificatie not in page
    # filtered on a period that holds none of them, it shows none
    page = rm.get(reverse("archief:selectie"), {"van": "2021-01-01"}).content.decode()
    assert due[0].zaak.identificatie not in page
    # a list without a name is refused with a message
    response = rm.post(reverse("archief:selectie"), {"naam": "", "zaak": [due[0].zaak.url]})
    assert response.status_code == 200 and not DestructionList.objects.exists()
    response = rm.post(reverse("archief:selectie"), {"naam": "Meldingen", "zaak": [i.zaak.url for i in due]})
    found = DestructionList.objects.get()
    assert response["Location"] == reverse("archief:lijst", args=[found.uuid])
    # the selection says they are on a list now, and "all of this selection" skips them
    page = rm.get(reverse("archief:selectie")).content.decode()
    assert "Al op een lijst" in page and f'value="{due[0].zaak.url}"' not in page
    again = rm.post(reverse("archief:selectie"), {"naam": "Nog eens", "alles": "on"})
    assert "Kies ten minste" in again.content.decode() and DestructionList.objects.count() == 1
    url = response["Location"]
    # excluding without a reason says so and changes nothing
    first = found.items.get(position=0)
    page = rm.post(url, {"what": "exclude", "item": first.pk, "reden": ""}).content.decode()
    assert "Geef de reden" in page and not found.items.filter(excluded=True).exists()
    # offered to the reviewer, who sends it back with a comment on the first zaak
    assert rm.post(url, {"what": "submit", "reviewer": reviewer.pk}).status_code == 302
    rev = browser(reviewer)
    page = rev.get(url).content.decode()
    assert f'name="opmerking-{first.pk}"' in page
    rev.post(url, {"what": "send_back", "opmerking": "", f"opmerking-{first.pk}": "Nog in bezwaar"})
    found.refresh_from_db()
    assert found.state == ListState.TERUGGESTUURD
    assert "Nog in bezwaar" in rm.get(url).content.decode()
    # the recordmanager excludes it with a reason and offers the list again; both approve
    rm.post(url, {"what": "exclude", "item": first.pk, "reden": "Bezwaar loopt"})
    rm.post(url, {"what": "submit", "reviewer": reviewer.pk})
    rev.post(url, {"what": "approve", "opmerking": ""})
    arch = browser(staff("arch", ArchiefRole.ARCHIVARIS))
    arch.post(url, {"what": "approve", "opmerking": "Akkoord"})
    found.refresh_from_db()
    assert found.state == ListState.GOEDGEKEURD
    # the reviewer may not destroy; the archivaris starts it from the page
    assert rev.post(url, {"what": "destroy"}).status_code == 403
    assert arch.post(url, {"what": "destroy"}).status_code == 302
    found.refresh_from_db()
    assert found.state == ListState.VERNIETIGD
    assert found.items.get(pk=first.pk).step == Step.OPEN  # excluded: left alone
    page = arch.get(url).content.decode()
    assert "Verklaring van vernietiging" in page and "Bezwaar loopt" in page
    assert first.identificatie in page
    # the destroyed zaak's identity stays listable and findable; the excluded one is not listed
    gone = found.items.get(step=Step.VERNIETIGD)
    page = arch.get(reverse("archief:vernietigd"), {"zoek": gone.identificatie}).content.decode()
    assert gone.identificatie in page and gone.zaaktype_omschrijving in page
    assert first.identificatie not in arch.get(reverse("archief:vernietigd")).content.decode()


def test_the_overview_shows_each_lists_state_and_whom_it_waits_for_and_the_composer_hears_of_the_end(
    client: ZGWClient,
) -> None:
    from django.core import mail

    from zaakwerk.archief.services import destruction, lists, selection

    melding = zaaktype(client)
    rm_user = staff("rm", ArchiefRole.RECORDMANAGER, email="rm@example.org")
    rev_user = staff("rev", ArchiefRole.REVIEWER, email="rev@example.org")
    arch_user = staff("arch", ArchiefRole.ARCHIVARIS, email="arch@example.org")
    waiting = lists.compose(
        rm_user, "Wacht op beoordeling", selection.by_urls(client, [closed_zaak(client, melding).zaak.url])
    )
    lists.submit(rm_user, waiting, rev_user)
    done = lists.compose(
        rm_user, "Wordt vernietigd", selection.by_urls(client, [closed_zaak(client, melding).zaak.url])
    )
    lists.submit(rm_user, done, rev_user)
    lists.approve(rev_user, done)
    lists.approve(arch_user, done)
    # the overview: each list with its state and whom it waits for
    page = browser(arch_user).get(reverse("archief:lijsten")).content.decode()
    assert "Wacht op beoordeling" in page and "Ter beoordeling" in page and "Rev Tester" in page
    assert "Goedgekeurd, wordt vernietigd" in page and "recordmanager of archivaris" in page
    # when it is destroyed, its composer is mailed
    assert destruction.run(client, list_uuid=str(done.uuid)).finished
    assert mail.outbox[-1].to == ["rm@example.org"] and "vernietigd" in mail.outbox[-1].subject
    page = browser(rm_user).get(reverse("archief:lijst", args=[done.uuid])).content.decode()
    assert "Vernietigd, verklaring opgemaakt" in page
